package canvas

import (
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
	"journeycanvas/export"
)

// toolButtons returns the toolbar's buttons by what they say: their words, else their
// tooltip.
func toolButtons(t *testing.T, u *ui) map[string]*toolButton {
	t.Helper()
	out := map[string]*toolButton{}
	for _, o := range u.toolbar.(*fyne.Container).Objects {
		if b, ok := o.(*toolButton); ok {
			key := b.Text
			if key == "" {
				key = b.tip
			}
			out[key] = b
		}
	}
	return out
}

// TestToolbarTooltips rests the pointer on toolbar buttons: after a moment each shows what
// it does and its shortcut under it; the pointer leaving hides it; every button has one.
func TestToolbarTooltips(t *testing.T) {
	old := tipDelay
	tipDelay = 100 * time.Millisecond
	t.Cleanup(func() { tipDelay = old })
	u, w := newTestUI(t, data.SampleMap("en"))
	btns := toolButtons(t, u)
	for _, words := range []string{"+ Stage", "+ Lane", "+ Card"} {
		if btns[words] == nil {
			t.Fatalf("no %q button among %d", words, len(btns))
		}
	}
	if len(btns) != 18 { // the people button among them, hidden while nobody else is here
		t.Fatalf("%d buttons", len(btns))
	}
	for _, b := range btns {
		if b.tip == "" {
			t.Fatalf("the button %q has no tooltip", b.Text)
		}
	}
	d := fyne.CurrentApp().Driver()
	for words, want := range map[string]string{
		"+ Stage": "Add stage (Ctrl+Shift+S)",
		"+ Lane":  "Add lane (Ctrl+Shift+L)",
		"+ Card":  "Add card (Ctrl+Shift+C)",
	} {
		b := btns[words]
		at := d.AbsolutePositionForObject(b)
		start := time.Now()
		test.MoveMouse(w.Canvas(), at.Add(fyne.NewPos(5, 5)))
		if u.float.tip.Visible() && time.Since(start) < tipDelay {
			t.Fatal("the tooltip showed at once")
		}
		waitFor(t, "the tooltip of "+words, func() bool { return u.float.tip.Visible() })
		if u.float.text.Text != want {
			t.Fatalf("tooltip %q, want %q", u.float.text.Text, want)
		}
		tipAt := d.AbsolutePositionForObject(u.float.tip)
		if tipAt.Y < at.Y+b.Size().Height || tipAt.X+u.float.tip.Size().Width > w.Canvas().Size().Width {
			t.Fatalf("the tooltip is at %v, the button at %v %v", tipAt, at, b.Size())
		}
		test.MoveMouse(w.Canvas(), fyne.NewPos(800, 600))
		if u.float.tip.Visible() {
			t.Fatal("the tooltip stayed when the pointer left")
		}
	}
	if got := btns["Fit the map in the window (Ctrl+1)"]; got == nil {
		t.Fatal("no Fit button with its shortcut")
	}
	// The tooltip layer takes no clicks: the toolbar still works under a tooltip.
	b := btns["+ Stage"]
	test.MoveMouse(w.Canvas(), d.AbsolutePositionForObject(b).Add(fyne.NewPos(5, 5)))
	waitFor(t, "the tooltip", func() bool { return u.float.tip.Visible() })
	n := len(u.m.Stages)
	test.TapCanvas(w.Canvas(), d.AbsolutePositionForObject(b).Add(fyne.NewPos(5, 5)))
	if len(reloadMap(t, u).Stages) != n+1 || u.float.tip.Visible() {
		t.Fatalf("a click on + Stage under its tooltip: %d stages, tooltip shown %v", len(reloadMap(t, u).Stages), u.float.tip.Visible())
	}
}

