package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fogleman/gg"
	"golang.org/x/image/font/sfnt"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/canvas/paint"
	"journeycanvas/data"
)

// update rewrites the golden PNGs in testdata/ instead of comparing with them: the one way to
// accept a deliberate change to what exports look like. Run
//
//	go test ./export/ -run Golden -update
//
// then look at every changed file (git diff shows which) before committing it.
var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata/")

// checkGolden compares img with the golden PNG testdata/name exactly, pixel for pixel, or
// rewrites that file under -update. Exactly, because rendering is deterministic (embedded
// fonts, pure-Go rasteriser, fixed bands): any tolerance would let a missing word through. A
// Go or gg upgrade that moves edges is a deliberate change, accepted with -update. On a
// difference it saves what was drawn beside a picture of the differing pixels,
// for a look, and fails.
func checkGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, encode(t, img, 96), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	bad, diff, err := goldenDiff(img, path)
	if err != nil {
		t.Fatal(err)
	}
	if bad > 0 {
		dir := filepath.Join(os.TempDir(), "journeycanvas-golden")
		os.MkdirAll(dir, 0o755)
		got, marked := filepath.Join(dir, name), filepath.Join(dir, "diff-"+name)
		os.WriteFile(got, encode(t, img, 96), 0o644)
		os.WriteFile(marked, encode(t, diff, 96), 0o644)
		t.Fatalf("%d pixels differ from %s (drawn: %s, differences in red: %s); if the change is meant, run with -update",
			bad, path, got, marked)
	}
}

// goldenDiff counts the pixels of img that differ from the golden PNG at path and returns a
// picture of them (red on a faded copy of the golden).
func goldenDiff(img image.Image, path string) (int, *image.RGBA, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, nil, fmt.Errorf("%v (run with -update to create it)", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %v", path, err)
	}
	gb, wb := img.Bounds(), want.Bounds()
	if gb.Size() != wb.Size() {
		return gb.Dx() * gb.Dy(), nil, fmt.Errorf("size %v, golden %s is %v", gb.Size(), path, wb.Size())
	}
	diff := image.NewRGBA(image.Rect(0, 0, gb.Dx(), gb.Dy()))
	bad := 0
	for y := 0; y < gb.Dy(); y++ {
		for x := 0; x < gb.Dx(); x++ {
			a, b := img.At(gb.Min.X+x, gb.Min.Y+y), want.At(wb.Min.X+x, wb.Min.Y+y)
			if nrgba(a) != nrgba(b) {
				bad++
				diff.Set(x, y, color.RGBA{255, 0, 0, 255})
				continue
			}
			c := nrgba(b)
			diff.Set(x, y, color.NRGBA{c.R, c.G, c.B, c.A / 4})
		}
	}
	return bad, diff, nil
}

var fixedNow = time.Date(2025, 11, 23, 10, 0, 0, 0, time.UTC)

func encode(t testing.TB, img image.Image, dpi float64) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, img, dpi); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGolden compares small reference exports with the PNGs in testdata/ (see checkGolden).
func TestGolden(t *testing.T) {
	for _, g := range []struct {
		file string
		m    *data.Map
		opt  Options
	}{
		{"small-light.png", testmaps.Small(), Options{Scale: 1, Now: fixedNow}},
		{"small-dark.png", testmaps.Small(), Options{Scale: 1, Now: fixedNow, Theme: "dark"}},
		{"vi-light.png", testmaps.Vietnamese(), Options{Scale: 1, Now: fixedNow}},
	} {
		t.Run(g.file, func(t *testing.T) {
			img, err := Render(g.m, g.opt)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, g.file, img)
		})
	}
}

