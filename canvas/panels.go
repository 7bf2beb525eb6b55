package canvas

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// Preferences of the window and its panels (the app's preferences, not the workspace's:
// they belong to the machine and the user, whatever file is open).
const (
	prefWinWidth   = "window.width"
	prefWinHeight  = "window.height"
	prefWinMax     = "window.maximised"
	prefMapsWidth  = "panel.maps.width"
	prefInspWidth  = "panel.inspector.width"
	prefMapsHidden = "panel.maps.hidden"
	prefInspHidden = "panel.inspector.hidden"
)

// Widths of the side panels, in units.
const (
	mapsWidth    = 220 // the list of maps, at first
	mapsMinWidth = 150
	inspWidth    = 340 // the inspector, at first
	inspMinWidth = 280

	narrowWindow = 1400 // narrower than this, the list of maps starts hidden
)

// closingWindow, set by Run, keeps the size of the desktop window as it closes (it asks the
// screen's size of the desktop driver, which tests do not have).
var closingWindow func(a fyne.App, w fyne.Window)

// screenOpened, set by Run, gives the screen's work area: a window that opens maximised is
// laid out first at its restored size, and its list of maps is shown or not for the screen.
var screenOpened func() (fyne.Size, bool)

// panelWidths are the wrappers that give the list of maps and the inspector widths of their
// own, whatever they show.
type panelWidths struct {
	maps, insp *fyne.Container
}

// fixedMin lays its one object over its whole size and asks for a minimum width of its own,
// not the object's: a panel then keeps the width the user gave it when what it shows needs
// more or less (the inspector of a card and of a stage are not equally wide).
type fixedMin struct{ w float32 }

func (f fixedMin) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

func (f fixedMin) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.w, h)
}

// pxSplit is a horizontal split whose side panel keeps its width in units when the window
// is resized (container.Split keeps a fraction, so the panels would grow with the window).
// A drag of the divider sets the width the panel keeps.
type pxSplit struct {
	container.Split
	keepTrailing bool    // the trailing panel keeps its width; else the leading one
	want         float32 // the width the panel keeps
	set          float64 // the offset last given for want: another one is a drag of the divider
}

func newPxSplit(leading, trailing fyne.CanvasObject, keepTrailing bool, want float32) *pxSplit {
	s := &pxSplit{keepTrailing: keepTrailing, want: want, set: 0.5}
	s.Horizontal, s.Leading, s.Trailing, s.Offset = true, leading, trailing, 0.5
	s.ExtendBaseWidget(s)
	return s
}

func (s *pxSplit) panel() fyne.CanvasObject {
	if s.keepTrailing {
		return s.Trailing
	}
	return s.Leading
}

// width is the width the panel keeps: the one the user dragged the divider to, if they did
// since; a window too small for it narrows the panel for a while, not for good.
func (s *pxSplit) width() float32 {
	// A panel narrower than its least width was squeezed by a window being made (a maximised
	// window is first laid out small): that is not a width the user chose.
	if p := s.panel(); s.Offset != s.set && p.Visible() && s.Leading.Visible() && s.Trailing.Visible() && s.Size().Width > 0 && p.Size().Width >= p.MinSize().Width && p.Size().Width > 0 {
		s.want = p.Size().Width
	}
	s.set = s.Offset
	return s.want
}

// offsetFor is the offset that gives the panel its width in a split as wide as total.
func (s *pxSplit) offsetFor(total float32) float64 {
	avail := total - 2*theme.Padding() // the divider, as container.Split draws it
	if avail <= 0 {
		s.set = s.Offset // not a drag of the divider
		return s.Offset
	}
	f := float64(s.want / avail)
	if s.keepTrailing {
		f = 1 - f
	}
	s.set = max(0, min(1, f))
	return s.set
}

// Resize keeps the panel's width.
func (s *pxSplit) Resize(size fyne.Size) {
	if size == s.Size() {
		return
	}
	s.width()
	s.Offset = s.offsetFor(size.Width)
	s.Split.Resize(size)
}

// setWidth gives the panel a width.
func (s *pxSplit) setWidth(w float32) {
	s.want = w
	s.Offset = s.offsetFor(s.Size().Width)
	s.Refresh()
}

