package canvas

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
)

// handleR is the radius of the link handle on a selected or hovered card, in units at 100 %.
const handleR = 6.0

// cardView is one card on the board. Its face is painted by paint.Card from the card's box in
// the layout; it can be tapped (select; Shift/Ctrl+tap adds to the selection), double-tapped
// (edit the title in place) and dragged (move it with the other selected cards, or draw a link
// when the drag starts on the handle at its right edge).
type cardView struct {
	widget.BaseWidget
	b       *Board
	id      int64
	box     geometry.CardBox
	face    *tile
	outline *canvas.Rectangle
	handle  *canvas.Circle
	hitMark *canvas.Rectangle // the outline of a search hit (search.go)
	hovered bool
	painted bool // the face has been painted once
	// marked: the marks show markSel (the selection outline) and markHandle (the link handle)
	marked, markSel, markHandle bool
	mods                        fyne.KeyModifier // held at the last mouse press
}

func newCardView(b *Board, id int64) *cardView {
	v := &cardView{b: b, id: id, face: newTile()}
	v.outline = canvas.NewRectangle(color.Transparent)
	v.outline.CornerRadius = paint.CardRadius
	v.handle = canvas.NewCircle(color.Transparent)
	v.hitMark = newHitMark()
	v.ExtendBaseWidget(v)
	return v
}

// setBox gives the card its box in a new layout; the face is repainted.
// Only a card whose face changed is painted again; one that only moved keeps its picture.
func (v *cardView) setBox(cb *geometry.CardBox, pal geometry.Palette) {
	repaint := !v.painted || v.face.pal != pal || !sameFace(&v.box, cb)
	v.box = *cb
	box := v.box
	r := cb.Rect
	v.face.set(geometry.Rect{X: r.X, Y: r.Y, W: r.W, H: r.H + 3*v.b.zoomF()}, pal, func(c *paint.Canvas) { c.Card(&box) })
	if repaint {
		v.face.raster.Refresh()
		v.painted = true
	}
	v.updateMarks()
}

