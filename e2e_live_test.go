package main

import (
	"image"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"journeycanvas/data"
)

// TestE2ELiveImport runs two real programs on one workspace: while the window is open, the
// command line imports a map into the file, and within a second the window's list of maps
// shows it (the list's part of the screen changes, with nothing done in the window). It also
// logs the window's processor use while idle.
func TestE2ELiveImport(t *testing.T) {
	needDisplay(t)
	ws, _, _ := makeWorkspace(t, data.SampleMap("en"))
	app := startApp(t, ws)

	// Idle: the window only looks for others' changes.
	before := cpuTicks(t, app.cmd.Process.Pid)
	time.Sleep(3 * time.Second)
	idle := float64(cpuTicks(t, app.cmd.Process.Pid)-before) / 100 / 3 * 100
	t.Logf("idle window: %.1f %% of a core over 3 s (Fyne's loop and the change watcher)", idle)

	img := screenshot(t, "live-before.png")
	if out, errOut, code := run(t, "import", ws, "testdata/mermaid-example.mmd"); code != 0 {
		t.Fatalf("import while the window is open: %d %s %s", code, out, errOut)
	}
	time.Sleep(time.Second)
	after := screenshot(t, "live-after.png")
	// The list of maps is the left panel: it must have changed.
	if n := changed(img, after, image.Rect(0, 0, 220, img.Bounds().Dy())); n < 50 {
		t.Fatalf("the maps list did not change within a second of the import (%d pixels)", n)
	}
	app.quit()
	out, _, _ := run(t, "list", ws)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 {
		t.Fatalf("the workspace lists %q", out)
	}
}

// cpuTicks is the processor time a process has used, in clock ticks (1/100 s).
func cpuTicks(t *testing.T, pid int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	u, _ := strconv.Atoi(f[11])
	s, _ := strconv.Atoi(f[12])
	return u + s
}

// changed counts the pixels of r that differ between two screenshots.
func changed(a, b *image.RGBA, r image.Rectangle) int {
	n := 0
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i, j := a.PixOffset(x, y), b.PixOffset(x, y)
			if a.Pix[i] != b.Pix[j] || a.Pix[i+1] != b.Pix[j+1] || a.Pix[i+2] != b.Pix[j+2] {
				n++
			}
		}
	}
	return n
}
