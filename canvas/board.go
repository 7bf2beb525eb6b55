package canvas

import (
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
	"journeycanvas/data"
)

// Zoom limits of the board.
const (
	minZoom = 0.25
	maxZoom = 4.0
)

// selKind says what kind of thing is selected on the board.
type selKind int

const (
	selMap selKind = iota // nothing on the board: the inspector shows the map
	selStage
	selLane
	selCard
	selLink
)

// selection is what the inspector edits and the Edit menu acts on.
type selection struct {
	kind  selKind
	id    int64   // the stage, lane or link
	cards []int64 // the selected cards, in the order they were picked
}

// host is what the board needs from the window around it.
type host interface {
	// apply runs an edit of the store, shows its error if any, and re-reads the map from the
	// file (so the board always shows what the file holds). It returns the edit's error.
	apply(fn func() error) error
	// applyMove runs an edit that only moves cards among the given cells (within the map)
	// like apply, but re-reads only where the cards of those cells now sit, which is all such
	// an edit can change.
	applyMove(fn func() error, cells []data.Cell) error
	// selectionChanged tells the inspector and menus that the selection changed.
	selectionChanged()
	// refuseReadOnly tells the user an edit was refused because the workspace is read-only.
	refuseReadOnly()
	// isOffline reports that the workspace's server is out of reach: text being typed is
	// kept until it is back.
	isOffline() bool
	store() *data.Store
}

// Board is the journey map on screen: stage columns, lane rows, cells, the emotion curve,
// cards and links, laid out by the geometry package and painted with the draw package. All
// children sit where the layout says; while a drag runs the dragged ones are offset by the
// pointer's travel.
type Board struct {
	widget.BaseWidget
	host   host
	m      *data.Map
	lay    *geometry.Layout
	zoom   float64
	theme  string // "light" or "dark"
	pal    geometry.Palette
	sel    selection
	scroll *container.Scroll

	bg *canvas.Rectangle
	// pinLeft, pinTop and pinCorner are the board's background behind the lane headers
	// pinned at the view's left, the stage headers pinned at its top, and the corner where
	// both meet: what scrolls under the headers is covered, not seen between them.
	pinLeft, pinTop, pinCorner *canvas.Rectangle
	// laneTag repeats, at the top of the view, the name of a lane taller than the view whose
	// own name is scrolled away under the pinned stage headers (painted as its header is).
	laneTag    *tile
	cells      []*canvas.Rectangle
	curve      *tile
	lines      []*tile       // a service blueprint's lines
	curveBand  geometry.Rect // the emotion lane's cells as one band
	stageHeads []*headerView
	laneHeads  []*headerView
	cards      map[int64]*cardView
	cardOrder  []*cardView
	links      []*tile
	indicator  *canvas.Rectangle
	band       *canvas.Rectangle
	linkLine   *canvas.Line
	tip        *hoverTip
	plus       *widget.Button // the + of the cell under the pointer
	plusCell   [2]int64       // its stage and lane
	title      *titleEditor
	objs       []fyne.CanvasObject

	drag     *dragState
	cedit    curveEdit        // the emotion curve: a point dragged, the map compared (curveedit.go)
	mods     fyne.KeyModifier // held at the last mouse press on the empty board
	scroller *autoScroller
	// pointer is where the mouse was last seen over the board (pointerIn: it is still
	// there): Ctrl+V pastes into the cell under it.
	pointer   fyne.Position
	pointerIn bool
	lastMenu  *fyne.Menu // the last context menu shown (for tests)
	lang      string     // the detected language of the map's words (mapLang)
	langKey   langKey

	hits     map[int64]bool // the cards the search bar found (search.go)
	onSetMap func()         // after setMap: the search bar keeps its hits in step
	onZoom   func()         // told after every change of the zoom (the window's label)
}

func newBoard(h host) *Board {
	b := &Board{host: h, zoom: 1, theme: themeLight, cards: map[int64]*cardView{}}
	b.pal = palette(b.theme)
	b.bg = canvas.NewRectangle(b.pal.Background)
	b.pinLeft = canvas.NewRectangle(b.pal.Background)
	b.pinTop = canvas.NewRectangle(b.pal.Background)
	b.pinCorner = canvas.NewRectangle(b.pal.Background)
	b.curve = newTile()
	b.laneTag = newTile()
	b.laneTag.raster.Hide()
	b.indicator = canvas.NewRectangle(color.Transparent)
	b.indicator.CornerRadius = 2
	b.indicator.Hide()
	b.band = canvas.NewRectangle(color.Transparent)
	b.band.Hide()
	b.linkLine = canvas.NewLine(color.Transparent)
	b.linkLine.Hide()
	b.tip = newHoverTip()
	b.title = newTitleEditor(b)
	b.plus = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() {
		b.plus.Hide()
		b.addCard(b.plusCell[0], b.plusCell[1], -1)
	})
	b.plus.Importance = widget.LowImportance
	b.plus.Hide()
	b.title.Hide()
	b.scroll = container.NewScroll(b)
	b.scroll.OnScrolled = func(fyne.Position) { b.scrolled() }
	b.ExtendBaseWidget(b)
	return b
}

