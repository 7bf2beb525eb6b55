package interchange

import (
	"strings"
	"testing"

	"journeycanvas/data"
)

// byTitle indexes a map's cards by title.
func byTitle(m *data.Map) map[string]data.Card {
	out := map[string]data.Card{}
	for _, c := range m.Cards {
		out[c.Title] = c
	}
	return out
}

func laneList(m *data.Map) string {
	var out []string
	for _, l := range m.Lanes {
		out = append(out, l.Name+"="+string(l.Kind))
	}
	return strings.Join(out, "|")
}

// Ptolemy's own blueprint sample: every blueprint entry is a titled card in a lane laid out as
// a blueprint reads, the format's version is not the map's goal, scores are exact.
func TestReadPtolemyBlueprint(t *testing.T) {
	m, warnings, err := ReadFile("testdata/ptolemy-hotel-check-in-blueprint.ojf")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMap(m); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %q", warnings)
	}
	if m.Title != "Hotel Arrival & Check-in" || m.Goal != "" || m.Notes != "" || strings.Contains(m.Goal+m.Notes, "1.1.0") {
		t.Errorf("title %q goal %q notes %q", m.Title, m.Goal, m.Notes)
	}
	if m.Type != data.ServiceBlueprint || m.Persona == nil || m.Persona.Name != "Business Traveler" || m.Audience != "Checking into a premium hotel after a long flight" {
		t.Errorf("type %v persona %+v audience %q", m.Type, m.Persona, m.Audience)
	}
	if got := laneList(m); got != "Physical evidence=custom|Customer Actions=steps|Onstage=backstage-people|Backstage=backstage-people|Support processes=backstage-processes|Pain Points=pains" {
		t.Errorf("lanes %s", got)
	}
	for _, c := range m.Cards {
		if strings.TrimSpace(c.Title) == "" {
			t.Errorf("a blank card: %+v", c)
		}
	}
	cards := byTitle(m)
	door, ok := cards["Doorman: Opens taxi door and greets guest"]
	if !ok || m.Lane(door.LaneID).Name != "Onstage" || m.Stage(door.StageID).Name != "Arrival" || door.Notes != "" {
		t.Errorf("onstage card %+v", door)
	}
	sign := cards["Hotel Signage"]
	if m.Lane(sign.LaneID).Name != "Physical evidence" || strings.Join(sign.Tags, ",") != "Physical" || sign.Notes != "" {
		t.Errorf("evidence card %+v", sign)
	}
	valet := cards["Valet System"]
	if m.Lane(valet.LaneID).Name != "Support processes" || valet.Notes != "Registers arrival time" {
		t.Errorf("support card %+v", valet)
	}
	if c := cards["Security: Logs vehicle arrival"]; m.Lane(c.LaneID).Name != "Backstage" {
		t.Errorf("backstage card %+v", c)
	}
	arrive := cards["Arrive at Entrance"]
	if arrive.Emotion == nil || *arrive.Emotion != 0.8 || strings.Join(arrive.Tags, ",") != "touchpoint" {
		t.Errorf("scored card %+v", arrive)
	}
	if c := cards["Room Access"]; strings.Join(c.Tags, ",") != "milestone" || *c.Emotion != 2 {
		t.Errorf("milestone card %+v", c)
	}
	if c := cards["Verification"]; !c.Pain || *c.Emotion != -0.4 {
		t.Errorf("medium severity card %+v", c)
	}
	// The dump writes scores in their shortest form.
	var b strings.Builder
	if err := WriteJSON(&b, m); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "99999") || strings.Contains(b.String(), "00000") || !strings.Contains(b.String(), `"emotion": 0.8`) {
		t.Errorf("dump has inexact scores:\n%s", b.String())
	}
}

// Ptolemy's samples without node ids, and the README's variant with "stage" and no
// swimlanes, are read; purposes become flags and tags; ids are generated as Ptolemy does.
func TestReadPtolemyVariants(t *testing.T) {
	m, warnings, err := ReadFile("testdata/ptolemy-customer-support.ojf")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMap(m); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %q", warnings)
	}
	pains, tagged := 0, map[string]int{}
	for _, c := range m.Cards {
		if c.Pain {
			pains++
		}
		for _, tg := range c.Tags {
			tagged[tg]++
		}
	}
	if pains == 0 || tagged["bottleneck"] == 0 || tagged["gain"] == 0 || tagged["milestone"] == 0 {
		t.Errorf("pains %d tags %v", pains, tagged)
	}

	readme := func(links string) string {
		return `{
  "metadata": { "title": "Example Journey", "version": "1.0" },
  "stages": [ { "id": "s1", "name": "Awareness" } ],
  "nodes": [ {
    "id": "n1",
    "stage": "s1",
    "title": "Customer finds us",
    "purpose": "opportunity",
    "blueprint": {
      "backstage": [ { "action": "Update SEO", "actor": "Marketing" } ]
    }
  }, {"id": "n1", "stage": "s1", "title": "Again", "score": 2}, {"stage": "s1", "title": "Later"}],
  "links": [` + links + `]
}`
	}
	_, _, err = ReadOJF(strings.NewReader(readme(`{"from": "n1", "to": "n2"}`)), "readme.ojf")
	wantParseError(t, err, 0, "links[0].to", `no node has id "n2"`)
	m, warnings, err = ReadOJF(strings.NewReader(readme(``)), "readme.ojf")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMap(m); err != nil {
		t.Fatal(err)
	}
	if m.Title != "Example Journey" || m.Goal != "" || m.Notes != "" || len(warnings) != 1 || !strings.Contains(warnings[0], "1 node had an id an earlier node has") {
		t.Errorf("title %q goal %q notes %q warnings %q", m.Title, m.Goal, m.Notes, warnings)
	}
	if got := laneList(m); got != "Steps=steps|Backstage=backstage-people" {
		t.Errorf("lanes %s", got)
	}
	cards := byTitle(m)
	if c := cards["Customer finds us"]; !c.Opportunity {
		t.Errorf("purpose opportunity: %+v", c)
	}
	if _, ok := cards["Marketing: Update SEO"]; !ok || cards["Again"].Emotion == nil || *cards["Again"].Emotion != 0.8 {
		t.Errorf("cards %q", cardTitles(m))
	}
}

