package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// menuItem finds an item of a menu by its label, failing the test when there is none.
func menuItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	if m == nil {
		t.Fatalf("no menu open; wanted %q", label)
	}
	for _, it := range m.Items {
		if it.Label == label {
			return it
		}
	}
	var have []string
	for _, it := range m.Items {
		have = append(have, it.Label)
	}
	t.Fatalf("menu has no %q: %q", label, have)
	return nil
}

// Right-click on a card: colour, score, marks, duplicate, delete, in the file.
func TestCardContextMenu(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("vi"))
	b := u.board
	cb := b.lay.Cards[0]
	b.cards[cb.ID].TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos(10, 10)})
	if !b.isSelected(cb.ID) {
		t.Fatal("right-click did not select the card")
	}
	colour := menuItem(t, b.lastMenu, lang.L("Colour"))
	blue := menuItem(t, colour.ChildMenu, tr("colour.blue"))
	blue.Action()
	if got := reloadMap(t, u).Card(cb.ID).Colour; got != "#4DABF7" {
		t.Fatalf("colour in the file %q", got)
	}
	b.cards[cb.ID].TappedSecondary(&fyne.PointEvent{})
	if !menuItem(t, menuItem(t, b.lastMenu, lang.L("Colour")).ChildMenu, tr("colour.blue")).Checked {
		t.Fatal("the card's colour is not ticked")
	}
	score := menuItem(t, b.lastMenu, lang.L("Emotion score"))
	score.ChildMenu.Items[0].Action() // the top of the scale
	if c := reloadMap(t, u).Card(cb.ID); c.Emotion == nil || *c.Emotion != float64(u.m.Scale.Max) {
		t.Fatalf("score in the file %v", c.Emotion)
	}
	if got := score.ChildMenu.Items[0].Label; got != "+2 Rất tốt" {
		t.Fatalf("the step is named %q, want the curve's name on a Vietnamese map", got)
	}
	b.cards[cb.ID].TappedSecondary(&fyne.PointEvent{})
	menuItem(t, b.lastMenu, lang.L("Pain point")).Action()
	if !reloadMap(t, u).Card(cb.ID).Pain {
		t.Fatal("pain point not set")
	}
	n := len(u.m.Cards)
	b.cards[cb.ID].TappedSecondary(&fyne.PointEvent{})
	menuItem(t, b.lastMenu, lang.L("Duplicate")).Action()
	if got := len(reloadMap(t, u).Cards); got != n+1 {
		t.Fatalf("duplicate: %d cards", got)
	}
	id := b.sel.cards[0]
	b.cards[id].TappedSecondary(&fyne.PointEvent{})
	menuItem(t, b.lastMenu, lang.L("Delete")).Action()
	if reloadMap(t, u).Card(id) != nil {
		t.Fatal("delete from the menu left the card")
	}
	// Link to…: choose the target in the list.
	b.cards[cb.ID].TappedSecondary(&fyne.PointEvent{})
	links := len(u.m.Links)
	menuItem(t, b.lastMenu, lang.L("Link to…")).Action()
	u.linkPick(0)
	if got := len(reloadMap(t, u).Links); got != links+1 {
		t.Fatalf("link to: %d links, want %d", got, links+1)
	}
}

// Right-click on a cell adds a card there or pastes; on a stage header inserts and colours;
// on a lane header changes the kind; on the empty board adds a stage.
func TestOtherContextMenus(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	cell := b.lay.Cell(m.Stages[3].ID, m.Lanes[2].ID)
	n := len(m.CellCards(cell.StageID, cell.LaneID))
	b.TappedSecondary(&fyne.PointEvent{Position: centre(cell.Rect)})
	menuItem(t, b.lastMenu, lang.L("Add card here")).Action()
	test := b.title
	if !test.Visible() {
		t.Fatal("no title editor for the card added from the menu")
	}
	test.SetText("Hỏi nhân viên")
	b.commitTitle()
	if got := cellTitles(reloadMap(t, u), cell.StageID, cell.LaneID); len(got) != n+1 || !contains(got, "Hỏi nhân viên") {
		t.Fatalf("cell titles %q", got)
	}
	// Paste here.
	b.selectOne(selCard, u.m.Cards[0].ID)
	u.copy()
	b.TappedSecondary(&fyne.PointEvent{Position: centre(cell.Rect)})
	menuItem(t, b.lastMenu, lang.L("Paste here")).Action()
	if got := len(reloadMap(t, u).CellCards(cell.StageID, cell.LaneID)); got != n+2 {
		t.Fatalf("paste here: %d cards in the cell", got)
	}
	// Stage header: insert after, colour.
	stages := len(u.m.Stages)
	h := b.stageHeads[1]
	h.TappedSecondary(&fyne.PointEvent{})
	menuItem(t, b.lastMenu, lang.L("Insert stage after")).Action()
	m = reloadMap(t, u)
	if len(m.Stages) != stages+1 || b.sel.kind != selStage || m.Stage(b.sel.id).Position != 2 {
		t.Fatalf("insert after: %d stages, selection %+v", len(m.Stages), b.sel)
	}
	b.stageHeads[0].TappedSecondary(&fyne.PointEvent{})
	menuItem(t, menuItem(t, b.lastMenu, lang.L("Colour")).ChildMenu, tr("colour.green")).Action()
	if got := reloadMap(t, u).Stages[0].Colour; got != geometry.CardColours[7].Hex {
		t.Fatalf("stage colour %q", got)
	}
	// Lane header: kind.
	l := b.laneHeads[0]
	l.TappedSecondary(&fyne.PointEvent{})
	menuItem(t, menuItem(t, b.lastMenu, lang.L("Kind")).ChildMenu, tr(laneKindKey(data.LaneThoughts))).Action()
	if got := reloadMap(t, u).Lane(l.id).Kind; got != data.LaneThoughts {
		t.Fatalf("lane kind %q", got)
	}
	// Empty board, far right: add stage.
	stages = len(reloadMap(t, u).Stages)
	b.TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos(float32(b.lay.Width)-2, 2)})
	menuItem(t, b.lastMenu, lang.L("Add stage")).Action()
	if got := len(reloadMap(t, u).Stages); got != stages+1 {
		t.Fatalf("add stage from the board's menu: %d stages", got)
	}
	// Shift+F10 opens the selection's menu.
	b.lastMenu = nil
	b.selectOne(selCard, u.m.Cards[0].ID)
	b.menuOfSelection()
	menuItem(t, b.lastMenu, lang.L("Emotion score"))
}

