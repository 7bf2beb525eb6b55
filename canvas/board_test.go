package canvas

import (
	"math/rand"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

const (
	adTitle     = "Sees a social-media ad for a serum"
	emailTitle  = "Gets an email with a 10% discount and orders"
	failTitle   = "Checkout fails on the first try"
	reviewTitle = "Searches and reads reviews on the shop's site"
)

func TestBoardShowsMap(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	m := u.board.Map()
	if len(u.board.cards) != len(m.Cards) {
		t.Fatalf("board shows %d cards, map has %d", len(u.board.cards), len(m.Cards))
	}
	if len(u.board.stageHeads) != len(m.Stages) {
		t.Fatalf("board shows %d stage headers, map has %d", len(u.board.stageHeads), len(m.Stages))
	}
	for _, c := range m.Cards {
		v := u.board.cards[c.ID]
		cb := u.board.lay.Card(c.ID)
		if v.Position() != rectPos(cb.Rect, 0, 0) || v.Size() != rectSize(cb.Rect) {
			t.Errorf("card %q at %v %v, geometry says %v", c.Title, v.Position(), v.Size(), cb.Rect)
		}
	}
	if got := u.win.Title(); got != m.Title+" — w.journey — Journey Canvas" {
		t.Errorf("title %q", got)
	}
}

// TestDragCardBetweenStagesAndLanes drags a card through the real canvas (test.Drag) to a
// cell of another stage and lane, then undoes and redoes it.
func TestDragCardBetweenStagesAndLanes(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	m := u.board.Map()
	ad := cardByTitle(t, m, adTitle)
	s2, l2 := m.Stages[1], m.Lanes[1] // Consideration × Touchpoints
	from := centre(u.board.lay.Card(ad.ID).Rect)
	cell := u.board.lay.Cell(s2.ID, l2.ID)
	to := fyne.NewPos(float32(cell.Rect.X+cell.Rect.W/2), float32(cell.Rect.Bottom()-4))
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.board)
	test.Drag(w.Canvas(), abs.Add(from), to.X-from.X, to.Y-from.Y)

	got := reloadMap(t, u).Card(ad.ID)
	if got.StageID != s2.ID || got.LaneID != l2.ID || got.Position != 1 {
		t.Fatalf("in the file the card is at stage %d lane %d #%d; want stage %d lane %d #1", got.StageID, got.LaneID, got.Position, s2.ID, l2.ID)
	}
	if cb := u.board.lay.Card(ad.ID); cb.StageID != s2.ID || cb.LaneID != l2.ID {
		t.Fatalf("on the board the card is in stage %d lane %d", cb.StageID, cb.LaneID)
	}
	if v := u.board.cards[ad.ID]; v.Position() != rectPos(u.board.lay.Card(ad.ID).Rect, 0, 0) {
		t.Fatalf("card view at %v, layout says %v", v.Position(), u.board.lay.Card(ad.ID).Rect)
	}
	if u.undoItem.Label != "Undo: Move card" {
		t.Errorf("undo item %q", u.undoItem.Label)
	}

	u.undo()
	if got := reloadMap(t, u).Card(ad.ID); got.StageID != ad.StageID || got.LaneID != ad.LaneID {
		t.Fatalf("after undo the card is at stage %d lane %d", got.StageID, got.LaneID)
	}
	if cb := u.board.lay.Card(ad.ID); cb.StageID != ad.StageID {
		t.Fatal("board not back after undo")
	}
	u.redo()
	if got := reloadMap(t, u).Card(ad.ID); got.StageID != s2.ID || got.LaneID != l2.ID {
		t.Fatal("redo did not move the card again")
	}
	if cb := u.board.lay.Card(ad.ID); cb.StageID != s2.ID {
		t.Fatal("board not moved after redo")
	}
}

