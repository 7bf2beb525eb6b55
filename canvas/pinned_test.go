package canvas

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// The stage headers stay pinned at the top and the lane headers at the left while the board
// scrolls in either direction, over opaque bands, at every zoom; golden pictures hold what it
// looks like (the Emotions header with its scale, the corner, the cards under the bands).
func TestPinnedHeadersWhileScrolling(t *testing.T) {
	cases := []struct {
		zoom   float64
		offset fyne.Position
	}{
		{0.25, fyne.NewPos(40, 30)},
		{1, fyne.NewPos(260, 180)},
		{1.5, fyne.NewPos(420, 0)},
		{1.5, fyne.NewPos(300, 500)},
		{4, fyne.NewPos(1500, 1900)},
	}
	for _, c := range cases {
		name := fmt.Sprintf("pinned_%03.0f_%.0f_%.0f", c.zoom*100, c.offset.X, c.offset.Y)
		t.Run(name, func(t *testing.T) {
			u, w := newTestUI(t, data.SampleMap("vi"))
			b := u.board
			w.SetPadded(false) // the test renderer does not clip the scroll to the window's padding
			w.SetContent(b.scroll)
			w.Resize(fyne.NewSize(1000, 700))
			u.setZoom(c.zoom)
			b.scrollToOffset(c.offset)
			checkPinned(t, b)
			assertImageClose(t, filepath.Join("testdata", name+".png"), w.Canvas().Capture())
		})
	}
}

// checkPinned checks every header against the view: stage headers at its top edge when it
// has scrolled past them, lane headers at its left edge, the bands behind them shown.
func checkPinned(t *testing.T, b *Board) {
	t.Helper()
	off := b.scroll.Offset
	l := b.lay
	for i, h := range b.stageHeads {
		want := max(float32(l.Stages[i].Header.Y), off.Y)
		if h.Position().Y != want || h.Position().X != float32(l.Stages[i].Header.X) {
			t.Fatalf("stage header %d at %v, want y %v", i, h.Position(), want)
		}
	}
	for i, h := range b.laneHeads {
		want := max(float32(l.Lanes[i].Header.X), off.X)
		if h.Position().X != want || h.Position().Y != float32(l.Lanes[i].Header.Y) {
			t.Fatalf("lane header %d at %v, want x %v", i, h.Position(), want)
		}
	}
	if off.X > float32(l.Lanes[0].Header.X) && (!b.pinLeft.Visible() || b.pinLeft.Position().X != off.X) {
		t.Fatal("no opaque band behind the pinned lane headers")
	}
	if off.Y > float32(l.Stages[0].Header.Y) && (!b.pinTop.Visible() || b.pinTop.Position().Y != off.Y) {
		t.Fatal("no opaque band behind the pinned stage headers")
	}
	// The bands sit between the cards and the headers.
	idx := map[fyne.CanvasObject]int{}
	for i, o := range b.objs {
		idx[o] = i
	}
	for _, v := range b.cardOrder {
		if b.drag != nil && b.drag.has(v.id) {
			continue // the cards being dragged float over everything
		}
		if idx[v] > idx[b.pinLeft] || idx[v] > idx[b.pinTop] {
			t.Fatal("a card is drawn over the header bands")
		}
	}
	if idx[b.curve.raster] > idx[b.laneHeads[0]] {
		t.Fatal("the curve is drawn over the lane headers")
	}
}

// A lane whose name is scrolled away under the pinned stage headers, while the lane goes on
// below, shows its name again at the top of its part in view; scrolled back, the tag goes.
func TestLaneNameFollowsTheView(t *testing.T) {
	m := data.SampleMap("vi")
	for i := range 12 { // a tall first lane
		m.Cards = append(m.Cards, data.Card{StageID: m.Stages[0].ID, LaneID: m.Lanes[0].ID, Title: fmt.Sprintf("Bước %d", i+1)})
	}
	u, w := newTestUI(t, m)
	b := u.board
	w.SetPadded(false)
	w.SetContent(b.scroll)
	w.Resize(fyne.NewSize(1000, 700))
	l := b.lay
	ln := l.Lanes[0]
	sh := float32(l.Stages[0].Header.H + l.Stages[0].Rect.X - l.Lanes[0].Header.Right())
	off := fyne.NewPos(0, float32(ln.Header.Y)+200-sh)
	b.scrollToOffset(off)
	tag := b.laneTag.raster
	if !tag.Visible() || tag.Position().Y != b.scroll.Offset.Y+sh {
		t.Fatalf("in the middle of a tall lane the tag is shown %v at %v, want y %v", tag.Visible(), tag.Position(), b.scroll.Offset.Y+sh)
	}
	saveShot(w, "lane-tag.png")
	b.scrollToOffset(fyne.NewPos(0, 0))
	if tag.Visible() {
		t.Fatal("the tag stays when the lane's own name is in view")
	}
}

