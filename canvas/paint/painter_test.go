package paint

import (
	"image"
	"testing"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
)

// TestRasterClip paints a whole board through a clip: inside it the pixels are those of the
// board painted without one, outside they are untouched; after restore painting reaches the
// whole image again.
func TestRasterClip(t *testing.T) {
	l := geometry.Compute(testmaps.Vietnamese(), geometry.Options{Zoom: 1})
	w, h := int(l.Width), int(l.Height)
	whole, wi := newCanvas(w, h, 1, "light")
	whole.Board(l)
	clipped, ci := newCanvas(w, h, 1, "light")
	clip := geometry.Rect{X: 300.5, Y: 200, W: 400, H: 350.5}
	restore := clipped.P.Clip(clip)
	clipped.Board(l)
	in := image.Rect(301, 200, 700, 550)
	out := image.Rect(300, 200, 701, 551)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			p := image.Pt(x, y)
			c, o := ci.RGBAAt(x, y), wi.RGBAAt(x, y)
			switch {
			case p.In(in) && c != o:
				t.Fatalf("inside the clip at %v: %v, painted whole %v", p, c, o)
			case !p.In(out) && c.A != 0:
				t.Fatalf("outside the clip at %v: painted %v", p, c)
			}
		}
	}
	restore()
	clipped.FillRect(geometry.Rect{W: 10, H: 10}, l.Palette.Pain)
	if ci.RGBAAt(5, 5).A == 0 {
		t.Fatal("after restore the corner is not painted")
	}
}
