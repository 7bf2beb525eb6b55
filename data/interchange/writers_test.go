package interchange

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
