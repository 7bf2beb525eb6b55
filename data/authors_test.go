package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Two people on one file (two stores, two authors): undo takes back only one's own edits; a
// later edit by the other person to other fields of the same card is kept; a later edit of
// the same field makes the undo refuse with the other person's name.
func TestUndoTakesBackOnlyOwnEdits(t *testing.T) {
	lan, minh, id := lanAndMinh(t)
	m, _ := lan.LoadMap(id)
	card := func(s *Store) Card {
		m, _ := s.LoadMap(id)
		return *m.Card(m.Cards[0].ID)
	}
	c := card(lan)
	c.Title = "Lan đổi tiêu đề"
	if err := lan.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	c = card(minh)
	c.Channel = "Zalo của Minh"
	if err := minh.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	// Lan's undo takes back her title, not Minh's later channel.
	if got := lan.UndoLabel(id); got != "Edit card" {
		t.Fatalf("Lan's undo offers %q", got)
	}
	if _, ok, err := lan.Undo(id); !ok || err != nil {
		t.Fatalf("Lan's undo: %v %v", ok, err)
	}
	got := card(lan)
	if got.Title != m.Cards[0].Title || got.Channel != "Zalo của Minh" {
		t.Fatalf("after Lan's undo: title %q, channel %q", got.Title, got.Channel)
	}
	if _, ok, _ := lan.Redo(id); !ok {
		t.Fatal("Lan's redo")
	}
	if got := card(lan); got.Title != "Lan đổi tiêu đề" || got.Channel != "Zalo của Minh" {
		t.Fatalf("after Lan's redo: %q %q", got.Title, got.Channel)
	}
	// Minh then changes the same title: Lan's undo would overwrite it, and is refused.
	c = card(minh)
	c.Title = "Minh sửa lại"
	if err := minh.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	before := card(lan)
	_, ok, err := lan.Undo(id)
	var ce *ConflictError
	if ok || !errors.As(err, &ce) || ce.Author != "Minh" || ce.Kind != "card" {
		t.Fatalf("Lan's undo over Minh's title: ok %v, err %v", ok, err)
	}
	if after := card(lan); after.Title != before.Title || after.Channel != before.Channel {
		t.Fatal("a refused undo changed the card")
	}
	// Minh's undo is his own: it takes back his title, then his channel.
	if _, ok, err := minh.Undo(id); !ok || err != nil {
		t.Fatalf("Minh's undo: %v %v", ok, err)
	}
	if got := card(minh); got.Title != "Lan đổi tiêu đề" {
		t.Fatalf("Minh's undo gave title %q", got.Title)
	}
}

// A store that names no author (tools, the command line) and edits made before authors are
// everyone's: anyone may undo them.
func TestEditsWithoutAuthorAreEveryones(t *testing.T) {
	s, path := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)
	c := m.Cards[0]
	c.Notes = "không tác giả"
	if err := s.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	other, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetAuthor("Hà", "w")
	if _, ok, err := other.Undo(id); !ok || err != nil {
		t.Fatalf("undo of an edit without author: %v %v", ok, err)
	}
}