// TestGoldenCatchesSmallChanges proves the golden comparison is tight enough: one card's title
// blanked, or one stage renamed, must not pass for the golden.
func TestGoldenCatchesSmallChanges(t *testing.T) {
	blank := testmaps.Vietnamese()
	blank.Cards[0].Title = ""
	renamed := testmaps.Vietnamese()
	renamed.Stages[1].Name = renamed.Stages[1].Name + "!"
	nudged := testmaps.Vietnamese()
	nudged.Stages[2].Name = "Quyết định mua"
	for name, m := range map[string]*data.Map{"a blanked card title": blank, "a renamed stage": renamed, "another renamed stage": nudged} {
		img, err := Render(m, Options{Scale: 1, Now: fixedNow})
		if err != nil {
			t.Fatal(err)
		}
		bad, _, err := goldenDiff(img, filepath.Join("testdata", "vi-light.png"))
		if err != nil {
			t.Fatal(err)
		}
		if bad == 0 {
			t.Errorf("%s passes for the golden vi-light.png", name)
		}
		t.Logf("%s: %d pixels differ", name, bad)
	}
}

func nrgba(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

// TestCardsWhereGeometrySays samples pixels of a 2× export at places the layout names: the
// inside of every card is card-coloured, the cell around it is not.
func TestCardsWhereGeometrySays(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		m := testmaps.Vietnamese()
		img, err := Render(m, Options{Now: fixedNow, Theme: theme})
		if err != nil {
			t.Fatal(err)
		}
		lay := geometry.Compute(m, geometry.Options{Header: true, Theme: theme})
		if img.Bounds().Dx() != int(2*lay.Width) {
			t.Fatalf("width %d for a layout %v wide", img.Bounds().Dx(), lay.Width)
		}
		pal := lay.Palette
		at := func(x, y float64) color.NRGBA { return nrgba(img.At(int(2*x), int(2*y))) }
		for _, c := range lay.Cards {
			r := c.Rect
			if got := at(r.X+r.W/2, r.Y+4); got != pal.CardFill {
				t.Errorf("%s: card %d at %v: inside is %v, want %v", theme, c.ID, r, got, pal.CardFill)
			}
			if got := at(r.X-4, r.Y+4); got == pal.CardFill || got == pal.Background {
				t.Errorf("%s: card %d: left of it is %v, not a cell", theme, c.ID, got)
			}
			if c.Accent.A > 0 {
				if got := at(r.X+1.5, r.Y+r.H/2); got != c.Accent {
					t.Errorf("%s: card %d: stripe %v, want %v", theme, c.ID, got, c.Accent)
				}
			}
		}
		// Margins are background; stage bands are the stage's colour.
		if got := at(2, 2); got != pal.Background {
			t.Errorf("%s: corner %v, want %v", theme, got, pal.Background)
		}
		for _, s := range lay.Stages {
			if got := at(s.Band.X+s.Band.W/2, s.Band.Y+2); got != s.Colour {
				t.Errorf("%s: stage %d band %v, want %v", theme, s.ID, got, s.Colour)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	m := testmaps.Vietnamese()
	opt := Options{Now: fixedNow}
	a, err := Render(m, opt)
	if err != nil {
		t.Fatal(err)
	}
	prev := runtime.GOMAXPROCS(1)
	b, err := Render(m, opt)
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := Render(testmaps.Vietnamese(), opt)
	ea, eb, ec := encode(t, a, 192), encode(t, b, 192), encode(t, c, 192)
	if !bytes.Equal(ea, eb) || !bytes.Equal(ea, ec) {
		t.Fatal("the same map and options gave different PNGs")
	}
	dir := t.TempDir()
	p1, p2 := filepath.Join(dir, "1.png"), filepath.Join(dir, "2.png")
	if err := WritePNG(p1, m, opt); err != nil {
		t.Fatal(err)
	}
	if err := WritePNG(p2, m, opt); err != nil {
		t.Fatal(err)
	}
	f1, _ := os.ReadFile(p1)
	f2, _ := os.ReadFile(p2)
	if !bytes.Equal(f1, f2) || !bytes.Equal(f1, ea) {
		t.Fatal("WritePNG is not deterministic")
	}
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "huge.png")
	err := WritePNG(out, testmaps.Vietnamese(), Options{Width: 20000})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "smaller") || !strings.Contains(err.Error(), out) {
		t.Fatalf("error %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a refused export left %v", entries)
	}
}

// tooLarge returns the TooLargeError of exporting m with opt, failing the test without one.
func tooLarge(t *testing.T, m *data.Map, opt Options) *TooLargeError {
	t.Helper()
	_, err := Render(m, opt)
	var e *TooLargeError
	if !errors.As(err, &e) || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("%+v: %v, want a TooLargeError", opt, err)
	}
	return e
}

