package canvas

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"journeycanvas/assets"
	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

const prefRecent = "recent"

// prefLastWorkspace is the workspace a window opened last: a file, or a connection string
// without its password.
const prefLastWorkspace = "last-workspace"

// installMenus sets the main menu: File, Edit, View, Map.
func (u *ui) installMenus() {
	recent := fyne.NewMenuItem(lang.L("Open recent"), nil)
	for _, p := range recentFiles(u.app) {
		p := p
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(p, func() { u.openPath(p) }))
	}
	if recent.ChildMenu == nil {
		recent.Disabled = true
	}
	quit := fyne.NewMenuItem(lang.L("Quit"), u.quit)
	quit.IsQuit = true
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	file := fyne.NewMenu(lang.L("File"),
		shortcutItem(lang.L("New window"), func() { u.newWindow() }, fyne.KeyN, fyne.KeyModifierShift),
		fyne.NewMenuItem(lang.L("New workspace…"), u.newWorkspace),
		fyne.NewMenuItem(lang.L("Your name…"), u.nameDialog),
		shortcutItem(lang.L("Open…"), u.openDialog, fyne.KeyO, 0),
		recent,
		fyne.NewMenuItem(lang.L("Connect to team workspace…"), func() { u.connectDialog() }),
		fyne.NewMenuItem(lang.L("Save a copy as…"), u.saveCopy),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Import…"), u.importDialog),
		shortcutItem(lang.L("Export PNG, PDF or SVG…"), u.exportDialog, fyne.KeyE, 0),
		fyne.NewMenuItem(lang.L("Export as…"), u.exportAsDialog),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	u.undoItem = fyne.NewMenuItem(lang.L("Undo"), u.undo)
	u.undoItem.Shortcut = &fyne.ShortcutUndo{}
	u.redoItem = fyne.NewMenuItem(lang.L("Redo"), u.redo)
	u.redoItem.Shortcut = &fyne.ShortcutRedo{}
	cut := fyne.NewMenuItem(lang.L("Cut"), u.textFirst(&fyne.ShortcutCut{}, u.cut))
	cut.Shortcut = &fyne.ShortcutCut{}
	cp := fyne.NewMenuItem(lang.L("Copy"), u.textFirst(&fyne.ShortcutCopy{}, u.copy))
	cp.Shortcut = &fyne.ShortcutCopy{}
	paste := fyne.NewMenuItem(lang.L("Paste"), u.textFirst(&fyne.ShortcutPaste{}, u.paste))
	paste.Shortcut = &fyne.ShortcutPaste{}
	selAll := fyne.NewMenuItem(lang.L("Select all"), u.textFirst(&fyne.ShortcutSelectAll{}, u.board.selectAll))
	selAll.Shortcut = &fyne.ShortcutSelectAll{}
	del := fyne.NewMenuItem(lang.L("Delete"), u.deleteSelection)
	del.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyDelete}
	edit := fyne.NewMenu(lang.L("Edit"), u.undoItem, u.redoItem, fyne.NewMenuItemSeparator(),
		cut, cp, paste, shortcutItem(lang.L("Duplicate"), u.duplicate, fyne.KeyD, 0), del,
		fyne.NewMenuItemSeparator(), selAll,
		shortcutItem(lang.L("Find…"), u.find.open, fyne.KeyF, 0),
		fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("History…"), u.historyDialog))
	themeItem := u.themeMenu()
	present := fyne.NewMenuItem(lang.L("Present"), u.present)
	present.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF5}
	view := fyne.NewMenu(lang.L("View"),
		shortcutItem(lang.L("Zoom in"), u.zoomIn, fyne.KeyEqual, 0),
		shortcutItem(lang.L("Zoom out"), u.zoomOut, fyne.KeyMinus, 0),
		shortcutItem(lang.L("Actual size"), u.actualSize, fyne.Key0, 0),
		shortcutItem(lang.L("Fit"), u.fitMap, keyFit, 0),
		fyne.NewMenuItemSeparator(),
		shortcutItem(lang.L("List of maps"), u.toggleMaps, keyToggleMaps, 0),
		shortcutItem(lang.L("Inspector"), u.toggleInspector, keyToggleInsp, 0),
		shortcutItem(lang.L("Comments"), u.toggleComments, keyComments, fyne.KeyModifierShift),
		fyne.NewMenuItemSeparator(), present, themeItem, u.languageMenu())
	mapMenu := fyne.NewMenu(lang.L("Map"),
		fyne.NewMenuItem(lang.L("New map…"), u.galleryDialog),
		fyne.NewMenuItemSeparator(),
		shortcutItem(lang.L("Add stage"), u.addStage, keyAddStage, fyne.KeyModifierShift),
		shortcutItem(lang.L("Add lane"), u.addLane, keyAddLane, fyne.KeyModifierShift),
		shortcutItem(lang.L("Add card"), u.addCardMenu, keyAddCard, fyne.KeyModifierShift),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Persona…"), u.personaDialog),
		fyne.NewMenuItem(lang.L("Versions…"), u.versionsDialog),
		fyne.NewMenuItem(lang.L("Compare curve with…"), u.compareDialog),
		fyne.NewMenuItem(lang.L("Map settings…"), func() { u.board.setSelection(selection{}) }))
	u.win.SetMainMenu(fyne.NewMainMenu(file, edit, view, mapMenu))
	u.updateMenus()
}

