package geometry_test

import (
	"testing"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// TestFaceKeepsHeight scores cards that show no channel and no markers: each card, and so its
// lane, keeps its height; the face sits at the end of the last line of text, inside the card
// and clear of the text. A title that fills its last line still gets a footer line for it.
func TestFaceKeepsHeight(t *testing.T) {
	m := testmaps.Small()
	laneOf := map[int64]int{}
	for i, l := range m.Lanes {
		laneOf[l.ID] = i
	}
	// Plain cards: short title, long title, a metric, no title.
	plain := []data.Card{
		{Title: "Tìm hiểu"},
		{Title: "Đọc đánh giá của khách hàng khác trên trang sản phẩm và so sánh giá"},
		{Title: "Mở email", Metric: &data.Metric{Name: "Tỉ lệ mở", Value: 32, Unit: "%"}},
		{Title: ""},
	}
	for i := range plain {
		c := &plain[i]
		c.ID, c.MapID, c.StageID, c.LaneID, c.Position = int64(9000+i), m.ID, m.Stages[i%len(m.Stages)].ID, m.Lanes[0].ID, 99
		m.Cards = append(m.Cards, *c)
	}
	before := geometry.Compute(m, geometry.Options{})
	score := -1.0
	for i := range m.Cards {
		if m.Cards[i].ID >= 9000 {
			m.Cards[i].Emotion = &score
		}
	}
	after := geometry.Compute(m, geometry.Options{})
	for i := range before.Lanes {
		if before.Lanes[i].Rect.H != after.Lanes[i].Rect.H {
			t.Errorf("lane %d: %v high, %v with faces", i, before.Lanes[i].Rect.H, after.Lanes[i].Rect.H)
		}
	}
	for i := range plain {
		id := int64(9000 + i)
		b, a := before.Card(id), after.Card(id)
		if a.Face == nil {
			t.Fatalf("card %d shows no face", i)
		}
		if a.Rect.H != b.Rect.H {
			t.Errorf("card %q: %v high, %v with its face", plain[i].Title, b.Rect.H, a.Rect.H)
		}
		f := a.Face
		if f.X-f.R < a.Rect.X || f.X+f.R > a.Rect.Right() || f.Y-f.R < a.Rect.Y-1 || f.Y+f.R > a.Rect.Bottom() {
			t.Errorf("card %q: the face %+v is outside the card %+v", plain[i].Title, *f, a.Rect)
		}
		for _, l := range a.Title {
			if l.Y > f.Y-f.R && l.Y-l.Size < f.Y+f.R && l.X+l.W > f.X-f.R {
				t.Errorf("card %q: the face %+v covers the title line %+v", plain[i].Title, *f, l)
			}
		}
	}
	// A title whose last line is full: the face takes a footer line.
	full := data.Card{ID: 9100, MapID: m.ID, StageID: m.Stages[0].ID, LaneID: m.Lanes[0].ID, Position: 100,
		Title: "Mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm"}
	m.Cards = append(m.Cards, full)
	l0 := geometry.Compute(m, geometry.Options{}).Card(full.ID)
	m.Cards[len(m.Cards)-1].Emotion = &score
	l1 := geometry.Compute(m, geometry.Options{}).Card(full.ID)
	if last := l0.Title[len(l0.Title)-1]; last.X+last.W+6+2*geometry.FaceR <= l0.Rect.X+l0.Rect.W-geometry.CardPad {
		t.Skip("the long title's last line has room after all")
	}
	if l1.Face == nil || l1.Rect.H <= l0.Rect.H || l1.Face.Y-l1.Face.R < l1.Title[len(l1.Title)-1].Y {
		t.Errorf("a full last line: face %+v, height %v → %v", l1.Face, l0.Rect.H, l1.Rect.H)
	}
}