// sameFace reports whether two boxes of a card paint the same picture wherever they are:
// every field must be equal, except that points (fields named X and Y) may all be shifted by
// the move of the card's rectangle. The ids and the index in the cell do not show. It is
// written out field by field (a reflective walk cost 1.3 ms per re-layout of a 1,000-card
// map); TestSameFaceCoversEveryField fails when CardBox gains a field this does not compare.
func sameFace(a, b *geometry.CardBox) bool {
	dx, dy := b.Rect.X-a.Rect.X, b.Rect.Y-a.Rect.Y
	if !near(a.Rect.W, b.Rect.W) || !near(a.Rect.H, b.Rect.H) || a.Accent != b.Accent ||
		a.Truncated != b.Truncated || len(a.Title) != len(b.Title) || len(a.Markers) != len(b.Markers) ||
		!sameLine(&a.Channel, &b.Channel, dx, dy) {
		return false
	}
	for i := range a.Title {
		if !sameLine(&a.Title[i], &b.Title[i], dx, dy) {
			return false
		}
	}
	if a.Tint != b.Tint || len(a.Notes) != len(b.Notes) || len(a.Tags) != len(b.Tags) {
		return false
	}
	for i := range a.Notes {
		if !sameLine(&a.Notes[i], &b.Notes[i], dx, dy) {
			return false
		}
	}
	for i := range a.Tags {
		if !sameRect(a.Tags[i].Rect, b.Tags[i].Rect, dx, dy) || !sameLine(&a.Tags[i].Label, &b.Tags[i].Label, dx, dy) {
			return false
		}
	}
	for i := range a.Markers {
		if a.Markers[i].Kind != b.Markers[i].Kind || !sameRect(a.Markers[i].Rect, b.Markers[i].Rect, dx, dy) {
			return false
		}
	}
	if (a.Metric == nil) != (b.Metric == nil) || (a.Face == nil) != (b.Face == nil) {
		return false
	}
	if a.Metric != nil {
		ma, mb := a.Metric, b.Metric
		if ma.State != mb.State || !sameRect(ma.Dot, mb.Dot, dx, dy) || len(ma.Lines) != len(mb.Lines) {
			return false
		}
		for i := range ma.Lines {
			if !sameLine(&ma.Lines[i], &mb.Lines[i], dx, dy) {
				return false
			}
		}
	}
	if a.Face != nil {
		fa, fb := a.Face, b.Face
		if !near(fa.X+dx, fb.X) || !near(fa.Y+dy, fb.Y) || !near(fa.R, fb.R) || !near(fa.Score, fb.Score) || !near(fa.Norm, fb.Norm) {
			return false
		}
	}
	if (a.Comments == nil) != (b.Comments == nil) {
		return false
	}
	if ca, cb := a.Comments, b.Comments; ca != nil {
		if !sameRect(ca.Rect, cb.Rect, dx, dy) || !sameLine(&ca.Label, &cb.Label, dx, dy) || len(ca.Tail) != len(cb.Tail) {
			return false
		}
		for i := range ca.Tail {
			if !near(ca.Tail[i].X+dx, cb.Tail[i].X) || !near(ca.Tail[i].Y+dy, cb.Tail[i].Y) {
				return false
			}
		}
	}
	return true
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func sameRect(a, b geometry.Rect, dx, dy float64) bool {
	return near(a.X+dx, b.X) && near(a.Y+dy, b.Y) && near(a.W, b.W) && near(a.H, b.H)
}

func sameLine(a, b *geometry.TextLine, dx, dy float64) bool {
	return a.Text == b.Text && a.Bold == b.Bold && near(a.X+dx, b.X) && near(a.Y+dy, b.Y) && near(a.W, b.W) && near(a.Size, b.Size)
}

// updateMarks shows the selection outline and the link handle.
func (v *cardView) updateMarks() {
	sel := v.b.isSelected(v.id)
	handle := (sel || v.hovered) && !v.b.readOnly()
	if v.marked && sel == v.markSel && handle == v.markHandle {
		v.updateHit()
		return // nothing changed: a re-layout of a big map refreshes no outline
	}
	v.marked, v.markSel, v.markHandle = true, sel, handle
	// Marks not in use are hidden: nothing to draw for them.
	if sel {
		v.outline.StrokeColor = theme.Color(theme.ColorNamePrimary)
		v.outline.StrokeWidth = 2
		v.outline.Show()
	} else {
		v.outline.StrokeWidth = 0
		v.outline.StrokeColor = color.Transparent
		v.outline.Hide()
	}
	v.outline.Refresh()
	if handle {
		v.handle.FillColor = theme.Color(theme.ColorNamePrimary)
		v.handle.StrokeColor = theme.Color(theme.ColorNameBackground)
		v.handle.StrokeWidth = 1.5
	} else {
		v.handle.FillColor = color.Transparent
		v.handle.StrokeColor = color.Transparent
	}
	v.handle.Refresh()
	v.updateHit()
}

// handleRect is the link handle's square, relative to the card.
func (v *cardView) handleRect() (fyne.Position, float32) {
	z := float32(v.b.zoomF())
	r := float32(handleR) * z
	return fyne.NewPos(float32(v.box.Rect.W)-r, float32(v.box.Rect.H)/2-r), 2 * r
}

// onHandle reports whether a point relative to the card is on its link handle (a little
// generous, for a pointer).
func (v *cardView) onHandle(p fyne.Position) bool {
	pos, d := v.handleRect()
	slack := d / 2
	return p.X >= pos.X-slack && p.X <= pos.X+d+slack && p.Y >= pos.Y-slack && p.Y <= pos.Y+d+slack
}

func (v *cardView) CreateRenderer() fyne.WidgetRenderer {
	return &cardRenderer{v: v}
}

// MouseDown remembers the modifiers for the tap or drag that follows.
func (v *cardView) MouseDown(e *desktop.MouseEvent) { v.mods = e.Modifier }

// MouseUp is needed for desktop.Mouseable.
func (v *cardView) MouseUp(*desktop.MouseEvent) {}

// MouseIn shows the link handle and, for a card whose title does not show whole, the title.
func (v *cardView) MouseIn(e *desktop.MouseEvent) {
	v.b.pointerAt(v.Position().Add(e.Position))
	v.hovered = true
	v.updateMarks()
	v.b.hoverCard(v, true)
}

// MouseMoved notes where the pointer is (Ctrl+V pastes into its cell), and shows the handle
// again when a scroll had taken it away with the pointer still on the card.
func (v *cardView) MouseMoved(e *desktop.MouseEvent) {
	v.b.pointerAt(v.Position().Add(e.Position))
	if !v.hovered {
		v.hovered = true
		v.updateMarks()
		v.b.hoverCard(v, true)
	}
}

// MouseOut hides the handle.
func (v *cardView) MouseOut() {
	v.hovered = false
	v.updateMarks()
	v.b.hoverCard(v, false)
}

// Tapped selects the card; with Shift or Ctrl (Cmd) it toggles it in the selection.
func (v *cardView) Tapped(*fyne.PointEvent) {
	mods := v.mods
	v.mods = 0
	v.b.tapCard(v.id, mods&(fyne.KeyModifierShift|fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0)
}

// DoubleTapped edits the title in place.
func (v *cardView) DoubleTapped(*fyne.PointEvent) { v.b.editTitle(v.id) }

// Dragged moves the card (and the other selected cards), or draws a link from the handle.
func (v *cardView) Dragged(e *fyne.DragEvent) { v.b.cardDragged(v, e) }

// DragEnd drops the cards where the drop indicator shows, or makes the link.
func (v *cardView) DragEnd() { v.b.dragEnd() }

type cardRenderer struct{ v *cardView }

func (r *cardRenderer) Layout(fyne.Size) {
	v := r.v
	v.face.placeIn(v.box.Rect.X, v.box.Rect.Y)
	v.outline.Move(fyne.NewPos(-1, -1))
	v.outline.Resize(fyne.NewSize(float32(v.box.Rect.W)+2, float32(v.box.Rect.H)+2))
	v.placeHitMark()
	pos, d := v.handleRect()
	v.handle.Move(pos)
	v.handle.Resize(fyne.NewSize(d, d))
}

func (r *cardRenderer) MinSize() fyne.Size { return rectSize(r.v.box.Rect) }

func (r *cardRenderer) Refresh() {
	r.Layout(r.v.Size())
	r.v.face.raster.Refresh()
	r.v.updateMarks()
}

func (r *cardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.face.raster, r.v.hitMark, r.v.outline, r.v.handle}
}

func (r *cardRenderer) Destroy() {}
