package canvas

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// Right-click menus: on a card, a cell, a stage or lane header, a point of the emotion curve
// and the empty board. The Menu key and Shift+F10 open the menu of the selection. Every item
// runs the same command as the menus, toolbar and inspector.

// showMenu pops a menu up at a board position.
func (b *Board) showMenu(items []*fyne.MenuItem, at fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil || len(items) == 0 {
		return
	}
	b.lastMenu = fyne.NewMenu("", items...)
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(at)
	widget.ShowPopUpMenuAtPosition(b.lastMenu, c, abs)
}

// TappedSecondary opens the menu of the card under the pointer, selecting it first unless it
// is part of the selection.
func (v *cardView) TappedSecondary(e *fyne.PointEvent) {
	b := v.b
	b.commitTitle()
	if !b.isSelected(v.id) {
		b.selectOne(selCard, v.id)
	}
	b.showMenu(b.cardMenu(v.id), v.Position().Add(e.Position))
}

// TappedSecondary opens the stage's or lane's menu.
func (h *headerView) TappedSecondary(e *fyne.PointEvent) {
	if h.auto {
		return
	}
	b := h.b
	b.commitTitle()
	if h.stage {
		b.selectOne(selStage, h.id)
		b.showMenu(b.stageMenu(h.id), h.Position().Add(e.Position))
	} else {
		b.selectOne(selLane, h.id)
		b.showMenu(b.laneMenu(h.id), h.Position().Add(e.Position))
	}
}

// TappedSecondary opens the menu of a curve point, a cell, or the empty board.
func (b *Board) TappedSecondary(e *fyne.PointEvent) {
	b.commitTitle()
	b.pointer, b.pointerIn = e.Position, true
	if i, ok := b.curvePointAt(e.Position); ok {
		q := b.lay.Curve.Points[i]
		if q.CardID != 0 {
			b.selectOne(selCard, q.CardID)
			b.showMenu(b.pointMenu(q.CardID), e.Position)
			return
		}
	}
	if b.lay != nil && b.m != nil {
		if stageID, laneID, at, ok := b.lay.CellAt(float64(e.Position.X), float64(e.Position.Y)); ok {
			b.showMenu(b.cellMenu(stageID, laneID, at), e.Position)
			return
		}
	}
	b.showMenu(b.boardMenu(), e.Position)
}

// menuOfSelection opens the menu of what is selected, at it (the Menu key, Shift+F10).
func (b *Board) menuOfSelection() {
	if b.lay == nil || b.m == nil {
		return
	}
	s := b.sel
	switch s.kind {
	case selCard:
		id := s.cards[len(s.cards)-1]
		if cb := b.lay.Card(id); cb != nil {
			b.scrollTo(cb.Rect)
			b.showMenu(b.cardMenu(id), fyne.NewPos(float32(cb.Rect.X+cb.Rect.W/2), float32(cb.Rect.Bottom())))
			return
		}
	case selStage:
		for _, h := range b.stageHeads {
			if h.id == s.id {
				b.showMenu(b.stageMenu(s.id), h.Position().Add(fyne.NewPos(16, float32(h.rect.H))))
				return
			}
		}
	case selLane:
		for _, h := range b.laneHeads {
			if h.id == s.id {
				b.showMenu(b.laneMenu(s.id), h.Position().Add(fyne.NewPos(float32(h.rect.W), 16)))
				return
			}
		}
	}
	off := b.scroll.Offset
	b.showMenu(b.boardMenu(), off.Add(fyne.NewPos(40, 40)))
}

// isCurveLane reports whether a lane is the one the emotion curve is drawn over.
func (b *Board) isCurveLane(laneID int64) bool {
	return b.lay != nil && b.lay.Curve != nil && b.lay.Curve.LaneID == laneID
}

// u is the window around the board.
func (b *Board) ui() *ui {
	u, _ := b.host.(*ui)
	return u
}