func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

// shortcutItem is a menu item with a Ctrl (Cmd on macOS) shortcut.
func shortcutItem(label string, fn func(), key fyne.KeyName, extra fyne.KeyModifier) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, fn)
	it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | extra}
	return it
}

// installShortcuts binds the keyboard. Ctrl+Z and Ctrl+Y arrive as fyne.ShortcutUndo and
// fyne.ShortcutRedo; Ctrl+Shift+Z is a custom shortcut.
func (u *ui) installShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.redo() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, func(fyne.Shortcut) { u.redo() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyY, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { u.redo() })
	c.AddShortcut(&fyne.ShortcutCut{}, func(fyne.Shortcut) { u.textFirst(&fyne.ShortcutCut{}, u.cut)() })
	c.AddShortcut(&fyne.ShortcutCopy{}, func(fyne.Shortcut) { u.textFirst(&fyne.ShortcutCopy{}, u.copy)() })
	c.AddShortcut(&fyne.ShortcutPaste{}, func(fyne.Shortcut) { u.textFirst(&fyne.ShortcutPaste{}, u.paste)() })
	c.AddShortcut(&fyne.ShortcutSelectAll{}, func(fyne.Shortcut) { u.textFirst(&fyne.ShortcutSelectAll{}, u.board.selectAll)() })
	ctrl := func(k fyne.KeyName, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { fn() })
	}
	ctrl(fyne.KeyD, u.duplicate)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF10, Modifier: fyne.KeyModifierShift}, func(fyne.Shortcut) { u.board.menuOfSelection() })
	ctrl(fyne.KeyF, u.find.open)
	ctrl(fyne.KeyEqual, u.zoomIn)
	ctrl(fyne.KeyPlus, u.zoomIn)
	ctrl(fyne.KeyMinus, u.zoomOut)
	ctrl(fyne.Key0, u.actualSize)
	ctrl(keyFit, u.fitMap)
	for k, fn := range map[fyne.KeyName]func(){keyAddStage: u.addStage, keyAddLane: u.addLane, keyAddCard: u.addCardMenu, keyComments: u.toggleComments} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: shiftShortcutKey}, func(fyne.Shortcut) { fn() })
	}
	ctrl(fyne.KeyO, u.openDialog)
	ctrl(fyne.KeyE, u.exportDialog)
	ctrl(fyne.KeyQ, u.quit)
	// Typing with one card selected starts its title over, as on a sticky note.
	c.SetOnTypedRune(func(r rune) {
		if !u.presenting && unicode.IsPrint(r) && !unicode.IsSpace(r) {
			u.editSelected(string(r))
		}
	})
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if u.presenting {
			u.presentKey(k.Name)
			return
		}
		switch k.Name {
		case fyne.KeyEscape:
			u.escape()
		case fyne.KeyDelete, fyne.KeyBackspace:
			u.deleteSelection()
		case fyne.KeyF5:
			u.present()
		case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
			u.editSelected("")
		case desktop.KeyMenu:
			u.board.menuOfSelection()
		case fyne.KeyF10:
			if d, ok := u.app.Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0 {
				u.board.menuOfSelection()
			}
		}
	})
}

