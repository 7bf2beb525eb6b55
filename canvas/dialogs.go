package canvas

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
	"journeycanvas/export"
)

// versionsDialog lists the map's named versions: save one, or restore one (undoable).
func (u *ui) versionsDialog() {
	u.flush()
	if u.m == nil {
		return
	}
	vs, err := u.st.Versions(u.mapID)
	if err != nil {
		u.showError(err)
		return
	}
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(vs) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("%s — %s", vs[i].Label, fmtTime(vs[i].Created.Local())))
		})
	chosen := -1
	list.OnSelected = func(i widget.ListItemID) { chosen = i }
	label := widget.NewEntry()
	label.SetPlaceHolder(lang.L("Q3 review"))
	save := widget.NewButton(lang.L("Save version"), func() {
		if _, err := u.st.SaveVersion(u.mapID, label.Text); err != nil {
			u.showError(err)
			return
		}
		d.Hide()
		u.versionsDialog()
	})
	view := widget.NewButton(lang.L("Open read-only"), func() {
		if chosen >= 0 {
			u.viewVersion(vs[chosen])
		}
	})
	restore := widget.NewButton(lang.L("Restore selected"), func() {
		if chosen < 0 {
			return
		}
		id := vs[chosen].ID
		d.Hide()
		u.apply(func() error { return u.st.RestoreVersion(id) })
	})
	content := container.NewBorder(container.NewBorder(nil, nil, nil, save, label), container.NewHBox(view, restore), nil, nil, list)
	d = dialog.NewCustom(fmt.Sprintf(lang.L("Versions of %s"), u.m.Title), lang.L("Close"), content, u.win)
	d.Resize(fyne.NewSize(520, 420))
	d.Show()
}

// viewVersion opens a named version of the map in a window of its own, read-only: the map
// as it was, drawn as the export draws it. Nothing in it can change the workspace.
func (u *ui) viewVersion(v data.Version) {
	m, err := u.st.OpenVersion(v.ID)
	if err != nil {
		u.showError(err)
		return
	}
	img, err := export.Render(m, export.Options{Scale: 1, Theme: u.board.theme, Now: v.Created})
	if err != nil {
		u.showError(err)
		return
	}
	pic := canvas.NewImageFromImage(img)
	pic.FillMode = canvas.ImageFillOriginal
	w := u.app.NewWindow(fmt.Sprintf(lang.L("%s — version “%s” (read-only)"), m.Title, v.Label))
	w.SetContent(container.NewScroll(pic))
	w.Resize(fyne.NewSize(1100, 750))
	w.Show()
	u.versionWin = w
}

// fyneLastFolder is the preference in which Fyne's file dialogs remember the folder last
// chosen in any of them.
const fyneLastFolder = "fyne:fileDialogLastFolder"

// startInDocuments makes a file dialog start in the user's Documents folder (data.DocumentsDir:
// the known folder on Windows, ~/Documents on macOS, the XDG one on Linux), until a folder has
// been chosen in one: dialogs then start where the user last was, as Fyne remembers it.
func (u *ui) startInDocuments(d *dialog.FileDialog) {
	if last := u.app.Preferences().String(fyneLastFolder); last != "" {
		if uri, err := storage.ParseURI(last); err == nil {
			if ok, err := storage.CanList(uri); err == nil && ok {
				return
			}
		}
	}
	dir := data.DocumentsDir()
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// askSavePath asks where to save a file named name (ext its extension, with the dot; "" for
// no filter), starting in Documents, and calls save with the path chosen, ext added when the
// user left it out. Cancelling calls nothing.
func (u *ui) askSavePath(name, ext string, save func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if ext != "" && !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		save(path)
	}, u.win)
	if ext != "" && ext != ".journey" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	d.SetFileName(name)
	u.startInDocuments(d)
	d.Show()
}