// TestOverwrittenTellsWhoseTypingWasReplaced: when Minh writes the title Lan wrote last, Lan's
// store reports it (once); Minh's edit of another field, and Lan's own later edits, are not
// reported; Minh's store reports nothing.
func TestOverwrittenTellsWhoseTypingWasReplaced(t *testing.T) {
	lan, minh, id := lanAndMinh(t)
	m, _ := lan.LoadMap(id)
	cid := m.Cards[0].ID
	card := func(s *Store) Card { m, _ := s.LoadMap(id); return *m.Card(cid) }
	_, seenLan, _ := lan.Overwritten(id, -1)
	_, seenMinh, _ := minh.Overwritten(id, -1)
	c := card(lan)
	c.Title = "Lan viết"
	if err := lan.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	c = card(minh)
	c.Channel = "Zalo"
	if err := minh.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	ov, seenLan, err := lan.Overwritten(id, seenLan)
	if err != nil || len(ov) != 0 {
		t.Fatalf("another field: %+v %v", ov, err)
	}
	c = card(minh)
	c.Title = "Minh viết đè"
	if err := minh.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	ov, seenLan, _ = lan.Overwritten(id, seenLan)
	want := Overwrite{Author: "Minh", Kind: "card", ID: cid, Field: "Title", Name: "Minh viết đè"}
	if len(ov) != 1 || ov[0] != want {
		t.Fatalf("Lan is told %+v, want %+v", ov, want)
	}
	if ov, _, _ = lan.Overwritten(id, seenLan); len(ov) != 0 {
		t.Fatalf("told twice: %+v", ov)
	}
	if ov, _, _ = minh.Overwritten(id, seenMinh); len(ov) != 0 {
		t.Fatalf("Minh, who wrote last, is told %+v", ov)
	}
}

