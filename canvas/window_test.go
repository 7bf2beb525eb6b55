package canvas

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

func TestShortcutsUndoRedo(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	b := u.board
	ad := cardByTitle(t, b.Map(), adTitle)
	b.selectOne(selCard, ad.ID)
	sc := w.Canvas().(fyne.Shortcutable)
	n := len(b.Map().Cards)
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyD, Modifier: fyne.KeyModifierShortcutDefault})
	if got := len(reloadMap(t, u).Cards); got != n+1 {
		t.Fatalf("Ctrl+D: %d cards, want %d", got, n+1)
	}
	sc.TypedShortcut(&fyne.ShortcutUndo{})
	if got := len(reloadMap(t, u).Cards); got != n {
		t.Fatalf("Ctrl+Z: %d cards, want %d", got, n)
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if got := len(reloadMap(t, u).Cards); got != n+1 {
		t.Fatalf("Ctrl+Shift+Z: %d cards, want %d", got, n+1)
	}
	sc.TypedShortcut(&fyne.ShortcutUndo{})
	sc.TypedShortcut(&fyne.ShortcutRedo{})
	if got := len(reloadMap(t, u).Cards); got != n+1 {
		t.Fatalf("Ctrl+Y: %d cards, want %d", got, n+1)
	}
	// Copy, paste, cut, select all, Delete, zoom keys, Esc.
	b.selectOne(selCard, ad.ID)
	sc.TypedShortcut(&fyne.ShortcutCopy{})
	sc.TypedShortcut(&fyne.ShortcutPaste{})
	if got := len(reloadMap(t, u).CellCards(ad.StageID, ad.LaneID)); got != 3 {
		t.Fatalf("paste: the cell has %d cards, want 3", got)
	}
	sc.TypedShortcut(&fyne.ShortcutCut{})
	if got := len(reloadMap(t, u).CellCards(ad.StageID, ad.LaneID)); got != 2 {
		t.Fatalf("cut: the cell has %d cards, want 2", got)
	}
	sc.TypedShortcut(&fyne.ShortcutSelectAll{})
	if len(b.selectedCards()) != len(b.Map().Cards) {
		t.Fatal("Ctrl+A did not select every card")
	}
	w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.sel.kind != selMap {
		t.Fatal("Esc did not clear the selection")
	}
	b.selectOne(selCard, ad.ID)
	w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if reloadMap(t, u).Card(ad.ID) != nil {
		t.Fatal("Delete did not delete the card")
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault})
	if b.zoom != 1.25 {
		t.Fatalf("Ctrl+= zoom %v", b.zoom)
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault})
	if b.zoom != 1 {
		t.Fatalf("Ctrl+0 zoom %v", b.zoom)
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault})
	if b.zoom != 0.8 {
		t.Fatalf("Ctrl+- zoom %v", b.zoom)
	}
	if !strings.HasPrefix(u.undoItem.Label, "Undo") || u.undoItem.Disabled {
		t.Fatalf("undo item %q disabled=%v", u.undoItem.Label, u.undoItem.Disabled)
	}
}

func TestSidebarMaps(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	first := u.mapID
	u.side.create("Restaurant visit", -1, "en")
	if len(u.side.maps) != 2 || u.m.Title != "Restaurant visit" {
		t.Fatalf("after create: %d maps, showing %q", len(u.side.maps), u.m.Title)
	}
	u.side.create("", 0, "vi")
	if len(u.side.maps) != 3 || len(u.m.Stages) == 0 {
		t.Fatalf("after create from a template: %d maps, %d stages", len(u.side.maps), len(u.m.Stages))
	}
	u.side.renameTo("Nhà hàng — hành trình")
	if got := reloadMap(t, u).Title; got != "Nhà hàng — hành trình" {
		t.Fatalf("renamed to %q", got)
	}
	if !strings.HasPrefix(u.win.Title(), "Nhà hàng — hành trình — w.journey") {
		t.Fatalf("window title %q", u.win.Title())
	}
	u.openMap(first)
	u.side.duplicateAs("Future beauty journey", data.FutureState)
	if u.m.Type != data.FutureState || len(u.m.Cards) != 13 || u.mapID == first {
		t.Fatalf("duplicate: %q %s with %d cards", u.m.Title, u.m.Type, len(u.m.Cards))
	}
	dup := u.mapID
	u.side.delete()
	if _, err := u.st.LoadMap(dup); err == nil {
		t.Fatal("the map was not deleted")
	}
	if u.mapID == dup || len(u.side.maps) != 3 {
		t.Fatalf("after delete showing %d, %d maps", u.mapID, len(u.side.maps))
	}
	if len(u.side.undoBar.Objects) != 1 {
		t.Fatal("no undo bar after deleting a map")
	}
	test.Tap(u.side.undoBar.Objects[0].(*widget.Button))
	if m, err := u.st.LoadMap(dup); err != nil || len(m.Cards) != 13 {
		t.Fatalf("undo of the delete: %v", err)
	}
	if u.mapID != dup || len(u.side.maps) != 4 {
		t.Fatalf("after undo showing %d, %d maps", u.mapID, len(u.side.maps))
	}
	// Switching with the list.
	for i, m := range u.side.maps {
		if m.ID == first {
			u.side.list.Select(i)
		}
	}
	if u.mapID != first || u.st.Setting(settingLastMap) == "" {
		t.Fatal("selecting in the list did not switch maps")
	}
}

