package data

import (
	"errors"
	"testing"
)

// Typing into one field saves as the user goes, yet one Ctrl+Z takes the whole of it back.
func TestEditGroupJoinsTypingIntoOneUndoStep(t *testing.T) {
	s, _ := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	before, label := state(t, s, id), s.UndoLabel(id)
	m, _ := s.LoadMap(id)
	c := m.Cards[0]
	s.SetEditGroup("card:notes:1")
	for _, text := range []string{"Đ", "Đặt", "Đặt hàng"} {
		c.Notes = text
		if err := s.UpdateCard(c); err != nil {
			t.Fatal(err)
		}
	}
	s.SetEditGroup("")
	c.Channel = "Zalo" // a separate edit
	if err := s.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Undo(id); !ok || err != nil {
		t.Fatalf("undo channel: %v %v", ok, err)
	}
	m2, _ := s.LoadMap(id)
	if got := m2.Card(c.ID).Notes; got != "Đặt hàng" {
		t.Fatalf("after one undo the notes are %q, want the typed text kept", got)
	}
	if _, ok, err := s.Undo(id); !ok || err != nil {
		t.Fatalf("undo notes: %v %v", ok, err)
	}
	if got := state(t, s, id); got != before {
		t.Fatalf("one undo did not take back the whole typing:\n%s\nwant\n%s", got, before)
	}
	if got := s.UndoLabel(id); got != label {
		t.Fatalf("typing left more than one undo step: undo now offers %q, want %q", got, label)
	}
}

// A card added and titled in one group is one step; added and removed in one group leaves
// nothing at all, not even an undo entry.
func TestEditGroupAddThenTitleOrRemove(t *testing.T) {
	s, _ := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)
	before := state(t, s, id)
	label := s.UndoLabel(id)

	s.SetEditGroup("new-card:1")
	cid, err := s.AddCard(Card{MapID: id, StageID: m.Stages[0].ID, LaneID: m.Lanes[0].ID, Position: -1})
	if err != nil {
		t.Fatal(err)
	}
	m, _ = s.LoadMap(id)
	nc := *m.Card(cid)
	nc.Title = "Đặt hàng"
	if err := s.UpdateCard(nc); err != nil {
		t.Fatal(err)
	}
	s.SetEditGroup("")
	if got := s.UndoLabel(id); got != "Add card" {
		t.Fatalf("undo label %q, want Add card", got)
	}
	s.Undo(id)
	if got := state(t, s, id); got != before {
		t.Fatal("one undo did not remove the added, titled card")
	}
	s.Redo(id)
	m, _ = s.LoadMap(id)
	if c := m.Card(cid); c == nil || c.Title != "Đặt hàng" {
		t.Fatalf("redo gave %+v", c)
	}
	s.Undo(id)

	s.SetEditGroup("new-card:2")
	cid, err = s.AddCard(Card{MapID: id, StageID: m.Stages[0].ID, LaneID: m.Lanes[0].ID, Position: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCards(id, []int64{cid}); err != nil {
		t.Fatal(err)
	}
	s.SetEditGroup("")
	if got := state(t, s, id); got != before {
		t.Fatal("a card added and removed left a trace")
	}
	if got := s.UndoLabel(id); got != label {
		t.Fatalf("undo now offers %q, want %q as before the card", got, label)
	}
}

// After an undo, or an edit of another group, the next edit of a group starts a new step.
func TestEditGroupDoesNotReachPastUndoOrOtherEdits(t *testing.T) {
	s, _ := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)
	c := m.Cards[0]
	s.SetEditGroup("g")
	c.Notes = "a"
	s.UpdateCard(c)
	s.Undo(id)
	c.Notes = "b"
	s.UpdateCard(c)
	s.SetEditGroup("")
	if _, ok, _ := s.Undo(id); !ok {
		t.Fatal("nothing to undo")
	}
	m, _ = s.LoadMap(id)
	if m.Card(c.ID).Notes != m.Cards[0].Notes || m.Card(c.ID).Notes != sampleMap().Cards[0].Notes {
		t.Fatalf("notes %q after undo", m.Card(c.ID).Notes)
	}
	if _, ok, _ := s.Redo(id); !ok {
		t.Fatal("redo")
	}
	m, _ = s.LoadMap(id)
	if m.Card(c.ID).Notes != "b" {
		t.Fatalf("redo gave %q, want b (a was undone before b was typed)", m.Card(c.ID).Notes)
	}
}

func TestLoadCard(t *testing.T) {
	s, _ := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)
	want := m.Cards[2]
	c, err := s.LoadCard(id, want.ID)
	if err != nil || c.Title != want.Title || c.Metric == nil || c.Metric.Name != want.Metric.Name {
		t.Fatalf("LoadCard: %+v %v", c, err)
	}
	if _, err := s.LoadCard(id+1, want.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a card of another map: %v", err)
	}
	if _, err := s.LoadCard(id, 9999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a missing card: %v", err)
	}
}

func TestCardPlacesIn(t *testing.T) {
	s, _ := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)
	c := m.Cards[0]
	to := Cell{m.Stages[2].ID, m.Lanes[0].ID}
	if err := s.MoveCards(id, []int64{c.ID}, to.StageID, to.LaneID, 0); err != nil {
		t.Fatal(err)
	}
	got, err := s.CardPlacesIn(id, []Cell{{c.StageID, c.LaneID}, to})
	if err != nil {
		t.Fatal(err)
	}
	all, _ := s.CardPlaces(id)
	want := 0
	for _, p := range all {
		if (p.StageID == c.StageID && p.LaneID == c.LaneID) || (p.StageID == to.StageID && p.LaneID == to.LaneID) {
			want++
		}
	}
	if len(got) != want || want == 0 {
		t.Fatalf("%d places in the two cells, want %d", len(got), want)
	}
	for _, p := range got {
		if p.ID == c.ID && (p.StageID != to.StageID || p.Position != 0) {
			t.Fatalf("the moved card is at %+v", p)
		}
	}
}