func TestDragCardWithinCell(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	m := u.board.Map()
	email, fail := cardByTitle(t, m, emailTitle), cardByTitle(t, m, failTitle)
	before := cellTitles(m, email.StageID, email.LaneID)
	if !reflect.DeepEqual(before, []string{emailTitle, failTitle}) {
		t.Fatalf("cell holds %q", before)
	}
	b := u.board
	r := b.lay.Card(email.ID).Rect
	below := b.lay.Card(fail.ID).Rect
	var indicatorShown bool
	dragObj(b.cards[email.ID], rectPos(r, 0, 0), centre(r), fyne.NewPos(float32(below.X+20), float32(below.Bottom()-2)), 8, func(i int) {
		if i == 8 {
			indicatorShown = b.indicator.Visible()
			if b.drag.target.at != 1 {
				t.Errorf("drop index %d, want 1", b.drag.target.at)
			}
		}
	})
	if !indicatorShown {
		t.Error("no drop indicator during the drag")
	}
	m2 := reloadMap(t, u)
	if got := cellTitles(m2, email.StageID, email.LaneID); !reflect.DeepEqual(got, []string{failTitle, emailTitle}) {
		t.Fatalf("after the drag the cell holds %q", got)
	}
	if b.lay.Card(fail.ID).Rect.Y >= b.lay.Card(email.ID).Rect.Y {
		t.Fatal("board does not show the new order")
	}
	u.undo()
	if got := cellTitles(reloadMap(t, u), email.StageID, email.LaneID); !reflect.DeepEqual(got, before) {
		t.Fatalf("after undo the cell holds %q", got)
	}
	u.redo()
	if got := cellTitles(reloadMap(t, u), email.StageID, email.LaneID); !reflect.DeepEqual(got, []string{failTitle, emailTitle}) {
		t.Fatalf("after redo the cell holds %q", got)
	}
}

func TestEscapeCancelsDrag(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	ad := cardByTitle(t, m, adTitle)
	r := b.lay.Card(ad.ID).Rect
	target := b.lay.Cell(m.Stages[2].ID, m.Lanes[2].ID).Rect
	undoBefore := u.st.UndoLabel(u.mapID)
	dragObj(b.cards[ad.ID], rectPos(r, 0, 0), centre(r), centre(target), 6, func(i int) {
		if i == 3 {
			u.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if b.indicator.Visible() {
				t.Error("indicator still shown after Esc")
			}
			if b.cards[ad.ID].Position() != rectPos(r, 0, 0) {
				t.Error("card not back in place after Esc")
			}
		}
	})
	if got := reloadMap(t, u).Card(ad.ID); got.StageID != ad.StageID || got.LaneID != ad.LaneID || got.Position != ad.Position {
		t.Fatal("a cancelled drag moved the card")
	}
	if u.st.UndoLabel(u.mapID) != undoBefore {
		t.Fatal("a cancelled drag left history")
	}
	// A drop outside the board's cells cancels too.
	dragObj(b.cards[ad.ID], rectPos(r, 0, 0), centre(r), fyne.NewPos(2, 2), 4, nil)
	if got := reloadMap(t, u).Card(ad.ID); got.StageID != ad.StageID {
		t.Fatal("a drop outside the cells moved the card")
	}
}

func TestMultiSelectMovesTogether(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	ad, review := cardByTitle(t, m, adTitle), cardByTitle(t, m, reviewTitle)
	test.Tap(b.cards[ad.ID])
	b.cards[review.ID].MouseDown(&desktop.MouseEvent{Modifier: fyne.KeyModifierShift})
	test.Tap(b.cards[review.ID])
	if got := b.selectedCards(); !reflect.DeepEqual(got, []int64{ad.ID, review.ID}) {
		t.Fatalf("selection %v", got)
	}
	if u.insp.box.Objects == nil {
		t.Fatal("no inspector")
	}
	target := m.Lanes[2] // Thoughts, Retention stage
	cell := b.lay.Cell(m.Stages[3].ID, target.ID)
	r := b.lay.Card(review.ID).Rect
	dragObj(b.cards[review.ID], rectPos(r, 0, 0), centre(r), fyne.NewPos(float32(cell.Rect.X+30), float32(cell.Rect.Y+3)), 10, nil)
	m2 := reloadMap(t, u)
	got := cellTitles(m2, m.Stages[3].ID, target.ID)
	want := []string{adTitle, reviewTitle, "\"Am I using it right?\""}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("cell holds %q, want %q", got, want)
	}
	u.undo()
	m3 := reloadMap(t, u)
	if m3.Card(ad.ID).StageID != ad.StageID || m3.Card(review.ID).StageID != review.StageID {
		t.Fatal("one undo did not bring both cards back")
	}
	u.redo()
	if got := cellTitles(reloadMap(t, u), m.Stages[3].ID, target.ID); !reflect.DeepEqual(got, want) {
		t.Fatalf("after redo the cell holds %q", got)
	}
}

