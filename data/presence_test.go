package data

import (
	"reflect"
	"testing"
)

// TestPresenceSeesOthersByName: two stores on one file see each other's window, by name and
// map, never their own; a window that leaves (or closes) is gone at once.
func TestPresenceSeesOthersByName(t *testing.T) {
	a, path := openTemp(t)
	b, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	c, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a.SetAuthor("Lan", "1.1")
	b.SetAuthor("Minh", "2.1")
	c.SetAuthor("", "3.1")
	for s, m := range map[*Store]int64{a: 1, b: 1, c: 2} {
		if err := s.Here(m); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := a.Present()
	if err != nil {
		t.Fatal(err)
	}
	if want := []Visitor{{"", 2}, {"Minh", 1}}; !reflect.DeepEqual(ps, want) {
		t.Fatalf("Lan sees %+v, want %+v", ps, want)
	}
	if got := Names(ps, 1, "?"); !reflect.DeepEqual(got, []string{"Minh"}) {
		t.Fatalf("on map 1: %v", got)
	}
	if got := Names(ps, -1, "someone"); !reflect.DeepEqual(got, []string{"someone", "Minh"}) {
		t.Fatalf("anywhere: %v", got)
	}
	v, _ := a.DataVersion()
	r, _ := a.Revision()
	if err := b.Leave(); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if ps, _ = a.Present(); len(ps) != 0 {
		t.Fatalf("after leaving: %+v", ps)
	}
	if v2, _ := a.DataVersion(); v2 == v && !onPostgres() { // a server store will be told by NOTIFY
		t.Fatal("another's presence did not change the data version")
	}
	if r2, _ := a.Revision(); r2 != r {
		t.Fatal("presence counted as an edit")
	}
}

// TestRevisionCountsEveryonesEdits: edits, undo and saved versions by another store move the
// revision a window compares; its own do too.
func TestRevisionCountsEveryonesEdits(t *testing.T) {
	a, path := openTemp(t)
	b, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	id, err := b.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	last, _ := a.Revision()
	for _, step := range []struct {
		name string
		fn   func() error
	}{
		{"edit", func() error {
			_, err := b.AddComment(Comment{MapID: id, TargetKind: OnMap, TargetID: id, Text: "x"})
			return err
		}},
		{"undo", func() error { _, _, err := b.Undo(id); return err }},
		{"version", func() error { _, err := b.SaveVersion(id, "v1"); return err }},
	} {
		name, fn := step.name, step.fn
		if err := fn(); err != nil {
			t.Fatal(err)
		}
		r, err := a.Revision()
		if err != nil || r == last {
			t.Fatalf("%s: revision %d stayed (%v)", name, r, err)
		}
		last = r
	}
}