// TestTooLargeAdvice checks that what a refused export advises works: the scale and the width
// it names fit (and a hundredth more scale, or a pixel more width, would not be needed), and
// it advises fewer stages only when that helps, slides when one stage alone is too tall.
func TestTooLargeAdvice(t *testing.T) {
	// 1,000 cards at 4×: every stage alone is taller than MaxSide.
	tall := testmaps.Big(1000, 12, 6)
	e := tooLarge(t, tall, Options{Scale: 4})
	if !e.StageTooTall || strings.Contains(e.Error(), "fewer stages") || !strings.Contains(e.Error(), "slides") {
		t.Fatalf("one stage alone too tall: %+v: %q", e, e.Error())
	}
	// 60 narrow stages at 8×: too wide, and a few stages fit.
	wide := testmaps.Big(120, 60, 3)
	e2 := tooLarge(t, wide, Options{Scale: 8})
	if e2.StageTooTall || !strings.Contains(e2.Error(), "fewer stages") {
		t.Fatalf("too wide: %+v: %q", e2, e2.Error())
	}
	for _, c := range []struct {
		m *data.Map
		e *TooLargeError
	}{{tall, e}, {wide, e2}} {
		if c.e.Scale < MinScale || c.e.Width < MinWidth {
			t.Fatalf("%+v: no usable scale or width advised", c.e)
		}
		msg := c.e.Error()
		if !strings.Contains(msg, strconv.FormatFloat(c.e.Scale, 'f', -1, 64)+"×") || !strings.Contains(msg, strconv.Itoa(c.e.Width)+" px") {
			t.Fatalf("%q does not state scale %v and width %d", msg, c.e.Scale, c.e.Width)
		}
		if _, err := makePlan(c.m, Options{Scale: c.e.Scale}); err != nil {
			t.Fatalf("the advised scale %v does not fit: %v", c.e.Scale, err)
		}
		if _, err := makePlan(c.m, Options{Width: c.e.Width}); err != nil {
			t.Fatalf("the advised width %d does not fit: %v", c.e.Width, err)
		}
		if _, err := makePlan(c.m, Options{Scale: c.e.Scale + 0.02}); err == nil {
			t.Fatalf("the advised scale %v is needlessly small", c.e.Scale)
		}
	}
	// Slides of the tall map fit: that advice works too.
	if _, err := RenderSlide(tall, 0, SlideOptions{Width: 640, Height: 360}); err != nil {
		t.Fatal(err)
	}
	// No stage range advice on a one-stage map.
	one := testmaps.Big(600, 1, 3)
	if e := tooLarge(t, one, Options{Scale: 8}); strings.Contains(e.Error(), "fewer stages") {
		t.Fatalf("one stage: %q", e.Error())
	}
}

// TestScaleAndWidthLimits: any scale from MinScale to MaxScale works, and outside it, or a
// width below MinWidth, is refused rather than drawn (a 1 px wide map, a silent default).
func TestScaleAndWidthLimits(t *testing.T) {
	m := testmaps.Small()
	for _, s := range []float64{MinScale, 0.5, 1.5, 2.25, 3, MaxScale} {
		w, _, err := Size(m, Options{Scale: s})
		if err != nil {
			t.Fatalf("scale %v: %v", s, err)
		}
		one, _, _ := Size(m, Options{Scale: 1})
		if math.Abs(float64(w)-float64(one)*s) > s+1 {
			t.Fatalf("scale %v: width %d, 1× is %d", s, w, one)
		}
	}
	for _, opt := range []Options{{Scale: 0.2}, {Scale: 8.5}, {Scale: -1}, {Scale: math.NaN()}, {Scale: math.Inf(1)}, {Width: 1}, {Width: MinWidth - 1}, {Width: -5}} {
		if _, _, err := Size(m, opt); err == nil {
			t.Errorf("%+v was accepted", opt)
		}
	}
	if w, _, err := Size(m, Options{Width: MinWidth}); err != nil || w != MinWidth {
		t.Fatalf("width %d: %d, %v", MinWidth, w, err)
	}
}