func TestReorderStages(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	names := func(m *data.Map) []string {
		var out []string
		for _, s := range m.Stages {
			out = append(out, s.Name)
		}
		return out
	}
	before := names(m)
	h := b.stageHeads[0]
	from := centre(h.rect)
	to := centre(b.lay.Stages[2].Header)
	dragObj(h, rectPos(h.rect, 0, 0), from, to, 6, nil)
	want := []string{before[1], before[2], before[0], before[3], before[4]}
	if got := names(reloadMap(t, u)); !reflect.DeepEqual(got, want) {
		t.Fatalf("stages %q, want %q", got, want)
	}
	if b.lay.Stages[2].ID != m.Stages[0].ID || b.stageHeads[2].id != m.Stages[0].ID {
		t.Fatal("board does not show the new stage order")
	}
	u.undo()
	if got := names(reloadMap(t, u)); !reflect.DeepEqual(got, before) {
		t.Fatalf("after undo stages %q", got)
	}
	u.redo()
	if got := names(reloadMap(t, u)); !reflect.DeepEqual(got, want) {
		t.Fatalf("after redo stages %q", got)
	}
}

func TestReorderLanes(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	names := func(m *data.Map) []string {
		var out []string
		for _, l := range m.Lanes {
			out = append(out, l.Name)
		}
		return out
	}
	before := names(m)
	last := len(m.Lanes) - 1
	h := b.laneHeads[last]
	dragObj(h, rectPos(h.rect, 0, 0), centre(h.rect), centre(b.lay.Lanes[0].Header), 8, nil)
	want := append([]string{before[last]}, before[:last]...)
	if got := names(reloadMap(t, u)); !reflect.DeepEqual(got, want) {
		t.Fatalf("lanes %q, want %q", got, want)
	}
	if b.lay.Lanes[0].ID != m.Lanes[last].ID {
		t.Fatal("board does not show the new lane order")
	}
	u.undo()
	if got := names(reloadMap(t, u)); !reflect.DeepEqual(got, before) {
		t.Fatalf("after undo lanes %q", got)
	}
	u.redo()
	if got := names(reloadMap(t, u)); !reflect.DeepEqual(got, want) {
		t.Fatalf("after redo lanes %q", got)
	}
}

// A title holds no tab, and a line break only when asked for: Tab leaves the title on the
// board saved; Enter in the inspector's title saves and leaves it, Shift+Enter breaks the line.
func TestTitleKeysSaveInsteadOfWriting(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	b := u.board
	id := b.lay.Cards[0].ID
	old := reloadMap(t, u).Card(id).Title
	test.DoubleTap(b.cards[id])
	b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(b.title, " hẹn Thứ Bảy")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if b.title.Visible() {
		t.Fatal("the title editor stays open after Tab")
	}
	if got := reloadMap(t, u).Card(id).Title; got != old+" hẹn Thứ Bảy" {
		t.Fatalf("after Tab the file holds %q", got)
	}

	b.selectOne(selCard, id)
	var title *field
	for _, f := range u.insp.texts {
		if f.name == "card title" {
			title = f
		}
	}
	if title == nil {
		t.Fatal("no title field in the inspector")
	}
	w.Canvas().Focus(title)
	title.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(title, old+" hẹn Thứ Bảy sớm")
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Canvas().Focused() == title {
		t.Fatal("the title keeps the focus after Enter")
	}
	want := old + " hẹn Thứ Bảy sớm"
	if got := reloadMap(t, u).Card(id).Title; got != want {
		t.Fatalf("after Enter the file holds %q, want %q", got, want)
	}
	shift := keyModifiers
	keyModifiers = func() fyne.KeyModifier { return fyne.KeyModifierShift }
	t.Cleanup(func() { keyModifiers = shift })
	w.Canvas().Focus(title)
	title.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(title, want)
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(title, "dòng hai")
	w.Canvas().Unfocus()
	if got := reloadMap(t, u).Card(id).Title; got != want+"\ndòng hai" {
		t.Fatalf("after Shift+Enter the file holds %q", got)
	}
}