// TestAddStageNamedInPlace adds a stage with Ctrl+Shift+S on a map wider than the view: the
// new stage is selected, scrolled into view, and its name is selected in an editor over its
// header; typing a Vietnamese name and Enter keep it in the file. Undo takes back the name,
// then the stage (two steps).
func TestAddStageNamedInPlace(t *testing.T) {
	u, w := newTestUI(t, testmaps.Big(200, 12, 6))
	b := u.board
	b.scroll.ScrollToOffset(fyne.Position{})
	n := len(u.m.Stages)
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	m := reloadMap(t, u)
	if len(m.Stages) != n+1 {
		t.Fatalf("%d stages, want %d", len(m.Stages), n+1)
	}
	st := m.Stages[n]
	if b.sel.kind != selStage || b.sel.id != st.ID {
		t.Fatalf("selection %+v, want the new stage %d", b.sel, st.ID)
	}
	var head = b.lay.Stages[n].Header
	off, view := b.scroll.Offset, b.scroll.Size()
	if float32(head.X) < off.X || float32(head.Right()) > off.X+view.Width {
		t.Fatalf("the new stage at %v–%v is out of the view %v–%v", head.X, head.Right(), off.X, off.X+view.Width)
	}
	if w.Canvas().Focused() != u.names || !u.names.Visible() || u.names.SelectedText() != st.Name {
		t.Fatalf("the name editor: focused %v, shown %v, selected %q (name %q)", w.Canvas().Focused() == u.names, u.names.Visible(), u.names.SelectedText(), st.Name)
	}
	// The editor lies over the new stage's header.
	d := fyne.CurrentApp().Driver()
	hv := u.headerOf(selStage, st.ID)
	if ep, hp := d.AbsolutePositionForObject(u.names), d.AbsolutePositionForObject(hv); ep.Subtract(hp).X*ep.Subtract(hp).X > 1 || ep.Subtract(hp).Y*ep.Subtract(hp).Y > 1 {
		t.Fatalf("the editor is at %v, the header at %v", ep, hp)
	}
	test.Type(u.names, "Nhận thức")
	u.names.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := reloadMap(t, u).Stage(st.ID); got == nil || got.Name != "Nhận thức" {
		t.Fatalf("the stage in the file: %+v", got)
	}
	if u.names.Visible() || b.sel.kind != selStage || b.sel.id != st.ID {
		t.Fatalf("after Enter: editor shown %v, selection %+v", u.names.Visible(), b.sel)
	}
	u.undo()
	if got := reloadMap(t, u).Stage(st.ID); got == nil || got.Name != st.Name {
		t.Fatalf("undo of the name: %+v", got)
	}
	u.undo()
	if got := reloadMap(t, u).Stage(st.ID); got != nil {
		t.Fatal("the second undo left the stage")
	}
	// Undo while the name is being typed closes the editor and keeps the stage; the next
	// undo takes the stage back.
	u.addStage()
	id := b.sel.id
	test.Type(u.names, "Giữ")
	u.undo()
	if u.names.Visible() || reloadMap(t, u).Stage(id) == nil || reloadMap(t, u).Stage(id).Name == "Giữ" {
		t.Fatal("undo while naming")
	}
	u.undo()
	if reloadMap(t, u).Stage(id) != nil {
		t.Fatal("the stage stayed")
	}
}