func TestOptions(t *testing.T) {
	m := testmaps.Vietnamese()
	img, err := Render(m, Options{Width: 3000, Now: fixedNow})
	if err != nil || img.Bounds().Dx() != 3000 {
		t.Fatalf("width 3000: %v %v", img.Bounds(), err)
	}
	one, _ := Render(m, Options{Scale: 1, Now: fixedNow})
	two, _ := Render(m, Options{Now: fixedNow})
	if two.Bounds().Dx() != 2*one.Bounds().Dx() {
		t.Fatalf("default scale: %d vs %d at 1×", two.Bounds().Dx(), one.Bounds().Dx())
	}
	part, err := Render(m, Options{Scale: 1, StageFrom: 2, StageTo: 3, Now: fixedNow})
	if err != nil || part.Bounds().Dx() >= one.Bounds().Dx() {
		t.Fatalf("stages 2..3: %v %v", part.Bounds(), err)
	}
	if _, err := Render(m, Options{StageFrom: 4, StageTo: 9}); err == nil || !strings.Contains(err.Error(), "5 stages") {
		t.Fatalf("stages past the end: %v", err)
	}
	tr, _ := Render(m, Options{Scale: 1, Transparent: true, Now: fixedNow})
	if _, _, _, a := tr.At(1, 1).RGBA(); a != 0 {
		t.Fatal("transparent export has an opaque corner")
	}
	if _, err := Render(&data.Map{}, Options{Now: fixedNow}); err != nil {
		t.Fatalf("empty map: %v", err)
	}
}

// chunks lists the chunk types of a PNG stream and returns the pHYs data.
func chunks(t *testing.T, b []byte) (types []string, phys []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("not a PNG")
	}
	b = b[8:]
	for len(b) >= 12 {
		n := binary.BigEndian.Uint32(b)
		typ := string(b[4:8])
		types = append(types, typ)
		if typ == "pHYs" {
			phys = b[8 : 8+n]
		}
		b = b[12+n:]
	}
	return types, phys
}

func TestPHYs(t *testing.T) {
	dir := t.TempDir()
	m := testmaps.Small()
	oneX := int(geometry.Compute(m, geometry.Options{Header: true}).Width)
	for _, tc := range []struct {
		opt  Options
		want uint32
	}{
		{Options{}, 7559},            // 2× → 192 dpi
		{Options{Scale: 1}, 3780},    // 96 dpi
		{Options{DPI: 300}, 11811},   // explicit
		{Options{Scale: 4}, 15118},   // 384 dpi
		{Options{Width: oneX}, 3780}, // the 1× width of this map
	} {
		out := filepath.Join(dir, "p.png")
		tc.opt.Now = fixedNow
		if err := WritePNG(out, m, tc.opt); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(out)
		types, phys := chunks(t, b)
		if len(types) < 3 || types[0] != "IHDR" || types[1] != "pHYs" {
			t.Fatalf("chunks %v", types)
		}
		x, y := binary.BigEndian.Uint32(phys), binary.BigEndian.Uint32(phys[4:])
		if x != tc.want || y != tc.want || phys[8] != 1 {
			t.Errorf("%+v: pHYs %d×%d unit %d, want %d", tc.opt, x, y, phys[8], tc.want)
		}
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Fatalf("decoding with pHYs: %v", err)
		}
	}
}

