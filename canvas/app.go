// Package canvas is the Journey Canvas desktop application: the window, its menus, the map
// list, the board and the inspector, built with Fyne on top of the data store.
package canvas

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// AppID is the Fyne application id (also in FyneApp.toml).
const AppID = "io.journeycanvas.app"

// Run opens the workspace at path in the desktop app and returns the exit status when the
// window closes. A workspace that cannot be opened is reported in a dialog and on stderr.
// When the app already runs for this user, it opens path in a window of its own there, and
// Run returns at once (instance.go).
func Run(path string, stderr io.Writer) int { return run(path, false, stderr) }

// RunDefault is Run on the default workspace at path, for a start that named none: when the
// user last worked in a team workspace, a notice offers to connect to it again.
func RunDefault(path string, stderr io.Writer) int { return run(path, true, stderr) }

func run(path string, offerLast bool, stderr io.Writer) int {
	if handOver(path) {
		return 0
	}
	a := app.NewWithID(AppID)
	setLanguage(a.Preferences().String(prefLanguage))
	th := &appTheme{mode: a.Preferences().StringWithFallback("theme", themeSystem)}
	a.Settings().SetTheme(th)
	w := a.NewWindow("Journey Canvas")
	restoreWindow(a, w, screenArea, maximiseOnShow)
	a.Lifecycle().SetOnStarted(maximiseDone)
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
	if err := ensureSample(s); err != nil {
		fmt.Fprintln(stderr, "journeycanvas:", err)
	}
	last := a.Preferences().String(prefLastWorkspace)
	addRecent(a, s.Path()) // a connection string without its password
	closingWindow = func(a fyne.App, w fyne.Window) { saveWindow(a, w, screenArea) }
	screenOpened = screenArea
	u := newUI(a, w, s, th)
	u.install()
	if offerLast {
		u.offerReconnect(last)
	}
	srv := serveInstance(func(p string) { fyne.Do(func() { openFileWindow(a, th, p, stderr) }) })
	defer srv.close()
	w.ShowAndRun()
	u.close()
	return 0
}

// openFileWindow opens the workspace at path in a new window of the running app: a file that
// a later start handed over (opened from the file manager). A file that cannot be opened is
// reported in that window and on stderr.
func openFileWindow(a fyne.App, th *appTheme, path string, stderr io.Writer) {
	w := a.NewWindow("Journey Canvas")
	restoreWindow(a, w, screenArea, func() {})
	s, err := data.Open(path, data.OpenOptions{})
	if err != nil {
		fmt.Fprintln(stderr, "journeycanvas:", err)
		d := dialog.NewError(err, w)
		d.SetOnClosed(w.Close)
		w.SetContent(widget.NewLabel(""))
		w.Show()
		d.Show()
		return
	}
	if err := ensureSample(s); err != nil {
		fmt.Fprintln(stderr, "journeycanvas:", err)
	}
	addRecent(a, path)
	u := newUI(a, w, s, th)
	u.install()
	w.SetOnClosed(u.close)
	w.Show()
	w.RequestFocus()
}

// offerReconnect offers, in a notice, to connect again to the team workspace last, when the
// user last worked in one: the app starts on the default file, and a click on Reconnect opens
// File › Connect's dialog already connecting (it asks for a password when the server wants
// one, and Cancel leaves the file open).
func (u *ui) offerReconnect(last string) {
	if !data.IsURL(last) || last == u.st.Path() {
		return
	}
	u.showOffer(fmt.Sprintf(lang.L("Last time you worked in the team workspace %s."), data.DisplayName(last)),
		lang.L("Reconnect"), func() {
			d := u.connectDialog()
			d.choose(last)
			d.start()
		})
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
	_, err = s.CreateMap(data.SampleMap(uiLang()))
	return err
}