// TestAddLaneEscKeepsName adds a lane from the toolbar: it is selected and in view; Esc
// keeps its default name (one undo step).
func TestAddLaneEscKeepsName(t *testing.T) {
	u, w := newTestUI(t, testmaps.Big(200, 12, 6))
	n := len(u.m.Lanes)
	test.Tap(toolButtons(t, u)["+ Lane"])
	m := reloadMap(t, u)
	ln := m.Lanes[len(m.Lanes)-1]
	if len(m.Lanes) != n+1 || u.board.sel.kind != selLane || u.board.sel.id != ln.ID {
		t.Fatalf("%d lanes, selection %+v", len(m.Lanes), u.board.sel)
	}
	var head = u.board.lay.Lanes[len(u.board.lay.Lanes)-1].Header
	for _, l := range u.board.lay.Lanes {
		if l.ID == ln.ID {
			head = l.Header
		}
	}
	off, view := u.board.scroll.Offset, u.board.scroll.Size()
	if float32(head.Y) < off.Y || float32(head.Bottom()) > off.Y+view.Height {
		t.Fatalf("the new lane at %v–%v is out of the view %v–%v", head.Y, head.Bottom(), off.Y, off.Y+view.Height)
	}
	if w.Canvas().Focused() != u.names {
		t.Fatal("the lane's name is not ready to type")
	}
	u.names.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.names.Visible() || reloadMap(t, u).Lane(ln.ID).Name != ln.Name {
		t.Fatal("Esc did not keep the default name")
	}
	u.undo()
	if reloadMap(t, u).Lane(ln.ID) != nil {
		t.Fatal("one undo did not take the lane back")
	}
	// Leaving the field (a click elsewhere) saves what was typed.
	u.addLane()
	id := u.board.sel.id
	test.Type(u.names, "Kênh hỗ trợ")
	w.Canvas().Unfocus()
	if got := reloadMap(t, u).Lane(id); got == nil || got.Name != "Kênh hỗ trợ" || u.names.Visible() {
		t.Fatalf("focus lost: lane %+v, editor shown %v", got, u.names.Visible())
	}
}

// TestThemeMenuTick: View › Theme ticks the theme in use, and moves the tick when another is
// chosen from the menu.
func TestThemeMenuTick(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	var themeItem *fyne.MenuItem
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Theme" {
				themeItem = it
			}
		}
	}
	if themeItem == nil || themeItem.ChildMenu == nil {
		t.Fatal("no View › Theme")
	}
	ticks := func() string {
		var s []string
		for _, it := range themeItem.ChildMenu.Items {
			if it.Checked {
				s = append(s, it.Label)
			}
		}
		return strings.Join(s, ",")
	}
	if got := ticks(); got != "Light" { // newTestUI uses the light theme
		t.Fatalf("ticked %q, want Light", got)
	}
	themeItem.ChildMenu.Items[2].Action()
	if got := ticks(); got != "Dark" || u.board.theme != themeDark || u.app.Preferences().String("theme") != themeDark {
		t.Fatalf("after Dark: ticked %q, board %q", got, u.board.theme)
	}
}

// TestPanelsHoldStill: the inspector keeps its width whatever is selected and when the
// window is resized; Ctrl+I and Ctrl+B hide and show the inspector and the list of maps;
// the widths and what is hidden are kept for the next start, and so is the window's size.
func TestPanelsHoldStill(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	u.body.setWidth(inspWidth)
	u.outer.setWidth(mapsWidth)
	inspW := func() float32 { return u.panels.insp.Size().Width }
	boardW := func() float32 { return u.board.scroll.Size().Width }
	if d := inspW() - inspWidth; d*d > 1 {
		t.Fatalf("inspector %v wide, want %v", inspW(), inspWidth)
	}
	b := u.board
	wantBoard := boardW()
	for _, sel := range []func(){
		func() { b.selectOne(selCard, b.lay.Cards[0].ID) },
		func() { b.selectOne(selStage, b.lay.Stages[0].ID) },
		func() { b.selectOne(selLane, b.lay.Lanes[0].ID) },
		func() { b.setSelection(selection{}) },
	} {
		sel()
		w.Resize(fyne.NewSize(1600, 1000)) // lay the window out again, as a frame does
		if boardW() != wantBoard || inspW() != inspWidth {
			t.Fatalf("the board is %v wide (was %v), the inspector %v, with %+v selected", boardW(), wantBoard, inspW(), b.sel)
		}
	}
	w.Resize(fyne.NewSize(560, 600)) // too small for both panels: they narrow for a while
	w.Resize(fyne.NewSize(1300, 900))
	if d, e := inspW()-inspWidth, u.panels.maps.Size().Width-mapsWidth; d*d > 1 || e*e > 1 {
		t.Fatalf("after a resize: inspector %v, maps %v", inspW(), u.panels.maps.Size().Width)
	}
	sc := w.Canvas().(fyne.Shortcutable)
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault})
	if u.panels.insp.Visible() || boardW() <= wantBoard {
		t.Fatalf("Ctrl+I: inspector shown %v, board %v", u.panels.insp.Visible(), boardW())
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault})
	if u.panels.maps.Visible() || boardW() < 1290 {
		t.Fatalf("Ctrl+B: maps shown %v, board %v", u.panels.maps.Visible(), boardW())
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault})
	if !u.panels.insp.Visible() || inspW() != inspWidth {
		t.Fatalf("Ctrl+I again: shown %v, %v wide", u.panels.insp.Visible(), inspW())
	}
	u.body.setWidth(400) // as a drag of the divider leaves it
	u.savePanels()
	saveWindow(u.app, w, func() (fyne.Size, bool) { return fyne.NewSize(1920, 1050), true })

	// The next start, on the same preferences.
	s2, err := data.Open(filepath.Join(t.TempDir(), "again.journey"), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w2 := test.NewTempWindow(t, widget.NewLabel(""))
	restoreWindow(u.app, w2, func() (fyne.Size, bool) { return fyne.NewSize(1920, 1050), true }, func() { t.Error("maximised a window that was not") })
	if got := w2.Canvas().Size(); got != fyne.NewSize(1300, 900) {
		t.Fatalf("the window opens at %v, want 1300×900", got)
	}
	u2 := newUI(u.app, w2, s2, u.th)
	u2.install()
	t.Cleanup(u2.close)
	w2.Resize(fyne.NewSize(1300, 900))
	if u2.panels.maps.Visible() || !u2.panels.insp.Visible() || u2.panels.insp.Size().Width != 400 {
		t.Fatalf("the next start: maps shown %v, inspector shown %v and %v wide", u2.panels.maps.Visible(), u2.panels.insp.Visible(), u2.panels.insp.Size().Width)
	}
}

