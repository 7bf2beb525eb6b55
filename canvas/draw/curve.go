package draw

import (
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

func (c *Canvas) curve(cv *geometry.CurveBox, halo color.Color) {
	if cv == nil {
		return
	}
	p := c.Pal
	r := cv.Rect
	neutral := float64(cv.Scale.Min+cv.Scale.Max) / 2
	faint := p.Grid
	faint.A = 70
	for _, t := range cv.Ticks {
		c.Text(t.Label, p.Muted)
		for _, n := range t.Name {
			c.Text(n, p.Muted)
		}
		if t.Score == neutral {
			continue
		}
		c.FillRect(geometry.Rect{X: r.X, Y: t.Y - 0.5, W: r.W, H: 1}, faint)
	}
	c.Line(Stroke{Width: 1, Colour: p.Grid, Dash: []float64{4, 4}, Butt: true},
		geometry.Point{X: r.X, Y: cv.NeutralY}, geometry.Point{X: r.Right(), Y: cv.NeutralY})

	// The compared map's curve, behind this one's.
	if len(cv.Compare) > 0 {
		cp := make([]geometry.Point, len(cv.Compare))
		for i, q := range cv.Compare {
			cp[i] = geometry.Point{X: q.X, Y: q.Y}
		}
		if len(cp) >= 2 {
			c.strokeGraph(cp, 2, p.CompareLine)
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
		samples := c.sampleCurve(segs)
		pos, neg := SplitArea(samples, cv.NeutralY)
		c.FillPolygon(pos, p.PositiveTint)
		c.FillPolygon(neg, p.NegativeTint)
		c.strokeGraph(pts, 2.5, p.CurveLine)
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
		badge = math.Max(1.5/c.Scale, math.Min(badge, gap/2))
	}
	for _, h := range cv.Hot {
		if h.Index < 0 || h.Index >= len(pts) {
			continue
		}
		q := pts[h.Index]
		switch h.Kind {
		case geometry.HotLowest:
			if faces {
				c.hotBadge(geometry.LegendLowest, q.X+fr*0.9, q.Y-fr*0.9, badge, halo)
			} else {
				c.hotBadge(geometry.LegendLowest, q.X, q.Y+badge*1.6, badge, halo)
			}
		case geometry.HotDrop:
			if h.Index > 0 {
				m := geometry.BezierAt(segs[h.Index-1][0], segs[h.Index-1][1], segs[h.Index-1][2], segs[h.Index-1][3], 0.5)
				c.hotBadge(geometry.LegendDrop, m.X, m.Y, badge, halo)
			}
		}
	}
	for _, q := range cv.Points {
		if !q.Moment {
			continue
		}
		if faces {
			c.hotBadge(geometry.LegendMoment, q.X-fr*0.9, q.Y-fr*0.9, badge, halo)
		} else {
			c.hotBadge(geometry.LegendMoment, q.X, q.Y-badge*1.6, badge, halo)
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

// sampleCurve flattens Bézier segments into a polyline, a point every 2 device pixels or so.
func (c *Canvas) sampleCurve(segs [][4]geometry.Point) []geometry.Point {
	out := []geometry.Point{segs[0][0]}
	for _, s := range segs {
		n := int(math.Ceil((s[3].X - s[0].X) * c.Scale / 2))
		n = max(1, min(n, 64))
		for k := 1; k <= n; k++ {
			out = append(out, geometry.BezierAt(s[0], s[1], s[2], s[3], float64(k)/float64(n)))
		}
	}
	return out
}

// SplitArea returns the closed polygons between a polyline (x increasing) and the horizontal
// line y = base: the part above it (smaller y) and the part below, with the crossings added
// so that each polygon meets the line exactly where the curve does.
func SplitArea(pts []geometry.Point, base float64) (above, below []geometry.Point) {
	if len(pts) < 2 {
		return nil, nil
	}
	above = append(above, geometry.Point{X: pts[0].X, Y: base})
	below = append(below, geometry.Point{X: pts[0].X, Y: base})
	for i, q := range pts {
		if i > 0 {
			a := pts[i-1]
			if (a.Y-base)*(q.Y-base) < 0 {
				x := a.X + (base-a.Y)/(q.Y-a.Y)*(q.X-a.X)
				cross := geometry.Point{X: x, Y: base}
				above = append(above, cross)
				below = append(below, cross)
			}
		}
		above = append(above, geometry.Point{X: q.X, Y: math.Min(q.Y, base)})
		below = append(below, geometry.Point{X: q.X, Y: math.Max(q.Y, base)})
	}
	last := pts[len(pts)-1]
	above = append(above, geometry.Point{X: last.X, Y: base})
	below = append(below, geometry.Point{X: last.X, Y: base})
	return above, below
}

// strokeGraph strokes the monotone interpolant through pts (x increasing) with round ends and
// joins: the outline is the curve swept by a disc of the line's width, found column by column
// (the curve is a function of x), and filled as one polygon. gg's stroker slows down
// quadratically on a long zigzag (1,000 points across a screen); this does not.
func (c *Canvas) strokeGraph(pts []geometry.Point, width float64, col color.Color) {
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
