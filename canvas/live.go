package canvas

import (
	"errors"
	"fmt"
	"image/color"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// pollEvery is how often a window looks for changes that another window or program made to
// its workspace. A look is one tiny query (the file's data version), so an idle window costs
// next to nothing, and a change shows well within a second. On a PostgreSQL workspace the
// look asks nothing of the server: the store counts the changes other clients announced
// (LISTEN/NOTIFY), and the window wakes as soon as one arrives.
const pollEvery = 500 * time.Millisecond

// watcher looks for others' changes to one store, on a goroutine of its own, and says every
// data.PresenceEvery that this window is still there.
type watcher struct {
	stop  chan struct{}
	done  chan struct{}
	poke  chan struct{} // the window opened another map: say so now
	mapID atomic.Int64  // the map the window shows, for its presence
}

// watch starts looking for others' changes to the window's workspace.
func (u *ui) watch() {
	u.unwatch()
	st := u.st
	last, err := st.DataVersion()
	if err != nil {
		return
	}
	rev, _ := st.Revision()
	w := &watcher{stop: make(chan struct{}), done: make(chan struct{}), poke: make(chan struct{}, 1)}
	w.mapID.Store(u.mapID)
	u.watcher = w
	watching[u] = true
	changes := st.Changes() // a database's clients announce their changes: no need to wait for a tick
	offline := st.Reachable()
	go func() {
		defer close(w.done)
		t := time.NewTicker(pollEvery)
		defer t.Stop()
		beat := time.Now()
		for {
			select {
			case <-w.stop:
				return
			case <-t.C:
			case <-changes:
			case <-w.poke:
				w.arrive(u, st)
				beat = time.Now()
			}
			if reach := st.Reachable(); (reach == nil) != (offline == nil) {
				offline = reach
				if reach == nil {
					// Back: the heartbeats failed meanwhile, so this one is announced (the
					// others may have taken the window for gone).
					st.Here(w.mapID.Load())
				}
				fyne.Do(func() {
					if u.watcher != w {
						return
					}
					if reach != nil {
						u.goOffline(reach)
					} else {
						u.backOnline()
					}
				})
			}
			if time.Since(beat) >= data.PresenceEvery {
				st.Here(w.mapID.Load()) // best effort: a missed beat is made up at the next
				beat = time.Now()
				// On a server others' heartbeats are not announced: who is here is read again at
				// each beat (a window whose program was killed goes after data.PresenceTimeout).
				// In a file each heartbeat moves the data version, which reads it below.
				if st.Remote() {
					if here, err := st.Present(); err == nil {
						fyne.Do(func() {
							if u.watcher == w {
								u.showPresence(here)
							}
						})
					}
				}
			}
			v, err := st.DataVersion()
			if err != nil || v == last {
				continue // busy or gone: look again at the next tick
			}
			last = v
			// Someone's edit, or only their presence: the revision tells which.
			r, err := st.Revision()
			if err != nil {
				continue
			}
			edited := r != rev
			rev = r
			here, _ := st.Present()
			fyne.Do(func() {
				if u.watcher != w {
					return
				}
				u.showPresence(here)
				if edited {
					u.externalChange()
				}
			})
		}
	}()
}

// unseen marks seenEntry while the newest history entry of a map just opened is being read.
const unseen = -2

// here says which map this window shows, and reads who else is here and where the map's
// history stands (the start for telling overwritten edits). For a workspace on a server the
// watcher does it, off the UI's goroutine (the server may be far away); the watcher repeats
// the presence every data.PresenceEvery.
func (u *ui) here() {
	u.seenEntry = unseen
	w := u.watcher
	if w != nil {
		w.mapID.Store(u.mapID) // the map the heartbeats name
	}
	if w == nil || !u.st.Remote() { // a file answers in microseconds
		u.st.Here(u.mapID)
		_, u.seenEntry, _ = u.st.Overwritten(u.mapID, -1)
		if here, err := u.st.Present(); err == nil {
			u.showPresence(here)
		}
		return
	}
	select {
	case w.poke <- struct{}{}:
	default: // already asked
	}
}

// arrive does what here asks of the watcher, on its goroutine.
func (w *watcher) arrive(u *ui, st *data.Store) {
	id := w.mapID.Load()
	st.Here(id)
	_, seen, err := st.Overwritten(id, -1)
	here, herr := st.Present()
	fyne.Do(func() {
		if u.watcher != w || u.mapID != id {
			return // another map since: its own arrival follows
		}
		if err == nil && u.seenEntry == unseen {
			u.seenEntry = seen
		}
		if herr == nil {
			u.showPresence(here)
		}
	})
}

// unwatch stops looking, and waits until the watcher no longer uses the store (which may be
// closed next).
func (u *ui) unwatch() {
	delete(watching, u)
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
		if len(u.side.maps) > 0 {
			u.openMap(u.side.maps[0].ID) // the first map of an empty workspace, made elsewhere
		}
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
	u.keepTypingOnGone(m)
	u.m = m
	u.board.setMap(m)
	u.board.scroll.Refresh()
	u.updateTitle()
	u.updateMenus()
	u.comments.refresh()
	u.tellOverwritten()
	if u.insp.visiting != nil || u.insp.dirty {
		if !u.insp.catchUp() {
			u.insp.stale = true
		}
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
	return data.AccountName()
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
	d := dialog.NewForm(lang.L("Your name"), lang.L("Save"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Name"), e)}, func(ok bool) {
			if !ok {
				return
			}
			u.app.Preferences().SetString(prefAuthor, strings.TrimSpace(e.Text))
			u.signEdits()
			u.here() // announced: signEdits set a new author
		}, u.win)
	e.OnSubmitted = func(string) { d.Submit() } // Enter saves, as in every form
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
	u.win.Canvas().Focus(e)
}

// showPresence shows who else has the workspace open: by name over the board for this map,
// and beside each map in the list.
func (u *ui) showPresence(vs []data.Visitor) {
	me := u.authorName()
	u.others = nil
	for _, v := range vs {
		if me == "" || v.Author != me { // the user's own other windows are not "others"
			u.others = append(u.others, v)
		}
	}
	if u.hereBtn == nil {
		return
	}
	names := data.Names(u.others, u.mapID, lang.L("Someone"))
	if u.mapID == 0 || len(names) == 0 {
		u.hereBtn.SetText("")
		u.hereBtn.Hide()
	} else {
		u.hereBtn.SetText(shortList(names, 2))
		u.hereBtn.Show()
	}
	u.toolbar.Refresh() // the row makes room for the button, or takes it back
	u.side.list.Refresh()
}

// shortList names the first n of names, each cut to a short line, and counts the rest
// ("Minh, Hoa +3"), so that a crowd does not push the toolbar out of the window.
func shortList(names []string, n int) string {
	var out []string
	for i, s := range names {
		if i == n {
			return strings.Join(out, ", ") + fmt.Sprintf(" +%d", len(names)-n)
		}
		if r := []rune(s); len(r) > 18 {
			s = string(r[:17]) + "…"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

// showWhoIsHere lists, under the toolbar's people button, everyone else who has the workspace
// open: those on this map first, then each of the others with the map they are on.
func (u *ui) showWhoIsHere() {
	var items []*fyne.MenuItem
	for _, n := range data.Names(u.others, u.mapID, lang.L("Someone")) {
		items = append(items, fyne.NewMenuItem(n, nil))
	}
	if len(items) > 0 {
		items = append([]*fyne.MenuItem{heading(lang.L("On this map"))}, items...)
	}
	titles := map[int64]string{}
	for _, m := range u.side.maps {
		titles[m.ID] = m.Title
	}
	elsewhere := false
	listed := map[data.Visitor]bool{} // one line for one person's windows on one map
	for _, v := range u.others {
		if v.MapID == u.mapID || v.MapID == 0 || listed[v] {
			continue
		}
		listed[v] = true
		if !elsewhere {
			items = append(items, fyne.NewMenuItemSeparator(), heading(lang.L("On other maps")))
			elsewhere = true
		}
		n := v.Author
		if n == "" {
			n = lang.L("Someone")
		}
		id := v.MapID
		if t, ok := titles[id]; ok { // a map made elsewhere a moment ago is not listed yet
			n = fmt.Sprintf("%s — %s", n, t)
		}
		items = append(items, fyne.NewMenuItem(n, func() { u.openMap(id) }))
	}
	if len(items) == 0 {
		return
	}
	u.whoMenu = fyne.NewMenu("", items...)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.hereBtn)
	widget.ShowPopUpMenuAtPosition(u.whoMenu, u.win.Canvas(), pos.AddXY(0, u.hereBtn.Size().Height))
}

// heading is a menu line that names the group below it and does nothing when tapped.
func heading(text string) *fyne.MenuItem {
	it := fyne.NewMenuItem(text, nil)
	it.Disabled = true
	return it
}

// presentOn counts the others who have map id open, for the list of maps.
func (u *ui) presentOn(id int64) int {
	return len(data.Names(u.others, id, lang.L("Someone")))
}

// tellOverwritten tells the user when someone else's edit, read just now, replaced what they
// had written in a field: the last write is kept, and they should know theirs is gone.
func (u *ui) tellOverwritten() {
	if u.seenEntry == unseen {
		return // the map was opened just now: nothing written here can have been overwritten
	}
	ov, last, err := u.st.Overwritten(u.mapID, u.seenEntry)
	if err != nil {
		return
	}
	u.seenEntry = last
	if len(ov) == 0 {
		return
	}
	o := ov[len(ov)-1]
	who := o.Author
	text := fmt.Sprintf(lang.L("%[1]s changed the %[2]s of “%[3]s” after you wrote it; their version is kept."),
		who, fieldWord(o.Field), oneLineOf(o.Name))
	if len(ov) > 1 {
		text += " " + fmt.Sprintf(lang.L("(%d fields in all)"), len(ov))
	}
	var show func()
	if o.Kind == "card" && u.m != nil && u.m.Card(o.ID) != nil {
		id := o.ID
		show = func() { u.board.selectAndReveal(id) }
	}
	u.showAlert(text, show)
}

// oneLineOf is a name cut to one short line for a sentence.
func oneLineOf(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return s
}

// fieldWords are the fields a notice names, by their name in the store's row images.
var fieldWords = map[string]string{"Title": "field.title", "Name": "field.name", "Notes": "field.notes",
	"Channel": "field.channel", "Emotion": "field.emotion-score", "Description": "field.description",
	"Tags": "field.tags", "Text": "field.text", "Colour": "field.colour",
	"StageID": "field.place", "LaneID": "field.place"}

// fieldWord names a field of a card, stage, lane, map or comment in a sentence.
func fieldWord(f string) string {
	if k, ok := fieldWords[f]; ok {
		return tr(k)
	}
	return lang.L("field.content")
}

// alertFor is how long a notice of others' edits stays when not closed.
const alertFor = 20 * time.Second

// showAlert shows a notice over the board that does not stop the work: a sentence, a Show
// button when show is given, and a close button. It goes by itself after alertFor.
func (u *ui) showAlert(text string, show func()) { u.showNote(text, lang.L("Show"), show, false) }

// showNews is showAlert for good news (the connection is back): an information icon and the
// success colour.
func (u *ui) showNews(text string) { u.showNote(text, "", nil, true) }

// showOffer is showNews with a button that does what the sentence offers.
func (u *ui) showOffer(text, action string, do func()) { u.showNote(text, action, do, true) }

// showNote shows a notice over the foot of the panels, without moving them (a click aimed at
// the board a moment before lands where it was aimed).
func (u *ui) showNote(text, action string, do func(), good bool) {
	if u.alert == nil {
		return
	}
	lbl := widget.NewLabel(text)
	lbl.Wrapping = fyne.TextWrapWord
	var buttons []fyne.CanvasObject
	u.alertGen++
	gen := u.alertGen
	if do != nil {
		buttons = append(buttons, widget.NewButton(action, func() {
			u.hideAlert(gen)
			do()
		}))
	}
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { u.hideAlert(gen) })
	closeBtn.Importance = widget.LowImportance
	buttons = append(buttons, closeBtn)
	tint, icon := theme.ColorNameWarning, theme.WarningIcon()
	if good {
		tint, icon = theme.ColorNameSuccess, theme.InfoIcon()
	}
	row := container.NewBorder(nil, nil, widget.NewIcon(icon), container.NewHBox(buttons...), lbl)
	u.alert.Objects = []fyne.CanvasObject{canvas.NewRectangle(noteColour(tint)), row}
	u.alert.Show()
	u.alertBox.Refresh() // lays the notice out at its height
	u.lastAlert = text
	time.AfterFunc(alertFor, func() { fyne.Do(func() { u.hideAlert(gen) }) })
}

// noticeLayout places a notice at the foot of its area, centred, at most noticeWidth wide,
// as tall as its text needs at that width.
type noticeLayout struct{}

// noticeWidth is the widest a notice is drawn: a line a reader takes in at a glance.
const noticeWidth = 640

func (noticeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding() * 3
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		w := min(float32(noticeWidth), size.Width-2*pad)
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		h := o.MinSize().Height // a wrapped sentence knows its height once it has its width
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, size.Height-h-pad))
	}
}

func (noticeLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// noteColour is the opaque background of a notice or banner: the theme's colour named tint,
// a third of the way from the background, so that the theme's text reads well on it.
func noteColour(tint fyne.ThemeColorName) color.NRGBA {
	a, b := toNRGBA(theme.Color(theme.ColorNameBackground)), toNRGBA(theme.Color(tint))
	mix := func(x, y uint8) uint8 { return uint8((int(x)*2 + int(y)) / 3) }
	return color.NRGBA{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: 0xff}
}

// hideAlert takes the notice away, if it is still the one of generation gen.
func (u *ui) hideAlert(gen int) {
	if u.alert == nil || gen != u.alertGen {
		return
	}
	u.alert.Objects = nil
	u.alert.Hide()
	u.alertBox.Refresh()
}