// TestHistoryNamesAuthors: the history lists each edit with its author and window, newest
// first, and marks an undone one.
func TestHistoryNamesAuthors(t *testing.T) {
	lan, minh, id := lanAndMinh(t)
	if _, err := minh.AddComment(Comment{MapID: id, TargetKind: OnMap, TargetID: id, Text: "Xem lại"}); err != nil {
		t.Fatal(err)
	}
	if _, err := lan.AddComment(Comment{MapID: id, TargetKind: OnMap, TargetID: id, Text: "Ừ"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := lan.Undo(id); err != nil {
		t.Fatal(err)
	}
	h, err := minh.History(id, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 3 {
		t.Fatalf("%d entries", len(h))
	}
	got := fmt.Sprintf("%s/%s/%s/%v %s/%s/%v %s/%s/%v", h[0].Label, h[0].Author, h[0].Window, h[0].Undone,
		h[1].Label, h[1].Author, h[1].Undone, h[2].Label, h[2].Author, h[2].Undone)
	if want := "Comment/Lan/w1/true Comment/Minh/false Create map/Lan/false"; got != want {
		t.Fatalf("history %s, want %s", got, want)
	}
	if h[0].At.IsZero() {
		t.Fatal("no time")
	}
}

// TestEditCardKeepsOthersFields: Lan and Minh each change a field of one card from a copy read
// before the other's edit; EditCard keeps both, where UpdateCard of a stale copy would not.
func TestEditCardKeepsOthersFields(t *testing.T) {
	lan, minh, id := lanAndMinh(t)
	m, _ := lan.LoadMap(id)
	cid := m.Cards[0].ID
	if err := minh.EditCard(id, cid, func(c *Card) { c.Channel = "Zalo" }); err != nil {
		t.Fatal(err)
	}
	if err := lan.EditCard(id, cid, func(c *Card) { c.Title = "Lan's title" }); err != nil {
		t.Fatal(err)
	}
	m, _ = lan.LoadMap(id)
	if c := m.Card(cid); c.Channel != "Zalo" || c.Title != "Lan's title" {
		t.Fatalf("card %q / %q: a field was lost", c.Title, c.Channel)
	}
	if err := lan.EditCard(id, cid, func(c *Card) { c.Title = ""; c.Colour = "red" }); err == nil {
		t.Fatal("a bad colour was accepted")
	}
	if err := lan.EditCard(id, 9999, func(c *Card) {}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no such card: %v", err)
	}
}

// TestEditStageLaneMapKeepOthersFields: as TestEditCardKeepsOthersFields, for a stage, a lane
// and the map's own fields; the same checks as their Update… still refuse bad values.
func TestEditStageLaneMapKeepOthersFields(t *testing.T) {
	lan, minh, id := lanAndMinh(t)
	m, _ := lan.LoadMap(id)
	sid, lid := m.Stages[1].ID, m.Lanes[0].ID
	if err := minh.EditStage(id, sid, func(s *Stage) { s.Colour = "#AA3366" }); err != nil {
		t.Fatal(err)
	}
	if err := lan.EditStage(id, sid, func(s *Stage) { s.Description = "Khách so sánh giá" }); err != nil {
		t.Fatal(err)
	}
	if err := minh.EditLane(id, lid, func(l *Lane) { l.Kind = LaneThoughts }); err != nil {
		t.Fatal(err)
	}
	if err := lan.EditLane(id, lid, func(l *Lane) { l.Name = "Việc khách làm" }); err != nil {
		t.Fatal(err)
	}
	if err := minh.EditMap(id, func(m *Map) { m.Status = Approved }); err != nil {
		t.Fatal(err)
	}
	if err := lan.EditMap(id, func(m *Map) { m.Goal = "Giữ chân khách" }); err != nil {
		t.Fatal(err)
	}
	m, _ = lan.LoadMap(id)
	if s := m.Stage(sid); s.Colour != "#AA3366" || s.Description != "Khách so sánh giá" || s.Name != "Cân nhắc" {
		t.Fatalf("stage %+v: a field was lost", *s)
	}
	if l := m.Lane(lid); l.Kind != LaneThoughts || l.Name != "Việc khách làm" {
		t.Fatalf("lane %+v: a field was lost", *l)
	}
	if m.Status != Approved || m.Goal != "Giữ chân khách" || m.Title != sampleMap().Title {
		t.Fatalf("map status %q, goal %q, title %q: a field was lost", m.Status, m.Goal, m.Title)
	}
	if err := lan.EditStage(id, sid, func(s *Stage) { s.Colour = "đỏ" }); err == nil {
		t.Fatal("a bad stage colour was accepted")
	}
	if err := lan.EditMap(id, func(m *Map) { m.Scale.Min, m.Scale.Max = 0, 1 }); err == nil {
		t.Fatal("a scale leaving card scores outside was accepted")
	}
	if err := lan.EditLane(id, 1<<40, func(l *Lane) {}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no such lane: %v", err)
	}
	if err := lan.EditMap(1<<40, func(m *Map) {}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("no such map: %v", err)
	}
}

// lanAndMinh are two stores on one new workspace, Lan's (window w1) and Minh's (w2), and the
// sample map, made by Lan.
func lanAndMinh(t *testing.T) (lan, minh *Store, mapID int64) {
	t.Helper()
	lan, path := openTemp(t)
	lan.SetAuthor("Lan", "w1")
	minh, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { minh.Close() })
	minh.SetAuthor("Minh", "w2")
	if mapID, err = lan.CreateMap(sampleMap()); err != nil {
		t.Fatal(err)
	}
	return lan, minh, mapID
}

// TestOverwrittenOnlyThisWindowsTyping: what Lan wrote in an earlier run of the program
// (another window id), written over by Minh since, is not told as her typing overwritten.
func TestOverwrittenOnlyThisWindowsTyping(t *testing.T) {
	lan, minh, id := lanAndMinh(t)
	m, _ := lan.LoadMap(id)
	cid := m.Cards[0].ID
	if err := lan.EditCard(id, cid, func(c *Card) { c.Notes = "Lan, hôm qua" }); err != nil {
		t.Fatal(err)
	}
	lan.SetAuthor("Lan", "w9") // the program started again: another window
	_, from, _ := lan.Overwritten(id, -1)
	if err := minh.EditCard(id, cid, func(c *Card) { c.Notes = "Minh, hôm nay" }); err != nil {
		t.Fatal(err)
	}
	if ov, _, err := lan.Overwritten(id, from); err != nil || len(ov) != 0 {
		t.Fatalf("yesterday's notes told as overwritten: %+v %v", ov, err)
	}
	if err := lan.EditCard(id, cid, func(c *Card) { c.Notes = "Lan, hôm nay" }); err != nil {
		t.Fatal(err)
	}
	_, from, _ = lan.Overwritten(id, -1)
	if err := minh.EditCard(id, cid, func(c *Card) { c.Notes = "Minh, lần nữa" }); err != nil {
		t.Fatal(err)
	}
	if ov, _, _ := lan.Overwritten(id, from); len(ov) != 1 || ov[0].Author != "Minh" || ov[0].Field != "Notes" {
		t.Fatalf("today's notes written over: %+v", ov)
	}
}

// TestGroupDoesNotSwallowAnothersEdit: Lan's typing is one undo step while nobody writes in
// between; when Minh's edit comes between two of her saves, her next save is a step of its
// own, so that no entry of hers holds his change.
func TestGroupDoesNotSwallowAnothersEdit(t *testing.T) {
	lan, minh, id := lanAndMinh(t)
	m, _ := lan.LoadMap(id)
	cid := m.Cards[0].ID
	lan.SetEditGroup("notes typing")
	defer lan.SetEditGroup("")
	for _, n := range []string{"Khách", "Khách muốn"} {
		if err := lan.EditCard(id, cid, func(c *Card) { c.Notes = n }); err != nil {
			t.Fatal(err)
		}
	}
	if err := minh.EditCard(id, cid, func(c *Card) { c.Channel = "Grab" }); err != nil {
		t.Fatal(err)
	}
	if err := lan.EditCard(id, cid, func(c *Card) { c.Notes = "Khách muốn về sớm" }); err != nil {
		t.Fatal(err)
	}
	h, err := lan.History(id, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 4 { // Lan's last save, Minh's, Lan's first two merged, the map's creation
		t.Fatalf("%d entries: %+v", len(h), h)
	}
	if h[0].Author != "Lan" || strings.Join(h[0].Fields, ",") != "Notes" || h[1].Author != "Minh" || h[2].Author != "Lan" {
		t.Fatalf("entries %+v", h[:3])
	}
}

// A move that renumbers the neighbours names, in the history, what was moved: the card dragged
// (not a card beside the place it left) and the stage dragged; undo takes the whole move back.
func TestHistoryNamesWhatMoved(t *testing.T) {
	s, _ := openTemp(t)
	m := sampleMap()
	// Three cards in one cell, so that moving the first renumbers the two after it.
	m.Cards = append(m.Cards, Card{ID: 6, StageID: 1, LaneID: 1, Title: "Hỏi giá qua Messenger"},
		Card{ID: 7, StageID: 1, LaneID: 1, Title: "Lưu sản phẩm"})
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.LoadMap(id)
	cell := got.CellCards(got.Stages[0].ID, got.Lanes[0].ID)
	moved := cell[0]
	before := state(t, s, id)
	if err := s.MoveCard(id, moved.ID, got.Stages[1].ID, got.Lanes[0].ID, 0); err != nil {
		t.Fatal(err)
	}
	h, err := s.History(id, 1)
	if err != nil {
		t.Fatal(err)
	}
	if e := h[0]; e.Name != moved.Title || e.Kind != "card" || e.Thing != moved.ID || !slices.Contains(e.Fields, "StageID") {
		t.Fatalf("the card move is recorded as %q %s %d %v, want %q", e.Name, e.Kind, e.Thing, e.Fields, moved.Title)
	}
	stage := got.Stages[1]
	if err := s.MoveStage(id, stage.ID, 3); err != nil {
		t.Fatal(err)
	}
	if h, _ = s.History(id, 1); h[0].Name != stage.Name || h[0].Kind != "stage" || h[0].Thing != stage.ID {
		t.Fatalf("the stage move is recorded as %q %s %d, want %q", h[0].Name, h[0].Kind, h[0].Thing, stage.Name)
	}
	for range 2 {
		if _, _, err := s.Undo(id); err != nil {
			t.Fatal(err)
		}
	}
	if after := state(t, s, id); after != before {
		t.Fatalf("undo did not take the moves back:\n%s\n---\n%s", before, after)
	}
}
