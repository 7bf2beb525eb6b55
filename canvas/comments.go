package canvas

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// commentsPanel lists the map's comment threads beside the board (a tab of the right-hand
// panel): each names what it is on (a click there selects it on the board), its comments
// with author and time, and Reply, Resolve or Reopen, Delete. Under the list a box writes a
// new comment on what is selected (a card, a stage, else the map) or a reply.
type commentsPanel struct {
	u        *ui
	box      *fyne.Container
	list     *fyne.Container
	scroll   *container.Scroll
	resolved *widget.Check // show resolved threads too
	onLbl    *widget.Label // what the next comment goes on
	cancel   *widget.Button
	entry    *commentEntry
	send     *widget.Button
	tab      *container.TabItem
	tabs     *container.AppTabs

	onKind  string // data.OnMap, OnStage or OnCard: what a new thread goes on
	onID    int64
	replyTo int64 // the thread a reply goes to; 0 for a new thread
	editing int64 // the user's own comment the box rewrites; 0 when it writes a new one
	waiting bool  // the box's text was sent while the server was out of reach: send it when back
	chosen  bool  // onKind/onID were chosen with "Comment…", not by the selection
}

// commentEntry is the box a comment is typed in: Enter starts a new line, Ctrl+Enter sends.
type commentEntry struct {
	widget.Entry
	send func()
	wrap wrapTyping
}

// TypedRune types r where the cursor is (wrapTyping).
func (e *commentEntry) TypedRune(r rune) { e.wrap.typeRune(&e.Entry, r) }

// TypedKey mends Backspace after a space that wrapped; other keys are the entry's.
func (e *commentEntry) TypedKey(k *fyne.KeyEvent) {
	if !e.wrap.typeKey(&e.Entry, k) {
		e.Entry.TypedKey(k)
	}
}

func newCommentEntry(send func()) *commentEntry {
	e := &commentEntry{send: send}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut sends on Ctrl+Enter (Cmd+Enter on macOS); other shortcuts are the entry's.
func (e *commentEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		cs.Modifier&fyne.KeyModifierShortcutDefault != 0 {
		e.send()
		return
	}
	e.Entry.TypedShortcut(s)
}

func newCommentsPanel(u *ui) *commentsPanel {
	p := &commentsPanel{u: u, onKind: data.OnMap}
	p.list = container.NewVBox()
	p.scroll = container.NewVScroll(p.list)
	p.resolved = widget.NewCheck(lang.L("Show resolved"), func(bool) { p.refresh() })
	p.onLbl = widget.NewLabel("")
	p.onLbl.Wrapping = fyne.TextWrapWord
	p.onLbl.TextStyle.Italic = true
	p.cancel = widget.NewButtonWithIcon("", theme.CancelIcon(), p.stopReply)
	p.cancel.Importance = widget.LowImportance
	p.cancel.Hide()
	p.entry = newCommentEntry(p.post)
	p.entry.SetPlaceHolder(lang.L("Write a comment… (Ctrl+Enter sends)"))
	p.entry.SetMinRowsVisible(3)
	p.send = widget.NewButtonWithIcon(lang.L("Comment"), theme.MailSendIcon(), p.post)
	p.send.Importance = widget.HighImportance
	composer := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, p.cancel, p.onLbl),
		p.entry, container.NewHBox(layout.NewSpacer(), p.send))
	p.box = container.NewBorder(p.resolved, composer, nil, nil, p.scroll)
	return p
}

// refresh shows the map's threads again and what a new comment goes on.
func (p *commentsPanel) refresh() {
	u := p.u
	p.list.Objects = nil
	m := u.m
	open := 0
	if m != nil {
		for _, t := range m.Threads() {
			if t.Open() {
				open++
			}
			if t.Open() || p.resolved.Checked {
				p.list.Objects = append(p.list.Objects, p.threadView(t))
			}
		}
		if p.replyTo != 0 && p.thread(p.replyTo) == nil {
			p.replyTo = 0
		}
		if p.editing != 0 && m.Comment(p.editing) == nil {
			p.endEdit() // deleted meanwhile (by an undo, or by someone else)
		}
		if p.chosen && !m.HasTarget(p.onKind, p.onID) {
			p.chosen = false
		}
	}
	if len(p.list.Objects) == 0 {
		empty := widget.NewLabel(lang.L("No open comments. Right-click a card or a stage, or select one, to comment on it."))
		empty.Wrapping = fyne.TextWrapWord
		p.list.Objects = append(p.list.Objects, empty)
	}
	p.list.Refresh()
	if p.tab != nil {
		title := lang.L("Comments")
		if open > 0 {
			title = fmt.Sprintf("%s (%d)", title, open)
		}
		if p.tab.Text != title {
			p.tab.Text = title
			p.tabs.Refresh()
		}
	}
	p.follow()
}

