package canvas

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
)

// nameEditor edits the name of a stage or lane just added, in place over its header (as
// titleedit.go does for a card's title): the default name is selected, so typing replaces
// it; Enter saves, Esc keeps the default name, and leaving the field saves.
type nameEditor struct {
	widget.Entry
	u    *ui
	kind selKind // selStage or selLane
	id   int64
	done bool
}

func newNameEditor(u *ui) *nameEditor {
	e := &nameEditor{u: u, done: true}
	e.ExtendBaseWidget(e)
	e.Hide()
	return e
}

// TypedKey saves on Enter and keeps the default name on Esc.
func (e *nameEditor) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.u.commitName()
	case fyne.KeyEscape:
		e.u.cancelName()
	default:
		e.Entry.TypedKey(k)
	}
}

// FocusLost saves the name.
func (e *nameEditor) FocusLost() {
	e.Entry.FocusLost()
	e.u.commitName()
}

// showNew shows what was just added: selected, scrolled into view, and, for a stage or a
// lane, its name open for typing.
func (u *ui) showNew(k selKind, id int64) {
	b := u.board
	b.selectOne(k, id)
	if b.lay == nil {
		return
	}
	var r geometry.Rect
	switch k {
	case selStage:
		for _, s := range b.lay.Stages {
			if s.ID == id {
				r = s.Header
			}
		}
	case selLane:
		for _, l := range b.lay.Lanes {
			if l.ID == id {
				r = l.Header
			}
		}
	case selCard:
		if cb := b.lay.Card(id); cb != nil {
			r = cb.Rect
		}
	}
	if r.W <= 0 {
		return
	}
	u.scrollIntoView(r)
	if k == selStage || k == selLane {
		u.editName(k, id)
	}
}

// scrollIntoView scrolls the board the least that brings r (in board units) into the view,
// with a margin; the left and top of r win when it is larger than the view.
func (u *ui) scrollIntoView(r geometry.Rect) {
	sc := u.board.scroll
	off, view := sc.Offset, sc.Size()
	const margin = 24
	into := func(o, lo, hi, size float32) float32 {
		if hi+margin > o+size {
			o = hi + margin - size
		}
		if lo-margin < o {
			o = lo - margin
		}
		return max(0, o)
	}
	x := into(off.X, float32(r.X), float32(r.Right()), view.Width)
	y := into(off.Y, float32(r.Y), float32(r.Bottom()), view.Height)
	sc.ScrollToOffset(fyne.NewPos(x, y))
	u.board.cull()
}

// headerOf is the header view of a stage or lane on the board.
func (u *ui) headerOf(k selKind, id int64) *headerView {
	heads := u.board.laneHeads
	if k == selStage {
		heads = u.board.stageHeads
	}
	for _, h := range heads {
		if h.id == id && !h.auto {
			return h
		}
	}
	return nil
}

// editName opens the name editor over the header of a stage or lane.
func (u *ui) editName(k selKind, id int64) {
	if u.m == nil || u.st.ReadOnly() {
		return
	}
	name := ""
	switch k {
	case selStage:
		if s := u.m.Stage(id); s != nil {
			name = s.Name
		}
	case selLane:
		if l := u.m.Lane(id); l != nil {
			name = l.Name
		}
	}
	if u.headerOf(k, id) == nil {
		return
	}
	u.commitName()
	e := u.names
	e.kind, e.id, e.done = k, id, false
	e.SetText(name)
	e.Show()
	u.placeName()
	if c := u.win.Canvas(); c != nil {
		c.Focus(e)
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// placeName puts the name editor over its header, wherever the board has scrolled.
func (u *ui) placeName() {
	e := u.names
	if e == nil || e.done {
		return
	}
	h := u.headerOf(e.kind, e.id)
	if h == nil {
		u.cancelName()
		return
	}
	pos := u.boardInWindow(h.Position())
	size := fyne.NewSize(max(h.Size().Width, 160), max(e.MinSize().Height, min(h.Size().Height, 48)))
	if e.kind == selLane {
		size.Width = max(h.Size().Width, 200)
	}
	e.Move(pos)
	e.Resize(size)
}

// commitName saves the name being typed, if any (an empty name keeps the old one).
func (u *ui) commitName() {
	e := u.names
	if e == nil || e.done {
		return
	}
	e.done = true
	e.Hide()
	name := strings.TrimSpace(e.Text)
	if name == "" || u.m == nil {
		return
	}
	switch e.kind {
	case selStage:
		if s := u.m.Stage(e.id); s != nil && s.Name != name {
			ns := *s
			ns.Name = name
			u.apply(func() error { return u.st.UpdateStage(ns) })
		}
	case selLane:
		if l := u.m.Lane(e.id); l != nil && l.Name != name {
			nl := *l
			nl.Name = name
			u.apply(func() error { return u.st.UpdateLane(nl) })
		}
	}
}

// cancelName closes the name editor and keeps the name as it was.
func (u *ui) cancelName() bool {
	e := u.names
	if e == nil || e.done {
		return false
	}
	e.done = true
	e.Hide()
	u.win.Canvas().Unfocus()
	return true
}

// frame is the window's content under the float layer: toolbar, panels, board.
func (u *ui) frame() *fyne.Container { return u.content.Objects[0].(*fyne.Container) }

// boardInWindow turns a point of the board into a point of the window's content (and of the
// float layer over it), through the containers that hold the board, as they are laid out.
func (u *ui) boardInWindow(p fyne.Position) fyne.Position {
	sc := u.board.scroll
	return p.Subtract(sc.Offset).Add(sc.Position()).Add(u.body.Position()).Add(u.outer.Position()).Add(u.panes.Position()).Add(u.frame().Position())
}

// toolbarInWindow is where an object of the toolbar is in the window's content.
func (u *ui) toolbarInWindow(o fyne.CanvasObject) fyne.Position {
	p := o.Position().Add(u.toolbar.Position())
	for _, c := range u.frame().Objects {
		if box, ok := c.(*fyne.Container); ok && len(box.Objects) > 0 && box.Objects[0] == u.toolbar {
			p = p.Add(box.Position())
		}
	}
	return p.Add(u.frame().Position())
}
