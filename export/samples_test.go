package export

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// TestSampleExports writes the sample exports a person would look at (both themes, 1× and
// 2×, a stage range, the bundled sample map, a 200-card map, widths that give fractional
// scales) and checks each file: a PNG of the size Size promised, the exact width asked for,
// and not blank. (To look at one, export it with the command line.)
func TestSampleExports(t *testing.T) {
	dir := t.TempDir()
	samples := []struct {
		name string
		m    *data.Map
		opt  Options
	}{
		{"vi-light.png", testmaps.Vietnamese(), Options{}},
		{"vi-dark.png", testmaps.Vietnamese(), Options{Theme: "dark"}},
		{"vi-1x.png", testmaps.Vietnamese(), Options{Scale: 1}},
		{"small.png", testmaps.Small(), Options{Scale: 1}},
		{"sample-en.png", data.SampleMap("en"), Options{}},
		{"big200.png", testmaps.Big(200, 8, 6), Options{Scale: 1}},
		{"big200-dark.png", testmaps.Big(200, 8, 6), Options{Scale: 1, Theme: "dark"}},
		{"vi-stages.png", testmaps.Vietnamese(), Options{StageFrom: 2, StageTo: 3}},
		{"vi-w3001.png", testmaps.Vietnamese(), Options{Width: 3001}},
		{"vi-w1000-dark.png", testmaps.Vietnamese(), Options{Width: 1000, Theme: "dark"}},
	}
	for _, s := range samples {
		s.opt.Now = fixedNow
		path := filepath.Join(dir, s.name)
		if err := WritePNG(path, s.m, s.opt); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		w, h, err := Size(s.m, s.opt)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if b := img.Bounds(); b.Dx() != w || b.Dy() != h || (s.opt.Width > 0 && b.Dx() != s.opt.Width) {
			t.Fatalf("%s is %d × %d, Size says %d × %d (width asked %d)", s.name, b.Dx(), b.Dy(), w, h, s.opt.Width)
		}
		if n := inked(img); n < 0.02 {
			t.Fatalf("%s is nearly blank (%.3f inked)", s.name, n)
		}
	}
}

// inked is the share of pixels (sampled every other row and column) unlike the top-left one.
func inked(img image.Image) float64 {
	b := img.Bounds()
	r0, g0, b0, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	n, all := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bl != b0 {
				n++
			}
			all++
		}
	}
	return float64(n) / float64(max(all, 1))
}
