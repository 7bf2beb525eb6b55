package canvas

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/find"
	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// finder is the search bar above the board (Ctrl+F, Edit › Find…). It finds the cards of the
// map whose title, notes, channel and tags hold every word typed, accents and case aside
// (package find), outlines every hit on the board, and makes one hit current: selected (so the
// inspector shows it) and scrolled into view. Enter steps to the next hit, Shift+Enter to the
// previous one; Esc closes the bar.
type finder struct {
	u     *ui
	bar   *fyne.Container // hidden until opened
	view  *fyne.Container // the bar above the board's scroll
	entry *findEntry
	count *widget.Label
	prev  *widget.Button
	next  *widget.Button
	shut  *widget.Button

	query find.Query
	hits  []int64 // the cards found, in reading order (the order of Layout.Cards)
	cur   int64   // the current hit; 0 when none
	idx   cardIndex
}

func newFinder(u *ui) *finder {
	f := &finder{u: u}
	f.entry = newFindEntry(f)
	f.entry.SetPlaceHolder(lang.L("Find cards…"))
	f.entry.OnChanged = func(string) { f.run(true) }
	f.count = widget.NewLabel("")
	f.prev = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(-1) })
	f.next = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(1) })
	f.shut = widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	for _, b := range []*widget.Button{f.prev, f.next, f.shut} {
		b.Importance = widget.LowImportance
	}
	field := container.NewGridWrap(fyne.NewSize(320, f.entry.MinSize().Height), f.entry)
	f.bar = container.NewHBox(field, f.prev, f.next, f.count, layout.NewSpacer(), f.shut)
	f.bar.Hide()
	f.view = container.NewBorder(f.bar, nil, nil, nil, u.board.scroll)
	f.updateCount()
	return f
}

// isOpen reports whether the bar shows.
func (f *finder) isOpen() bool { return f.bar.Visible() }

// open shows the bar and focuses its field with the last query selected, so typing replaces
// it; the hits of that query are outlined again.
func (f *finder) open() {
	wasOpen := f.isOpen()
	f.bar.Show()
	f.view.Refresh()
	f.u.win.Canvas().Focus(f.entry)
	f.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	if !wasOpen {
		f.run(false)
	}
}

// close hides the bar and the outlines, keeps the current card selected and gives the keys
// back to the board.
func (f *finder) close() {
	if !f.isOpen() {
		return
	}
	f.bar.Hide()
	f.view.Refresh()
	f.hits, f.cur = nil, 0
	f.mark()
	f.updateCount()
	if c := f.u.win.Canvas(); c.Focused() == f.entry {
		c.Unfocus()
	}
}

// run searches the map again for what the field holds. With pick the first hit becomes
// current; without it the current card stays current while it is still a hit.
func (f *finder) run(pick bool) {
	b := f.u.board
	f.query = find.Parse(f.entry.Text)
	f.hits = f.hits[:0]
	if f.isOpen() && !f.query.Empty() && b.m != nil && b.lay != nil {
		f.idx.update(b.m)
		for i := range b.lay.Cards {
			id := b.lay.Cards[i].ID
			if f.query.Match(f.idx.text[id].folded) {
				f.hits = append(f.hits, id)
			}
		}
	}
	f.mark()
	switch {
	case len(f.hits) == 0:
		f.cur = 0
	case pick:
		f.cur = f.hits[0]
		f.show()
	case f.at(f.cur) < 0:
		f.cur = 0
	}
	f.updateCount()
}

// at is the place of a card among the hits, or -1.
func (f *finder) at(id int64) int {
	for i, h := range f.hits {
		if h == id {
			return i
		}
	}
	return -1
}

