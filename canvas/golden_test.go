package canvas

import (
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"journeycanvas/data"
)

// TestGoldenBoard paints a reference board (the Vietnamese sample map, light and dark) in a
// test window and compares it with the stored picture exactly (up to 24 levels a channel, for
// no pixel at all: one missing word fails). `go test ./canvas -run 'Golden|Pinned|Present' -update` rewrites the pictures
// (the one way every golden test of the project is updated).
func TestGoldenBoard(t *testing.T) {
	for _, mode := range []string{themeLight, themeDark} {
		t.Run(mode, func(t *testing.T) {
			u, w := newTestUI(t, data.SampleMap("vi"))
			u.setThemeMode(mode)
			w.SetContent(u.board.scroll)
			w.Resize(fyne.NewSize(1200, 900))
			img := w.Canvas().Capture()
			assertImageClose(t, filepath.Join("testdata", "board_"+mode+".png"), img)
		})
	}
}

var update = flag.Bool("update", false, "rewrite the golden pictures in testdata/")

func assertImageClose(t *testing.T, path string, img image.Image) {
	t.Helper()
	if *update {
		writePNG(t, path, img)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no golden image (run with -update to make it): %v", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != img.Bounds() {
		writePNG(t, filepath.Join("testdata", "failed", filepath.Base(path)), img)
		t.Fatalf("image is %v, golden %v", img.Bounds(), want.Bounds())
	}
	diff, total := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			total++
			r1, g1, b1, _ := img.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if absDiff(r1, r2) > 24<<8 || absDiff(g1, g2) > 24<<8 || absDiff(b1, b2) > 24<<8 {
				diff++
			}
		}
	}
	if diff > 0 { // rendering is deterministic: one word missing must fail
		out := filepath.Join("testdata", "failed", filepath.Base(path))
		writePNG(t, out, img)
		t.Fatalf("%d of %d pixels differ from %s; this run's picture is in %s", diff, total, path, out)
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