func (b *Board) zoomF() float64 { return b.zoom }

// scrollToOffset scrolls the view; every programmatic scroll goes through it, so the pinned
// headers follow (Fyne's ScrollToOffset does not call OnScrolled).
func (b *Board) scrollToOffset(p fyne.Position) {
	b.scroll.ScrollToOffset(p)
	if f := b.scroll.OnScrolled; f != nil {
		f(b.scroll.Offset) // b.scrolled, and whatever the window follows the board with
		return
	}
	b.scrolled()
}

// scrolled keeps the stage and lane headers pinned at the view's top and left edges, over an
// opaque band, and paints only what is near the view.
func (b *Board) scrolled() {
	if b.plus.Visible() {
		b.plus.Hide() // the + of the cell that was under the pointer is elsewhere now
	}
	// The card that was under the pointer has moved from under it, and the toolkit tells it
	// only at the pointer's next move: its link handle goes now.
	for _, v := range b.cardOrder {
		if v.hovered {
			v.MouseOut()
		}
	}
	for _, h := range b.stageHeads {
		b.placeHeader(h)
	}
	for _, h := range b.laneHeads {
		b.placeHeader(h)
	}
	b.placePins()
	b.cull()
}

// placePins puts the opaque bands behind pinned headers: shown only while the board is
// scrolled past the headers' own place.
func (b *Board) placePins() {
	l := b.lay
	hide := func(r *canvas.Rectangle) {
		if r.Visible() {
			r.Hide()
		}
	}
	if l == nil || b.scroll == nil || len(l.Stages) == 0 || len(l.Lanes) == 0 {
		hide(b.pinLeft)
		hide(b.pinTop)
		hide(b.pinCorner)
		return
	}
	off, view := b.scroll.Offset, b.scroll.Size()
	gap := float32(l.Stages[0].Rect.X - l.Lanes[0].Header.Right())
	left := float32(l.Lanes[0].Header.X)
	top := float32(l.Stages[0].Header.Y)
	lw := float32(l.Lanes[0].Header.W) + gap
	sh := float32(l.Stages[0].Header.H) + gap
	h := max(view.Height, float32(l.Height))
	w := max(view.Width, float32(l.Width))
	pinnedX, pinnedY := off.X > left, off.Y > top
	show := func(r *canvas.Rectangle, on bool, pos fyne.Position, size fyne.Size) {
		if !on {
			hide(r)
			return
		}
		r.FillColor = b.pal.Background
		r.Move(pos)
		r.Resize(size)
		if !r.Visible() {
			r.Show()
		}
		r.Refresh()
	}
	// The bands start at the grid: the map's header above it (title, goal, persona) scrolls
	// away like the cards and is never covered.
	show(b.pinLeft, pinnedX, fyne.NewPos(off.X, top), fyne.NewSize(lw, h-top))
	show(b.pinTop, pinnedY, fyne.NewPos(0, off.Y), fyne.NewSize(w, sh))
	show(b.pinCorner, pinnedX || pinnedY, fyne.NewPos(max(off.X, 0), max(off.Y, top)),
		fyne.NewSize(max(left, off.X)-max(off.X, 0)+lw, sh))
	b.placeLaneTag(pinnedY, float64(off.X), float64(off.Y+sh))
}

