package main

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// countColour counts the pixels of a PNG within a few levels of a colour.
func countColour(t *testing.T, path string, want [3]uint8) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			c := [3]int{int(r >> 8), int(g >> 8), int(bl >> 8)}
			ok := true
			for i := range c {
				if d := c[i] - int(want[i]); d < -6 || d > 6 {
					ok = false
				}
			}
			if ok {
				n++
			}
		}
	}
	return n
}

// TestExportCompare exports a map with another map's emotion curve laid over its own
// (--compare by id and by title), and checks the errors.
func TestExportCompare(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.journey")
	if _, e, code := run(t, "new", ws, "--template", "ecommerce", "--lang", "vi"); code != 0 {
		t.Fatal(e)
	}
	if _, e, code := run(t, "new", ws, "--template", "ecommerce", "--lang", "vi", "--title", "Năm ngoái"); code != 0 {
		t.Fatal(e)
	}
	// Last year's customers felt worse at every step.
	s, err := data.Open(ws, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.LoadMap(2)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range m.Cards {
		if c.Emotion != nil {
			v := max(float64(m.Scale.Min), *c.Emotion-2)
			c.Emotion = &v
			if err := s.UpdateCard(c); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.Close()

	line := geometry.Theme("light").CompareLine
	purple := [3]uint8{line.R, line.G, line.B}
	plain := filepath.Join(dir, "plain.png")
	if _, e, code := run(t, "export", ws, "--map", "1", "-o", plain, "--scale", "1"); code != 0 {
		t.Fatal(e)
	}
	byID := filepath.Join(dir, "by-id.png")
	if _, e, code := run(t, "export", ws, "--map", "1", "--compare", "2", "-o", byID, "--scale", "1"); code != 0 {
		t.Fatalf("--compare 2: %s", e)
	}
	byTitle := filepath.Join(dir, "by-title.png")
	if _, e, code := run(t, "export", ws, "--map", "1", "--compare", "năm ngoái", "-o", byTitle, "--scale", "1"); code != 0 {
		t.Fatalf("--compare by title: %s", e)
	}
	if n := countColour(t, plain, purple); n > 20 {
		t.Fatalf("the plain export has %d pixels of the compare colour", n)
	}
	if n := countColour(t, byID, purple); n < 300 {
		t.Fatalf("the compared curve is missing: %d pixels of its colour", n)
	}
	a, _ := os.ReadFile(byID)
	b, _ := os.ReadFile(byTitle)
	if string(a) != string(b) {
		t.Fatal("--compare by id and by title differ")
	}
	if decodeSize(t, byID) != decodeSize(t, plain) {
		t.Fatal("comparing changed the image size")
	}

	// Errors: an unknown map exits 1 naming it; a source file or a missing value is a usage
	// error (2).
	_, e, code := run(t, "export", ws, "--map", "1", "--compare", "Không có", "-o", filepath.Join(dir, "x.png"))
	if code != 1 || !strings.Contains(e, "--compare") || !strings.Contains(e, "Không có") || strings.Count(strings.TrimSpace(e), "\n") != 0 {
		t.Fatalf("unknown --compare: %d %q", code, e)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.png")); err == nil {
		t.Fatal("a failed export wrote its file")
	}
	if _, e, code := run(t, "export", "testdata/mermaid-example.mmd", "--compare", "1", "-o", filepath.Join(dir, "y.png")); code != 2 || !strings.Contains(e, "--compare needs a .journey file") {
		t.Fatalf("--compare with a source file: %d %q", code, e)
	}
	if _, _, code := run(t, "export", ws, "--map", "1", "-o", filepath.Join(dir, "z.png"), "--compare"); code != 2 {
		t.Fatalf("--compare without a value: %d", code)
	}
}