func TestEditTitleInPlace(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	ad := cardByTitle(t, b.Map(), adTitle)
	b.selectOne(selCard, b.lay.Cards[len(b.lay.Cards)-1].ID) // another card selected before
	test.DoubleTap(b.cards[ad.ID])
	if !b.title.Visible() {
		t.Fatal("no title editor after a double tap")
	}
	if !b.isSelected(ad.ID) || len(b.sel.cards) != 1 || u.insp.kind != "card" || u.insp.id != ad.ID {
		t.Fatalf("a double tap to type the title left the selection %+v, the inspector on %s %d", b.sel, u.insp.kind, u.insp.id)
	}
	// The title opens selected: typing replaces it.
	test.Type(b.title, "Thấy quảng cáo ở Nhận thức")
	b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if b.title.Visible() {
		t.Fatal("editor still open after Enter")
	}
	if got := reloadMap(t, u).Card(ad.ID).Title; got != "Thấy quảng cáo ở Nhận thức" {
		t.Fatalf("title in the file %q", got)
	}
	if got := b.Map().Card(ad.ID).Title; got != "Thấy quảng cáo ở Nhận thức" {
		t.Fatalf("title on the board %q", got)
	}
	if got := b.lay.Card(ad.ID).Title[0].Text; got != "Thấy quảng cáo ở Nhận thức" {
		t.Fatalf("laid-out title %q", got)
	}
	u.undo()
	if got := reloadMap(t, u).Card(ad.ID).Title; got != adTitle {
		t.Fatalf("after undo %q", got)
	}
	u.redo()
	if got := reloadMap(t, u).Card(ad.ID).Title; got != "Thấy quảng cáo ở Nhận thức" {
		t.Fatalf("after redo %q", got)
	}
	// Esc leaves the title as it was.
	test.DoubleTap(b.cards[ad.ID])
	test.Type(b.title, " more")
	b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := reloadMap(t, u).Card(ad.ID).Title; got != "Thấy quảng cáo ở Nhận thức" {
		t.Fatalf("Esc saved %q", got)
	}
}

