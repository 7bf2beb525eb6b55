package canvas

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"journeycanvas/canvas/geometry"
)

// Text of the board is painted with Fyne's text (sharp at every zoom) in the embedded Noto Sans,
// at the lines, positions and sizes the geometry computed: the geometry gives the baseline, Fyne
// places a text by the top of its line box, so each line is lifted by the font's ascent.

type baselineKey struct {
	size float32
	bold bool
}

var baselines sync.Map // baselineKey → float32

// baselineOf returns how far below the top of a Fyne text box its baseline lies.
func baselineOf(size float32, bold bool) float32 {
	k := baselineKey{size, bold}
	if v, ok := baselines.Load(k); ok {
		return v.(float32)
	}
	var b float32
	if a := fyne.CurrentApp(); a != nil && a.Driver() != nil {
		_, b = a.Driver().RenderedTextSize("Ág", size, fyne.TextStyle{Bold: bold}, nil)
	}
	if b <= 0 {
		b = float32(geometry.Ascent(float64(size), bold))
	}
	baselines.Store(k, b)
	return b
}

// newLineText makes a Fyne text for a geometry line.
func newLineText(l geometry.TextLine, col color.Color) *canvas.Text {
	t := canvas.NewText(l.Text, col)
	setLineText(t, l, col)
	return t
}

// setLineText updates a Fyne text to show a geometry line.
func setLineText(t *canvas.Text, l geometry.TextLine, col color.Color) {
	t.Text = l.Text
	t.Color = col
	t.TextSize = float32(l.Size)
	t.TextStyle = fyne.TextStyle{Bold: l.Bold}
	h := float32(l.Size) * 1.6
	t.Resize(fyne.NewSize(float32(l.W)+float32(l.Size), h))
}

// placeLineText moves a text so that its baseline starts at the line's point, relative to
// the origin (ox, oy) of its parent.
func placeLineText(t *canvas.Text, l geometry.TextLine, ox, oy float64) {
	t.Move(fyne.NewPos(float32(l.X-ox), float32(l.Y-oy)-baselineOf(float32(l.Size), l.Bold)))
}

func rectPos(r geometry.Rect, ox, oy float64) fyne.Position {
	return fyne.NewPos(float32(r.X-ox), float32(r.Y-oy))
}

func rectSize(r geometry.Rect) fyne.Size { return fyne.NewSize(float32(r.W), float32(r.H)) }

func place(o fyne.CanvasObject, r geometry.Rect, ox, oy float64) {
	o.Move(rectPos(r, ox, oy))
	o.Resize(rectSize(r))
}