// updateMenus names what Undo and Redo would do.
func (u *ui) updateMenus() {
	if u.undoItem == nil {
		return
	}
	undo, redo := "", ""
	if u.mapID != 0 {
		undo, redo = u.st.UndoLabel(u.mapID), u.st.RedoLabel(u.mapID)
		if undo == createMapLabel {
			undo = ""
		}
	}
	if u.lastDeleted != 0 {
		undo = "Delete map"
	}
	u.undoItem.Label, u.undoItem.Disabled = lang.L("Undo"), undo == ""
	if undo != "" {
		u.undoItem.Label = fmt.Sprintf(lang.L("Undo: %s"), trLabel(undo))
	}
	u.redoItem.Label, u.redoItem.Disabled = lang.L("Redo"), redo == ""
	if redo != "" {
		u.redoItem.Label = fmt.Sprintf(lang.L("Redo: %s"), trLabel(redo))
	}
	if mm := u.win.MainMenu(); mm != nil {
		mm.Refresh()
	}
}

func (u *ui) zoomIn()  { u.setZoom(u.board.zoom * 1.25) }
func (u *ui) zoomOut() { u.setZoom(u.board.zoom / 1.25) }

// themeMenu is View › Theme: the three choices, the current one ticked.
func (u *ui) themeMenu() *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("Theme"), nil)
	choice := func(label, mode string) *fyne.MenuItem {
		c := fyne.NewMenuItem(label, func() { u.setThemeMode(mode) })
		c.Checked = u.th.mode == mode
		return c
	}
	it.ChildMenu = fyne.NewMenu("",
		choice(lang.L("Follow the system"), themeSystem),
		choice(lang.L("Light"), themeLight),
		choice(lang.L("Dark"), themeDark))
	u.themeItem = it
	return it
}

func (u *ui) setThemeMode(mode string) {
	u.th.mode = mode
	u.app.Preferences().SetString("theme", mode)
	u.app.Settings().SetTheme(&appTheme{mode: mode})
	u.th = u.app.Settings().Theme().(*appTheme)
	u.board.setTheme(boardThemeName(u.app, mode))
	if u.themeItem != nil {
		for i, m := range []string{themeSystem, themeLight, themeDark} {
			u.themeItem.ChildMenu.Items[i].Checked = m == mode
		}
		if mm := u.win.MainMenu(); mm != nil {
			mm.Refresh()
		}
	}
}

// ---- Edit ----

// editSelected opens the title of the one selected card for editing (Enter, F2), or the name
// of the selected stage or lane; typed, when not empty, replaces the title as its first
// letters.
func (u *ui) editSelected(typed string) {
	b := u.board
	switch s := b.sel; {
	case s.kind == selCard && len(s.cards) == 1:
		b.editTitle(s.cards[0])
		if typed != "" && b.title.Visible() {
			for _, r := range typed {
				b.title.TypedRune(r)
			}
		}
	case (s.kind == selStage || s.kind == selLane) && typed == "":
		u.editName(s.kind, s.id)
	}
	// A key opens the editor without a pointer event to repaint the window: ask for it.
	u.win.Canvas().Refresh(u.content)
}

