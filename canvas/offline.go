package canvas

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// A team workspace's server can go out of reach (the network drops, the server restarts).
// The window then keeps showing the map as it last read it, says so in the banner under the
// toolbar, and refuses each edit with a notice, without losing what is being typed: a field
// of the inspector keeps its text, a card's title editor stays open, and both are saved when
// the store has reconnected by itself (data.Store.Reachable, watched by the watcher).

// goOffline notes that the workspace's server cannot be reached, for the reason err.
func (u *ui) goOffline(err error) {
	if u.offline != nil {
		return
	}
	u.offline = err
	u.updateNotice()
	u.updateTitle()
}

// backOnline notes that the server answers again: the banner goes, what was typed meanwhile is
// saved, and what others did meanwhile is read.
func (u *ui) backOnline() {
	if u.offline == nil {
		return
	}
	u.offline = nil
	u.updateNotice()
	u.updateTitle()
	u.showNews(fmt.Sprintf(lang.L("Connected again to %s."), u.st.Name()))
	u.flush()
	if p := u.comments; p.waiting && strings.TrimSpace(p.entry.Text) != "" {
		p.post() // the comment sent while the server was away
	}
	u.externalChange()
}

// refuseOffline tells the user that an edit was not saved because the server is out of reach.
func (u *ui) refuseOffline() {
	u.showAlert(fmt.Sprintf(lang.L("Not saved: %s cannot be reached. Try again when the connection is back; text being typed is kept and saved then."), u.st.Name()), nil)
}

// isOffline reports whether the board must keep its edits for later (host).
func (u *ui) isOffline() bool { return u.offline != nil }

// unreachable handles an edit's error that says the server is out of reach: the window goes
// offline and says the edit was not saved. It reports whether err was such an error.
func (u *ui) unreachable(err error) bool {
	if !errors.Is(err, data.ErrUnreachable) {
		return false
	}
	u.goOffline(err)
	u.refuseOffline()
	return true
}

// unsavedText reports whether text typed while the server was out of reach waits to be saved.
func (u *ui) unsavedText() bool {
	if u.offline == nil {
		return false
	}
	e := u.board.title
	return u.insp.dirty || (e != nil && e.Visible() && !e.done) || u.comments.waiting
}

// leaveUnsaved closes the window or quits (leave) at once, unless text typed while the server
// is out of reach would be lost: then it asks first.
func (u *ui) leaveUnsaved(leave func()) {
	if !u.unsavedText() {
		leave()
		return
	}
	msg := widget.NewLabel(fmt.Sprintf(lang.L("%s cannot be reached, so what you typed last has not been saved. Close anyway, or wait for the connection to come back?"), u.st.Name()))
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	wait := widget.NewButton(lang.L("Wait"), func() { d.Hide() })
	wait.Importance = widget.HighImportance // the safe choice is the one that stands out
	closeAnyway := widget.NewButton(lang.L("Close anyway"), func() { d.Hide(); leave() })
	d = dialog.NewCustomWithoutButtons(lang.L("Close without saving?"),
		container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), closeAnyway, wait), nil, nil, msg), u.win)
	d.Resize(fyne.NewSize(460, 200))
	u.lastConfirm = d
	d.Show()
	u.win.Canvas().Focus(wait) // Enter and Space choose Wait; keys go no further than the dialog
}

// keepTypingOnGone looks, before the map m just read replaces the one shown, for text being
// typed about something m no longer has (another person deleted the card, stage or lane): that
// text is put on the clipboard and the user is told, instead of vanishing with the thing.
func (u *ui) keepTypingOnGone(m *data.Map) {
	var name string
	var texts []string
	if e := u.board.title; e != nil && e.Visible() && !e.done && m.Card(e.cardID) == nil {
		if t := strings.TrimSpace(e.Text); t != "" {
			texts = append(texts, t)
		}
		if c := u.m.Card(e.cardID); c != nil {
			name = c.Title
		}
		e.done = true
		e.Hide()
	}
	if kind, id := u.insp.kind, u.insp.id; u.insp.dirty {
		gone := (kind == "card" && m.Card(id) == nil) || (kind == "stage" && m.Stage(id) == nil) || (kind == "lane" && m.Lane(id) == nil)
		if gone {
			for _, f := range u.insp.texts {
				if t := strings.TrimSpace(f.Text); f.dirty && t != "" {
					texts = append(texts, t)
				}
			}
			u.insp.dirty = false // nothing left to save it on
			u.insp.stale = false
			if name == "" {
				switch {
				case kind == "card" && u.m.Card(id) != nil:
					name = u.m.Card(id).Title
				case kind == "stage" && u.m.Stage(id) != nil:
					name = u.m.Stage(id).Name
				case kind == "lane" && u.m.Lane(id) != nil:
					name = u.m.Lane(id).Name
				}
			}
		}
	}
	if len(texts) == 0 {
		return
	}
	u.app.Clipboard().SetContent(strings.Join(texts, "\n"))
	u.showAlert(fmt.Sprintf(lang.L("Someone else deleted “%s” while you were writing on it; what you typed is on the clipboard."), oneLineOf(name)), nil)
}
