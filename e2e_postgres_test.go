package main

import (
	"net/url"
	"os/exec"
	"strconv"
	"strings"
	"testing"

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
	s, err := data.Open(conn, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateMap(data.SampleMap("vi"))
	if err != nil {
		t.Fatal(err)
	}
	s.SetSetting("last-map", strconv.FormatInt(id, 10))
	s.SetSetting("zoom", "1.00")
	m, err := s.LoadMap(id)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(conn)
	db := strings.TrimPrefix(u.Path, "/")
	_, reader := pgtest.Reader(t, conn, "")
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	for _, who := range []string{conn, reader} {
		app := startApp(t, who)
		title, _ := exec.Command("xdotool", "getwindowname", app.win).Output()
		img := screenshot(t, "e2e-postgres-"+strconv.FormatBool(who != conn)+".png")
		ox, oy := boardOrigin(t, img, lay, m.Stages[0].Colour)
		for i, st := range m.Stages[:2] {
			box, ok := findColour(img, st.Colour)
			want := lay.Stages[i].Band
			if !ok || abs(float64(box.Min.Y)-(oy+want.Y)) > 1 || abs(float64(box.Min.X+box.Max.X)/2-(ox+want.X+want.W/2)) > 1.5 {
				t.Errorf("stage %q band at %v, geometry says %v + (%.0f, %.0f)", st.Name, box, want, ox, oy)
			}
		}
		app.quit()
		readOnly := who != conn
		if !strings.Contains(string(title), m.Title+" — "+db) || strings.Contains(string(title), "read-only") != readOnly {
			t.Errorf("window title %q (read-only: %v)", title, readOnly)
		}
	}
}
