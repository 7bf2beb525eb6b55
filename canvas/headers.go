package canvas

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
)

// headerView is a stage header (a column's name and colour, at the top) or a lane header (a
// row's name, at the left). Tapping selects the stage or lane for the inspector; dragging it
// along the board reorders the stages or lanes.
type headerView struct {
	widget.BaseWidget
	b       *Board
	stage   bool // a stage header; else a lane header
	id      int64
	auto    bool // the automatic emotion lane: not a lane of the map
	rect    geometry.Rect
	tile    *tile
	outline *canvas.Rectangle
}

func newHeaderView(b *Board, stage bool) *headerView {
	h := &headerView{b: b, stage: stage, tile: newTile()}
	h.outline = canvas.NewRectangle(color.Transparent)
	h.outline.CornerRadius = paint.BoxRadius
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerView) setStage(s *geometry.StageBox, pal geometry.Palette) {
	h.id, h.rect = s.ID, s.Header
	box := *s
	h.tile.set(s.Header, pal, func(c *paint.Canvas) { c.StageHeader(&box) })
	h.tile.raster.Refresh()
	h.updateMarks()
}

func (h *headerView) setLane(l *geometry.LaneBox, pal geometry.Palette) {
	box := *l
	h.setLaneWith(l, pal, func(c *paint.Canvas) { c.LaneHeader(&box) })
}

// setLaneWith shows a lane header painted by paint.
func (h *headerView) setLaneWith(l *geometry.LaneBox, pal geometry.Palette, paint func(c *paint.Canvas)) {
	h.id, h.auto, h.rect = l.ID, l.Auto, l.Header
	h.tile.set(l.Header, pal, paint)
	h.tile.raster.Refresh()
	h.updateMarks()
}

func (h *headerView) selected() bool {
	if h.auto {
		return false
	}
	if h.stage {
		return h.b.sel.kind == selStage && h.b.sel.id == h.id
	}
	return h.b.sel.kind == selLane && h.b.sel.id == h.id
}

func (h *headerView) updateMarks() {
	if h.selected() {
		h.outline.StrokeColor = theme.Color(theme.ColorNamePrimary)
		h.outline.StrokeWidth = 2
	} else {
		h.outline.StrokeColor = color.Transparent
		h.outline.StrokeWidth = 0
	}
	h.outline.Refresh()
}

// Tapped selects the stage or lane.
func (h *headerView) Tapped(*fyne.PointEvent) {
	if h.auto {
		return
	}
	if h.stage {
		h.b.selectOne(selStage, h.id)
	} else {
		h.b.selectOne(selLane, h.id)
	}
}

// DoubleTapped renames the stage or lane in place.
func (h *headerView) DoubleTapped(*fyne.PointEvent) {
	u := h.b.ui()
	if h.auto || u == nil {
		return
	}
	k := selLane
	if h.stage {
		k = selStage
	}
	h.b.selectOne(k, h.id)
	u.editName(k, h.id)
}

// Dragged moves the header along the board to reorder.
func (h *headerView) Dragged(e *fyne.DragEvent) { h.b.headerDragged(h, e) }

// DragEnd moves the stage or lane where the indicator shows.
func (h *headerView) DragEnd() { h.b.dragEnd() }

func (h *headerView) CreateRenderer() fyne.WidgetRenderer { return &headerRenderer{h} }

type headerRenderer struct{ h *headerView }

func (r *headerRenderer) Layout(fyne.Size) {
	r.h.tile.placeIn(r.h.rect.X, r.h.rect.Y)
	r.h.outline.Move(fyne.NewPos(-1, -1))
	r.h.outline.Resize(fyne.NewSize(float32(r.h.rect.W)+2, float32(r.h.rect.H)+2))
}
func (r *headerRenderer) MinSize() fyne.Size { return rectSize(r.h.rect) }
func (r *headerRenderer) Refresh() {
	r.Layout(r.h.Size())
	r.h.tile.raster.Refresh()
	r.h.updateMarks()
}
func (r *headerRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.h.tile.raster, r.h.outline}
}
func (r *headerRenderer) Destroy() {}
