// Package canvas is the Journey Canvas desktop application: the window, its menus, the map
// list, the board and the inspector, built with Fyne on top of the data store.
package canvas

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// AppID is the Fyne application id (also in FyneApp.toml).
const AppID = "io.journeycanvas.app"

// Run opens the workspace at path in the desktop app and returns the exit status when the
// window closes. A workspace that cannot be opened is reported in a dialog and on stderr.
func Run(path string, stderr io.Writer) int {
	a := app.NewWithID(AppID)
	w := a.NewWindow("Journey Canvas")
	w.Resize(fyne.NewSize(1280, 800))
	s, err := data.Open(path, data.OpenOptions{})
	if err != nil {
		fmt.Fprintln(stderr, "journeycanvas:", err)
		d := dialog.NewError(err, w)
		d.SetOnClosed(a.Quit)
		w.SetContent(widget.NewLabel(""))
		d.Show()
		w.ShowAndRun()
		return 1
	}
	defer s.Close()
	if err := ensureSample(s); err != nil {
		fmt.Fprintln(stderr, "journeycanvas:", err)
	}
	ui := newWindow(a, w, s)
	ui.show()
	w.ShowAndRun()
	return 0
}

// ensureSample gives an empty, writable workspace the sample map so a new user sees a real
// journey at once.
func ensureSample(s *data.Store) error {
	if s.ReadOnly() {
		return nil
	}
	maps, err := s.ListMaps()
	if err != nil || len(maps) > 0 {
		return err
	}
	_, err = s.CreateMap(data.SampleMap("en"))
	return err
}

// window is the main window: the list of maps on the left, the current map on the right.
type window struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store
	maps  []data.MapSummary
	list  *widget.List
	cur   *data.Map
	body  *fyne.Container
}

func newWindow(a fyne.App, w fyne.Window, s *data.Store) *window {
	return &window{app: a, win: w, store: s}
}

func (u *window) show() {
	u.list = widget.NewList(
		func() int { return len(u.maps) },
		func() fyne.CanvasObject { return widget.NewLabel("map title") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(u.maps[i].Title) },
	)
	u.list.OnSelected = func(i widget.ListItemID) { u.openMap(u.maps[i].ID) }
	u.body = container.NewStack()
	split := container.NewHSplit(u.list, u.body)
	split.Offset = 0.18
	u.win.SetContent(split)
	u.reloadList()
	last, _ := strconv.ParseInt(u.store.Setting("last-map"), 10, 64)
	for i, m := range u.maps {
		if m.ID == last || (last == 0 && i == 0) {
			u.list.Select(i)
		}
	}
	if u.cur == nil && len(u.maps) > 0 {
		u.list.Select(0)
	}
}

func (u *window) reloadList() {
	maps, err := u.store.ListMaps()
	if err != nil {
		dialog.ShowError(err, u.win)
		return
	}
	u.maps = maps
	u.list.Refresh()
}

func (u *window) openMap(id int64) {
	m, err := u.store.LoadMap(id)
	if err != nil {
		dialog.ShowError(err, u.win)
		return
	}
	u.cur = m
	u.store.SetSetting("last-map", strconv.FormatInt(id, 10))
	title := fmt.Sprintf("%s — %s — Journey Canvas", m.Title, filepath.Base(u.store.Path()))
	if u.store.ReadOnly() {
		title += " (read-only)"
	}
	u.win.SetTitle(title)
	u.body.Objects = []fyne.CanvasObject{widget.NewLabel(fmt.Sprintf("%s: %d stages, %d cards", m.Title, len(m.Stages), len(m.Cards)))}
	u.body.Refresh()
}
