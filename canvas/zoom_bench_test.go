package canvas

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"journeycanvas/canvas/geometry/testmaps"
)

// paintedRaster is a raster of the board as last painted: where and how big.
type paintedRaster struct {
	pos  fyne.Position
	size fyne.Size
}

// paintView paints what the GPU driver would have to paint again for the next frame: every
// raster of the board that is shown, reaches into the view, and is new there or changed
// place or size since the last frame (a raster that only scrolled keeps its texture). It
// returns the rasters now shown, for the next frame.
func paintView(b *Board, last map[*canvas.Raster]paintedRaster, all bool) map[*canvas.Raster]paintedRaster {
	off, size := b.scroll.Offset, b.scroll.Size()
	now := make(map[*canvas.Raster]paintedRaster, len(last))
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		p := at.Add(o.Position())
		if o == fyne.CanvasObject(b) {
			p = fyne.Position{} // the scroll moves the board; its children are in board units
		}
		s := o.Size()
		if p.X > off.X+size.Width || p.Y > off.Y+size.Height || p.X+s.Width < off.X || p.Y+s.Height < off.Y {
			return
		}
		switch x := o.(type) {
		case *canvas.Raster:
			pr := paintedRaster{p, s}
			now[x] = pr
			if old, ok := last[x]; all || !ok || old.size != s {
				t0 := time.Now()
				x.Generator(int(s.Width+0.5), int(s.Height+0.5))
				if paintLinks != nil && linkRasters(b)[x] {
					*paintLinks += time.Since(t0)
				}
			}
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k, p)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				walk(k, p)
			}
		}
	}
	walk(b, fyne.Position{})
	return now
}

// paintLinks, when set, adds up the time paintView spends on the links' rasters.
var paintLinks *time.Duration

func linkRasters(b *Board) map[*canvas.Raster]bool {
	m := make(map[*canvas.Raster]bool, len(b.links))
	for _, t := range b.links {
		m[t.raster] = true
	}
	return m
}

// benchBoard opens the 1,000-card map with the view in its middle.
func benchBoard(b testing.TB) *ui {
	u, _ := newTestUI(b, testmaps.Big(1000, 12, 6))
	bd := u.board
	mid := bd.lay.Cards[len(bd.lay.Cards)/2].Rect
	view := bd.scroll.Size()
	bd.scroll.ScrollToOffset(fyne.NewPos(float32(mid.X)-view.Width/2, float32(mid.Y)-view.Height/2))
	return u
}

// BenchmarkZoomStep1000 is one notch of Ctrl+wheel on the 1,000-card map, from the event to
// the board painted again: the zoom about the pointer (layout of every card, the label, the
// zoom kept in the file) and every raster in the view painted at its new size (budget: 16 ms).
func BenchmarkZoomStep1000(b *testing.B) {
	u := benchBoard(b)
	bd := u.board
	holdKeys(b, fyne.KeyModifierControl)
	view := bd.scroll.Size()
	ptr := fyne.NewPos(view.Width/2, view.Height/2)
	var paint, links time.Duration
	paintLinks = &links
	defer func() { paintLinks = nil }()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dy := float32(wheelNotch)
		if i%2 == 1 {
			dy = -dy
		}
		wheel(u, ptr, dy)
		t0 := time.Now()
		paintView(bd, nil, true)
		paint += time.Since(t0)
	}
	b.StopTimer()
	b.ReportMetric(float64(paint.Microseconds())/1000/float64(b.N), "paint-ms/op")
	b.ReportMetric(float64(links.Microseconds())/1000/float64(b.N), "links-ms/op")
	if bd.zoom != 1 && bd.zoom != 1.1 {
		b.Fatalf("zoom %v", bd.zoom)
	}
}

// BenchmarkPanStep1000 is one notch of the wheel on that map (the view scrolls by a notch,
// alternately down and right then back), from the event to the board painted again: the
// headers pinned, the cards culled, and the rasters that came into view or changed painted.
func BenchmarkPanStep1000(b *testing.B) {
	u := benchBoard(b)
	bd := u.board
	holdKeys(b, 0)
	view := bd.scroll.Size()
	ptr := fyne.NewPos(view.Width/2, view.Height/2)
	last := paintView(bd, nil, true)
	var paint time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dy := float32(-4 * wheelNotch)
		if i%2 == 1 {
			dy = -dy
		}
		before := bd.scroll.Offset
		wheel(u, ptr, dy)
		if bd.scroll.Offset == before {
			b.Fatal("the wheel did not scroll")
		}
		t0 := time.Now()
		last = paintView(bd, last, false)
		paint += time.Since(t0)
	}
	b.StopTimer()
	b.ReportMetric(float64(paint.Microseconds())/1000/float64(b.N), "paint-ms/op")
}
