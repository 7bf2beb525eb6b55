package canvas

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toolbarObject puts any widget (here the zoom level) in a toolbar.
type toolbarObject struct{ obj fyne.CanvasObject }

func (t toolbarObject) ToolbarObject() fyne.CanvasObject { return t.obj }

// newToolbar is the row of the most used commands above the board; each one is also in the
// menus, with its shortcut.
func (u *ui) newToolbar() *widget.Toolbar {
	return widget.NewToolbar(
		widget.NewToolbarAction(theme.FolderOpenIcon(), u.openDialog),
		widget.NewToolbarAction(theme.DownloadIcon(), u.importDialog),
		widget.NewToolbarAction(theme.MediaPhotoIcon(), u.exportDialog),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ContentUndoIcon(), u.undo),
		widget.NewToolbarAction(theme.ContentRedoIcon(), u.redo),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ViewRestoreIcon(), u.addStage),
		widget.NewToolbarAction(theme.MenuIcon(), u.addLane),
		widget.NewToolbarAction(theme.ContentAddIcon(), u.addCardMenu),
		widget.NewToolbarAction(theme.AccountIcon(), u.personaDialog),
		widget.NewToolbarAction(theme.HistoryIcon(), u.versionsDialog),
		widget.NewToolbarSpacer(),
		widget.NewToolbarAction(theme.ZoomOutIcon(), u.zoomOut),
		toolbarObject{container.NewCenter(u.zoomLbl)},
		widget.NewToolbarAction(theme.ZoomInIcon(), u.zoomIn),
		widget.NewToolbarAction(theme.ZoomFitIcon(), func() { u.setZoom(u.board.fitZoom()) }),
		widget.NewToolbarAction(theme.MediaPlayIcon(), u.present),
	)
}
