package data

import (
	"testing"
)

// TestUndoRedoEveryCommandAcrossReopen applies one edit of every kind, then undoes them all
// and redoes them all, closing and reopening the file between steps, checking the map after
// each step against what it was.
func TestUndoRedoEveryCommandAcrossReopen(t *testing.T) {
	s, path := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.LoadMap(id)
	st := func(i int) int64 { return m.Stages[i].ID }
	ln := func(i int) int64 { return m.Lanes[i].ID }
	var newStage, newLane, newCard, newLink int64
	steps := []struct {
		name string
		do   func() error
	}{
		{"update map", func() error {
			mm := *m
			mm.Title, mm.Status, mm.Curve = "Hành trình mới", Approved, CurvePerStage
			return s.UpdateMap(&mm)
		}},
		{"add stage", func() (err error) {
			newStage, err = s.AddStage(Stage{MapID: id, Name: "Ủng hộ", Colour: "#00aa00"}, 2)
			return err
		}},
		{"update stage", func() error { return s.UpdateStage(Stage{ID: newStage, MapID: id, Name: "Ủng hộ thương hiệu"}) }},
		{"move stage", func() error { return s.MoveStage(id, newStage, 5) }},
		{"add lane", func() (err error) {
			newLane, err = s.AddLane(Lane{MapID: id, Name: "Cơ hội", Kind: LaneOpportunities}, 0)
			return err
		}},
		{"update lane", func() error {
			return s.UpdateLane(Lane{ID: newLane, MapID: id, Name: "Giải pháp", Kind: LaneOpportunities})
		}},
		{"move lane", func() error { return s.MoveLane(id, newLane, 2) }},
		{"add card", func() (err error) {
			newCard, err = s.AddCard(Card{MapID: id, StageID: st(0), LaneID: ln(0), Title: "Tìm kiếm Google", Emotion: ptr(1.0), Position: 0})
			return err
		}},
		{"update card", func() error {
			c := *m.Card(m.Cards[1].ID)
			c.Title, c.Pain, c.Emotion = "Đọc đánh giá trên Shopee", true, ptr(-1.0)
			return s.UpdateCard(c)
		}},
		{"move card within its cell", func() error { return s.MoveCard(id, newCard, st(0), ln(0), 5) }},
		{"move card to another cell", func() error { return s.MoveCard(id, m.Cards[0].ID, st(2), ln(0), 0) }},
		{"move several cards", func() error {
			return s.MoveCards(id, []int64{m.Cards[3].ID, m.Cards[4].ID}, newStage, newLane, 0)
		}},
		{"add link", func() (err error) {
			newLink, err = s.AddLink(Link{MapID: id, FromID: m.Cards[0].ID, ToID: newCard, Label: "vòng lặp"})
			return err
		}},
		{"update link", func() error { return s.UpdateLink(Link{ID: newLink, MapID: id, Label: "quay lại"}) }},
		{"delete link", func() error { return s.DeleteLink(id, newLink) }},
		{"delete card with links", func() error { return s.DeleteCards(id, []int64{m.Cards[1].ID}) }},
		{"delete lane with cards", func() error { return s.DeleteLane(id, newLane) }},
		{"delete stage with cards", func() error { return s.DeleteStage(id, st(2)) }},
	}
	states := []string{state(t, s, id)}
	for _, step := range steps {
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		got := state(t, s, id)
		if got == states[len(states)-1] {
			t.Fatalf("%s changed nothing", step.name)
		}
		states = append(states, got)
	}
	// Delete the whole map last.
	if err := s.DeleteMap(id); err != nil {
		t.Fatal(err)
	}
	states = append(states, "absent")
	if state(t, s, id) != "absent" {
		t.Fatal("map not deleted")
	}

	reopen := func() {
		s.Close()
		var err error
		if s, err = Open(path, OpenOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	for i := len(states) - 1; i > 0; i-- {
		if i%3 == 0 {
			reopen()
		}
		e, ok, err := s.Undo(id)
		if err != nil || !ok {
			t.Fatalf("undo %d: %v %v", i, ok, err)
		}
		if got := state(t, s, id); got != states[i-1] {
			t.Fatalf("after undo of %q the map differs from before it:\n got %s\nwant %s", e.Label, got, states[i-1])
		}
	}
	if _, ok, _ := s.Undo(id); !ok {
		t.Fatal("the map's creation should be undoable too")
	}
	if state(t, s, id) != "absent" {
		t.Fatal("undo of creation left the map")
	}
	if _, ok, err := s.Redo(id); !ok {
		t.Fatal("redo creation", err)
	}
	reopen()
	for i := 1; i < len(states); i++ {
		if i%4 == 0 {
			reopen()
		}
		e, ok, err := s.Redo(id)
		if err != nil || !ok {
			t.Fatalf("redo %d: %v %v", i, ok, err)
		}
		if got := state(t, s, id); got != states[i] {
			t.Fatalf("after redo of %q the map differs:\n got %s\nwant %s", e.Label, got, states[i])
		}
	}
	if _, ok, _ := s.Redo(id); ok {
		t.Fatal("redo past the end")
	}
	if c, err := s.Check(); err != nil || c != "ok" {
		t.Fatalf("integrity: %s %v", c, err)
	}
	s.Close()
}

func TestNewEditDropsRedo(t *testing.T) {
	s, _ := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)
	c := m.Cards[0]
	c.Title = "một"
	s.UpdateCard(c)
	s.Undo(id)
	if s.RedoLabel(id) != "Edit card" {
		t.Fatalf("redo label %q", s.RedoLabel(id))
	}
	c.Title = "hai"
	s.UpdateCard(c)
	if s.RedoLabel(id) != "" {
		t.Fatal("redo survived a new edit")
	}
	if s.UndoLabel(id) != "Edit card" {
		t.Fatalf("undo label %q", s.UndoLabel(id))
	}
}

func TestPositionsStayDense(t *testing.T) {
	s, _ := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)
	var ids []int64
	for i := 0; i < 6; i++ {
		cid, err := s.AddCard(Card{MapID: id, StageID: m.Stages[0].ID, LaneID: m.Lanes[1].ID, Title: string(rune('A' + i)), Position: -1})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, cid)
	}
	check := func(want string) {
		t.Helper()
		mm, _ := s.LoadMap(id)
		got := ""
		for i, c := range mm.CellCards(m.Stages[0].ID, m.Lanes[1].ID) {
			if c.Position != i {
				t.Fatalf("position %d at index %d", c.Position, i)
			}
			got += c.Title
		}
		if got != want {
			t.Fatalf("cell %q, want %q", got, want)
		}
	}
	check("ABCDEF")
	s.MoveCard(id, ids[0], m.Stages[0].ID, m.Lanes[1].ID, 3) // index among the cards that stay
	check("BCDAEF")
	s.MoveCards(id, []int64{ids[5], ids[1]}, m.Stages[0].ID, m.Lanes[1].ID, 0)
	check("FBCDAE")
	s.DeleteCards(id, []int64{ids[2]})
	check("FBDAE")
	s.MoveCard(id, ids[3], m.Stages[1].ID, m.Lanes[1].ID, -1)
	check("FBAE")
	s.Undo(id)
	check("FBDAE")
}

