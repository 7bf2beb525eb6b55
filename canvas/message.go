package canvas

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// message is a short notice with one button ("Exported: the map was written to …"). Return,
// Enter and Esc close it, as its OK button does. One finished while presenting waits until
// the presentation ends: nothing covers the slides.
type message struct {
	d       dialog.Dialog
	pending []string // title and text of a message held back while presenting
}

// keyCloser is the part of a message that has the keyboard: Return, Enter and Esc close it.
type keyCloser struct {
	widget.BaseWidget
	close func()
}

func newKeyCloser(close func()) *keyCloser {
	k := &keyCloser{close: close}
	k.ExtendBaseWidget(k)
	return k
}

func (k *keyCloser) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(nil))
}

// FocusGained is needed for fyne.Focusable.
func (k *keyCloser) FocusGained() {}

// FocusLost is needed for fyne.Focusable.
func (k *keyCloser) FocusLost() {}

// TypedRune is needed for fyne.Focusable.
func (k *keyCloser) TypedRune(rune) {}

// TypedKey closes the message on Return, Enter or Esc.
func (k *keyCloser) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		k.close()
	}
}

// showMessage shows a notice the keyboard can close; while presenting, it waits.
func (u *ui) showMessage(title, text string) {
	if u.presenting {
		u.msg.pending = []string{title, text}
		return
	}
	u.hideMessage()
	var d dialog.Dialog
	keys := newKeyCloser(func() { d.Hide() })
	d = dialog.NewCustom(title, lang.L("OK"), container.NewStack(keys, widget.NewLabel(text)), u.win)
	d.SetOnClosed(func() {
		if u.msg.d == d {
			u.msg.d = nil
		}
	})
	u.msg.d = d
	d.Show()
	u.win.Canvas().Focus(keys)
}

// hideMessage closes the notice showing, if any.
func (u *ui) hideMessage() {
	if u.msg.d != nil {
		u.msg.d.Hide()
		u.msg.d = nil
	}
}

// flushMessage shows the notice held back while presenting.
func (u *ui) flushMessage() {
	if p := u.msg.pending; p != nil {
		u.msg.pending = nil
		u.showMessage(p[0], p[1])
	}
}
