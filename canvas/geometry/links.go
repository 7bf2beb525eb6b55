package geometry

import (
	"math"
	"strings"

	"journeycanvas/data"
)

// Links run through the gutters: out of the source card's side into the channel between two
// columns (card padding, gutter, card padding: nothing is drawn there), along it, across the
// board in the channel between two lanes when the target is further than the next column,
// then down the channel beside the target and into its side. So a link never crosses a card.
// Corners are rounded with quarter-circle Béziers.

const linkRadius = 8.0

func layoutLinks(m *data.Map, l *Layout) []LinkPath {
	var out []LinkPath
	colOf := make(map[int64]int, len(l.Stages))
	for i, s := range l.Stages {
		colOf[s.ID] = i
	}
	// Horizontal channels: above each lane and below the last.
	var rows []float64
	for _, ln := range l.Lanes {
		rows = append(rows, ln.Rect.Y-Gutter/2)
	}
	if n := len(l.Lanes); n > 0 {
		rows = append(rows, l.Lanes[n-1].Rect.Bottom()+Gutter/2)
	}
	right := func(col int) float64 { return l.Stages[col].Rect.Right() + Gutter/2 }
	left := func(col int) float64 { return l.Stages[col].Rect.X - Gutter/2 }
	for k, lk := range m.Links {
		a, b := l.Card(lk.FromID), l.Card(lk.ToID)
		if a == nil || b == nil || lk.FromID == lk.ToID {
			continue
		}
		// Links sharing a channel sit side by side.
		off := float64(k%3-1) * 4
		ca, cb := colOf[a.StageID], colOf[b.StageID]
		ar, br := a.Rect, b.Rect
		ay, by := ar.Y+ar.H/2, br.Y+br.H/2
		var pts []Point
		switch {
		case ca == cb:
			x := right(ca) + off
			pts = []Point{{ar.Right(), ay}, {x, ay}, {x, by}, {br.Right(), by}}
		default:
			x0, x1, x2, x3 := ar.Right(), right(ca)+off, left(cb)+off, br.X
			if cb < ca {
				x0, x1, x2, x3 = ar.X, left(ca)+off, right(cb)+off, br.Right()
			}
			if math.Abs(x1-x2) < 1e-9 {
				pts = []Point{{x0, ay}, {x1, ay}, {x1, by}, {x3, by}}
			} else {
				yh := nearest(rows, (ay+by)/2) + off
				pts = []Point{{x0, ay}, {x1, ay}, {x1, yh}, {x2, yh}, {x2, by}, {x3, by}}
			}
		}
		lp := LinkPath{ID: lk.ID, FromID: lk.FromID, ToID: lk.ToID, Segments: roundedPath(pts, linkRadius)}
		if label := strings.TrimSpace(lk.Label); label != "" {
			t, _ := Ellipsize(label, 160, SmallSize, false)
			w := TextWidth(t, SmallSize, false)
			const h = 18.0
			mid := l.labelSpot(pts, w+14, h)
			lp.LabelBox = Rect{X: mid.X - w/2 - 7, Y: mid.Y - h/2, W: w + 14, H: h}
			lp.Label = &TextLine{Text: t, X: mid.X - w/2, Y: mid.Y - h/2 + Baseline(h, SmallSize, false), W: w, Size: SmallSize}
		}
		out = append(out, lp)
	}
	return out
}

func nearest(vs []float64, v float64) float64 {
	best := v
	d := math.Inf(1)
	for _, x := range vs {
		if e := math.Abs(x - v); e < d {
			best, d = x, e
		}
	}
	return best
}

// labelSpot returns the centre for a w × h label on the longest leg of a polyline: the point
// nearest the leg's middle where the label covers no card and stays on the picture, or else
// the middle itself (moved onto the picture if need be).
func (l *Layout) labelSpot(pts []Point, w, h float64) Point {
	best, bi := -1.0, 0
	for i := 1; i < len(pts); i++ {
		if d := math.Hypot(pts[i].X-pts[i-1].X, pts[i].Y-pts[i-1].Y); d > best {
			best, bi = d, i
		}
	}
	if bi == 0 {
		return pts[0]
	}
	a, b := pts[bi-1], pts[bi]
	free := func(p Point) bool {
		if p.X-w/2 < 4 || p.X+w/2 > l.Width-4 {
			return false // off the picture
		}
		// Cards are larger than a label both ways, so a label overlaps a card only if one of
		// its corners lies on it.
		for _, c := range [4]Point{{p.X - w/2, p.Y - h/2}, {p.X + w/2, p.Y - h/2}, {p.X - w/2, p.Y + h/2}, {p.X + w/2, p.Y + h/2}} {
			if _, ok := l.CardAt(c.X, c.Y); ok {
				return false
			}
		}
		return true
	}
	// Leave room for the corners at the ends of the leg.
	half := best/2 - math.Max(w, h)/2
	const step = 2.0
	// On a vertical leg the label may also hang to either side of the line.
	shifts := []float64{0}
	if a.X == b.X {
		shifts = append(shifts, w/2-6, -(w/2 - 6))
	}
	for _, dx := range shifts {
		for d := 0.0; d <= half; d += step {
			for _, t := range []float64{0.5 - d/best, 0.5 + d/best} {
				p := Point{a.X + (b.X-a.X)*t + dx, a.Y + (b.Y-a.Y)*t}
				if free(p) {
					return p
				}
			}
		}
	}
	mid := Point{(a.X + b.X) / 2, (a.Y + b.Y) / 2}
	mid.X = math.Max(4+w/2, math.Min(mid.X, l.Width-4-w/2))
	return mid
}

