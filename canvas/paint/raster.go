package paint

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"github.com/fogleman/gg"
	"golang.org/x/image/vector"

	"journeycanvas/canvas/geometry"
)

// Raster is the painter that paints pixels: a gg context seen through a layout's
// coordinates, the layout point (x, y) landing on the device pixel (x·Scale + Origin.X,
// y·Scale + Origin.Y). Line widths and text sizes scale too. The context's own matrix is left
// alone (and should be the identity).
//
// Fills go through golang.org/x/image/vector and text through a cache of glyph masks drawn
// with image/draw, both straight into the context's *image.RGBA, with fast paths for the
// shapes a board is made of (spans for the straight parts of rounded rectangles, columns for
// the curve's tinted area); strokes go through gg.
type Raster struct {
	DC     *gg.Context
	Scale  float64        // device pixels per layout unit
	Origin geometry.Point // where the layout's (0, 0) falls, in device pixels
	img    *image.RGBA    // DC's pixels, drawn into directly
}

// NewRaster returns a raster painter on dc. scale is device pixels per layout unit (zoom ×
// device pixel ratio, or the export scale); origin is where the layout's (0, 0) falls on dc.
func NewRaster(dc *gg.Context, scale float64, origin geometry.Point) *Raster {
	img, _ := dc.Image().(*image.RGBA)
	return &Raster{DC: dc, Scale: scale, Origin: origin, img: img}
}

// Dev maps a layout point to device pixels.
func (c *Raster) Dev(x, y float64) (float64, float64) {
	return x*c.Scale + c.Origin.X, y*c.Scale + c.Origin.Y
}

// DevRect maps a layout rectangle to device pixels.
func (c *Raster) DevRect(r geometry.Rect) geometry.Rect {
	x, y := c.Dev(r.X, r.Y)
	return geometry.Rect{X: x, Y: y, W: r.W * c.Scale, H: r.H * c.Scale}
}

// Visible reports whether a layout rectangle (grown by margin layout units) meets the image.
func (c *Raster) Visible(r geometry.Rect, margin float64) bool {
	d := c.DevRect(geometry.Rect{X: r.X - margin, Y: r.Y - margin, W: r.W + 2*margin, H: r.H + 2*margin})
	b := c.img.Bounds()
	return d.X < float64(b.Max.X) && d.Right() > float64(b.Min.X) && d.Y < float64(b.Max.Y) && d.Bottom() > float64(b.Min.Y)
}

// Clip limits painting to a layout rectangle (as well as the image) until restore is called.
func (c *Raster) Clip(r geometry.Rect) (restore func()) {
	d := c.DevRect(r)
	old := c.img
	clip := image.Rect(int(math.Floor(d.X)), int(math.Floor(d.Y)), int(math.Ceil(d.Right())), int(math.Ceil(d.Bottom())))
	c.img = old.SubImage(clip).(*image.RGBA)
	return func() { c.img = old }
}

// FillRoundRect fills a layout rectangle whose corners (top-left, top-right, bottom-right,
// bottom-left) have their own radii.
func (c *Raster) FillRoundRect(r geometry.Rect, radii [4]float64, col color.Color) {
	c.FillCard(r, radii, 0, 0, col, col, col)
}

// ---- fills ----

var rasterizers = sync.Pool{New: func() any { return &vector.Rasterizer{} }}

// path is a shape in device pixels, drawn relative to an offset.
type path func(z *vector.Rasterizer, ox, oy float64)

// fillDev fills a device-space shape whose bounds are b, within clip.
func (c *Raster) fillDev(b geometry.Rect, clip image.Rectangle, col color.Color, p path) {
	if c.img == nil {
		return
	}
	r := image.Rect(int(math.Floor(b.X)), int(math.Floor(b.Y)), int(math.Ceil(b.Right())), int(math.Ceil(b.Bottom())))
	r = r.Intersect(c.img.Bounds()).Intersect(clip)
	if r.Empty() {
		return
	}
	z := rasterizers.Get().(*vector.Rasterizer)
	z.Reset(r.Dx(), r.Dy())
	p(z, float64(r.Min.X), float64(r.Min.Y))
	// Rasterise to an alpha mask, then composite: image/draw skips the mask's empty pixels,
	// which for a thin curve or a circle in its box are most of them.
	m := masks.Get().(*image.Alpha)
	n := r.Dx() * r.Dy()
	if cap(m.Pix) < n {
		m.Pix = make([]uint8, n)
	}
	m.Pix, m.Stride, m.Rect = m.Pix[:n], r.Dx(), image.Rect(0, 0, r.Dx(), r.Dy())
	z.DrawOp = draw.Src
	z.Draw(m, m.Rect, image.Opaque, image.Point{})
	composite(c.img, r, m, col)
	rasterizers.Put(z)
	if n <= 1<<22 { // keep buffers up to 4 MB for reuse
		masks.Put(m)
	}
}