// step makes the next (+1) or previous (-1) hit current, wrapping round at the ends. It
// steps from the card selected on the board when that is a hit (the user may have tapped
// one), else from the current hit.
func (f *finder) step(dir int) {
	n := len(f.hits)
	if n == 0 {
		return
	}
	if sel := f.u.board.sel; sel.kind == selCard && len(sel.cards) == 1 && f.at(sel.cards[0]) >= 0 {
		f.cur = sel.cards[0]
	}
	i := f.at(f.cur)
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = n - 1
	default:
		i = ((i+dir)%n + n) % n
	}
	f.cur = f.hits[i]
	f.show()
	f.updateCount()
}

// show selects the current hit and scrolls it into view.
func (f *finder) show() {
	b := f.u.board
	if f.cur == 0 {
		return
	}
	if len(b.sel.cards) != 1 || b.sel.kind != selCard || b.sel.cards[0] != f.cur {
		b.commitTitle()
		b.selectOne(selCard, f.cur)
	}
	if cb := b.lay.Card(f.cur); cb != nil {
		b.reveal(cb.Rect)
	}
}

// mark gives the board the hits to outline and updates the cards whose outline changed.
func (f *finder) mark() {
	b := f.u.board
	old := b.hits
	hits := make(map[int64]bool, len(f.hits))
	for _, id := range f.hits {
		hits[id] = true
	}
	b.hits = hits
	for id := range old {
		if !hits[id] {
			if v := b.cards[id]; v != nil {
				v.updateHit()
			}
		}
	}
	for id := range hits {
		if !old[id] {
			if v := b.cards[id]; v != nil {
				v.updateHit()
			}
		}
	}
}

// mapChanged keeps the hits in step with a map read again (after an edit, or another map).
func (f *finder) mapChanged() {
	if f.isOpen() {
		f.run(false)
	}
}

// mapOpened runs the query on a map just opened and shows its first hit.
func (f *finder) mapOpened() {
	if f.isOpen() {
		f.run(true)
	}
}

func (f *finder) updateCount() {
	switch i := f.at(f.cur); {
	case f.query.Empty() || !f.isOpen():
		f.count.SetText("")
	case len(f.hits) == 0:
		f.count.SetText(lang.L("No match"))
	case i < 0:
		f.count.SetText(fmt.Sprintf(lang.L("%d matches"), len(f.hits)))
	default:
		f.count.SetText(fmt.Sprintf(lang.L("%d of %d"), i+1, len(f.hits)))
	}
	if len(f.hits) == 0 {
		f.prev.Disable()
		f.next.Disable()
	} else {
		f.prev.Enable()
		f.next.Enable()
	}
}

// ---- the folded text of the cards ----

// cardIndex holds the folded text of a map's cards, worked out once per map read: a card
// whose fields did not change since the last read keeps its folded text.
type cardIndex struct {
	m    *data.Map
	n    int
	text map[int64]cardText
}

type cardText struct {
	title, notes, channel, tags string // as the card had them
	folded                      string
}

// update brings the index in line with m (nothing to do when m is the map it was built for).
func (x *cardIndex) update(m *data.Map) {
	if x.m == m && x.n == len(m.Cards) {
		return
	}
	text := make(map[int64]cardText, len(m.Cards))
	for i := range m.Cards {
		c := &m.Cards[i]
		tags := strings.Join(c.Tags, "\n")
		old, ok := x.text[c.ID]
		if !ok || old.title != c.Title || old.notes != c.Notes || old.channel != c.Channel || old.tags != tags {
			old = cardText{title: c.Title, notes: c.Notes, channel: c.Channel, tags: tags,
				folded: find.Join(c.Title, c.Notes, c.Channel, tags)}
		}
		text[c.ID] = old
	}
	x.m, x.n, x.text = m, len(m.Cards), text
}

// ---- the field ----

// findEntry is the bar's field: Enter finds the next hit, Shift+Enter the previous one, Esc
// closes the bar, Ctrl+F selects the query.
type findEntry struct {
	widget.Entry
	f     *finder
	shift bool // a Shift key is down
}

