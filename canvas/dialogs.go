package canvas

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
	"journeycanvas/export"
)

// personaDialog edits the map's persona (or creates one) and attaches it to the map.
func (u *ui) personaDialog() {
	if u.m == nil {
		return
	}
	p := data.Persona{}
	if u.m.Persona != nil {
		p = *u.m.Persona
	}
	fields := []struct {
		label string
		ptr   *string
		long  bool
	}{
		{"Name", &p.Name, false}, {"Summary", &p.Summary, true}, {"Demographics", &p.Demographics, true},
		{"A day in their life", &p.DayInLife, true}, {"Goals", &p.Goals, true}, {"Challenges", &p.Challenges, true},
		{"What excites them", &p.Excites, true}, {"What frustrates them", &p.Frustrates, true},
		{"Channels they use", &p.Channels, true}, {"What makes them buy", &p.BuyingTriggers, true},
		{"Problems we solve", &p.ProblemsSolved, true}, {"Information they lack", &p.InfoNeeds, true},
	}
	var items []*widget.FormItem
	entries := make([]*widget.Entry, len(fields))
	for i, f := range fields {
		e := widget.NewEntry()
		if f.long {
			e = widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
		}
		e.SetText(*f.ptr)
		entries[i] = e
		items = append(items, widget.NewFormItem(f.label, e))
	}
	photo := widget.NewLabel(fmt.Sprintf("%d bytes", len(p.Photo)))
	if len(p.Photo) == 0 {
		photo.SetText("none")
	}
	pick := widget.NewButton("Choose picture…", func() {
		dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			defer r.Close()
			b, err := os.ReadFile(r.URI().Path())
			if err == nil {
				err = data.CheckPhoto(b)
			}
			if err != nil {
				u.showError(err)
				return
			}
			p.Photo = b
			photo.SetText(fmt.Sprintf("%d bytes", len(b)))
		}, u.win)
	})
	items = append(items, widget.NewFormItem("Picture", container.NewHBox(photo, pick)))
	d := dialog.NewForm("Persona", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		for i, f := range fields {
			*f.ptr = entries[i].Text
		}
		m := *u.m
		u.apply(func() error {
			id, err := u.st.SavePersona(&p)
			if err != nil {
				return err
			}
			m.PersonaID, m.Persona = id, nil
			m.Stages, m.Lanes, m.Cards, m.Links = nil, nil, nil, nil
			return u.st.UpdateMap(&m)
		})
	}, u.win)
	d.Resize(fyne.NewSize(620, 700))
	d.Show()
}

// versionsDialog lists the map's named versions: save one, or restore one (undoable).
func (u *ui) versionsDialog() {
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