// TestFirstRunMaximised: with nothing kept, the window is sized to the screen's work area
// and asked to maximise; a window closed maximised opens maximised again.
func TestFirstRunMaximised(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	screen := func() (fyne.Size, bool) { return fyne.NewSize(1500, 900), true }
	maxed := 0
	restoreWindow(a, w, screen, func() { maxed++ })
	if maxed != 1 || w.Canvas().Size() != fyne.NewSize(1500, 900) {
		t.Fatalf("first run: maximised %d times, size %v", maxed, w.Canvas().Size())
	}
	saveWindow(a, w, screen)
	if !a.Preferences().Bool(prefWinMax) || a.Preferences().Float(prefWinWidth) != 1280 {
		t.Fatalf("a window as large as the screen: maximised %v, size to restore %v", a.Preferences().Bool(prefWinMax), a.Preferences().Float(prefWinWidth))
	}
	w2 := test.NewTempWindow(t, widget.NewLabel(""))
	restoreWindow(a, w2, screen, func() { maxed++ })
	if maxed != 2 {
		t.Fatal("the next start was not maximised")
	}
}

// TestExportedMessageKeys: Return closes the "Exported" message; a message that arrives
// while presenting waits until the presentation ends, and presenting hides one showing.
func TestExportedMessageKeys(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	c := exportChoice{opt: export.Options{Scale: 1, Theme: "light"}}
	out := filepath.Join(t.TempDir(), "map.png")
	done := make(chan error, 1)
	u.runExport(out, u.m, c, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if u.msg.d == nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("no Exported message")
	}
	f, ok := w.Canvas().Focused().(*keyCloser)
	if !ok {
		t.Fatalf("the message does not have the keyboard: %T", w.Canvas().Focused())
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.msg.d != nil || w.Canvas().Overlays().Top() != nil {
		t.Fatal("Return did not close the message")
	}
	// Shown, then F5: the slides come up clean.
	u.showMessage("Exported", "somewhere")
	u.present()
	if !u.presenting || w.Canvas().Overlays().Top() != nil {
		t.Fatal("the message stayed on top of the presentation")
	}
	// Finished while presenting: it waits.
	u.runExport(out, u.m, c, func(err error) { done <- err })
	<-done
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("a message covered the slides")
	}
	u.escape()
	if u.presenting || u.msg.d == nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("the message held back was not shown after the presentation")
	}
}

