package geometry_test

import (
	"math"
	"reflect"
	"testing"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

func maps() map[string]*data.Map {
	return map[string]*data.Map{
		"vi":      testmaps.Vietnamese(),
		"small":   testmaps.Small(),
		"big":     testmaps.Big(300, 8, 5),
		"empty":   {Title: "Empty"},
		"dressed": dressed(testmaps.Big(300, 8, 5)),
	}
}

// TestInvariants checks what every layout must hold: cards inside their cells, cells inside
// their stage columns and lane rows, nothing overlapping, text inside its card.
func TestInvariants(t *testing.T) {
	for name, m := range maps() {
		for _, header := range []bool{false, true} {
			l := geometry.Compute(m, geometry.Options{Header: header})
			check(t, name, m, l)
			l = geometry.Compute(m, geometry.Options{Header: header, NoteLines: 3})
			check(t, name+" with notes", m, l)
		}
	}
}

func check(t *testing.T, name string, m *data.Map, l *geometry.Layout) {
	t.Helper()
	inside := func(in, out geometry.Rect) bool {
		const e = 1e-9
		return in.X >= out.X-e && in.Y >= out.Y-e && in.Right() <= out.Right()+e && in.Bottom() <= out.Bottom()+e
	}
	all := geometry.Rect{W: l.Width, H: l.Height}
	if !inside(l.Grid, all) {
		t.Errorf("%s: grid %v outside the layout %v", name, l.Grid, all)
	}
	if len(l.Cells) != len(l.Stages)*len(l.Lanes) {
		t.Fatalf("%s: %d cells for %d×%d", name, len(l.Cells), len(l.Stages), len(l.Lanes))
	}
	for i := 1; i < len(l.Stages); i++ {
		if l.Stages[i].Rect.X < l.Stages[i-1].Rect.Right() {
			t.Errorf("%s: stage columns %d and %d overlap", name, i-1, i)
		}
	}
	for i := 1; i < len(l.Lanes); i++ {
		if l.Lanes[i].Rect.Y < l.Lanes[i-1].Rect.Bottom() {
			t.Errorf("%s: lane rows %d and %d overlap", name, i-1, i)
		}
	}
	seen := map[int64]bool{}
	for li, lane := range l.Lanes {
		for si, st := range l.Stages {
			cell := l.Cells[li*len(l.Stages)+si]
			if cell.StageID != st.ID || cell.LaneID != lane.ID {
				t.Fatalf("%s: cell %d,%d is %d,%d", name, si, li, cell.StageID, cell.LaneID)
			}
			if !inside(cell.Rect, st.Rect) || !inside(cell.Rect, lane.Rect) {
				t.Errorf("%s: cell %v outside its stage %v or lane %v", name, cell.Rect, st.Rect, lane.Rect)
			}
			prev := -math.MaxFloat64
			for k, idx := range cell.Cards {
				c := l.Cards[idx]
				seen[c.ID] = true
				if c.Index != k || c.StageID != st.ID || c.LaneID != lane.ID {
					t.Errorf("%s: card %d has index %d in cell %d,%d at %d", name, c.ID, c.Index, si, li, k)
				}
				if !inside(c.Rect, cell.Rect) {
					t.Errorf("%s: card %d %v outside its cell %v", name, c.ID, c.Rect, cell.Rect)
				}
				if c.Rect.Y < prev {
					t.Errorf("%s: card %d overlaps the one above", name, c.ID)
				}
				prev = c.Rect.Bottom()
				inner := c.Rect.Inset(geometry.CardPad)
				for _, tl := range c.Title {
					if tl.X < inner.X || tl.X+tl.W > inner.Right()+1e-9 || tl.Y > inner.Bottom() || tl.Y < inner.Y {
						t.Errorf("%s: card %d title line %q (%v..%v at %v) leaves %v", name, c.ID, tl.Text, tl.X, tl.X+tl.W, tl.Y, inner)
					}
				}
				for _, tl := range c.Notes {
					if tl.X < inner.X || tl.X+tl.W > inner.Right()+1e-9 || tl.Y > inner.Bottom() || tl.Y < inner.Y {
						t.Errorf("%s: card %d note line %q leaves %v", name, c.ID, tl.Text, inner)
					}
				}
				for k, chip := range c.Tags {
					if !inside(chip.Rect, inner) || chip.Label.X+chip.Label.W > chip.Rect.Right() {
						t.Errorf("%s: card %d tag chip %q %v leaves %v", name, c.ID, chip.Label.Text, chip.Rect, inner)
					}
					if k > 0 && chip.Rect.Intersects(c.Tags[k-1].Rect) {
						t.Errorf("%s: card %d tag chips %d and %d overlap", name, c.ID, k-1, k)
					}
					for _, mk := range c.Markers {
						if chip.Rect.Intersects(mk.Rect) {
							t.Errorf("%s: card %d tag chip %q covers a marker", name, c.ID, chip.Label.Text)
						}
					}
				}
				if c.Channel.Text != "" && c.Channel.X+c.Channel.W > inner.Right() {
					t.Errorf("%s: card %d channel overflows", name, c.ID)
				}
				for _, mk := range c.Markers {
					if !inside(mk.Rect, inner) || (c.Channel.Text != "" && mk.Rect.X < c.Channel.X+c.Channel.W) {
						t.Errorf("%s: card %d marker %v misplaced", name, c.ID, mk.Rect)
					}
				}
				if c.Metric != nil {
					for _, tl := range c.Metric.Lines {
						if tl.X+tl.W > inner.Right()+1e-9 {
							t.Errorf("%s: card %d metric overflows", name, c.ID)
						}
					}
				}
				if l.Card(c.ID) != &l.Cards[idx] {
					t.Errorf("%s: Card(%d) does not find it", name, c.ID)
				}
			}
		}
	}
	if len(seen) != len(l.Cards) {
		t.Errorf("%s: %d cards in cells, %d laid out", name, len(seen), len(l.Cards))
	}
}

func TestEveryCardLaidOutInReadingOrder(t *testing.T) {
	m := testmaps.Vietnamese()
	l := geometry.Compute(m, geometry.Options{})
	if len(l.Cards) != len(m.Cards) {
		t.Fatalf("%d of %d cards", len(l.Cards), len(m.Cards))
	}
	for i := range m.Cards {
		if l.Cards[i].ID != m.Cards[i].ID {
			t.Fatalf("card %d is %d, want %d", i, l.Cards[i].ID, m.Cards[i].ID)
		}
	}
}

func TestLaneGrowsToTallestCell(t *testing.T) {
	m := testmaps.Vietnamese()
	l := geometry.Compute(m, geometry.Options{})
	for li, lane := range l.Lanes {
		tallest := 0.0
		for si := range l.Stages {
			cell := l.Cells[li*len(l.Stages)+si]
			if n := len(cell.Cards); n > 0 {
				tallest = max(tallest, l.Cards[cell.Cards[n-1]].Rect.Bottom()+geometry.CellPad-lane.Rect.Y)
			}
		}
		if lane.Rect.H < tallest || (tallest > geometry.MinLaneH && lane.Rect.H != tallest) {
			t.Errorf("lane %d is %v tall; its tallest cell needs %v", lane.ID, lane.Rect.H, tallest)
		}
	}
}

func TestTruncatedTitle(t *testing.T) {
	l := geometry.Compute(testmaps.Small(), geometry.Options{})
	c := l.Card(2)
	if !c.Truncated || len(c.Title) != geometry.DefaultMaxTitleLines {
		t.Fatalf("card 2: truncated %v, %d lines", c.Truncated, len(c.Title))
	}
	if last := c.Title[len(c.Title)-1].Text; last[len(last)-len(geometry.Ellipsis):] != geometry.Ellipsis {
		t.Fatalf("last line %q", last)
	}
	if l.Card(1).Truncated {
		t.Fatal("a short title truncated")
	}
	l = geometry.Compute(testmaps.Small(), geometry.Options{MaxTitleLines: 2})
	if len(l.Card(2).Title) != 2 {
		t.Fatal("MaxTitleLines ignored")
	}
}

func TestMarkersAndFace(t *testing.T) {
	l := geometry.Compute(testmaps.Small(), geometry.Options{})
	kinds := func(id int64) (out []geometry.MarkerKind) {
		for _, m := range l.Card(id).Markers {
			out = append(out, m.Kind)
		}
		return out
	}
	if got := kinds(2); !reflect.DeepEqual(got, []geometry.MarkerKind{geometry.MarkerMomentOfTruth, geometry.MarkerAssumed}) {
		t.Errorf("card 2 markers %v", got)
	}
	if got := kinds(4); !reflect.DeepEqual(got, []geometry.MarkerKind{geometry.MarkerOpportunity, geometry.MarkerProposed}) {
		t.Errorf("card 4 markers %v", got)
	}
	if f := l.Card(5).Face; f == nil || f.Score != -2 || f.Norm != -1 {
		t.Errorf("card 5 face %+v", f)
	}
	if l.Card(3).Face != nil {
		t.Error("an unscored card has a face")
	}
	m := l.Card(4).Metric
	if m == nil || m.State != geometry.MetricOffTarget || len(m.Lines) != 1 || m.Lines[0].Text != "Conversion 3.2% · target 5%" {
		t.Errorf("card 4 metric %+v", m)
	}
	if a := l.Card(5).Accent; a != l.Palette.Pain {
		t.Errorf("pain card accent %v", a)
	}
}

func TestZoomScalesEverything(t *testing.T) {
	m := testmaps.Vietnamese()
	one := geometry.Compute(m, geometry.Options{Header: true})
	two := geometry.Compute(m, geometry.Options{Header: true, Zoom: 2})
	if two.Width != 2*one.Width || two.Height != 2*one.Height || two.Zoom != 2 {
		t.Fatalf("size %v×%v vs %v×%v", two.Width, two.Height, one.Width, one.Height)
	}
	for i := range one.Cards {
		a, b := one.Cards[i], two.Cards[i]
		if b.Rect != (geometry.Rect{X: 2 * a.Rect.X, Y: 2 * a.Rect.Y, W: 2 * a.Rect.W, H: 2 * a.Rect.H}) {
			t.Fatalf("card %d: %v vs %v", a.ID, b.Rect, a.Rect)
		}
		if len(a.Title) != len(b.Title) {
			t.Fatalf("card %d breaks differently at zoom 2", a.ID)
		}
		for k := range a.Title {
			if a.Title[k].Text != b.Title[k].Text || b.Title[k].Size != 2*a.Title[k].Size || math.Abs(b.Title[k].W-2*a.Title[k].W) > 1e-9 {
				t.Fatalf("card %d line %d: %+v vs %+v", a.ID, k, b.Title[k], a.Title[k])
			}
		}
	}
	for i := range one.Links {
		if two.Links[i].Segments[0][0].X != 2*one.Links[i].Segments[0][0].X {
			t.Fatal("links not scaled")
		}
	}
	for i := range one.Curve.Points {
		if two.Curve.Points[i].X != 2*one.Curve.Points[i].X {
			t.Fatal("curve not scaled")
		}
	}
	if two.Header.Title[0].Size != 2*one.Header.Title[0].Size {
		t.Fatal("header not scaled")
	}
}

func TestStageRange(t *testing.T) {
	m := testmaps.Vietnamese()
	all := geometry.Compute(m, geometry.Options{})
	part := geometry.Compute(m, geometry.Options{StageFrom: 2, StageTo: 3})
	if len(part.Stages) != 2 || part.Stages[0].ID != m.Stages[1].ID || part.Stages[0].Number != 2 {
		t.Fatalf("stages %+v", part.Stages)
	}
	if part.Width >= all.Width {
		t.Fatal("two stages not narrower than five")
	}
	for _, c := range part.Cards {
		if c.StageID != m.Stages[1].ID && c.StageID != m.Stages[2].ID {
			t.Fatalf("card %d of another stage", c.ID)
		}
	}
	for _, p := range part.Curve.Points {
		if p.StageID != m.Stages[1].ID && p.StageID != m.Stages[2].ID {
			t.Fatal("curve point of another stage")
		}
	}
	for _, lk := range part.Links {
		if part.Card(lk.FromID) == nil || part.Card(lk.ToID) == nil {
			t.Fatal("link to a card left out")
		}
		if b := lk.LabelBox; b.X < 0 || b.Right() > part.Width {
			t.Errorf("link %d label %v off the %v-wide picture", lk.ID, b, part.Width)
		}
	}
	// Colours follow the stage, not its place in the range.
	if part.Stages[0].Colour != all.Stages[1].Colour {
		t.Fatal("stage colour changed with the range")
	}
	if l := geometry.Compute(m, geometry.Options{StageFrom: 4, StageTo: 99}); len(l.Stages) != 2 {
		t.Fatalf("clamped range gave %d stages", len(l.Stages))
	}
	if l := geometry.Compute(m, geometry.Options{StageFrom: 9, StageTo: 12}); len(l.Stages) != 0 || len(l.Cards) != 0 {
		t.Fatal("a range past the end is not empty")
	}
}

func TestEmotionLane(t *testing.T) {
	m := testmaps.Vietnamese()
	l := geometry.Compute(m, geometry.Options{})
	if l.Curve == nil || l.Curve.LaneID != 23 {
		t.Fatalf("curve %+v", l.Curve)
	}
	if len(l.Curve.Points) != 8 {
		t.Fatalf("%d points, want one per scored card (8)", len(l.Curve.Points))
	}
	for i, p := range l.Curve.Points {
		if !l.Curve.Rect.Contains(p.X, p.Y) {
			t.Errorf("point %d outside the plot", i)
		}
		if i > 0 && p.X <= l.Curve.Points[i-1].X {
			t.Errorf("point %d not right of the one before", i)
		}
	}
	top, bottom := l.Curve.Ticks[0], l.Curve.Ticks[len(l.Curve.Ticks)-1]
	if top.Label.Text != "+2" || bottom.Label.Text != "–2" || top.Y >= bottom.Y {
		t.Fatalf("ticks %+v … %+v", top, bottom)
	}
	// Per stage: one point per stage with scores, at the average.
	m.Curve = data.CurvePerStage
	l = geometry.Compute(m, geometry.Options{})
	if len(l.Curve.Points) != 5 || l.Curve.Points[2].Score != 0 {
		t.Fatalf("per stage: %+v", l.Curve.Points)
	}

	// Scores but no emotion lane: an automatic lane at the bottom, which takes no drops.
	m = testmaps.Vietnamese()
	m.Lanes = append(m.Lanes[:3], m.Lanes[4:]...)
	l = geometry.Compute(m, geometry.Options{})
	last := l.Lanes[len(l.Lanes)-1]
	if !last.Auto || last.ID != 0 || last.Kind != data.LaneEmotions || last.Name[0].Text != "Cảm xúc" || l.Curve.LaneID != 0 {
		t.Fatalf("automatic lane %+v", last)
	}
	if _, _, _, ok := l.CellAt(l.Stages[0].Rect.X+5, last.Rect.Y+5); ok {
		t.Fatal("CellAt accepts the automatic lane")
	}
	// No scores, no emotion lane: no curve.
	for i := range m.Cards {
		m.Cards[i].Emotion = nil
	}
	if l = geometry.Compute(m, geometry.Options{}); l.Curve != nil || l.Lanes[len(l.Lanes)-1].Auto {
		t.Fatal("a curve without scores")
	}
	// English map: English name.
	l = geometry.Compute(testmaps.Big(40, 3, 2), geometry.Options{})
	if l.Curve == nil || l.Lanes[len(l.Lanes)-1].Name[0].Text != "Emotions" {
		t.Fatalf("English automatic lane")
	}
}

func TestLinks(t *testing.T) {
	l := geometry.Compute(testmaps.Vietnamese(), geometry.Options{})
	if len(l.Links) != 2 {
		t.Fatalf("%d links", len(l.Links))
	}
	for _, lk := range l.Links {
		from, to := l.Card(lk.FromID).Rect, l.Card(lk.ToID).Rect
		segs := lk.Segments
		p0, p3 := segs[0][0], segs[len(segs)-1][3]
		onEdge := func(p geometry.Point, r geometry.Rect) bool {
			return (p.X == r.X || p.X == r.Right()) && p.Y > r.Y && p.Y < r.Bottom()
		}
		if !onEdge(p0, from) || !onEdge(p3, to) {
			t.Errorf("link %d: %v → %v not on the cards' edges", lk.ID, p0, p3)
		}
		for i := 1; i < len(segs); i++ {
			if segs[i][0] != segs[i-1][3] {
				t.Errorf("link %d: segment %d does not start where %d ends", lk.ID, i, i-1)
			}
		}
		// The path crosses no card: sample it and test every card but the two ends.
		for _, s := range segs {
			for k := 0; k <= 20; k++ {
				p := geometry.BezierAt(s[0], s[1], s[2], s[3], float64(k)/20)
				if id, ok := l.CardAt(p.X, p.Y); ok && id != lk.FromID && id != lk.ToID {
					t.Fatalf("link %d crosses card %d at %v", lk.ID, id, p)
				}
			}
		}
		if lk.Label == nil || lk.LabelBox.W < lk.Label.W {
			t.Errorf("link %d label %+v", lk.ID, lk.Label)
		}
		// The label covers no card and stays on the picture.
		b := lk.LabelBox
		for _, c := range l.Cards {
			if c.Rect.Intersects(b) {
				t.Errorf("link %d label %v covers card %d", lk.ID, b, c.ID)
			}
		}
		if b.X < 0 || b.Right() > l.Width {
			t.Errorf("link %d label %v off the %v-wide picture", lk.ID, b, l.Width)
		}
	}
}

func TestLinksNeverCrossCards(t *testing.T) {
	m := testmaps.Big(300, 7, 5)
	l := geometry.Compute(m, geometry.Options{})
	if len(l.Links) == 0 {
		t.Fatal("no links")
	}
	for _, lk := range l.Links {
		for _, s := range lk.Segments {
			for k := 0; k <= 20; k++ {
				p := geometry.BezierAt(s[0], s[1], s[2], s[3], float64(k)/20)
				if id, ok := l.CardAt(p.X, p.Y); ok && id != lk.FromID && id != lk.ToID {
					t.Fatalf("link %d crosses card %d at %v", lk.ID, id, p)
				}
			}
		}
	}
}

func TestHeader(t *testing.T) {
	m := testmaps.Vietnamese()
	l := geometry.Compute(m, geometry.Options{Header: true})
	h := l.Header
	if h == nil || len(h.Title) == 0 || h.BadgeText.Text != "Hiện trạng" || h.GoalLabel.Text != "Mục tiêu" || h.Persona == nil {
		t.Fatalf("header %+v", h)
	}
	if h.Persona.Initials.Text != "CH" {
		t.Fatalf("initials %q", h.Persona.Initials.Text)
	}
	if l.Stages[0].Header.Y < h.Rect.Bottom() {
		t.Fatal("stages overlap the header")
	}
	for _, tl := range append(append([]geometry.TextLine{}, h.Title...), h.Goal...) {
		if tl.X+tl.W > h.Persona.Rect.X {
			t.Errorf("header line %q runs into the persona", tl.Text)
		}
	}
	if geometry.Compute(m, geometry.Options{}).Header != nil {
		t.Fatal("a header without Options.Header")
	}
}

func TestThemes(t *testing.T) {
	light, dark := geometry.Theme("light"), geometry.Theme("dark")
	if light.Dark || !dark.Dark || light.Background == dark.Background {
		t.Fatal("themes")
	}
	if geometry.Compute(testmaps.Small(), geometry.Options{Theme: "dark"}).Palette != dark {
		t.Fatal("layout palette")
	}
}

func BenchmarkCompute1000(b *testing.B) {
	m := testmaps.Big(1000, 12, 6)
	geometry.Compute(m, geometry.Options{})
	b.ReportAllocs()
	for b.Loop() {
		geometry.Compute(m, geometry.Options{})
	}
}