var masks = sync.Pool{New: func() any { return &image.Alpha{} }}

// composite draws col through mask (whose origin sits on r.Min) over dst, like image/draw's
// DrawMask with a uniform source, with two shortcuts: empty mask pixels are skipped and fully
// covered ones take an opaque colour as it is.
func composite(dst *image.RGBA, r image.Rectangle, mask *image.Alpha, col color.Color) {
	const m = 0xffff
	sr, sg, sb, sa := col.RGBA()
	opaque := sa == m
	s8 := [4]uint8{uint8(sr >> 8), uint8(sg >> 8), uint8(sb >> 8), uint8(sa >> 8)}
	w := r.Dx()
	for y := 0; y < r.Dy(); y++ {
		mrow := mask.Pix[y*mask.Stride : y*mask.Stride+w]
		d0 := dst.PixOffset(r.Min.X, r.Min.Y+y)
		drow := dst.Pix[d0 : d0+4*w]
		for x, ma8 := range mrow {
			if ma8 == 0 {
				continue
			}
			d := drow[4*x : 4*x+4 : 4*x+4]
			if ma8 == 0xff && opaque {
				d[0], d[1], d[2], d[3] = s8[0], s8[1], s8[2], s8[3]
				continue
			}
			ma := uint32(ma8) * 0x101
			a := (m - (sa * ma / m)) * 0x101
			d[0] = uint8((uint32(d[0])*a + sr*ma) / m >> 8)
			d[1] = uint8((uint32(d[1])*a + sg*ma) / m >> 8)
			d[2] = uint8((uint32(d[2])*a + sb*ma) / m >> 8)
			d[3] = uint8((uint32(d[3])*a + sa*ma) / m >> 8)
		}
	}
}

var everywhere = image.Rect(math.MinInt32/2, math.MinInt32/2, math.MaxInt32/2, math.MaxInt32/2)

// opFor returns Src for an opaque colour (a plain copy) and Over otherwise.
func opFor(col color.Color) draw.Op {
	if _, _, _, a := col.RGBA(); a == 0xffff {
		return draw.Src
	}
	return draw.Over
}

// blend draws col at the given coverage (0…1) over a device rectangle.
func (c *Raster) blend(r image.Rectangle, cover float64, col color.Color) {
	r = r.Intersect(c.img.Bounds())
	if r.Empty() || cover <= 0 {
		return
	}
	if cover >= 1 {
		draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, opFor(col))
		return
	}
	cr, cg, cb, ca := col.RGBA()
	pc := color.RGBA64{uint16(float64(cr) * cover), uint16(float64(cg) * cover), uint16(float64(cb) * cover), uint16(float64(ca) * cover)}
	draw.Draw(c.img, r, image.NewUniform(pc), image.Point{}, draw.Over)
}

// fillSpan fills device columns x0..x1 (fractional ends blended by their coverage) of the
// whole rows y0..y1.
func (c *Raster) fillSpan(x0, x1 float64, y0, y1 int, col color.Color) {
	if x1 <= x0 || y1 <= y0 {
		return
	}
	ix0, ix1 := int(math.Ceil(x0)), int(math.Floor(x1))
	if ix1 < ix0 { // inside one pixel column
		c.blend(image.Rect(ix1, y0, ix1+1, y1), x1-x0, col)
		return
	}
	c.blend(image.Rect(ix0, y0, ix1, y1), 1, col)
	c.blend(image.Rect(ix0-1, y0, ix0, y1), float64(ix0)-x0, col)
	c.blend(image.Rect(ix1, y0, ix1+1, y1), x1-float64(ix1), col)
}

