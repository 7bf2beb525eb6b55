package data

import "fmt"

// LoadCard reads one card of a map as the file holds it now: what a window needs after an
// edit of that card's own fields, instead of the whole map.
func (s *Store) LoadCard(mapID, id int64) (*Card, error) {
	r, err := getRow(s.db, "card", id)
	if err != nil {
		return nil, s.wrap("read a card from", err)
	}
	c, ok := r.(*Card)
	if !ok || c == nil || c.MapID != mapID {
		return nil, fmt.Errorf("%s: card %d of map %d: %w", s.path, id, mapID, ErrNotFound)
	}
	return c, nil
}
