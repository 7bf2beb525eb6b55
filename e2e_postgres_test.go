package main

import (
	"fmt"
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

// `journeycanvas postgres://…` opens the window on the database: the title names the map and
// the database, and the board is drawn where the geometry puts it, as for a file. A role that
// may only read gets the same board, marked read-only.
func TestE2EPostgresWindow(t *testing.T) {
	needDisplay(t)
	conn := pgtest.DB(t)
	_, m := putMap(t, conn, data.SampleMap("vi"))
	u, _ := url.Parse(conn)
	db := strings.TrimPrefix(u.Path, "/")
	_, reader := pgtest.Reader(t, conn, "")
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	for _, who := range []string{conn, reader} {
		app := startApp(t, who)
		title, _ := exec.Command("xdotool", "getwindowname", app.win).Output()
		img := screenshot(t, "e2e-postgres-"+strconv.FormatBool(who != conn)+".png")
		boardAsGeometry(t, img, m, lay)
		app.quit()
		readOnly := who != conn
		if !strings.Contains(string(title), m.Title+" — "+db) || strings.Contains(string(title), "read-only") != readOnly {
			t.Errorf("window title %q (read-only: %v)", title, readOnly)
		}
	}
}

// Two clients on one team workspace: while the window is open on the database, another client
// (this test, through the store) adds a card, and the window shows it within a second. Then
// the server stops: the window says it is offline (its title, and the banner seen in the
// screenshot), keeps the map, and refuses a new card; the server comes back and the window
// reconnects by itself.
func TestE2EPostgresLive(t *testing.T) {
	needDisplay(t)
	srv := pgtest.Own(t)
	conn := srv.DB(t)
	id, m := putMap(t, conn, data.SampleMap("vi"))
	s, err := data.Open(conn, data.OpenOptions{}) // Minh's program
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetAuthor("Minh", "e2e.1")
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	cell := lay.Cell(m.Stages[1].ID, m.Lanes[2].ID) // Cân nhắc × Suy nghĩ, empty
	app := startApp(t, conn)
	before := screenshot(t, "pg-live-0.png")
	ox, oy := boardOrigin(t, before, lay, m.Stages[0].Colour)
	area := image.Rect(int(ox+cell.Rect.X), int(oy+cell.Rect.Y), int(ox+cell.Rect.X+cell.Rect.W), int(oy+cell.Rect.Y+cell.Rect.H))

	start := time.Now()
	if _, err := s.AddCard(data.Card{MapID: id, StageID: cell.StageID, LaneID: cell.LaneID, Position: -1, Title: "Từ máy của Minh"}); err != nil {
		t.Fatal(err)
	}
	var seen time.Duration
	for n := 0; seen == 0 && time.Since(start) < 3*time.Second; n++ {
		img := screenshot(t, fmt.Sprintf("pg-live-1-%d.png", n))
		if changed(before, img, area) > 200 {
			seen = time.Since(start)
		}
	}
	if seen == 0 || seen > time.Second {
		t.Fatalf("the other client's card was not on the window's board within a second (seen after %v; 0: not at all)", seen)
	}
	t.Logf("the other client's card was on the screen %v after the edit began (a screenshot takes about 100 ms of that)", seen)

	title := func() string {
		out, _ := exec.Command("xdotool", "getwindowname", app.win).Output()
		return strings.TrimSpace(string(out))
	}
	srv.Stop()
	waitTitle := func(offline bool) {
		t.Helper()
		for deadline := time.Now().Add(8 * time.Second); strings.Contains(title(), "(offline)") != offline; time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("offline %v: the window's title is still %q", offline, title())
			}
		}
	}
	waitTitle(true)
	time.Sleep(300 * time.Millisecond)
	offline := screenshot(t, "pg-live-2-offline.png")
	band, _ := findColour(offline, m.Stages[0].Colour)
	ox, oy = boardOrigin(t, offline, lay, m.Stages[0].Colour) // the banner moved the board down
	// A double-click in an empty cell would add a card: refused, the window stays.
	empty := lay.Cell(m.Stages[2].ID, m.Lanes[2].ID)
	app.xdo("mousemove", fmt.Sprint(int(ox+empty.Rect.X+empty.Rect.W/2)), fmt.Sprint(int(oy+empty.Rect.Y+empty.Rect.H/2)))
	time.Sleep(400 * time.Millisecond)
	app.xdo("click", "--repeat", "2", "--delay", "80", "1")
	time.Sleep(600 * time.Millisecond)
	refused := screenshot(t, "pg-live-3-refused.png")
	// The notice of the refusal floats at the foot of the window, moving nothing: the stage
	// bands stay where they were, the strip at the window's foot changes.
	if box, ok := findColour(refused, m.Stages[0].Colour); !ok || box.Min.Y != band.Min.Y {
		t.Errorf("the board moved: the first stage's band at %v, was at %v", box, band)
	}
	win := app.geometry()
	foot := image.Rect(win.Min.X, win.Max.Y-120, win.Max.X, win.Max.Y)
	if n := changed(offline, refused, foot); n < 3000 {
		t.Errorf("no notice of the refused card (%d pixels changed at the window's foot, %v)", n, foot)
	}

	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	waitTitle(false)
	screenshot(t, "pg-live-4-back.png")
	app.quit()
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.CellCards(empty.StageID, empty.LaneID)); n != 0 {
		t.Fatalf("a card was added while offline: %d in the cell", n)
	}
}
