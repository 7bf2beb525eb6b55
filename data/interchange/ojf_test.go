package interchange

import (
	"math"
	"strings"
	"testing"

	"journeycanvas/data"
)

func TestReadOJFSample(t *testing.T) {
	m, warnings, err := ReadFile("testdata/ecommerce.ojf")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMap(m); err != nil {
		t.Fatal(err)
	}
	if m.Title != "Buying a beauty product online" || m.Audience != "A new customer buying skincare on her phone" || m.Owner != "Marketing team" {
		t.Errorf("title %q audience %q owner %q", m.Title, m.Audience, m.Owner)
	}
	if m.Goal != "Raise repeat purchases." {
		t.Errorf("goal %q", m.Goal)
	}
	for _, want := range []string{"exportedBy: OpenJourney editor 2.3", "metadata.created: 2025-03-01"} {
		if !strings.Contains(m.Notes, want) {
			t.Errorf("notes %q lack %q", m.Notes, want)
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `"exportedBy"`) {
		t.Errorf("warnings %q", warnings)
	}
	p := m.Persona
	if p == nil || p.Name != "Hương, 29, office worker" || p.Goals != "Healthy skin\nNo hours spent comparing" || !strings.Contains(p.Summary, "age: 29") || p.Frustrates == "" {
		t.Errorf("persona %+v", p)
	}
	if got := strings.Join(stageNames(m), "|"); got != "Awareness|Consideration|Decision|Retention|Loyalty" {
		t.Errorf("stages %q", got)
	}
	if m.Stages[0].Colour != "#4C6EF5" || m.Stages[2].Description != "Ordering and paying" {
		t.Errorf("stage %+v %+v", m.Stages[0], m.Stages[2])
	}
	var lanes []string
	for _, l := range m.Lanes {
		lanes = append(lanes, l.Name+"="+string(l.Kind))
	}
	if got := strings.Join(lanes, "|"); got != "Physical evidence=custom|Actions=steps|Onstage=backstage-people|Backstage=backstage-people|Support processes=backstage-processes|Touchpoints=touchpoints|Thoughts=thoughts|Pain points=pains|Opportunities=opportunities" {
		t.Errorf("lanes %q", got)
	}
	if m.Type != data.ServiceBlueprint {
		t.Errorf("type %v", m.Type)
	}
	byTitle := map[string]data.Card{}
	for _, c := range m.Cards {
		byTitle[c.Title] = c
	}
	ad := byTitle["Sees a social-media ad for a serum"]
	if ad.Emotion == nil || math.Abs(*ad.Emotion-0.8) > 1e-9 || ad.Notes != "sentiment: curious\nicon: eye" || strings.Join(ad.Tags, ",") != "social,ads" {
		t.Errorf("ad card %+v", ad)
	}
	filter := byTitle["Reviews are hard to filter by skin type"]
	if !filter.Pain || filter.Colour != "#E64980" || filter.Notes != "Seven of twelve interviewees mentioned it.\n\nseverity: medium" || *filter.Emotion != -0.8 {
		t.Errorf("filter card %+v", filter)
	}
	if c := byTitle["Add a skin-type filter to reviews"]; c.Colour != "" || c.Notes != "iconColor: green" {
		t.Errorf("iconColor card %+v", c)
	}
	if c := byTitle["Card payment fails once"]; !c.Pain || *c.Emotion != -2 {
		t.Errorf("payment card %+v", c)
	}
	if c := byTitle["Joins the loyalty programme and buys again"]; c.Pain || !c.MomentOfTruth || c.Notes != "severity: low\nrating: 5" {
		t.Errorf("loyalty card %+v", c)
	}
	if c := byTitle["Sponsored post"]; c.Channel != "Facebook" || c.Emotion != nil {
		t.Errorf("channel card %+v", c)
	}
	seg := byTitle["Segment customers who viewed the serum"]
	if seg.Notes != "owner: CRM team" || m.Lane(seg.LaneID).Name != "Backstage" || m.Stage(seg.StageID).Name != "Decision" {
		t.Errorf("blueprint card %+v", seg)
	}
	if c := byTitle["Payment gateway"]; m.Lane(c.LaneID).Kind != data.LaneProcesses {
		t.Errorf("support card %+v", c)
	}
	if len(m.Links) != 1 || m.Card(m.Links[0].FromID).Title != "Card payment fails once" || m.Links[0].Label != "retries the payment" {
		t.Errorf("links %+v", m.Links)
	}
	if len(m.Cards) != 16 {
		t.Errorf("%d cards", len(m.Cards))
	}
}

func TestReadOJFGood(t *testing.T) {
	cases := []struct {
		name, file, text string
		check            func(t *testing.T, m *data.Map)
	}{
		{"root title, string persona, numeric ids, NFD", "a.ojf",
			nfd(`{"title": "Hành trình", "persona": "Chị Hương", "pointOfView": "Khách hàng mới",
			  "stages": [{"id": 1, "name": "Nhận thức"}, {"id": 2, "name": "Quyết định"}],
			  "swimlanes": [{"id": "a", "name": "Điểm chạm"}],
			  "nodes": [{"stageId": 2, "swimlaneId": "a", "title": "Đặt hàng", "score": 5},
			            {"stageId": "1", "swimlaneId": "a", "title": "Quảng cáo", "score": -5, "tags": ["ỳ ữ ặ đ"]}]}`),
			func(t *testing.T, m *data.Map) {
				if m.Title != "Hành trình" || m.Persona.Name != "Chị Hương" || m.Audience != "Khách hàng mới" || m.Type != data.CurrentState {
					t.Errorf("map %+v", m)
				}
				if got := strings.Join(cardTitles(m), "|"); got != "Quảng cáo|Đặt hàng" || *m.Cards[0].Emotion != -2 || *m.Cards[1].Emotion != 2 {
					t.Errorf("cards %q", got)
				}
				if m.Lanes[0].Kind != data.LaneTouchpoints || m.Cards[0].Tags[0] != "ỳ ữ ặ đ" {
					t.Errorf("lane %+v", m.Lanes[0])
				}
			}},
		{"title from point of view, no swimlane", "b.ojf",
			`{"metadata": {"pov": "A first-time buyer", "persona": {"description": "Busy", "avatar": "x.png"}},
			  "stages": [{"id": "s", "name": "Only", "colour": "blue", "order": 1}],
			  "nodes": [{"stageId": "s", "title": "Step", "blueprint": {"extra": 1, "evidence": [null, "", 3]}}]}`,
			func(t *testing.T, m *data.Map) {
				if m.Title != "A first-time buyer" || m.Audience != "A first-time buyer" {
					t.Errorf("title %q audience %q", m.Title, m.Audience)
				}
				if m.Persona.Name != "Persona" || m.Persona.Summary != "Busy\n\navatar: x.png" {
					t.Errorf("persona %+v", m.Persona)
				}
				if m.Stages[0].Description != "colour: blue\norder: 1" || m.Stages[0].Colour != "" {
					t.Errorf("stage %+v", m.Stages[0])
				}
				if len(m.Lanes) != 2 || m.Lanes[0].Name != "Physical evidence" || m.Lanes[1].Name != "Steps" || m.Cards[1].Notes != "blueprint.extra: 1" || m.Cards[0].Title != "3" {
					t.Errorf("lanes %+v cards %+v", m.Lanes, m.Cards)
				}
			}},
		{"title from the file", "dir/Tên tệp.ojf", `{"stages": [], "nodes": []}`,
			func(t *testing.T, m *data.Map) {
				if m.Title != "Tên tệp" || len(m.Stages) != 0 {
					t.Errorf("map %+v", m)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, _, err := ReadOJF(strings.NewReader(c.text), c.file)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkMap(m); err != nil {
				t.Fatal(err)
			}
			c.check(t, m)
		})
	}
}

func TestReadOJFFaults(t *testing.T) {
	const stages = `"stages": [{"id": "a", "name": "A"}], "swimlanes": [{"id": 1, "name": "L"}]`
	cases := []struct {
		name, text string
		path, want string
	}{
		{"array", `[]`, "", "expected an object"},
		{"unknown stage", `{` + stages + `, "nodes": [{"stageId": "a", "swimlaneId": 1}, {"stageId": "b", "swimlaneId": 1}]}`, "nodes[1].stageId", `no stage has id "b"`},
		{"unknown swimlane", `{` + stages + `, "nodes": [{"stageId": "a", "swimlaneId": 2}]}`, "nodes[0].swimlaneId", `no swimlane has id "2"`},
		{"no stage", `{` + stages + `, "nodes": [{"swimlaneId": 1}]}`, "nodes[0].stageId", "no stageId"},
		{"score", `{` + stages + `, "nodes": [{"stageId": "a", "score": 6}]}`, "nodes[0].score", "outside −5..+5"},
		{"score text", `{` + stages + `, "nodes": [{"stageId": "a", "score": "five"}]}`, "nodes[0].score", "expected a number"},
		{"score object", `{` + stages + `, "nodes": [{"stageId": "a", "score": {}}]}`, "nodes[0].score", "expected a number"},
		{"override", `{"stages": [{"id": "a", "overrideEmotion": 9}]}`, "stages[0].overrideEmotion", "outside −5..+5"},
		{"severity", `{` + stages + `, "nodes": [{"stageId": "a", "severity": "extreme"}]}`, "nodes[0].severity", `"extreme"`},
		{"title type", `{` + stages + `, "nodes": [{"stageId": "a", "title": ["x"]}]}`, "nodes[0].title", "expected a string"},
		{"moment type", `{` + stages + `, "nodes": [{"stageId": "a", "isMomentOfTruth": "yes"}]}`, "nodes[0].isMomentOfTruth", "true or false"},
		{"stage id twice", `{"stages": [{"id": "a"}, {"id": "a"}]}`, "stages[1].id", "used twice"},
		{"stage id type", `{"stages": [{"id": true}]}`, "stages[0].id", "a string or a number"},
		{"stage no id", `{"stages": [{"name": "x"}]}`, "stages[0].id", "missing"},
		{"nodes type", `{"nodes": {}}`, "nodes", "expected an array"},
		{"persona type", `{"persona": 5}`, "persona", "persona name or object"},
		{"metadata type", `{"metadata": "x"}`, "metadata", "expected an object"},
		{"link", `{` + stages + `, "nodes": [{"id": "n", "stageId": "a"}], "links": [{"from": "n", "to": "m"}]}`, "links[0].to", `no node has id "m"`},
		{"long title", `{"title": "` + strings.Repeat("ữ", 2345) + `"}`, "title", "2,345 characters, the limit is 2,000"},
		{"bad UTF-8", "{\"stages\": [{\"id\": \"a\", \"name\": \"Nh\xe1n\"}]}", "stages[0].name", "invalid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadOJF(strings.NewReader(c.text), "j.ojf")
			line := 0
			if c.name == "bad UTF-8" {
				line = 1
			}
			wantParseError(t, err, line, c.path, c.want)
		})
	}
}