func TestDrawLink(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	ad, review := cardByTitle(t, m, adTitle), cardByTitle(t, m, reviewTitle)
	n := len(m.Links)
	r := b.lay.Card(ad.ID).Rect
	handle := fyne.NewPos(float32(r.Right()-handleR), float32(r.Y+r.H/2))
	dragObj(b.cards[ad.ID], rectPos(r, 0, 0), handle, centre(b.lay.Card(review.ID).Rect), 8, func(i int) {
		if i == 4 && !b.linkLine.Visible() {
			t.Error("no rubber line while drawing a link")
		}
	})
	m2 := reloadMap(t, u)
	if len(m2.Links) != n+1 {
		t.Fatalf("%d links in the file, want %d", len(m2.Links), n+1)
	}
	var link data.Link
	for _, l := range m2.Links {
		if l.FromID == ad.ID && l.ToID == review.ID {
			link = l
		}
	}
	if link.ID == 0 {
		t.Fatalf("no link from the ad to the review: %+v", m2.Links)
	}
	if m2.Card(ad.ID).StageID != ad.StageID {
		t.Fatal("drawing a link moved the card")
	}
	if len(b.lay.Links) != n+1 || b.sel.kind != selLink || b.sel.id != link.ID {
		t.Fatal("board does not show and select the new link")
	}
	// The link is selectable by tapping on it, and deletable.
	b.setSelection(selection{})
	lp := b.lay.Links[len(b.lay.Links)-1]
	for _, x := range b.lay.Links {
		if x.ID == link.ID {
			lp = x
		}
	}
	sg := lp.Segments[0]
	b.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32((sg[0].X+sg[3].X)/2), float32((sg[0].Y+sg[3].Y)/2))})
	if len(lp.Segments) == 1 && (b.sel.kind != selLink || b.sel.id != link.ID) {
		t.Errorf("tapping the link selected %+v", b.sel)
	}
	u.undo()
	if got := len(reloadMap(t, u).Links); got != n {
		t.Fatalf("after undo %d links", got)
	}
	u.redo()
	if got := len(reloadMap(t, u).Links); got != n+1 {
		t.Fatalf("after redo %d links", got)
	}
	b.selectOne(selLink, link.ID)
	u.deleteSelection()
	if got := len(reloadMap(t, u).Links); got != n {
		t.Fatalf("after delete %d links", got)
	}
}

func TestDoubleTapCellAddsCard(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	cell := b.lay.Cell(m.Stages[4].ID, m.Lanes[1].ID)
	n := len(m.CellCards(cell.StageID, cell.LaneID))
	before := u.st.UndoLabel(m.ID)
	b.DoubleTapped(&fyne.PointEvent{Position: centre(cell.Rect)})
	m2 := reloadMap(t, u)
	if got := len(m2.CellCards(cell.StageID, cell.LaneID)); got != n+1 {
		t.Fatalf("cell has %d cards, want %d", got, n+1)
	}
	if !b.title.Visible() || b.title.Text != "" || b.title.PlaceHolder == "" {
		t.Fatalf("the new card's title is not open, empty, with a placeholder: %q / %q", b.title.Text, b.title.PlaceHolder)
	}
	test.Type(b.title, "Đặt hàng")
	b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := cellTitles(reloadMap(t, u), cell.StageID, cell.LaneID); got[len(got)-1] != "Đặt hàng" {
		t.Fatalf("cell titles %q", got)
	}
	// Adding and titling is one undo step.
	u.undo()
	if got := len(reloadMap(t, u).CellCards(cell.StageID, cell.LaneID)); got != n {
		t.Fatalf("after one undo the cell has %d cards", got)
	}
	if got := u.st.UndoLabel(m.ID); got != before {
		t.Fatalf("undo now offers %q, want %q", got, before)
	}
	// Esc on a brand-new card with no title removes it, and leaves nothing to undo.
	b.DoubleTapped(&fyne.PointEvent{Position: centre(cell.Rect)})
	if got := len(reloadMap(t, u).CellCards(cell.StageID, cell.LaneID)); got != n+1 {
		t.Fatalf("second add: %d cards", got)
	}
	b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := len(reloadMap(t, u).CellCards(cell.StageID, cell.LaneID)); got != n {
		t.Fatalf("Esc left the untitled card: %d cards", got)
	}
	if got := u.st.UndoLabel(m.ID); got != before {
		t.Fatalf("Esc left an undo step %q", got)
	}
	// Leaving it untitled (a click elsewhere) removes it too; Esc after typing keeps it.
	b.DoubleTapped(&fyne.PointEvent{Position: centre(cell.Rect)})
	b.Tapped(&fyne.PointEvent{Position: fyne.NewPos(2, 2)})
	if got := len(reloadMap(t, u).CellCards(cell.StageID, cell.LaneID)); got != n {
		t.Fatalf("an untitled card stayed after a click elsewhere: %d cards", got)
	}
	b.DoubleTapped(&fyne.PointEvent{Position: centre(cell.Rect)})
	test.Type(b.title, "Gọi tổng đài")
	b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := cellTitles(reloadMap(t, u), cell.StageID, cell.LaneID); len(got) != n+1 || got[len(got)-1] != "Gọi tổng đài" {
		t.Fatalf("Esc after typing lost the title: %q", got)
	}
}