// TestEncodeMatchesPixels decodes what the parallel encoder wrote, for opaque and
// transparent images of awkward sizes (one pixel, odd widths, bands cut mid-image), and
// checks every pixel and that the number of cores does not change a byte.
func TestEncodeMatchesPixels(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {7, 5}, {333, 1}, {1, 3000}, {1001, 1403}} {
		for _, transparent := range []bool{false, true} {
			img := image.NewRGBA(image.Rect(0, 0, size[0], size[1]))
			seed := uint32(size[0]*7919 + size[1])
			for i := range img.Pix {
				seed = seed*1664525 + 1013904223
				img.Pix[i] = uint8(seed >> 24)
				if i%4 == 3 {
					img.Pix[i] = 0xff
					if transparent && seed%3 == 0 {
						img.Pix[i] = uint8(seed >> 16)
					}
				}
				if i%4 == 3 { // keep it premultiplied
					a := img.Pix[i]
					for k := i - 3; k < i; k++ {
						img.Pix[k] = min(img.Pix[k], a)
					}
				}
			}
			var one, two bytes.Buffer
			prev := runtime.GOMAXPROCS(1)
			err := Encode(&one, img, 300)
			runtime.GOMAXPROCS(2)
			err2 := Encode(&two, img, 300)
			runtime.GOMAXPROCS(prev)
			if err != nil || err2 != nil {
				t.Fatal(err, err2)
			}
			if !bytes.Equal(one.Bytes(), two.Bytes()) {
				t.Fatalf("%v: the number of cores changed the bytes", size)
			}
			got, err := png.Decode(bytes.NewReader(one.Bytes()))
			if err != nil {
				t.Fatalf("%v transparent=%v: %v", size, transparent, err)
			}
			for y := 0; y < size[1]; y++ {
				for x := 0; x < size[0]; x++ {
					r0, g0, b0, a0 := img.At(x, y).RGBA()
					r1, g1, b1, a1 := got.At(x, y).RGBA()
					if d := max(diff16(r0, r1), diff16(g0, g1), diff16(b0, b1), diff16(a0, a1)); d > 0x101 {
						t.Fatalf("%v transparent=%v: pixel %d,%d is %v, want %v", size, transparent, x, y, got.At(x, y), img.At(x, y))
					}
				}
			}
		}
	}
}

func diff16(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestWritePNGReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WritePNG(out, testmaps.Small(), Options{Scale: 1, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
	f, _ := os.Open(out)
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Fatal(err)
	}
	if err := WritePNG(filepath.Join(dir, "no", "such", "dir.png"), testmaps.Small(), Options{}); err == nil ||
		!strings.Contains(err.Error(), "dir.png") {
		t.Fatalf("missing directory: %v", err)
	}
}

// vietnameseRunes are U+1EA0–U+1EF9 and the other letters Vietnamese adds to Latin.
func vietnameseRunes() []rune {
	rs := []rune("ƠơƯưĐđĂăÂâÊêÔô")
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		rs = append(rs, r)
	}
	return rs
}

