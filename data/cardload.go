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

// Cell names a stage × lane cell of a map.
type Cell struct{ StageID, LaneID int64 }

// CardPlacesIn reads where the cards of the given cells of a map sit now: after a move among
// those cells, all a window must read back.
func (s *Store) CardPlacesIn(mapID int64, cells []Cell) ([]CardPlace, error) {
	if len(cells) == 0 {
		return nil, nil
	}
	q := `SELECT id, stage_id, lane_id, position FROM cards WHERE map_id=? AND (`
	args := []any{mapID}
	for i, c := range cells {
		if i > 0 {
			q += " OR "
		}
		q += "(stage_id=? AND lane_id=?)"
		args = append(args, c.StageID, c.LaneID)
	}
	return s.places(q+")", args...)
}

// places reads card places with a query selecting id, stage_id, lane_id, position.
func (s *Store) places(query string, args ...any) ([]CardPlace, error) {
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, s.wrap("read card places from", err)
	}
	defer rows.Close()
	var out []CardPlace
	for rows.Next() {
		var p CardPlace
		if err := rows.Scan(&p.ID, &p.StageID, &p.LaneID, &p.Position); err != nil {
			return nil, s.wrap("read card places from", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("read card places from", err)
	}
	return out, nil
}