func TestReadOnlyRefusesEdits(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	path := u.st.Path()
	u.st.Close()
	s, err := data.Open(path, data.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	u.setStore(s)
	b := u.board
	ad := cardByTitle(t, b.Map(), adTitle)
	r := b.lay.Card(ad.ID).Rect
	u.lastErr = nil
	dragObj(b.cards[ad.ID], rectPos(r, 0, 0), centre(r), centre(b.lay.Stages[3].Rect), 5, nil)
	if u.lastErr == nil {
		t.Fatal("no message for an edit on a read-only workspace")
	}
	if got := reloadMap(t, u).Card(ad.ID); got.StageID != ad.StageID {
		t.Fatal("read-only workspace changed")
	}
	if b.cards[ad.ID].Position() != rectPos(r, 0, 0) {
		t.Fatal("card left where it was dropped")
	}
	if len(u.notice.Objects) == 0 {
		t.Fatal("no read-only notice")
	}
}

func TestZoomAndRestore(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	u.setZoom(2)
	if u.board.lay.Zoom != 2 {
		t.Fatalf("layout zoom %v", u.board.lay.Zoom)
	}
	u.setZoom(10)
	if u.board.zoom != maxZoom {
		t.Fatalf("zoom %v past the limit", u.board.zoom)
	}
	u.setZoom(0.1)
	if u.board.zoom != minZoom {
		t.Fatalf("zoom %v under the limit", u.board.zoom)
	}
	u.setZoom(1.5)
	if u.st.Setting(settingZoom) != "1.50" {
		t.Fatalf("zoom setting %q", u.st.Setting(settingZoom))
	}
	id := u.mapID
	u.openWorkspace()
	if u.board.zoom != 1.5 || u.mapID != id {
		t.Fatalf("reopened at zoom %v, map %d", u.board.zoom, u.mapID)
	}
}

// TestOnlyChangedCardsRepaint moves one card and checks that the cards whose face did not
// change are not painted again (they only move).
func TestOnlyChangedCardsRepaint(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	email, fail := cardByTitle(t, m, emailTitle), cardByTitle(t, m, failTitle)
	before := map[int64]geometry.CardBox{}
	for _, c := range b.lay.Cards {
		before[c.ID] = c
	}
	if err := u.apply(func() error { return u.st.MoveCards(m.ID, []int64{email.ID}, email.StageID, email.LaneID, 1) }); err != nil {
		t.Fatal(err)
	}
	moved := b.lay.Card(fail.ID)
	old := before[fail.ID]
	if moved.Rect.Y == old.Rect.Y {
		t.Fatal("the other card of the cell did not move up")
	}
	if !sameFace(&old, moved) {
		t.Fatal("a card that only moved counts as changed")
	}
	ad := cardByTitle(t, m, adTitle)
	u.apply(func() error {
		c := ad
		c.Title = "Sees an ad"
		return u.st.UpdateCard(c)
	})
	a0 := before[ad.ID]
	if sameFace(&a0, b.lay.Card(ad.ID)) {
		t.Fatal("a card with a new title counts as unchanged")
	}
}

// TestStoreErrorKeepsBoardAsFile has another program delete a card while the board still
// shows it; dragging it then fails in the store: the error is shown and the board shows what
// the file holds.
func TestStoreErrorKeepsBoardAsFile(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	ad := cardByTitle(t, m, adTitle)
	other, err := data.Open(u.st.Path(), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.DeleteCards(m.ID, []int64{ad.ID}); err != nil {
		t.Fatal(err)
	}
	other.Close()
	r := b.lay.Card(ad.ID).Rect
	u.lastErr = nil
	dragObj(b.cards[ad.ID], rectPos(r, 0, 0), centre(r), centre(b.lay.Cell(m.Stages[1].ID, m.Lanes[2].ID).Rect), 5, nil)
	if u.lastErr == nil {
		t.Fatal("no error shown")
	}
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("no error dialog")
	}
	if b.Map().Card(ad.ID) != nil || b.cards[ad.ID] != nil || b.lay.Card(ad.ID) != nil {
		t.Fatal("the board still shows a card the file no longer has")
	}
	if len(b.cards) != len(reloadMap(t, u).Cards) {
		t.Fatal("board and file disagree")
	}
}

func TestPresentAndDialogs(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	u.present()
	if !u.presenting || w.Content() == u.content {
		t.Fatal("not presenting")
	}
	u.escape()
	if u.presenting || w.Content() != u.content {
		t.Fatal("Esc did not leave the presentation")
	}
	if _, err := u.st.SaveVersion(u.mapID, "Quý 3"); err != nil {
		t.Fatal(err)
	}
	u.versionsDialog()
	u.personaDialog()
	if len(w.Canvas().Overlays().List()) < 2 {
		t.Fatal("dialogs not shown")
	}
	path := filepath.Join(t.TempDir(), "copy.journey")
	if err := u.copyWorkspace(path); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(path, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if maps, _ := s.ListMaps(); len(maps) != 1 || maps[0].Cards != 13 {
		t.Fatalf("copy holds %+v", maps)
	}
	u.openPath(path)
	if u.st.Path() != path || u.m == nil || len(u.m.Cards) != 13 {
		t.Fatal("Open did not switch to the copy")
	}
	if got := recentFiles(u.app); len(got) == 0 || got[0] != path {
		t.Fatalf("recent files %q", got)
	}
	u.importFile(filepath.Join("..", "data", "interchange", "testdata", "ecommerce.mmd"))
	if u.m == nil || len(u.side.maps) != 2 {
		t.Fatalf("import: %d maps", len(u.side.maps))
	}
}

func TestCellPlusAddsCard(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	m := b.Map()
	cell := b.lay.Cell(m.Stages[2].ID, m.Lanes[1].ID)
	b.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: centre(cell.Rect)}})
	if !b.plus.Visible() {
		t.Fatal("no + on the cell under the pointer")
	}
	test.Tap(b.plus)
	if got := len(reloadMap(t, u).CellCards(cell.StageID, cell.LaneID)); got != 1 {
		t.Fatalf("the cell has %d cards after +", got)
	}
	if !b.title.Visible() {
		t.Fatal("the new card's title is not open for editing")
	}
}