func TestVersionsSnapshotRestoreAndDuplicate(t *testing.T) {
	s, path := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	q3 := state(t, s, id)
	vid, err := s.SaveVersion(id, "Q3 review")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.LoadMap(id)
	s.DeleteStage(id, m.Stages[0].ID)
	s.AddLane(Lane{MapID: id, Name: "Số liệu", Kind: LaneMetrics}, -1)
	c := m.Cards[2]
	c.Title = "đã đổi"
	s.UpdateCard(c)
	changed := state(t, s, id)

	vs, err := s.Versions(id)
	if err != nil || len(vs) != 1 || vs[0].Label != "Q3 review" {
		t.Fatalf("versions: %+v %v", vs, err)
	}
	old, err := s.OpenVersion(vid)
	if err != nil || len(old.Stages) != 5 || old.Cards[2].Title != "Nhận email giảm 10%" {
		t.Fatalf("open version: %v", err)
	}
	if err := s.RestoreVersion(vid); err != nil {
		t.Fatal(err)
	}
	if got := state(t, s, id); got != q3 {
		t.Fatalf("restore:\n got %s\nwant %s", got, q3)
	}
	s.Close()
	s, _ = Open(path, OpenOptions{})
	defer s.Close()
	if _, ok, err := s.Undo(id); !ok || err != nil {
		t.Fatal("undo restore")
	}
	if got := state(t, s, id); got != changed {
		t.Fatal("undo of restore did not bring back the changes")
	}

	dup, err := s.DuplicateMap(id, "Tương lai", FutureState)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.LoadMap(dup)
	orig, _ := s.LoadMap(id)
	if d.Type != FutureState || d.Title != "Tương lai" || len(d.Cards) != len(orig.Cards) || len(d.Links) != len(orig.Links) || d.PersonaID != orig.PersonaID {
		t.Fatalf("duplicate: %+v", d)
	}
	if d.Cards[0].ID == orig.Cards[0].ID {
		t.Fatal("duplicate shares card ids")
	}
}
