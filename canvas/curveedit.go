package canvas

import (
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
	"journeycanvas/data"
)

// curveEdit is the board's emotion-curve state: a point being dragged, the hover tip over a
// point, and the map whose curve is laid over this one's.
type curveEdit struct {
	drag *curveDrag
	tip  bool // the hover tip shows a curve point

	compareID  int64     // the map compared with (0: none)
	compare    *data.Map // as read for the map shown…
	compareFor int64     // …which is this one
}

// curveDrag is a curve point being dragged up or down: its card's score follows the pointer,
// snapped to the scale's steps, and is written once, on release.
type curveDrag struct {
	index     int // in the layout's curve points
	cardID    int64
	from      float64 // the score before the drag
	score     float64 // the score at the pointer
	start     fyne.Position
	cur       fyne.Position
	cancelled bool // refused (read-only workspace): the drag does nothing
}

// curvePointAt returns the curve point under a board position, if any.
func (b *Board) curvePointAt(p fyne.Position) (int, bool) {
	if b.lay == nil || b.lay.Curve == nil {
		return 0, false
	}
	return b.lay.Curve.PointAt(float64(p.X), float64(p.Y))
}

// curveTapped selects the card of a tapped curve point (per stage: the stage). It reports
// whether the tap hit a point.
func (b *Board) curveTapped(p fyne.Position) bool {
	i, ok := b.curvePointAt(p)
	if !ok {
		return false
	}
	q := b.lay.Curve.Points[i]
	if q.CardID != 0 {
		b.selectOne(selCard, q.CardID)
	} else {
		b.selectOne(selStage, q.StageID)
	}
	return true
}

// curveDragged moves a dragged curve point, or starts dragging one when a drag begins on a
// point of a per-card curve. It reports whether the drag is the curve's.
func (b *Board) curveDragged(e *fyne.DragEvent) bool {
	ce := &b.cedit
	if ce.drag == nil {
		if b.drag != nil || b.lay == nil || b.lay.Curve == nil || b.lay.Curve.Mode != data.CurvePerCard {
			return false
		}
		start := dragStart(fyne.Position{}, e)
		i, ok := b.curvePointAt(start)
		if !ok {
			return false
		}
		q := b.lay.Curve.Points[i]
		d := &curveDrag{index: i, cardID: q.CardID, from: q.Score, score: q.Score, start: start, cur: start}
		ce.drag = d
		b.commitTitle()
		b.tip.hide()
		ce.tip = false
		if b.readOnly() {
			d.cancelled = true
			b.host.refuseReadOnly()
			return true
		}
		b.selectOne(selCard, q.CardID)
	}
	d := ce.drag
	cv := b.lay.Curve
	if !d.cancelled && (cv == nil || d.index >= len(cv.Points) || cv.Points[d.index].CardID != d.cardID) {
		d.cancelled = true // the map changed under the drag
		b.tip.hide()
	}
	if d.cancelled {
		return true
	}
	d.cur = d.cur.Add(fyne.NewPos(e.Dragged.DX, e.Dragged.DY))
	y := b.pointY(d) + float64(d.cur.Y-d.start.Y)
	d.score = cv.ScoreAt(y)
	b.previewCurve(d)
	return true
}

// pointY is where the dragged point was when the drag began.
func (b *Board) pointY(d *curveDrag) float64 {
	if cv := b.lay.Curve; cv != nil && d.index < len(cv.Points) {
		return cv.Points[d.index].Y
	}
	return float64(d.start.Y)
}

// previewCurve paints the curve with the dragged point at its snapped score (hot spots found
// again), and shows the score and its step's name beside it.
func (b *Board) previewCurve(d *curveDrag) {
	cv := *b.lay.Curve
	cv.Points = slices.Clone(cv.Points)
	q := &cv.Points[d.index]
	q.Score, q.Y, q.Norm = d.score, cv.YOf(d.score), norm(d.score, cv.Scale)
	scores := make([]float64, len(cv.Points))
	for i, p := range cv.Points {
		scores[i] = p.Score
	}
	cv.Hot = geometry.HotSpots(scores, cv.Scale)
	b.curve.paint = func(c *paint.Canvas) { c.Curve(&cv) }
	b.curve.raster.Refresh()
	r := cv.FaceR
	b.tip.show(b.scoreText(&cv, d.score), geometry.Rect{X: q.X - r, Y: q.Y - r, W: 2 * r, H: 2 * r}, b.pal, b.zoom)
	b.cedit.tip = true
}

// norm is a score's place on the scale, −1 at the bottom … +1 at the top.
func norm(s float64, sc data.Scale) float64 {
	half := float64(sc.Max-sc.Min) / 2
	if half <= 0 {
		return 0
	}
	return math.Max(-1, math.Min(1, (s-float64(sc.Min+sc.Max)/2)/half))
}