func newFindEntry(f *finder) *findEntry {
	e := &findEntry{f: f}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey steps through the hits on Enter and closes the bar on Esc.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		shift := e.shift
		if d, ok := fyne.CurrentApp().Driver().(interface{ CurrentKeyModifiers() fyne.KeyModifier }); ok {
			shift = shift || d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
		}
		if shift {
			e.f.step(-1)
		} else {
			e.f.step(1)
		}
	case fyne.KeyEscape:
		e.f.close()
	default:
		e.Entry.TypedKey(k)
	}
}

// KeyDown notes Shift for Shift+Enter.
func (e *findEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp notes the release of Shift.
func (e *findEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// TypedShortcut takes Ctrl+F (select the query); the rest go to the field.
func (e *findEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.KeyName == fyne.KeyF && cs.Modifier == fyne.KeyModifierShortcutDefault {
		e.f.open()
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost forgets Shift: its release may go elsewhere.
func (e *findEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}

// ---- on the board ----

// hitColour is the outline of a search hit: amber, apart from the selection's blue, in both
// themes.
func hitColour(boardTheme string) color.NRGBA {
	if boardTheme == themeDark {
		return color.NRGBA{R: 0xff, G: 0xc4, B: 0x3d, A: 0xff}
	}
	return color.NRGBA{R: 0xf0, G: 0x9a, B: 0x00, A: 0xff}
}

// updateHit shows or hides the card's search outline; it repaints only when that changed.
func (v *cardView) updateHit() {
	if v.hitMark == nil {
		return
	}
	want := color.NRGBA{}
	if v.b.hits[v.id] {
		want = hitColour(v.b.theme)
	}
	if v.hitMark.StrokeColor == color.Color(want) {
		return
	}
	v.hitMark.StrokeColor = want
	if want.A != 0 {
		v.hitMark.StrokeWidth = 3
		v.hitMark.FillColor = color.NRGBA{R: want.R, G: want.G, B: want.B, A: 0x24}
		v.hitMark.Show()
	} else {
		v.hitMark.StrokeWidth = 0
		v.hitMark.FillColor = color.Transparent
		v.hitMark.Hide()
	}
	v.hitMark.Refresh()
}

func newHitMark() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeColor = color.NRGBA{}
	r.Hide()
	return r
}

// placeHitMark puts the search outline just outside the card (and outside its selection
// outline).
func (v *cardView) placeHitMark() {
	const gap = 4
	v.hitMark.CornerRadius = v.outline.CornerRadius + gap
	v.hitMark.Move(fyne.NewPos(-gap, -gap))
	v.hitMark.Resize(fyne.NewSize(float32(v.box.Rect.W)+2*gap, float32(v.box.Rect.H)+2*gap))
}

// reveal scrolls the board so that r shows whole: it is centred in the view when any of it is
// hidden (under the pinned stage and lane headers counts as hidden).
func (b *Board) reveal(r geometry.Rect) {
	if b.scroll == nil || b.lay == nil {
		return
	}
	view := b.scroll.Size()
	if view.Width <= 0 || view.Height <= 0 {
		return
	}
	off := b.scroll.Offset
	top, left := 0.0, 0.0
	if len(b.lay.Stages) > 0 {
		top = b.lay.Stages[0].Header.H
	}
	if len(b.lay.Lanes) > 0 {
		left = b.lay.Lanes[0].Header.W
	}
	x0, y0 := float64(off.X)+left, float64(off.Y)+top
	x1, y1 := float64(off.X+view.Width), float64(off.Y+view.Height)
	if r.X >= x0 && r.Y >= y0 && r.Right() <= x1 && r.Bottom() <= y1 {
		return
	}
	clamp := func(v, hi float64) float32 { return float32(max(0, min(v, hi))) }
	size := b.MinSize()
	to := fyne.NewPos(
		clamp(r.X+r.W/2-float64(view.Width)/2, float64(size.Width-view.Width)),
		clamp(r.Y+r.H/2-float64(view.Height)/2, float64(size.Height-view.Height)))
	b.scrollToOffset(to)
}
