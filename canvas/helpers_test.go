package canvas

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// newTestUI opens a real workspace in a temporary folder with m in it and shows it in a test
// window of 1600×1000.
func newTestUI(t testing.TB, m *data.Map) (*ui, fyne.Window) {
	t.Helper()
	return newTestUIAt(t, filepath.Join(t.TempDir(), "w.journey"), m)
}

// newTestUIAt is newTestUI on the workspace where (a file, or a database's URL).
func newTestUIAt(t testing.TB, where string, m *data.Map) (*ui, fyne.Window) {
	t.Helper()
	setLanguage("en") // the tests read English labels, whatever the machine's locale
	a := test.NewTempApp(t)
	th := &appTheme{mode: themeLight}
	a.Settings().SetTheme(th)
	s, err := data.Open(where, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if m != nil {
		if _, err := s.CreateMap(m); err != nil {
			t.Fatal(err)
		}
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1600, 1000))
	u := newUI(a, w, s, th)
	u.install()
	u.body.SetOffset(0.99) // room for the board
	u.outer.SetOffset(0.01)
	w.Resize(fyne.NewSize(1600, 1000))
	t.Cleanup(func() {
		for o := range watching { // the window state a change of language put in u's place
			if o.win == w && o != u {
				o.unwatch()
			}
		}
		u.close()
	})
	return u, w
}

// reloadMap reads the map again from the file.
func reloadMap(t testing.TB, u *ui) *data.Map {
	t.Helper()
	m, err := u.st.LoadMap(u.mapID)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func centre(r geometry.Rect) fyne.Position {
	return fyne.NewPos(float32(r.X+r.W/2), float32(r.Y+r.H/2))
}

// dragObj drags obj (whose top-left is at objPos on the board) from one board point to
// another in steps, the way the desktop driver reports it: the pointer relative to the
// object, an absolute position, and the move since the last event.
func dragObj(obj fyne.Draggable, objPos, from, to fyne.Position, steps int, mid func(i int)) {
	prev := from
	for i := 1; i <= steps; i++ {
		f := float32(i) / float32(steps)
		p := fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
		obj.Dragged(&fyne.DragEvent{
			PointEvent: fyne.PointEvent{Position: p.Subtract(objPos), AbsolutePosition: p.Add(fyne.NewPos(300, 50))},
			Dragged:    fyne.NewDelta(p.X-prev.X, p.Y-prev.Y),
		})
		prev = p
		if mid != nil {
			mid(i)
		}
	}
	obj.DragEnd()
}

// cardByTitle finds a card of the map by its title.
func cardByTitle(t testing.TB, m *data.Map, title string) data.Card {
	t.Helper()
	for _, c := range m.Cards {
		if c.Title == title {
			return c
		}
	}
	t.Fatalf("no card %q", title)
	return data.Card{}
}

func cellTitles(m *data.Map, stageID, laneID int64) []string {
	var out []string
	for _, c := range m.CellCards(stageID, laneID) {
		out = append(out, c.Title)
	}
	return out
}
