package geometry

import (
	"testing"

	"journeycanvas/data"
)

// TestBlueprintLines lays out the service blueprint template in both languages: three lines,
// each in the gap between the right lanes, named in the map's language, labels inside the
// board; other maps have none.
func TestBlueprintLines(t *testing.T) {
	for _, lang := range []string{"en", "vi"} {
		tp, err := data.TemplateByID("service-blueprint")
		if err != nil {
			t.Fatal(err)
		}
		m := tp.Build(lang)
		l := Compute(m, Options{Lang: lang})
		if len(l.Blueprint) != 3 {
			t.Fatalf("%s: %d lines, want 3", lang, len(l.Blueprint))
		}
		// Customer actions | frontstage | backstage | … | support processes.
		gaps := [][2]int{{0, 1}, {1, 2}, {2, 3}}
		for i, b := range l.Blueprint {
			above, below := l.Lanes[gaps[i][0]].Rect, l.Lanes[gaps[i][1]].Rect
			if b.Y <= above.Bottom() || b.Y >= below.Y {
				t.Fatalf("%s line %d at y %.1f, not between %.1f and %.1f", lang, i, b.Y, above.Bottom(), below.Y)
			}
			if b.Label.Text != blueprintWords(lang)[i] || b.LabelBox.Right() > l.Grid.Right() || b.LabelBox.X < b.X0 {
				t.Fatalf("%s line %d: label %q in %+v", lang, i, b.Label.Text, b.LabelBox)
			}
			if b.Label.W > b.LabelBox.W {
				t.Fatalf("%s line %d: the label overflows its pill", lang, i)
			}
		}
		z := Compute(m, Options{Lang: lang, Zoom: 2})
		if z.Blueprint[0].Y != 2*l.Blueprint[0].Y {
			t.Fatal("the lines do not follow the zoom")
		}
	}
	if l := Compute(data.SampleMap("en"), Options{}); len(l.Blueprint) != 0 {
		t.Fatal("a current-state map has blueprint lines")
	}
}
