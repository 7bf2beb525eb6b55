package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// The end-to-end test drives the real binary in a real X display: it opens a workspace,
// finds a card and a stage on the screen, drags the card onto the stage with xdotool as a
// user would, quits with Ctrl+Q, and checks with `journeycanvas dump` that the file moved it.

// needDisplay skips without an X display, unless CI=true, where a missing display is a fault.
func needDisplay(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DISPLAY is not set: run the tests under xvfb-run (make test)")
		}
		t.Skip("no X display (DISPLAY unset); make test runs this under Xvfb")
	}
	for _, tool := range []string{"xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing: %v", tool, err)
			}
			t.Skipf("%s is missing", tool)
		}
	}
}

// desktopApp is the real app running on a workspace.
type desktopApp struct {
	t    *testing.T
	cmd  *exec.Cmd
	win  string // X window id
	done chan error
	out  bytes.Buffer
}

func startApp(t *testing.T, workspace string) *desktopApp {
	t.Helper()
	home := t.TempDir()
	return startAppIn(t, home, "en_US.UTF-8", workspace)
}

// startAppIn starts the app with home as the user's home folder (and its data and settings
// there), in the language of locale; args are the command's arguments.
func startAppIn(t *testing.T, home, locale string, args ...string) *desktopApp {
	t.Helper()
	a := &desktopApp{t: t, done: make(chan error, 1)}
	a.cmd = exec.Command(binPath, args...)
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "LC_") && !strings.HasPrefix(e, "LANGUAGE=") && !strings.HasPrefix(e, "XDG_") {
			env = append(env, e)
		}
	}
	a.cmd.Env = append(env, "HOME="+home, "FYNE_SCALE=1", "LANG="+locale, "FYNE_THEME=light")
	a.cmd.Stdout, a.cmd.Stderr = &a.out, &a.out
	started := time.Now()
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { a.done <- a.cmd.Wait() }()
	t.Cleanup(func() {
		if a.cmd.ProcessState == nil {
			a.cmd.Process.Kill()
			<-a.done
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--name", "Journey Canvas").Output()
	if err != nil {
		t.Fatalf("the window did not appear: %v\n%s", err, a.out.String())
	}
	a.win = strings.Fields(string(out))[0]
	t.Logf("window %s shown %v after launch", a.win, time.Since(started).Round(time.Millisecond))
	time.Sleep(1500 * time.Millisecond) // first paint
	return a
}

// quit presses Ctrl+Q in the app's window (found again: the toolkit may replace the window it
// first mapped) and waits for the process to end. xdotool may report a failure when the app
// quits between the key's press and release (the window is gone), so only the exit counts.
func (a *desktopApp) quit() {
	a.t.Helper()
	// A Ctrl+Q that arrives before the window has bound its shortcuts (a loaded machine, just
	// after launch) is lost, as it would be for a user: press it again every 2 s.
	deadline := time.After(15 * time.Second)
	var out []byte
	for {
		out, _ = exec.Command("xdotool", "search", "--onlyvisible", "--name", "Journey Canvas").Output()
		for _, w := range strings.Fields(string(out)) {
			exec.Command("xdotool", "key", "--window", w, "ctrl+q").Run()
		}
		select {
		case err := <-a.done:
			if err != nil {
				a.t.Fatalf("the app exited with %v\n%s", err, a.out.String())
			}
			return
		case <-time.After(2 * time.Second):
		case <-deadline:
			a.t.Fatalf("the app did not quit on Ctrl+Q (windows %q)\n%s", out, a.out.String())
		}
	}
}

func (a *desktopApp) xdo(args ...string) {
	a.t.Helper()
	cmd := exec.Command("xdotool", args...)
	// xdotool type reads its text in the locale's encoding: a UTF-8 one that every Debian has.
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	if out, err := cmd.CombinedOutput(); err != nil {
		a.t.Fatalf("xdotool %v: %v\n%s", args, err, out)
	}
}

// screenshot takes the whole screen; it is also saved in $E2E_SHOTS when that is set.
func screenshot(t *testing.T, name string) *image.RGBA {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if dir := os.Getenv("E2E_SHOTS"); dir != "" {
		path = filepath.Join(dir, name)
	}
	if out, err := exec.Command("import", "-window", "root", path).CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	return rgba
}

// findColour returns the bounding box of the pixels of exactly (±3) the given colour.
func findColour(img *image.RGBA, hex string) (image.Rectangle, bool) {
	c, _ := geometry.ParseColour(hex)
	near := func(a, b uint8) bool { return a >= b-min(b, 3) && a <= b+min(255-b, 3) }
	box := image.Rectangle{Min: image.Pt(1<<30, 1<<30)}
	found := false
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			i := img.PixOffset(x, y)
			if near(img.Pix[i], c.R) && near(img.Pix[i+1], c.G) && near(img.Pix[i+2], c.B) {
				found = true
				box.Min.X, box.Min.Y = min(box.Min.X, x), min(box.Min.Y, y)
				box.Max.X, box.Max.Y = max(box.Max.X, x+1), max(box.Max.Y, y+1)
			}
		}
	}
	return box, found
}

