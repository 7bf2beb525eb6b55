package canvas

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// dragKind says what a drag on the board does.
type dragKind int

const (
	dragCards dragKind = iota // move the selected cards to another cell or place
	dragLink                  // draw a link from a card's handle to another card
	dragStage                 // reorder stages
	dragLane                  // reorder lanes
	dragBand                  // rubber-band selection on the empty board
	dragPan                   // pan the view
)

// dragState is a drag in progress. Fyne reports drags as deltas: the board keeps the
// pointer's absolute position on the board (start plus every delta, plus any autoscroll) and
// hit-tests the geometry with it.
type dragState struct {
	kind       dragKind
	ids        []int64 // the cards being moved
	id         int64   // the card a link starts from, or the stage or lane being moved
	header     *headerView
	start, cur fyne.Position // board coordinates
	cancelled  bool

	// Where the cards would land now.
	target struct {
		stageID, laneID int64
		at              int // among the target cell's cards that stay
		ok              bool
	}
	to int // the stage or lane index it would move to
}

func (d *dragState) has(id int64) bool {
	for _, x := range d.ids {
		if x == id {
			return true
		}
	}
	return false
}

// dragStart returns where on the board a drag began, from its first event and the dragged
// object's position. The desktop driver reports the pointer after its first move (Position)
// and that move (Dragged); the test driver reports the press point and the whole move.
func dragStart(objPos fyne.Position, e *fyne.DragEvent) fyne.Position {
	if e.AbsolutePosition.IsZero() {
		return objPos.Add(e.Position)
	}
	return objPos.Add(e.Position).Subtract(fyne.NewPos(e.Dragged.DX, e.Dragged.DY))
}

// begin starts a drag; it returns false (and tells the user) on a read-only workspace.
func (b *Board) begin(d *dragState, e *fyne.DragEvent) bool {
	b.commitTitle()
	b.tip.hide()
	if b.readOnly() && d.kind != dragBand && d.kind != dragPan {
		d.cancelled = true
		b.drag = d
		b.host.refuseReadOnly()
		return false
	}
	d.cur = d.start
	b.drag = d
	b.rebuildObjects()
	return true
}

func (b *Board) cardDragged(v *cardView, e *fyne.DragEvent) {
	if b.lay == nil {
		return
	}
	if b.drag == nil {
		start := dragStart(v.Position(), e)
		d := &dragState{start: start}
		if v.onHandle(start.Subtract(v.Position())) {
			d.kind, d.id = dragLink, v.id
		} else {
			d.kind = dragCards
			if !b.isSelected(v.id) {
				if v.mods&(fyne.KeyModifierShift|fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
					b.tapCard(v.id, true)
				} else {
					b.selectOne(selCard, v.id)
				}
			}
			v.mods = 0
			d.ids = b.selectedCards()
		}
		if !b.begin(d, e) {
			return
		}
	}
	b.moveBy(e.Dragged)
}

func (b *Board) headerDragged(h *headerView, e *fyne.DragEvent) {
	if b.lay == nil || h.auto {
		return
	}
	if b.drag == nil {
		d := &dragState{start: dragStart(h.Position(), e), id: h.id, header: h, kind: dragLane}
		if h.stage {
			d.kind = dragStage
			b.selectOne(selStage, h.id)
		} else {
			b.selectOne(selLane, h.id)
		}
		if !b.begin(d, e) {
			return
		}
	}
	b.moveBy(e.Dragged)
}

// Dragged on the empty board draws a selection rectangle (with Shift or Ctrl held at the
// press) or pans the view.
func (b *Board) Dragged(e *fyne.DragEvent) {
	if b.lay == nil || b.curveDragged(e) {
		return
	}
	if b.drag == nil {
		d := &dragState{start: dragStart(fyne.Position{}, e), kind: dragPan}
		if b.mods&(fyne.KeyModifierShift|fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
			d.kind = dragBand
		}
		b.mods = 0
		b.begin(d, e)
	}
	if b.drag.kind == dragPan {
		off := b.scroll.Offset
		b.scrollToOffset(fyne.NewPos(off.X-e.Dragged.DX, off.Y-e.Dragged.DY))
		return
	}
	b.moveBy(e.Dragged)
}

// DragEnd ends a drag on the empty board.
func (b *Board) DragEnd() {
	if !b.curveDragEnd() {
		b.dragEnd()
	}
}

