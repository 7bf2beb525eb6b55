// Package paint holds the drawing rules of a journey map: the emotion curve, cards with their
// faces and markers, links, stage and lane headers, and text, each drawn from a
// geometry.Layout through a Painter. The Raster painter paints pixels (the Fyne board paints
// the same routines into a canvas.Raster and the PNG export into an image), and the export's
// vector painter writes PDF and SVG, so a curve or a card looks the same on screen, in a PNG
// and on paper. It imports gg, never Fyne.
//
// The routines are safe to call from several goroutines on different canvases.
package paint

import (
	"image/color"
	"math"

	"github.com/fogleman/gg"

	"journeycanvas/canvas/geometry"
)

// Painter is what the drawing rules paint through. Coordinates, lengths and text sizes are in
// layout units; each painter maps them to its own device (pixels, PDF points, SVG units).
type Painter interface {
	// Visible reports whether a layout rectangle, grown by margin, meets what is painted (the
	// image, the page, the clip), so the rules can skip what falls outside.
	Visible(r geometry.Rect, margin float64) bool
	// FillRoundRect fills a rectangle whose corners (top-left, top-right, bottom-right,
	// bottom-left) have their own radii; all zero for a plain rectangle.
	FillRoundRect(r geometry.Rect, radii [4]float64, col color.Color)
	// FillCircle fills a circle.
	FillCircle(cx, cy, radius float64, col color.Color)
	// FillPolygon fills a closed polygon.
	FillPolygon(pts []geometry.Point, col color.Color)
	// Line strokes a polyline.
	Line(s Stroke, pts ...geometry.Point)
	// Bezier strokes a path of cubic Bézier segments (start, control, control, end), each
	// starting where the one before ends.
	Bezier(s Stroke, segs ...[4]geometry.Point)
	// StrokeCircle strokes a circle.
	StrokeCircle(s Stroke, cx, cy, radius float64)
	// Text draws a run of text: t.X, t.Y is the left end of its baseline, t.Size its size;
	// the glyphs advance by geometry.RuneAdvance, the widths the layout broke lines with.
	Text(t geometry.TextLine, col color.Color)
	// Photo draws a picture (PNG or JPEG bytes, checked by data.CheckPhoto; key names its
	// content, "" to hash it) cropped to a square from its centre and clipped to the circle
	// inscribed in r. It reports false, drawing nothing, when there is no picture or it cannot
	// be decoded.
	Photo(b []byte, key string, r geometry.Rect) bool
	// Clip limits painting to a rectangle until restore is called.
	Clip(r geometry.Rect) (restore func())
}

// Stroke is how a line is drawn: width in layout units, round caps and joins, optional dashes
// (layout units).
type Stroke struct {
	Width  float64
	Colour color.Color
	Dash   []float64
	Butt   bool // butt caps instead of round
}

// Canvas is a layout seen through a painter, with the palette everything is painted in.
type Canvas struct {
	P     Painter
	Scale float64          // device pixels per layout unit: small details are left out below a few pixels
	Pal   geometry.Palette // the colours everything is painted in
	r     *Raster          // P when it paints pixels: its fast paths for cards and curves
}

// New returns a Canvas painting pixels on dc. scale is device pixels per layout unit (zoom ×
// device pixel ratio, or the export scale); origin is where the layout's (0, 0) falls on dc.
func New(dc *gg.Context, scale float64, origin geometry.Point, pal geometry.Palette) *Canvas {
	r := NewRaster(dc, scale, origin)
	return &Canvas{P: r, Scale: scale, Pal: pal, r: r}
}

// NewOn returns a Canvas painting through p. scale is the device pixels per layout unit of
// the picture p stands for (a PDF page printed or shown at that resolution): the rules leave
// out the details that would be smaller than a few pixels there, as they do on screen.
func NewOn(p Painter, scale float64, pal geometry.Palette) *Canvas {
	r, _ := p.(*Raster)
	return &Canvas{P: p, Scale: scale, Pal: pal, r: r}
}

// Visible reports whether a layout rectangle (grown by margin layout units) meets what is
// painted.
func (c *Canvas) Visible(r geometry.Rect, margin float64) bool { return c.P.Visible(r, margin) }

// FillRect fills a layout rectangle.
func (c *Canvas) FillRect(r geometry.Rect, col color.Color) {
	c.P.FillRoundRect(r, [4]float64{}, col)
}

