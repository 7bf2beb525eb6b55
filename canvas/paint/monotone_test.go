package paint

import (
	"math"
	"math/rand/v2"
	"testing"

	"journeycanvas/canvas/geometry"
)

func TestMonotoneTangentsTable(t *testing.T) {
	tests := []struct {
		name   string
		xs, ys []float64
		want   []float64
	}{
		{"none", nil, nil, []float64{}},
		{"one", []float64{0}, []float64{3}, []float64{0}},
		{"line", []float64{0, 1, 2}, []float64{0, 1, 2}, []float64{1, 1, 1}},
		{"flat", []float64{0, 1, 2}, []float64{2, 2, 2}, []float64{0, 0, 0}},
		{"peak is flat", []float64{0, 1, 2}, []float64{0, 1, 0}, []float64{1, 0, -1}},
		{"plateau", []float64{0, 1, 2, 3}, []float64{0, 1, 1, 2}, []float64{1, 0, 0, 1}},
		{"steep limited", []float64{0, 1, 2}, []float64{0, 0.01, 10}, []float64{3 / math.Sqrt(250001) * 0.01, 3 / math.Sqrt(250001) * 5, 9.99}},
		{"jump", []float64{0, 1, 1, 2}, []float64{0, 1, 2, 3}, []float64{1, 0, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MonotoneTangents(tt.xs, tt.ys)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if math.Abs(got[i]-tt.want[i]) > 1e-9 {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// checkMonotone samples the interpolant between every pair of neighbours and checks the
// properties the curve relies on.
func checkMonotone(t *testing.T, xs, ys []float64) {
	t.Helper()
	ms := MonotoneTangents(xs, ys)
	for i, m := range ms {
		if math.IsNaN(m) || math.IsInf(m, 0) {
			t.Fatalf("tangent %d is %v (xs %v ys %v)", i, m, xs, ys)
		}
	}
	const eps = 1e-9
	for i := range xs {
		// Through every point (at a jump, the left value belongs to the earlier point).
		if i+1 < len(xs) && xs[i+1] == xs[i] {
			continue
		}
		if got := MonotoneAt(xs, ys, ms, xs[i]); math.Abs(got-ys[i]) > eps*(1+math.Abs(ys[i])) {
			t.Fatalf("at x[%d]=%v: %v, want %v", i, xs[i], got, ys[i])
		}
	}
	for i := 0; i+1 < len(xs); i++ {
		if xs[i+1] <= xs[i] {
			continue
		}
		lo, hi := math.Min(ys[i], ys[i+1]), math.Max(ys[i], ys[i+1])
		tol := eps * (1 + math.Abs(lo) + math.Abs(hi))
		prev := ys[i]
		for k := 1; k < 32; k++ { // the ends are checked above; a jump may follow
			x := xs[i] + (xs[i+1]-xs[i])*float64(k)/32
			y := MonotoneAt(xs, ys, ms, x)
			if y < lo-tol || y > hi+tol {
				t.Fatalf("overshoot between %d and %d: %v outside [%v, %v]", i, i+1, y, lo, hi)
			}
			if ys[i+1] > ys[i] && y < prev-tol || ys[i+1] < ys[i] && y > prev+tol {
				t.Fatalf("not monotone between %d and %d at x=%v: %v after %v (xs %v ys %v ms %v)", i, i+1, x, y, prev, xs, ys, ms)
			}
			if ys[i+1] == ys[i] && math.Abs(y-ys[i]) > tol {
				t.Fatalf("not flat between equal neighbours %d and %d: %v", i, i+1, y)
			}
			prev = y
		}
	}
}

// TestMonotonePropertiesTable checks the properties (through every point, no overshoot,
// monotone between points, flat between equal neighbours) on shapes emotion curves take.
func TestMonotonePropertiesTable(t *testing.T) {
	tests := []struct {
		name   string
		xs, ys []float64
	}{
		{"two points", []float64{0, 10}, []float64{-2, 2}},
		{"all equal", []float64{0, 1, 2, 3}, []float64{1, 1, 1, 1}},
		{"peak and valley", []float64{0, 1, 2, 3, 4}, []float64{0, 2, -2, 2, 0}},
		{"plateau then fall", []float64{0, 1, 2, 3, 4}, []float64{2, 2, 2, -2, -2}},
		{"sharp step between slow ones", []float64{0, 1, 2, 3}, []float64{0, 0.01, 2, 2.01}},
		{"uneven spacing", []float64{0, 0.1, 5, 5.2, 100}, []float64{-1, 2, -2, 1, 0}},
		{"several points in one column", []float64{0, 0, 0, 1}, []float64{1, -1, 2, 0}},
		{"stage averages", []float64{10, 30, 50, 70}, []float64{0.5, -1.5, 1.25, 1.25}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMonotone(t, tt.xs, tt.ys)
			// Within the scale: never beyond the lowest and highest score.
			ms := MonotoneTangents(tt.xs, tt.ys)
			lo, hi := tt.ys[0], tt.ys[0]
			for _, y := range tt.ys {
				lo, hi = math.Min(lo, y), math.Max(hi, y)
			}
			last := tt.xs[len(tt.xs)-1]
			for k := 0; k <= 400; k++ {
				y := MonotoneAt(tt.xs, tt.ys, ms, last*float64(k)/400)
				if y < lo-1e-9 || y > hi+1e-9 {
					t.Fatalf("%v outside the scores' range [%v, %v]", y, lo, hi)
				}
			}
		})
	}
}

func TestMonotoneProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for trial := 0; trial < 2000; trial++ {
		n := 2 + r.IntN(30)
		xs, ys := make([]float64, n), make([]float64, n)
		x := 0.0
		for i := range xs {
			x += float64(r.IntN(5)) * r.Float64() * 50 // repeats and jumps included
			xs[i] = x
			ys[i] = float64(r.IntN(5) - 2) // emotion scores: many equal neighbours
			if trial%2 == 1 {
				ys[i] = r.NormFloat64() * 100
			}
		}
		checkMonotone(t, xs, ys)
	}
}

func TestMonotoneBeziersMatchHermite(t *testing.T) {
	pts := []geometry.Point{{X: 0, Y: 10}, {X: 40, Y: 60}, {X: 90, Y: 60}, {X: 120, Y: 0}, {X: 200, Y: 30}}
	segs := MonotoneBeziers(pts)
	if len(segs) != len(pts)-1 {
		t.Fatalf("%d segments", len(segs))
	}
	xs, ys := []float64{0, 40, 90, 120, 200}, []float64{10, 60, 60, 0, 30}
	ms := MonotoneTangents(xs, ys)
	for i, s := range segs {
		if s[0] != pts[i] || s[3] != pts[i+1] {
			t.Fatalf("segment %d ends %v %v", i, s[0], s[3])
		}
		for _, u := range []float64{0.1, 0.37, 0.5, 0.81} {
			p := geometry.BezierAt(s[0], s[1], s[2], s[3], u)
			if want := MonotoneAt(xs, ys, ms, p.X); math.Abs(p.Y-want) > 1e-9 {
				t.Fatalf("segment %d at %v: Bézier y %v, Hermite %v", i, u, p.Y, want)
			}
		}
	}
	if MonotoneBeziers(pts[:1]) != nil {
		t.Fatal("one point gave segments")
	}
}

func FuzzMonotone(f *testing.F) {
	f.Add(0.0, 1.0, 2.0, 3.0, 5.0, 0.0, 1.0, 1.0, -2.0, 2.0)
	f.Add(0.0, 0.0, 0.0, 1.0, 1e9, 1.0, -1.0, 3.0, 3.0, 3.0)
	f.Add(1e-9, 2e-9, 3.0, 4.0, 5.0, 1e300, -1e300, 0.0, 1.0, 2.0)
	f.Fuzz(func(t *testing.T, x0, x1, x2, x3, x4, y0, y1, y2, y3, y4 float64) {
		xs := []float64{x0, x1, x2, x3, x4}
		ys := []float64{y0, y1, y2, y3, y4}
		for i := range xs {
			if math.IsNaN(xs[i]) || math.IsInf(xs[i], 0) || math.IsNaN(ys[i]) || math.IsInf(ys[i], 0) ||
				math.Abs(xs[i]) > 1e12 || math.Abs(ys[i]) > 1e12 {
				t.Skip()
			}
		}
		// Sort xs (insertion sort keeps it dependency-free).
		for i := 1; i < len(xs); i++ {
			for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
				xs[j], xs[j-1] = xs[j-1], xs[j]
			}
		}
		checkMonotone(t, xs, ys)
	})
}
