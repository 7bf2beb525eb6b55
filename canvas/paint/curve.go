package paint

import (
	"image"
	"image/color"
	"math"

	"golang.org/x/image/vector"

	"journeycanvas/canvas/geometry"
)

// Curve draws the emotion curve of a layout: a faint rule per step of the scale with its
// number and name, a dashed neutral line, the compared map's curve (if any) in its own colour,
// the monotone cubic through the points (Fritsch–Carlson: it never overshoots a score), the
// area between the curve and the neutral line tinted green above it and red below, a face per
// point, the pain hot spots (a ring and "!" on the lowest points, an arrow on sharp drops), a
// star on moments of truth, and the legend at the top of the plot. When points are too close
// for faces (less than a face apart), they get dots; closer than about 5 device pixels, only
// the line.
//
// The faces sit on a ring of the palette's Cell colour; Board uses the emotion lane's own.
func (c *Canvas) Curve(cv *geometry.CurveBox) { c.curve(cv, c.Pal.Cell) }

// CurveScale draws the scale's labels beside the plot (in the emotion lane's header): each
// step's number and name. Curve draws them too; the board's pinned lane header draws only
// these.
func (c *Canvas) CurveScale(cv *geometry.CurveBox) {
	for _, t := range cv.Ticks {
		c.Text(t.Label, c.Pal.Muted)
		for _, n := range t.Name {
			c.Text(n, c.Pal.Muted)
		}
	}
}

func (c *Canvas) curve(cv *geometry.CurveBox, halo color.Color) {
	if cv == nil {
		return
	}
	p := c.Pal
	r := cv.Rect
	neutral := float64(cv.Scale.Min+cv.Scale.Max) / 2
	faint := p.Grid
	faint.A = 70
	c.CurveScale(cv)
	for _, t := range cv.Ticks {
		if t.Score == neutral {
			continue
		}
		c.FillRect(geometry.Rect{X: r.X, Y: t.Y - 0.5, W: r.W, H: 1}, faint)
	}
	c.neutralLine(r.X, r.Right(), cv.NeutralY, p.Grid)

	// The compared map's curve, behind this one's.
	if len(cv.Compare) > 0 {
		cp := make([]geometry.Point, len(cv.Compare))
		for i, q := range cv.Compare {
			cp[i] = geometry.Point{X: q.X, Y: q.Y}
		}
		if len(cp) >= 2 {
			c.graphLine(cp, 2, p.CompareLine)
		}
		if gap := minGap(cp); gap >= 8 {
			for _, q := range cp {
				c.FillCircle(q.X, q.Y, 4.5, halo)
				c.FillCircle(q.X, q.Y, 3.2, p.CompareLine)
			}
		}
	}

	pts := make([]geometry.Point, len(cv.Points))
	for i, q := range cv.Points {
		pts[i] = geometry.Point{X: q.X, Y: q.Y}
	}
	var segs [][4]geometry.Point
	if len(pts) >= 2 {
		segs = MonotoneBeziers(pts)
		c.tint(pts, cv.NeutralY, p.PositiveTint, p.NegativeTint)
		c.graphLine(pts, 2.5, p.CurveLine)
	}

	lowest := make(map[int]bool)
	for _, h := range cv.Hot {
		if h.Kind == geometry.HotLowest {
			lowest[h.Index] = true
		}
	}
	fr := cv.FaceR
	gap := minGap(pts)
	faces := gap >= 2*fr+2
	switch {
	case faces:
		for i, q := range cv.Points {
			if lowest[i] {
				c.FillCircle(q.X, q.Y, fr+4, p.Pain)
			}
			c.FillCircle(q.X, q.Y, fr+2, halo)
			c.Face(q.X, q.Y, fr, q.Norm)
		}
	case gap*c.Scale >= 5:
		dot := math.Min(3.5, gap/2.5)
		for _, q := range cv.Points {
			c.FillCircle(q.X, q.Y, dot, p.EmotionColour(q.Norm))
		}
	}

	// Hot spots and moments of truth: badges beside the faces, or small marks when the
	// points are too close for faces.
	badge := fr * 0.68
	if !faces {
		c.denseMarks(cv, segs, math.Max(1.5/c.Scale, math.Min(badge, gap/2)))
	}
	for _, h := range cv.Hot {
		if !faces {
			break
		}
		if h.Index < 0 || h.Index >= len(pts) {
			continue
		}
		q := pts[h.Index]
		switch h.Kind {
		case geometry.HotLowest:
			c.hotBadge(geometry.LegendLowest, q.X+fr*0.9, q.Y-fr*0.9, badge, halo)
		case geometry.HotDrop:
			if h.Index > 0 {
				m := geometry.BezierAt(segs[h.Index-1][0], segs[h.Index-1][1], segs[h.Index-1][2], segs[h.Index-1][3], 0.5)
				c.hotBadge(geometry.LegendDrop, m.X, m.Y, badge, halo)
			}
		}
	}
	for _, q := range cv.Points {
		if q.Moment && faces {
			c.hotBadge(geometry.LegendMoment, q.X-fr*0.9, q.Y-fr*0.9, badge, halo)
		}
	}

	// The legend.
	for _, it := range cv.Legend {
		b := it.Icon
		mid := b.Y + b.H/2
		switch it.Kind {
		case geometry.LegendThisMap, geometry.LegendCompare:
			col := p.CurveLine
			if it.Kind == geometry.LegendCompare {
				col = p.CompareLine
			}
			c.FillRoundRect(geometry.Rect{X: b.X, Y: mid - 1.25, W: b.W, H: 2.5}, 1.25, col)
			if it.Kind == geometry.LegendCompare {
				c.FillCircle(b.X+b.W/2, mid, 3.2, col)
			}
		default:
			c.hotBadge(it.Kind, b.X+b.W/2, mid, b.H/2, halo)
		}
		c.Text(it.Label, p.Text)
	}
}

