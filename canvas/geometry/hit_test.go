package geometry_test

import (
	"testing"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

func TestCardAt(t *testing.T) {
	for _, zoom := range []float64{1, 0.5, 1.75} {
		l := geometry.Compute(testmaps.Big(300, 6, 4), geometry.Options{Zoom: zoom})
		for _, c := range l.Cards {
			r := c.Rect
			for _, p := range [][2]float64{{r.X + r.W/2, r.Y + r.H/2}, {r.X, r.Y}, {r.Right() - 0.01, r.Bottom() - 0.01}} {
				if id, ok := l.CardAt(p[0], p[1]); !ok || id != c.ID {
					t.Fatalf("zoom %v: CardAt(%v) = %d, %v; want %d", zoom, p, id, ok, c.ID)
				}
			}
			// Just below a card is the gap before the next one, or the cell's padding.
			if id, ok := l.CardAt(r.X+r.W/2, r.Bottom()+1); ok {
				t.Fatalf("zoom %v: CardAt below card %d found %d", zoom, c.ID, id)
			}
		}
		if _, ok := l.CardAt(-5, -5); ok {
			t.Fatal("CardAt outside the board")
		}
	}
}

func TestCellAt(t *testing.T) {
	l := geometry.Compute(testmaps.Vietnamese(), geometry.Options{})
	for li, lane := range l.Lanes {
		for si, st := range l.Stages {
			cell := l.Cells[li*len(l.Stages)+si]
			// Top of the cell: index 0. Bottom: after the last card.
			s, ln, i, ok := l.CellAt(cell.Rect.X+3, cell.Rect.Y+1)
			if !ok || s != st.ID || ln != lane.ID || i != 0 {
				t.Fatalf("top of cell %d,%d: %d %d %d %v", si, li, s, ln, i, ok)
			}
			if _, _, i, _ := l.CellAt(cell.Rect.X+3, cell.Rect.Bottom()-1); i != len(cell.Cards) {
				t.Fatalf("bottom of cell %d,%d: index %d of %d", si, li, i, len(cell.Cards))
			}
			for k, idx := range cell.Cards {
				r := l.Cards[idx].Rect
				if _, _, i, _ := l.CellAt(r.X+10, r.Y+r.H/2-1); i != k {
					t.Fatalf("upper half of card %d: index %d, want %d", l.Cards[idx].ID, i, k)
				}
				if _, _, i, _ := l.CellAt(r.X+10, r.Y+r.H/2+1); i != k+1 {
					t.Fatalf("lower half of card %d: index %d, want %d", l.Cards[idx].ID, i, k+1)
				}
			}
		}
	}
	// The gutter between two columns belongs half to each.
	a, b := l.Stages[0].Rect, l.Stages[1].Rect
	y := l.Lanes[0].Rect.Y + 5
	if s, _, _, ok := l.CellAt(a.Right()+geometry.Gutter/2-0.5, y); !ok || s != l.Stages[0].ID {
		t.Fatal("left half of the gutter")
	}
	if s, _, _, ok := l.CellAt(b.X-geometry.Gutter/2+0.5, y); !ok || s != l.Stages[1].ID {
		t.Fatal("right half of the gutter")
	}
	// Lane headers and the margin are not cells.
	if _, _, _, ok := l.CellAt(l.Lanes[0].Header.X+5, y); ok {
		t.Fatal("CellAt on a lane header")
	}
	if _, _, _, ok := l.CellAt(l.Width-1, y); ok {
		t.Fatal("CellAt in the margin")
	}
}

func TestStageAndLaneAt(t *testing.T) {
	l := geometry.Compute(testmaps.Vietnamese(), geometry.Options{Header: true})
	for _, st := range l.Stages {
		if id, ok := l.StageAt(st.Header.X+st.Header.W/2, st.Header.Y+3); !ok || id != st.ID {
			t.Fatalf("StageAt header of %d: %d %v", st.ID, id, ok)
		}
		if id, ok := l.StageAt(st.Rect.X+1, st.Rect.Bottom()-1); !ok || id != st.ID {
			t.Fatalf("StageAt bottom of %d: %d %v", st.ID, id, ok)
		}
	}
	if _, ok := l.StageAt(l.Stages[0].Rect.X+5, l.Header.Rect.Y+5); ok {
		t.Fatal("StageAt in the header")
	}
	for _, ln := range l.Lanes {
		if id, ok := l.LaneAt(ln.Header.X+2, ln.Rect.Y+ln.Rect.H/2); !ok || id != ln.ID {
			t.Fatalf("LaneAt header of %d: %d %v", ln.ID, id, ok)
		}
		if id, ok := l.LaneAt(ln.Rect.Right()-2, ln.Rect.Y+1); !ok || id != ln.ID {
			t.Fatalf("LaneAt right end of %d: %d %v", ln.ID, id, ok)
		}
	}
	if _, ok := l.LaneAt(2, l.Lanes[0].Rect.Y+5); ok {
		t.Fatal("LaneAt in the margin")
	}
}

func BenchmarkCardAt(b *testing.B) {
	l := geometry.Compute(testmaps.Big(1000, 12, 6), geometry.Options{})
	c := l.Cards[len(l.Cards)/2].Rect
	for b.Loop() {
		l.CardAt(c.X+5, c.Y+5)
	}
}

// TestLinkAt: a link is found on its label and anywhere along its curve (within the
// tolerance), not beside it; its bounds hold its whole path and label.
func TestLinkAt(t *testing.T) {
	l := geometry.Compute(testmaps.Vietnamese(), geometry.Options{Zoom: 1})
	if len(l.Links) == 0 {
		t.Fatal("the test map has no links")
	}
	for _, lp := range l.Links {
		b := lp.Bounds()
		for _, sg := range lp.Segments {
			for _, tt := range []float64{0.25, 0.5, 0.75} {
				p := geometry.BezierAt(sg[0], sg[1], sg[2], sg[3], tt)
				if !b.Contains(p.X, p.Y) && !(p.X == b.Right() || p.Y == b.Bottom()) {
					t.Fatalf("link %d: %v outside its bounds %+v", lp.ID, p, b)
				}
				// Two units beside the curve, across the segment's direction, still hits.
				if id, ok := l.LinkAt(p.X, p.Y+2, 6); !ok {
					t.Fatalf("link %d: not found 2 units from its curve at %v (found %d)", lp.ID, p, id)
				}
			}
		}
		if lp.Label != nil {
			c := lp.LabelBox
			if id, ok := l.LinkAt(c.X+c.W/2, c.Y+c.H/2, 0); !ok || id != lp.ID {
				t.Fatalf("link %d: its label finds %d, %v", lp.ID, id, ok)
			}
		}
	}
	if id, ok := l.LinkAt(-50, -50, 6); ok {
		t.Fatalf("a point off the board finds link %d", id)
	}
}

// TestEmotionBand: the emotion lane's cells make one band from the first stage's cell to the
// last's; a map whose curve has no lane of its own has none.
func TestEmotionBand(t *testing.T) {
	l := geometry.Compute(testmaps.Vietnamese(), geometry.Options{Zoom: 1})
	row, band, ok := l.EmotionBand()
	if !ok || l.Lanes[row].Kind != data.LaneEmotions || l.Lanes[row].ID != l.Curve.LaneID {
		t.Fatalf("band in lane %d (%v)", row, ok)
	}
	nS := len(l.Stages)
	first, last := l.Cells[row*nS].Rect, l.Cells[row*nS+nS-1].Rect
	if band.X != first.X || band.Right() != last.Right() || band.Y != first.Y || band.H != first.H {
		t.Fatalf("band %+v, cells from %+v to %+v", band, first, last)
	}
	m := testmaps.Vietnamese()
	m.Stages = nil
	if _, _, ok := geometry.Compute(m, geometry.Options{Zoom: 1}).EmotionBand(); ok {
		t.Fatal("a map without stages has an emotion band")
	}
}
