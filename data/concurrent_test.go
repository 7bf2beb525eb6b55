package data

import (
	"fmt"
	"sync"
	"testing"
)

// Two clients (two stores, each with its own connection) edit different cards of one map at the
// same time: every edit of both is kept, and each client's undo takes back only its own.
func TestTwoClientsEditDifferentCardsAtOnce(t *testing.T) {
	s1, where := openTemp(t)
	s1.SetAuthor("Lan", "w1")
	s2, err := Open(where, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	s2.SetAuthor("Minh", "w2")
	id, err := s1.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s1.LoadMap(id)
	const edits = 40
	var wg sync.WaitGroup
	errs := make(chan error, 2*edits)
	for i, s := range []*Store{s1, s2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := m.Cards[i]
			for k := range edits {
				c.Notes = fmt.Sprintf("%s lần %d", s.author, k)
				if err := s.UpdateCard(c); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, _ := s2.LoadMap(id)
	if a, b := got.Card(m.Cards[0].ID).Notes, got.Card(m.Cards[1].ID).Notes; a != fmt.Sprintf("Lan lần %d", edits-1) || b != fmt.Sprintf("Minh lần %d", edits-1) {
		t.Fatalf("after both clients' edits: %q, %q", a, b)
	}
	// Lan's undo takes back her last edit only.
	if _, ok, err := s1.Undo(id); !ok || err != nil {
		t.Fatalf("undo: %v %v", ok, err)
	}
	got, _ = s2.LoadMap(id)
	if a, b := got.Card(m.Cards[0].ID).Notes, got.Card(m.Cards[1].ID).Notes; a != fmt.Sprintf("Lan lần %d", edits-2) || b != fmt.Sprintf("Minh lần %d", edits-1) {
		t.Fatalf("after Lan's undo: %q, %q", a, b)
	}
}