// Unknown fields are kept in the map's notes and named; the format's version is not; root
// title and description are read; a stage's overrideEmotion becomes a card of its feeling.
func TestReadOJFMapFields(t *testing.T) {
	m, warnings, err := ReadOJF(strings.NewReader(`{"version": "1.0", "title": "Root title", "description": "Root description",
	  "metadata": {"version": "1.1.0", "exportedAt": "2026-01-02"}, "tool": {"name": "x"},
	  "stages": [{"id": "a", "name": "A", "overrideEmotion": 3}, {"id": "b", "name": "B", "overrideEmotion": ""}],
	  "swimlanes": [{"id": "l", "name": "Actions"}],
	  "nodes": [{"stageId": "a", "swimlaneId": "l", "title": "Go", "score": -1}]}`), "f.ojf")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMap(m); err != nil {
		t.Fatal(err)
	}
	if m.Title != "Root title" || m.Goal != "Root description" {
		t.Errorf("title %q goal %q", m.Title, m.Goal)
	}
	if m.Notes != "tool: {\"name\":\"x\"}\nmetadata.exportedAt: 2026-01-02" || strings.Contains(m.Notes, "version") {
		t.Errorf("notes %q", m.Notes)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], `"tool", "metadata.exportedAt"`) || !strings.Contains(warnings[0], "notes") ||
		!strings.Contains(warnings[1], "1 stage (overrideEmotion)") {
		t.Errorf("warnings %q", warnings)
	}
	if got := laneList(m); got != "Actions=steps|Emotions=emotions" {
		t.Errorf("lanes %s", got)
	}
	c := byTitle(m)["Overall feeling"]
	if c.Emotion == nil || *c.Emotion != 1.2 || m.Stage(c.StageID).Name != "A" || c.Notes != "overrideEmotion: 3" {
		t.Errorf("feeling card %+v", c)
	}
}

// Names the reader gives follow the map's language: a Vietnamese map gets Vietnamese lanes.
func TestReadOJFVietnameseNames(t *testing.T) {
	m, _, err := ReadOJF(strings.NewReader(`{"metadata": {"title": "Nhận phòng khách sạn"},
	  "stages": [{"id": "s1", "name": "Đến nơi"}, {"id": "s2", "name": "Làm thủ tục"}],
	  "nodes": [{"stageId": "s1", "title": "Xuống taxi trước sảnh", "blueprint": {
	     "evidence": [{"item": "Biển hiệu khách sạn", "type": "Vật lý"}],
	     "onstage": [{"actor": "Nhân viên gác cửa", "action": "Mở cửa xe và chào khách"}],
	     "support": [{"system": "Hệ thống đỗ xe", "description": "Ghi giờ đến"}]}}]}`), "vi.ojf")
	if err != nil {
		t.Fatal(err)
	}
	if got := laneList(m); got != "Bằng chứng hữu hình=custom|Các bước=steps|Trước mặt khách hàng=backstage-people|Quy trình hỗ trợ=backstage-processes" {
		t.Errorf("lanes %s", got)
	}
	if _, ok := byTitle(m)["Nhân viên gác cửa: Mở cửa xe và chào khách"]; !ok {
		t.Errorf("cards %q", cardTitles(m))
	}
}

// A blueprint entry whose actor and action together pass the title limit is refused with its
// path, not cut or left blank.
func TestReadOJFLongEntry(t *testing.T) {
	long := strings.Repeat("ữ", 1500)
	_, _, err := ReadOJF(strings.NewReader(`{"stages": [{"id": "a"}], "nodes": [{"stageId": "a", "blueprint": {"onstage": [{"actor": "`+long+`", "action": "`+long+`"}]}}]}`), "l.ojf")
	wantParseError(t, err, 0, "nodes[0].blueprint.onstage[0]", "the entry's title: 3,002 characters, the limit is 2,000")
}