// placeLaneTag shows the name of the lane crossing the top of the view (below the pinned stage
// headers, at visTop) when its own name is scrolled away and the lane goes on below: the lane
// header painted again, only its name, at the top of the lane's part in view.
func (b *Board) placeLaneTag(pinnedY bool, offX, visTop float64) {
	t := b.laneTag
	var ln *geometry.LaneBox
	if pinnedY {
		for i := range b.lay.Lanes {
			l := &b.lay.Lanes[i]
			if l.Header.Y < visTop && l.Header.Bottom() > visTop && len(l.Name) > 0 && l.Kind != data.LaneEmotions {
				ln = l
			}
		}
	}
	var tag geometry.Rect
	if ln != nil {
		first, last := ln.Name[0], ln.Name[len(ln.Name)-1]
		pad := first.Y - first.Size*0.75 - ln.Header.Y // above the first line's capitals
		tag = geometry.Rect{X: max(ln.Header.X, offX), Y: visTop, W: ln.Header.W, H: last.Y + first.Size*0.25 + pad - ln.Header.Y}
		if tag.Bottom() > ln.Header.Bottom() || visTop-ln.Header.Y <= pad {
			ln = nil // the lane ends there, or its own name still shows whole
		}
	}
	if ln == nil {
		if t.raster.Visible() {
			t.raster.Hide()
		}
		return
	}
	moved := *ln
	dy := tag.Y - ln.Header.Y
	moved.Header = geometry.Rect{X: ln.Header.X, Y: tag.Y, W: tag.W, H: tag.H}
	moved.Name = append([]geometry.TextLine(nil), ln.Name...)
	for i := range moved.Name {
		moved.Name[i].Y += dy
	}
	tag.X = ln.Header.X
	t.set(tag, b.pal, func(c *paint.Canvas) { c.LaneHeader(&moved) })
	t.placeIn(0, 0)
	t.raster.Move(fyne.NewPos(float32(max(ln.Header.X, offX)), float32(tag.Y)))
	t.raster.Refresh()
	if !t.raster.Visible() {
		t.raster.Show()
	}
}

func (b *Board) readOnly() bool { return b.host.store().ReadOnly() }

// Map returns the map the board shows, as last read from the store.
func (b *Board) Map() *data.Map { return b.m }

// Layout returns the board's current geometry.
func (b *Board) Layout() *geometry.Layout { return b.lay }

// setMap shows a map (freshly read from the store) and keeps what is still there selected.
func (b *Board) setMap(m *data.Map) {
	if b.drag != nil {
		b.drag = nil
		b.stopAutoscroll()
	}
	b.m = m
	b.pruneSelection()
	b.relayout()
	if b.onSetMap != nil {
		b.onSetMap()
	}
}

// setTheme switches the board's palette ("light" or "dark").
func (b *Board) setTheme(name string) {
	if name == b.theme {
		return
	}
	b.theme = name
	b.relayout()
}

// setZoom changes the zoom, keeping the point at the middle of the view where it was.
func (b *Board) setZoom(z float64) {
	view := b.scroll.Size()
	b.setZoomAt(z, fyne.NewPos(view.Width/2, view.Height/2))
}

// setZoomAt changes the zoom, keeping the map point at anchor (a point of the view, relative
// to its top-left corner) where it is: the board is laid out at exactly z/zoom times the
// size, so the point under the pointer stays under the pointer. onZoom, when set, hears of
// every change.
func (b *Board) setZoomAt(z float64, anchor fyne.Position) {
	z = math.Max(minZoom, math.Min(maxZoom, z))
	z = math.Round(z*1000) / 1000
	if z == b.zoom {
		return
	}
	off := b.scroll.Offset
	f := z / b.zoom
	px, py := float64(off.X+anchor.X)*f, float64(off.Y+anchor.Y)*f
	b.zoom = z
	b.relayout()
	b.scroll.Refresh()
	b.scrollToOffset(fyne.NewPos(float32(px)-anchor.X, float32(py)-anchor.Y))
	b.cull()
	if b.onZoom != nil {
		b.onZoom()
	}
}

// fitZoom returns the zoom that shows the whole map in the view.
func (b *Board) fitZoom() float64 {
	if b.lay == nil || b.lay.Width <= 0 {
		return 1
	}
	view := b.scroll.Size()
	w, h := b.lay.Width/b.zoom, b.lay.Height/b.zoom
	z := math.Min(float64(view.Width)/w, float64(view.Height)/h)
	z = math.Floor(z*1000) / 1000 // rounded down: the whole map fits
	return math.Max(minZoom, math.Min(1.5, z))
}

// langKey says when the detected language of the map may have changed: another map value,
// another title, or cards added, removed or retitled (their titles' total length).
type langKey struct {
	m      *data.Map
	title  string
	cards  int
	titles int
}

// mapLang is the language of the words drawn on the shown map (geometry.MapLang), detected
// from its text only when that text may have changed: a drop or a zoom does not read every
// card's title again.
func (b *Board) mapLang() string {
	if b.m.Lang != "" {
		return b.m.Lang
	}
	k := langKey{m: b.m, title: b.m.Title, cards: len(b.m.Cards)}
	for i := range b.m.Cards {
		k.titles += len(b.m.Cards[i].Title)
	}
	if k != b.langKey || b.lang == "" {
		b.langKey, b.lang = k, geometry.DetectLang(b.m)
	}
	return b.lang
}

