package canvas

import (
	"testing"

	"fyne.io/fyne/v2"

	"journeycanvas/canvas/geometry/testmaps"
)

// BenchmarkBuildBoard reads a map of 1,000 cards over 12 stages and 6 lanes from the store,
// lays it out and builds every widget of a new board (budget: 100 ms).
func BenchmarkBuildBoard(b *testing.B) {
	u, _ := newTestUI(b, testmaps.Big(1000, 12, 6))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := u.st.LoadMap(u.mapID)
		if err != nil {
			b.Fatal(err)
		}
		bd := newBoard(u)
		bd.setMap(m)
		if len(bd.cards) != 1000 {
			b.Fatalf("%d cards", len(bd.cards))
		}
	}
}

// BenchmarkDragStep is one pointer move of a card drag on that map: move the card, hit-test
// the cell and place the drop indicator (budget: 4 ms).
func BenchmarkDragStep(b *testing.B) {
	u, _ := newTestUI(b, testmaps.Big(1000, 12, 6))
	bd := u.board
	cb := bd.lay.Cards[len(bd.lay.Cards)/2]
	v := bd.cards[cb.ID]
	start := centre(cb.Rect)
	// Bring the card to the middle of the view, away from the autoscroll edges.
	view := bd.scroll.Size()
	bd.scroll.ScrollToOffset(fyne.NewPos(start.X-view.Width/2, start.Y-view.Height/2))
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.Subtract(v.Position()).Add(fyne.NewPos(1, 0)), AbsolutePosition: fyne.NewPos(500, 500)}, Dragged: fyne.NewDelta(1, 0)})
	if bd.drag == nil || bd.drag.kind != dragCards || bd.drag.cancelled {
		b.Fatal("no card drag under way")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := float32(37)
		if i%2 == 1 {
			d = -37
		}
		v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: fyne.NewPos(500, 500)}, Dragged: fyne.NewDelta(d, d/3)})
	}
	b.StopTimer()
	if !bd.drag.target.ok || !bd.indicator.Visible() {
		b.Fatal("the drag shows no drop target")
	}
	bd.cancelDrag()
	bd.dragEnd()
}

// BenchmarkDropCard is the end of a card drag on that map: the move written to the file as
// one undoable command, the map read back, laid out again, and only the widgets that changed
// refreshed. Each round moves the card to the next stage's cell and back.
func BenchmarkDropCard(b *testing.B) {
	u, _ := newTestUI(b, testmaps.Big(1000, 12, 6))
	bd := u.board
	cb := bd.lay.Cards[0]
	card := *bd.m.Card(cb.ID)
	home, away := bd.lay.Cells[0], bd.lay.Cells[1] // lane 0: stage 0 and stage 1
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		to := away
		if i%2 == 1 {
			to = home
		}
		cur := bd.lay.Card(card.ID)
		v := bd.cards[card.ID]
		dragObj(v, v.Position(), centre(cur.Rect), fyne.NewPos(float32(to.Rect.X+to.Rect.W/2), float32(to.Rect.Bottom()-4)), 1, nil)
	}
	b.StopTimer()
	m := reloadMap(b, u)
	if got := m.Card(card.ID).StageID; b.N%2 == 1 && got == card.StageID {
		b.Fatal("the card did not move")
	}
}
