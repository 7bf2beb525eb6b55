package canvas

import (
	"image"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/fogleman/gg"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
)

// tile is a Fyne raster that paints a rectangle of the layout with the shared draw routines
// (the ones the PNG export uses), at the device's pixel density: Fyne asks for the raster in
// pixels, so text and curves stay sharp at every zoom and scale.
type tile struct {
	raster *canvas.Raster
	rect   geometry.Rect // the part of the layout the raster shows
	full   geometry.Rect // all of what the tile paints; rect is the part near the view
	pal    geometry.Palette
	paint  func(c *paint.Canvas)
	key    string // what the tile shows, when the caller can say it: an equal key needs no repaint
}

func newTile() *tile {
	t := &tile{}
	t.raster = canvas.NewRaster(t.generate)
	t.raster.ScaleMode = canvas.ImageScalePixels
	return t
}

// set changes what the tile shows; the caller refreshes the raster.
func (t *tile) set(r geometry.Rect, pal geometry.Palette, paint func(c *paint.Canvas)) {
	t.rect, t.full, t.pal, t.paint = r, r, pal, paint
}

// clip limits a large tile to the part of it near the view, so a long link or a wide curve
// at a high zoom does not become a huge picture. The view is widened to a grid of q units, so
// the raster is painted again only when scrolling crosses a grid line. It reports whether any
// of the tile is near the view and whether the shown part changed.
func (t *tile) clip(view geometry.Rect, q float64) (visible, changed bool) {
	x0, y0 := math.Floor(view.X/q)*q, math.Floor(view.Y/q)*q
	x1, y1 := math.Ceil(view.Right()/q)*q, math.Ceil(view.Bottom()/q)*q
	f := t.full
	r := geometry.Rect{X: max(f.X, x0), Y: max(f.Y, y0)}
	r.W, r.H = min(f.Right(), x1)-r.X, min(f.Bottom(), y1)-r.Y
	if r.W <= 0 || r.H <= 0 {
		return false, false
	}
	changed = r != t.rect
	t.rect = r
	return true, changed
}

// placeIn moves and sizes the raster at its rectangle, relative to a parent at (ox, oy).
func (t *tile) placeIn(ox, oy float64) {
	t.raster.Move(fyne.NewPos(float32(t.rect.X-ox), float32(t.rect.Y-oy)))
	// Whole units: a raster of a fractional size is painted into a texture of a rounded size,
	// and the GL painter then maps one onto the other unevenly (a title line came out cut at
	// some zooms). The picture is painted at the rectangle's own scale either way.
	t.raster.Resize(fyne.NewSize(float32(math.Ceil(t.rect.W)), float32(math.Ceil(t.rect.H))))
}

// spare holds the pixels of the last picture a tile painted. Fyne's painters copy a raster's
// picture (the GL painter into a texture, the software one into the frame) before they ask
// any raster for the next, so the next picture is painted in the same memory: a zoom step
// then allocates (and collects) no new pictures, which was a third of its time.
var spare []byte

func (t *tile) generate(w, h int) image.Image {
	r := image.Rect(0, 0, max(w, 1), max(h, 1))
	n := r.Dx() * r.Dy() * 4
	if cap(spare) >= n {
		spare = spare[:n]
		clear(spare)
	} else {
		spare = make([]byte, n)
	}
	img := &image.RGBA{Pix: spare, Stride: r.Dx() * 4, Rect: r}
	if t.paint == nil || t.rect.W <= 0 || w <= 0 {
		return img
	}
	scale := float64(w) / math.Ceil(t.rect.W) // pixels per unit (the raster is in whole units)
	c := paint.New(gg.NewContextForRGBA(img), scale, geometry.Point{X: -t.rect.X * scale, Y: -t.rect.Y * scale}, t.pal)
	t.paint(c)
	return img
}

// grow returns r grown by d on every side.
func grow(r geometry.Rect, d float64) geometry.Rect {
	return geometry.Rect{X: r.X - d, Y: r.Y - d, W: r.W + 2*d, H: r.H + 2*d}
}