// Ctrl+V pastes into the cell under the pointer; cards from several cells keep their
// arrangement; one undo takes the paste back.
func TestPasteWhereThePointerIs(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	a := m.CellCards(m.Stages[0].ID, m.Lanes[0].ID)[0]
	c := m.CellCards(m.Stages[1].ID, m.Lanes[1].ID)[0]
	b.selectCards([]int64{a.ID, c.ID})
	u.copy()
	target := b.lay.Cell(m.Stages[2].ID, m.Lanes[1].ID)
	b.pointerAt(centre(target.Rect))
	n1 := len(m.CellCards(m.Stages[2].ID, m.Lanes[1].ID))
	n2 := len(m.CellCards(m.Stages[3].ID, m.Lanes[2].ID))
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{})
	m2 := reloadMap(t, u)
	if got := cellTitles(m2, m.Stages[2].ID, m.Lanes[1].ID); len(got) != n1+1 || !contains(got, a.Title) {
		t.Fatalf("the first card did not land under the pointer: %q", got)
	}
	if got := cellTitles(m2, m.Stages[3].ID, m.Lanes[2].ID); len(got) != n2+1 || !contains(got, c.Title) {
		t.Fatalf("the second card lost its place relative to the first: %q", got)
	}
	u.undo()
	if got := len(reloadMap(t, u).Cards); got != len(m.Cards) {
		t.Fatalf("one undo left %d cards, want %d", got, len(m.Cards))
	}
	// With the pointer off the board, the paste goes after the selected card.
	b.MouseOut()
	b.selectOne(selCard, c.ID)
	u.paste()
	got := cellTitles(reloadMap(t, u), c.StageID, c.LaneID)
	if len(got) != len(m.CellCards(c.StageID, c.LaneID))+1 || got[c.Position+1] != a.Title {
		t.Fatalf("paste after the selection: the cell holds %q", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The keyboard reaches a card's title as on a sticky note: Enter or F2 opens it, a letter
// typed with the card selected starts it over; a double-click on a stage header renames it in
// place; the emotion lane's cells offer no card (the curve covers them).
func TestKeyboardEditsTheSelection(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	b := u.board
	id := b.lay.Cards[0].ID
	b.selectOne(selCard, id)
	typed := w.Canvas().(interface{ OnTypedRune() func(rune) }).OnTypedRune()
	typed('N')
	if !b.title.Visible() || b.title.Text != "N" {
		t.Fatalf("typing on a selected card: editor %v %q", b.title.Visible(), b.title.Text)
	}
	test.Type(b.title, "ew title")
	b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := reloadMap(t, u).Card(id).Title; got != "New title" {
		t.Fatalf("title %q", got)
	}
	b.selectOne(selCard, id)
	w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF2})
	if !b.title.Visible() || b.title.Text != "New title" {
		t.Fatal("F2 did not open the selected card's title")
	}
	b.cancelTitle()
	h := b.stageHeads[0]
	h.DoubleTapped(&fyne.PointEvent{})
	if u.names.done || u.names.Text != u.m.Stages[0].Name {
		t.Fatal("a double-click on a stage header does not rename it in place")
	}
	u.cancelName()
	if b.lay.Curve != nil {
		cell := b.lay.Cell(b.lay.Stages[1].ID, b.lay.Curve.LaneID)
		if cell != nil {
			b.TappedSecondary(&fyne.PointEvent{Position: centre(cell.Rect)})
			for _, it := range b.lastMenu.Items {
				if it.Label == lang.L("Add card here") {
					t.Fatal("the emotion lane offers to add a card under the curve")
				}
			}
		}
	}
}