// relayout computes the geometry again and brings every child in line with it.
func (b *Board) relayout() {
	if b.m == nil {
		b.lay = &geometry.Layout{}
		b.sync()
		return
	}
	b.pal = palette(b.theme)
	b.lay = geometry.Compute(b.m, geometry.Options{Zoom: b.zoom, Theme: b.theme, Compare: b.compareMap(), Header: true,
		Lang: b.mapLang(), Comments: b.m.OpenComments()})
	b.sync()
}

// sync makes the children match the layout: it reuses what it can and repaints only what is
// laid out.
func (b *Board) sync() {
	l := b.lay
	pal := b.pal
	b.bg.FillColor = pal.Background
	nS := len(l.Stages)
	// Cells.
	for len(b.cells) < len(l.Cells) {
		r := canvas.NewRectangle(color.Transparent)
		b.cells = append(b.cells, r)
	}
	b.cells = b.cells[:len(l.Cells)]
	curveRow, curveBand, _ := l.EmotionBand()
	for li := range l.Lanes {
		ln := &l.Lanes[li]
		col := b.pal.CellColour(ln.Kind, li)
		band := li == curveRow
		for si := 0; si < nS; si++ {
			r := b.cells[li*nS+si]
			r.FillColor = col
			r.CornerRadius = float32(paint.BoxRadius * b.zoom)
			r.Show()
			if band && si > 0 {
				r.Hide()
			}
		}
	}
	// The emotion curve.
	if curveRow >= 0 {
		cv := *l.Curve
		cellPal := pal
		cellPal.Cell = b.pal.CellColour(l.Lanes[curveRow].Kind, curveRow)
		// The plot; the scale's labels are painted by the lane's header (below), so they stay
		// with it when it is pinned.
		b.curve.set(curveBand, cellPal, func(c *paint.Canvas) { c.Curve(&cv) })
		b.curveBand = curveBand
		b.curve.raster.Show()
	} else {
		b.curve.set(geometry.Rect{}, pal, nil)
		b.curve.raster.Hide()
	}
	b.curve.raster.Refresh()
	// Headers.
	for len(b.stageHeads) < nS {
		b.stageHeads = append(b.stageHeads, newHeaderView(b, true))
	}
	b.stageHeads = b.stageHeads[:nS]
	for i := range l.Stages {
		b.stageHeads[i].setStage(&l.Stages[i], pal)
	}
	for len(b.laneHeads) < len(l.Lanes) {
		b.laneHeads = append(b.laneHeads, newHeaderView(b, false))
	}
	b.laneHeads = b.laneHeads[:len(l.Lanes)]
	for i := range l.Lanes {
		if i == curveRow {
			// The emotion lane's header also carries the scale's labels.
			cv, box := *l.Curve, l.Lanes[i]
			cellPal := pal
			cellPal.Cell = b.pal.CellColour(l.Lanes[i].Kind, i)
			b.laneHeads[i].setLaneWith(&l.Lanes[i], cellPal, func(c *paint.Canvas) {
				c.LaneHeader(&box)
				c.CurveScale(&cv)
			})
			continue
		}
		b.laneHeads[i].setLane(&l.Lanes[i], pal)
	}
	// Cards, reused by id.
	seen := make(map[int64]bool, len(l.Cards))
	b.cardOrder = b.cardOrder[:0]
	for i := range l.Cards {
		cb := &l.Cards[i]
		v := b.cards[cb.ID]
		if v == nil {
			v = newCardView(b, cb.ID)
			b.cards[cb.ID] = v
		}
		seen[cb.ID] = true
		v.setBox(cb, pal)
		b.cardOrder = append(b.cardOrder, v)
	}
	for id := range b.cards {
		if !seen[id] {
			delete(b.cards, id)
		}
	}
	// Links.
	for len(b.links) < len(l.Links) {
		b.links = append(b.links, newTile())
	}
	b.links = b.links[:len(l.Links)]
	for i := range l.Links {
		lp := l.Links[i]
		lpal := pal
		if b.sel.kind == selLink && b.sel.id == lp.ID {
			lpal.Link = toNRGBA(theme.Color(theme.ColorNamePrimary))
			lpal.LinkLabel = geometry.Mix(pal.LinkLabel, lpal.Link, 0.15)
		}
		b.links[i].set(grow(lp.Bounds(), 14*b.zoom), lpal, func(c *paint.Canvas) { c.Link(&lp) })
		b.links[i].raster.Refresh()
	}
	// The map's header, a service blueprint's lines and the stages' metric footers: each
	// repainted only when what it shows changed (its key).
	type extra struct {
		r     geometry.Rect
		key   string
		paint func(c *paint.Canvas)
	}
	var extras []extra
	if h := l.Header; h != nil {
		hb := *h
		extras = append(extras, extra{hb.Rect, headerKey(hb), func(c *paint.Canvas) { c.Header(&hb) }})
	}
	for i := range l.Blueprint {
		bl := l.Blueprint[i]
		extras = append(extras, extra{geometry.Rect{X: bl.X0, Y: bl.LabelBox.Y - 2, W: bl.X1 - bl.X0, H: bl.LabelBox.H + 4},
			fmt.Sprint(bl.Label.Text, bl.X1-bl.X0, l.Zoom), func(c *paint.Canvas) { c.BlueprintLine(&bl) }})
	}
	for i := range l.Stages {
		if sb := l.Stages[i]; len(sb.Footer) > 0 {
			extras = append(extras, extra{sb.FooterBox, fmt.Sprint(sb.Footer, sb.Colour, sb.FooterBox.W, sb.FooterBox.H),
				func(c *paint.Canvas) { c.StageFooter(&sb) }})
		}
	}
	for len(b.lines) < len(extras) {
		b.lines = append(b.lines, newTile())
	}
	b.lines = b.lines[:len(extras)]
	for i, e := range extras {
		t := b.lines[i]
		same := t.key == e.key && t.pal == pal && t.full.W == e.r.W && t.full.H == e.r.H
		moved := t.full != e.r
		t.set(e.r, pal, e.paint)
		t.key = e.key
		if !same {
			t.raster.Refresh()
		} else if moved {
			t.placeIn(0, 0)
		}
	}
	b.indicator.Hide()
	b.band.Hide()
	b.linkLine.Hide()
	b.tip.hide()
	b.rebuildObjects()
	b.Refresh()
	b.cull()
}

