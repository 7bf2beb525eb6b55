package canvas

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // persona pictures may be JPEG
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// personaForm is Map › Persona…: the workspace's personas (choose one for the map, or make a
// new one), the persona questions, and a picture.
type personaForm struct {
	u        *ui
	personas []data.Persona
	choose   *widget.Select
	del      *widget.Button
	entries  []*widget.Entry
	shown    []fyne.CanvasObject // the entries as the form shows them (a long one wraps words)
	thumb    *canvas.Image
	photoLbl *widget.Label
	p        data.Persona // what is being edited (ID 0: a new persona)
}

// personaFields are the questions a persona answers (data.Persona), in the form's order.
func personaFields(p *data.Persona) []struct {
	key  string
	ptr  *string
	long bool
} {
	return []struct {
		key  string
		ptr  *string
		long bool
	}{
		{"Name", &p.Name, false}, {"Summary", &p.Summary, true}, {"Demographics", &p.Demographics, true},
		{"A day in their life", &p.DayInLife, true}, {"Goals", &p.Goals, true}, {"Challenges", &p.Challenges, true},
		{"What excites them", &p.Excites, true}, {"What frustrates them", &p.Frustrates, true},
		{"Channels they use", &p.Channels, true}, {"What makes them buy", &p.BuyingTriggers, true},
		{"Problems we solve", &p.ProblemsSolved, true}, {"Information they lack", &p.InfoNeeds, true},
	}
}

func (u *ui) newPersonaForm() *personaForm {
	f := &personaForm{u: u}
	f.personas, _ = u.st.Personas()
	names := []string{lang.L("New persona")}
	for _, p := range f.personas {
		names = append(names, p.Name)
	}
	f.choose = widget.NewSelect(names, func(string) {
		i := f.choose.SelectedIndex()
		if i <= 0 {
			f.load(data.Persona{})
		} else {
			f.load(f.personas[i-1])
		}
	})
	f.del = widget.NewButton(lang.L("Delete persona"), f.deleteChosen)
	f.thumb = canvas.NewImageFromImage(nil)
	f.thumb.FillMode = canvas.ImageFillContain
	f.thumb.SetMinSize(fyne.NewSize(72, 72))
	f.photoLbl = widget.NewLabel("")
	for _, fl := range personaFields(&f.p) {
		e := widget.NewEntry()
		var shown fyne.CanvasObject = e
		if fl.long {
			we := newWrapEntry()
			we.SetMinRowsVisible(2)
			e, shown = &we.Entry, we
		}
		f.entries = append(f.entries, e)
		f.shown = append(f.shown, shown)
	}
	sel := 0
	if u.m != nil {
		for i, p := range f.personas {
			if p.ID == u.m.PersonaID {
				sel = i + 1
			}
		}
	}
	f.choose.SetSelectedIndex(sel)
	if sel == 0 {
		f.load(data.Persona{})
	}
	return f
}

// load shows a persona in the form.
func (f *personaForm) load(p data.Persona) {
	f.p = p
	for i, fl := range personaFields(&f.p) {
		f.entries[i].SetText(*fl.ptr)
	}
	f.showPhoto()
	if p.ID == 0 {
		f.del.Disable()
	} else {
		f.del.Enable()
	}
}

func (f *personaForm) showPhoto() {
	f.thumb.Image = nil
	// The stored picture is checked like an imported one (kind, bytes, pixels) before it is
	// decoded: a file edited by another tool could hold anything.
	if len(f.p.Photo) > 0 && data.CheckPhoto(f.p.Photo) == nil {
		if img, _, err := image.Decode(bytes.NewReader(f.p.Photo)); err == nil {
			f.thumb.Image = img
		}
	}
	if f.thumb.Image == nil {
		f.photoLbl.SetText(lang.L("No picture"))
	} else {
		f.photoLbl.SetText(fmt.Sprintf(lang.L("%d KB"), (len(f.p.Photo)+1023)/1024))
	}
	f.thumb.Refresh()
}

// setPhotoFile takes the picture in a file: PNG or JPEG, at most 10 MB and 4000 × 4000 px.
// Anything else is refused with a message and the persona keeps its picture. The size is
// checked before the file is read.
func (f *personaForm) setPhotoFile(path string) error {
	err := func() error {
		fh, err := os.Open(path)
		if err != nil {
			return err
		}
		defer fh.Close()
		st, err := fh.Stat()
		if err != nil {
			return err
		}
		if st.Size() > data.MaxPhotoBytes {
			return fmt.Errorf(lang.L("%s is %d MB: a picture may be at most %d MB"), path, st.Size()>>20, data.MaxPhotoBytes>>20)
		}
		b, err := io.ReadAll(io.LimitReader(fh, data.MaxPhotoBytes+1))
		if err != nil {
			return err
		}
		if err := data.CheckPhoto(b); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		f.p.Photo = b
		return nil
	}()
	if err != nil {
		f.u.showError(err)
		return err
	}
	f.showPhoto()
	return nil
}

// save stores the persona (new or changed) and makes it the map's persona, as two undoable
// edits.
func (f *personaForm) save() error {
	for i, fl := range personaFields(&f.p) {
		*fl.ptr = f.entries[i].Text
	}
	u := f.u
	p := f.p
	return u.apply(func() error {
		id, err := u.st.SavePersona(&p)
		if err != nil {
			return err
		}
		if u.m == nil {
			return nil
		}
		m := *u.m
		m.PersonaID, m.Persona = id, nil
		m.Stages, m.Lanes, m.Cards, m.Links = nil, nil, nil, nil
		return u.st.UpdateMap(&m)
	})
}

// deleteChosen deletes the chosen persona (refused while a map uses it).
func (f *personaForm) deleteChosen() {
	if f.p.ID == 0 {
		return
	}
	if err := f.u.apply(func() error { return f.u.st.DeletePersona(f.p.ID) }); err != nil {
		return
	}
	nf := f.u.newPersonaForm()
	f.personas = nf.personas
	f.choose.Options = nf.choose.Options
	f.choose.SetSelectedIndex(0)
}

// personaDialog shows the persona form in a dialog.
func (u *ui) personaDialog() {
	if u.m == nil {
		return
	}
	f := u.newPersonaForm()
	var items []*widget.FormItem
	for i, fl := range personaFields(&f.p) {
		items = append(items, widget.NewFormItem(tr(fl.key), f.shown[i]))
	}
	pick := widget.NewButton(lang.L("Choose picture…"), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			f.setPhotoFile(path)
		}, u.win)
		u.startInDocuments(d)
		d.Show()
	})
	remove := widget.NewButton(lang.L("Remove picture"), func() {
		f.p.Photo = nil
		f.showPhoto()
	})
	items = append(items, widget.NewFormItem(lang.L("Picture"),
		container.NewHBox(f.thumb, container.NewVBox(f.photoLbl, container.NewHBox(pick, remove)))))
	top := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Persona")), f.del, f.choose)
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(widget.NewForm(items...)))
	d := dialog.NewCustomConfirm(lang.L("Persona"), lang.L("Save"), lang.L("Cancel"), content, func(ok bool) {
		if ok {
			f.save()
		}
	}, u.win)
	d.Resize(fyne.NewSize(640, 720))
	d.Show()
}