// thread is the map's thread whose first comment is id, or nil.
func (p *commentsPanel) thread(id int64) *data.Thread {
	if p.u.m == nil {
		return nil
	}
	for _, t := range p.u.m.Threads() {
		if t.ID == id {
			return &t
		}
	}
	return nil
}

// follow sets what a new comment goes on from the board's selection (unless one was chosen
// with "Comment…"), and says it above the box.
func (p *commentsPanel) follow() {
	u := p.u
	if !p.chosen {
		p.onKind, p.onID = data.OnMap, u.mapID
		switch sel := u.board.sel; {
		case sel.kind == selCard && len(sel.cards) == 1:
			p.onKind, p.onID = data.OnCard, sel.cards[0]
		case sel.kind == selStage:
			p.onKind, p.onID = data.OnStage, sel.id
		}
	}
	ro := u.st.ReadOnly() || u.m == nil
	if ro {
		p.entry.Disable()
		p.send.Disable()
	} else {
		p.entry.Enable()
		p.send.Enable()
	}
	p.send.SetText(lang.L("Comment"))
	if p.editing != 0 {
		p.onLbl.SetText(lang.L("Edit your comment"))
		p.send.SetText(lang.L("Save"))
		p.cancel.Show()
		return
	}
	if p.replyTo != 0 {
		who := ""
		if t := p.thread(p.replyTo); t != nil {
			who = authorOf(t.Comment)
		}
		p.onLbl.SetText(fmt.Sprintf(lang.L("Reply to %s"), who))
		p.cancel.Show()
		return
	}
	p.cancel.Hide()
	if u.m == nil {
		p.onLbl.SetText("")
		return
	}
	p.onLbl.SetText(fmt.Sprintf(lang.L("On %s"), p.targetName(p.onKind, p.onID)))
}

// authorOf is who wrote a comment, for the panel.
func authorOf(c data.Comment) string {
	if c.Author == "" {
		return lang.L("Someone")
	}
	return c.Author
}

// targetName says what a thread is on: "card “Pay”", "stage “Buy”", "the map".
func (p *commentsPanel) targetName(kind string, id int64) string {
	m := p.u.m
	switch kind {
	case data.OnCard:
		if c := m.Card(id); c != nil {
			title := oneLineOf(c.Title)
			if title == "" {
				title = lang.L("Untitled")
			}
			return fmt.Sprintf(lang.L("card “%s”"), title)
		}
	case data.OnStage:
		if s := m.Stage(id); s != nil {
			return fmt.Sprintf(lang.L("stage “%s”"), oneLineOf(s.Name))
		}
	}
	return lang.L("the map")
}

// commentTime is when a comment was written, in the local time.
func commentTime(t time.Time) string {
	t = t.Local()
	if y, m, d := t.Date(); y == time.Now().Year() {
		return fmt.Sprintf("%02d/%02d %02d:%02d", d, int(m), t.Hour(), t.Minute())
	}
	return t.Format("02/01/2006 15:04")
}

// headingOf is a phrase made to start a heading: its first letter a capital ("Thẻ “…”").
func headingOf(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return string(unicode.ToUpper(r[0])) + string(r[1:])
}