// boardOrigin finds where the board's (0, 0) is on the screen from the colour band of the
// first stage: the band is centred on its column and its top row is solid.
func boardOrigin(t *testing.T, img *image.RGBA, lay *geometry.Layout, colour string) (float64, float64) {
	t.Helper()
	box, ok := findColour(img, colour)
	if !ok {
		t.Fatalf("the first stage's colour %s is not on the screen", colour)
	}
	band := lay.Stages[0].Band
	cx := float64(box.Min.X+box.Max.X) / 2
	return cx - (band.X + band.W/2), float64(box.Min.Y) - band.Y
}

func makeWorkspace(t *testing.T, m *data.Map) (string, int64, *data.Map) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "e2e.journey")
	id, stored := putMap(t, path, m)
	return path, id, stored
}

// putMap adds m to the workspace where (a file or a database), as the map the app opens at
// 100 %, and returns its id and the map as stored.
func putMap(t *testing.T, where string, m *data.Map) (int64, *data.Map) {
	t.Helper()
	s, err := data.Open(where, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	s.SetSetting("last-map", strconv.FormatInt(id, 10))
	s.SetSetting("zoom", "1.00")
	stored, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	return id, stored
}

func TestE2EDragCardOntoStage(t *testing.T) {
	needDisplay(t)
	ws, id, m := makeWorkspace(t, data.SampleMap("en"))
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	var card data.Card
	for _, c := range m.Cards {
		if c.Title == "Sees a social-media ad for a serum" {
			card = c
		}
	}
	target, lane := m.Stages[1], m.Lanes[2] // Consideration × Thoughts: an empty cell
	if card.ID == 0 || target.Name != "Consideration" || lane.Name != "Thoughts" {
		t.Fatalf("the sample map changed: %q × %q", target.Name, lane.Name)
	}

	app := startApp(t, ws)
	img := screenshot(t, "e2e-before.png")
	ox, oy := boardOrigin(t, img, lay, m.Stages[0].Colour)
	t.Logf("board origin on screen: %.0f, %.0f", ox, oy)
	// The target stage must be on screen too: its band is found where the geometry says.
	if box, ok := findColour(img, target.Colour); !ok || abs(float64(box.Min.Y)-(oy+lay.Stages[1].Band.Y)) > 1 {
		t.Fatalf("the target stage %q is not where the geometry puts it (%v, %v)", target.Name, box, ok)
	}
	from := lay.Card(card.ID).Rect
	fx, fy := ox+from.X+from.W/3, oy+from.Y+from.H/2
	cell := lay.Cell(target.ID, lane.ID).Rect
	tx, ty := ox+cell.X+cell.W/2, oy+cell.Y+cell.H/2

	app.xdo("mousemove", fmt.Sprint(int(fx)), fmt.Sprint(int(fy)))
	time.Sleep(200 * time.Millisecond)
	app.xdo("mousedown", "1")
	time.Sleep(100 * time.Millisecond)
	const steps = 20
	for i := 1; i <= steps; i++ {
		f := float64(i) / steps
		app.xdo("mousemove", fmt.Sprint(int(fx+(tx-fx)*f)), fmt.Sprint(int(fy+(ty-fy)*f)))
		time.Sleep(30 * time.Millisecond)
		if i == steps-2 {
			screenshot(t, "e2e-dragging.png")
		}
	}
	time.Sleep(150 * time.Millisecond)
	app.xdo("mouseup", "1")
	time.Sleep(800 * time.Millisecond)
	screenshot(t, "e2e-after.png")

	app.quit()

	out, errOut, code := run(t, "dump", ws, "--map", strconv.FormatInt(id, 10))
	if code != 0 {
		t.Fatalf("dump: %d %s", code, errOut)
	}
	var dump struct {
		Stages []struct{ Ref, Name string }
		Lanes  []struct{ Ref, Name string }
		Cards  []struct{ Stage, Lane, Title string }
	}
	if err := json.Unmarshal([]byte(out), &dump); err != nil {
		t.Fatal(err)
	}
	stageName := map[string]string{}
	for _, s := range dump.Stages {
		stageName[s.Ref] = s.Name
	}
	laneName := map[string]string{}
	for _, l := range dump.Lanes {
		laneName[l.Ref] = l.Name
	}
	for _, c := range dump.Cards {
		if c.Title == card.Title {
			if stageName[c.Stage] != target.Name || laneName[c.Lane] != lane.Name {
				t.Fatalf("after the drag the card is in %q × %q; want %q × %q", stageName[c.Stage], laneName[c.Lane], target.Name, lane.Name)
			}
			return
		}
	}
	t.Fatalf("the card %q is not in the dump", card.Title)
}

// TestE2EVietnameseBoard opens the Vietnamese sample map in the real window and checks that
// the board is painted where the geometry says (every stage's colour band in its place). The
// screenshot (saved in $E2E_SHOTS) is for a human to check that every letter renders.
func TestE2EVietnameseBoard(t *testing.T) {
	needDisplay(t)
	ws, _, m := makeWorkspace(t, data.SampleMap("vi"))
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	app := startApp(t, ws)
	img := screenshot(t, "e2e-vietnamese.png")
	boardAsGeometry(t, img, m, lay)
	app.quit()
}

// boardAsGeometry checks that the first stages' bands are on the screenshot where the geometry
// puts them (within a pixel), and returns the board's origin on the screen.
func boardAsGeometry(t *testing.T, img *image.RGBA, m *data.Map, lay *geometry.Layout) (float64, float64) {
	t.Helper()
	ox, oy := boardOrigin(t, img, lay, m.Stages[0].Colour)
	for i, st := range m.Stages[:2] {
		box, ok := findColour(img, st.Colour)
		want := lay.Stages[i].Band
		if !ok || abs(float64(box.Min.Y)-(oy+want.Y)) > 1 || abs(float64(box.Min.X+box.Max.X)/2-(ox+want.X+want.W/2)) > 1.5 {
			t.Errorf("stage %q band at %v, geometry says %v + (%.0f, %.0f)", st.Name, box, want, ox, oy)
		}
	}
	return ox, oy
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// TestE2EFirstRun starts the app with no argument on an empty home folder, in Vietnamese:
// it creates the default workspace under the home folder with the sample map in Vietnamese,
// and the window says so in its title.
func TestE2EFirstRun(t *testing.T) {
	needDisplay(t)
	home := t.TempDir()
	a := startAppIn(t, home, "vi_VN.UTF-8")
	title, _ := exec.Command("xdotool", "getwindowname", a.win).Output()
	a.quit()
	ws := filepath.Join(home, ".local", "share", "journeycanvas", "workspace.journey")
	out, errOut, code := run(t, "list", ws)
	if code != 0 {
		t.Fatalf("no default workspace at %s: %s\n%s", ws, errOut, a.out.String())
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "Mua mỹ phẩm trực tuyến") {
		t.Fatalf("first run workspace holds %q", out)
	}
	if !strings.Contains(string(title), "Mua mỹ phẩm trực tuyến") {
		t.Fatalf("window title %q", title)
	}
}

// readOnly opens the workspace at ws to read it, as another program would; closed after the test.
func readOnly(t *testing.T, ws string) *data.Store {
	t.Helper()
	s, err := data.Open(ws, data.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// boardApp is the app started on a new workspace holding one map, with where its board is on
// the screen.
type boardApp struct {
	*desktopApp
	ws     string
	id     int64
	m      *data.Map
	lay    *geometry.Layout
	ox, oy float64
}

// startOnBoard starts the app on a new workspace holding m and finds its board on a first
// screenshot (kept as shot).
func startOnBoard(t *testing.T, m *data.Map, shot string) *boardApp {
	t.Helper()
	b := &boardApp{}
	b.ws, b.id, b.m = makeWorkspace(t, m)
	b.lay = geometry.Compute(b.m, geometry.Options{Theme: "light"})
	b.desktopApp = startApp(t, b.ws)
	b.ox, b.oy = boardOrigin(t, screenshot(t, shot), b.lay, b.m.Stages[0].Colour)
	return b
}

// at is the point of r on the screen, across its middle and fy of the way down, for xdotool.
func (b *boardApp) at(r geometry.Rect, fy float64) (string, string) {
	return fmt.Sprint(int(b.ox + r.X + r.W/2)), fmt.Sprint(int(b.oy + r.Y + r.H*fy))
}

// mapIn reads map id as the workspace at ws holds it now, as another program would.
func mapIn(t *testing.T, ws string, id int64) *data.Map {
	t.Helper()
	m, err := readOnly(t, ws).LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