// moveBy advances the drag by a pointer move.
func (b *Board) moveBy(dv fyne.Delta) {
	d := b.drag
	if d == nil || d.cancelled {
		return
	}
	d.cur = d.cur.Add(fyne.NewPos(dv.DX, dv.DY))
	b.dragStep()
	b.autoscroll()
}

// dragStep shows the drag at the pointer: the dragged things follow it and the indicator
// shows where they would land. It only moves what is dragged and the indicator.
func (b *Board) dragStep() {
	d := b.drag
	l := b.lay
	x, y := float64(d.cur.X), float64(d.cur.Y)
	primary := theme.Color(theme.ColorNamePrimary)
	switch d.kind {
	case dragCards:
		for _, id := range d.ids {
			if v := b.cards[id]; v != nil {
				b.placeCard(v)
			}
		}
		drop, ok := l.CardDropAt(x, y, d.has)
		d.target.ok = ok
		if !ok {
			b.indicator.Hide()
			return
		}
		d.target.stageID, d.target.laneID, d.target.at = drop.StageID, drop.LaneID, drop.At
		b.showIndicator(drop.Bar, primary)
	case dragLink:
		from := b.cards[d.id]
		if from == nil {
			return
		}
		r := from.box.Rect
		b.linkLine.Position1 = fyne.NewPos(float32(r.Right()), float32(r.Y+r.H/2))
		b.linkLine.Position2 = d.cur
		b.linkLine.StrokeColor = primary
		b.linkLine.StrokeWidth = float32(2 * max(l.Zoom, 0.75))
		b.linkLine.Show()
		b.linkLine.Refresh()
		if to, ok := l.CardAt(x, y); ok && to != d.id {
			tr := l.Card(to).Rect
			b.showIndicator(grow(tr, 3), color.Transparent)
			b.indicator.StrokeColor = primary
			b.indicator.StrokeWidth = 2
			b.indicator.Refresh()
		} else {
			b.indicator.Hide()
		}
	case dragStage:
		b.placeHeader(d.header)
		to, bar, moves := l.StageDropAt(x, d.id)
		d.to = to
		if !moves {
			b.indicator.Hide()
			return
		}
		b.showIndicator(bar, primary)
	case dragLane:
		b.placeHeader(d.header)
		_, to, bar, moves := l.LaneDropAt(y, d.id)
		d.to = to
		if !moves {
			b.indicator.Hide()
			return
		}
		b.showIndicator(bar, primary)
	case dragBand:
		r := rectBetween(d.start, d.cur)
		b.band.FillColor = withAlpha(primary, 40)
		b.band.StrokeColor = primary
		b.band.StrokeWidth = 1
		place(b.band, r, 0, 0)
		b.band.Show()
		b.band.Refresh()
	}
}

func rectBetween(a, c fyne.Position) geometry.Rect {
	x0, y0 := min(a.X, c.X), min(a.Y, c.Y)
	return geometry.Rect{X: float64(x0), Y: float64(y0), W: float64(max(a.X, c.X) - x0), H: float64(max(a.Y, c.Y) - y0)}
}

func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := toNRGBA(c)
	n.A = a
	return n
}

func (b *Board) showIndicator(r geometry.Rect, fill color.Color) {
	b.indicator.FillColor = fill
	b.indicator.StrokeWidth = 0
	place(b.indicator, r, 0, 0)
	b.indicator.Show()
	b.indicator.Refresh()
}

// cancelDrag stops the drag in progress: everything goes back where the file says. It
// reports whether there was one.
func (b *Board) cancelDrag() bool {
	if b.cancelCurveDrag() {
		return true
	}
	d := b.drag
	if d == nil || d.cancelled {
		return false
	}
	d.cancelled = true
	b.stopAutoscroll()
	b.endVisuals()
	return true
}

func (b *Board) endVisuals() {
	b.indicator.Hide()
	b.band.Hide()
	b.linkLine.Hide()
	b.layoutChildren(b.Size())
}

