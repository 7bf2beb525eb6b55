package canvas

import (
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"journeycanvas/data"
	"journeycanvas/export"
)

// waitFor polls cond for up to five seconds (the preview and the export run off the UI
// thread).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestExportDialog sets the export options as a user would, checks the preview and the size
// the dialog announces, exports to a file and checks the PNG; then a width too large is
// refused with a message and writes nothing; then slides go to a folder.
func TestExportDialog(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("vi"))
	f := u.newExportForm()
	f.from.SetSelectedIndex(1)
	f.to.SetSelectedIndex(3)
	f.size.SetSelected(size1x)
	f.theme.SetSelected("Dark")
	waitFor(t, "the preview", func() bool { return f.shown == f.gen && f.preview.Image != nil && f.ok })
	c, err := f.choice()
	if err != nil {
		t.Fatal(err)
	}
	if c.opt.StageFrom != 2 || c.opt.StageTo != 4 || c.opt.Scale != 1 || c.opt.Theme != "dark" {
		t.Fatalf("options read as %+v", c.opt)
	}
	w, h, err := export.Size(u.m, c.opt)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Fields(f.info.Text); len(want) < 3 || want[0] != itoa(w) || want[2] != itoa(h) {
		t.Fatalf("the dialog announces %q, the export is %d × %d", f.info.Text, w, h)
	}
	out := filepath.Join(t.TempDir(), "map.png")
	done := make(chan error, 1)
	u.runExport(out, u.m, c, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	file, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(file)
	file.Close()
	if err != nil || cfg.Width != w || cfg.Height != h {
		t.Fatalf("wrote %+v (%v), want %d × %d", cfg, err, w, h)
	}

	// Too wide: said in the dialog, refused by the export, nothing written.
	f.size.SetSelected("Width in pixels")
	f.width.SetText("40000")
	waitFor(t, "the size check", func() bool { return f.shown == f.gen && strings.Contains(f.info.Text, "smaller") })
	if f.ok {
		t.Fatal("a 40000 px export is offered")
	}
	c, _ = f.choice()
	big := filepath.Join(t.TempDir(), "big.png")
	u.runExport(big, u.m, c, func(err error) { done <- err })
	if err := <-done; err == nil || u.lastErr == nil {
		t.Fatal("a 40000 px export was not refused")
	}
	if _, err := os.Stat(big); !os.IsNotExist(err) {
		t.Fatal("a refused export left a file")
	}
	f.width.SetText("abc")
	if _, err := f.choice(); err == nil {
		t.Fatal("a width that is not a number was accepted")
	}

	// Slides into a folder.
	f.width.SetText("1280")
	f.slides.SetChecked(true)
	c, err = f.choice()
	if err != nil || !c.perStage || c.opt.Width != 1280 {
		t.Fatalf("slides: %+v %v", c, err)
	}
	dir := filepath.Join(t.TempDir(), "deck")
	u.runExport(dir, u.m, c, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if files, _ := os.ReadDir(dir); len(files) != len(u.m.Stages)+1 {
		t.Fatalf("%d slides written, want %d", len(files), len(u.m.Stages)+1)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestExportDialogVector chooses PDF on A3 paper on its side, as a user would, reads the
// pages the dialog announces and exports: a PDF of one A3 landscape page. SVG leaves out
// tiles and slides (one page); a PDF deck leaves out the paper.
func TestExportDialogVector(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("vi"))
	f := u.newExportForm()
	f.format.SetSelected("PDF")
	f.paper.SetSelected("A3")
	f.landsc.SetChecked(true)
	waitFor(t, "the page size", func() bool { return f.shown == f.gen && f.ok })
	if f.info.Text != "1 page, 420 × 297 mm" || f.size.Disabled() != true || f.tiles.Disabled() {
		t.Fatalf("PDF on A3 landscape: the dialog says %q (size disabled %v, tiles disabled %v)", f.info.Text, f.size.Disabled(), f.tiles.Disabled())
	}
	c, err := f.choice()
	if err != nil || c.format != "pdf" || c.vec.Paper != "A3" || !c.vec.Landscape {
		t.Fatalf("options read as %+v (%v)", c, err)
	}
	out := filepath.Join(t.TempDir(), "map.pdf")
	done := make(chan error, 1)
	u.runExport(out, u.m, c, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("not a PDF (%v)", err)
	}
	if pages, err := export.VectorPages(u.m, c.vec); err != nil || len(pages) != 1 || pages[0] != [2]float64{420, 297} {
		t.Fatalf("pages %v (%v)", pages, err)
	}

	f.tiles.SetSelected("A4")
	waitFor(t, "the tiles", func() bool { return f.shown == f.gen && strings.Contains(f.info.Text, "pages, each 210 × 297 mm") })
	f.format.SetSelected("SVG")
	waitFor(t, "SVG", func() bool { return f.shown == f.gen && f.ok })
	if !f.tiles.Disabled() || !f.slides.Disabled() || f.paper.Disabled() {
		t.Fatal("SVG: tiles and slides should be off, the paper on")
	}
	if c, _ := f.choice(); c.vec.Tile != "" || c.perStage {
		t.Fatalf("SVG kept tiles or slides: %+v", c.vec)
	}
	f.format.SetSelected("PDF")
	f.slides.SetChecked(true)
	deck, err := export.VectorPages(u.m, export.VectorOptions{Format: "pdf", PerStage: true})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the deck", func() bool {
		return f.shown == f.gen && f.info.Text == fmt.Sprintf("%d pages, each %.0f × %.0f mm", len(u.m.Stages)+1, deck[0][0], deck[0][1])
	})
	if r := deck[0][0] / deck[0][1]; math.Abs(r-16.0/9) > 1e-9 {
		t.Fatalf("deck pages are %v, not 16:9", deck[0])
	}
	if !f.paper.Disabled() || !f.tiles.Disabled() {
		t.Fatal("a deck has its own pages: paper and tiles should be off")
	}
}

// In a window of 1024×768 the export dialog (Ctrl+E) fits inside the window, its preview
// narrower, and Esc closes it as Cancel does.
func TestExportDialogFitsAndEscCloses(t *testing.T) {
	for _, language := range []string{"en", "vi"} {
		t.Run(language, func(t *testing.T) { exportDialogFits(t, language) })
	}
}

func exportDialogFits(t *testing.T, language string) {
	t.Cleanup(func() { setLanguage("en") })
	u, w := newTestUI(t, data.SampleMap("vi"))
	u = u.switchLanguage(language)
	w.Resize(fyne.NewSize(1024, 768))
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault})
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Ctrl+E opened no dialog")
	}
	saveShot(w, "export-1024-"+language+".png")
	var dlg fyne.CanvasObject
	for _, o := range test.WidgetRenderer(top.(fyne.Widget)).Objects() {
		if o.Size().Width > 100 && (dlg == nil || o.Size().Width < dlg.Size().Width) {
			dlg = o
		}
	}
	if dlg == nil || dlg.MinSize().Width > 1024 {
		t.Fatalf("the dialog needs %v in a window 1024 wide", dlg.MinSize())
	}
	w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the export dialog")
	}
	if u.dismiss != nil {
		t.Fatal("Esc is still bound to the closed dialog")
	}
}