// FillRoundRect fills a layout rectangle with corners of the given radius (layout units).
func (c *Canvas) FillRoundRect(r geometry.Rect, radius float64, col color.Color) {
	c.P.FillRoundRect(r, [4]float64{radius, radius, radius, radius}, col)
}

// FillRoundRectCorners fills a layout rectangle whose corners (top-left, top-right,
// bottom-right, bottom-left) have their own radii.
func (c *Canvas) FillRoundRectCorners(r geometry.Rect, radii [4]float64, col color.Color) {
	c.P.FillRoundRect(r, radii, col)
}

// FillCard fills a rounded rectangle the way a card is drawn: fill inside a border of width
// bw in border, whose left side is a band of width lw in left (a stripe; lw = bw for a plain
// border). Corner radii are top-left, top-right, bottom-right, bottom-left, in layout units.
func (c *Canvas) FillCard(r geometry.Rect, radii [4]float64, bw, lw float64, border, left, fill color.Color) {
	if c.r != nil {
		c.r.FillCard(r, radii, bw, lw, border, left, fill)
		return
	}
	if r.W <= 0 || r.H <= 0 || r.W <= lw+bw || r.H <= 2*bw {
		return
	}
	ls, n := cardLayers(r, radii, bw, lw, border, left, fill)
	for _, l := range ls[:n] {
		c.P.FillRoundRect(l.r, l.radii, l.col)
	}
}

// layer is one rounded rectangle of a card's fill.
type layer struct {
	r     geometry.Rect
	radii [4]float64
	col   color.Color
}

// cardLayers are the rounded rectangles a card is filled with, each over the one before: the
// whole shape in the stripe's colour, the body right of the stripe in the border's, the body
// inside the border in the fill. A plain border is two layers; no border, one.
func cardLayers(r geometry.Rect, radii [4]float64, bw, lw float64, border, left, fill color.Color) ([3]layer, int) {
	var ls [3]layer
	if bw == 0 && lw == 0 {
		ls[0] = layer{r, radii, fill}
		return ls, 1
	}
	inner := [4]float64{}
	for i, v := range radii {
		inner[i] = math.Max(0, v-bw)
	}
	if lw == bw {
		ls[0] = layer{r, radii, border}
		ls[1] = layer{r.Inset(bw), inner, fill}
		return ls, 2
	}
	body := geometry.Rect{X: r.X + lw, Y: r.Y, W: r.W - lw, H: r.H}
	ls[0] = layer{r, radii, left}
	ls[1] = layer{body, [4]float64{0, radii[1], radii[2], 0}, border}
	ls[2] = layer{geometry.Rect{X: body.X, Y: body.Y + bw, W: body.W - bw, H: body.H - 2*bw}, [4]float64{0, inner[1], inner[2], 0}, fill}
	return ls, 3
}

// FillCircle fills a circle given in layout units.
func (c *Canvas) FillCircle(cx, cy, radius float64, col color.Color) {
	c.P.FillCircle(cx, cy, radius, col)
}

// FillPolygon fills a closed polygon given in layout units.
func (c *Canvas) FillPolygon(pts []geometry.Point, col color.Color) { c.P.FillPolygon(pts, col) }

// Line strokes a polyline given in layout units.
func (c *Canvas) Line(s Stroke, pts ...geometry.Point) { c.P.Line(s, pts...) }

// Bezier strokes cubic Bézier segments (start, control, control, end) given in layout units.
func (c *Canvas) Bezier(s Stroke, segs ...[4]geometry.Point) { c.P.Bezier(s, segs...) }

// StrokeCircle strokes a circle given in layout units.
func (c *Canvas) StrokeCircle(s Stroke, cx, cy, radius float64) { c.P.StrokeCircle(s, cx, cy, radius) }

// Text draws a line of text in the given colour: t.X, t.Y is the left end of its baseline in
// layout units and t.Size its size in layout units.
func (c *Canvas) Text(t geometry.TextLine, col color.Color) { c.P.Text(t, col) }

// Photo draws a persona picture clipped to the circle inscribed in r (see Painter.Photo).
func (c *Canvas) Photo(b []byte, key string, r geometry.Rect) bool { return c.P.Photo(b, key, r) }
