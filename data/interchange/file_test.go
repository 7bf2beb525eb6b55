package interchange

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"journeycanvas/data"
)

// TestSamples reads every sample file others use in their tests and checks what it holds.
func TestSamples(t *testing.T) {
	cases := []struct {
		file, title string
		stages      string
		cards       int
		typ         data.MapType
	}{
		{"ecommerce.csv", "ecommerce", "Awareness|Consideration|Decision|Retention|Loyalty", 17, data.CurrentState},
		{"ecommerce.ojf", "Buying a beauty product online", "Awareness|Consideration|Decision|Retention|Loyalty", 16, data.ServiceBlueprint},
		{"ecommerce.mmd", "Buying a beauty product online", "Awareness|Consideration|Decision|Retention|Loyalty", 12, data.CurrentState},
		{"vietnamese.mmd", "Mua mỹ phẩm trực tuyến", "Nhận thức|Cân nhắc|Quyết định|Giữ chân|Trung thành", 9, data.CurrentState},
		{"sample.json", "Mua mỹ phẩm trực tuyến", "Nhận thức|Cân nhắc|Quyết định|Giữ chân|Trung thành", 13, data.CurrentState},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			m, warnings, err := ReadFile(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			if err := checkMap(m); err != nil {
				t.Fatal(err)
			}
			if m.Title != c.title || strings.Join(stageNames(m), "|") != c.stages || len(m.Cards) != c.cards || m.Type != c.typ {
				t.Errorf("title %q stages %q cards %d type %v", m.Title, stageNames(m), len(m.Cards), m.Type)
			}
			if c.file != "ecommerce.ojf" && len(warnings) != 0 {
				t.Errorf("warnings %q", warnings)
			}
			// Every sample survives the native format unchanged.
			first := writeJSON(t, m)
			back, err := ReadJSON(bytes.NewReader(first), c.file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, writeJSON(t, back)) {
				t.Error("native round trip differs")
			}
		})
	}
	m, _, _ := ReadFile("testdata/ecommerce.mmd")
	if m.Goal != "Raise repeat purchases.\nFrom a social-media ad to the loyalty programme." {
		t.Errorf("goal %q", m.Goal)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// The extension picks the reader, in any case; the title comes from the file name.
	p := write("Hành trình mua hàng.CSV", "stage,lane,title\nA,B,C\n")
	if m, _, err := ReadFile(p); err != nil || m.Title != "Hành trình mua hàng" {
		t.Errorf("csv: %v", err)
	}
	p = write("Quyết định.Mmd", "journey\nsection A\n  T: 3\n")
	if m, _, err := ReadFile(p); err != nil || m.Title != "Quyết định" {
		t.Errorf("mmd: %v", err)
	}
	p = write("x.OJF", `{"stages": [{"id": 1, "name": "A"}]}`)
	if m, _, err := ReadFile(p); err != nil || m.Title != "x" {
		t.Errorf("ojf: %v", err)
	}
	// Errors name the file, and the line.
	p = write("bad.mmd", "journey\ntitle X\nsection A\n  Task: high: Me\n")
	if _, _, err := ReadFile(p); err == nil || !strings.HasPrefix(err.Error(), p+":4: ") {
		t.Errorf("bad mmd: %v", err)
	}
	p = write("bad.json", `{"format": "journeycanvas-map", "version": 1, "cards": [{"stage": "s"}]}`)
	if _, _, err := ReadFile(p); err == nil || err.Error() != p+`: at cards[0].stage: no stage has ref "s"` {
		t.Errorf("bad json: %v", err)
	}
	for _, name := range []string{"notes.txt", "README", "map.journey"} {
		_, _, err := ReadFile(filepath.Join(dir, name))
		if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), ".json") || !strings.Contains(err.Error(), ".mmd") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, _, err := ReadFile(filepath.Join(dir, "missing.csv")); !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing file: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.csv"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadFile(filepath.Join(dir, "folder.csv")); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: %v", err)
	}
}

func TestInputLimit(t *testing.T) {
	// A reader that gives more than MaxInputBytes is refused without reading it all.
	big := &repeatReader{b: []byte("stage,lane,title\nA,B,C\n"), left: MaxInputBytes + 100}
	_, _, err := ReadCSV(big, "huge.csv")
	wantParseError(t, err, 0, "", "larger than 64 MiB")
	if big.left > 100 {
		t.Errorf("read only %d of the bytes", MaxInputBytes+100-big.left)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.mmd")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxInputBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, _, err := ReadFile(p); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("huge file: %v", err)
	}
}

type repeatReader struct {
	b    []byte
	left int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, errors.New("EOF expected earlier")
	}
	n := 0
	for n < len(p) && r.left > 0 {
		c := copy(p[n:min(len(p), n+r.left)], r.b)
		n += c
		r.left -= c
	}
	return n, nil
}

func TestParseErrorText(t *testing.T) {
	for _, c := range []struct {
		e    ParseError
		want string
	}{
		{ParseError{File: "a.mmd", Line: 3, Msg: "bad"}, "a.mmd:3: bad"},
		{ParseError{File: "a.json", Path: "cards[3].stage", Msg: "bad"}, "a.json: at cards[3].stage: bad"},
		{ParseError{File: "a.json", Line: 2, Path: "title", Msg: "bad"}, "a.json:2: at title: bad"},
		{ParseError{File: "a.csv", Msg: "bad"}, "a.csv: bad"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}
