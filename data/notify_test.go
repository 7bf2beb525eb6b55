package data

import (
	"errors"
	"testing"
	"time"

	"journeycanvas/data/pgtest"
)

// seesChange waits up to limit for the store's data version to move from v, as a window's
// watcher does (waking on Changes where the store has them), and returns how long it took.
func seesChange(t *testing.T, s *Store, v int64, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for time.Since(start) < limit {
		if now, err := s.DataVersion(); err == nil && now != v {
			return time.Since(start)
		}
		select {
		case <-s.Changes():
		case <-tick.C:
		}
	}
	t.Fatalf("no change seen within %v", limit)
	return 0
}

// staysStill checks that the store's data version does not move from v for a while.
func staysStill(t *testing.T, s *Store, v int64, what string) {
	t.Helper()
	time.Sleep(300 * time.Millisecond)
	if now, _ := s.DataVersion(); now != v {
		t.Fatalf("%s moved the data version (%d → %d)", what, v, now)
	}
}

// TestOthersEditsAreSeenAtOnce: another client's edit moves a store's data version within a
// second (on PostgreSQL through LISTEN/NOTIFY), its own edits do not, and a rolled back edit
// (refused) announces nothing.
func TestOthersEditsAreSeenAtOnce(t *testing.T) {
	a, path := openTemp(t)
	id, err := a.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	m, _ := a.LoadMap(id)
	card := m.Cards[0].ID
	v, err := a.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.EditCard(id, card, func(c *Card) { c.Notes = "Lan viết" }); err != nil {
		t.Fatal(err)
	}
	staysStill(t, a, v, "its own edit")
	if err := b.EditCard(id, 1<<40, func(c *Card) { c.Notes = "x" }); !errors.Is(err, ErrNotFound) {
		t.Fatalf("an edit of a card that is not there: %v", err)
	}
	staysStill(t, a, v, "another's refused edit")
	rev, _ := a.Revision()
	if err := b.EditCard(id, card, func(c *Card) { c.Notes = "Minh sửa lại" }); err != nil {
		t.Fatal(err)
	}
	took := seesChange(t, a, v, time.Second)
	t.Logf("another's edit seen after %v", took)
	if r, _ := a.Revision(); r == rev {
		t.Fatal("the revision did not move with another's edit")
	}
	got, _ := a.LoadMap(id)
	if n := got.Card(card).Notes; n != "Minh sửa lại" {
		t.Fatalf("notes %q", n)
	}
}

// TestPresenceRenewalIsQuiet: on a server, a window's arrival and its move to another map are
// announced to the others, but not its heartbeat every PresenceEvery (with many windows open,
// those would wake every client every few seconds).
func TestPresenceRenewalIsQuiet(t *testing.T) {
	if !onPostgres() {
		t.Skip("a file's data version moves with every write; a window reads presence when it does")
	}
	a, path := openTemp(t)
	b, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	b.SetAuthor("Minh", "2.1")
	v, _ := a.DataVersion()
	b.Here(1)
	seesChange(t, a, v, time.Second)
	v, _ = a.DataVersion()
	b.Here(1)
	staysStill(t, a, v, "a renewed presence")
	b.Here(2)
	seesChange(t, a, v, time.Second)
	v, _ = a.DataVersion()
	b.SetAuthor("Minh Đức", "2.1") // a new name is announced at the next heartbeat
	b.Here(2)
	seesChange(t, a, v, time.Second)
	v, _ = a.DataVersion()
	b.Leave()
	seesChange(t, a, v, time.Second)
}

// TestServerLostAndFound: when the server goes away, the store says so within a few seconds
// and refuses reads and edits at once, with ErrUnreachable, instead of waiting for a
// connection to time out; when it is back, the store reconnects by itself, says so, and an
// edit goes through. Nothing acknowledged before is lost.
func TestServerLostAndFound(t *testing.T) {
	if !onPostgres() {
		t.Skip("a file cannot become unreachable")
	}
	srv := pgtest.Own(t)
	s, err := Open(srv.DB(t), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.LoadMap(id)
	card := m.Cards[0].ID
	if err := s.EditCard(id, card, func(c *Card) { c.Notes = "trước khi mất kết nối" }); err != nil {
		t.Fatal(err)
	}
	v, _ := s.DataVersion()
	if err := s.Reachable(); err != nil {
		t.Fatalf("reachable at first: %v", err)
	}

	srv.Stop()
	took := seesChange(t, s, v, 5*time.Second)
	if err := s.Reachable(); !errors.Is(err, ErrUnreachable) {
		t.Fatalf("after the server stopped, Reachable = %v", err)
	}
	t.Logf("loss seen after %v: %v", took, s.Reachable())
	start := time.Now()
	err = s.EditCard(id, card, func(c *Card) { c.Notes = "trong lúc mất kết nối" })
	if !errors.Is(err, ErrUnreachable) {
		t.Fatalf("an edit while the server is gone: %v", err)
	}
	if _, err := s.LoadMap(id); !errors.Is(err, ErrUnreachable) {
		t.Fatalf("a read while the server is gone: %v", err)
	}
	if d := time.Since(start); d > 200*time.Millisecond {
		t.Fatalf("refusing took %v", d)
	}
	t.Logf("refused: %v", err)

	v, _ = s.DataVersion()
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	took = seesChange(t, s, v, 5*time.Second)
	if err := s.Reachable(); err != nil {
		t.Fatalf("after the server came back: %v", err)
	}
	t.Logf("return seen after %v", took)
	if err := s.EditCard(id, card, func(c *Card) { c.Notes = "đã kết nối lại" }); err != nil {
		t.Fatalf("an edit after the return: %v", err)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if n := got.Card(card).Notes; n != "đã kết nối lại" {
		t.Fatalf("notes %q", n)
	}
	if _, ok, err := s.Undo(id); !ok || err != nil {
		t.Fatalf("undo after the return: %v %v", ok, err)
	}
	got, _ = s.LoadMap(id)
	if n := got.Card(card).Notes; n != "trước khi mất kết nối" {
		t.Fatalf("after undo, notes %q: the edit made before the loss is gone", n)
	}
}

// BenchmarkChangeSeenByAnother is the time from another client starting an edit of a card to
// this store knowing of it: on PostgreSQL the notification wakes the waiting window at once
// (ns/op is the whole round: the edit committed, then heard); on SQLite a window finds it at
// its next look at the data version (every 500 ms in the app), so this measures the look alone
// once the edit is committed.
func BenchmarkChangeSeenByAnother(b *testing.B) {
	a, path := openTemp(b)
	id, err := a.CreateMap(sampleMap())
	if err != nil {
		b.Fatal(err)
	}
	other, err := Open(path, OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer other.Close()
	m, _ := a.LoadMap(id)
	card := m.Cards[0].ID
	v, _ := a.DataVersion()
	i := 0
	for b.Loop() {
		i++
		if err := other.EditCard(id, card, func(c *Card) { c.Notes = "lần " + time.Now().String() }); err != nil {
			b.Fatal(err)
		}
		for {
			now, err := a.DataVersion()
			if err != nil {
				b.Fatal(err)
			}
			if now != v {
				v = now
				break
			}
			select {
			case <-a.Changes():
			case <-time.After(time.Second):
				b.Fatalf("edit %d not seen within 1 s", i)
			}
		}
	}
}
