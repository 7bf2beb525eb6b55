package interchange

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"journeycanvas/data"
)

// roundTripSources are the maps the writers are tried on, as the store hands them out: the
// sample map, every template (English and Vietnamese) and the OJF, Mermaid, CSV and JSON test
// files, each saved in a real workspace and loaded back.
func roundTripSources(t *testing.T) map[string]*data.Map {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "w.journey"), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	out := map[string]*data.Map{}
	add := func(name string, m *data.Map) {
		id, err := s.CreateMap(m)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if out[name], err = s.LoadMap(id); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{"en", "vi"} {
		add("sample-"+lang, data.SampleMap(lang))
		for _, tp := range data.Templates {
			add("template-"+tp.ID+"-"+lang, tp.Build(lang))
		}
	}
	files, _ := filepath.Glob("testdata/*.*")
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		m, _, err := ReadFile(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		add(filepath.Base(f), m)
	}
	return out
}

func writeIn(t *testing.T, format string, m *data.Map) []byte {
	t.Helper()
	f, ok := FormatNamed(format)
	if !ok {
		t.Fatalf("no format %q", format)
	}
	var b bytes.Buffer
	if err := f.Write(&b, m); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

// timeless is the native JSON of m without its times (no format but ours carries them).
func timeless(t *testing.T, m *data.Map) string {
	t.Helper()
	c := *m
	c.Created, c.Updated = time.Time{}, time.Time{}
	return string(writeJSON(t, &c))
}

// Ours → OJF → ours gives the same map, whatever it holds (OJF carries all of it); the same
// map gives the same bytes.
func TestOJFRoundTrip(t *testing.T) {
	for name, m := range roundTripSources(t) {
		out := writeIn(t, "ojf", m)
		if again := writeIn(t, "ojf", m); !bytes.Equal(out, again) {
			t.Errorf("%s: two writes differ", name)
		}
		back, warnings, err := ReadOJF(bytes.NewReader(out), "x.ojf")
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		if len(warnings) > 0 {
			t.Errorf("%s: warnings %q", name, warnings)
		}
		if err := checkMap(back); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, want := timeless(t, back), timeless(t, m); got != want {
			t.Errorf("%s: OJF round trip differs:\n%s", name, firstDiff(got, want))
		}
	}
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

// lossKinds lists the kinds of what format cannot carry of m.
func lossKinds(format string, m *data.Map) map[lossKind]bool {
	out := map[lossKind]bool{}
	for _, l := range losses(format, m) {
		out[l.kind] = true
	}
	return out
}

// listRows is what a card list keeps of m: its rows (sorted when the lanes come back in
// another order).
func listRows(t *testing.T, m *data.Map, lang string, sorted bool) string {
	t.Helper()
	rows, err := cardListRows(m, lang)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range rows {
		// A card list trims its cells, and splits tags at ";" dropping empty ones.
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = strings.TrimSpace(c)
		}
		var tags []string
		for _, tg := range strings.Split(cells[11], ";") {
			if tg = strings.TrimSpace(tg); tg != "" {
				tags = append(tags, tg)
			}
		}
		cells[11] = strings.Join(tags, "; ")
		lines = append(lines, strings.Join(cells, "¦"))
	}
	if sorted {
		slices.Sort(lines)
	}
	return strings.Join(lines, "\n")
}

// Ours → CSV → ours and ours → XLSX → ours keep every card with every field a card list
// carries, the stages and lanes that hold cards, and (XLSX) the title, goal and owner.
func TestCardListRoundTrips(t *testing.T) {
	for name, m := range roundTripSources(t) {
		for _, format := range []string{"csv", "xlsx"} {
			out := writeIn(t, format, m)
			read := ReadCSV
			if format == "xlsx" {
				read = ReadXLSX
			}
			back, _, err := read(bytes.NewReader(out), "x."+format)
			if err != nil {
				t.Fatalf("%s %s: %v", name, format, err)
			}
			if err := checkMap(back); err != nil {
				t.Fatalf("%s %s: %v", name, format, err)
			}
			lk := lossKinds(format, m)
			if got, want := listRows(t, back, mapLang(m), lk[lossLaneOrder]), listRows(t, m, mapLang(m), lk[lossLaneOrder]); got != want {
				t.Errorf("%s %s: cards differ:\n%s", name, format, firstDiff(got, want))
			}
			if format == "xlsx" && (back.Title != m.Title || back.Goal != m.Goal || back.Owner != m.Owner) {
				t.Errorf("%s: title %q goal %q owner %q", name, back.Title, back.Goal, back.Owner)
			}
			if !lk[lossLaneKinds] {
				for _, l := range back.Lanes {
					for _, o := range m.Lanes {
						if o.Name == l.Name && o.Kind != l.Kind {
							t.Errorf("%s %s: lane %q kind %s, want %s", name, format, l.Name, l.Kind, o.Kind)
						}
					}
				}
			}
			if !lk[lossEmpty] && (len(back.Stages) != len(m.Stages) || len(back.Lanes) != len(m.Lanes)) {
				t.Errorf("%s %s: %d stages %d lanes, want %d and %d", name, format, len(back.Stages), len(back.Lanes), len(m.Stages), len(m.Lanes))
			}
		}
	}
}

// Ours → Mermaid → ours keeps the title, the goal, the stages, each stage's cards in order
// with their scores on 1..5 and their tags as actors; Mermaid's parser rules hold.
func TestMermaidRoundTrip(t *testing.T) {
	five := data.Scale{Min: 1, Max: 5}
	for name, m := range roundTripSources(t) {
		out := writeIn(t, "mermaid", m)
		for i, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
			if i > 0 && !strings.HasPrefix(strings.TrimSpace(line), "acc") && strings.ContainsAny(strings.SplitN(line, ": ", 2)[0], "#;") {
				t.Errorf("%s: line %d %q holds a character Mermaid refuses", name, i+1, line)
			}
		}
		back, _, err := ReadMermaid(bytes.NewReader(out), "x.mmd")
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		if err := checkMap(back); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if lossKinds("mermaid", m)[lossCharacters] {
			continue // names changed on purpose
		}
		project := mermaidProject
		_ = func(m *data.Map) string {
			var b strings.Builder
			fmt.Fprintf(&b, "%s\n%s\n", m.Title, strings.TrimSpace(m.Goal))
			for _, st := range m.Stages {
				fmt.Fprintf(&b, "[%s]\n", st.Name)
				for _, c := range m.Cards {
					if c.StageID != st.ID {
						continue
					}
					score := "3"
					if c.Emotion != nil {
						score = formatNumber(mapScore(*c.Emotion, float64(m.Scale.Min), float64(m.Scale.Max), five))
					}
					fmt.Fprintf(&b, "%s %s %s\n", c.Title, score, strings.Join(c.Tags, ","))
				}
			}
			return b.String()
		}
		if got, want := project(back), project(m); got != want {
			t.Errorf("%s: Mermaid round trip differs:\n%s", name, firstDiff(got, want))
		}
	}
}

