//go:build wine

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The Windows build under wine (make wine-test): WINE_EXE is dist/windows/journeycanvas.exe,
// WINEPREFIX a prefix holding the bcryptprimitives.dll stand-in (packaging/wine). The workspace
// lives at C:\Users\Hương\Bản đồ.journey: a folder and a file name with Vietnamese letters and
// a space, as Windows users name them.

// wineRun runs the exe under wine with args and returns its stdout, stderr and exit status.
// Wine passes the arguments to Windows from the Unix locale: it must be a UTF-8 one.
func wineRun(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command("wine", append([]string{wineExe(t)}, args...)...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), errb.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), 0
}

func wineExe(t *testing.T) string {
	exe := os.Getenv("WINE_EXE")
	if exe == "" || os.Getenv("WINEPREFIX") == "" {
		t.Fatal("WINE_EXE and WINEPREFIX must be set: run make wine-test")
	}
	return exe
}

// wineHome is the Unix folder that is C:\Users\Hương in the prefix, made empty.
func wineHome(t *testing.T) string {
	dir := filepath.Join(os.Getenv("WINEPREFIX"), "drive_c", "users", "Hương")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

const wineWS = `C:\Users\Hương\Bản đồ.journey`

// TestWineHeadless: new, list, dump and export work on a Vietnamese path, and the export's
// bytes are the Linux build's for the same file.
func TestWineHeadless(t *testing.T) {
	home := wineHome(t)
	out, errOut, code := wineRun(t, "new", wineWS, "--template", "five-stages", "--lang", "vi", "--title", "Hành trình mua hàng")
	if code != 0 || !strings.Contains(out, "Hành trình mua hàng") {
		t.Fatalf("new: %d %q %q", code, out, errOut)
	}
	unixWS := filepath.Join(home, "Bản đồ.journey")
	if _, err := os.Stat(unixWS); err != nil {
		t.Fatalf("the workspace is not where Windows was told to put it: %v", err)
	}
	out, errOut, code = wineRun(t, "list", wineWS)
	if code != 0 || !strings.Contains(out, "Hành trình mua hàng") {
		t.Fatalf("list: %d %q %q", code, out, errOut)
	}
	winDump, errOut, code := wineRun(t, "dump", wineWS, "--map", "Hành trình mua hàng")
	if code != 0 {
		t.Fatalf("dump: %d %q", code, errOut)
	}
	linuxDump, errOut, code := run(t, "dump", unixWS, "--map", "Hành trình mua hàng")
	if code != 0 || winDump != linuxDump {
		t.Fatalf("dump differs from the Linux build's (%d %q):\n%s\n---\n%s", code, errOut, winDump, linuxDump)
	}
	for _, theme := range []string{"light", "dark"} {
		_, errOut, code = wineRun(t, "export", wineWS, "--map", "1", "--theme", theme, "-o", `C:\Users\Hương\Ảnh xuất `+theme+".png")
		if code != 0 {
			t.Fatalf("export: %d %q", code, errOut)
		}
		win, err := os.ReadFile(filepath.Join(home, "Ảnh xuất "+theme+".png"))
		if err != nil {
			t.Fatal(err)
		}
		linuxPNG := filepath.Join(t.TempDir(), "linux.png")
		if _, errOut, code := run(t, "export", unixWS, "--map", "1", "--theme", theme, "-o", linuxPNG); code != 0 {
			t.Fatalf("linux export: %q", errOut)
		}
		lin, _ := os.ReadFile(linuxPNG)
		if len(win) < 1000 || !bytes.Equal(win, lin) {
			t.Fatalf("%s: the Windows export (%d bytes) is not the Linux one (%d bytes)", theme, len(win), len(lin))
		}
		t.Logf("%s export: %d bytes, identical to the Linux build's", theme, len(win))
	}
	// A refused file is named, and left as it was.
	_, errOut, code = wineRun(t, "list", `C:\Users\Hương\không có.journey`)
	if code != 1 || !strings.Contains(errOut, "không có.journey") {
		t.Fatalf("a missing file: %d %q", code, errOut)
	}
}

// TestWineWindow opens the app on the Vietnamese path in Xvfb, finds its window by the map's
// title, takes a screenshot (kept in $E2E_SHOTS) and checks the board is drawn, then quits.
func TestWineWindow(t *testing.T) {
	needDisplay(t)
	wineHome(t)
	// The app's settings in the prefix (window size, panels) as on a first start.
	old, _ := filepath.Glob(filepath.Join(os.Getenv("WINEPREFIX"), "drive_c", "users", "*", "AppData", "Roaming", "fyne"))
	for _, d := range old {
		os.RemoveAll(d)
	}
	if out, errOut, code := wineRun(t, "new", wineWS, "--template", "five-stages", "--lang", "vi", "--title", "Hành trình mua hàng"); code != 0 {
		t.Fatalf("new: %d %q %q", code, out, errOut)
	}
	cmd := exec.Command("wine", wineExe(t), wineWS)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "FYNE_SCALE=1", "FYNE_THEME=light")
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	started := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			exec.Command("wineserver", "-k").Run()
			<-done
		}
	}()
	win, err := findWindow("Hành trình mua hàng — Bản đồ.journey — Journey Canvas", 60*time.Second)
	if err != nil {
		t.Fatalf("no window titled with the map and the file: %v\n%s", err, log.String())
	}
	t.Logf("window %s shown %v after launch", win, time.Since(started).Round(time.Millisecond))
	time.Sleep(4 * time.Second) // first paint
	img := screenshot(t, "wine-window.png")
	// The board: the stage headers are bands of their colours, on a light window with dark
	// text (the rest of the screen is Xvfb's black).
	colourful, light := 0, 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			i := img.PixOffset(x, y)
			r, g, bl := int(img.Pix[i]), int(img.Pix[i+1]), int(img.Pix[i+2])
			if max(r, g, bl)-min(r, g, bl) > 80 {
				colourful++
			}
			if r+g+bl > 600 {
				light++
			}
		}
	}
	if colourful < 2000 || light < 200000 {
		t.Fatalf("the screen does not show a board (%d colourful, %d light pixels)\n%s", colourful, light, log.String())
	}
	t.Logf("board drawn: %d colourful, %d light pixels", colourful, light)
	// Ctrl+Q, pressed on the keyboard (XTEST) once the window has the focus (there is no window
	// manager to give it), and sent to the window itself on the tries between; again if the
	// app is still there after a few seconds. On one CI run four Ctrl+Q sent to the window
	// alone went unheard.
	for try := 0; ; try++ {
		exec.Command("xdotool", "windowfocus", "--sync", win).Run()
		if try%2 == 0 {
			exec.Command("xdotool", "key", "--clearmodifiers", "ctrl+q").Run()
		} else {
			exec.Command("xdotool", "key", "--window", win, "ctrl+q").Run()
		}
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("the app exited with %v\n%s", err, log.String())
			}
			return
		case <-time.After(5 * time.Second):
		}
		if try == 3 {
			screenshot(t, "wine-not-quit.png")
			t.Fatalf("the app did not quit on Ctrl+Q\n%s", log.String())
		}
	}
}
