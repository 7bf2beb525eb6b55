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
	var seps []fyne.CanvasObject
	sep := func() fyne.CanvasObject {
		s := widget.NewSeparator()
		seps = append(seps, s)
		return s
	}
	u.mapsBtn = btn("", theme.ListIcon(), withKey(lang.L("Show or hide the list of maps"), ctrl, keyToggleMaps), u.toggleMaps)
	u.inspBtn = btn("", theme.InfoIcon(), withKey(lang.L("Show or hide the inspector"), ctrl, keyToggleInsp), u.toggleInspector)
	open := btn("", theme.FolderOpenIcon(), withKey(lang.L("Open a workspace"), ctrl, fyne.KeyO), u.openDialog)
	imp := btn("", theme.FileIcon(), lang.L("Import a map (JSON, CSV, OJF, Mermaid)"), u.importDialog)
	persona := btn("", theme.AccountIcon(), lang.L("Persona…"), u.personaDialog)
	versions := btn("", theme.HistoryIcon(), lang.L("Versions…"), u.versionsDialog)
	comments := btn("", commentIcon, withKey(lang.L("Comments"), shiftShortcutKey, keyComments), u.toggleComments)
	zoomOut := btn("", theme.ZoomOutIcon(), withKey(lang.L("Zoom out"), ctrl, fyne.KeyMinus), u.zoomOut)
	zoomIn := btn("", theme.ZoomInIcon(), withKey(lang.L("Zoom in"), ctrl, fyne.KeyEqual), u.zoomIn)
	present := btn("", theme.MediaPlayIcon(), lang.L("Present")+" (F5)", u.present)
	row := container.New(&toolbarLayout{},
		u.mapsBtn,
		sep(),
		open,
		imp,
		btn("", theme.MediaPhotoIcon(), withKey(lang.L("Export PNG, PDF or SVG…"), ctrl, fyne.KeyE), u.exportDialog),
		sep(),
		btn("", theme.ContentUndoIcon(), withKey(lang.L("Undo"), ctrl, fyne.KeyZ), u.undo),
		btn("", theme.ContentRedoIcon(), redoKey, u.redo),
		sep(),
		btn(lang.L("+ Stage"), nil, withKey(lang.L("Add stage"), shiftShortcutKey, keyAddStage), u.addStage),
		btn(lang.L("+ Lane"), nil, withKey(lang.L("Add lane"), shiftShortcutKey, keyAddLane), u.addLane),
		btn(lang.L("+ Card"), nil, withKey(lang.L("Add card"), shiftShortcutKey, keyAddCard), u.addCardMenu),
		sep(),
		persona,
		versions,
		comments,
		layout.NewSpacer(),
		u.hereBtn,
		zoomOut,
		u.zoomLbl,
		zoomIn,
		btn("", theme.ZoomFitIcon(), withKey(lang.L("Fit the map in the window"), ctrl, keyFit), u.fitMap),
		sep(),
		present,
		u.inspBtn,
	)
	// In a narrow window (half a screen) the row gives up these first, in this order: each
	// is also in the menus with its shortcut.
	row.Layout.(*toolbarLayout).drop = append([]fyne.CanvasObject{u.zoomLbl, zoomOut, zoomIn, versions, persona,
		imp, open, comments, present}, seps...)
	return row
}

// toolbarLayout lays the toolbar out in a row, as an HBox does (a spacer takes the room left),
// but narrower than all its buttons need it leaves out those named in drop, in that order, so
// that the window can be made as narrow as half a screen. A button left out is still in the
// menus.
type toolbarLayout struct {
	drop []fyne.CanvasObject
}

func (l *toolbarLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	droppable := map[fyne.CanvasObject]bool{}
	for _, o := range l.drop {
		droppable[o] = true
	}
	out := map[fyne.CanvasObject]bool{}
	need := func() float32 {
		w := float32(0)
		for _, o := range objs {
			shown := o.Visible() // the row hides only what it leaves out; the others hide themselves
			if droppable[o] {
				shown = !out[o]
			}
			if shown && !isSpacer(o) {
				w += o.MinSize().Width + pad
			}
		}
		return w
	}
	for _, o := range l.drop {
		if need() <= size.Width {
			break
		}
		out[o] = true
	}
	// Left out means hidden: out of reach of the pointer and of Tab.
	for _, o := range l.drop {
		if out[o] && o.Visible() {
			o.Hide()
		} else if !out[o] && !o.Visible() {
			o.Show()
		}
	}
	spare := max(0, size.Width-need())
	x := float32(0)
	for _, o := range objs {
		switch {
		case !o.Visible():
		case isSpacer(o):
			x += spare
		default:
			m := o.MinSize()
			o.Resize(fyne.NewSize(m.Width, size.Height))
			o.Move(fyne.NewPos(x, 0))
			x += m.Width + pad
		}
	}
}

// MinSize is the row without what it may leave out.
func (l *toolbarLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	dropped := map[fyne.CanvasObject]bool{}
	for _, o := range l.drop {
		dropped[o] = true
	}
	var s fyne.Size
	for _, o := range objs {
		if (!o.Visible() && !dropped[o]) || isSpacer(o) {
			continue
		}
		m := o.MinSize()
		s.Height = max(s.Height, m.Height)
		if !dropped[o] {
			s.Width += m.Width + theme.Padding()
		}
	}
	return s
}

func isSpacer(o fyne.CanvasObject) bool {
	sp, ok := o.(layout.SpacerObject)
	return ok && sp.ExpandHorizontal()
}

// commentIcon is a speech bubble, in the theme's foreground colour.
var commentIcon = theme.NewThemedResource(fyne.NewStaticResource("comment.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm0 2v11h2v2l2.5-2H20V5H4zm3 3h10v2H7V8zm0 4h7v2H7v-2z"/></svg>`)))
