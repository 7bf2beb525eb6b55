package data

import "testing"

// A map's own notes are kept by CreateMap and UpdateMap, undone with the edit, and survive
// reopening the file.
func TestMapNotes(t *testing.T) {
	s, path := openTemp(t)
	m := sampleMap()
	m.Notes = "exportedBy: OpenJourney editor 2.3\nghi chú: ỳ ữ ặ đ"
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Notes != m.Notes {
		t.Fatalf("notes %q, want %q", got.Notes, m.Notes)
	}
	got.Notes = "changed"
	if err := s.UpdateMap(got); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Undo(id); err != nil || !ok {
		t.Fatalf("undo: %v %v", ok, err)
	}
	s.Close()
	s2, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	again, err := s2.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if again.Notes != m.Notes {
		t.Fatalf("after undo and reopening: notes %q, want %q", again.Notes, m.Notes)
	}
}
