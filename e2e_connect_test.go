package main

import (
	"image"
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

	home := t.TempDir()
	for _, locale := range []string{"vi_VN.UTF-8", "en_US.UTF-8"} {
		app := startAppIn(t, home, locale, ws)
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
		title := app.titleWith(db, 15*time.Second)
		if title != m.Title+" — "+db+" — Journey Canvas" {
			t.Fatalf("window title %q after connecting\n%s", title, app.out.String())
		}
		time.Sleep(time.Second) // the board's first paint
		img := screenshot(t, "connect-2-connected.png")
		lay := geometry.Compute(m, geometry.Options{Theme: "light"})
		boardAsGeometry(t, img, m, lay)
		app.quit()
	}

	// Started again with no workspace named, the app opens the default file and offers, in a
	// notice at the foot of the window, to connect to the team workspace again: a click on
	// Reconnect does.
	app := startAppIn(t, home, "en_US.UTF-8")
	img := screenshot(t, "connect-3-offer.png")
	x, y, ok := offerButton(img)
	if !ok {
		t.Fatalf("no notice offering to reconnect at the foot of the window\n%s", app.out.String())
	}
	app.xdo("mousemove", strconv.Itoa(x), strconv.Itoa(y))
	time.Sleep(300 * time.Millisecond)
	app.xdo("click", "1")
	title := app.titleWith(db, 15*time.Second)
	if title != m.Title+" — "+db+" — Journey Canvas" {
		screenshot(t, "connect-4-not-reconnected.png")
		t.Fatalf("window title %q after Reconnect\n%s", title, app.out.String())
	}
	app.quit()
}

// titleWith waits up to wait for the window's title to contain part, and returns the title
// it has then.
func (a *desktopApp) titleWith(part string, wait time.Duration) string {
	var title string
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		out, _ := exec.Command("xdotool", "getwindowname", a.win).Output()
		if title = strings.TrimSpace(string(out)); strings.Contains(title, part) {
			break
		}
	}
	return title
}

// offerButton finds a good-news notice (a band of green) in the lower part of the screen and
// returns the middle of its action button: the first thing not green left of the close
// button, which stands on the band's green at its right end.
func offerButton(img *image.RGBA) (x, y int, ok bool) {
	b := img.Bounds()
	green := func(x, y int) bool {
		c := img.RGBAAt(x, y)
		return int(c.G)-int(c.R) > 30 && int(c.G)-int(c.B) > 30
	}
	for top := b.Max.Y / 2; top < b.Max.Y-20; top++ {
		run := 0
		for x := b.Min.X; x < b.Max.X; x++ {
			if !green(x, top) {
				run = 0
				continue
			}
			if run++; run < 300 {
				continue
			}
			// The band's top edge. Along the row through its middle: the last stretch of
			// green is under the close button, the gap before it is the action button.
			y := top + 18
			var segs [][2]int // stretches of green, [first, last]
			for sx := max(b.Min.X, x-300); sx < min(b.Max.X, x+700); sx++ {
				if !green(sx, y) {
					continue
				}
				if n := len(segs); n > 0 && sx-segs[n-1][1] <= 8 {
					segs[n-1][1] = sx // small gaps are the letters of the sentence
				} else {
					segs = append(segs, [2]int{sx, sx})
				}
			}
			if len(segs) < 2 {
				return 0, 0, false
			}
			n := len(segs)
			return (segs[n-2][1] + segs[n-1][0]) / 2, y, true
		}
	}
	return 0, 0, false
}

// openConnectDialog clicks File in the window's menu bar and goes down to Connect to team
// workspace… with the keyboard: New window, New workspace…, Your name…, Open…, Open recent,
// Connect to team workspace….
func (a *desktopApp) openConnectDialog() {
	a.t.Helper()
	geo := a.geometry()
	a.xdo("mousemove", strconv.Itoa(geo.Min.X+20), strconv.Itoa(geo.Min.Y+14))
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

// geometry is where the window is on the screen.
func (a *desktopApp) geometry() image.Rectangle {
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
	return image.Rect(geo["X"], geo["Y"], geo["X"]+geo["WIDTH"], geo["Y"]+geo["HEIGHT"])
}