// TestCaptureChrome saves the window at 1280×800 with a tooltip showing to $JC_CAPTURE (a
// PNG), to look at; it runs only when that is set.
func TestCaptureChrome(t *testing.T) {
	out := os.Getenv("JC_CAPTURE")
	if out == "" {
		t.Skip("JC_CAPTURE is not set")
	}
	old := tipDelay
	tipDelay = 10 * time.Millisecond
	t.Cleanup(func() { tipDelay = old })
	u, w := newTestUI(t, data.SampleMap("vi"))
	w.Resize(fyne.NewSize(1280, 800))
	u.body.setWidth(inspWidth)
	u.outer.setWidth(mapsWidth)
	w.Resize(fyne.NewSize(1280, 800))
	if os.Getenv("JC_CAPTURE_ADD") != "" {
		u.addStage()
	}
	b := toolButtons(t, u)["+ Giai đoạn"]
	if b == nil {
		b = toolButtons(t, u)["+ Stage"]
	}
	test.MoveMouse(w.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(5, 5)))
	waitFor(t, "the tooltip", func() bool { return u.float.tip.Visible() })
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// TestFaceKeepsRowHeight adds a lane and a card in it, then scores the card (as the inspector does): its face
// appears on the board and no lane grows.
func TestFaceKeepsRowHeight(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	u.addLane() // an empty lane: the new card sets its height
	u.cancelName()
	lane := b.sel.id
	b.addCard(u.m.Stages[0].ID, lane, -1)
	b.title.SetText("Gọi tổng đài") // an untitled new card would go when left
	b.commitTitle()
	id := b.sel.cards[0]
	heights := func() []float64 {
		var h []float64
		for _, l := range b.lay.Lanes {
			h = append(h, l.Rect.H)
		}
		return h
	}
	before := heights()
	c := *reloadMap(t, u).Card(id)
	score := 2.0
	c.Emotion = &score
	u.apply(func() error { return u.st.UpdateCard(c) })
	if b.lay.Card(id).Face == nil {
		t.Fatal("the scored card shows no face")
	}
	if after := heights(); !reflect.DeepEqual(before, after) {
		t.Fatalf("lane heights %v became %v", before, after)
	}
}

// TestNarrowWindowHidesMaps: in a window of 1280×800 the list of maps starts hidden, so the
// board shows more than three stages at 100 %; Ctrl+B brings it back, and that is kept.
func TestNarrowWindowHidesMaps(t *testing.T) {
	u, w := uiOpenedAt(t, fyne.NewSize(1280, 800), nil)
	a := u.app
	w.Resize(fyne.NewSize(1280, 800))
	if u.panels.maps.Visible() || !u.panels.insp.Visible() {
		t.Fatalf("maps shown %v, inspector shown %v", u.panels.maps.Visible(), u.panels.insp.Visible())
	}
	view := u.board.scroll.Size().Width
	st := u.board.lay.Stages
	shown := 0.0
	for _, sb := range st {
		shown += max(0, min(float64(view), sb.Header.Right())-max(0, sb.Header.X)) / sb.Header.W
	}
	t.Logf("the board shows %.1f stages in %v units", shown, view)
	if shown < 3 {
		t.Fatalf("the board shows %.1f stages in %v units", shown, view)
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault})
	if !u.panels.maps.Visible() || a.Preferences().BoolWithFallback(prefMapsHidden, true) {
		t.Fatal("Ctrl+B did not show the maps, or it was not kept")
	}
}

