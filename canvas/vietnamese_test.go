package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"journeycanvas/data"
)

// unikeyKeys is "Việt Nam" typed in Telex (V i e e t j, space, N a m) through a Windows input
// method of the Unikey or EVKey kind, as the events the app receives: each letter as typed,
// and for each mark as many Backspaces as letters it replaces, then the replacement letters.
var unikeyKeys = []string{"V", "i", "e", "\b", "ê", "t", "\b", "\b", "ệ", "t", " ", "N", "a", "m"}

// typeUnikey sends unikeyKeys to the object that has the window's focus, as the desktop driver
// does: runes through TypedRune, Backspace through TypedKey.
func typeUnikey(t *testing.T, w fyne.Window) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the focus to type into")
	}
	for _, k := range unikeyKeys {
		if k == "\b" {
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
			continue
		}
		for _, r := range k {
			f.TypedRune(r)
		}
	}
}

// TestUnikeyStyleInEveryField types "Việt Nam" the Unikey/EVKey way into every text field of
// the app — a card's title on the board, a new stage's and lane's name, each entry of the card
// and map inspectors, the find bar and the maps filter — and checks each shows (and, where it
// saves, the file keeps) exactly "Việt Nam": no Backspace eats a letter it should not.
func TestUnikeyStyleInEveryField(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	b := u.board
	id := b.lay.Cards[0].ID

	// A card's title, in place on the board (its old title selected: typing replaces it).
	b.editTitle(id)
	typeUnikey(t, w)
	b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := reloadMap(t, u).Card(id).Title; got != "Việt Nam" {
		t.Errorf("card title in the file: %q", got)
	}

	// A new stage's and a new lane's name, in place over the header.
	u.addStage()
	sid := u.names.id
	typeUnikey(t, w)
	u.names.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := stageName(reloadMap(t, u), sid); got != "Việt Nam" {
		t.Errorf("new stage's name in the file: %q", got)
	}
	u.addLane()
	lid := u.names.id
	typeUnikey(t, w)
	u.names.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := laneName(reloadMap(t, u), lid); got != "Việt Nam" {
		t.Errorf("new lane's name in the file: %q", got)
	}

	// Every entry of the card's inspector and of the map's.
	for _, target := range []func(){
		func() { test.Tap(b.cards[id]) },
		func() { b.setSelection(selection{}) },
	} {
		target()
		n := 0
		for label, o := range u.insp.fields {
			e, ok := o.(*field)
			if !ok || e.Disabled() {
				continue
			}
			e.SetText("")
			w.Canvas().Focus(e)
			typeUnikey(t, w)
			if e.Text != "Việt Nam" {
				t.Errorf("inspector field %s shows %q", label, e.Text)
			}
			n++
		}
		u.insp.commit()
		t.Logf("%d text fields of the inspector typed into", n)
		if n < 3 {
			t.Fatalf("only %d text fields found in the inspector", n)
		}
	}
	m := reloadMap(t, u)
	if m.Title != "Việt Nam" {
		t.Errorf("the map's title typed in the inspector is %q in the file", m.Title)
	}

	// The find bar and the maps filter.
	u.find.open()
	typeUnikey(t, w)
	if got := u.find.entry.Text; got != "Việt Nam" {
		t.Errorf("the find bar shows %q", got)
	}
	u.find.close()
	w.Canvas().Focus(u.side.filter)
	typeUnikey(t, w)
	if got := u.side.filter.Text; got != "Việt Nam" {
		t.Errorf("the maps filter shows %q", got)
	}
}

func stageName(m *data.Map, id int64) string {
	for _, s := range m.Stages {
		if s.ID == id {
			return s.Name
		}
	}
	return "(no such stage)"
}

func laneName(m *data.Map, id int64) string {
	for _, l := range m.Lanes {
		if l.ID == id {
			return l.Name
		}
	}
	return "(no such lane)"
}