// fillRows fills device rows y0..y1 (fractional ends blended by their coverage) of the whole
// columns x0..x1.
func (c *Raster) fillRows(x0, x1 int, y0, y1 float64, col color.Color) {
	if x1 <= x0 || y1 <= y0 {
		return
	}
	iy0, iy1 := int(math.Ceil(y0)), int(math.Floor(y1))
	if iy1 < iy0 {
		c.blend(image.Rect(x0, iy1, x1, iy1+1), y1-y0, col)
		return
	}
	c.blend(image.Rect(x0, iy0, x1, iy1), 1, col)
	c.blend(image.Rect(x0, iy0-1, x1, iy0), float64(iy0)-y0, col)
	c.blend(image.Rect(x0, iy1, x1, iy1+1), y1-float64(iy1), col)
}

// devRadii scales corner radii to device pixels, at most half the shorter side.
func (c *Raster) devRadii(d geometry.Rect, radii [4]float64) [4]float64 {
	lim := math.Min(d.W, d.H) / 2
	var rd [4]float64
	for i, v := range radii {
		rd[i] = math.Max(0, math.Min(v*c.Scale, lim))
	}
	return rd
}

// fillRoundRows fills the device rows y0..y1 of a rounded rectangle given in layout units:
// its corner columns through the rasteriser, the columns between them (straight top and
// bottom edges) as rows.
func (c *Raster) fillRoundRows(r geometry.Rect, radii [4]float64, col color.Color, y0, y1 int) {
	if r.W <= 0 || r.H <= 0 || y1 <= y0 {
		return
	}
	d := c.DevRect(r)
	rd := c.devRadii(d, radii)
	shape := func(z *vector.Rasterizer, ox, oy float64) {
		roundRectPath(z, d.X-ox, d.Y-oy, d.W, d.H, rd)
	}
	xL := int(math.Ceil(d.X + math.Max(rd[0], rd[3])))
	xR := int(math.Floor(d.Right() - math.Max(rd[1], rd[2])))
	if xR-xL < 2 {
		c.fillDev(d, image.Rect(everywhere.Min.X, y0, everywhere.Max.X, y1), col, shape)
		return
	}
	c.fillDev(d, image.Rect(everywhere.Min.X, y0, xL, y1), col, shape)
	c.fillDev(d, image.Rect(xR, y0, everywhere.Max.X, y1), col, shape)
	c.fillRows(xL, xR, math.Max(d.Y, float64(y0)), math.Min(d.Bottom(), float64(y1)), col)
}

// FillCard fills a rounded rectangle the way a card is drawn: fill inside a border of width
// bw in border, whose left side is a band of width lw in left (a stripe; lw = bw for a plain
// border). Corner radii are top-left, top-right, bottom-right, bottom-left, in layout units.
// Each pixel between the corner rows is written once, as one of three spans.
func (c *Raster) FillCard(r geometry.Rect, radii [4]float64, bw, lw float64, border, left, fill color.Color) {
	if c.img == nil || r.W <= 0 || r.H <= 0 || r.W <= lw+bw || r.H <= 2*bw {
		return
	}
	d := c.DevRect(r)
	rd := c.devRadii(d, radii)
	b := c.img.Bounds()
	midTop := max(int(math.Ceil(d.Y+math.Max(rd[0], rd[1]))), b.Min.Y)
	midBot := min(int(math.Floor(d.Bottom()-math.Max(rd[2], rd[3]))), b.Max.Y)
	layers := func(y0, y1 int) {
		y0, y1 = max(y0, b.Min.Y), min(y1, b.Max.Y)
		if y1 <= y0 {
			return
		}
		ls, n := cardLayers(r, radii, bw, lw, border, left, fill)
		for _, l := range ls[:n] {
			c.fillRoundRows(l.r, l.radii, l.col, y0, y1)
		}
	}
	if midBot-midTop < 2 {
		layers(int(math.Floor(d.Y)), int(math.Ceil(d.Bottom())))
		return
	}
	layers(int(math.Floor(d.Y)), midTop)
	layers(midBot, int(math.Ceil(d.Bottom())))
	lwd, bwd := lw*c.Scale, bw*c.Scale
	c.fillSpan(d.X, d.X+lwd, midTop, midBot, left)
	c.fillSpan(d.X+lwd, d.Right()-bwd, midTop, midBot, fill)
	c.fillSpan(d.Right()-bwd, d.Right(), midTop, midBot, border)
}