// scoreText writes a score the way the scale's axis does, with its step's name: "+1 Tốt",
// "–0,5" (an average, to two decimals).
func (b *Board) scoreText(cv *geometry.CurveBox, s float64) string {
	s = math.Round(s*100) / 100
	txt := fmtNum(math.Abs(s))
	switch {
	case s < 0:
		txt = "–" + txt
	case s > 0 && cv.Scale.Min < 0:
		txt = "+" + txt
	}
	if name := cv.StepName(s, b.lay.Lang); name != "" {
		txt += " " + name
	}
	return txt
}

// cancelCurveDrag stops dragging a curve point (Esc): the score stays as it was. It
// reports whether a point was being dragged.
func (b *Board) cancelCurveDrag() bool {
	d := b.cedit.drag
	if d == nil || d.cancelled {
		return false
	}
	d.cancelled = true
	b.tip.hide()
	b.cedit.tip = false
	b.repaintCurve()
	return true
}

// curveDragEnd writes the dragged point's new score to its card as one undoable edit. It
// reports whether the drag was the curve's.
func (b *Board) curveDragEnd() bool {
	d := b.cedit.drag
	if d == nil {
		return false
	}
	b.cedit.drag = nil
	b.tip.hide()
	b.cedit.tip = false
	if d.cancelled || d.score == d.from || b.m == nil {
		b.repaintCurve()
		return true
	}
	c := b.m.Card(d.cardID)
	if c == nil {
		b.repaintCurve()
		return true
	}
	score := d.score
	s := b.host.store()
	if b.host.apply(func() error { return s.EditCard(c.MapID, c.ID, func(e *data.Card) { e.Emotion = &score }) }) != nil {
		b.repaintCurve()
	}
	return true
}

// repaintCurve paints the curve as laid out (after a drag that changed nothing).
func (b *Board) repaintCurve() {
	if b.lay != nil && b.lay.Curve != nil && b.curve.paint != nil {
		cv := *b.lay.Curve
		b.curve.paint = func(c *paint.Canvas) { c.Curve(&cv) }
		b.curve.raster.Refresh()
	}
}

// curveHover shows the title and score of the curve point under the pointer. It reports
// whether there is one.
func (b *Board) curveHover(p fyne.Position) bool {
	i, ok := b.curvePointAt(p)
	if !ok || b.drag != nil || b.m == nil {
		if b.cedit.tip && b.cedit.drag == nil {
			b.tip.hide()
			b.cedit.tip = false
		}
		return false
	}
	cv := b.lay.Curve
	q := cv.Points[i]
	title := ""
	if c := b.m.Card(q.CardID); c != nil {
		title = c.Title
	} else if st := b.m.Stage(q.StageID); st != nil {
		title = fmt.Sprintf(lang.L("%s (average)"), st.Name)
	}
	r := cv.FaceR
	b.tip.show(title+" · "+b.scoreText(cv, q.Score), geometry.Rect{X: q.X - r, Y: q.Y - r, W: 2 * r, H: 2 * r}, b.pal, b.zoom)
	b.cedit.tip = true
	b.plus.Hide()
	return true
}

// compareMap returns the map whose curve is laid over the one shown, read again from the
// store when the map shown changed; nil for none (or the map itself).
func (b *Board) compareMap() *data.Map {
	ce := &b.cedit
	if ce.compareID == 0 || b.m == nil || b.m.ID == ce.compareID {
		ce.compare = nil // read again when a map to compare with shows
		return nil
	}
	if ce.compare == nil || ce.compareFor != b.m.ID {
		m, err := b.host.store().LoadMap(ce.compareID)
		if err != nil {
			ce.compareID, ce.compare = 0, nil
			return nil
		}
		ce.compare, ce.compareFor = m, b.m.ID
	}
	return ce.compare
}

// setCompare lays the curve of another map (0: none) over the map shown.
func (b *Board) setCompare(id int64) {
	b.cedit.compareID, b.cedit.compare = id, nil
	b.relayout()
}

// compareDialog asks which map of the workspace to compare the emotion curve with.
func (u *ui) compareDialog() {
	if u.m == nil {
		return
	}
	maps, err := u.st.ListMaps()
	if err != nil {
		u.showError(err)
		return
	}
	none := lang.L("(none)")
	options := []string{none}
	ids := []int64{0}
	for _, ms := range maps {
		if ms.ID == u.mapID {
			continue
		}
		options = append(options, ms.Title)
		ids = append(ids, ms.ID)
	}
	sel := widget.NewSelect(options, nil)
	sel.SetSelectedIndex(0)
	for i, id := range ids {
		if id == u.board.cedit.compareID {
			sel.SetSelectedIndex(i)
		}
	}
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Map"), sel)}
	d := dialog.NewForm(lang.L("Compare curve with…"), lang.L("Compare"), lang.L("Cancel"), items, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			u.board.setCompare(ids[sel.SelectedIndex()])
		}
	}, u.win)
	d.Resize(fyne.NewSize(420, 180))
	d.Show()
}