// textFirst makes an editing command act on the text being typed when a text field has the
// keyboard, and on the board's cards otherwise. Fyne gives the main menu's shortcuts priority
// over the focused field, so without this Ctrl+A in a field selected every card, Ctrl+V pasted
// cards and Ctrl+C copied them.
func (u *ui) textFirst(sc fyne.Shortcut, fn func()) func() {
	return func() {
		type textField interface {
			fyne.Shortcutable
			SelectedText() string
		}
		if f, ok := u.win.Canvas().Focused().(textField); ok {
			switch s := sc.(type) {
			case *fyne.ShortcutCopy:
				s.Clipboard = u.app.Clipboard()
			case *fyne.ShortcutCut:
				s.Clipboard = u.app.Clipboard()
			case *fyne.ShortcutPaste:
				s.Clipboard = u.app.Clipboard()
			}
			f.TypedShortcut(sc)
			return
		}
		fn()
	}
}

// copy puts the selected cards on the board's clipboard (and their titles on the system's).
func (u *ui) copy() {
	ids := u.board.selectedCards()
	if len(ids) == 0 || u.m == nil {
		return
	}
	u.clip = u.clip[:0]
	var titles []string
	for _, id := range ids {
		if c := u.m.Card(id); c != nil {
			u.clip = append(u.clip, *c)
			titles = append(titles, c.Title)
		}
	}
	u.app.Clipboard().SetContent(strings.Join(titles, "\n"))
}

func (u *ui) cut() {
	u.copy()
	u.deleteSelection()
}

// paste adds the copied cards to the cell under the pointer, else after the selected card,
// else to their own cells. Cards copied from several cells keep their arrangement.
func (u *ui) paste() {
	if len(u.clip) == 0 || u.m == nil {
		return
	}
	b := u.board
	if b.pointerIn && b.lay != nil {
		if stageID, laneID, at, ok := b.lay.CellAt(float64(b.pointer.X), float64(b.pointer.Y)); ok {
			u.pasteInto(stageID, laneID, at)
			return
		}
	}
	if ids := b.selectedCards(); len(ids) > 0 {
		if c := u.m.Card(ids[len(ids)-1]); c != nil {
			u.pasteInto(c.StageID, c.LaneID, c.Position+1)
			return
		}
	}
	u.addCopiesAt(u.clip, 0, 0, -1)
}

// pasteInto adds the copied cards with the first one's cell at the given cell (at: the place
// in it, -1 the end); the others keep their stage and lane offsets from it, as far as the map
// reaches.
func (u *ui) pasteInto(stageID, laneID int64, at int) {
	if len(u.clip) == 0 || u.m == nil {
		return
	}
	si, li := u.stageIndex(stageID), u.laneIndex(laneID)
	s0, l0 := u.stageIndex(u.clip[0].StageID), u.laneIndex(u.clip[0].LaneID)
	for _, c := range u.clip {
		if s, l := u.stageIndex(c.StageID), u.laneIndex(c.LaneID); s >= 0 && l >= 0 {
			s0, l0 = min(s0, s), min(l0, l)
		}
	}
	var cards []data.Card
	for _, c := range u.clip {
		nc := c
		ds, dl := 0, 0
		if s, l := u.stageIndex(c.StageID), u.laneIndex(c.LaneID); s >= 0 && l >= 0 && s0 >= 0 && l0 >= 0 {
			ds, dl = s-s0, l-l0
		}
		nc.StageID = u.m.Stages[min(si+ds, len(u.m.Stages)-1)].ID
		nc.LaneID = u.m.Lanes[min(li+dl, len(u.m.Lanes)-1)].ID
		cards = append(cards, nc)
	}
	u.addCopiesAt(cards, stageID, laneID, at)
}

func (u *ui) stageIndex(id int64) int {
	for i, s := range u.m.Stages {
		if s.ID == id {
			return i
		}
	}
	return -1
}

func (u *ui) laneIndex(id int64) int {
	for i, l := range u.m.Lanes {
		if l.ID == id {
			return i
		}
	}
	return -1
}

