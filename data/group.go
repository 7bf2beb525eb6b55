package data

import (
	"encoding/json"
	"fmt"
)

// editGroup joins edits that belong together into one undo step: the keystrokes typed into one
// field, or a card added and then titled. The window names a group with SetEditGroup; an edit
// made under the same name as the entry this store wrote last (still the newest of its map and
// not undone) is merged into that entry instead of adding one.
type editGroup struct {
	key       string // the group edits are made in now ("" none)
	lastKey   string // the group of the entry written last
	lastEntry int64  // the history id of the entry written last
	lastMap   int64  // its scope
}

// SetEditGroup names the group the following edits belong to; "" ends it. Edits of one group
// that follow each other in one map, with no other edit of that map between them, are one
// undo step.
func (s *Store) SetEditGroup(key string) { s.group.key = key }

// EditGroup returns the group edits are made in now.
func (s *Store) EditGroup() string { return s.group.key }

// mergeGroup merges changes into the last entry when the group allows it. It reports whether it
// did; the entry is deleted when the merged changes cancel out (a card added, then removed).
func (s *Store) mergeGroup(q querier, mapID int64, changes []change) (bool, error) {
	g := &s.group
	if g.key == "" || g.key != g.lastKey || g.lastEntry == 0 || g.lastMap != mapID {
		return false, nil
	}
	// Only into the map's newest entry: when anyone's edit came after it (another window's, or
	// another person's), or it was undone, this change is a step of its own, so that no entry
	// holds someone else's change made in between.
	var id int64
	var undone bool
	var raw []byte
	if err := q.QueryRow(`SELECT id,undone,changes FROM history WHERE map_id=? ORDER BY id DESC LIMIT 1`, mapID).Scan(&id, &undone, &raw); err != nil || id != g.lastEntry || undone {
		return false, nil
	}
	var old []change
	if err := json.Unmarshal(raw, &old); err != nil {
		return false, fmt.Errorf("history entry %d is damaged: %w", id, err)
	}
	merged := mergeChanges(old, changes)
	if len(merged) == 0 {
		_, err := q.Exec(`DELETE FROM history WHERE id=?`, id)
		g.lastEntry = 0
		return true, err
	}
	_, err := q.Exec(`UPDATE history SET changes=? WHERE id=?`, mustJSON(merged), id)
	return true, err
}

// mergeChanges is old followed by later: each row keeps its first before-image and takes its
// last after-image; a row that ends as it began is dropped.
func mergeChanges(old, later []change) []change {
	out := append([]change(nil), old...)
	at := make(map[string]int, len(out))
	for i, c := range out {
		at[c.Kind+fmt.Sprint(c.ID)] = i
	}
	for _, c := range later {
		k := c.Kind + fmt.Sprint(c.ID)
		if i, ok := at[k]; ok {
			out[i].After = c.After
			continue
		}
		at[k] = len(out)
		out = append(out, c)
	}
	kept := out[:0]
	for _, c := range out {
		if string(c.Before) != string(c.After) {
			kept = append(kept, c)
		}
	}
	return kept
}

// noteEntry remembers the entry an edit wrote, under the group it was made in.
func (s *Store) noteEntry(mapID, id int64) {
	s.group.lastKey, s.group.lastEntry, s.group.lastMap = s.group.key, id, mapID
}