func (b *Board) rebuildObjects() {
	objs := make([]fyne.CanvasObject, 0, 8+len(b.cells)+len(b.cardOrder)+len(b.links)+len(b.stageHeads)+len(b.laneHeads))
	objs = append(objs, b.bg)
	for _, c := range b.cells {
		objs = append(objs, c)
	}
	// Headers come after the cards: when the view scrolls they stay pinned at its top and
	// left edges, over opaque bands that cover what scrolls under them; the corner where the
	// two bands meet covers both.
	var lifted []fyne.CanvasObject
	for _, v := range b.cardOrder {
		if b.drag != nil && b.drag.kind == dragCards && b.drag.has(v.id) {
			lifted = append(lifted, v)
			continue
		}
		objs = append(objs, v)
	}
	for _, t := range b.links {
		objs = append(objs, t.raster)
	}
	for _, t := range b.lines {
		objs = append(objs, t.raster)
	}
	objs = append(objs, b.curve.raster, b.pinLeft)
	for _, h := range b.laneHeads {
		objs = append(objs, h)
	}
	objs = append(objs, b.laneTag.raster, b.pinTop)
	for _, h := range b.stageHeads {
		objs = append(objs, h)
	}
	objs = append(objs, b.pinCorner)
	objs = append(objs, lifted...)
	if b.drag != nil && b.drag.header != nil {
		objs = append(objs, b.drag.header)
	}
	objs = append(objs, b.plus, b.indicator, b.band, b.linkLine, b.tip.box, b.title)
	b.objs = objs
}

func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// placeCard puts a card view where the layout says, offset by the drag when it is dragged.
func (b *Board) placeCard(v *cardView) {
	pos := rectPos(v.box.Rect, 0, 0)
	if d := b.drag; d != nil && d.kind == dragCards && !d.cancelled && d.has(v.id) {
		pos = pos.Add(d.cur.Subtract(d.start))
	}
	v.Move(pos)
}

// placeHeader puts a header where the layout says, offset along the board when dragged, and
// pinned to the top (stages) or left (lanes) edge of the view when the board scrolls under it.
func (b *Board) placeHeader(h *headerView) {
	pos := rectPos(h.rect, 0, 0)
	if b.scroll != nil {
		if h.stage {
			pos.Y = max(pos.Y, b.scroll.Offset.Y)
		} else {
			pos.X = max(pos.X, b.scroll.Offset.X)
		}
	}
	if d := b.drag; d != nil && d.header == h && !d.cancelled {
		if h.stage {
			pos.X += d.cur.X - d.start.X
		} else {
			pos.Y += d.cur.Y - d.start.Y
		}
	}
	h.Move(pos)
}

