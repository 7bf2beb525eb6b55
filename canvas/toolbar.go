package canvas

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Shortcuts the toolbar, the menus and the window share (with Ctrl, Cmd on macOS).
const (
	keyAddStage      = fyne.KeyS // with Shift
	keyAddLane       = fyne.KeyL // with Shift
	keyAddCard       = fyne.KeyC // with Shift
	keyFit           = fyne.Key1
	keyComments      = fyne.KeyM // with Shift
	keyToggleInsp    = fyne.KeyI
	keyToggleMaps    = fyne.KeyB
	shiftShortcutKey = fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
)

// newToolbar is the row of the most used commands above the board; each one is also in the
// menus, with its shortcut, and says what it does (and its shortcut) when the pointer rests
// on it. The add buttons carry words.
func (u *ui) newToolbar() fyne.CanvasObject {
	ctrl := fyne.KeyModifierShortcutDefault
	redoKey := withKey(lang.L("Redo"), ctrl, fyne.KeyY)
	if runtime.GOOS == "darwin" {
		redoKey = withKey(lang.L("Redo"), shiftShortcutKey, fyne.KeyZ)
	}
	btn := func(label string, icon fyne.Resource, tip string, fn func()) *toolButton {
		return newToolButton(label, icon, tip, u.float, fn)
	}
	sep := func() fyne.CanvasObject { return widget.NewSeparator() }
	u.mapsBtn = btn("", theme.ListIcon(), withKey(lang.L("Show or hide the list of maps"), ctrl, keyToggleMaps), u.toggleMaps)
	u.inspBtn = btn("", theme.InfoIcon(), withKey(lang.L("Show or hide the inspector"), ctrl, keyToggleInsp), u.toggleInspector)
	row := container.NewHBox(
		u.mapsBtn,
		sep(),
		btn("", theme.FolderOpenIcon(), withKey(lang.L("Open a workspace"), ctrl, fyne.KeyO), u.openDialog),
		btn("", theme.FileIcon(), lang.L("Import a map (JSON, CSV, OJF, Mermaid)"), u.importDialog),
		btn("", theme.MediaPhotoIcon(), withKey(lang.L("Export PNG, PDF or SVG…"), ctrl, fyne.KeyE), u.exportDialog),
		sep(),
		btn("", theme.ContentUndoIcon(), withKey(lang.L("Undo"), ctrl, fyne.KeyZ), u.undo),
		btn("", theme.ContentRedoIcon(), redoKey, u.redo),
		sep(),
		btn(lang.L("+ Stage"), nil, withKey(lang.L("Add stage"), shiftShortcutKey, keyAddStage), u.addStage),
		btn(lang.L("+ Lane"), nil, withKey(lang.L("Add lane"), shiftShortcutKey, keyAddLane), u.addLane),
		btn(lang.L("+ Card"), nil, withKey(lang.L("Add card"), shiftShortcutKey, keyAddCard), u.addCardMenu),
		sep(),
		btn("", theme.AccountIcon(), lang.L("Persona…"), u.personaDialog),
		btn("", theme.HistoryIcon(), lang.L("Versions…"), u.versionsDialog),
		btn("", commentIcon, withKey(lang.L("Comments"), shiftShortcutKey, keyComments), u.toggleComments),
		layout.NewSpacer(),
		u.hereBtn,
		btn("", theme.ZoomOutIcon(), withKey(lang.L("Zoom out"), ctrl, fyne.KeyMinus), u.zoomOut),
		u.zoomLbl,
		btn("", theme.ZoomInIcon(), withKey(lang.L("Zoom in"), ctrl, fyne.KeyEqual), u.zoomIn),
		btn("", theme.ZoomFitIcon(), withKey(lang.L("Fit the map in the window"), ctrl, keyFit), u.fitMap),
		sep(),
		btn("", theme.MediaPlayIcon(), lang.L("Present")+" (F5)", u.present),
		u.inspBtn,
	)
	return row
}

// commentIcon is a speech bubble, in the theme's foreground colour.
var commentIcon = theme.NewThemedResource(fyne.NewStaticResource("comment.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm0 2v11h2v2l2.5-2H20V5H4zm3 3h10v2H7V8zm0 4h7v2H7v-2z"/></svg>`)))
