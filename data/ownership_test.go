package data

import (
	"errors"
	"testing"
)

// TestStageAndLaneEditsCheckTheirMap gives UpdateStage, UpdateLane, DeleteStage and DeleteLane
// a stage or lane of another map: each is refused as not found, neither map changes, and no
// history entry is filed under either map (as card and link commands already do).
func TestStageAndLaneEditsCheckTheirMap(t *testing.T) {
	s, _ := openTemp(t)
	a, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	mb, _ := s.LoadMap(b)
	beforeA, beforeB := state(t, s, a), state(t, s, b)
	undoA, undoB := s.UndoLabel(a), s.UndoLabel(b)

	st := mb.Stages[1]
	st.MapID, st.Name = a, "đổi tên"
	ln := mb.Lanes[1]
	ln.MapID, ln.Name = a, "đổi tên"
	for name, edit := range map[string]func() error{
		"UpdateStage": func() error { return s.UpdateStage(st) },
		"UpdateLane":  func() error { return s.UpdateLane(ln) },
		"DeleteStage": func() error { return s.DeleteStage(a, mb.Stages[1].ID) },
		"DeleteLane":  func() error { return s.DeleteLane(a, mb.Lanes[1].ID) },
	} {
		if err := edit(); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s with a row of another map: %v", name, err)
		}
	}
	if state(t, s, a) != beforeA || state(t, s, b) != beforeB {
		t.Fatal("a refused edit changed a map")
	}
	if s.UndoLabel(a) != undoA || s.UndoLabel(b) != undoB {
		t.Fatalf("history changed: %q %q", s.UndoLabel(a), s.UndoLabel(b))
	}
	// With the right map they work and are undone in that map.
	st.MapID = b
	if err := s.UpdateStage(st); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteLane(b, ln.ID); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, ok, err := s.Undo(b); err != nil || !ok {
			t.Fatal("undo:", ok, err)
		}
	}
	if state(t, s, b) != beforeB {
		t.Fatal("undo in the right map did not restore it")
	}
}
