package canvas

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"journeycanvas/data"
	"journeycanvas/export"
)

// TestPresentationSteps enters presentation mode with F5, steps with the keys and a click,
// and leaves with Esc: the window comes back as it was (content, menus, zoom, selection).
func TestPresentationSteps(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	u.setZoom(1.25)
	card := u.board.lay.Cards[0].ID
	u.board.selectOne(selCard, card)
	content, menu := w.Content(), w.MainMenu()
	key := func(k fyne.KeyName) { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }

	key(fyne.KeyF5)
	if !u.presenting || w.Content() == content || w.MainMenu() != nil || !w.FullScreen() {
		t.Fatalf("F5 did not present: presenting %v, menu %v, full screen %v", u.presenting, w.MainMenu() != nil, w.FullScreen())
	}
	p := u.pres
	last := export.SlideCount(u.m) - 1
	steps := []struct {
		do   func()
		want int
	}{
		{func() { key(fyne.KeyRight) }, 1},
		{func() { key(fyne.KeySpace) }, 2},
		{func() { test.Tap(p.view) }, 3},
		{func() { key(fyne.KeyLeft) }, 2},
		{func() { key(fyne.KeyEnd) }, last},
		{func() { key(fyne.KeyRight) }, last}, // stays on the last step
		{func() { key(fyne.KeyHome) }, 0},
		{func() { key(fyne.KeyLeft) }, 0},
	}
	for i, s := range steps {
		s.do()
		if p.step != s.want || p.img.Image == nil {
			t.Fatalf("step %d: on slide %d, want %d", i, p.step, s.want)
		}
	}
	key(fyne.KeyEscape)
	if u.presenting || w.Content() != content || w.MainMenu() != menu || w.FullScreen() {
		t.Fatal("Esc did not put the window back")
	}
	if u.board.zoom != 1.25 || !u.board.isSelected(card) {
		t.Fatalf("after presenting: zoom %v, card selected %v", u.board.zoom, u.board.isSelected(card))
	}
	// The map menu's Present works the same, and F5 leaves too.
	u.present()
	if !u.presenting {
		t.Fatal("View › Present did not present")
	}
	key(fyne.KeyF5)
	if u.presenting {
		t.Fatal("F5 did not leave")
	}
}

// TestPresentationGolden shows a stage and the last step at projector sizes, and compares
// the screen with stored pictures.
func TestPresentationGolden(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1280, 720), fyne.NewSize(1920, 1080)} {
		u, w := newTestUI(t, data.SampleMap("vi"))
		w.Resize(size)
		u.present()
		w.Resize(size) // the test window is not really full screen
		for _, step := range []int{2, export.SlideCount(u.m) - 1} {
			u.pres.go2(step)
			name := fmt.Sprintf("present_%dx%d_%d.png", int(size.Width), int(size.Height), step+1)
			assertImageClose(t, filepath.Join("testdata", name), w.Canvas().Capture())
		}
		u.escape()
	}
}