// denseMarks marks hot spots and moments of truth on a curve whose points are too close for
// faces: a small disc (of radius r) of the pain colour under each lowest point and on each
// sharp drop, of the moment-of-truth colour above each moment. Discs of a colour are filled
// as one shape, so a thousand of them cost about as much as one large fill.
func (c *Canvas) denseMarks(cv *geometry.CurveBox, segs [][4]geometry.Point, r float64) {
	var pain, moments []geometry.Point
	for _, h := range cv.Hot {
		if h.Index < 0 || h.Index >= len(cv.Points) {
			continue
		}
		q := cv.Points[h.Index]
		switch {
		case h.Kind == geometry.HotLowest:
			pain = append(pain, geometry.Point{X: q.X, Y: q.Y + r*1.6})
		case h.Index > 0 && h.Index-1 < len(segs):
			s := segs[h.Index-1]
			pain = append(pain, geometry.BezierAt(s[0], s[1], s[2], s[3], 0.5))
		}
	}
	for _, q := range cv.Points {
		if q.Moment {
			moments = append(moments, geometry.Point{X: q.X, Y: q.Y - r*1.6})
		}
	}
	c.circles(pain, r, c.Pal.Pain)
	c.circles(moments, r, c.Pal.MomentTruth)
}

// fillCircles fills circles of one radius (layout units) centred on pts. Discs of at most
// 4 device pixels' radius are covered pixel by pixel (coverage from the distance to the
// centre), without the rasteriser: a thousand of them take a fraction of a millisecond.
func (c *Raster) fillCircles(pts []geometry.Point, r float64, col color.Color) {
	rr := r * c.Scale
	if rr > 4 {
		for _, p := range pts {
			c.FillCircle(p.X, p.Y, r, col)
		}
		return
	}
	var buf [12 * 12]uint8
	bounds := c.img.Bounds()
	for _, p := range pts {
		x, y := c.Dev(p.X, p.Y)
		box := image.Rect(int(math.Floor(x-rr-0.5)), int(math.Floor(y-rr-0.5)), int(math.Ceil(x+rr+0.5)), int(math.Ceil(y+rr+0.5))).Intersect(bounds)
		if box.Empty() {
			continue
		}
		w, h := box.Dx(), box.Dy()
		m := &image.Alpha{Pix: buf[:w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}
		for j := 0; j < h; j++ {
			for i := 0; i < w; i++ {
				d := math.Hypot(float64(box.Min.X+i)+0.5-x, float64(box.Min.Y+j)+0.5-y)
				m.Pix[j*w+i] = uint8(math.Max(0, math.Min(1, rr+0.5-d))*255 + 0.5)
			}
		}
		composite(c.img, box, m, col)
	}
}

// neutralLine draws the curve's dashed neutral line, one layout unit thick, from x0 to x1 at
// height y.
func (c *Canvas) neutralLine(x0, x1, y float64, col color.Color) {
	if c.r != nil {
		nx0, ny := c.r.Dev(x0, y)
		nx1, _ := c.r.Dev(x1, y)
		c.r.hline(nx0, nx1, ny, c.Scale, []float64{4 * c.Scale, 4 * c.Scale}, col)
		return
	}
	c.P.Line(Stroke{Width: 1, Colour: col, Dash: []float64{4, 4}, Butt: true}, geometry.Point{X: x0, Y: y}, geometry.Point{X: x1, Y: y})
}

// graphLine strokes the monotone interpolant through pts (x increasing) with round ends and
// joins.
func (c *Canvas) graphLine(pts []geometry.Point, width float64, col color.Color) {
	if c.r != nil {
		c.r.strokeGraph(pts, width, col)
		return
	}
	c.P.Bezier(Stroke{Width: width, Colour: col}, MonotoneBeziers(pts)...)
}

// tint tints the area between the monotone interpolant through pts (x increasing) and the
// line y = base: pos where the curve is above it, neg below.
func (c *Canvas) tint(pts []geometry.Point, base float64, pos, neg color.Color) {
	if c.r != nil {
		c.r.tintArea(pts, base, pos, neg)
		return
	}
	for _, lobe := range tintLobes(MonotoneBeziers(pts), base) {
		col := neg
		if lobe.above {
			col = pos
		}
		c.P.FillPolygon(lobe.pts, col)
	}
}

// lobe is a region between a curve and a base line, on one side of it.
type lobe struct {
	pts   []geometry.Point
	above bool
}

// tintLobes cuts the area between the curve made of segs and the line y = base into lobes
// that lie wholly above or below the line, each a polygon (the curve flattened to eight
// chords a segment) closed along the line.
func tintLobes(segs [][4]geometry.Point, base float64) []lobe {
	if len(segs) == 0 {
		return nil
	}
	var line []geometry.Point
	line = append(line, segs[0][0])
	for _, s := range segs {
		for k := 1; k <= 8; k++ {
			line = append(line, geometry.BezierAt(s[0], s[1], s[2], s[3], float64(k)/8))
		}
	}
	var out []lobe
	var cur []geometry.Point
	side := func(p geometry.Point) int {
		switch {
		case p.Y < base:
			return 1
		case p.Y > base:
			return -1
		}
		return 0
	}
	flush := func(endX float64, s int) {
		if len(cur) >= 2 && s != 0 {
			poly := append([]geometry.Point{{X: cur[0].X, Y: base}}, cur...)
			poly = append(poly, geometry.Point{X: endX, Y: base})
			out = append(out, lobe{pts: poly, above: s > 0})
		}
		cur = nil
	}
	curSide := 0
	for i, p := range line {
		s := side(p)
		if i > 0 && s != 0 && curSide != 0 && s != curSide {
			q := line[i-1]
			x := q.X + (p.X-q.X)*(base-q.Y)/(p.Y-q.Y)
			cur = append(cur, geometry.Point{X: x, Y: base})
			flush(x, curSide)
			cur = append(cur, geometry.Point{X: x, Y: base})
		}
		cur = append(cur, p)
		if s != 0 {
			curSide = s
		}
	}
	flush(line[len(line)-1].X, curSide)
	return out
}

// circles fills circles of one radius (layout units) centred on pts.
func (c *Canvas) circles(pts []geometry.Point, r float64, col color.Color) {
	if c.r != nil {
		c.r.fillCircles(pts, r, col)
		return
	}
	for _, p := range pts {
		c.P.FillCircle(p.X, p.Y, r, col)
	}
}

// minGap is the least horizontal distance between neighbouring points (+Inf for fewer than
// two).
func minGap(pts []geometry.Point) float64 {
	gap := math.Inf(1)
	for i := 1; i < len(pts); i++ {
		gap = math.Min(gap, pts[i].X-pts[i-1].X)
	}
	return gap
}

// hotBadge draws the mark of a curve legend kind as a disc of radius r centred on (cx, cy)
// with a thin halo: "!" for the lowest point, a down arrow for a sharp drop, a star for a
// moment of truth. Below 5 device pixels across, only the disc.
func (c *Canvas) hotBadge(k geometry.CurveLegendKind, cx, cy, r float64, halo color.Color) {
	p := c.Pal
	col := p.Pain
	if k == geometry.LegendMoment {
		col = p.MomentTruth
	}
	if 2*r*c.Scale < 5 {
		c.FillCircle(cx, cy, r, col)
		return
	}
	c.FillCircle(cx, cy, r+1.2, halo)
	switch k {
	case geometry.LegendLowest:
		c.Marker(geometry.MarkerPain, geometry.Rect{X: cx - r, Y: cy - r, W: 2 * r, H: 2 * r})
	case geometry.LegendMoment:
		c.Marker(geometry.MarkerMomentOfTruth, geometry.Rect{X: cx - r, Y: cy - r, W: 2 * r, H: 2 * r})
	default:
		c.FillCircle(cx, cy, r, col)
		white := color.NRGBA{255, 255, 255, 255}
		if p.Dark {
			white = color.NRGBA{0x14, 0x17, 0x1C, 255}
		}
		// A down arrow: a stem and a head.
		c.FillRect(geometry.Rect{X: cx - 0.11*r, Y: cy - 0.55*r, W: 0.22 * r, H: 0.6 * r}, white)
		c.FillPolygon([]geometry.Point{{X: cx - 0.42*r, Y: cy}, {X: cx + 0.42*r, Y: cy}, {X: cx, Y: cy + 0.55*r}}, white)
	}
}

// tintArea tints the area between the monotone interpolant through pts (x increasing) and
// the line y = base: pos where the curve is above it, neg below. It goes column by column of
// device pixels (the curve is a function of x), each a vertical span from the curve to the
// line with its end pixels blended by their coverage: no rasteriser, and only the pixels of
// the area are touched. The curve's stroke covers the span ends at the curve.
func (c *Raster) tintArea(pts []geometry.Point, base float64, pos, neg color.Color) {
	n := len(pts)
	xs, ys := make([]float64, n), make([]float64, n)
	for i, p := range pts {
		xs[i], ys[i] = c.Dev(p.X, p.Y)
	}
	_, by := c.Dev(0, base)
	ev := &hermite{xs: xs, ys: ys, ms: MonotoneTangents(xs, ys)}
	b := c.img.Bounds()
	k0, k1 := max(int(math.Floor(xs[0])), b.Min.X), min(int(math.Ceil(xs[n-1])), b.Max.X)
	if k1 <= k0 {
		return
	}
	up, down := newBlender(pos), newBlender(neg)
	for k := k0; k < k1; k++ {
		l, r := math.Max(float64(k), xs[0]), math.Min(float64(k+1), xs[n-1])
		if r <= l {
			continue
		}
		y := ev.at((l + r) / 2)
		if y < by {
			c.tintColumn(k, y, by, r-l, up)
		} else if y > by {
			c.tintColumn(k, by, y, r-l, down)
		}
	}
}

// tintColumn blends bl's colour over device column k from y0 to y1 (fractional ends by
// their coverage), at horizontal coverage hcov (0…1).
func (c *Raster) tintColumn(k int, y0, y1, hcov float64, bl *blender) {
	b := c.img.Bounds()
	if k < b.Min.X || k >= b.Max.X {
		return
	}
	px := func(y int, cover float64) {
		if y >= b.Min.Y && y < b.Max.Y {
			i := c.img.PixOffset(k, y)
			bl.px(c.img.Pix[i:i+4:i+4], cover)
		}
	}
	iy0, iy1 := int(math.Ceil(y0)), int(math.Floor(y1))
	if iy1 < iy0 { // within one pixel
		px(iy1, (y1-y0)*hcov)
		return
	}
	px(iy0-1, (float64(iy0)-y0)*hcov)
	from, to := max(iy0, b.Min.Y), min(iy1, b.Max.Y)
	if hcov >= 1 {
		for y, i := from, c.img.PixOffset(k, from); y < to; y, i = y+1, i+c.img.Stride {
			bl.full(c.img.Pix[i : i+4 : i+4])
		}
	} else {
		for y := from; y < to; y++ {
			px(y, hcov)
		}
	}
	px(iy1, (y1-float64(iy1))*hcov)
}

// hline draws a horizontal line of device thickness w centred on device row yc, from device
// x0 to x1, dashed (on, off in device pixels; nil for solid), ends and edges blended by
// their coverage.
func (c *Raster) hline(x0, x1, yc, w float64, dash []float64, col color.Color) {
	bl := newBlender(col)
	b := c.img.Bounds()
	ya, yb := yc-w/2, yc+w/2
	for y := max(int(math.Floor(ya)), b.Min.Y); y < min(int(math.Ceil(yb)), b.Max.Y); y++ {
		vc := math.Min(yb, float64(y+1)) - math.Max(ya, float64(y))
		if vc <= 0 {
			continue
		}
		on, off := x1-x0, 0.0
		if len(dash) == 2 {
			on, off = dash[0], dash[1]
		}
		for d0 := x0; d0 < x1; d0 += on + off {
			d1 := math.Min(d0+on, x1)
			for x := max(int(math.Floor(d0)), b.Min.X); x < min(int(math.Ceil(d1)), b.Max.X); x++ {
				hc := math.Min(d1, float64(x+1)) - math.Max(d0, float64(x))
				if hc > 0 {
					i := c.img.PixOffset(x, y)
					bl.px(c.img.Pix[i:i+4:i+4], hc*vc)
				}
			}
		}
	}
}

// blender blends one colour over RGBA pixels at a coverage, with the arithmetic of
// composite; full coverage goes through tables (a pixel channel in, the blended one out).
type blender struct {
	sr, sg, sb, sa uint32
	tab            [4][256]uint8
}

func newBlender(col color.Color) *blender {
	bl := &blender{}
	bl.sr, bl.sg, bl.sb, bl.sa = col.RGBA()
	for v := 0; v < 256; v++ {
		d := [4]uint8{uint8(v), uint8(v), uint8(v), uint8(v)}
		bl.mix(d[:], 0xff)
		for ch := range bl.tab {
			bl.tab[ch][v] = d[ch]
		}
	}
	return bl
}

func (bl *blender) full(d []uint8) {
	d[0], d[1], d[2], d[3] = bl.tab[0][d[0]], bl.tab[1][d[1]], bl.tab[2][d[2]], bl.tab[3][d[3]]
}

func (bl *blender) px(d []uint8, cover float64) {
	ma8 := uint32(math.Min(1, cover)*255 + 0.5)
	switch ma8 {
	case 0:
	case 0xff:
		bl.full(d)
	default:
		bl.mix(d, ma8)
	}
}

func (bl *blender) mix(d []uint8, ma8 uint32) {
	const m = 0xffff
	ma := ma8 * 0x101
	a := (m - (bl.sa * ma / m)) * 0x101
	d[0] = uint8((uint32(d[0])*a + bl.sr*ma) / m >> 8)
	d[1] = uint8((uint32(d[1])*a + bl.sg*ma) / m >> 8)
	d[2] = uint8((uint32(d[2])*a + bl.sb*ma) / m >> 8)
	d[3] = uint8((uint32(d[3])*a + bl.sa*ma) / m >> 8)
}

// strokeGraph strokes the monotone interpolant through pts (x increasing) with round ends and
// joins: the outline is the curve swept by a disc of the line's width, found column by column
// (the curve is a function of x), and filled as one polygon. gg's stroker slows down
// quadratically on a long zigzag (1,000 points across a screen); this does not.
func (c *Raster) strokeGraph(pts []geometry.Point, width float64, col color.Color) {
	n := len(pts)
	xs, ys := make([]float64, n), make([]float64, n)
	for i, p := range pts {
		xs[i], ys[i] = c.Dev(p.X, p.Y)
	}
	ev := &hermite{xs: xs, ys: ys, ms: MonotoneTangents(xs, ys)}
	r := width * c.Scale / 2
	const sub = 4 // disc samples per pixel
	k0, k1 := int(math.Floor(xs[0]-r)), int(math.Ceil(xs[n-1]+r))
	b := c.img.Bounds()
	k0, k1 = max(k0, b.Min.X-1), min(k1, b.Max.X+1)
	if k1 <= k0 {
		return
	}
	top := make([]geometry.Point, 0, k1-k0+1)
	bot := make([]geometry.Point, 0, k1-k0+1)
	steps := int(math.Ceil(r * sub))
	for k := k0; k <= k1; k++ {
		x := float64(k)
		lo, hi := math.Inf(1), math.Inf(-1)
		for j := -steps; j <= steps; j++ {
			dx := float64(j) / sub
			if dx < -r || dx > r {
				continue
			}
			xp := x + dx
			if xp < xs[0] || xp > xs[n-1] {
				continue
			}
			h := math.Sqrt(r*r - dx*dx)
			y := ev.at(xp)
			lo, hi = math.Min(lo, y-h), math.Max(hi, y+h)
		}
		if math.IsInf(lo, 0) {
			continue
		}
		top = append(top, geometry.Point{X: x, Y: lo})
		bot = append(bot, geometry.Point{X: x, Y: hi})
	}
	if len(top) < 2 {
		return
	}
	poly := top
	for i := len(bot) - 1; i >= 0; i-- {
		poly = append(poly, bot[i])
	}
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, p := range poly {
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	box := geometry.Rect{X: poly[0].X, Y: minY, W: top[len(top)-1].X - poly[0].X, H: maxY - minY}
	c.fillDev(box, everywhere, col, func(z *vector.Rasterizer, ox, oy float64) {
		z.MoveTo(float32(poly[0].X-ox), float32(poly[0].Y-oy))
		for _, p := range poly[1:] {
			z.LineTo(float32(p.X-ox), float32(p.Y-oy))
		}
		z.ClosePath()
	})
}

// hermite evaluates the monotone interpolant at x values that mostly increase, walking its
// segments instead of searching them.
type hermite struct {
	xs, ys, ms []float64
	i          int // the segment of the last x
}

func (h *hermite) at(x float64) float64 {
	n := len(h.xs)
	if x <= h.xs[0] || x >= h.xs[n-1] {
		return MonotoneAt(h.xs, h.ys, h.ms, x)
	}
	for h.i > 0 && x < h.xs[h.i] {
		h.i--
	}
	for h.i < n-2 && x >= h.xs[h.i+1] {
		h.i++
	}
	lo, hi := h.i, h.i+1
	d := h.xs[hi] - h.xs[lo]
	if d <= 0 {
		return h.ys[hi]
	}
	t := (x - h.xs[lo]) / d
	t2, t3 := t*t, t*t*t
	return (2*t3-3*t2+1)*h.ys[lo] + (t3-2*t2+t)*d*h.ms[lo] + (-2*t3+3*t2)*h.ys[hi] + (t3-t2)*d*h.ms[hi]
}