func (b *Board) cardMenu(id int64) []*fyne.MenuItem {
	u := b.ui()
	c := b.m.Card(id)
	if u == nil || c == nil {
		return nil
	}
	ro := b.readOnly()
	item := func(label string, fn func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, fn)
		it.Disabled = ro
		return it
	}
	edit := item(lang.L("Edit title"), func() { b.editTitle(id) })
	notes := item(lang.L("Edit notes"), func() {
		if u.panels != nil && !u.panels.insp.Visible() {
			u.toggleInspector()
		}
		u.focusField(lang.L("Notes"))
	})
	colour := item(lang.L("Colour"), nil)
	colour.ChildMenu = fyne.NewMenu("", b.colourItems(c.Colour, func(hex string) {
		b.updateCards(func(c *data.Card) { c.Colour = hex })
	})...)
	score := item(lang.L("Emotion score"), nil)
	score.ChildMenu = fyne.NewMenu("", b.scoreItems(c)...)
	mark := func(label string, on bool, set func(*data.Card, bool)) *fyne.MenuItem {
		it := item(label, func() { b.updateCards(func(c *data.Card) { set(c, !on) }) })
		it.Checked = on
		return it
	}
	pain := mark(lang.L("Pain point"), c.Pain, func(c *data.Card, v bool) { c.Pain = v })
	opp := mark(lang.L("Opportunity"), c.Opportunity, func(c *data.Card, v bool) { c.Opportunity = v })
	mot := mark(lang.L("Moment of truth"), c.MomentOfTruth, func(c *data.Card, v bool) { c.MomentOfTruth = v })
	dup := item(lang.L("Duplicate"), u.duplicate)
	cp := fyne.NewMenuItem(lang.L("Copy"), u.copy)
	link := item(lang.L("Link to…"), func() { u.linkDialog(id) })
	del := item(lang.L("Delete"), u.deleteSelection)
	comment := item(lang.L("Comment…"), func() { u.commentOn(data.OnCard, id) })
	return []*fyne.MenuItem{edit, notes, colour, score, fyne.NewMenuItemSeparator(), pain, opp, mot,
		fyne.NewMenuItemSeparator(), comment, fyne.NewMenuItemSeparator(), dup, cp, link, fyne.NewMenuItemSeparator(), del}
}

// colourItems are the named colours and "No colour", the current one ticked.
func (b *Board) colourItems(current string, set func(hex string)) []*fyne.MenuItem {
	none := fyne.NewMenuItem(lang.L("No colour"), func() { set("") })
	none.Checked = current == ""
	items := []*fyne.MenuItem{none}
	for _, nc := range geometry.CardColours {
		nc := nc
		it := fyne.NewMenuItem(tr(nc.Key), func() { set(nc.Hex) })
		it.Checked = strings.EqualFold(strings.TrimSpace(current), nc.Hex)
		items = append(items, it)
	}
	return items
}

// scoreItems are the scale's steps, named as the curve names them, and "No score".
func (b *Board) scoreItems(c *data.Card) []*fyne.MenuItem {
	sc := b.m.Scale
	var items []*fyne.MenuItem
	for s := sc.Max; s >= sc.Min; s-- {
		v := float64(s)
		it := fyne.NewMenuItem(b.stepText(v), func() { b.updateCards(func(c *data.Card) { c.Emotion = &v }) })
		it.Checked = c.Emotion != nil && math.Abs(*c.Emotion-v) < 1e-9
		items = append(items, it)
	}
	none := fyne.NewMenuItem(lang.L("No score"), func() { b.updateCards(func(c *data.Card) { c.Emotion = nil }) })
	none.Checked = c.Emotion == nil
	return append(items, fyne.NewMenuItemSeparator(), none)
}

// stepText writes a whole score with the name the curve gives its step ("+1 Tốt").
func (b *Board) stepText(s float64) string {
	cv := &geometry.CurveBox{Scale: b.m.Scale} // a map without a curve yet names its steps too
	if b.lay.Curve != nil {
		cv = b.lay.Curve
	}
	return b.scoreText(cv, s)
}