// FillCircle fills a circle given in layout units.
func (c *Raster) FillCircle(cx, cy, radius float64, col color.Color) {
	x, y := c.Dev(cx, cy)
	rr := radius * c.Scale
	c.fillDev(geometry.Rect{X: x - rr, Y: y - rr, W: 2 * rr, H: 2 * rr}, everywhere, col, func(z *vector.Rasterizer, ox, oy float64) {
		circlePath(z, x-ox, y-oy, rr)
	})
}

// FillPolygon fills a closed polygon given in layout units.
func (c *Raster) FillPolygon(pts []geometry.Point, col color.Color) {
	if len(pts) < 3 {
		return
	}
	dev := make([]geometry.Point, len(pts))
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, p := range pts {
		x, y := c.Dev(p.X, p.Y)
		dev[i] = geometry.Point{X: x, Y: y}
		minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
	}
	c.fillDev(geometry.Rect{X: minX, Y: minY, W: maxX - minX, H: maxY - minY}, everywhere, col, func(z *vector.Rasterizer, ox, oy float64) {
		z.MoveTo(float32(dev[0].X-ox), float32(dev[0].Y-oy))
		for _, p := range dev[1:] {
			z.LineTo(float32(p.X-ox), float32(p.Y-oy))
		}
		z.ClosePath()
	})
}

const kappa = 0.5522847498 // control-point distance of a quarter circle of radius 1

func roundRectPath(z *vector.Rasterizer, x, y, w, h float64, r [4]float64) {
	f := func(v float64) float32 { return float32(v) }
	tl, tr, br, bl := r[0], r[1], r[2], r[3]
	z.MoveTo(f(x+tl), f(y))
	z.LineTo(f(x+w-tr), f(y))
	if tr > 0 {
		z.CubeTo(f(x+w-tr+tr*kappa), f(y), f(x+w), f(y+tr-tr*kappa), f(x+w), f(y+tr))
	}
	z.LineTo(f(x+w), f(y+h-br))
	if br > 0 {
		z.CubeTo(f(x+w), f(y+h-br+br*kappa), f(x+w-br+br*kappa), f(y+h), f(x+w-br), f(y+h))
	}
	z.LineTo(f(x+bl), f(y+h))
	if bl > 0 {
		z.CubeTo(f(x+bl-bl*kappa), f(y+h), f(x), f(y+h-bl+bl*kappa), f(x), f(y+h-bl))
	}
	z.LineTo(f(x), f(y+tl))
	if tl > 0 {
		z.CubeTo(f(x), f(y+tl-tl*kappa), f(x+tl-tl*kappa), f(y), f(x+tl), f(y))
	}
	z.ClosePath()
}

func circlePath(z *vector.Rasterizer, cx, cy, r float64) {
	f := func(v float64) float32 { return float32(v) }
	k := r * kappa
	z.MoveTo(f(cx+r), f(cy))
	z.CubeTo(f(cx+r), f(cy+k), f(cx+k), f(cy+r), f(cx), f(cy+r))
	z.CubeTo(f(cx-k), f(cy+r), f(cx-r), f(cy+k), f(cx-r), f(cy))
	z.CubeTo(f(cx-r), f(cy-k), f(cx-k), f(cy-r), f(cx), f(cy-r))
	z.CubeTo(f(cx+k), f(cy-r), f(cx+r), f(cy-k), f(cx+r), f(cy))
	z.ClosePath()
}

// ---- strokes ----

// stroke strokes the path that build makes (in device coordinates). bounds is the path's
// box in device pixels. gg's rasteriser piles up whatever lies above the image into the image's
// first row, so a stroke that leaves the image is drawn on a scratch tile reaching a few
// pixels past the image's edge, and only the part on the image is copied back: drawing a board
// in bands (or a raster showing part of it) gives the same pixels as drawing it whole.
func (c *Raster) stroke(s Stroke, bounds geometry.Rect, build func(dc *gg.Context)) {
	if c.img == nil {
		return
	}
	pad := s.Width*c.Scale + 2
	box := image.Rect(int(math.Floor(bounds.X-pad)), int(math.Floor(bounds.Y-pad)),
		int(math.Ceil(bounds.Right()+pad)), int(math.Ceil(bounds.Bottom()+pad)))
	ib := c.img.Bounds()
	if !box.Overlaps(ib) {
		return
	}
	if box.In(ib) {
		c.strokeOn(c.DC, 0, 0, s, build)
		return
	}
	const margin = 4
	tb := box.Intersect(ib.Inset(-margin))
	n := tb.Dx() * tb.Dy() * 4
	buf, _ := scratch.Get().(*[]byte)
	if buf == nil || cap(*buf) < n {
		b := make([]byte, n)
		buf = &b
	}
	tile := &image.RGBA{Pix: (*buf)[:n], Stride: tb.Dx() * 4, Rect: image.Rect(0, 0, tb.Dx(), tb.Dy())}
	draw.Draw(tile, tile.Rect, c.img, tb.Min, draw.Src) // every pixel written: no clearing needed
	c.strokeOn(gg.NewContextForRGBA(tile), float64(tb.Min.X), float64(tb.Min.Y), s, build)
	on := tb.Intersect(ib)
	draw.Draw(c.img, on, tile, on.Min.Sub(tb.Min), draw.Src)
	scratch.Put(buf)
}