// TestAddCardReadyToType adds a card with Ctrl+Shift+C on a map scrolled away from its
// first cell: the card is selected, in view, and typing replaces "New card".
func TestAddCardReadyToType(t *testing.T) {
	u, w := newTestUI(t, testmaps.Big(200, 12, 6))
	b := u.board
	b.scroll.ScrollToOffset(fyne.NewPos(2000, 1500))
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyC, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if b.sel.kind != selCard || len(b.sel.cards) != 1 {
		t.Fatalf("selection %+v", b.sel)
	}
	id := b.sel.cards[0]
	r := b.lay.Card(id).Rect
	off, view := b.scroll.Offset, b.scroll.Size()
	if float32(r.X) < off.X || float32(r.Right()) > off.X+view.Width || float32(r.Y) < off.Y || float32(r.Bottom()) > off.Y+view.Height {
		t.Fatalf("the new card %v is out of the view at %v %v", r, off, view)
	}
	if w.Canvas().Focused() != b.title {
		t.Fatal("the card's title is not ready to type")
	}
	test.Type(b.title, "Gọi tổng đài")
	b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := reloadMap(t, u).Card(id).Title; got != "Gọi tổng đài" {
		t.Fatalf("title %q", got)
	}
}

// A window that was maximised on a wide screen opens laid out first at its restored size
// (1280×800 here) and then maximised: the list of maps is shown, for the screen it opens on.
// (It started hidden on every start after the first, and stayed so.)
func TestMaximisedWindowShowsMaps(t *testing.T) {
	old := screenOpened
	screenOpened = func() (fyne.Size, bool) { return fyne.NewSize(1440, 870), true }
	t.Cleanup(func() { screenOpened = old })
	u, w := uiOpenedAt(t, fyne.NewSize(1280, 800), func(a fyne.App) { a.Preferences().SetBool(prefWinMax, true) })
	w.Resize(fyne.NewSize(1440, 870))
	if !u.panels.maps.Visible() {
		t.Fatal("the list of maps is hidden in a window maximised on a 1440-wide screen")
	}
	if got := u.panels.maps.Size().Width; got < mapsWidth-1 {
		t.Fatalf("the list of maps is %v wide", got)
	}
}

// At half a 1440-pixel screen (720 wide) the window's content fits: the toolbar leaves out the
// buttons it can do without (all in the menus), keeps undo, the add buttons, fit and the
// panels' toggles, and nothing of it reaches past the window's edge.
func TestToolbarInHalfAScreen(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	if min := u.content.MinSize().Width; min > 720 {
		t.Fatalf("the window cannot be narrower than %v", min)
	}
	w.Resize(fyne.NewSize(720, 800))
	saveShot(w, "toolbar-720.png")
	d := fyne.CurrentApp().Driver()
	btns := toolButtons(t, u)
	shown := 0
	for name, b := range btns {
		if !b.Visible() {
			continue
		}
		at := d.AbsolutePositionForObject(b)
		shown++
		if at.X+b.Size().Width > w.Canvas().Size().Width {
			t.Errorf("%q reaches %v, past the window's edge", name, at.X+b.Size().Width)
		}
	}
	for _, want := range []string{"+ Stage", "+ Lane", "+ Card"} {
		if b := btns[want]; b == nil || !b.Visible() {
			t.Errorf("%q is left out", want)
		}
	}
	for _, b := range []*toolButton{u.mapsBtn, u.inspBtn} {
		if !b.Visible() {
			t.Errorf("the %q toggle is left out", b.tip)
		}
	}
	w.Resize(fyne.NewSize(1600, 1000))
	wide := 0
	for _, b := range btns {
		if b.Visible() {
			wide++
		}
	}
	if wide <= shown {
		t.Fatalf("a wide window shows %d buttons, a narrow one %d", wide, shown)
	}
}

// uiOpenedAt opens the sample map in a window that has the given size while it is built, as
// the desktop app's window has when it opens (prefs, when given, sets the preferences first).
func uiOpenedAt(t *testing.T, size fyne.Size, prefs func(a fyne.App)) (*ui, fyne.Window) {
	t.Helper()
	setLanguage("en")
	a := test.NewTempApp(t)
	th := &appTheme{mode: themeLight}
	a.Settings().SetTheme(th)
	if prefs != nil {
		prefs(a)
	}
	s, err := data.Open(filepath.Join(t.TempDir(), "w.journey"), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateMap(data.SampleMap("en")); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(size)
	u := newUI(a, w, s, th)
	u.install()
	t.Cleanup(u.close)
	return u, w
}
