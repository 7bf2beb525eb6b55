package canvas

import (
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipDelay is how long the pointer rests on a button before its tooltip shows.
var tipDelay = 500 * time.Millisecond

// floatLayer lies over the whole window content: tooltips and the in-place name editor of a
// new stage or lane sit in it. It is part of the content, not a canvas overlay: an overlay
// would take every click from the window while a tooltip shows, this layer takes none but
// the editor's.
type floatLayer struct {
	box   *fyne.Container
	tip   *fyne.Container
	tipBg *canvas.Rectangle
	text  *canvas.Text
	armed *toolButton // the button the pointer rests on
	timer *time.Timer
	// locate gives where an object of the toolbar is in the layer (the window's content):
	// the desktop driver knows the place of an object only once it has been painted.
	locate func(o fyne.CanvasObject) fyne.Position
	win    fyne.Window // whose canvas repaints the layer
}

func newFloatLayer() *floatLayer {
	l := &floatLayer{tipBg: canvas.NewRectangle(theme.Color(theme.ColorNameForeground))}
	l.tipBg.CornerRadius = 4
	l.text = canvas.NewText("", theme.Color(theme.ColorNameBackground))
	l.text.TextSize = theme.CaptionTextSize() + 1
	l.tip = container.NewWithoutLayout(l.tipBg, l.text)
	l.tip.Hide()
	l.box = container.NewWithoutLayout(l.tip)
	return l
}

// arm starts the wait before b's tooltip shows.
func (l *floatLayer) arm(b *toolButton) {
	l.disarm(nil)
	l.armed = b
	l.timer = time.AfterFunc(tipDelay, func() {
		fyne.Do(func() {
			if l.armed == b {
				l.show(b)
			}
		})
	})
}

// disarm hides the tooltip and stops any wait (for b, or for any button when b is nil).
func (l *floatLayer) disarm(b *toolButton) {
	if b != nil && l.armed != b {
		return
	}
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	l.armed = nil
	if l.tip.Visible() {
		l.tip.Hide()
		l.repaint()
	}
}

// repaint has the window paint the layer again: the tooltip was hidden until now, and the
// desktop driver does not repaint for an object it has never painted.
func (l *floatLayer) repaint() {
	if l.win != nil {
		l.win.Canvas().Refresh(l.box)
	}
}

// show puts b's tooltip under it, kept inside the window.
func (l *floatLayer) show(b *toolButton) {
	if l.locate == nil || !b.Visible() {
		return
	}
	l.text.Text = b.tip
	l.text.Color = theme.Color(theme.ColorNameBackground)
	l.tipBg.FillColor = theme.Color(theme.ColorNameForeground)
	ts := l.text.MinSize()
	pad := theme.Padding()
	size := fyne.NewSize(ts.Width+3*pad, ts.Height+pad)
	l.tipBg.Resize(size)
	l.text.Move(fyne.NewPos(1.5*pad, pad/2))
	l.text.Resize(ts)
	pos := l.locate(b)
	pos.Y += b.Size().Height + 2
	if room := l.box.Size().Width; room > 0 && pos.X+size.Width > room {
		pos.X = max(0, room-size.Width)
	}
	l.tip.Move(pos)
	l.tip.Resize(size)
	l.tip.Show()
	l.tip.Refresh()
	l.repaint()
}

// toolButton is a flat toolbar button with a tooltip: its name and shortcut, shown when the
// pointer rests on it (Fyne's own toolbar has no tooltips).
type toolButton struct {
	widget.Button
	tip   string
	layer *floatLayer
}

func newToolButton(label string, icon fyne.Resource, tip string, layer *floatLayer, tapped func()) *toolButton {
	b := &toolButton{tip: tip, layer: layer}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.Importance = widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn starts the wait for the tooltip.
func (b *toolButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.layer.arm(b)
}

// MouseOut hides the tooltip.
func (b *toolButton) MouseOut() {
	b.Button.MouseOut()
	b.layer.disarm(b)
}

// Tapped hides the tooltip and runs the button's command.
func (b *toolButton) Tapped(e *fyne.PointEvent) {
	b.layer.disarm(b)
	b.Button.Tapped(e)
}

// keyText names a shortcut the way the user's system does: "Ctrl+Shift+S", or "Cmd+Shift+S"
// on macOS, where the shortcut key is Command.
func keyText(mod fyne.KeyModifier, key fyne.KeyName) string {
	mac := runtime.GOOS == "darwin"
	var parts []string
	if mod&fyne.KeyModifierSuper != 0 && mac {
		parts = append(parts, "Cmd") // fyne.KeyModifierShortcutDefault on macOS
	}
	if mod&fyne.KeyModifierControl != 0 {
		parts = append(parts, "Ctrl")
	}
	if mod&fyne.KeyModifierAlt != 0 {
		if mac {
			parts = append(parts, "Option")
		} else {
			parts = append(parts, "Alt")
		}
	}
	if mod&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	if mod&fyne.KeyModifierSuper != 0 && !mac {
		parts = append(parts, "Super")
	}
	return strings.Join(append(parts, string(key)), "+")
}

// withKey is a tooltip: a command's name and its shortcut, "Add stage (Ctrl+Shift+S)".
func withKey(name string, mod fyne.KeyModifier, key fyne.KeyName) string {
	return name + " (" + keyText(mod, key) + ")"
}
