package canvas

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// holdKeys makes the board read mods as the modifier keys held, until the test ends.
func holdKeys(t testing.TB, mods fyne.KeyModifier) {
	t.Helper()
	old := keyModifiers
	keyModifiers = func() fyne.KeyModifier { return mods }
	t.Cleanup(func() { keyModifiers = old })
}

// boardOnCanvas is where the board's view starts on the window's canvas.
func boardOnCanvas(u *ui) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(u.board.scroll)
}

// wheel turns the mouse wheel by dy with the pointer at ptr in the board's view, as the
// desktop driver reports it to the board under the pointer (test.Scroll gives no position).
func wheel(u *ui, ptr fyne.Position, dy float32) {
	u.board.Scrolled(&fyne.ScrollEvent{
		PointEvent: fyne.PointEvent{Position: ptr.Add(u.board.scroll.Offset), AbsolutePosition: boardOnCanvas(u).Add(ptr)},
		Scrolled:   fyne.NewDelta(0, dy)})
}

// TestCtrlWheelZoomsAboutPointer turns the wheel with Ctrl held over a card in the middle of
// the view: the zoom label follows at once, the zoom is kept in the file, and the card's
// point under the pointer stays under the pointer.
func TestCtrlWheelZoomsAboutPointer(t *testing.T) {
	u, _ := newTestUI(t, testmaps.Big(200, 12, 6))
	b := u.board
	cb := b.lay.Cards[len(b.lay.Cards)/2]
	b.scroll.ScrollToOffset(fyne.NewPos(float32(cb.Rect.X)-300, float32(cb.Rect.Y)-200))
	off := b.scroll.Offset
	// The pointer a third of the way into the card.
	fx, fy := 0.33, 0.4
	at := func() fyne.Position { // that point of the card, in the view
		r := b.lay.Card(cb.ID).Rect
		return fyne.NewPos(float32(r.X+fx*r.W)-b.scroll.Offset.X, float32(r.Y+fy*r.H)-b.scroll.Offset.Y)
	}
	ptr := at()
	if ptr.X < 100 || ptr.Y < 100 || off.X == 0 || off.Y == 0 {
		t.Fatalf("the card is not in the middle of the view: %v, offset %v", ptr, off)
	}
	holdKeys(t, fyne.KeyModifierControl)
	for i, want := range []struct {
		dy   float32
		zoom float64
	}{{wheelNotch, 1.1}, {wheelNotch, 1.21}, {-wheelNotch, 1.1}, {-2 * wheelNotch, 0.909}} {
		wheel(u, ptr, want.dy)
		if math.Abs(b.zoom-want.zoom) > 0.001 {
			t.Fatalf("step %d: zoom %v, want %v", i, b.zoom, want.zoom)
		}
		if u.zoomLbl.Text != zoomText(want.zoom) {
			t.Fatalf("step %d: the label shows %q at zoom %v", i, u.zoomLbl.Text, b.zoom)
		}
		if got := at(); math.Abs(float64(got.X-ptr.X)) > 1 || math.Abs(float64(got.Y-ptr.Y)) > 1 {
			t.Fatalf("step %d: the card's point moved from %v to %v under the pointer", i, ptr, got)
		}
	}
	if s := u.st.Setting(settingZoom); s != "0.91" {
		t.Fatalf("zoom kept in the file: %q", s)
	}
	// Without Ctrl the wheel scrolls and leaves the zoom alone.
	holdKeys(t, 0)
	before := b.scroll.Offset
	wheel(u, ptr, -wheelNotch)
	if b.zoom != 0.909 || b.scroll.Offset == before {
		t.Fatalf("plain wheel: zoom %v, offset %v (was %v)", b.zoom, b.scroll.Offset, before)
	}
}

// TestActualSizeAndFit: Ctrl+0 is 100 % from the start of the map; Ctrl+1 shows the whole
// map; both through the keyboard, and the label says so.
func TestActualSizeAndFit(t *testing.T) {
	u, w := newTestUI(t, testmaps.Big(200, 12, 6))
	b := u.board
	sc := w.Canvas().(fyne.Shortcutable)
	u.setZoom(1.5)
	b.scroll.ScrollToOffset(fyne.NewPos(900, 400))
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault})
	if b.zoom != 1 || b.scroll.Offset != (fyne.Position{}) || u.zoomLbl.Text != "100 %" {
		t.Fatalf("Ctrl+0: zoom %v, offset %v, label %q", b.zoom, b.scroll.Offset, u.zoomLbl.Text)
	}
	// At 100 % already, but scrolled away: Ctrl+0 still goes back to the start.
	b.scroll.ScrollToOffset(fyne.NewPos(500, 300))
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault})
	if b.scroll.Offset != (fyne.Position{}) {
		t.Fatalf("Ctrl+0 at 100 %%: offset %v", b.scroll.Offset)
	}
	b.scroll.ScrollToOffset(fyne.NewPos(500, 300))
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierShortcutDefault})
	view := b.scroll.Size()
	if b.zoom >= 1 || b.lay.Width > float64(view.Width) || b.lay.Height > float64(view.Height)+0.5 && b.zoom > minZoom {
		t.Fatalf("Ctrl+1: zoom %v, map %v×%v in a view of %v", b.zoom, b.lay.Width, b.lay.Height, view)
	}
	if b.scroll.Offset != (fyne.Position{}) || u.zoomLbl.Text != zoomText(b.zoom) {
		t.Fatalf("Ctrl+1: offset %v, label %q at zoom %v", b.scroll.Offset, u.zoomLbl.Text, b.zoom)
	}
	// A small map fits at no more than 150 %.
	u2, _ := newTestUI(t, data.SampleMap("en"))
	u2.fitMap()
	if u2.board.zoom > 1.5 || u2.board.lay.Width > float64(u2.board.scroll.Size().Width) {
		t.Fatalf("fit of the sample: zoom %v, width %v", u2.board.zoom, u2.board.lay.Width)
	}
}
