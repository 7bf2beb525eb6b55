package interchange

import (
	"bytes"
	"encoding/json"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"journeycanvas/data"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.json")

// tinyPNG is a 2×2 picture for persona photos.
func tinyPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{200, 30, 90, 255})
	img.Set(1, 1, color.RGBA{20, 130, 190, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sampleFixture is the Vietnamese e-commerce sample with every kind of field filled in,
// store-like ids (not 1..n) and its cards out of reading order in the slice.
func sampleFixture(t testing.TB) *data.Map {
	m := data.SampleMap("vi")
	m.ID, m.PersonaID = 42, 7
	m.Owner = "Nhóm CX"
	m.Status = data.InReview
	m.Curve = data.CurvePerStage
	m.Created = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	m.Updated = time.Date(2025, 3, 2, 17, 30, 15, 123456789, time.FixedZone("ICT", 7*3600))
	m.Persona.ID = 7
	m.Persona.Photo = tinyPNG(t)
	m.Persona.Excites = "Ưu đãi thành viên; giao hàng nhanh"
	m.Stages[2].Description = "Đặt hàng và thanh toán\nỳ ữ ặ đ"
	for i := range m.Stages {
		m.Stages[i].ID += 100
		m.Stages[i].MapID = 42
	}
	for i := range m.Lanes {
		m.Lanes[i].ID += 200
		m.Lanes[i].MapID = 42
	}
	for i := range m.Cards {
		c := &m.Cards[i]
		c.ID += 300
		c.StageID += 100
		c.LaneID += 200
		c.MapID = 42
	}
	for i := range m.Links {
		m.Links[i].FromID += 300
		m.Links[i].ToID += 300
		m.Links[i].MapID = 42
	}
	half := 1.5
	m.Cards[0].Emotion = &half
	m.Cards[0].Notes = "Ghi chú <b>đậm</b> & \"trích dẫn\"\nDòng hai"
	m.Cards[0].Tags = []string{"mạng xã hội", "quảng cáo"}
	m.Cards[0].Colour = "#e64980"
	m.Cards[1].Presence = data.Offline
	m.Cards[1].Evidence = data.EvidenceAssumed
	m.Cards[2].Evidence = data.EvidenceProposed
	m.Cards[2].Metric = &data.Metric{Name: "NPS", Value: -12.5}
	// Put the last card first: WriteJSON must still write reading order.
	m.Cards = append([]data.Card{m.Cards[len(m.Cards)-1]}, m.Cards[:len(m.Cards)-1]...)
	return m
}

func writeJSON(t testing.TB, m *data.Map) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteJSON(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestJSONRoundTrip(t *testing.T) {
	m := sampleFixture(t)
	first := writeJSON(t, m)
	back, err := ReadJSON(bytes.NewReader(first), "sample.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMap(back); err != nil {
		t.Fatal(err)
	}
	second := writeJSON(t, back)
	if !bytes.Equal(first, second) {
		t.Fatalf("write → read → write differs:\n%s\n---\n%s", first, second)
	}
	// Nothing is lost on the way.
	if back.Title != m.Title || back.Goal != m.Goal || back.Audience != m.Audience || back.Owner != m.Owner ||
		back.Type != m.Type || back.Status != m.Status || back.Curve != m.Curve ||
		!back.Created.Equal(m.Created) || !back.Updated.Equal(m.Updated) {
		t.Errorf("map fields differ: %+v", back)
	}
	if !bytes.Equal(back.Persona.Photo, m.Persona.Photo) || back.Persona.Excites != m.Persona.Excites || back.Persona.ID != 0 {
		t.Errorf("persona differs: %+v", back.Persona)
	}
	if len(back.Cards) != len(m.Cards) || len(back.Links) != 1 || len(back.Stages) != 5 || len(back.Lanes) != 6 {
		t.Fatalf("counts: %d cards %d links %d stages %d lanes", len(back.Cards), len(back.Links), len(back.Stages), len(back.Lanes))
	}
	c := back.Cards[0]
	if c.Emotion == nil || *c.Emotion != 1.5 || c.Notes != m.Cards[1].Notes || c.Colour != "#e64980" || len(c.Tags) != 2 {
		t.Errorf("first card: %+v", c)
	}
	var withTarget, withoutTarget, nilEmotion bool
	for _, c := range back.Cards {
		if c.Metric != nil && c.Metric.Target != nil && *c.Metric.Target == 40 && c.Metric.UpIsGood {
			withTarget = true
		}
		if c.Metric != nil && c.Metric.Target == nil && c.Metric.Value == -12.5 {
			withoutTarget = true
		}
		if c.Emotion == nil {
			nilEmotion = true
		}
	}
	if !withTarget || !withoutTarget || !nilEmotion {
		t.Errorf("metric with target %v, without %v, nil emotion %v", withTarget, withoutTarget, nilEmotion)
	}
	l := back.Links[0]
	if from, to := back.Card(l.FromID), back.Card(l.ToID); from == nil || to == nil || from.Title != "Thanh toán lỗi lần đầu" || to.Title != "Nhận email giảm 10% và đặt hàng" || l.Label != "thử lại" {
		t.Errorf("link %+v", l)
	}
	// Refs are positional and no database id leaks into the file.
	s := string(first)
	for _, want := range []string{`"ref": "s1"`, `"ref": "l6"`, `"ref": "c13"`, `"from": "c8"`, `"format": "journeycanvas-map"`, `"version": 1`,
		`"updated": "2025-03-02T10:30:15.123456789Z"`, `"photo": "iVBOR`, `"status": "review"`, `"curve": "stages"`, `<b>đậm</b> &`} {
		if !strings.Contains(s, want) {
			t.Errorf("the file lacks %s", want)
		}
	}
	for _, leak := range []string{`"ID":`, `"id":`, `"MapID":`} {
		if strings.Contains(s, leak) {
			t.Errorf("the file contains %s", leak)
		}
	}
}

func TestSampleJSON(t *testing.T) {
	got := writeJSON(t, sampleFixture(t))
	path := filepath.Join("testdata", "sample.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date (go test -run TestSampleJSON -update ./data/interchange/):\n%s", path, got)
	}
	m, warnings, err := ReadFile(path)
	if err != nil || len(warnings) != 0 {
		t.Fatal(err, warnings)
	}
	if err := checkMap(m); err != nil {
		t.Fatal(err)
	}
}

func TestWriteJSONDefaultsAndFaults(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, &data.Map{Title: "Trống"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"type": "current"`, `"status": "draft"`, `"curve": "cards"`, `"min": -2`, `"stages": []`, `"links": []`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("empty map: lacks %s:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "persona") || strings.Contains(b.String(), "created") {
		t.Errorf("empty map writes absent fields:\n%s", b.String())
	}
	bad := &data.Map{Title: "X", Stages: []data.Stage{{ID: 1}}, Lanes: []data.Lane{{ID: 1}}, Cards: []data.Card{{ID: 1, StageID: 1, LaneID: 9}}}
	if err := WriteJSON(&b, bad); err == nil || !strings.Contains(err.Error(), "card 1") {
		t.Errorf("card in a missing lane: %v", err)
	}
	bad.Cards[0].LaneID = 1
	bad.Links = []data.Link{{FromID: 1, ToID: 5}}
	if err := WriteJSON(&b, bad); err == nil || !strings.Contains(err.Error(), "link 1") {
		t.Errorf("link to a missing card: %v", err)
	}
	// Unsaved cards may all have id 0, as long as no link needs to tell them apart.
	bad.Cards = []data.Card{{StageID: 1, LaneID: 1, Title: "a"}, {StageID: 1, LaneID: 1, Title: "b"}}
	bad.Links = nil
	if err := WriteJSON(&b, bad); err != nil {
		t.Errorf("cards without ids: %v", err)
	}
	bad.Links = []data.Link{{FromID: 0, ToID: 0}}
	if err := WriteJSON(&b, bad); err == nil || !strings.Contains(err.Error(), "more than one card") {
		t.Errorf("link between cards without ids: %v", err)
	}
}

// A minimal valid native document.
const miniJSON = `{
  "format": "journeycanvas-map",
  "version": 1,
  "title": "Mini",
  "stages": [{"ref": "a", "name": "Nhận thức"}, {"ref": "b", "name": "Quyết định"}],
  "lanes": [{"ref": "x", "name": "Hành động", "kind": "steps"}],
  "cards": [
    {"ref": "k2", "stage": "b", "lane": "x", "title": "Đặt hàng", "emotion": 2},
    {"ref": "k1", "stage": "a", "lane": "x", "title": "Thấy quảng cáo", "emotion": -0.5, "tags": ["ỳ ữ ặ đ"]},
    {"stage": "a", "lane": "x", "title": "Không có ref"}
  ],
  "links": [{"from": "k1", "to": "k2", "label": "tiếp"}]
}`

func TestReadJSONGood(t *testing.T) {
	m, err := ReadJSON(strings.NewReader(nfd(miniJSON)), "dir/mini.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMap(m); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(cardTitles(m), "|"); got != "Thấy quảng cáo|Không có ref|Đặt hàng" {
		t.Errorf("cards %q", got)
	}
	if got := strings.Join(stageNames(m), "|"); got != "Nhận thức|Quyết định" {
		t.Errorf("stages %q", got)
	}
	if m.Cards[0].Tags[0] != "ỳ ữ ặ đ" {
		t.Errorf("tag %q", m.Cards[0].Tags[0])
	}
	def := data.DefaultScale()
	if m.Type != data.CurrentState || m.Status != data.Draft || m.Curve != data.CurvePerCard || m.Scale.Min != def.Min || len(m.Scale.Labels) != 5 {
		t.Errorf("defaults: %v %v %v %+v", m.Type, m.Status, m.Curve, m.Scale)
	}
	l := m.Links[0]
	if m.Card(l.FromID).Title != "Thấy quảng cáo" || m.Card(l.ToID).Title != "Đặt hàng" {
		t.Errorf("link %+v", l)
	}
	// No title: the file's base name.
	doc := strings.Replace(miniJSON, `"title": "Mini",`, "", 1)
	m, err = ReadJSON(strings.NewReader(doc), "/tmp/Hành trình.json")
	if err != nil || m.Title != "Hành trình" {
		t.Errorf("title from file name: %v %q", err, m.Title)
	}
	// A custom scale holds scores the default would refuse.
	doc = strings.Replace(miniJSON, `"title": "Mini",`, `"title": "Mini", "scale": {"min": 1, "max": 5}, "persona": null,`, 1)
	doc = strings.Replace(doc, `"emotion": -0.5`, `"emotion": 4.5`, 1)
	if m, err = ReadJSON(strings.NewReader(doc), "s.json"); err != nil || m.Scale.Max != 5 {
		t.Errorf("custom scale: %v", err)
	}
}

func TestReadJSONFaults(t *testing.T) {
	var base map[string]any
	if err := json.Unmarshal([]byte(miniJSON), &base); err != nil {
		t.Fatal(err)
	}
	card := func(d map[string]any, i int) map[string]any { return d["cards"].([]any)[i].(map[string]any) }
	long := strings.Repeat("ặ", 2345)
	cases := []struct {
		name   string
		change func(d map[string]any)
		path   string
		want   string
	}{
		{"no format", func(d map[string]any) { delete(d, "format") }, "format", "not a Journey Canvas map"},
		{"other format", func(d map[string]any) { d["format"] = "ojf" }, "format", `"ojf" is not "journeycanvas-map"`},
		{"newer version", func(d map[string]any) { d["version"] = 2 }, "version", "newer"},
		{"version text", func(d map[string]any) { d["version"] = "1" }, "version", "expected a whole number"},
		{"unknown field", func(d map[string]any) { d["colour"] = "red" }, "colour", `unknown field "colour"`},
		{"title type", func(d map[string]any) { d["title"] = 5 }, "title", "expected a string, found a number"},
		{"long title", func(d map[string]any) { d["title"] = long }, "title", "2,345 characters, the limit is 2,000"},
		{"map type", func(d map[string]any) { d["type"] = "past" }, "type", `"past" is not one of`},
		{"status", func(d map[string]any) { d["status"] = "done" }, "status", `"done"`},
		{"curve", func(d map[string]any) { d["curve"] = "spline" }, "curve", `"spline"`},
		{"created", func(d map[string]any) { d["created"] = "yesterday" }, "created", "not a time"},
		{"scale order", func(d map[string]any) { d["scale"] = map[string]any{"min": 3, "max": 1} }, "scale", "upwards"},
		{"scale labels", func(d map[string]any) { d["scale"] = map[string]any{"min": 1, "max": 3, "labels": []any{"a"}} }, "scale.labels", "needs 3"},
		{"scale decimal", func(d map[string]any) { d["scale"] = map[string]any{"min": 0.5, "max": 3} }, "scale.min", "whole number"},
		{"persona type", func(d map[string]any) { d["persona"] = "Hương" }, "persona", "expected an object"},
		{"persona name", func(d map[string]any) { d["persona"] = map[string]any{"summary": "x"} }, "persona.name", "needs a name"},
		{"persona field", func(d map[string]any) { d["persona"] = map[string]any{"name": "H", "age": 29} }, "persona.age", "unknown field"},
		{"persona photo", func(d map[string]any) { d["persona"] = map[string]any{"name": "H", "photo": "!!"} }, "persona.photo", "base64"},
		{"persona picture", func(d map[string]any) { d["persona"] = map[string]any{"name": "H", "photo": "aGVsbG8="} }, "persona.photo", "not a PNG or JPEG"},
		{"stages type", func(d map[string]any) { d["stages"] = map[string]any{} }, "stages", "expected an array"},
		{"stage ref twice", func(d map[string]any) { d["stages"].([]any)[1].(map[string]any)["ref"] = "a" }, "stages[1].ref", `"a" is used twice`},
		{"stage no ref", func(d map[string]any) { delete(d["stages"].([]any)[0].(map[string]any), "ref") }, "stages[0].ref", "missing"},
		{"stage colour", func(d map[string]any) { d["stages"].([]any)[0].(map[string]any)["colour"] = "red" }, "stages[0].colour", "not a colour"},
		{"lane kind", func(d map[string]any) { d["lanes"].([]any)[0].(map[string]any)["kind"] = "feelings" }, "lanes[0].kind", `"feelings"`},
		{"lane empty ref", func(d map[string]any) { d["lanes"].([]any)[0].(map[string]any)["ref"] = "" }, "lanes[0].ref", "empty"},
		{"card stage", func(d map[string]any) { card(d, 1)["stage"] = "zz" }, "cards[1].stage", `no stage has ref "zz"`},
		{"card lane", func(d map[string]any) { delete(card(d, 2), "lane") }, "cards[2].lane", "missing"},
		{"card ref twice", func(d map[string]any) { card(d, 1)["ref"] = "k2" }, "cards[1].ref", "used twice"},
		{"card emotion", func(d map[string]any) { card(d, 0)["emotion"] = 3 }, "cards[0].emotion", "outside the map's emotion scale -2..2"},
		{"card emotion text", func(d map[string]any) { card(d, 0)["emotion"] = "2" }, "cards[0].emotion", "expected a number"},
		{"card pain", func(d map[string]any) { card(d, 0)["pain"] = "yes" }, "cards[0].pain", "expected true or false"},
		{"card presence", func(d map[string]any) { card(d, 0)["presence"] = "hybrid" }, "cards[0].presence", `"hybrid"`},
		{"card evidence", func(d map[string]any) { card(d, 0)["evidence"] = "guessed" }, "cards[0].evidence", `"guessed"`},
		{"card tags", func(d map[string]any) { card(d, 1)["tags"] = []any{"a", 1} }, "cards[1].tags[1]", "expected a string"},
		{"card field", func(d map[string]any) { card(d, 0)["id"] = 1 }, "cards[0].id", "unknown field"},
		{"card notes", func(d map[string]any) { card(d, 0)["notes"] = strings.Repeat("x", MaxNotesBytes+1) }, "cards[0].notes", "2,097,153 bytes, the limit is 2,097,152"},
		{"metric", func(d map[string]any) { card(d, 0)["metric"] = map[string]any{"name": "NPS", "value": "high"} }, "cards[0].metric.value", "expected a number"},
		{"metric huge", func(d map[string]any) { card(d, 0)["metric"] = map[string]any{"value": json.Number("1e999")} }, "cards[0].metric.value", "out of range"},
		{"link to", func(d map[string]any) { d["links"].([]any)[0].(map[string]any)["to"] = "nope" }, "links[0].to", `no card has ref "nope"`},
		{"link self", func(d map[string]any) { d["links"].([]any)[0].(map[string]any)["to"] = "k1" }, "links[0].to", "itself"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var d map[string]any
			b, _ := json.Marshal(base)
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.UseNumber()
			if err := dec.Decode(&d); err != nil {
				t.Fatal(err)
			}
			c.change(d)
			b, _ = json.Marshal(d)
			_, err := ReadJSON(bytes.NewReader(b), "m.json")
			wantParseError(t, err, 0, c.path, c.want)
			if err != nil && !strings.HasPrefix(err.Error(), "m.json: at "+c.path+": ") {
				t.Errorf("error %q does not start with the file and path", err)
			}
		})
	}
}

func TestReadJSONBrokenText(t *testing.T) {
	cases := []struct {
		name, doc  string
		line       int
		path, want string
	}{
		{"empty", "", 0, "", "empty"},
		{"array", "[1, 2]", 0, "", "expected a JSON object"},
		{"syntax", "{\n  \"format\": \"journeycanvas-map\",\n  \"version\": 1,\n  \"title\": \"x\" \"y\"\n}", 4, "", "not valid JSON"},
		{"cut short", "{\n  \"format\": \"journeycanvas-map\",\n  \"stages\": [", 3, "", "ends too early"},
		{"trailing", `{"format": "journeycanvas-map", "version": 1} {}`, 1, "", "after the end"},
		{"bad UTF-8", "{\"format\": \"journeycanvas-map\", \"version\": 1,\n\"cards\": [{\"title\": \"ok\"}, {\"title\": \"Nh\xe1n\"}]}", 2, "cards[1].title", "invalid UTF-8"},
		{"bad UTF-8 key", "{\"format\": \"journeycanvas-map\", \"st\xffges\": []}", 1, "[\"st\ufffdges\"]", "invalid UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(c.doc), "m.json")
			wantParseError(t, err, c.line, c.path, c.want)
		})
	}
}

func TestPathAt(t *testing.T) {
	doc := `{"a": 1, "b": [10, {"c": "x", "d": [true, "here"]}], "e": "f"}`
	for _, c := range []struct{ at, path string }{{`"here"`, "b[1].d[1]"}, {`"x"`, "b[1].c"}, {`"f"`, "e"}, {`"d"`, "b[1].d"}, {`10`, "b[0]"}} {
		if got := pathAt([]byte(doc), strings.Index(doc, c.at)+1); got != c.path {
			t.Errorf("path at %s = %q, want %q", c.at, got, c.path)
		}
	}
}

// TestJSONMapOptions carries a map's language and note lines through a real workspace: dump,
// import into another workspace, dump again, byte for byte; bad values are refused with their
// path.
func TestJSONMapOptions(t *testing.T) {
	dir := t.TempDir()
	s, err := data.Open(filepath.Join(dir, "a.journey"), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := sampleFixture(t)
	m.Lang, m.NoteLines = "en", 3
	if m.Persona != nil {
		m.Persona.ID = 0 // a new persona in this workspace
	}
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	first := writeJSON(t, stored)
	if !strings.Contains(string(first), `"lang": "en"`) || !strings.Contains(string(first), `"noteLines": 3`) {
		t.Fatalf("the dump lacks the options:\n%s", first)
	}
	back, err := ReadJSON(bytes.NewReader(first), "a.json")
	if err != nil {
		t.Fatal(err)
	}
	s2, err := data.Open(filepath.Join(dir, "b.journey"), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	id2, err := s2.CreateMap(back)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s2.LoadMap(id2)
	if err != nil {
		t.Fatal(err)
	}
	if second := writeJSON(t, again); !bytes.Equal(first, second) {
		t.Fatalf("dump → import → dump differs:\n%s\n---\n%s", first, second)
	}
	for _, c := range []struct{ member, path string }{
		{`"lang": "fr"`, "lang"}, {`"noteLines": 4`, "noteLines"}, {`"noteLines": -1`, "noteLines"}, {`"noteLines": "2"`, "noteLines"},
	} {
		bad := strings.Replace(string(first), `"lang": "en", "noteLines": 3`, c.member, 1)
		bad = strings.Replace(bad, "\"lang\": \"en\",\n  \"noteLines\": 3", "  "+c.member, 1)
		if bad == string(first) {
			t.Fatal("could not build the bad input")
		}
		if _, err := ReadJSON(strings.NewReader(bad), "bad.json"); err == nil || !strings.Contains(err.Error(), c.path) {
			t.Errorf("%s: %v", c.member, err)
		}
	}
}

// TestJSONCarriesComments: threads on the map, a stage and a card, with replies, authors,
// times and resolution, survive the native JSON and an import into a workspace.
func TestJSONCarriesComments(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "w.journey"), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.CreateMap(data.SampleMap("vi"))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.LoadMap(id)
	s.SetAuthor("Lan", "1")
	card := m.Cards[len(m.Cards)-1].ID
	root, _ := s.AddComment(data.Comment{MapID: id, TargetKind: data.OnCard, TargetID: card, Text: "Khách hàng có quay lại không?"})
	s.SetAuthor("Minh", "2")
	if _, err := s.AddComment(data.Comment{MapID: id, ParentID: root, Text: "Có, sau 3 tuần"}); err != nil {
		t.Fatal(err)
	}
	st, _ := s.AddComment(data.Comment{MapID: id, TargetKind: data.OnStage, TargetID: m.Stages[1].ID, Text: "Đổi tên giai đoạn"})
	if err := s.ResolveThread(id, st, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComment(data.Comment{MapID: id, TargetKind: data.OnMap, TargetID: id, Text: "Bản nháp 2"}); err != nil {
		t.Fatal(err)
	}
	m, _ = s.LoadMap(id)
	var a bytes.Buffer
	if err := WriteJSON(&a, m); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.String(), `"comments"`) || !strings.Contains(a.String(), `"resolved": true`) {
		t.Fatalf("no comments written:\n%s", a.String())
	}
	back, err := ReadJSON(bytes.NewReader(a.Bytes()), "m.json")
	if err != nil {
		t.Fatal(err)
	}
	id2, err := s.CreateMap(back)
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := s.LoadMap(id2)
	var b bytes.Buffer
	if err := WriteJSON(&b, m2); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatalf("the round trip changed the map:\n%s\n---\n%s", a.String(), b.String())
	}
	bad := strings.Replace(a.String(), `"on": "map"`, `"on": "c999"`, 1)
	if _, err := ReadJSON(strings.NewReader(bad), "bad.json"); err == nil || !strings.Contains(err.Error(), "comments") {
		t.Fatalf("a comment on an unknown ref: %v", err)
	}
}