// scratch holds the pixels of stroke tiles between strokes (a board repaint strokes many).
var scratch sync.Pool

func (c *Raster) strokeOn(dc *gg.Context, ox, oy float64, s Stroke, build func(dc *gg.Context)) {
	dc.Push()
	dc.Identity()
	dc.Translate(-ox, -oy)
	dc.ClearPath()
	build(dc)
	dc.SetLineWidth(s.Width * c.Scale)
	dc.SetColor(s.Colour)
	if s.Butt {
		dc.SetLineCapButt()
	} else {
		dc.SetLineCapRound()
	}
	dc.SetLineJoinRound()
	if len(s.Dash) > 0 {
		d := make([]float64, len(s.Dash))
		for i, v := range s.Dash {
			d[i] = v * c.Scale
		}
		dc.SetDash(d...)
	} else {
		dc.SetDash()
	}
	dc.Stroke()
	dc.Pop()
}

// devBounds returns the device box of layout points.
func (c *Raster) devBounds(pts ...geometry.Point) geometry.Rect {
	x0, y0 := math.Inf(1), math.Inf(1)
	x1, y1 := math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		x, y := c.Dev(p.X, p.Y)
		x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
	}
	return geometry.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// Line strokes a polyline given in layout units.
func (c *Raster) Line(s Stroke, pts ...geometry.Point) {
	if len(pts) < 2 {
		return
	}
	c.stroke(s, c.devBounds(pts...), func(dc *gg.Context) {
		dc.MoveTo(c.Dev(pts[0].X, pts[0].Y))
		for _, p := range pts[1:] {
			dc.LineTo(c.Dev(p.X, p.Y))
		}
	})
}

// Bezier strokes cubic Bézier segments (start, control, control, end) given in layout units.
func (c *Raster) Bezier(s Stroke, segs ...[4]geometry.Point) {
	if len(segs) == 0 {
		return
	}
	var all []geometry.Point
	for _, g := range segs {
		all = append(all, g[:]...)
	}
	c.stroke(s, c.devBounds(all...), func(dc *gg.Context) {
		dc.MoveTo(c.Dev(segs[0][0].X, segs[0][0].Y))
		for _, g := range segs {
			x3, y3 := c.Dev(g[3].X, g[3].Y)
			if straight(g) {
				// gg flattens a cubic into a segment per pixel of its length: a long straight
				// leg as a cubic costs thousands of joins.
				dc.LineTo(x3, y3)
				continue
			}
			x1, y1 := c.Dev(g[1].X, g[1].Y)
			x2, y2 := c.Dev(g[2].X, g[2].Y)
			dc.CubicTo(x1, y1, x2, y2, x3, y3)
		}
	})
}

// StrokeCircle strokes a circle given in layout units.
func (c *Raster) StrokeCircle(s Stroke, cx, cy, radius float64) {
	c.stroke(s, c.devBounds(geometry.Point{X: cx - radius, Y: cy - radius}, geometry.Point{X: cx + radius, Y: cy + radius}), func(dc *gg.Context) {
		x, y := c.Dev(cx, cy)
		dc.DrawCircle(x, y, radius*c.Scale)
	})
}

// straight reports whether a cubic's control points lie on the line between its ends.
func straight(g [4]geometry.Point) bool {
	dx, dy := g[3].X-g[0].X, g[3].Y-g[0].Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return g[1] == g[0] && g[2] == g[0]
	}
	for _, p := range g[1:3] {
		if math.Abs((p.X-g[0].X)*dy-(p.Y-g[0].Y)*dx)/l > 0.01 {
			return false
		}
	}
	return true
}