func TestInspectorEditsCard(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	b := u.board
	ad := cardByTitle(t, b.Map(), adTitle)
	test.Tap(b.cards[ad.ID])
	in := u.insp
	if in.title != "Card" {
		t.Fatalf("inspector shows %q", in.title)
	}
	typeIn(w, in.fields["Channel"], "TikTok")
	typeIn(w, in.fields["Emotion"], "-1.5")
	typeIn(w, in.fields["Tags"], "ads, mobile")
	typeIn(w, in.fields["Metric"], "CTR")
	typeIn(w, in.fields["Value"], "2,4")
	typeIn(w, in.fields["Unit"], "%")
	marks := in.fields["Marks"].(*fyne.Container).Objects
	test.Tap(marks[0].(*widget.Check))
	c := reloadMap(t, u).Card(ad.ID)
	if c.Channel != "TikTok" || c.Emotion == nil || *c.Emotion != -1.5 || !c.Pain || !reflect.DeepEqual(c.Tags, []string{"ads", "mobile"}) ||
		c.Metric == nil || c.Metric.Value != 2.4 || c.Metric.Unit != "%" {
		t.Fatalf("card after the edits: %+v", c)
	}
	if b.lay.Card(ad.ID).Face.Score != -1.5 || len(b.lay.Card(ad.ID).Markers) < 2 {
		t.Fatal("the board does not show the new score and marker")
	}
	// A bad value is marked at the field with the reason, without a dialog; the file keeps
	// the last valid value.
	u.lastErr = nil
	emotion := in.fields["Emotion"].(*field)
	typeIn(w, emotion, "9")
	if u.lastErr != nil || *reloadMap(t, u).Card(ad.ID).Emotion != -1.5 {
		t.Fatalf("an emotion off the scale: err %v", u.lastErr)
	}
	if emotion.problem() == nil || !strings.Contains(in.msg.Text, "Emotion: must be from -2 to 2") {
		t.Fatalf("the inspector does not say why 9 is refused: %q", in.msg.Text)
	}
	typeIn(w, emotion, "-1")
	if emotion.problem() != nil || in.msg.Text != "" || *reloadMap(t, u).Card(ad.ID).Emotion != -1 {
		t.Fatal("a valid score after a refused one was not saved")
	}
	u.undo() // the score
	u.undo() // the pain mark
	u.undo() // the unit
	u.undo()
	u.undo()
	u.undo() // the tags
	u.undo() // the score
	u.undo() // the channel
	if c := reloadMap(t, u).Card(ad.ID); c.Channel != "Facebook" || c.Pain {
		t.Fatalf("undo of the inspector edits: %+v", c)
	}
	// Stage, lane and map.
	b.selectOne(selStage, b.Map().Stages[0].ID)
	typeIn(w, in.fields["Name"], "Nhận thức")
	in.colours.hex.SetText("#123456")
	in.commit()
	if st := reloadMap(t, u).Stages[0]; st.Name != "Nhận thức" || st.Colour != "#123456" {
		t.Fatalf("stage after the edits: %+v", st)
	}
	b.selectOne(selLane, b.Map().Lanes[0].ID)
	typeIn(w, in.fields["Name"], "Steps")
	if l := reloadMap(t, u).Lanes[0]; l.Name != "Steps" {
		t.Fatalf("lane after the edit: %+v", l)
	}
	b.setSelection(selection{})
	if in.title != "Map" {
		t.Fatalf("with nothing selected the inspector shows %q", in.title)
	}
	typeIn(w, in.fields["Goal"], "Fewer failed payments")
	if m := reloadMap(t, u); m.Goal != "Fewer failed payments" || len(m.Cards) != 13 {
		t.Fatalf("map after the edit: goal %q, %d cards", m.Goal, len(m.Cards))
	}
}

// typeIn puts text into a field the way a user does: click into it, replace what is there,
// and leave it.
func typeIn(w fyne.Window, obj fyne.CanvasObject, text string) {
	f := obj.(*field)
	w.Canvas().Focus(f)
	f.SetText("")
	test.Type(f, text)
	w.Canvas().Unfocus()
}