func (b *Board) layoutChildren(size fyne.Size) {
	l := b.lay
	if l == nil {
		return
	}
	b.bg.Move(fyne.NewPos(0, 0))
	b.bg.Resize(fyne.NewSize(max(size.Width, float32(l.Width)), max(size.Height, float32(l.Height))))
	nS := len(l.Stages)
	for i, r := range b.cells {
		rect := l.Cells[i].Rect
		if b.curve.paint != nil && l.Curve != nil && i%nS == 0 && l.Cells[i].LaneID == l.Curve.LaneID && l.Cells[i].Kind == data.LaneEmotions {
			rect = b.curveBand
		}
		place(r, rect, 0, 0)
	}
	b.curve.placeIn(0, 0)
	for _, h := range b.stageHeads {
		h.Resize(rectSize(h.rect))
		b.placeHeader(h)
	}
	for _, h := range b.laneHeads {
		h.Resize(rectSize(h.rect))
		b.placeHeader(h)
	}
	for _, v := range b.cardOrder {
		v.Resize(rectSize(v.box.Rect))
		b.placeCard(v)
	}
	for _, t := range b.links {
		t.placeIn(0, 0)
	}
	for _, t := range b.lines {
		t.placeIn(0, 0)
	}
	if b.title.Visible() {
		b.placeTitleEditor()
	}
	b.placePins()
	b.cull()
}

// cull hides the cards far outside the view and limits the links and the curve to the part
// near it, so only what can be seen is painted (and kept in memory as textures).
func (b *Board) cull() {
	if b.lay == nil || b.scroll == nil {
		return
	}
	size := b.scroll.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	const margin = 400
	view := geometry.Rect{X: float64(b.scroll.Offset.X) - margin, Y: float64(b.scroll.Offset.Y) - margin,
		W: float64(size.Width) + 2*margin, H: float64(size.Height) + 2*margin}
	for _, v := range b.cardOrder {
		vis := view.Intersects(v.box.Rect) || (b.drag != nil && b.drag.has(v.id))
		if vis != v.Visible() {
			if vis {
				v.Show()
			} else {
				v.Hide()
			}
		}
	}
	tiles := append(b.links[:len(b.links):len(b.links)], b.lines...)
	if b.curve.paint != nil {
		tiles = append(tiles[:len(tiles):len(tiles)], b.curve)
	}
	for _, t := range tiles {
		vis, changed := t.clip(view, 512)
		if !vis {
			if t.raster.Visible() {
				t.raster.Hide()
			}
			continue
		}
		if changed {
			t.placeIn(0, 0)
			t.raster.Refresh()
		}
		if !t.raster.Visible() {
			t.raster.Show()
		}
	}
}

// ---- selection ----

func (b *Board) isSelected(cardID int64) bool {
	if b.sel.kind != selCard {
		return false
	}
	for _, id := range b.sel.cards {
		if id == cardID {
			return true
		}
	}
	return false
}

// selectedCards returns the selected cards in reading order.
func (b *Board) selectedCards() []int64 {
	if b.sel.kind != selCard || b.lay == nil {
		return nil
	}
	ids := append([]int64(nil), b.sel.cards...)
	order := func(id int64) int {
		for i := range b.lay.Cards {
			if b.lay.Cards[i].ID == id {
				return i
			}
		}
		return math.MaxInt
	}
	sort.SliceStable(ids, func(i, j int) bool { return order(ids[i]) < order(ids[j]) })
	return ids
}

func (b *Board) setSelection(s selection) {
	old := b.sel
	b.sel = s
	b.refreshMarks(old)
	b.host.selectionChanged()
}

// selectOne selects one stage, lane, link or card (selMap: nothing).
func (b *Board) selectOne(k selKind, id int64) {
	s := selection{kind: k, id: id}
	if k == selCard {
		s.cards = []int64{id}
	}
	b.setSelection(s)
}

// selectCards selects the given cards.
func (b *Board) selectCards(ids []int64) {
	if len(ids) == 0 {
		b.setSelection(selection{})
		return
	}
	b.setSelection(selection{kind: selCard, cards: append([]int64(nil), ids...)})
}

// selectAll selects every card of the map.
func (b *Board) selectAll() {
	var ids []int64
	for i := range b.lay.Cards {
		ids = append(ids, b.lay.Cards[i].ID)
	}
	b.selectCards(ids)
}

func (b *Board) tapCard(id int64, toggle bool) {
	b.commitTitle()
	if !toggle || b.sel.kind != selCard {
		b.selectOne(selCard, id)
		return
	}
	ids := []int64{}
	found := false
	for _, x := range b.sel.cards {
		if x == id {
			found = true
			continue
		}
		ids = append(ids, x)
	}
	if !found {
		ids = append(ids, id)
	}
	b.selectCards(ids)
}

// refreshMarks updates the outlines after a selection change.
func (b *Board) refreshMarks(old selection) {
	for _, v := range b.cardOrder {
		v.updateMarks()
	}
	for _, h := range b.stageHeads {
		h.updateMarks()
	}
	for _, h := range b.laneHeads {
		h.updateMarks()
	}
	if old.kind == selLink || b.sel.kind == selLink {
		b.sync() // repaint the link in its selected colour
	}
}

