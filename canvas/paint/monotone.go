package paint

import (
	"math"

	"journeycanvas/canvas/geometry"
)

// MonotoneTangents returns the slopes at each point of the Fritsch–Carlson monotone cubic
// Hermite interpolant through (xs[i], ys[i]). xs must not decrease; where two neighbours share
// an x, the step between them is a jump and both get slope 0. The interpolant passes through
// every point, never overshoots (each piece stays between its two end values, so the curve
// stays in the range of the data), is monotone between neighbours and flat between equal
// neighbours. xs and ys must have the same length.
func MonotoneTangents(xs, ys []float64) []float64 {
	n := len(xs)
	m := make([]float64, n)
	if n < 2 {
		return m
	}
	d := make([]float64, n-1) // secant slopes
	for i := 0; i < n-1; i++ {
		if h := xs[i+1] - xs[i]; h > 0 {
			d[i] = (ys[i+1] - ys[i]) / h
		}
		if math.IsInf(d[i], 0) || math.IsNaN(d[i]) {
			d[i] = 0
		}
	}
	m[0], m[n-1] = d[0], d[n-2]
	for i := 1; i < n-1; i++ {
		if d[i-1]*d[i] > 0 {
			m[i] = (d[i-1] + d[i]) / 2
		}
	}
	for i := 0; i < n-1; i++ {
		if d[i] == 0 {
			m[i], m[i+1] = 0, 0
			continue
		}
		a, b := m[i]/d[i], m[i+1]/d[i]
		if a < 0 {
			a, m[i] = 0, 0
		}
		if b < 0 {
			b, m[i+1] = 0, 0
		}
		if s := a*a + b*b; s > 9 {
			t := 3 / math.Sqrt(s)
			m[i] = t * a * d[i]
			m[i+1] = t * b * d[i]
		}
	}
	return m
}

// MonotoneAt evaluates at x the interpolant given by MonotoneTangents: ys[0] left of the
// first point, ys[n−1] right of the last; at a jump (two points with one x) the later one.
func MonotoneAt(xs, ys, ms []float64, x float64) float64 {
	n := len(xs)
	if n == 0 {
		return 0
	}
	if x < xs[0] {
		return ys[0]
	}
	if x >= xs[n-1] {
		return ys[n-1]
	}
	// lo is the last i with xs[i] <= x: at a jump (equal xs) the later point's value holds.
	lo, hi := 0, n-1
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if xs[mid] <= x {
			lo = mid
		} else {
			hi = mid
		}
	}
	h := xs[hi] - xs[lo]
	if h <= 0 {
		return ys[hi]
	}
	t := (x - xs[lo]) / h
	t2, t3 := t*t, t*t*t
	return (2*t3-3*t2+1)*ys[lo] + (t3-2*t2+t)*h*ms[lo] + (-2*t3+3*t2)*ys[hi] + (t3-t2)*h*ms[hi]
}

// MonotoneBeziers returns the monotone interpolant through pts (x not decreasing) as cubic
// Bézier segments: start, two control points, end. The control points sit at a third of each
// step in x, so each segment's y as a function of x is exactly the Hermite piece of
// MonotoneAt. Fewer than two points give no segment.
func MonotoneBeziers(pts []geometry.Point) [][4]geometry.Point {
	if len(pts) < 2 {
		return nil
	}
	xs := make([]float64, len(pts))
	ys := make([]float64, len(pts))
	for i, p := range pts {
		xs[i], ys[i] = p.X, p.Y
	}
	ms := MonotoneTangents(xs, ys)
	out := make([][4]geometry.Point, len(pts)-1)
	for i := range out {
		h := (xs[i+1] - xs[i]) / 3
		out[i] = [4]geometry.Point{
			pts[i],
			{X: xs[i] + h, Y: ys[i] + ms[i]*h},
			{X: xs[i+1] - h, Y: ys[i+1] - ms[i+1]*h},
			pts[i+1],
		}
	}
	return out
}