// addCopiesAt adds copies of cards in their own cells; those landing in the cell (stageID,
// laneID) go at the place at, in order, the others at the ends of their cells. One undo step;
// the copies are selected.
func (u *ui) addCopiesAt(cards []data.Card, stageID, laneID int64, at int) {
	var ids []int64
	newCards++
	u.st.SetEditGroup(fmt.Sprintf("paste %d", newCards))
	defer u.st.SetEditGroup("")
	u.apply(func() error {
		n := 0
		for _, c := range cards {
			nc := c
			nc.ID, nc.MapID, nc.Position = 0, u.mapID, -1
			if u.m.Stage(nc.StageID) == nil || u.m.Lane(nc.LaneID) == nil {
				continue // copied from another map whose cells differ
			}
			if nc.StageID == stageID && nc.LaneID == laneID && at >= 0 {
				nc.Position = at + n
				n++
			}
			id, err := u.st.AddCard(nc)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if len(ids) > 0 {
		u.board.selectCards(ids)
	}
}

// duplicate copies the selected cards right after the last of them, in its cell, as one
// undo step; the copies are selected.
func (u *ui) duplicate() {
	if u.m == nil {
		return
	}
	var cards []data.Card
	for _, id := range u.board.selectedCards() {
		if c := u.m.Card(id); c != nil {
			cards = append(cards, *c)
		}
	}
	if len(cards) == 0 {
		return
	}
	last := cards[len(cards)-1]
	for i := range cards {
		cards[i].StageID, cards[i].LaneID = last.StageID, last.LaneID
	}
	u.addCopiesAt(cards, last.StageID, last.LaneID, last.Position+1)
}

// deleteSelection deletes the selected cards, link, stage or lane.
func (u *ui) deleteSelection() {
	if u.m == nil {
		return
	}
	s := u.board.sel
	switch s.kind {
	case selCard:
		ids := u.board.selectedCards()
		u.apply(func() error { return u.st.DeleteCards(u.mapID, ids) })
	case selLink:
		u.apply(func() error { return u.st.DeleteLink(u.mapID, s.id) })
	case selStage:
		u.apply(func() error { return u.st.DeleteStage(u.mapID, s.id) })
	case selLane:
		u.apply(func() error { return u.st.DeleteLane(u.mapID, s.id) })
	}
}

// ---- Map ----

// addStage adds a stage after the selected one, or at the end.
func (u *ui) addStage() {
	if u.m == nil {
		return
	}
	at := -1
	if u.board.sel.kind == selStage {
		if st := u.m.Stage(u.board.sel.id); st != nil {
			at = st.Position + 1
		}
	}
	u.insertStage(at)
}

// insertStage adds a stage at a place (-1: the end), named in the map's language; it is
// selected, scrolled into view and its name is ready to type.
func (u *ui) insertStage(at int) {
	if u.m == nil {
		return
	}
	var id int64
	if u.apply(func() error {
		var err error
		id, err = u.st.AddStage(data.Stage{MapID: u.mapID, Name: fmt.Sprintf(assets.Word(geometry.MapLang(u.m, ""), "Stage %d"), len(u.m.Stages)+1)}, at)
		return err
	}) == nil {
		u.showNew(selStage, id) // selected, in view, its name ready to type (nameedit.go)
	}
}

// addLane adds a lane below the selected one, or at the end.
func (u *ui) addLane() {
	if u.m == nil {
		return
	}
	at := -1
	if u.board.sel.kind == selLane {
		if l := u.m.Lane(u.board.sel.id); l != nil {
			at = l.Position + 1
		}
	}
	u.insertLane(at)
}

// insertLane adds a lane at a place (-1: the end), as insertStage does a stage.
func (u *ui) insertLane(at int) {
	if u.m == nil {
		return
	}
	var id int64
	if u.apply(func() error {
		var err error
		id, err = u.st.AddLane(data.Lane{MapID: u.mapID, Name: fmt.Sprintf(assets.Word(geometry.MapLang(u.m, ""), "Lane %d"), len(u.m.Lanes)+1), Kind: data.LaneCustom}, at)
		return err
	}) == nil {
		u.showNew(selLane, id)
	}
}

// addCardMenu adds a card after the selected one, or in the first cell.
func (u *ui) addCardMenu() {
	if u.m == nil || len(u.m.Stages) == 0 || len(u.m.Lanes) == 0 {
		return
	}
	stageID, laneID, at := u.m.Stages[0].ID, u.m.Lanes[0].ID, -1
	if ids := u.board.selectedCards(); len(ids) > 0 {
		if c := u.m.Card(ids[len(ids)-1]); c != nil {
			stageID, laneID, at = c.StageID, c.LaneID, c.Position+1
		}
	}
	u.board.addCard(stageID, laneID, at)
	if ids := u.board.selectedCards(); len(ids) == 1 { // the new card: bring it into view
		if cb := u.board.lay.Card(ids[0]); cb != nil {
			u.scrollIntoView(cb.Rect)
			u.board.placeTitleEditor()
		}
	}
}

// ---- File ----

// recentFiles is File › Open recent: the workspace files, newest first (connections are listed
// in File › Connect to team workspace…, connect.go).
func recentFiles(a fyne.App) []string {
	var files []string
	for _, p := range a.Preferences().StringList(prefRecent) {
		if !data.IsURL(p) { // kept there by earlier versions
			files = append(files, p)
		}
	}
	return files
}

// addRecent puts a workspace opened first in its recent list: a file in Open recent, a
// database's connection string, without its password, in the recent connections.
func addRecent(a fyne.App, path string) {
	if data.IsURL(path) {
		addConnection(a, path)
		a.Preferences().SetString(prefLastWorkspace, data.WithoutPassword(path))
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	a.Preferences().SetString(prefLastWorkspace, path)
	list := []string{path}
	for _, p := range recentFiles(a) {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	a.Preferences().SetStringList(prefRecent, list)
}

// openPath opens another workspace in this window.
func (u *ui) openPath(path string) {
	s, err := data.Open(path, data.OpenOptions{})
	if err != nil {
		u.showError(err)
		return
	}
	u.setStore(s)
}

func journeyFilter() storage.FileFilter { return storage.NewExtensionFileFilter([]string{".journey"}) }

func (u *ui) openDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.openPath(path)
	}, u.win)
	d.SetFilter(journeyFilter())
	u.startInDocuments(d)
	d.Show()
}

func (u *ui) newWorkspace() {
	u.askSavePath(lang.L("Journeys")+".journey", ".journey", func(path string) {
		s, err := data.Open(path, data.OpenOptions{})
		if err != nil {
			u.showError(err)
			return
		}
		if err := ensureSample(s); err != nil {
			u.showError(err)
		}
		u.setStore(s)
	})
}

// saveCopy writes every map of the workspace into a new workspace file.
func (u *ui) saveCopy() {
	u.askSavePath(strings.TrimSuffix(u.st.Name(), ".journey")+" "+lang.L("copy")+".journey", "", u.saveCopyTo)
}

// saveCopyTo is what Save a copy… does with the file chosen.
func (u *ui) saveCopyTo(path string) {
	if err := u.copyWorkspace(path); err != nil {
		if errors.Is(err, data.ErrSameWorkspace) {
			err = errors.New(lang.L("A copy cannot be saved over the workspace itself; choose another file."))
		}
		u.showError(err)
		return
	}
	dialog.ShowInformation(lang.L("Saved a copy"), fmt.Sprintf(lang.L("The maps were copied to %s"), path), u.win)
}

// copyWorkspace copies every map, with its versions, comments and persona, into the workspace
// at path (data.CopyMaps).
func (u *ui) copyWorkspace(path string) error {
	dst, err := data.Open(path, data.OpenOptions{})
	if err != nil {
		return err
	}
	defer dst.Close()
	_, err = data.CopyMaps(u.st, dst, nil)
	return err
}

func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, s)
	if s == "" {
		return "map"
	}
	return s
}