// roundedPath turns a polyline into cubic Bézier segments: straight legs, and corners rounded
// with radius r (less where the legs are short).
func roundedPath(in []Point, r float64) [][4]Point {
	// Drop repeated points and points in the middle of a straight run.
	var pts []Point
	for _, p := range in {
		if n := len(pts); n > 0 && math.Hypot(p.X-pts[n-1].X, p.Y-pts[n-1].Y) < 1e-9 {
			continue
		}
		if n := len(pts); n >= 2 {
			a, b := pts[n-2], pts[n-1]
			if math.Abs((b.X-a.X)*(p.Y-b.Y)-(b.Y-a.Y)*(p.X-b.X)) < 1e-9 {
				pts[n-1] = p
				continue
			}
		}
		pts = append(pts, p)
	}
	if len(pts) < 2 {
		return nil
	}
	const kappa = 0.5522847498
	var segs [][4]Point
	line := func(a, b Point) {
		if math.Hypot(b.X-a.X, b.Y-a.Y) < 1e-9 {
			return
		}
		segs = append(segs, [4]Point{a, {a.X + (b.X-a.X)/3, a.Y + (b.Y-a.Y)/3}, {a.X + 2*(b.X-a.X)/3, a.Y + 2*(b.Y-a.Y)/3}, b})
	}
	cur := pts[0]
	last := len(pts) - 1
	for i := 1; i < last; i++ {
		a, v, b := pts[i-1], pts[i], pts[i+1]
		lin, lout := math.Hypot(v.X-a.X, v.Y-a.Y), math.Hypot(b.X-v.X, b.Y-v.Y)
		if i-1 != 0 {
			lin /= 2
		}
		if i+1 != last {
			lout /= 2
		}
		rr := math.Min(r, math.Min(lin, lout))
		dax, day := (v.X-a.X)/math.Hypot(v.X-a.X, v.Y-a.Y), (v.Y-a.Y)/math.Hypot(v.X-a.X, v.Y-a.Y)
		dbx, dby := (b.X-v.X)/math.Hypot(b.X-v.X, b.Y-v.Y), (b.Y-v.Y)/math.Hypot(b.X-v.X, b.Y-v.Y)
		p1 := Point{v.X - dax*rr, v.Y - day*rr}
		p2 := Point{v.X + dbx*rr, v.Y + dby*rr}
		line(cur, p1)
		segs = append(segs, [4]Point{p1, {p1.X + dax*rr*kappa, p1.Y + day*rr*kappa}, {p2.X - dbx*rr*kappa, p2.Y - dby*rr*kappa}, p2})
		cur = p2
	}
	line(cur, pts[last])
	return segs
}

// BezierAt returns the point at t (0…1) of the cubic Bézier p0, c1, c2, p3.
func BezierAt(p0, c1, c2, p3 Point, t float64) Point {
	u := 1 - t
	a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return Point{a*p0.X + b*c1.X + c*c2.X + d*p3.X, a*p0.Y + b*c1.Y + c*c2.Y + d*p3.Y}
}

// Bounds is the box around a link's path and its label.
func (lp *LinkPath) Bounds() Rect {
	if len(lp.Segments) == 0 {
		return Rect{}
	}
	p0 := lp.Segments[0][0]
	x0, y0, x1, y1 := p0.X, p0.Y, p0.X, p0.Y
	for _, sg := range lp.Segments {
		for _, q := range sg {
			x0, y0, x1, y1 = min(x0, q.X), min(y0, q.Y), max(x1, q.X), max(y1, q.Y)
		}
	}
	if lp.Label != nil {
		r := lp.LabelBox
		x0, y0, x1, y1 = min(x0, r.X), min(y0, r.Y), max(x1, r.Right()), max(y1, r.Bottom())
	}
	return Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// LinkAt finds the link whose label holds the point (x, y), or else the one whose curve
// passes nearest to it, within tol.
func (l *Layout) LinkAt(x, y, tol float64) (id int64, ok bool) {
	best, bestD := int64(0), tol
	for _, lp := range l.Links {
		if lp.Label != nil && lp.LabelBox.Contains(x, y) {
			return lp.ID, true
		}
		for _, sg := range lp.Segments {
			prev := sg[0]
			for i := 1; i <= 12; i++ {
				q := BezierAt(sg[0], sg[1], sg[2], sg[3], float64(i)/12)
				if d := segDist(x, y, prev, q); d < bestD {
					best, bestD = lp.ID, d
				}
				prev = q
			}
		}
	}
	return best, best != 0
}

// segDist is the distance from (x, y) to the segment a–c.
func segDist(x, y float64, a, c Point) float64 {
	dx, dy := c.X-a.X, c.Y-a.Y
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((x-a.X)*dx+(y-a.Y)*dy)/l))
	}
	return math.Hypot(x-(a.X+t*dx), y-(a.Y+t*dy))
}
