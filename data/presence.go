package data

import (
	"context"
	"fmt"
	"sort"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// PresenceEvery is how often an open window says it is still there; PresenceTimeout is how
// long a window that stopped saying so (its program was killed) still counts as there.
const (
	PresenceEvery   = 10 * time.Second
	PresenceTimeout = 3 * PresenceEvery
)

// Visitor is another window that has the workspace open: whose, and on which map.
type Visitor struct {
	Author string
	MapID  int64 // 0 when it shows no map
}

// Here says that this store's window (see SetAuthor) has the workspace open on map mapID.
// A window calls it when it opens a map and every PresenceEvery; Leave (or Close) ends it.
// On a read-only workspace it does nothing: the others cannot see that window.
func (s *Store) Here(mapID int64) error {
	s.life.RLock()
	defer s.life.RUnlock()
	if s.db == nil || s.readOnly || s.window == "" {
		return nil
	}
	now := time.Now().UTC()
	// Others hear of a window's arrival and of its move to another map; its renewals are not
	// announced (they look again at who is here every PresenceEvery).
	ctx := context.Background()
	if s.hereSaid.Load() == mapID+1 {
		ctx = quietly(ctx)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO presence(session,author,map_id,seen) VALUES(?,?,?,?)
		ON CONFLICT(session) DO UPDATE SET author=excluded.author, map_id=excluded.map_id, seen=excluded.seen`,
		s.window, s.author, mapID, now.Format(timeFormat)); err != nil {
		s.hereSaid.Store(0) // not said: the next Here that reaches the others is announced
		return s.wrap("say who has the map open in", err)
	}
	s.hereSaid.Store(mapID + 1)
	if _, err := s.db.ExecContext(quietly(ctx), `DELETE FROM presence WHERE seen<?`, now.Add(-10*PresenceTimeout).Format(timeFormat)); err != nil {
		return s.wrap("clear old presence in", err)
	}
	return nil
}

// Leave says that this store's window no longer has the workspace open.
func (s *Store) Leave() error {
	s.life.RLock()
	defer s.life.RUnlock()
	return s.leave()
}

func (s *Store) leave() error {
	if s.db == nil || s.readOnly || s.window == "" {
		return nil
	}
	if _, err := s.db.Exec(`DELETE FROM presence WHERE session=?`, s.window); err != nil {
		return s.wrap("say the window left", err)
	}
	s.hereSaid.Store(0)
	return nil
}

// Present lists the other windows that have the workspace open, by author name then map.
// Times are compared as text: every time in the store is written in one UTC format.
func (s *Store) Present() ([]Visitor, error) {
	s.life.RLock()
	defer s.life.RUnlock()
	if s.db == nil {
		return nil, fmt.Errorf("see who is here in %s: %w", s.path, ErrClosed)
	}
	since := time.Now().UTC().Add(-PresenceTimeout).Format(timeFormat)
	rows, err := s.db.Query(`SELECT author, map_id FROM presence WHERE session<>? AND seen>=?`, s.window, since)
	if err != nil {
		return nil, s.wrap("see who is here in", err)
	}
	defer rows.Close()
	var out []Visitor
	for rows.Next() {
		var p Visitor
		if err := rows.Scan(&p.Author, &p.MapID); err != nil {
			return nil, s.wrap("see who is here in", err)
		}
		out = append(out, p)
	}
	// By name as a Vietnamese reader sorts them (Đặng after Dương, before Võ), then map.
	col := collate.New(language.Vietnamese, collate.IgnoreCase)
	sort.SliceStable(out, func(i, j int) bool {
		if c := col.CompareString(out[i].Author, out[j].Author); c != 0 {
			return c < 0
		}
		return out[i].MapID < out[j].MapID
	})
	return out, rows.Err()
}

// Names are the distinct names of those present on map mapID (every map when mapID is -1);
// a window without a name counts as name.
func Names(ps []Visitor, mapID int64, unnamed string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range ps {
		if mapID != -1 && p.MapID != mapID {
			continue
		}
		n := p.Author
		if n == "" {
			n = unnamed
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