// updateCards changes every selected card the same way, as one undoable edit each.
func (b *Board) updateCards(change func(*data.Card)) {
	ids := b.selectedCards()
	st := b.host.store()
	b.host.apply(func() error {
		for _, id := range ids {
			if b.m.Card(id) == nil {
				continue
			}
			if err := st.EditCard(b.m.ID, id, change); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *Board) pointMenu(cardID int64) []*fyne.MenuItem {
	c := b.m.Card(cardID)
	if c == nil {
		return nil
	}
	items := b.scoreItems(c)
	mot := fyne.NewMenuItem(lang.L("Moment of truth"), func() {
		b.updateCards(func(c *data.Card) { c.MomentOfTruth = !c.MomentOfTruth })
	})
	mot.Checked = c.MomentOfTruth
	edit := fyne.NewMenuItem(lang.L("Edit title"), func() { b.editTitle(cardID) })
	if b.readOnly() {
		for _, it := range items {
			it.Disabled = true
		}
		mot.Disabled, edit.Disabled = true, true
	}
	return append(items, fyne.NewMenuItemSeparator(), mot, edit)
}

func (b *Board) cellMenu(stageID, laneID int64, at int) []*fyne.MenuItem {
	u := b.ui()
	if u == nil {
		return nil
	}
	if b.isCurveLane(laneID) {
		return b.boardMenu() // the curve covers the emotion lane's cells: no cards go there
	}
	add := fyne.NewMenuItem(lang.L("Add card here"), func() { b.addCard(stageID, laneID, at) })
	paste := fyne.NewMenuItem(lang.L("Paste here"), func() { u.pasteInto(stageID, laneID, at) })
	add.Disabled = b.readOnly()
	paste.Disabled = b.readOnly() || len(u.clip) == 0
	items := []*fyne.MenuItem{add, paste, fyne.NewMenuItemSeparator()}
	for _, it := range b.boardMenu() {
		if it.Label != lang.L("Paste") { // "Paste here" says it for a cell
			items = append(items, it)
		}
	}
	return items
}

func (b *Board) boardMenu() []*fyne.MenuItem {
	u := b.ui()
	if u == nil {
		return nil
	}
	stage := fyne.NewMenuItem(lang.L("Add stage"), u.addStage)
	laneIt := fyne.NewMenuItem(lang.L("Add lane"), u.addLane)
	paste := fyne.NewMenuItem(lang.L("Paste"), u.paste)
	fit := fyne.NewMenuItem(lang.L("Fit"), func() { u.setZoom(b.fitZoom()) })
	comment := fyne.NewMenuItem(lang.L("Comment on the map…"), func() { u.commentOn(data.OnMap, u.mapID) })
	stage.Disabled, laneIt.Disabled = b.readOnly(), b.readOnly()
	paste.Disabled = b.readOnly() || len(u.clip) == 0
	return []*fyne.MenuItem{stage, laneIt, paste, fyne.NewMenuItemSeparator(), comment, fyne.NewMenuItemSeparator(), fit}
}

func (b *Board) stageMenu(id int64) []*fyne.MenuItem {
	u := b.ui()
	st := b.m.Stage(id)
	if u == nil || st == nil {
		return nil
	}
	ro := b.readOnly()
	rename := fyne.NewMenuItem(lang.L("Rename"), func() { u.editName(selStage, id) })
	colour := fyne.NewMenuItem(lang.L("Colour"), nil)
	colour.ChildMenu = fyne.NewMenu("", b.colourItems(st.Colour, func(hex string) {
		ns := *b.m.Stage(id)
		ns.Colour = hex
		b.host.apply(func() error { return b.host.store().UpdateStage(ns) })
	})...)
	before := fyne.NewMenuItem(lang.L("Insert stage before"), func() { u.insertStage(st.Position) })
	after := fyne.NewMenuItem(lang.L("Insert stage after"), func() { u.insertStage(st.Position + 1) })
	metrics := fyne.NewMenuItem(lang.L("Metrics…"), func() { u.focusField(lang.L("Metrics")) })
	del := fyne.NewMenuItem(lang.L("Delete stage"), u.deleteSelection)
	comment := fyne.NewMenuItem(lang.L("Comment…"), func() { u.commentOn(data.OnStage, id) })
	for _, it := range []*fyne.MenuItem{rename, colour, before, after, metrics, del} {
		it.Disabled = ro
	}
	return []*fyne.MenuItem{rename, colour, fyne.NewMenuItemSeparator(), before, after,
		fyne.NewMenuItemSeparator(), metrics, comment, fyne.NewMenuItemSeparator(), del}
}

func (b *Board) laneMenu(id int64) []*fyne.MenuItem {
	u := b.ui()
	l := b.m.Lane(id)
	if u == nil || l == nil {
		return nil
	}
	ro := b.readOnly()
	rename := fyne.NewMenuItem(lang.L("Rename"), func() { u.editName(selLane, id) })
	kind := fyne.NewMenuItem(lang.L("Kind"), nil)
	var kinds []*fyne.MenuItem
	for _, k := range data.LaneKinds {
		k := k
		it := fyne.NewMenuItem(tr(laneKindKey(k)), func() {
			nl := *b.m.Lane(id)
			nl.Kind = k
			b.host.apply(func() error { return b.host.store().UpdateLane(nl) })
		})
		it.Checked = k == l.Kind
		kinds = append(kinds, it)
	}
	kind.ChildMenu = fyne.NewMenu("", kinds...)
	above := fyne.NewMenuItem(lang.L("Insert lane above"), func() { u.insertLane(l.Position) })
	below := fyne.NewMenuItem(lang.L("Insert lane below"), func() { u.insertLane(l.Position + 1) })
	del := fyne.NewMenuItem(lang.L("Delete lane"), u.deleteSelection)
	for _, it := range []*fyne.MenuItem{rename, kind, above, below, del} {
		it.Disabled = ro
	}
	return []*fyne.MenuItem{rename, kind, fyne.NewMenuItemSeparator(), above, below,
		fyne.NewMenuItemSeparator(), del}
}

// focusField puts the keyboard in a field of the inspector, its text selected.
func (u *ui) focusField(label string) {
	obj, ok := u.insp.fields[label]
	if !ok {
		return
	}
	if f, ok := obj.(*field); ok {
		u.win.Canvas().Focus(f)
		f.TypedShortcut(&fyne.ShortcutSelectAll{})
		return
	}
	if fo, ok := obj.(fyne.Focusable); ok {
		u.win.Canvas().Focus(fo)
	}
}

// linkDialog links a card to another one chosen from the map's cards.
func (u *ui) linkDialog(from int64) {
	if u.m == nil {
		return
	}
	var ids []int64
	var titles []string
	for _, cb := range u.board.lay.Cards {
		if cb.ID == from {
			continue
		}
		c := u.m.Card(cb.ID)
		st := u.m.Stage(c.StageID)
		name := ""
		if st != nil {
			name = st.Name + " · "
		}
		ids = append(ids, cb.ID)
		titles = append(titles, name+c.Title)
	}
	var pop *widget.PopUp
	pick := func(i int) {
		pop.Hide()
		if i >= 0 && i < len(ids) {
			u.apply(func() error { _, err := u.st.AddLink(dataLink(u.mapID, from, ids[i])); return err })
		}
	}
	list := widget.NewList(func() int { return len(titles) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(titles[i]) })
	list.OnSelected = func(i widget.ListItemID) { pick(i) }
	cancel := widget.NewButton(lang.L("Cancel"), func() { pop.Hide() })
	head := widget.NewLabelWithStyle(lang.L("Choose a card"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box := container.NewBorder(head, container.NewHBox(layout.NewSpacer(), cancel), nil, nil, list)
	pop = widget.NewModalPopUp(box, u.win.Canvas())
	pop.Resize(fyne.NewSize(420, 420))
	pop.Show()
	u.linkPop = pop
	u.linkPick = pick
}

// The board, its cards and headers answer a right-click (the driver asks for this interface).
var (
	_ fyne.SecondaryTappable = (*Board)(nil)
	_ fyne.SecondaryTappable = (*cardView)(nil)
	_ fyne.SecondaryTappable = (*headerView)(nil)
)
