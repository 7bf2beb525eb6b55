package canvas

import (
	"errors"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

func dataLink(mapID, from, to int64) data.Link {
	return data.Link{MapID: mapID, FromID: from, ToID: to}
}

// titleEditor edits a card's title in place, over the card: Enter and Tab save, Shift+Enter
// breaks the line, Esc cancels, and leaving the field saves.
type titleEditor struct {
	widget.Entry
	b      *Board
	cardID int64
	done   bool
	// fresh is set for a card just added: its title starts empty, adding and titling it is one
	// undo step (the store's edit group), and leaving it untitled removes it without a trace.
	fresh bool
	group string // the edit group the card was added in
	wrap  wrapTyping
}

func newTitleEditor(b *Board) *titleEditor {
	e := &titleEditor{b: b}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// newCards counts the cards added, to name their edit groups.
var newCards int

// TypedKey saves on Enter and on Tab, and cancels on Esc.
func (e *titleEditor) TypedKey(k *fyne.KeyEvent) {
	if e.wrap.typeKey(&e.Entry, k) {
		return
	}
	switch k.Name {
	case fyne.KeyTab: // a title holds no tab: Tab leaves it, saved, as in any form
		e.b.commitTitle()
	case fyne.KeyReturn, fyne.KeyEnter:
		if d, ok := fyne.CurrentApp().Driver().(interface{ CurrentKeyModifiers() fyne.KeyModifier }); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0 {
			e.Entry.TypedKey(k)
			return
		}
		e.b.commitTitle()
	case fyne.KeyEscape:
		if e.fresh && strings.TrimSpace(e.Text) != "" {
			e.b.commitTitle() // what was typed is kept
			return
		}
		e.b.cancelTitle()
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedRune types r where the cursor is (wrapTyping).
func (e *titleEditor) TypedRune(r rune) { e.wrap.typeRune(&e.Entry, r) }

// FocusLost saves the title.
func (e *titleEditor) FocusLost() {
	e.Entry.FocusLost()
	e.b.commitTitle()
}

// editTitle opens the in-place editor on a card's title, the title selected so that typing
// replaces it.
func (b *Board) editTitle(id int64) {
	b.openTitle(id, false, "")
}

// openTitle opens the editor; fresh is a card just added in the edit group named group.
func (b *Board) openTitle(id int64, fresh bool, group string) {
	if b.readOnly() {
		b.host.refuseReadOnly()
		return
	}
	c := b.m.Card(id)
	if c == nil || b.cards[id] == nil {
		return
	}
	b.commitTitle()
	if !b.isSelected(id) || len(b.sel.cards) != 1 {
		b.selectOne(selCard, id) // the inspector shows the card whose title is being typed
	}
	b.title.cardID = id
	b.title.done = false
	b.title.fresh, b.title.group = fresh, group
	b.title.SetText(c.Title)
	b.title.SetPlaceHolder(lang.L("Type a title…"))
	b.placeTitleEditor()
	b.title.Show()
	if cv := fyne.CurrentApp().Driver().CanvasForObject(b); cv != nil {
		cv.Focus(b.title)
	}
	if c.Title != "" {
		b.title.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

func (b *Board) placeTitleEditor() {
	v := b.cards[b.title.cardID]
	if v == nil {
		b.title.Hide()
		return
	}
	r := v.box.Rect
	h := max(float32(r.H), b.title.MinSize().Height*1.6, 64)
	b.title.Move(fyne.NewPos(float32(r.X)-4, float32(r.Y)-4))
	b.title.Resize(fyne.NewSize(max(float32(r.W)+8, 180), h+8))
}

// commitTitle saves the title being edited, if any.
func (b *Board) commitTitle() {
	e := b.title
	if e == nil || !e.Visible() || e.done {
		return
	}
	if b.host.isOffline() {
		return // the editor stays open with its text until the server is back
	}
	e.done = true
	e.Hide()
	c := b.m.Card(e.cardID)
	if c == nil {
		return
	}
	text := strings.TrimSpace(e.Text)
	if e.fresh {
		if err := b.finishNewCard(c, text); errors.Is(err, data.ErrUnreachable) {
			e.fresh = true
			b.keepTitle(e)
		}
		return
	}
	if text == c.Title {
		return
	}
	err := b.host.apply(func() error {
		return b.host.store().EditCard(c.MapID, c.ID, func(nc *data.Card) { nc.Title = text })
	})
	if errors.Is(err, data.ErrUnreachable) {
		b.keepTitle(e)
	}
}

// keepTitle opens the title editor again, as it was, after its save found the workspace's
// server out of reach: the text is saved when the server is back.
func (b *Board) keepTitle(e *titleEditor) {
	e.done = false
	e.Show()
}

// finishNewCard titles a card just added, in the group it was added in, so that adding and
// titling it is one undo step; with no title it is removed and leaves no trace.
func (b *Board) finishNewCard(c *data.Card, text string) error {
	st := b.host.store()
	e := b.title
	e.fresh = false
	st.SetEditGroup(e.group)
	defer st.SetEditGroup("")
	if text == "" {
		return b.host.apply(func() error { return st.DeleteCards(c.MapID, []int64{c.ID}) })
	}
	return b.host.apply(func() error { return st.EditCard(c.MapID, c.ID, func(nc *data.Card) { nc.Title = text }) })
}

// cancelTitle closes the editor without saving.
func (b *Board) cancelTitle() bool {
	e := b.title
	if e == nil || !e.Visible() || e.done {
		return false
	}
	e.done = true
	e.Hide()
	if cv := fyne.CurrentApp().Driver().CanvasForObject(b); cv != nil {
		cv.Unfocus()
	}
	if e.fresh {
		if c := b.m.Card(e.cardID); c != nil {
			b.finishNewCard(c, "") // Esc on a card just added and untitled: it goes
		}
	}
	return true
}

// hoverTip shows the whole title of a card that is too long to show whole.
type hoverTip struct {
	box   *fyne.Container
	bg    *canvas.Rectangle
	lines *fyne.Container
}

func newHoverTip() *hoverTip {
	t := &hoverTip{bg: canvas.NewRectangle(color.Transparent), lines: container.NewWithoutLayout()}
	t.bg.CornerRadius = 6
	t.box = container.NewWithoutLayout(t.bg, t.lines)
	t.box.Hide()
	return t
}

func (t *hoverTip) show(text string, card geometry.Rect, pal geometry.Palette, zoom float64) {
	const pad, size, lineH = 10.0, 13.0, 18.0
	w := max(card.W/zoom, 260)
	lines, _ := geometry.Wrap(text, w-2*pad, size, false, 0)
	t.lines.Objects = t.lines.Objects[:0]
	y := pad
	for _, s := range lines {
		l := geometry.TextLine{Text: s, X: pad, Y: y + geometry.Baseline(lineH, size, false), W: geometry.TextWidth(s, size, false), Size: size}
		txt := newLineText(l, pal.Text)
		placeLineText(txt, l, 0, 0)
		t.lines.Objects = append(t.lines.Objects, txt)
		y += lineH
	}
	h := y + pad
	t.bg.FillColor = pal.CardFill
	t.bg.StrokeColor = pal.Grid
	t.bg.StrokeWidth = 1
	t.bg.Resize(fyne.NewSize(float32(w), float32(h)))
	t.box.Move(fyne.NewPos(float32(card.X), float32(card.Bottom()+4)))
	t.box.Resize(fyne.NewSize(float32(w), float32(h)))
	t.box.Show()
	t.box.Refresh()
}

func (t *hoverTip) hide() {
	if t.box.Visible() {
		t.box.Hide()
	}
}
