package paint

import (
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/fogleman/gg"
	"golang.org/x/image/vector"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

func newCanvas(w, h int, scale float64, theme string) (*Canvas, *image.RGBA) {
	dc := gg.NewContext(w, h)
	return New(dc, scale, geometry.Point{}, geometry.Theme(theme)), dc.Image().(*image.RGBA)
}

func maxDiff(a, b *image.RGBA) (int, image.Point) {
	worst, at := 0, image.Point{}
	for i := range a.Pix {
		d := int(a.Pix[i]) - int(b.Pix[i])
		if d < 0 {
			d = -d
		}
		if d > worst {
			worst = d
			at = image.Pt((i%a.Stride)/4, i/a.Stride)
		}
	}
	return worst, at
}

// TestFillMatchesRasteriser checks the fast rounded-rectangle fill (spans plus corners)
// against the plain rasteriser, at awkward scales and offsets.
func TestFillMatchesRasteriser(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	col := color.NRGBA{0x40, 0x80, 0xC0, 0xFF}
	half := color.NRGBA{0xE0, 0x31, 0x31, 0x80}
	for trial := 0; trial < 200; trial++ {
		scale := 0.5 + r.Float64()*3
		rect := geometry.Rect{X: r.Float64() * 20, Y: r.Float64() * 20, W: 5 + r.Float64()*60, H: 5 + r.Float64()*60}
		radii := [4]float64{r.Float64() * 10, r.Float64() * 10, r.Float64() * 10, r.Float64() * 10}
		for _, c := range []color.NRGBA{col, half} {
			fast, a := newCanvas(300, 300, scale, "light")
			fast.FillRoundRectCorners(rect, radii, c)
			ref, b := newCanvas(300, 300, scale, "light")
			d := ref.r.DevRect(rect)
			rd := ref.r.devRadii(d, radii)
			ref.r.fillDev(d, everywhere, c, func(z *vector.Rasterizer, ox, oy float64) {
				roundRectPath(z, d.X-ox, d.Y-oy, d.W, d.H, rd)
			})
			if diff, at := maxDiff(a, b); diff > 3 {
				t.Fatalf("trial %d (scale %.3f, %+v, radii %v): differs by %d at %v", trial, scale, rect, radii, diff, at)
			}
		}
	}
}

// TestBandsAreSeamless draws a layout whole and in bands of a few rows (as the export does):
// the pixels must be the same.
func TestBandsAreSeamless(t *testing.T) {
	l := geometry.Compute(testmaps.Vietnamese(), geometry.Options{Header: true})
	const scale = 0.75
	w, h := int(math.Ceil(l.Width*scale)), int(math.Ceil(l.Height*scale))
	whole := image.NewRGBA(image.Rect(0, 0, w, h))
	New(gg.NewContextForRGBA(whole), scale, geometry.Point{}, l.Palette).Board(l)
	banded := image.NewRGBA(image.Rect(0, 0, w, h))
	const band = 37
	for y0 := 0; y0 < h; y0 += band {
		y1 := min(y0+band, h)
		sub := &image.RGBA{Pix: banded.Pix[y0*banded.Stride : y1*banded.Stride], Stride: banded.Stride, Rect: image.Rect(0, 0, w, y1-y0)}
		New(gg.NewContextForRGBA(sub), scale, geometry.Point{Y: -float64(y0)}, l.Palette).Board(l)
	}
	if diff, at := maxDiff(whole, banded); diff > 6 {
		t.Fatalf("banded drawing differs by %d at %v", diff, at)
	}
}

// mouthShape returns the mean row of feature-coloured pixels in the middle columns of a face's
// lower half, and in its outer columns.
func mouthShape(t *testing.T, norm float64) (middle, ends float64) {
	c, img := newCanvas(100, 100, 1, "light")
	const cx, cy, r = 50.0, 50.0, 40.0
	c.Face(cx, cy, r, norm)
	feat := c.Pal.FaceFeatures
	var mSum, mN, eSum, eN float64
	for y := int(cy + 2); y < int(cy+r); y++ {
		for x := int(cx - r*0.5); x <= int(cx+r*0.5); x++ {
			p := img.RGBAAt(x, y)
			if colourClose(p, feat) {
				if math.Abs(float64(x)-cx) < r*0.08 {
					mSum += float64(y)
					mN++
				} else if math.Abs(float64(x)-cx) > r*0.3 {
					eSum += float64(y)
					eN++
				}
			}
		}
	}
	if mN == 0 || eN == 0 {
		t.Fatalf("norm %v: no mouth found", norm)
	}
	return mSum / mN, eSum / eN
}

func colourClose(p color.RGBA, q color.NRGBA) bool {
	return math.Abs(float64(p.R)-float64(q.R)) < 40 && math.Abs(float64(p.G)-float64(q.G)) < 40 && math.Abs(float64(p.B)-float64(q.B)) < 40
}

func TestFaceExpressionFollowsScore(t *testing.T) {
	m, e := mouthShape(t, 1)
	if m <= e+2 {
		t.Errorf("smile: middle of the mouth at %.1f, ends at %.1f; the middle should be lower", m, e)
	}
	m, e = mouthShape(t, -1)
	if m >= e-2 {
		t.Errorf("frown: middle at %.1f, ends at %.1f; the middle should be higher", m, e)
	}
	m, e = mouthShape(t, 0)
	if math.Abs(m-e) > 1.5 {
		t.Errorf("neutral: middle at %.1f, ends at %.1f; should be level", m, e)
	}
	// Colour: green at the top of the scale, red at the bottom.
	pal := geometry.Theme("light")
	if g := pal.EmotionColour(1); g != pal.Positive {
		t.Errorf("top colour %v", g)
	}
	if r := pal.EmotionColour(-1); r != pal.Negative {
		t.Errorf("bottom colour %v", r)
	}
}

func TestCurveTints(t *testing.T) {
	c, img := newCanvas(400, 200, 1, "light")
	c.FillRect(geometry.Rect{W: 400, H: 200}, c.Pal.Cell)
	cv := &geometry.CurveBox{Rect: geometry.Rect{X: 0, Y: 0, W: 400, H: 200}, Scale: data.DefaultScale(), NeutralY: 100, FaceR: 9,
		Points: []geometry.CurvePoint{{X: 50, Y: 20, Score: 2, Norm: 1}, {X: 200, Y: 180, Score: -2, Norm: -1}, {X: 350, Y: 20, Score: 2, Norm: 1}}}
	c.Curve(cv)
	above, below := img.RGBAAt(50, 80), img.RGBAAt(200, 120)
	cell := c.Pal.Cell
	if !(above.G > above.R && above.G < cell.G+1 && above != (color.RGBA{cell.R, cell.G, cell.B, 255})) {
		t.Errorf("above the neutral line under a positive point: %v, want a green tint of %v", above, cell)
	}
	if !(below.R > below.G) {
		t.Errorf("below the neutral line over a negative point: %v, want a red tint", below)
	}
	// Outside the curve's span: no tint.
	if p := img.RGBAAt(20, 80); p != (color.RGBA{cell.R, cell.G, cell.B, 255}) {
		t.Errorf("left of the first point: %v", p)
	}
	// The line runs between the points: a dark pixel in the middle column, between them.
	dark := false
	for y := 20; y < 180; y++ {
		if p := img.RGBAAt(125, y); p.R < 100 && p.G < 100 {
			dark = true
		}
	}
	if !dark {
		t.Error("no curve between the first two points")
	}
}

func TestTextStaysInItsBox(t *testing.T) {
	for _, scale := range []float64{1, 2, 1.37} {
		c, img := newCanvas(600, 120, scale, "light")
		text := geometry.NFC("Quyết định Ậ ữ ặ Trung thành")
		line := geometry.TextLine{Text: text, X: 10, Y: 40, Size: 16, W: geometry.TextWidth(text, 16, false)}
		c.Text(line, color.Black)
		minX, minY, maxX, maxY := 1<<30, 1<<30, -1, -1
		for y := 0; y < img.Rect.Dy(); y++ {
			for x := 0; x < img.Rect.Dx(); x++ {
				if img.RGBAAt(x, y).A > 0 {
					minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
				}
			}
		}
		asc, desc := geometry.Ascent(16, false), geometry.Descent(16, false)
		if float64(minX) < (line.X-1)*scale || float64(maxX) > (line.X+line.W+1)*scale ||
			float64(minY) < (line.Y-asc-1)*scale || float64(maxY) > (line.Y+desc+1)*scale {
			t.Errorf("scale %v: ink %d,%d..%d,%d outside %v..%v × %v..%v", scale, minX, minY, maxX, maxY,
				line.X*scale, (line.X+line.W)*scale, (line.Y-asc)*scale, (line.Y+desc)*scale)
		}
	}
}

func TestMarkersDraw(t *testing.T) {
	for k := geometry.MarkerPain; k <= geometry.MarkerProposed; k++ {
		c, img := newCanvas(40, 40, 2, "light")
		c.Marker(k, geometry.Rect{X: 2, Y: 2, W: 16, H: 16})
		centre := img.RGBAAt(20, 20)
		edge := img.RGBAAt(20, 8) // inside the disc, off the sign
		if edge.A != 255 || colourDist(edge, c.MarkerColour(k)) > 8 {
			t.Errorf("marker %d: disc colour %v, want %v", k, edge, c.MarkerColour(k))
		}
		_ = centre
		// The sign: some white pixels inside the disc.
		white := 0
		for i := 0; i < len(img.Pix); i += 4 {
			if img.Pix[i] > 240 && img.Pix[i+1] > 240 && img.Pix[i+2] > 240 && img.Pix[i+3] == 255 {
				white++
			}
		}
		if white < 8 {
			t.Errorf("marker %d has no sign (%d white pixels)", k, white)
		}
	}
}

func colourDist(p color.RGBA, q color.NRGBA) int {
	d := 0
	for _, v := range [][2]uint8{{p.R, q.R}, {p.G, q.G}, {p.B, q.B}} {
		e := int(v[0]) - int(v[1])
		if e < 0 {
			e = -e
		}
		d = max(d, e)
	}
	return d
}

// curveBox spreads n points with random scores over a w × h plot, every 20th a moment of
// truth, with its hot spots and a legend of the marks.
func curveBox(n int, w, h float64) *geometry.CurveBox {
	r := rand.New(rand.NewPCG(1, 2))
	cv := &geometry.CurveBox{Rect: geometry.Rect{W: w, H: h}, Scale: data.DefaultScale(), NeutralY: h / 2, FaceR: 9}
	scores := make([]float64, n)
	for i := 0; i < n; i++ {
		s := float64(r.IntN(5) - 2)
		scores[i] = s
		cv.Points = append(cv.Points, geometry.CurvePoint{X: (float64(i) + 0.5) * w / float64(n), Y: h/2 - s*h/5, Score: s, Norm: s / 2, Moment: i%20 == 7})
	}
	cv.Hot = geometry.HotSpots(scores, cv.Scale)
	x := 12.0
	for _, k := range []geometry.CurveLegendKind{geometry.LegendLowest, geometry.LegendDrop, geometry.LegendMoment} {
		cv.Legend = append(cv.Legend, geometry.CurveLegendItem{Kind: k, Icon: geometry.Rect{X: x, Y: 4, W: 14, H: 14},
			Label: geometry.TextLine{Text: "Lowest point", X: x + 20, Y: 15, W: 60, Size: 11}})
		x += 110
	}
	return cv
}

// BenchmarkCurve1000 draws the curve of 1,000 points at screen size (1600 × 200), with its
// hot spots, moments of truth and legend.
func BenchmarkCurve1000(b *testing.B) {
	cv := curveBox(1000, 1600, 200)
	c, _ := newCanvas(1600, 200, 1, "light")
	for b.Loop() {
		c.Curve(cv)
	}
}

// BenchmarkCurve20 draws a typical curve, faces included.
func BenchmarkCurve20(b *testing.B) {
	cv := curveBox(20, 1600, 200)
	c, _ := newCanvas(1600, 200, 1, "light")
	for b.Loop() {
		c.Curve(cv)
	}
}

func BenchmarkCard(b *testing.B) {
	l := geometry.Compute(testmaps.Vietnamese(), geometry.Options{})
	cb := l.Card(107)
	c, _ := newCanvas(int(l.Width*2), int(l.Height*2), 2, "light")
	for b.Loop() {
		c.Card(cb)
	}
}
