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
		layout.NewSpacer(),
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
