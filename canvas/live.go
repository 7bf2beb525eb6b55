package canvas

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// pollEvery is how often a window looks for changes that another window or program made to
// its workspace. A look is one tiny query (the file's data version), so an idle window costs
// next to nothing, and a change shows well within a second.
const pollEvery = 500 * time.Millisecond

// watcher looks for others' changes to one store, on a goroutine of its own.
type watcher struct {
	stop chan struct{}
	done chan struct{}
}

// watch starts looking for others' changes to the window's workspace.
func (u *ui) watch() {
	u.unwatch()
	st := u.st
	last, err := st.DataVersion()
	if err != nil {
		return
	}
	w := &watcher{stop: make(chan struct{}), done: make(chan struct{})}
	u.watcher = w
	go func() {
		defer close(w.done)
		t := time.NewTicker(pollEvery)
		defer t.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-t.C:
			}
			v, err := st.DataVersion()
			if err != nil || v == last {
				continue // busy or gone: look again at the next tick
			}
			last = v
			fyne.Do(func() {
				if u.watcher == w {
					u.externalChange()
				}
			})
		}
	}()
}

// unwatch stops looking, and waits until the watcher no longer uses the store (which may be
// closed next).
func (u *ui) unwatch() {
	if w := u.watcher; w != nil {
		u.watcher = nil
		close(w.stop)
		<-w.done
	}
}

// externalChange shows what another window or program changed: the list of maps and the map
// on the board, read again from the file. The selection, the scroll, the zoom, a title being
// typed on the board and the field being typed in the inspector are all kept; the form
// catches up when its field is left.
func (u *ui) externalChange() {
	u.side.reload()
	if u.mapID == 0 {
		return
	}
	m, err := u.st.LoadMap(u.mapID)
	if errors.Is(err, data.ErrNotFound) {
		id := int64(0)
		if len(u.side.maps) > 0 {
			id = u.side.maps[0].ID
		}
		u.openMap(id) // the map was deleted elsewhere
		return
	}
	if err != nil {
		return // busy: the next change, or the next edit here, reads it
	}
	u.m = m
	u.board.setMap(m)
	u.board.scroll.Refresh()
	u.updateTitle()
	u.updateMenus()
	if u.insp.visiting != nil || u.insp.dirty {
		u.insp.stale = true
		return
	}
	u.insp.refresh()
}

// newWindow opens another window on the same workspace, with its own connection to the file:
// each window shows the other's edits as another program's (File › New window, Ctrl+Shift+N).
func (u *ui) newWindow() *ui {
	u.flush()
	s, err := data.Open(u.st.Path(), data.OpenOptions{ReadOnly: u.st.ReadOnly()})
	if err != nil {
		u.showError(err)
		return nil
	}
	w := u.app.NewWindow("Journey Canvas")
	w.Resize(u.win.Canvas().Size())
	nu := newUI(u.app, w, s, u.th)
	nu.board.theme = u.board.theme
	nu.install()
	if u.mapID != 0 {
		nu.openMap(u.mapID)
	}
	w.SetOnClosed(nu.close)
	w.Show()
	return nu
}

// prefAuthor is the preference holding the name the user's edits are recorded under.
const prefAuthor = "author"

// windows counts the windows opened, to name each one in the history.
var windows int

// authorName is the user's name for the history: the one chosen in File › Your name…, else the
// operating system account's full name, else its login.
func (u *ui) authorName() string {
	if n := strings.TrimSpace(u.app.Preferences().String(prefAuthor)); n != "" {
		return n
	}
	if a, err := user.Current(); err == nil {
		if n := strings.TrimSpace(a.Name); n != "" {
			return n
		}
		return a.Username
	}
	return ""
}

// signEdits records this window's edits under the user's name and the window's.
func (u *ui) signEdits() {
	if u.windowID == "" {
		windows++
		u.windowID = fmt.Sprintf("%d.%d", os.Getpid(), windows)
	}
	u.st.SetAuthor(u.authorName(), u.windowID)
}

// nameDialog lets the user say the name their edits are recorded under.
func (u *ui) nameDialog() {
	e := widget.NewEntry()
	e.SetText(u.authorName())
	dialog.ShowForm(lang.L("Your name"), lang.L("Save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Name"), e)}, func(ok bool) {
			if !ok {
				return
			}
			u.app.Preferences().SetString(prefAuthor, strings.TrimSpace(e.Text))
			u.signEdits()
		}, u.win)
}
