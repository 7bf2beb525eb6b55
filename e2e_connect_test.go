package main

import (
	"net/url"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
	"journeycanvas/data/pgtest"
)

// TestE2EConnectToTeamWorkspace drives File › Connect to team workspace… in the real window:
// the app starts on a file, the user opens the File menu with the mouse, goes down to the item
// with the keyboard, types the connection string and presses Enter. The window then shows the
// database's map: its title names the map and the database, and the board is drawn where the
// geometry puts it. The same dialog in Vietnamese is captured too.
func TestE2EConnectToTeamWorkspace(t *testing.T) {
	needDisplay(t)
	conn := pgtest.DB(t)
	m := data.SampleMap("vi")
	m.Title = "Hành trình của nhóm"
	_, m = putMap(t, conn, m)
	u, _ := url.Parse(conn)
	db := strings.TrimPrefix(u.Path, "/")
	ws, _, _ := makeWorkspace(t, data.SampleMap("en"))

	for _, locale := range []string{"vi_VN.UTF-8", "en_US.UTF-8"} {
		app := startAppIn(t, t.TempDir(), locale, ws)
		app.openConnectDialog()
		if locale != "en_US.UTF-8" {
			screenshot(t, "connect-0-dialog-vi.png")
			app.xdo("key", "Escape")
			app.quit()
			continue
		}
		app.xdo("type", "--delay", "20", conn)
		time.Sleep(300 * time.Millisecond)
		screenshot(t, "connect-1-typed.png")
		app.xdo("key", "Return")
		var title string
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			out, _ := exec.Command("xdotool", "getwindowname", app.win).Output()
			if title = strings.TrimSpace(string(out)); strings.Contains(title, db) {
				break
			}
		}
		if title != m.Title+" — "+db+" — Journey Canvas" {
			t.Fatalf("window title %q after connecting\n%s", title, app.out.String())
		}
		time.Sleep(time.Second) // the board's first paint
		img := screenshot(t, "connect-2-connected.png")
		lay := geometry.Compute(m, geometry.Options{Theme: "light"})
		boardAsGeometry(t, img, m, lay)
		app.quit()
	}
}

// openConnectDialog clicks File in the window's menu bar and goes down to Connect to team
// workspace… with the keyboard: New window, New workspace…, Your name…, Open…, Open recent,
// Connect to team workspace….
func (a *desktopApp) openConnectDialog() {
	a.t.Helper()
	out, err := exec.Command("xdotool", "getwindowgeometry", "--shell", a.win).Output()
	if err != nil {
		a.t.Fatal(err)
	}
	geo := map[string]int{}
	for _, l := range strings.Fields(string(out)) {
		if k, v, ok := strings.Cut(l, "="); ok {
			geo[k], _ = strconv.Atoi(v)
		}
	}
	a.xdo("mousemove", strconv.Itoa(geo["X"]+20), strconv.Itoa(geo["Y"]+14))
	time.Sleep(300 * time.Millisecond)
	a.xdo("click", "1")
	time.Sleep(500 * time.Millisecond)
	screenshot(a.t, "connect-0-menu.png")
	for i := 0; i < 6; i++ {
		a.xdo("key", "Down")
	}
	a.xdo("key", "Return")
	time.Sleep(700 * time.Millisecond)
}