// Each writer names what its format cannot carry of a map, and only what the map has.
func TestLosses(t *testing.T) {
	m := data.SampleMap("en")
	m.Links = nil
	if len(losses("ojf", m)) != 0 || len(losses("json", m)) != 0 {
		t.Errorf("OJF and JSON carry everything: %v %v", losses("ojf", m), losses("json", m))
	}
	var texts []string
	for _, l := range losses("mermaid", m) {
		texts = append(texts, l.Text("en"))
	}
	got := strings.Join(texts, "; ")
	for _, want := range []string{"each stage's cards follow one another", "the persona"} {
		if !strings.Contains(got, want) {
			t.Errorf("Mermaid losses %q lack %q", got, want)
		}
	}
	if strings.Contains(got, "links") {
		t.Errorf("a map without links: %q", got)
	}
	if vi := losses("csv", m)[0].Text("vi"); vi == losses("csv", m)[0].Text("en") {
		t.Errorf("no Vietnamese: %q", vi)
	}
	var vi []string
	for _, l := range losses("xlsx", data.SampleMap("vi")) {
		vi = append(vi, l.Text("vi"))
	}
	if got := strings.Join(vi, "; "); !strings.Contains(got, "đối tượng của bản đồ") || !utf8.ValidString(got) {
		t.Errorf("Vietnamese losses %q", got)
	}
}

