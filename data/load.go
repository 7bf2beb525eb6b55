package data

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ListMaps returns one summary per map of the workspace, by title.
func (s *Store) ListMaps() ([]MapSummary, error) {
	rows, err := s.db.Query(`SELECT m.id, m.title, m.type, m.updated,
		(SELECT count(*) FROM stages WHERE map_id=m.id), (SELECT count(*) FROM cards WHERE map_id=m.id)
		FROM maps m ORDER BY m.title COLLATE NOCASE, m.id`)
	if err != nil {
		return nil, s.wrap("list maps in", err)
	}
	defer rows.Close()
	var out []MapSummary
	for rows.Next() {
		var m MapSummary
		var updated string
		if err := rows.Scan(&m.ID, &m.Title, &m.Type, &updated, &m.Stages, &m.Cards); err != nil {
			return nil, s.wrap("list maps in", err)
		}
		m.Updated, _ = parseTime(updated)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("list maps in", err)
	}
	return out, nil
}

// LoadMap reads one map with its persona, stages, lanes, cards (in reading order) and links.
func (s *Store) LoadMap(id int64) (*Map, error) {
	m, err := loadMap(s.db, id)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, fmt.Errorf("%s: map %d: %w", s.path, id, ErrNotFound)
		}
		return nil, s.wrap(fmt.Sprintf("load map %d from", id), err)
	}
	return m, nil
}

func loadMap(q querier, id int64) (*Map, error) {
	r, err := scanMap(q.QueryRow(`SELECT `+mapCols+` FROM maps WHERE id=?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	m := &Map{}
	r.into(m)
	if m.PersonaID != 0 {
		p, err := scanPersona(q.QueryRow(`SELECT `+personaCols+personaFrom+` WHERE p.id=?`, m.PersonaID))
		if err != nil {
			return nil, fmt.Errorf("persona %d: %w", m.PersonaID, err)
		}
		m.Persona = p
	}
	if m.Stages, err = queryAll(q, scanStage, `SELECT `+stageCols+` FROM stages WHERE map_id=? ORDER BY position, id`, id); err != nil {
		return nil, err
	}
	if m.Lanes, err = queryAll(q, scanLane, `SELECT `+laneCols+` FROM lanes WHERE map_id=? ORDER BY position, id`, id); err != nil {
		return nil, err
	}
	if m.Cards, err = queryAll(q, scanCard, `SELECT `+cardCols+` FROM cards WHERE map_id=?`, id); err != nil {
		return nil, err
	}
	if m.Links, err = queryAll(q, scanLink, `SELECT `+linkCols+` FROM links WHERE map_id=? ORDER BY id`, id); err != nil {
		return nil, err
	}
	if m.Comments, err = queryAll(q, scanComment, `SELECT `+commentCols+` FROM comments WHERE map_id=? ORDER BY id`, id); err != nil {
		return nil, err
	}
	m.SortCards()
	return m, nil
}

// SortCards puts the cards in reading order: stage, then lane, then position in the cell.
func (m *Map) SortCards() {
	sp := make(map[int64]int, len(m.Stages))
	for _, st := range m.Stages {
		sp[st.ID] = st.Position
	}
	lp := make(map[int64]int, len(m.Lanes))
	for _, l := range m.Lanes {
		lp[l.ID] = l.Position
	}
	sort.SliceStable(m.Cards, func(i, j int) bool {
		a, b := &m.Cards[i], &m.Cards[j]
		if sp[a.StageID] != sp[b.StageID] {
			return sp[a.StageID] < sp[b.StageID]
		}
		if lp[a.LaneID] != lp[b.LaneID] {
			return lp[a.LaneID] < lp[b.LaneID]
		}
		if a.Position != b.Position {
			return a.Position < b.Position
		}
		return a.ID < b.ID
	})
}

// FindMap resolves ref, a map id or a title (exact, then case-insensitive), to a map id.
func (s *Store) FindMap(ref string) (int64, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM maps WHERE id=?`, id).Scan(&n); err != nil {
			return 0, s.wrap("find map in", err)
		}
		if n == 1 {
			return id, nil
		}
	}
	maps, err := s.ListMaps()
	if err != nil {
		return 0, err
	}
	var found []int64
	for _, m := range maps {
		if m.Title == ref {
			found = append(found, m.ID)
		}
	}
	if len(found) == 0 {
		for _, m := range maps {
			if strings.EqualFold(m.Title, ref) {
				found = append(found, m.ID)
			}
		}
	}
	switch len(found) {
	case 0:
		return 0, fmt.Errorf("%s: no map with id or title %q: %w", s.path, ref, ErrNotFound)
	case 1:
		return found[0], nil
	}
	ids := make([]string, len(found))
	for i, id := range found {
		ids[i] = strconv.FormatInt(id, 10)
	}
	return 0, fmt.Errorf("%s: %d maps are titled %q (ids %s); name one by id", s.path, len(found), ref, strings.Join(ids, ", "))
}

// Personas lists the workspace's personas by name.
func (s *Store) Personas() ([]Persona, error) {
	out, err := queryAll(s.db, scanPersona, `SELECT `+personaCols+personaFrom+` ORDER BY p.name COLLATE NOCASE, p.id`)
	if err != nil {
		return nil, s.wrap("list personas in", err)
	}
	return out, nil
}

// Setting returns a workspace setting, or "" when it is not set.
func (s *Store) Setting(key string) string {
	var v string
	if err := s.db.QueryRow(`SELECT value FROM settings WHERE key=?`, key).Scan(&v); err != nil {
		return ""
	}
	return v
}

// SetSetting stores a workspace setting such as the last map shown. Settings are not edits:
// they have no undo. On a read-only workspace it does nothing.
func (s *Store) SetSetting(key, value string) error {
	if s.readOnly {
		return nil
	}
	if _, err := s.db.Exec(`INSERT INTO settings(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value`, key, value); err != nil {
		return s.wrap("save setting "+key+" in", err)
	}
	return nil
}

// Check runs SQLite's full integrity check and returns its verdict ("ok" when sound). A
// PostgreSQL server keeps its own data sound: there it only checks that it answers.
func (s *Store) Check() (string, error) {
	if s.pg {
		if err := s.db.Ping(); err != nil {
			return "", s.wrap("check", err)
		}
		return "ok", nil
	}
	var res string
	if err := s.db.QueryRow(`PRAGMA integrity_check(1)`).Scan(&res); err != nil {
		return "", s.wrap("check", err)
	}
	if res == "ok" {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&n); err != nil {
			return "", s.wrap("check", err)
		}
		if n > 0 {
			return fmt.Sprintf("%d broken references", n), nil
		}
	}
	return res, nil
}

// CardPlace is where a card sits on its map's board: its cell and its order there.
type CardPlace struct {
	ID, StageID, LaneID int64
	Position            int
}

// CardPlaces reads where every card of a map sits, and nothing else: after a move, this is
// all of the map that can have changed, read in a fraction of the time of LoadMap.
func (s *Store) CardPlaces(mapID int64) ([]CardPlace, error) {
	return s.places(`SELECT id, stage_id, lane_id, position FROM cards WHERE map_id=?`, mapID)
}
