package canvas

import (
	"errors"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// Setting keys kept in the workspace.
const (
	settingLastMap = "last-map"
	settingZoom    = "zoom"
)

// ui is the main window: the list of maps at the left, the board in the middle, the
// inspector at the right, the menus and shortcuts. It is the board's host: every edit goes
// through apply, which re-reads the map from the file afterwards.
type ui struct {
	app   fyne.App
	win   fyne.Window
	st    *data.Store
	th    *appTheme
	mapID int64
	m     *data.Map

	board    *Board
	side     *sidebar
	insp     *inspector
	find     *finder // the search bar (search.go)
	notice   *fyne.Container
	zoomLbl  *widget.Label
	toolbar  fyne.CanvasObject
	body     *pxSplit // the board and the inspector (panels.go)
	outer    *pxSplit // the list of maps and the body
	content  *fyne.Container
	chrome   *fyne.Container // the toolbar, the banner, and the panes
	panes    *fyne.Container // the panels, and the notices floating over their top
	alertBox *fyne.Container // … those notices, at the foot of the panes

	clip        []data.Card // cards copied with Ctrl+C / Ctrl+X
	lastDeleted int64       // a map just deleted, which Ctrl+Z brings back
	presenting  bool
	pres        *presentation // while presenting
	versionWin  fyne.Window   // the last version opened read-only (for tests)
	retired     bool          // replaced by another ui (the language changed)
	undoItem    *fyne.MenuItem
	redoItem    *fyne.MenuItem
	lastErr     error             // the last error shown (for tests)
	linkPop     *widget.PopUp     // the last "Link to…" chooser (for tests)
	linkPick    func(int)         // … and what choosing its n-th card does
	watcher     *watcher          // looks for others' changes to the workspace (live.go)
	windowID    string            // names this window in the history (live.go)
	seenEntry   int64             // the newest history entry looked at for overwritten edits (live.go)
	others      []data.Visitor    // the others who have the workspace open (live.go)
	hereBtn     *toolButton       // who else has this map open, in the toolbar; a tap lists everyone
	whoMenu     *fyne.Menu        // the list it last showed
	dismiss     func()            // cancels the dialog shown that Esc closes, if any…
	dismissOn   fyne.CanvasObject // … while it is the window's top overlay (no list open over it)
	alert       *fyne.Container
	alertGen    int            // the notice showing in alert
	lastAlert   string         // its text (for tests)
	comments    *commentsPanel // the map's comment threads (comments.go)
	historyList *widget.List   // the last Edit › History… list (for tests)
	offline     error          // why the workspace's server cannot be reached, nil while it can (offline.go)
	lastConfirm dialog.Dialog  // the last "close without saving?" question (for tests)

	// the window's chrome (toolbar.go, tooltip.go, panels.go, nameedit.go)
	float     *floatLayer    // tooltips and the name editor, over the content
	mapsBtn   *toolButton    // shows or hides the list of maps
	inspBtn   *toolButton    // shows or hides the inspector
	names     *nameEditor    // the name of a new stage or lane, typed in place
	panels    *panelWidths   // the widths the panels keep
	themeItem *fyne.MenuItem // View › Theme, its choice ticked
	msg       message        // the last notice (message.go)
}

func newUI(a fyne.App, w fyne.Window, s *data.Store, th *appTheme) *ui {
	if th == nil {
		th = &appTheme{mode: themeSystem}
	}
	u := &ui{app: a, win: w, st: s, th: th}
	u.board = newBoard(u)
	u.board.theme = boardThemeName(a, th.mode)
	u.side = newSidebar(u)
	u.insp = newInspector(u)
	u.comments = newCommentsPanel(u)
	return u
}

// install builds the window's content, menus and shortcuts and opens the last map.
func (u *ui) install() {
	u.zoomLbl = widget.NewLabel(zoomText(u.board.zoom))
	u.board.onZoom = u.zoomChanged
	u.notice = container.NewStack()
	u.alert = container.NewStack()
	u.alert.Hide()
	u.float = newFloatLayer()
	u.hereBtn = newToolButton("", theme.AccountIcon(), lang.L("Who else has the workspace open"), u.float, u.showWhoIsHere)
	u.hereBtn.Hide()
	u.toolbar = u.newToolbar()
	u.find = newFinder(u)
	u.board.onSetMap = u.find.mapChanged
	u.installPanels()
	// Notices float over the foot of the panels, centred and no wider than a sentence needs:
	// showing one moves nothing under the pointer and covers neither the list's filter nor
	// the inspector's tabs.
	u.alertBox = container.New(noticeLayout{}, u.alert)
	u.panes = container.NewStack(u.outer, u.alertBox)
	u.chrome = container.NewBorder(container.NewVBox(u.toolbar, u.notice), nil, nil, nil, u.panes)
	u.content = container.NewStack(u.chrome, u.float.box) // tooltips and the name editor float over the window
	u.win.SetContent(u.content)
	u.win.SetCloseIntercept(func() {
		u.flush()
		u.leaveUnsaved(u.win.Close)
	})
	u.installMenus()
	u.installShortcuts()
	u.app.Settings().AddListener(func(fyne.Settings) {
		if u.retired {
			return
		}
		fyne.Do(func() { u.board.setTheme(boardThemeName(u.app, u.th.mode)) })
	})
	u.openWorkspace()
}

// openWorkspace shows the store's maps and opens the last map shown, at its zoom.
func (u *ui) openWorkspace() {
	u.signEdits()
	u.updateNotice()
	u.side.reload()
	u.watch()
	if z, err := strconv.ParseFloat(u.st.Setting(settingZoom), 64); err == nil && z >= minZoom && z <= maxZoom {
		u.board.zoom = z
	} else {
		u.board.zoom = 1
	}
	last, _ := strconv.ParseInt(u.st.Setting(settingLastMap), 10, 64)
	id := int64(0)
	for _, m := range u.side.maps {
		if m.ID == last {
			id = last
		}
	}
	if id == 0 && len(u.side.maps) > 0 {
		id = u.side.maps[0].ID
	}
	u.openMap(id)
}

func (u *ui) close() {
	u.unwatch()
	u.board.stopAutoscroll()
	if u.st != nil {
		u.st.Close()
	}
}

func (u *ui) store() *data.Store { return u.st }

// openMap shows a map (0: none).
func (u *ui) openMap(id int64) {
	u.flush()
	u.mapID = id
	u.board.sel = selection{}
	if id != 0 {
		u.st.SetSetting(settingLastMap, strconv.FormatInt(id, 10))
	}
	u.reload()
	u.here()
	u.side.selectMap(id)
	u.board.scrollToOffset(fyne.Position{})
	if u.find != nil {
		u.find.mapOpened()
	}
}

// reload reads the current map again from the file and shows it.
func (u *ui) reload() {
	if u.mapID == 0 {
		u.m = nil
		u.board.setMap(nil)
	} else {
		m, err := u.st.LoadMap(u.mapID)
		if errors.Is(err, data.ErrUnreachable) {
			u.goOffline(err) // the map stays as it was last read
			return
		}
		if err != nil {
			u.showError(err)
			u.m = nil
			u.board.setMap(nil)
		} else {
			u.m = m
			u.board.setMap(m)
		}
	}
	u.board.scroll.Refresh()
	u.updateTitle()
	u.updateMenus()
	u.insp.refresh()
	u.comments.refresh()
	if u.zoomLbl != nil {
		u.zoomLbl.SetText(zoomText(u.board.zoom))
	}
}

// apply runs one edit and re-reads the map: the board shows what the file holds whether the
// edit worked or not. What was typed in the inspector is saved first, as its own edit.
func (u *ui) apply(fn func() error) error {
	err := u.applyQuiet(fn)
	if err != nil && !errors.Is(err, data.ErrReadOnly) && !errors.Is(err, data.ErrUnreachable) {
		u.showError(err)
	}
	return err
}

// applyQuiet is apply for a caller that shows the error itself (the inspector shows it at the
// field).
func (u *ui) applyQuiet(fn func() error) error {
	if err := u.beginEdit(); err != nil {
		return err
	}
	err := fn()
	if u.unreachable(err) {
		return err // nothing changed: the map stays as it was read, the form as it was typed
	}
	u.reload()
	u.side.reload()
	return err
}

// beginEdit refuses an edit of a read-only workspace, and otherwise first saves what was
// typed in the inspector, as an edit of its own.
func (u *ui) beginEdit() error {
	if u.st.ReadOnly() {
		u.refuseReadOnly()
		return data.ErrReadOnly
	}
	if u.offline != nil {
		u.refuseOffline()
		return u.offline
	}
	if !u.insp.saving {
		u.insp.commit()
	}
	return nil
}

// applyCardQuiet is applyQuiet for an edit of one card's own fields (not its place): it
// reads back that card alone, which is all such an edit can change, and lays the map out
// again. Anything unexpected falls back to reading the whole map.
func (u *ui) applyCardQuiet(id int64, fn func() error) error {
	if err := u.beginEdit(); err != nil {
		return err
	}
	err := fn()
	if u.unreachable(err) {
		return err
	}
	i := -1
	if u.m != nil {
		for k := range u.m.Cards {
			if u.m.Cards[k].ID == id {
				i = k
			}
		}
	}
	var c *data.Card
	if err == nil && i >= 0 {
		c, err = u.st.LoadCard(u.m.ID, id)
	}
	if err != nil || i < 0 || c.StageID != u.m.Cards[i].StageID || c.LaneID != u.m.Cards[i].LaneID || c.Position != u.m.Cards[i].Position {
		u.reload()
		u.side.reload()
		return err
	}
	u.m.Cards[i] = *c
	u.board.setMap(u.m)
	u.board.scroll.Refresh()
	u.updateMenus()
	u.insp.refresh()
	return nil
}

// flush saves whatever is being typed (a card's title on the board, a field of the
// inspector) before the window moves on: another map, another workspace, undo, export, quit.
func (u *ui) flush() {
	u.board.commitTitle()
	u.insp.commit()
}

// quit saves what is being typed and ends the program.
func (u *ui) quit() {
	u.flush()
	u.leaveUnsaved(func() {
		// Every window's watcher stops first: none calls into a window being torn down.
		for o := range watching {
			o.unwatch()
		}
		u.app.Quit()
	})
}

// watching are the windows whose watcher runs (live.go), for quitting.
var watching = map[*ui]bool{}

// applyMove is apply for an edit that only moves cards of the shown map among the given cells
// (where they were and where they go): instead of reading the whole map back it reads where
// the cards of those cells now sit and puts them there, so the board still shows exactly what
// the file holds. Anything unexpected (an error, a card it does not know, a card count that
// does not match) falls back to reading the whole map.
func (u *ui) applyMove(fn func() error, cells []data.Cell) error {
	if u.st.ReadOnly() {
		u.refuseReadOnly()
		return data.ErrReadOnly
	}
	if u.offline != nil {
		u.refuseOffline()
		return u.offline
	}
	u.insp.commit()
	if err := fn(); err != nil {
		if u.unreachable(err) {
			return err
		}
		u.showError(err)
		u.reload()
		return err
	}
	if u.m == nil || !u.placeCards(cells) {
		u.reload()
		u.side.reload()
		return nil
	}
	u.board.setMap(u.m)
	u.board.scroll.Refresh()
	u.updateMenus()
	u.insp.refresh()
	return nil
}

// placeCards reads where the cards of the given cells of the shown map sit in the file and
// moves them there in memory; false when that is not possible and the map must be read whole.
func (u *ui) placeCards(cells []data.Cell) bool {
	places, err := u.st.CardPlacesIn(u.m.ID, cells)
	if err != nil {
		return false
	}
	in := make(map[data.Cell]bool, len(cells))
	for _, c := range cells {
		in[c] = true
	}
	idx := make(map[int64]int, len(u.m.Cards))
	held := 0 // the cards those cells held before the move: the same cards, moved among them
	for i := range u.m.Cards {
		c := &u.m.Cards[i]
		idx[c.ID] = i
		if in[data.Cell{StageID: c.StageID, LaneID: c.LaneID}] {
			held++
		}
	}
	if len(places) != held {
		return false
	}
	for _, p := range places {
		i, ok := idx[p.ID]
		if !ok || u.m.Stage(p.StageID) == nil || u.m.Lane(p.LaneID) == nil {
			return false
		}
		c := &u.m.Cards[i]
		c.StageID, c.LaneID, c.Position = p.StageID, p.LaneID, p.Position
	}
	u.m.SortCards()
	return true
}

func (u *ui) selectionChanged() {
	u.insp.refresh()
	u.comments.follow()
	u.updateMenus()
}

// refuseReadOnly says, in a notice over the board (not a dialog to dismiss at each try), that
// the workspace cannot be changed.
func (u *ui) refuseReadOnly() {
	err := fmt.Errorf(lang.L("%s is open read-only: changes cannot be saved. Open a copy you can write to (File › Save a copy as…)"), u.st.Name())
	u.lastErr = err
	if u.alert == nil {
		u.showError(err)
		return
	}
	u.showAlert(err.Error(), nil)
}

// showError shows a fault in a dialog.
func (u *ui) showError(err error) {
	u.lastErr = err
	var fe *data.FieldError
	var ce *data.ConflictError
	switch {
	case errors.As(err, &fe):
		dialog.ShowInformation(lang.L("Check the value"), fe.Error(), u.win)
	case u.unreachable(err):
	case errors.As(err, &ce):
		who := ce.Author
		if who == "" {
			who = lang.L("Someone")
		}
		title, msg := lang.L("Not undone"), lang.L("“%[1]s” cannot be undone: %[2]s changed the same thing afterwards, and undoing would erase their change.")
		if ce.Op == "redo" {
			title, msg = lang.L("Not redone"), lang.L("“%[1]s” cannot be redone: %[2]s changed the same thing afterwards, and redoing would erase their change.")
		}
		dialog.ShowInformation(title, fmt.Sprintf(msg, trLabel(ce.Label), who), u.win)
	case errors.Is(err, data.ErrBusy):
		dialog.ShowError(fmt.Errorf(lang.L("The workspace is busy in another program; try again.")+" (%w)", err), u.win)
	default:
		dialog.ShowError(err, u.win)
	}
}

func (u *ui) updateTitle() {
	title := "Journey Canvas"
	file := u.st.Name()
	if u.m != nil {
		title = fmt.Sprintf("%s — %s — Journey Canvas", u.m.Title, file)
	} else {
		title = fmt.Sprintf("%s — Journey Canvas", file)
	}
	if u.st.ReadOnly() {
		title += " " + lang.L("(read-only)")
	}
	if u.offline != nil {
		title += " " + lang.L("(offline)")
	}
	u.win.SetTitle(title)
}

// updateNotice shows the read-only banner when the workspace cannot be written.
func (u *ui) updateNotice() {
	if u.notice == nil {
		return
	}
	var text string
	switch {
	case u.offline != nil:
		text = fmt.Sprintf(lang.L("Cannot reach %s. The map shows what was last read; changes wait until the connection is back. Reconnecting…"), u.st.Name())
	case u.st.ReadOnly():
		text = fmt.Sprintf(lang.L("Read-only: %s can be viewed but not changed."), u.st.Name())
		if why := u.st.ReadOnlyReason(); why != "" {
			text += " (" + why + ")"
		}
	default:
		u.notice.Objects = nil
		u.notice.Refresh()
		u.relayout()
		return
	}
	bg := canvas.NewRectangle(noteColour(theme.ColorNameWarning))
	msg := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	msg.Wrapping = fyne.TextWrapWord
	u.notice.Objects = []fyne.CanvasObject{bg, msg}
	u.notice.Refresh()
	u.relayout()
}

// setStore switches the window to another workspace.
func (u *ui) setStore(s *data.Store) {
	u.flush()
	u.unwatch()
	if u.st != nil && u.st != s {
		u.st.Close()
	}
	u.st = s
	u.offline = nil
	u.lastDeleted = 0
	addRecent(u.app, s.Path())
	u.installMenus()
	u.openWorkspace()
}

// ---- undo and redo ----

func (u *ui) undo() { u.step(true) }
func (u *ui) redo() { u.step(false) }

// createMapLabel is the history label of a map's creation, which Undo does not take back
// from within the map (the first run's sample, an import, a new map from the gallery): the
// window would be left on a map that is gone.
const createMapLabel = "Create map"

func (u *ui) step(undo bool) {
	if u.board.cancelTitle() || u.cancelName() { // Undo while naming keeps the name as it was
		return
	}
	u.insp.commit() // what was typed is a step of its own: this undo takes it back
	if u.st.ReadOnly() {
		u.refuseReadOnly()
		return
	}
	scope := u.mapID
	if undo && u.lastDeleted != 0 {
		scope = u.lastDeleted
	}
	if undo && scope == u.mapID && u.st.UndoLabel(scope) == createMapLabel {
		return // the map's history starts with its creation: removing a map is Delete map
	}
	var err error
	var ok bool
	if undo {
		_, ok, err = u.st.Undo(scope)
	} else {
		_, ok, err = u.st.Redo(scope)
	}
	if err != nil {
		u.showError(err)
	}
	if ok && scope == u.lastDeleted && scope != 0 {
		u.lastDeleted = 0
		u.side.reload()
		u.openMap(scope)
		return
	}
	u.reload()
	u.side.reload()
}

// setZoom zooms the board about the middle of the view; zoomChanged shows and keeps it.
func (u *ui) setZoom(z float64) { u.board.setZoom(z) }

// escape cancels a drag, closes the title editor, leaves presentation, or clears the
// selection.
func (u *ui) escape() {
	switch {
	case u.dismiss != nil && u.win.Canvas().Overlays().Top() == u.dismissOn:
		u.dismiss() // a dialog that Esc cancels, as its Cancel button does
	case u.board.cancelDrag():
	case u.board.cancelTitle():
	case u.presenting:
		u.present()
	case u.find != nil && u.find.isOpen():
		u.find.close()
	default:
		u.board.setSelection(selection{})
	}
}

// relayout gives the banners and notices over the panels the height they now need (a notice
// shown or hidden changes it), and the panels the rest.
func (u *ui) relayout() {
	if u.chrome != nil {
		u.chrome.Layout.Layout(u.chrome.Objects, u.chrome.Size())
	}
}
