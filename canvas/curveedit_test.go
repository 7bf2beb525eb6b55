package canvas

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"

	"journeycanvas/data"
)

// tipText is what the board's hover tip shows.
func tipText(b *Board) string {
	var parts []string
	for _, o := range b.tip.lines.Objects {
		parts = append(parts, o.(*canvas.Text).Text)
	}
	return strings.Join(parts, " ")
}

// TestDragCurvePoint drags a point of the emotion curve down the scale: the value shows while
// dragging, the card gets the snapped score on release as one edit, and undo restores it.
func TestDragCurvePoint(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	cv := b.lay.Curve
	if cv == nil || cv.Mode != data.CurvePerCard || len(cv.Points) < 3 {
		t.Fatalf("curve %+v", cv)
	}
	// A drag that ends on the same step changes nothing.
	q := cv.Points[1]
	label := u.st.UndoLabel(u.mapID)
	dragObj(b, fyne.Position{}, fyne.NewPos(float32(q.X), float32(q.Y)), fyne.NewPos(float32(q.X), float32(q.Y+3)), 3, nil)
	if u.st.UndoLabel(u.mapID) != label || *reloadMap(t, u).Card(q.CardID).Emotion != q.Score {
		t.Fatal("a drag back to the same score made an edit")
	}

	q = cv.Points[0]
	before := *reloadMap(t, u).Card(q.CardID).Emotion
	target := float64(cv.Scale.Min)
	if before == target {
		target = float64(cv.Scale.Max)
	}
	from := fyne.NewPos(float32(q.X+2), float32(q.Y-1))
	to := fyne.NewPos(float32(q.X+30), float32(cv.YOf(target)+4)) // a little off the step: it snaps
	var during string
	dragObj(b, fyne.Position{}, from, to, 6, func(i int) {
		if i == 6 {
			during = tipText(b)
		}
	})
	want := map[float64]string{-2: "Very negative", 2: "Very positive"}[target]
	if !strings.Contains(during, want) {
		t.Fatalf("while dragging the tip reads %q, want the step %q", during, want)
	}
	if b.tip.box.Visible() {
		t.Fatal("the tip stays after the drag")
	}
	m := reloadMap(t, u)
	if got := *m.Card(q.CardID).Emotion; got != target {
		t.Fatalf("score after the drag: %v, want %v", got, target)
	}
	if b.sel.kind != selCard || len(b.sel.cards) != 1 || b.sel.cards[0] != q.CardID || u.insp.title != "Card" {
		t.Fatalf("selection after the drag %+v, inspector %q", b.sel, u.insp.title)
	}
	if p := b.lay.Curve.Points[0]; p.Score != target || p.Y != b.lay.Curve.YOf(target) {
		t.Fatalf("the board shows %+v", p)
	}
	// One edit: a single undo brings the old score back, and redo the new one.
	u.undo()
	if got := *reloadMap(t, u).Card(q.CardID).Emotion; got != before {
		t.Fatalf("after undo: %v, want %v", got, before)
	}
	u.redo()
	if got := *reloadMap(t, u).Card(q.CardID).Emotion; got != target {
		t.Fatalf("after redo: %v, want %v", got, target)
	}
}

// TestCurvePointTapAndHover: a tap on a point selects its card; hovering shows its title and
// score; per stage, dragging a point does not edit anything.
func TestCurvePointTapAndHover(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	cv := b.lay.Curve
	q := cv.Points[len(cv.Points)-1]
	b.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(q.X), float32(q.Y))})
	if b.sel.kind != selCard || b.sel.cards[0] != q.CardID || u.insp.title != "Card" {
		t.Fatalf("tap on a point: selection %+v, inspector %q", b.sel, u.insp.title)
	}
	b.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(q.X+1), float32(q.Y))}})
	c := u.m.Card(q.CardID)
	if got := tipText(b); !b.tip.box.Visible() || !strings.Contains(got, c.Title) || !strings.Contains(got, "Very positive") && !strings.Contains(got, "Positive") {
		t.Fatalf("hover tip %q (visible %v) for %q with score %v", got, b.tip.box.Visible(), c.Title, *c.Emotion)
	}
	b.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(q.X+100), float32(q.Y+100))}})
	if b.tip.box.Visible() {
		t.Fatal("the tip stays when the pointer leaves the point")
	}

	// Per stage: the points are averages, not cards' scores: a drag pans.
	m := u.m
	m.Curve = data.CurvePerStage
	if err := u.st.UpdateMap(m); err != nil {
		t.Fatal(err)
	}
	u.reload()
	label := u.st.UndoLabel(u.mapID)
	q = b.lay.Curve.Points[0]
	dragObj(b, fyne.Position{}, fyne.NewPos(float32(q.X), float32(q.Y)), fyne.NewPos(float32(q.X), float32(q.Y+60)), 3, nil)
	if u.st.UndoLabel(u.mapID) != label || b.cedit.drag != nil {
		t.Fatal("dragging a per-stage point edited the map")
	}
}

// TestCompareCurve: Map › Compare curve with… lays another map's curve over the board's,
// named in the lane's legend, and "(none)" takes it away.
func TestCompareCurve(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	other := data.SampleMap("en")
	other.Title = "Last year"
	for i := range other.Cards {
		if e := other.Cards[i].Emotion; e != nil {
			v := -*e
			other.Cards[i].Emotion = &v
		}
	}
	id, err := u.st.CreateMap(other)
	if err != nil {
		t.Fatal(err)
	}
	var item *fyne.MenuItem
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Compare curve with…" {
				item = it
			}
		}
	}
	if item == nil {
		t.Fatal("no Compare curve with… in the menus")
	}
	item.Action() // the dialog opens
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
	w.Canvas().Overlays().Top().Hide()
	u.board.setCompare(id)
	cv := u.board.lay.Curve
	if len(cv.Compare) != len(cv.Points) || cv.CompareName != "Last year" || cv.Compare[0].Score != -cv.Points[0].Score {
		t.Fatalf("compared curve %+v", cv.Compare)
	}
	if cv.Legend[0].Label.Text != u.m.Title || cv.Legend[1].Label.Text != "Last year" {
		t.Fatalf("legend %q, %q", cv.Legend[0].Label.Text, cv.Legend[1].Label.Text)
	}
	// Edits keep the comparison; the compared map itself shows no comparison.
	u.reload()
	if len(u.board.lay.Curve.Compare) == 0 {
		t.Fatal("the comparison went away on a reload")
	}
	first := u.mapID
	u.openMap(id)
	if len(u.board.lay.Curve.Compare) != 0 {
		t.Fatal("a map compared with itself")
	}
	u.openMap(first)
	if len(u.board.lay.Curve.Compare) == 0 {
		t.Fatal("the comparison went away after visiting the other map")
	}
	u.board.setCompare(0)
	if u.board.lay.Curve.Compare != nil {
		t.Fatal("(none) kept the comparison")
	}
}

// TestCancelCurveDrag: Esc during a curve drag leaves the score as it was.
func TestCancelCurveDrag(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	b := u.board
	q := b.lay.Curve.Points[0]
	label := u.st.UndoLabel(u.mapID)
	dragObj(b, fyne.Position{}, fyne.NewPos(float32(q.X), float32(q.Y)), fyne.NewPos(float32(q.X), float32(b.lay.Curve.BottomY)), 4, func(i int) {
		if i == 2 {
			u.escape()
		}
	})
	if u.st.UndoLabel(u.mapID) != label || *reloadMap(t, u).Card(q.CardID).Emotion != q.Score || b.tip.box.Visible() {
		t.Fatal("Esc did not cancel the curve drag")
	}
}
