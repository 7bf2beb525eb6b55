package canvas

import (
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

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