// The round trips hold on many random maps too (random text with Vietnamese letters, control
// characters, quotes and empty strings; random scales, flags, metrics and links), each as the
// store keeps it.
func TestRoundTripsRandom(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "r.journey"), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(7, 8))
	photo := tinyPNG(t)
	n, tried := 0, 0
	for n < 150 && tried < 2000 {
		tried++
		id, err := s.CreateMap(randomMap(r, photo))
		if err != nil {
			continue // the store refuses what no user can make
		}
		m, err := s.LoadMap(id)
		if err != nil {
			t.Fatal(err)
		}
		n++
		back, _, err := ReadOJF(bytes.NewReader(writeIn(t, "ojf", m)), "r.ojf")
		if err != nil {
			t.Fatalf("map %d: %v", n, err)
		}
		if got, want := timeless(t, back), timeless(t, m); got != want {
			t.Fatalf("map %d: OJF round trip differs:\n%s", n, firstDiff(got, want))
		}
		if lk := lossKinds("mermaid", m); !lk[lossCharacters] && !lk[lossUntitled] && !lk[lossCommas] && !lk[lossRenamed] && len(m.Stages) > 0 {
			back, _, err := ReadMermaid(bytes.NewReader(writeIn(t, "mermaid", m)), "r.mmd")
			if err != nil {
				t.Fatalf("map %d mermaid: %v\n%s", n, err, writeIn(t, "mermaid", m))
			}
			if got, want := mermaidProject(back), mermaidProject(m); got != want {
				t.Fatalf("map %d: Mermaid round trip differs:\n%s", n, firstDiff(got, want))
			}
		}
		for _, format := range []string{"csv", "xlsx"} {
			read := ReadCSV
			if format == "xlsx" {
				read = ReadXLSX
			}
			back, _, err := read(bytes.NewReader(writeIn(t, format, m)), "r."+format)
			if len(m.Cards) == 0 {
				continue
			}
			if err != nil {
				t.Fatalf("map %d %s: %v", n, format, err)
			}
			lk := lossKinds(format, m)
			if got, want := listRows(t, back, mapLang(m), lk[lossLaneOrder]), listRows(t, m, mapLang(m), lk[lossLaneOrder]); got != want && !lk[lossRescaled] && !lk[lossControl] {
				t.Fatalf("map %d %s: cards differ:\n%s", n, format, firstDiff(got, want))
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d of %d random maps were stored", n, tried)
	}
}

// mermaidProject is what a Mermaid journey keeps of m: the title, the goal, the stages and
// each stage's cards in order with their scores on 1..5 and their tags as actors.
func mermaidProject(m *data.Map) string {
	five := data.Scale{Min: 1, Max: 5}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", strings.TrimSpace(m.Title), strings.TrimSpace(m.Goal))
	for _, st := range m.Stages {
		fmt.Fprintf(&b, "[%s]\n", strings.TrimSpace(st.Name))
		for _, c := range m.Cards {
			if c.StageID != st.ID {
				continue
			}
			score := "3"
			if c.Emotion != nil {
				score = formatNumber(mapScore(*c.Emotion, float64(m.Scale.Min), float64(m.Scale.Max), five))
			}
			var tags []string
			for _, t := range c.Tags {
				if t = strings.TrimSpace(t); t != "" && !slices.Contains(tags, t) {
					tags = append(tags, t)
				}
			}
			fmt.Fprintf(&b, "%s %s %s\n", strings.TrimSpace(c.Title), score, strings.Join(tags, ","))
		}
	}
	return b.String()
}

// Texts past an Excel cell's 32,767 characters are cut by the workbook, and said so.
func TestXLSXLongNotes(t *testing.T) {
	m := data.SampleMap("en")
	m.Cards[0].Notes = strings.Repeat("ữ", 40000)
	var texts []string
	for _, l := range losses("xlsx", m) {
		texts = append(texts, l.Text("en"))
	}
	if !strings.Contains(strings.Join(texts, "; "), "texts longer than a cell holds, 32,767 characters (1; cut)") {
		t.Errorf("losses %q", texts)
	}
	back, _, err := ReadXLSX(bytes.NewReader(writeIn(t, "xlsx", m)), "long.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(back.Cards[0].Notes)); n != 32767 {
		t.Errorf("notes of %d characters read back", n)
	}
}

// Card titles that would read as Mermaid keywords or comments stay tasks, and are named.
func TestMermaidKeywordTitles(t *testing.T) {
	m := data.SampleMap("en")
	titles := []string{"Title of the order", "section of the shop", "%% done", "accDescr: x"}
	for i, title := range titles {
		m.Cards[i].Title = title
	}
	back, _, err := ReadMermaid(bytes.NewReader(writeIn(t, "mermaid", m)), "k.mmd")
	if err != nil {
		t.Fatal(err)
	}
	if back.Title != m.Title || len(back.Cards) != len(m.Cards) {
		t.Fatalf("title %q, %d cards of %d", back.Title, len(back.Cards), len(m.Cards))
	}
	if n := losses("mermaid", m); !slices.ContainsFunc(n, func(l Loss) bool { return l.kind == lossCharacters && l.n >= 4 }) {
		t.Errorf("losses %v", n)
	}
}