// dragEnd finishes the drag: the edit goes to the store, and the board is read again.
func (b *Board) dragEnd() {
	d := b.drag
	b.stopAutoscroll()
	if d == nil {
		return
	}
	b.drag = nil
	b.rebuildObjects()
	b.endVisuals()
	if d.cancelled {
		return
	}
	s := b.host.store()
	mapID := b.m.ID
	x, y := float64(d.cur.X), float64(d.cur.Y)
	switch d.kind {
	case dragCards:
		if !d.target.ok || len(d.ids) == 0 {
			return
		}
		t := d.target
		cells := []data.Cell{{StageID: t.stageID, LaneID: t.laneID}}
		for _, id := range d.ids {
			if c := b.m.Card(id); c != nil {
				cells = append(cells, data.Cell{StageID: c.StageID, LaneID: c.LaneID})
			}
		}
		b.host.applyMove(func() error { return s.MoveCards(mapID, d.ids, t.stageID, t.laneID, t.at) }, cells)
	case dragLink:
		to, ok := b.lay.CardAt(x, y)
		if !ok || to == d.id {
			return
		}
		var id int64
		err := b.host.apply(func() error {
			var err error
			id, err = s.AddLink(dataLink(mapID, d.id, to))
			return err
		})
		if err == nil {
			b.selectOne(selLink, id)
		}
	case dragStage:
		if d.to != b.lay.StageIndex(d.id) {
			b.host.apply(func() error { return s.MoveStage(mapID, d.id, d.to) })
		}
	case dragLane:
		from, _, _, _ := b.lay.LaneDropAt(y, d.id)
		if d.to != from && d.to >= 0 {
			b.host.apply(func() error { return s.MoveLane(mapID, d.id, d.to) })
		}
	case dragBand:
		r := rectBetween(d.start, d.cur)
		var ids []int64
		for i := range b.lay.Cards {
			if r.Intersects(b.lay.Cards[i].Rect) {
				ids = append(ids, b.lay.Cards[i].ID)
			}
		}
		b.selectCards(ids)
	}
}

// ---- autoscroll ----

// autoScroller scrolls the view while a drag is held near its edge.
type autoScroller struct {
	stop chan struct{}
}

const (
	edgeZone   = 40  // units from the view's edge where autoscroll starts
	edgeSpeed  = 18  // units per tick at the very edge
	edgeTickMS = 30  // tick period
	edgeStatic = 0.0 // speed when outside the zone
)

// edgeVelocity is how fast the view should scroll for a pointer at p (view coordinates).
func edgeVelocity(p fyne.Position, view fyne.Size) fyne.Delta {
	v := func(pos, size float32) float32 {
		switch {
		case pos < edgeZone:
			return -edgeSpeed * (edgeZone - max(pos, 0)) / edgeZone
		case pos > size-edgeZone:
			return edgeSpeed * (pos - (size - edgeZone)) / edgeZone
		}
		return edgeStatic
	}
	return fyne.Delta{DX: v(p.X, view.Width), DY: v(p.Y, view.Height)}
}

func (b *Board) autoscroll() {
	d := b.drag
	if d == nil || d.cancelled || d.kind == dragPan || b.scroll == nil {
		return
	}
	vel := edgeVelocity(d.cur.Subtract(b.scroll.Offset), b.scroll.Size())
	if vel.DX == 0 && vel.DY == 0 {
		b.stopAutoscroll()
		return
	}
	if b.scroller != nil {
		return
	}
	as := &autoScroller{stop: make(chan struct{})}
	b.scroller = as
	go func() {
		t := time.NewTicker(edgeTickMS * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-as.stop:
				return
			case <-t.C:
				fyne.Do(func() { b.autoscrollTick(as) })
			}
		}
	}()
}

func (b *Board) autoscrollTick(as *autoScroller) {
	d := b.drag
	if b.scroller != as || d == nil || d.cancelled {
		return
	}
	vel := edgeVelocity(d.cur.Subtract(b.scroll.Offset), b.scroll.Size())
	if vel.DX == 0 && vel.DY == 0 {
		b.stopAutoscroll()
		return
	}
	old := b.scroll.Offset
	b.scrollToOffset(fyne.NewPos(old.X+vel.DX, old.Y+vel.DY))
	moved := b.scroll.Offset.Subtract(old)
	if moved.IsZero() {
		return
	}
	// The pointer stays put on screen, so on the board it travelled as far as the view.
	d.cur = d.cur.Add(moved)
	b.dragStep()
}

func (b *Board) stopAutoscroll() {
	if b.scroller != nil {
		close(b.scroller.stop)
		b.scroller = nil
	}
}