func TestVietnameseGlyphs(t *testing.T) {
	var buf sfnt.Buffer
	pal := geometry.Theme("light")
	for _, bold := range []bool{false, true} {
		f := geometry.Font(bold)
		for _, r := range vietnameseRunes() {
			if x, err := f.GlyphIndex(&buf, r); err != nil || x == 0 {
				t.Errorf("bold=%v: %U %c has no glyph", bold, r, r)
				continue
			}
			dc := gg.NewContext(40, 40)
			c := paint.New(dc, 1, geometry.Point{}, pal)
			c.Text(geometry.TextLine{Text: string(r), X: 8, Y: 30, Size: 20, Bold: bold}, color.Black)
			inked := 0
			img := dc.Image().(*image.RGBA)
			for i := 3; i < len(img.Pix); i += 4 {
				if img.Pix[i] > 0 {
					inked++
				}
			}
			if inked < 10 {
				t.Errorf("bold=%v: %U %c drew %d pixels", bold, r, r, inked)
			}
		}
	}
	// And through the whole exporter: a map whose every text is Vietnamese exports.
	m := testmaps.Vietnamese()
	m.Cards[0].Title = string(vietnameseRunes())
	if _, err := Render(m, Options{Scale: 1, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkRender1000(b *testing.B) {
	m := testmaps.Big(1000, 12, 6)
	for b.Loop() {
		if _, err := Render(m, Options{Now: fixedNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExport1000 is the whole export of a 1,000-card, 12-stage map at 2×: render and
// encode (into io.Discard, to leave the disk out).
func BenchmarkExport1000(b *testing.B) {
	m := testmaps.Big(1000, 12, 6)
	for b.Loop() {
		img, err := Render(m, Options{Now: fixedNow})
		if err != nil {
			b.Fatal(err)
		}
		if err := Encode(io.Discard, img, 192); err != nil {
			b.Fatal(err)
		}
	}
}

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// benchEncoders encodes the 2× export of a map of n cards (12 stages, 6 lanes) with our
// encoder (bands on every core, BestSpeed, Up filter) and with image/png at its default
// compression and at BestSpeed (one core, filter chosen per row), and reports each file's
// size as bytes/png, and the processor time used (all cores) as cpu-ms/op, which other
// programs sharing the machine disturb far less than the wall-clock ns/op.
func benchEncoders(b *testing.B, n int) {
	img, err := Render(testmaps.Big(n, 12, 6), Options{Now: fixedNow})
	if err != nil {
		b.Fatal(err)
	}
	for _, enc := range []struct {
		name   string
		encode func(io.Writer) error
	}{
		{"ours", func(w io.Writer) error { return Encode(w, img, 192) }},
		{"png-default", func(w io.Writer) error { return png.Encode(w, img) }},
		{"png-bestspeed", func(w io.Writer) error {
			return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
		}},
	} {
		b.Run(enc.name, func(b *testing.B) {
			var c countingWriter
			cpu := cpuTime()
			for b.Loop() {
				c.n = 0
				if err := enc.encode(&c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(c.n), "bytes/png")
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkEncode1000 compares the encoders on the export of BenchmarkExport1000 (5932 ×
// 15048 px); image/png at its default compression is the yardstick of the export budget.
func BenchmarkEncode1000(b *testing.B) { benchEncoders(b, 1000) }

// BenchmarkEncode300 compares them on a 300-card map, where the Up filter's size cost shows
// more.
func BenchmarkEncode300(b *testing.B) { benchEncoders(b, 300) }

// TestCommentBadgesOnlyWhenAsked: a map with an open thread on a card exports exactly as one
// without comments by default; with Options.Comments the card's bubble is painted where the
// layout puts it, in the palette's comment colour.
func TestCommentBadgesOnlyWhenAsked(t *testing.T) {
	plain := testmaps.Vietnamese()
	m := testmaps.Vietnamese()
	card := m.Cards[0].ID
	m.Comments = []data.Comment{
		{ID: 1, MapID: m.ID, TargetKind: data.OnCard, TargetID: card, Text: "Kiểm tra lại"},
		{ID: 2, MapID: m.ID, TargetKind: data.OnCard, TargetID: card, ParentID: 1, Text: "Đồng ý"},
	}
	a, err := Render(plain, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(m, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Pix, b.Pix) {
		t.Fatal("comments changed an export that did not ask for them")
	}
	c, err := Render(m, Options{Now: fixedNow, Comments: true})
	if err != nil {
		t.Fatal(err)
	}
	lay := geometry.Compute(m, geometry.Options{Header: true, Comments: m.OpenComments()})
	cb := lay.Card(card)
	if cb.Comments == nil || cb.Comments.Label.Text != "2" {
		t.Fatalf("the layout has no bubble of 2: %+v", cb.Comments)
	}
	r := cb.Comments.Rect
	if got := nrgba(c.At(int(2*(r.X+3)), int(2*(r.Y+r.H/2)))); got != lay.Palette.Comment {
		t.Fatalf("the bubble is %v, want %v", got, lay.Palette.Comment)
	}
}