// During a drag that scrolls the board by itself, the headers stay pinned at every step.
func TestPinnedHeadersDuringAutoscroll(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	b := u.board
	w.SetContent(b.scroll)
	w.Resize(fyne.NewSize(900, 600))
	u.setZoom(1.5)
	v := b.cardOrder[0]
	r := v.box.Rect
	start := centre(r)
	view := b.scroll.Size()
	edge := fyne.NewPos(view.Width-4, view.Height-4) // the pointer at the view's corner
	dragObj(v, rectPos(r, 0, 0), start, edge, 4, func(i int) {
		if i == 4 {
			for k := 0; k < 10; k++ {
				b.autoscrollTick(b.scroller)
				checkPinned(t, b)
			}
		}
	})
	if b.scroll.Offset.X == 0 && b.scroll.Offset.Y == 0 {
		t.Fatal("the drag did not scroll the board")
	}
	checkPinned(t, b)
}

// The header's picture is keyed by what is drawn: changing the map's language changes the
// header's words and so its key; a 10 MB picture is not hashed again on each refresh.
func TestHeaderKeyFollowsWhatIsDrawn(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	key := func() string { return headerKey(*u.board.lay.Header) }
	before := key()
	m := *u.m
	m.Stages, m.Lanes, m.Cards, m.Links = nil, nil, nil, nil
	m.Lang = "vi"
	if err := u.apply(func() error { return u.st.UpdateMap(&m) }); err != nil {
		t.Fatal(err)
	}
	if key() == before {
		t.Fatal("the header's key did not change with the map's language")
	}
	if p := u.m.Persona; p != nil && len(p.Photo) > 0 && u.board.lay.Header.Persona.PhotoKey != p.PhotoHash() {
		t.Fatal("the picture's key is not the store's hash")
	}
}

// BenchmarkHeaderKeyPhoto10MB is the header's repaint check on a map whose persona has a
// 10 MB picture (hashing it on every refresh cost about 17 ms).
func BenchmarkHeaderKeyPhoto10MB(b *testing.B) {
	h := geometry.HeaderBox{Persona: &geometry.PersonaBox{Photo: make([]byte, 10<<20), PhotoKey: "k"}}
	for i := 0; i < b.N; i++ {
		if headerKey(h) == "" {
			b.Fatal("no key")
		}
	}
}

// Every tile of the board is a raster of whole units at any zoom: a fractional size is
// rounded into its texture, which the GL painter maps back unevenly (title lines came out
// cut after Ctrl+1 in the real window).
func TestTilesAreWholeUnits(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	for _, z := range []float64{0.741, 0.738, 1.234} {
		u.board.setZoomAt(z, fyne.NewPos(300, 200))
		for _, v := range u.board.cardOrder {
			s := v.face.raster.Size()
			if s.Width != float32(int(s.Width)) || s.Height != float32(int(s.Height)) {
				t.Fatalf("at %v a card's raster is %v", z, s)
			}
		}
		for _, h := range u.board.laneHeads {
			if s := h.tile.raster.Size(); s.Height != float32(int(s.Height)) {
				t.Fatalf("at %v a lane header's raster is %v", z, s)
			}
		}
	}
}

// A scroll moves the card under the pointer away: its link handle goes with the scroll, and
// comes back when the pointer moves on the card again.
func TestScrollTakesTheHoverAway(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("vi"))
	b := u.board
	v := b.cards[b.lay.Cards[0].ID]
	v.MouseIn(&desktop.MouseEvent{})
	if !v.hovered {
		t.Fatal("the card does not know the pointer is on it")
	}
	b.scrollToOffset(fyne.NewPos(0, 120))
	if v.hovered {
		t.Fatal("the card still shows its handle after the board scrolled under the pointer")
	}
	v.MouseMoved(&desktop.MouseEvent{})
	if !v.hovered {
		t.Fatal("the handle does not come back when the pointer moves on the card")
	}
}
