package canvas

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/find"
	"journeycanvas/data"
	"journeycanvas/data/interchange"
)

// sidebar lists the maps of the workspace: switch by selecting one; create, rename,
// duplicate and delete (undoable) with the buttons under the list.
type sidebar struct {
	u       *ui
	maps    []data.MapSummary // every map of the workspace
	shown   []data.MapSummary // those the filter lets through, as the list shows them
	filter  *widget.Entry
	list    *widget.List
	box     fyne.CanvasObject
	undoBar *fyne.Container
	quiet   bool // selecting programmatically: do not reopen
}

func newSidebar(u *ui) *sidebar {
	s := &sidebar{u: u}
	s.list = widget.NewList(
		func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			t := widget.NewLabel("")
			t.Truncation = fyne.TextTruncateEllipsis
			// How many others have the map open: a person and a count, narrow enough to leave
			// the title its room (the toolbar names them for the map shown).
			who := container.NewHBox(widget.NewIcon(theme.AccountIcon()), widget.NewLabel(""))
			who.Hide()
			return container.NewBorder(nil, nil, nil, who, t)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.shown) {
				return
			}
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(s.shown[i].Title)
			who := row.Objects[1].(*fyne.Container)
			if n := u.presentOn(s.shown[i].ID); n > 0 {
				who.Objects[1].(*widget.Label).SetText(strconv.Itoa(n))
				who.Show()
			} else {
				who.Hide()
			}
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if s.quiet || i >= len(s.shown) {
			return
		}
		if s.shown[i].ID != u.mapID {
			u.openMap(s.shown[i].ID)
		}
	}
	bar := container.NewGridWithColumns(4,
		widget.NewButtonWithIcon("", theme.ContentAddIcon(), s.newMap),
		widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), s.rename),
		widget.NewButtonWithIcon("", theme.ContentCopyIcon(), s.duplicate),
		widget.NewButtonWithIcon("", theme.DeleteIcon(), s.delete))
	s.undoBar = container.NewVBox()
	s.filter = widget.NewEntry()
	s.filter.SetPlaceHolder(lang.L("Filter maps…"))
	s.filter.OnChanged = func(string) { s.applyFilter() }
	head := container.NewVBox(widget.NewLabelWithStyle(lang.L("Maps"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.filter)
	s.box = container.NewBorder(head, container.NewVBox(s.undoBar, bar), nil, nil, s.list)
	return s
}

func (s *sidebar) reload() {
	maps, err := s.u.st.ListMaps()
	if err != nil {
		s.u.showError(err)
		return
	}
	s.maps = maps
	s.applyFilter()
}

// applyFilter lists the maps whose title holds every word of the filter, accents and case
// aside (as the search bar finds cards); every map when the filter is empty.
func (s *sidebar) applyFilter() {
	q := find.Parse(s.filter.Text)
	s.shown = s.shown[:0]
	for _, m := range s.maps {
		if q.Empty() || q.MatchText(m.Title) {
			s.shown = append(s.shown, m)
		}
	}
	s.list.Refresh()
	s.selectMap(s.u.mapID)
}

func (s *sidebar) selectMap(id int64) {
	s.quiet = true
	defer func() { s.quiet = false }()
	for i, m := range s.shown {
		if m.ID == id {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

func (s *sidebar) newMap() { s.u.galleryDialog() }

// create adds a map, empty (template < 0) or from data.Templates[template] in lang, and opens
// it.
func (s *sidebar) create(title string, template int, lang string) {
	var id int64
	err := s.u.apply(func() error {
		var err error
		if template < 0 {
			id, err = s.u.st.NewMap(title, data.CurrentState)
			return err
		}
		m := data.Templates[template].Build(lang)
		if strings.TrimSpace(title) != "" {
			m.Title = title
		}
		id, err = s.u.st.CreateMap(m)
		return err
	})
	if err == nil {
		s.reload()
		s.u.openMap(id)
	}
}

// renameTo renames the current map.
func (s *sidebar) renameTo(title string) {
	u := s.u
	if u.m == nil {
		return
	}
	id := u.mapID
	u.apply(func() error { return u.st.EditMap(id, func(m *data.Map) { m.Title = title }) })
}

// duplicateAs copies the current map under a new title and type and opens the copy.
func (s *sidebar) duplicateAs(title string, t data.MapType) {
	u := s.u
	if u.m == nil {
		return
	}
	var id int64
	src := u.mapID
	if u.apply(func() error {
		var err error
		id, err = u.st.DuplicateMap(src, title, t)
		return err
	}) == nil {
		s.reload()
		u.openMap(id)
	}
}

func (s *sidebar) rename() {
	u := s.u
	if u.m == nil {
		return
	}
	e := widget.NewEntry()
	e.SetText(u.m.Title)
	d := dialog.NewForm(lang.L("Rename map"), lang.L("Rename"), lang.L("Cancel"), []*widget.FormItem{widget.NewFormItem(lang.L("Title"), e)}, func(ok bool) {
		if ok {
			s.renameTo(e.Text)
		}
	}, u.win)
	e.OnSubmitted = func(string) { d.Submit() } // Enter renames
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Show()
	u.win.Canvas().Focus(e)
}

func (s *sidebar) duplicate() {
	u := s.u
	if u.m == nil {
		return
	}
	e := widget.NewEntry()
	e.SetText(u.m.Title + " (" + lang.L("copy") + ")")
	var types []string
	for _, t := range data.MapTypes {
		types = append(types, tr(t.Label()))
	}
	typ := widget.NewSelect(types, nil)
	typ.SetSelected(tr(u.m.Type.Label()))
	dialog.ShowForm(lang.L("Duplicate map"), lang.L("Duplicate"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), e), widget.NewFormItem(lang.L("Type"), typ)}, func(ok bool) {
		if !ok || u.m == nil {
			return
		}
		t := u.m.Type
		if i := typ.SelectedIndex(); i >= 0 {
			t = data.MapTypes[i]
		}
		s.duplicateAs(e.Text, t)
	}, u.win)
}

// delete deletes the current map at once; a bar under the list (and Ctrl+Z) brings it back.
func (s *sidebar) delete() {
	u := s.u
	if u.m == nil {
		return
	}
	id, title := u.mapID, u.m.Title
	if u.apply(func() error { return u.st.DeleteMap(id) }) != nil {
		return
	}
	u.lastDeleted = id
	s.reload()
	next := int64(0)
	if len(s.maps) > 0 {
		next = s.maps[0].ID
	}
	u.openMap(next)
	u.updateMenus()
	undo := widget.NewButtonWithIcon(fmt.Sprintf(lang.L("Undo delete of “%s”"), title), theme.ContentUndoIcon(), func() {
		if u.lastDeleted == id {
			u.undo()
		}
		s.undoBar.Objects = nil
		s.undoBar.Refresh()
	})
	s.undoBar.Objects = []fyne.CanvasObject{undo}
	s.undoBar.Refresh()
}

// importDialog reads a JSON, CSV, OJF or Mermaid file as a new map.
func (u *ui) importDialog() {
	if u.st.ReadOnly() {
		u.refuseReadOnly()
		return
	}
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
		u.importFile(path)
	}, u.win)
	u.startInDocuments(d)
	d.Show()
}

// importFile adds the map in a file to the workspace and opens it.
func (u *ui) importFile(path string) {
	m, warnings, err := interchange.ReadFile(path)
	if err != nil {
		u.showError(err)
		return
	}
	var id int64
	if u.apply(func() error {
		var err error
		id, err = u.st.CreateMap(m)
		return err
	}) != nil {
		return
	}
	u.side.reload()
	u.openMap(id)
	if len(warnings) > 0 {
		dialog.ShowInformation(fmt.Sprintf(lang.L("Imported %s"), filepath.Base(path)), strings.Join(warnings, "\n"), u.win)
	}
}