// TestDropsKeepBoardAsFile drags cards to random cells many times: after each drop, the
// map the board shows (moved in memory from the places the file reports) must equal the map
// read whole from the file, and every card widget must sit where the layout puts it.
func TestDropsKeepBoardAsFile(t *testing.T) {
	u, _ := newTestUI(t, testmaps.Big(120, 5, 4))
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 25; i++ {
		bd := u.board
		cb := bd.lay.Cards[rng.Intn(len(bd.lay.Cards))]
		to := bd.lay.Cells[rng.Intn(len(bd.lay.Cells))]
		v := bd.cards[cb.ID]
		y := to.Rect.Y + rng.Float64()*to.Rect.H
		dragObj(v, v.Position(), centre(cb.Rect), fyne.NewPos(float32(to.Rect.X+to.Rect.W/2), float32(y)), 3, nil)
		file := reloadMap(t, u)
		if !reflect.DeepEqual(file.Cards, u.m.Cards) {
			t.Fatalf("drop %d: the board's cards differ from the file's", i)
		}
		for _, c := range bd.lay.Cards {
			if got := bd.cards[c.ID].Position(); got.X != float32(c.Rect.X) || got.Y != float32(c.Rect.Y) {
				t.Fatalf("drop %d: card %d at %v, layout says %v", i, c.ID, got, c.Rect)
			}
		}
	}
}