// threadView is one thread: what it is on, its comments, and what can be done with it.
func (p *commentsPanel) threadView(t data.Thread) fyne.CanvasObject {
	u := p.u
	// What the thread is on, as a link to it on the board, cut to the panel's width.
	on := widget.NewHyperlink(headingOf(p.targetName(t.TargetKind, t.TargetID)), nil)
	on.Truncation = fyne.TextTruncateEllipsis
	on.TextStyle.Bold = true
	on.OnTapped = func() {
		k := selKind(0)
		switch t.TargetKind {
		case data.OnCard:
			k = selCard
		case data.OnStage:
			k = selStage
		}
		u.board.revealThing(k, t.TargetID)
	}
	items := []fyne.CanvasObject{on}
	me := u.authorName()
	add := func(c data.Comment) {
		var head fyne.CanvasObject = widget.NewLabelWithStyle(authorOf(c)+" · "+commentTime(c.Created), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if me != "" && c.Author == me && !u.st.ReadOnly() { // one's own words can be put better
			edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { p.startEdit(c) })
			edit.Importance = widget.LowImportance
			head = container.NewBorder(nil, nil, nil, edit, head)
		}
		body := widget.NewLabel(c.Text)
		body.Wrapping = fyne.TextWrapWord
		items = append(items, head, body)
	}
	add(t.Comment)
	for _, r := range t.Replies {
		add(r)
	}
	ro := u.st.ReadOnly()
	reply := widget.NewButton(lang.L("Reply"), func() { p.startReply(t.ID) })
	var state *widget.Button
	if t.Resolved {
		state = widget.NewButtonWithIcon(lang.L("Reopen"), theme.ViewRefreshIcon(), func() {
			u.apply(func() error { return u.st.ResolveThread(u.mapID, t.ID, false) })
		})
	} else {
		state = widget.NewButtonWithIcon(lang.L("Resolve"), theme.ConfirmIcon(), func() {
			u.apply(func() error { return u.st.ResolveThread(u.mapID, t.ID, true) })
		})
	}
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		u.apply(func() error { return u.st.DeleteComment(u.mapID, t.ID) })
	})
	del.Importance = widget.LowImportance
	for _, b := range []*widget.Button{reply, state, del} {
		if ro {
			b.Disable()
		}
	}
	items = append(items, container.NewHBox(reply, state, layout.NewSpacer(), del), widget.NewSeparator())
	if t.Resolved {
		items[0] = container.NewBorder(nil, nil, nil, widget.NewLabelWithStyle(lang.L("Resolved"), fyne.TextAlignTrailing, fyne.TextStyle{Italic: true}), on)
	}
	return container.NewVBox(items...)
}

// startReply makes the box below write a reply to thread id.
func (p *commentsPanel) startReply(id int64) {
	p.endEdit()
	p.replyTo = id
	p.follow()
	p.u.win.Canvas().Focus(p.entry)
}

// startEdit puts one of the user's own comments in the box below, to be rewritten.
func (p *commentsPanel) startEdit(c data.Comment) {
	p.editing, p.replyTo = c.ID, 0
	p.entry.SetText(c.Text)
	p.follow()
	p.u.win.Canvas().Focus(p.entry)
}

// endEdit leaves the rewriting of a comment, its text taken out of the box.
func (p *commentsPanel) endEdit() {
	if p.editing != 0 {
		p.editing = 0
		p.entry.SetText("")
	}
}

// stopReply makes the box write a new thread again.
func (p *commentsPanel) stopReply() {
	p.endEdit()
	p.replyTo = 0
	p.chosen = false
	p.follow()
}

// post writes the box's text as a new thread on what it says, or as the reply; the text is
// kept in the box when the store refuses it.
func (p *commentsPanel) post() {
	u := p.u
	text := strings.TrimSpace(p.entry.Text)
	if text == "" || u.m == nil {
		return
	}
	p.waiting = false
	if u.offline != nil { // kept in the box, and sent when the server is back (offline.go)
		p.waiting = true
		u.refuseOffline()
		return
	}
	if p.editing != 0 {
		id := p.editing
		if err := u.apply(func() error { return u.st.EditComment(u.mapID, id, text) }); err != nil {
			return
		}
		p.endEdit()
		p.follow()
		return
	}
	c := data.Comment{MapID: u.mapID, TargetKind: p.onKind, TargetID: p.onID, ParentID: p.replyTo, Text: text}
	if err := u.apply(func() error { _, err := u.st.AddComment(c); return err }); err != nil {
		return
	}
	p.entry.SetText("")
	p.replyTo, p.chosen = 0, false
	p.follow()
}

// commentOn shows the comments panel ready to write on a card, a stage or the map
// (right-click › Comment…).
func (u *ui) commentOn(kind string, id int64) {
	p := u.comments
	p.onKind, p.onID, p.chosen, p.replyTo = kind, id, true, 0
	u.showComments()
	p.follow()
	u.win.Canvas().Focus(p.entry)
}

// showComments shows the right-hand panel on its Comments tab.
func (u *ui) showComments() {
	if u.panels != nil && !u.panels.insp.Visible() {
		u.toggleInspector()
	}
	if p := u.comments; p.tabs != nil {
		p.tabs.Select(p.tab)
	}
}

// toggleComments shows the comments with the box ready to write on what is selected, or goes
// back to the inspector when they show (View › Comments, Ctrl+Shift+M).
func (u *ui) toggleComments() {
	p := u.comments
	if p.tabs != nil && p.tabs.Selected() == p.tab && u.panels.insp.Visible() {
		p.tabs.SelectIndex(0)
		return
	}
	u.showComments()
	if !u.st.ReadOnly() && u.m != nil {
		u.win.Canvas().Focus(p.entry)
	}
}
