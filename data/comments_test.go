package data

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// commentedMap is the sample map in a new workspace, with Lan's thread on the payment card
// (and Minh's reply), a thread on a stage and one on the map.
func commentedMap(t *testing.T) (s *Store, mapID int64, card int64, m *Map) {
	t.Helper()
	s, _ = openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	m, _ = s.LoadMap(id)
	var pay int64
	for _, c := range m.Cards {
		if c.Title == "Thanh toán lỗi" {
			pay = c.ID
		}
	}
	s.SetAuthor("Lan", "1.1")
	root, err := s.AddComment(Comment{MapID: id, TargetKind: OnCard, TargetID: pay, Text: "  Lỗi này xảy ra với thẻ Visa?  "})
	if err != nil {
		t.Fatal(err)
	}
	s.SetAuthor("Minh", "2.1")
	if _, err := s.AddComment(Comment{MapID: id, ParentID: root, Text: "Đúng, chỉ thẻ Visa."}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComment(Comment{MapID: id, TargetKind: OnStage, TargetID: m.Stages[0].ID, Text: "Thêm kênh TikTok"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComment(Comment{MapID: id, TargetKind: OnMap, TargetID: id, Text: "Duyệt trước thứ Sáu"}); err != nil {
		t.Fatal(err)
	}
	m, _ = s.LoadMap(id)
	return s, id, pay, m
}

func TestCommentThreadsRoundTrip(t *testing.T) {
	s, id, pay, m := commentedMap(t)
	th := m.Threads()
	if len(th) != 3 {
		t.Fatalf("%d threads, want 3", len(th))
	}
	c := th[0]
	if c.TargetKind != OnCard || c.TargetID != pay || c.Author != "Lan" || c.Text != "Lỗi này xảy ra với thẻ Visa?" || c.Created.IsZero() {
		t.Fatalf("first thread: %+v", c.Comment)
	}
	if len(c.Replies) != 1 || c.Replies[0].Author != "Minh" || c.Replies[0].Text != "Đúng, chỉ thẻ Visa." {
		t.Fatalf("replies: %+v", c.Replies)
	}
	if got := m.OpenComments()[pay]; got != 2 {
		t.Fatalf("badge of the payment card: %d, want 2", got)
	}
	if err := s.ResolveThread(id, c.Replies[0].ID, true); err != nil { // by a reply: its thread
		t.Fatal(err)
	}
	m, _ = s.LoadMap(id)
	if !m.Threads()[0].Resolved || m.OpenComments()[pay] != 0 {
		t.Fatal("the resolved thread still counts on the badge")
	}
	if _, err := s.AddComment(Comment{MapID: id, ParentID: c.Replies[0].ID, Text: "Vẫn còn lỗi"}); err != nil {
		t.Fatal(err)
	}
	m, _ = s.LoadMap(id)
	if t0 := m.Threads()[0]; t0.Resolved || len(t0.Replies) != 2 || m.OpenComments()[pay] != 3 {
		t.Fatalf("a reply to a resolved thread reopens it: %+v", t0)
	}
	// Undo takes each step back, the author's own.
	for _, want := range []string{"Reply", "Resolve comment"} {
		e, ok, err := s.Undo(id)
		if err != nil || !ok || e.Label != want {
			t.Fatalf("undo %q: %+v %v %v", want, e, ok, err)
		}
	}
	m, _ = s.LoadMap(id)
	if t0 := m.Threads()[0]; t0.Resolved || len(t0.Replies) != 1 {
		t.Fatalf("after undo: %+v", t0)
	}
}

func TestCommentsRefused(t *testing.T) {
	s, id, pay, m := commentedMap(t)
	before := state(t, s, id)
	for name, c := range map[string]Comment{
		"empty":        {MapID: id, TargetKind: OnCard, TargetID: pay, Text: "   "},
		"no such card": {MapID: id, TargetKind: OnCard, TargetID: 9999, Text: "x"},
		"other map":    {MapID: id, TargetKind: OnMap, TargetID: id + 1, Text: "x"},
		"bad kind":     {MapID: id, TargetKind: "lane", TargetID: m.Lanes[0].ID, Text: "x"},
		"no parent":    {MapID: id, ParentID: 9999, Text: "x"},
		"bad text":     {MapID: id, TargetKind: OnMap, TargetID: id, Text: "\xff"},
	} {
		if _, err := s.AddComment(c); err == nil {
			t.Errorf("%s: accepted", name)
		} else if fe := (*FieldError)(nil); !errors.As(err, &fe) && !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: %v is neither a field error nor not-found", name, err)
		}
	}
	if state(t, s, id) != before {
		t.Fatal("a refused comment changed the map")
	}
}

// TestDeletedCardTakesItsThreadsAndUndoBringsThemBack: deleting a card, a stage or the map
// deletes their threads too, and undo brings them back with it.
func TestDeletedCardTakesItsThreadsAndUndoBringsThemBack(t *testing.T) {
	s, id, pay, m := commentedMap(t)
	before := state(t, s, id)
	if err := s.DeleteCards(id, []int64{pay}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteStage(id, m.Stages[0].ID); err != nil {
		t.Fatal(err)
	}
	m2, _ := s.LoadMap(id)
	if len(m2.Comments) != 1 || m2.Comments[0].TargetKind != OnMap {
		t.Fatalf("comments left: %+v", m2.Comments)
	}
	for range 2 {
		if _, _, err := s.Undo(id); err != nil {
			t.Fatal(err)
		}
	}
	if state(t, s, id) != before {
		t.Fatal("undo did not bring the threads back as they were")
	}
	if err := s.DeleteMap(id); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Undo(id); err != nil {
		t.Fatal(err)
	}
	if state(t, s, id) != before {
		t.Fatal("undoing the map's deletion did not bring its threads back")
	}
}

func TestDuplicateKeepsThreads(t *testing.T) {
	s, id, _, m := commentedMap(t)
	if err := s.ResolveThread(id, m.Threads()[1].ID, true); err != nil {
		t.Fatal(err)
	}
	dup, err := s.DuplicateMap(id, "Bản sao", "")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.LoadMap(id)
	b, _ := s.LoadMap(dup)
	ta, tb := a.Threads(), b.Threads()
	if len(ta) != len(tb) {
		t.Fatalf("%d threads copied, want %d", len(tb), len(ta))
	}
	for i := range ta {
		x, y := ta[i], tb[i]
		if x.Text != y.Text || x.Author != y.Author || !x.Created.Equal(y.Created) || x.Resolved != y.Resolved || len(x.Replies) != len(y.Replies) || x.TargetKind != y.TargetKind {
			t.Fatalf("thread %d: %+v vs %+v", i, x, y)
		}
		if y.MapID != dup || (y.TargetKind == OnMap && y.TargetID != dup) {
			t.Fatalf("thread %d not moved to the copy: %+v", i, y)
		}
	}
	if b.Threads()[0].TargetID == a.Threads()[0].TargetID {
		t.Fatal("the copy's card thread names the original's card")
	}
}

// TestMigrationAddsComments: a workspace of format 6 opens with a backup, keeps its maps, and
// takes comments.
func TestMigrationAddsComments(t *testing.T) {
	fileOnly(t)
	path := filepath.Join(t.TempDir(), "v6.journey")
	if err := MigrateTo(path, 6); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Backup == "" || !strings.Contains(s.Backup, "6") {
		t.Fatalf("backup %q", s.Backup)
	}
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComment(Comment{MapID: id, TargetKind: OnMap, TargetID: id, Text: "Đã chuyển đổi"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, OpenOptions{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, _ := s.LoadMap(id)
	if len(m.Threads()) != 1 || m.Threads()[0].Text != "Đã chuyển đổi" {
		t.Fatalf("threads after reopening: %+v", m.Threads())
	}
}