// pruneSelection drops from the selection what the map no longer has.
func (b *Board) pruneSelection() {
	m := b.m
	if m == nil {
		b.sel = selection{}
		return
	}
	switch b.sel.kind {
	case selStage:
		if m.Stage(b.sel.id) == nil {
			b.sel = selection{}
		}
	case selLane:
		if m.Lane(b.sel.id) == nil {
			b.sel = selection{}
		}
	case selLink:
		ok := false
		for _, l := range m.Links {
			ok = ok || l.ID == b.sel.id
		}
		if !ok {
			b.sel = selection{}
		}
	case selCard:
		var keep []int64
		for _, id := range b.sel.cards {
			if m.Card(id) != nil {
				keep = append(keep, id)
			}
		}
		b.sel.cards = keep
		if len(keep) == 0 {
			b.sel = selection{}
		}
	}
}

// ---- the empty board: taps, double taps, drags, wheel ----

// Tapped selects the card of a curve point or a link under the pointer, or clears the
// selection.
func (b *Board) Tapped(e *fyne.PointEvent) {
	b.commitTitle()
	if b.curveTapped(e.Position) {
		return
	}
	if id, ok := b.linkAt(e.Position); ok {
		b.selectOne(selLink, id)
		return
	}
	b.setSelection(selection{})
}

// DoubleTapped in a cell adds a card there and opens its title for editing.
func (b *Board) DoubleTapped(e *fyne.PointEvent) {
	if b.lay == nil || b.m == nil {
		return
	}
	stageID, laneID, at, ok := b.lay.CellAt(float64(e.Position.X), float64(e.Position.Y))
	if !ok || b.isCurveLane(laneID) {
		return
	}
	b.addCard(stageID, laneID, at)
}

// addCard adds an untitled card to a cell and opens its title for editing.
func (b *Board) addCard(stageID, laneID int64, at int) {
	if b.readOnly() {
		b.host.refuseReadOnly()
		return
	}
	b.commitTitle()
	var id int64
	newCards++
	group := fmt.Sprintf("new card %d", newCards)
	st := b.host.store()
	st.SetEditGroup(group)
	err := b.host.apply(func() error {
		var err error
		id, err = st.AddCard(data.Card{MapID: b.m.ID, StageID: stageID, LaneID: laneID, Position: at})
		return err
	})
	st.SetEditGroup("")
	if err == nil {
		b.selectOne(selCard, id)
		b.scrollTo(b.cardRect(id))
		b.openTitle(id, true, group)
	}
}

// pinned is the width of the lane headers pinned at the view's left and the height of the
// stage headers pinned at its top.
func (b *Board) pinned() (left, top float32) {
	if l := b.lay; l != nil {
		if len(l.Lanes) > 0 {
			left = float32(l.Lanes[0].Header.W)
		}
		if len(l.Stages) > 0 {
			top = float32(l.Stages[0].Header.H)
		}
	}
	return left, top
}

// cardRect is where a card sits on the board now.
func (b *Board) cardRect(id int64) geometry.Rect {
	if v := b.cards[id]; v != nil {
		return v.box.Rect
	}
	return geometry.Rect{}
}

// scrollTo scrolls the least needed to bring r into view, clear of the pinned headers.
func (b *Board) scrollTo(r geometry.Rect) {
	if b.scroll == nil || b.lay == nil || r.W <= 0 {
		return
	}
	view := b.scroll.Size()
	off := b.scroll.Offset
	left, top := b.pinned()
	x, y := off.X, off.Y
	if float32(r.X)-left < x {
		x = float32(r.X) - left - 16
	} else if float32(r.Right()) > x+view.Width {
		x = float32(r.Right()) - view.Width + 16
	}
	if float32(r.Y)-top < y {
		y = float32(r.Y) - top - 16
	} else if float32(r.Bottom()) > y+view.Height {
		y = float32(r.Bottom()) - view.Height + 16
	}
	if x != off.X || y != off.Y {
		b.scrollToOffset(fyne.NewPos(max(x, 0), max(y, 0)))
	}
}

// MouseIn is needed for desktop.Hoverable.
func (b *Board) MouseIn(e *desktop.MouseEvent) { b.MouseMoved(e) }

// pointerAt notes where the mouse is over the board.
func (b *Board) pointerAt(p fyne.Position) { b.pointer, b.pointerIn = p, true }