func TestRubberBandSelects(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	l := b.lay
	// From the grid's top-left corner across the first two stages' first lane.
	from := fyne.NewPos(float32(l.Grid.X+2), float32(l.Lanes[0].Rect.Y+2))
	cell := l.Cell(m.Stages[1].ID, m.Lanes[0].ID).Rect
	to := fyne.NewPos(float32(cell.Right()-4), float32(cell.Bottom()-4))
	b.MouseDown(&desktop.MouseEvent{Modifier: fyne.KeyModifierShift})
	dragObj(b, fyne.Position{}, from, to, 5, func(i int) {
		if i == 3 && !b.band.Visible() {
			t.Error("no rubber band")
		}
	})
	got := b.selectedCards()
	want := []int64{cardByTitle(t, m, adTitle).ID, cardByTitle(t, m, reviewTitle).ID}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("band selected %v, want %v", got, want)
	}
}

func TestAutoscrollAtEdge(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	w.Resize(fyne.NewSize(700, 500))
	b := u.board
	ad := cardByTitle(t, b.Map(), adTitle)
	r := b.lay.Card(ad.ID).Rect
	view := b.scroll.Size()
	edge := fyne.NewPos(view.Width-5, float32(r.Y+r.H/2))
	v := b.cards[ad.ID]
	start := centre(r)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.Subtract(v.Position()).Add(fyne.NewPos(1, 0)), AbsolutePosition: fyne.NewPos(9, 9)}, Dragged: fyne.NewDelta(1, 0)})
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{AbsolutePosition: fyne.NewPos(9, 9)}, Dragged: fyne.NewDelta(edge.X-start.X-1, 0)})
	deadline := time.Now().Add(3 * time.Second)
	// The ticks run on their own goroutine here: wait for the scroll and the pointer's travel.
	for (b.scroll.Offset.X < 30 || b.drag.cur.X < edge.X+30) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if b.scroll.Offset.X < 30 {
		t.Fatalf("the view did not scroll at the edge: offset %v", b.scroll.Offset)
	}
	if b.drag.cur.X < edge.X+30 {
		t.Fatalf("the pointer did not travel with the view: %v", b.drag.cur)
	}
	b.cancelDrag()
	b.dragEnd()
	if got := reloadMap(t, u).Card(ad.ID); got.StageID != ad.StageID {
		t.Fatal("a cancelled autoscrolled drag moved the card")
	}
}

func TestHoverShowsLongTitle(t *testing.T) {
	m := data.SampleMap("en")
	m.Cards[0].Title = strings.Repeat("A very long title that does not fit on the card at all. ", 6)
	u, _ := newTestUI(t, m)
	b := u.board
	var v *cardView
	for _, cv := range b.cards {
		if cv.box.Truncated {
			v = cv
		}
	}
	if v == nil {
		t.Fatal("no truncated card")
	}
	v.MouseIn(&desktop.MouseEvent{})
	if !b.tip.box.Visible() || len(b.tip.lines.Objects) < 5 {
		t.Fatalf("hover tip visible=%v with %d lines", b.tip.box.Visible(), len(b.tip.lines.Objects))
	}
	v.MouseOut()
	if b.tip.box.Visible() {
		t.Fatal("hover tip stays after the pointer leaves")
	}
}

func TestAddStageAndLane(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	u.addStage()
	m := reloadMap(t, u)
	if len(m.Stages) != 6 || u.board.sel.kind != selStage || len(u.board.stageHeads) != 6 {
		t.Fatalf("%d stages after Add stage", len(m.Stages))
	}
	u.addLane()
	if m := reloadMap(t, u); len(m.Lanes) != 7 || u.board.sel.kind != selLane {
		t.Fatalf("%d lanes after Add lane", len(m.Lanes))
	}
	u.deleteSelection()
	u.board.selectOne(selStage, m.Stages[5].ID)
	u.deleteSelection()
	if m := reloadMap(t, u); len(m.Stages) != 5 || len(m.Lanes) != 6 {
		t.Fatalf("%d stages, %d lanes after deleting", len(m.Stages), len(m.Lanes))
	}
}

// TestViewVersionReadOnly saves a named version, changes the map, and opens the version:
// a window of its own shows the map as it was, and the file keeps the change.
func TestViewVersionReadOnly(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	if _, err := u.st.SaveVersion(u.mapID, "Q3 review"); err != nil {
		t.Fatal(err)
	}
	before := len(u.m.Stages)
	u.addStage()
	vs, err := u.st.Versions(u.mapID)
	if err != nil || len(vs) != 1 {
		t.Fatalf("versions %v %v", vs, err)
	}
	u.viewVersion(vs[0])
	if u.versionWin == nil || !strings.Contains(u.versionWin.Title(), "Q3 review") || !strings.Contains(u.versionWin.Title(), "read-only") {
		t.Fatal("no read-only window for the version")
	}
	old, _ := u.st.OpenVersion(vs[0].ID)
	if len(old.Stages) != before || len(reloadMap(t, u).Stages) != before+1 {
		t.Fatal("opening a version changed the map or the version")
	}
	u.versionWin.Close()
}