// installPanels builds the three panels: the maps at the left, the board, the inspector at
// the right; each side panel with the width and visibility it had last time.
func (u *ui) installPanels() {
	p := u.app.Preferences()
	u.panels = &panelWidths{
		maps: container.New(fixedMin{mapsMinWidth}, u.side.box),
		insp: container.New(fixedMin{inspMinWidth}, u.rightTabs()),
	}
	u.body = newPxSplit(u.find.view, u.panels.insp, true, float32(p.FloatWithFallback(prefInspWidth, inspWidth)))
	u.outer = newPxSplit(u.panels.maps, u.body, false, float32(p.FloatWithFallback(prefMapsWidth, mapsWidth)))
	// The list of maps starts hidden in a window too narrow for it and three stages.
	wide := u.win.Canvas().Size().Width
	if p.Bool(prefWinMax) && screenOpened != nil {
		if s, ok := screenOpened(); ok {
			wide = max(wide, s.Width)
		}
	}
	if p.BoolWithFallback(prefMapsHidden, wide < narrowWindow) {
		u.panels.maps.Hide()
	}
	if p.Bool(prefInspHidden) {
		u.panels.insp.Hide()
	}
	ctrl := func(k fyne.KeyName, fn func()) {
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { fn() })
	}
	ctrl(keyToggleInsp, u.toggleInspector)
	ctrl(keyToggleMaps, u.toggleMaps)
	u.float.locate, u.float.win = u.toolbarInWindow, u.win
	// Closing the window keeps the panels' widths (of the ui showing: a change of language
	// builds another) and the window's size.
	u.win.SetOnClosed(func() {
		if u.retired {
			return
		}
		u.savePanels()
		if closingWindow != nil {
			closingWindow(u.app, u.win)
		}
	})
	// The name editor of a new stage or lane floats over the board and follows its header.
	u.names = newNameEditor(u)
	u.float.box.Objects = append([]fyne.CanvasObject{u.names}, u.float.box.Objects...)
	prev := u.board.scroll.OnScrolled
	u.board.scroll.OnScrolled = func(p fyne.Position) {
		if prev != nil {
			prev(p)
		}
		u.placeName()
	}
}

// toggleInspector shows or hides the inspector (Ctrl+I); the board takes its room.
func (u *ui) toggleInspector() { u.togglePanel(u.panels.insp, u.body, prefInspHidden) }

// toggleMaps shows or hides the list of maps (Ctrl+B).
func (u *ui) toggleMaps() { u.togglePanel(u.panels.maps, u.outer, prefMapsHidden) }

func (u *ui) togglePanel(panel *fyne.Container, s *pxSplit, pref string) {
	s.width() // remember its width before it goes
	if panel.Visible() {
		panel.Hide()
	} else {
		panel.Show()
		s.Offset = s.offsetFor(s.Size().Width)
	}
	u.app.Preferences().SetBool(pref, !panel.Visible())
	s.Refresh()
	u.board.cull()
}

// savePanels keeps the panels' widths for the next start.
func (u *ui) savePanels() {
	if u.panels == nil {
		return
	}
	p := u.app.Preferences()
	p.SetFloat(prefMapsWidth, math.Round(float64(u.outer.width())))
	p.SetFloat(prefInspWidth, math.Round(float64(u.body.width())))
}

// restoreWindow gives the window the size it had when it was last closed; the first time,
// and when it was last maximised, it opens maximised where the driver can (see
// maximise.go), and as large as the screen's work area otherwise. screen gives the work area
// in units (false when it is not known).
func restoreWindow(a fyne.App, w fyne.Window, screen func() (fyne.Size, bool), maximise func()) {
	p := a.Preferences()
	width, height := p.Float(prefWinWidth), p.Float(prefWinHeight)
	if width >= 400 && height >= 300 {
		w.Resize(fyne.NewSize(float32(width), float32(height)))
		if p.Bool(prefWinMax) {
			maximise()
		}
		return
	}
	size := fyne.NewSize(1280, 800)
	if s, ok := screen(); ok && s.Width >= 400 && s.Height >= 300 {
		size = s
	}
	w.Resize(size)
	maximise()
}

// saveWindow keeps the window's size, and whether it filled the screen's work area (then it
// opens maximised next time).
func saveWindow(a fyne.App, w fyne.Window, screen func() (fyne.Size, bool)) {
	size := w.Canvas().Size()
	if size.Width < 400 || size.Height < 300 {
		return
	}
	p := a.Preferences()
	maxed := false
	if s, ok := screen(); ok {
		maxed = size.Width >= s.Width*0.97 && size.Height >= s.Height*0.9
	}
	p.SetBool(prefWinMax, maxed)
	if maxed {
		if p.Float(prefWinWidth) > 0 {
			return // keep the size it had before it was maximised, for when it is not
		}
		size = size.Min(fyne.NewSize(1280, 800))
	}
	p.SetFloat(prefWinWidth, math.Round(float64(size.Width)))
	p.SetFloat(prefWinHeight, math.Round(float64(size.Height)))
}

// rightTabs is the right-hand panel: the inspector, and the map's comments.
func (u *ui) rightTabs() fyne.CanvasObject {
	p := u.comments
	p.tab = container.NewTabItem(lang.L("Comments"), p.box)
	p.tabs = container.NewAppTabs(container.NewTabItem(lang.L("Inspector"), u.insp.box), p.tab)
	p.refresh()
	return p.tabs
}