// MouseMoved shows the + of the cell under the pointer (a tap on it adds a card at the end).
func (b *Board) MouseMoved(e *desktop.MouseEvent) {
	b.pointerAt(e.Position)
	if b.curveHover(e.Position) {
		return
	}
	if b.lay == nil || b.drag != nil || b.readOnly() {
		return
	}
	stageID, laneID, _, ok := b.lay.CellAt(float64(e.Position.X), float64(e.Position.Y))
	if !ok {
		b.plus.Hide()
		return
	}
	cell := b.lay.Cell(stageID, laneID)
	b.plusCell = [2]int64{stageID, laneID}
	const d = 24
	b.plus.Resize(fyne.NewSize(d, d))
	b.plus.Move(fyne.NewPos(float32(cell.Rect.Right())-d-2, float32(cell.Rect.Bottom())-d-2))
	b.plus.Show()
}

// MouseOut leaves the + where it is: the pointer may be on it. The pointer is no longer a
// place to paste.
func (b *Board) MouseOut() { b.pointerIn = false }

// MouseDown remembers Shift/Ctrl for a drag on the empty board (rubber-band selection).
func (b *Board) MouseDown(e *desktop.MouseEvent) { b.mods = e.Modifier }

// MouseUp is needed for desktop.Mouseable.
func (b *Board) MouseUp(*desktop.MouseEvent) {}

// Scrolled zooms about the pointer with Ctrl (Cmd) held, as a Ctrl+wheel or a touchpad
// pinch sends it (a notch of the wheel is 10 %, smaller touchpad steps zoom less), and
// scrolls otherwise.
func (b *Board) Scrolled(e *fyne.ScrollEvent) {
	if keyModifiers()&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		notches := math.Max(-4, math.Min(4, float64(e.Scrolled.DY)/wheelNotch))
		if notches == 0 {
			return
		}
		b.setZoomAt(b.zoom*math.Pow(1.1, notches), e.Position.Subtract(b.scroll.Offset))
		return
	}
	b.scroll.Scrolled(e)
}

// linkAt finds the link whose curve or label is under a point.
func (b *Board) linkAt(p fyne.Position) (int64, bool) {
	if b.lay == nil {
		return 0, false
	}
	return b.lay.LinkAt(float64(p.X), float64(p.Y), 6*math.Max(b.zoom, 0.75))
}

// hoverCard shows the whole title of a card whose title does not fit.
func (b *Board) hoverCard(v *cardView, in bool) {
	if in {
		b.plus.Hide()
	}
	if !in || !v.box.Truncated || b.drag != nil || b.m == nil {
		b.tip.hide()
		return
	}
	c := b.m.Card(v.id)
	if c == nil {
		return
	}
	b.tip.show(c.Title, v.box.Rect, b.pal, b.zoom)
}

func (b *Board) CreateRenderer() fyne.WidgetRenderer { return &boardRenderer{b: b} }

type boardRenderer struct{ b *Board }

func (r *boardRenderer) Layout(size fyne.Size) { r.b.layoutChildren(size) }

func (r *boardRenderer) MinSize() fyne.Size {
	if r.b.lay == nil {
		return fyne.NewSize(100, 100)
	}
	return fyne.NewSize(float32(r.b.lay.Width), float32(r.b.lay.Height))
}

func (r *boardRenderer) Refresh() {
	r.Layout(r.b.Size())
	canvas.Refresh(r.b.bg)
	for _, c := range r.b.cells {
		c.Refresh()
	}
}

func (r *boardRenderer) Objects() []fyne.CanvasObject { return r.b.objs }

func (r *boardRenderer) Destroy() {}

// headerKey is what the map's header shows, as laid out (so a change of any word, the
// language's included, or of the zoom repaints it): the picture stands in by its content key,
// computed once by the store, not hashed again on every refresh.
func headerKey(h geometry.HeaderBox) string {
	if h.Persona != nil {
		p := *h.Persona
		p.Photo = nil
		h.Persona = &p
	}
	b, _ := json.Marshal(h)
	return string(b)
}

// selectAndReveal selects one card, stage (kind selStage) or nothing (the map), and scrolls
// it into view: where a search hit, a comment or a notice takes the user.
func (b *Board) selectAndReveal(id int64) { b.revealThing(selCard, id) }

func (b *Board) revealThing(k selKind, id int64) {
	b.commitTitle()
	switch k {
	case selCard:
		if cb := b.lay.Card(id); cb != nil {
			b.selectOne(selCard, id)
			b.reveal(cb.Rect)
		}
	case selStage:
		for i := range b.lay.Stages {
			if s := &b.lay.Stages[i]; s.ID == id {
				b.selectOne(selStage, id)
				b.reveal(s.Header)
			}
		}
	default:
		b.setSelection(selection{})
		b.scrollToOffset(fyne.Position{})
	}
}
