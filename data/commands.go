package data

import (
	"fmt"
	"time"
)

// The edit commands. Each is one transaction through Store.edit and one undoable history entry.
// The values passed in are cleaned (NFC text, limits, enums, the emotion scale) before writing;
// a value that fails is refused with a *FieldError and nothing is written.

func parseTime(s string) (time.Time, error) { return time.Parse(timeFormat, s) }

// mapScale reads a map's scale inside an edit, for checking card scores.
func (t *tx) mapScale(mapID int64) (Scale, error) {
	r, err := getRow(t.q, "map", mapID)
	if err != nil {
		return Scale{}, err
	}
	if r == nil {
		return Scale{}, fmt.Errorf("map %d: %w", mapID, ErrNotFound)
	}
	return r.(*mapRow).Scale, nil
}

// CreateMap stores m as a new map with everything on it and returns its id. The ids in m are
// read as references between its own stages, lanes, cards and links (any distinct numbers; the
// stored rows get new ids). A persona in m.Persona with ID 0 is created too. m is not changed.
func (s *Store) CreateMap(m *Map) (int64, error) {
	var id int64
	err := s.edit(0, "Create map", func(t *tx) error {
		var err error
		id, err = t.insertMap(m)
		t.scope = id // the new map's own history starts with its creation
		return err
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

func (t *tx) insertMap(src *Map) (int64, error) {
	m := *src
	if err := cleanMap(&m); err != nil {
		return 0, err
	}
	if m.Created.IsZero() {
		m.Created = t.now
	}
	if m.Updated.IsZero() {
		m.Updated = t.now
	}
	if m.Persona != nil && m.Persona.ID == 0 {
		p := *m.Persona
		if err := cleanPersona(&p); err != nil {
			return 0, err
		}
		if err := t.checkPhoto(&p); err != nil {
			return 0, err
		}
		if err := t.put(&p); err != nil {
			return 0, err
		}
		m.PersonaID = p.ID
	} else if m.Persona != nil {
		m.PersonaID = m.Persona.ID
	}
	mr := rowOf(&m)
	mr.ID = 0
	if err := t.put(mr); err != nil {
		return 0, err
	}
	stageIDs := make(map[int64]int64, len(m.Stages))
	for i, st := range m.Stages {
		old := st.ID
		st.ID, st.MapID, st.Position = 0, mr.ID, i
		if err := cleanStage(&st); err != nil {
			return 0, fmt.Errorf("stage %d: %w", i+1, err)
		}
		if err := t.put(&st); err != nil {
			return 0, err
		}
		stageIDs[old] = st.ID
	}
	laneIDs := make(map[int64]int64, len(m.Lanes))
	for i, l := range m.Lanes {
		old := l.ID
		l.ID, l.MapID, l.Position = 0, mr.ID, i
		if err := cleanLane(&l); err != nil {
			return 0, fmt.Errorf("lane %d: %w", i+1, err)
		}
		if err := t.put(&l); err != nil {
			return 0, err
		}
		laneIDs[old] = l.ID
	}
	cardIDs := make(map[int64]int64, len(m.Cards))
	cellCount := map[[2]int64]int{}
	for i, c := range m.Cards {
		old := c.ID
		st, okS := stageIDs[c.StageID]
		ln, okL := laneIDs[c.LaneID]
		if !okS || !okL {
			return 0, &FieldError{Field: fmt.Sprintf("card %d %q", i+1, c.Title), Msg: "is in a stage or lane the map does not have"}
		}
		c.ID, c.MapID, c.StageID, c.LaneID = 0, mr.ID, st, ln
		c.Tags = append([]string(nil), c.Tags...)
		if c.Metric != nil {
			mc := *c.Metric
			c.Metric = &mc
		}
		if err := cleanCard(&c, m.Scale); err != nil {
			return 0, fmt.Errorf("card %d: %w", i+1, err)
		}
		cell := [2]int64{st, ln}
		c.Position = cellCount[cell]
		cellCount[cell]++
		if err := t.put(&c); err != nil {
			return 0, err
		}
		cardIDs[old] = c.ID
	}
	for i, l := range m.Links {
		from, okF := cardIDs[l.FromID]
		to, okT := cardIDs[l.ToID]
		if !okF || !okT {
			return 0, &FieldError{Field: fmt.Sprintf("link %d", i+1), Msg: "joins a card the map does not have"}
		}
		old := l.ID
		l.ID, l.MapID, l.FromID, l.ToID = 0, mr.ID, from, to
		if err := cleanLink(&l); err != nil {
			return 0, fmt.Errorf("link %d: %w", i+1, err)
		}
		if err := t.put(&l); err != nil {
			return 0, err
		}
		if t.ids != nil {
			t.ids.note("link", old, l.ID)
		}
	}
	if err := t.copyComments(m.Comments, mr.ID, stageIDs, cardIDs, src.ID); err != nil {
		return 0, err
	}
	if t.ids != nil { // a copy renames what its versions refer to (copy.go)
		t.ids["stage"], t.ids["lane"], t.ids["card"] = stageIDs, laneIDs, cardIDs
	}
	return mr.ID, nil
}

// NewMap creates an empty map with the given title and the default scale.
func (s *Store) NewMap(title string, typ MapType) (int64, error) {
	return s.CreateMap(&Map{Title: title, Type: typ})
}

// UpdateMap saves a map's own fields (title, goal, audience, type, owner, status, scale, curve,
// persona, language, note lines); its stages, lanes, cards and links are left as they are. A new scale must still hold
// every card's score.
func (s *Store) UpdateMap(m *Map) error {
	return s.edit(m.ID, "Edit map", func(t *tx) error {
		old, err := t.mapRow(m.ID)
		if err != nil {
			return err
		}
		return t.saveMap(m, old)
	})
}

// EditMap changes some of a map's own fields (not its stages, lanes or cards) as the workspace
// holds them now: change gets the map's fields just read, in the edit's own transaction, and
// sets only what the user changed, as EditCard does for a card.
func (s *Store) EditMap(id int64, change func(m *Map)) error {
	return s.edit(id, "Edit map", func(t *tx) error {
		old, err := t.mapRow(id)
		if err != nil {
			return err
		}
		var m Map
		old.into(&m)
		m.Scale.Labels = append([]string(nil), old.Scale.Labels...)
		change(&m)
		m.ID = id
		return t.saveMap(&m, old)
	})
}

// mapRow reads a map's own row.
func (t *tx) mapRow(id int64) (*mapRow, error) {
	old, err := getRow(t.q, "map", id)
	if err != nil {
		return nil, err
	}
	if old == nil {
		return nil, fmt.Errorf("map %d: %w", id, ErrNotFound)
	}
	return old.(*mapRow), nil
}

// saveMap writes a map's own fields over its row old, checked: the emotion scale must still
// hold every card's score.
func (t *tx) saveMap(m *Map, old *mapRow) error {
	nm := *m
	if err := cleanMap(&nm); err != nil {
		return err
	}
	var outside int
	if err := t.q.QueryRow(`SELECT count(*) FROM cards WHERE map_id=? AND emotion IS NOT NULL AND (emotion<? OR emotion>?)`,
		m.ID, nm.Scale.Min, nm.Scale.Max).Scan(&outside); err != nil {
		return err
	}
	if outside > 0 {
		return &FieldError{Field: "emotion scale", Msg: fmt.Sprintf("%d..%d leaves %d card scores outside it; change those cards first", nm.Scale.Min, nm.Scale.Max, outside)}
	}
	r := rowOf(&nm)
	r.Created = old.Created
	r.Updated = t.now
	*m = nm
	m.Created, m.Updated = r.Created, r.Updated
	return t.put(r)
}

// DeleteMap deletes a map and everything on it; Undo(id) brings it back.
func (s *Store) DeleteMap(id int64) error {
	return s.edit(id, "Delete map", func(t *tx) error {
		m, err := loadMap(t.q, id)
		if err != nil {
			return err
		}
		for i := len(m.Comments) - 1; i >= 0; i-- { // replies before their thread
			if err := t.del("comment", m.Comments[i].ID); err != nil {
				return err
			}
		}
		for _, l := range m.Links {
			if err := t.del("link", l.ID); err != nil {
				return err
			}
		}
		for _, c := range m.Cards {
			if err := t.del("card", c.ID); err != nil {
				return err
			}
		}
		for _, l := range m.Lanes {
			if err := t.del("lane", l.ID); err != nil {
				return err
			}
		}
		for _, st := range m.Stages {
			if err := t.del("stage", st.ID); err != nil {
				return err
			}
		}
		return t.del("map", id)
	})
}

// DuplicateMap copies a map (e.g. a current state into a future state) under a new title and
// type, with the same persona, and returns the new map's id.
func (s *Store) DuplicateMap(id int64, title string, typ MapType) (int64, error) {
	m, err := s.LoadMap(id)
	if err != nil {
		return 0, err
	}
	m.Title, m.Created, m.Updated = title, time.Time{}, time.Time{}
	if typ != "" {
		m.Type = typ
	}
	return s.CreateMap(m)
}

// SavePersona creates (ID 0) or updates a workspace persona and returns its id.
func (s *Store) SavePersona(p *Persona) (int64, error) {
	np := *p
	if err := cleanPersona(&np); err != nil {
		return 0, err
	}
	label := "Edit persona"
	if np.ID == 0 {
		label = "Add persona"
	}
	err := s.edit(0, label, func(t *tx) error {
		if err := t.checkPhoto(&np); err != nil {
			return err
		}
		return t.put(&np)
	})
	if err != nil {
		return 0, err
	}
	*p = np
	return np.ID, nil
}

// DeletePersona deletes a persona that no map uses.
func (s *Store) DeletePersona(id int64) error {
	return s.edit(0, "Delete persona", func(t *tx) error {
		var title string
		err := t.q.QueryRow(`SELECT title FROM maps WHERE persona_id=? LIMIT 1`, id).Scan(&title)
		if err == nil {
			return &FieldError{Field: "persona", Msg: fmt.Sprintf("is used by the map %q; choose another persona there first", title)}
		}
		return t.del("persona", id)
	})
}

// renumber gives the rows their slice order as positions, recording only those that moved.
func renumber[T any, P interface {
	*T
	row
}](t *tx, items []T, setPos func(*T, int) bool) error {
	for i := range items {
		if setPos(&items[i], i) {
			if err := t.put(P(&items[i])); err != nil {
				return err
			}
		}
	}
	return nil
}

func clampIndex(at, n int) int {
	if at < 0 || at > n {
		return n
	}
	return at
}

func insertAt[T any](items []T, at int, v T) []T {
	items = append(items, v)
	copy(items[at+1:], items[at:])
	items[at] = v
	return items
}

func stagesOf(q querier, mapID int64) ([]Stage, error) {
	return queryAll(q, scanStage, `SELECT `+stageCols+` FROM stages WHERE map_id=? ORDER BY position, id`, mapID)
}

func lanesOf(q querier, mapID int64) ([]Lane, error) {
	return queryAll(q, scanLane, `SELECT `+laneCols+` FROM lanes WHERE map_id=? ORDER BY position, id`, mapID)
}

func cellOf(q querier, stageID, laneID int64) ([]Card, error) {
	return queryAll(q, scanCard, `SELECT `+cardCols+` FROM cards WHERE stage_id=? AND lane_id=? ORDER BY position, id`, stageID, laneID)
}

func setStagePos(s *Stage, i int) bool {
	if s.Position == i {
		return false
	}
	s.Position = i
	return true
}

func setLanePos(l *Lane, i int) bool {
	if l.Position == i {
		return false
	}
	l.Position = i
	return true
}

func setCardPos(c *Card, i int) bool {
	if c.Position == i {
		return false
	}
	c.Position = i
	return true
}

// AddStage inserts a stage into a map at index at (-1: at the end) and returns its id.
func (s *Store) AddStage(st Stage, at int) (int64, error) {
	err := s.edit(st.MapID, "Add stage", func(t *tx) error {
		if _, err := t.mapScale(st.MapID); err != nil {
			return err
		}
		if err := cleanStage(&st); err != nil {
			return err
		}
		all, err := stagesOf(t.q, st.MapID)
		if err != nil {
			return err
		}
		at = clampIndex(at, len(all))
		st.ID, st.Position = 0, at
		all = insertAt(all, at, st)
		// Make room first, then insert: positions stay dense at every step.
		if err := renumber(t, all[at+1:], func(x *Stage, i int) bool { return setStagePos(x, i+at+1) }); err != nil {
			return err
		}
		if err := t.put(&all[at]); err != nil {
			return err
		}
		st.ID = all[at].ID
		return nil
	})
	return st.ID, err
}

// UpdateStage saves a stage's name, colour, description and metrics. The stage must belong to
// st.MapID.
func (s *Store) UpdateStage(st Stage) error {
	return s.edit(st.MapID, "Edit stage", func(t *tx) error {
		o, err := t.stageRow(st.MapID, st.ID)
		if err != nil {
			return err
		}
		st.MapID, st.Position = o.MapID, o.Position
		if err := cleanStage(&st); err != nil {
			return err
		}
		return t.put(&st)
	})
}

// EditStage changes some fields of a stage as the workspace holds it now, as EditCard does for
// a card: two people editing different fields of one stage both keep theirs.
func (s *Store) EditStage(mapID, id int64, change func(st *Stage)) error {
	return s.edit(mapID, "Edit stage", func(t *tx) error {
		o, err := t.stageRow(mapID, id)
		if err != nil {
			return err
		}
		st := *o
		st.Metrics = append([]Metric(nil), o.Metrics...)
		change(&st)
		st.ID, st.MapID, st.Position = o.ID, o.MapID, o.Position
		if err := cleanStage(&st); err != nil {
			return err
		}
		return t.putOver(o, &st)
	})
}

// stageRow reads a stage of map mapID.
func (t *tx) stageRow(mapID, id int64) (*Stage, error) {
	old, err := getRow(t.q, "stage", id)
	if err != nil {
		return nil, err
	}
	if old == nil || old.(*Stage).MapID != mapID {
		return nil, fmt.Errorf("stage %d in map %d: %w", id, mapID, ErrNotFound)
	}
	return old.(*Stage), nil
}

// MoveStage moves a stage to index to among its map's stages.
func (s *Store) MoveStage(mapID, id int64, to int) error {
	return s.edit(mapID, "Move stage", func(t *tx) error {
		t.about("stage", id)
		all, err := stagesOf(t.q, mapID)
		if err != nil {
			return err
		}
		from := -1
		for i := range all {
			if all[i].ID == id {
				from = i
			}
		}
		if from < 0 {
			return fmt.Errorf("stage %d in map %d: %w", id, mapID, ErrNotFound)
		}
		all = moveItem(all, from, to)
		return renumber(t, all, setStagePos)
	})
}

func moveItem[T any](items []T, from, to int) []T {
	v := items[from]
	items = append(items[:from], items[from+1:]...)
	to = clampIndex(to, len(items))
	return insertAt(items, to, v)
}

// DeleteStage deletes a stage of map mapID with its cards and their links.
func (s *Store) DeleteStage(mapID, id int64) error {
	return s.edit(mapID, "Delete stage", func(t *tx) error {
		return t.deleteColumnOrRow(mapID, "stage", id)
	})
}

// DeleteLane deletes a lane of map mapID with its cards and their links.
func (s *Store) DeleteLane(mapID, id int64) error {
	return s.edit(mapID, "Delete lane", func(t *tx) error {
		return t.deleteColumnOrRow(mapID, "lane", id)
	})
}

// rowMap returns the map a stage or lane belongs to.
func rowMap(r row) int64 {
	switch v := r.(type) {
	case *Stage:
		return v.MapID
	case *Lane:
		return v.MapID
	}
	return 0
}

func (t *tx) deleteColumnOrRow(mapID int64, kind string, id int64) error {
	old, err := getRow(t.q, kind, id)
	if err != nil {
		return err
	}
	if old == nil || rowMap(old) != mapID {
		return fmt.Errorf("%s %d in map %d: %w", kind, id, mapID, ErrNotFound)
	}
	col := "stage_id"
	if kind == "lane" {
		col = "lane_id"
	}
	cards, err := queryAll(t.q, scanCard, `SELECT `+cardCols+` FROM cards WHERE `+col+`=? ORDER BY id`, id)
	if err != nil {
		return err
	}
	ids := make([]int64, len(cards))
	for i, c := range cards {
		ids[i] = c.ID
	}
	if err := t.deleteCards(ids, false); err != nil {
		return err
	}
	if kind == "stage" {
		if err := t.delComments(OnStage, id); err != nil {
			return err
		}
	}
	if err := t.del(kind, id); err != nil {
		return err
	}
	if kind == "stage" {
		rest, err := stagesOf(t.q, mapID)
		if err != nil {
			return err
		}
		return renumber(t, rest, setStagePos)
	}
	rest, err := lanesOf(t.q, mapID)
	if err != nil {
		return err
	}
	return renumber(t, rest, setLanePos)
}

// AddLane inserts a lane into a map at index at (-1: at the end) and returns its id.
func (s *Store) AddLane(l Lane, at int) (int64, error) {
	err := s.edit(l.MapID, "Add lane", func(t *tx) error {
		if _, err := t.mapScale(l.MapID); err != nil {
			return err
		}
		if err := cleanLane(&l); err != nil {
			return err
		}
		all, err := lanesOf(t.q, l.MapID)
		if err != nil {
			return err
		}
		at = clampIndex(at, len(all))
		l.ID, l.Position = 0, at
		all = insertAt(all, at, l)
		if err := renumber(t, all[at+1:], func(x *Lane, i int) bool { return setLanePos(x, i+at+1) }); err != nil {
			return err
		}
		if err := t.put(&all[at]); err != nil {
			return err
		}
		l.ID = all[at].ID
		return nil
	})
	return l.ID, err
}

// UpdateLane saves a lane's name and kind. The lane must belong to l.MapID.
func (s *Store) UpdateLane(l Lane) error {
	return s.edit(l.MapID, "Edit lane", func(t *tx) error {
		o, err := t.laneRow(l.MapID, l.ID)
		if err != nil {
			return err
		}
		l.MapID, l.Position = o.MapID, o.Position
		if err := cleanLane(&l); err != nil {
			return err
		}
		return t.put(&l)
	})
}

// EditLane changes some fields of a lane as the workspace holds it now, as EditCard does for a
// card.
func (s *Store) EditLane(mapID, id int64, change func(l *Lane)) error {
	return s.edit(mapID, "Edit lane", func(t *tx) error {
		o, err := t.laneRow(mapID, id)
		if err != nil {
			return err
		}
		l := *o
		change(&l)
		l.ID, l.MapID, l.Position = o.ID, o.MapID, o.Position
		if err := cleanLane(&l); err != nil {
			return err
		}
		return t.putOver(o, &l)
	})
}

// laneRow reads a lane of map mapID.
func (t *tx) laneRow(mapID, id int64) (*Lane, error) {
	old, err := getRow(t.q, "lane", id)
	if err != nil {
		return nil, err
	}
	if old == nil || old.(*Lane).MapID != mapID {
		return nil, fmt.Errorf("lane %d in map %d: %w", id, mapID, ErrNotFound)
	}
	return old.(*Lane), nil
}

// MoveLane moves a lane to index to among its map's lanes.
func (s *Store) MoveLane(mapID, id int64, to int) error {
	return s.edit(mapID, "Move lane", func(t *tx) error {
		t.about("lane", id)
		all, err := lanesOf(t.q, mapID)
		if err != nil {
			return err
		}
		from := -1
		for i := range all {
			if all[i].ID == id {
				from = i
			}
		}
		if from < 0 {
			return fmt.Errorf("lane %d in map %d: %w", id, mapID, ErrNotFound)
		}
		all = moveItem(all, from, to)
		return renumber(t, all, setLanePos)
	})
}

// checkCell makes sure a stage and a lane exist and belong to the map.
func (t *tx) checkCell(mapID, stageID, laneID int64) error {
	var n int
	if err := t.q.QueryRow(`SELECT (SELECT count(*) FROM stages WHERE id=? AND map_id=?) + (SELECT count(*) FROM lanes WHERE id=? AND map_id=?)`,
		stageID, mapID, laneID, mapID).Scan(&n); err != nil {
		return err
	}
	if n != 2 {
		return fmt.Errorf("cell (stage %d, lane %d) of map %d: %w", stageID, laneID, mapID, ErrNotFound)
	}
	return nil
}

// AddCard inserts a card into its cell at c.Position (-1: at the end) and returns its id.
func (s *Store) AddCard(c Card) (int64, error) {
	err := s.edit(c.MapID, "Add card", func(t *tx) error {
		sc, err := t.mapScale(c.MapID)
		if err != nil {
			return err
		}
		if err := t.checkCell(c.MapID, c.StageID, c.LaneID); err != nil {
			return err
		}
		c.Tags = append([]string(nil), c.Tags...)
		if err := cleanCard(&c, sc); err != nil {
			return err
		}
		cell, err := cellOf(t.q, c.StageID, c.LaneID)
		if err != nil {
			return err
		}
		at := clampIndex(c.Position, len(cell))
		c.ID, c.Position = 0, at
		if err := renumber(t, cell[at:], func(x *Card, i int) bool { return setCardPos(x, i+at+1) }); err != nil {
			return err
		}
		return t.put(&c)
	})
	return c.ID, err
}

// UpdateCard saves a card's content (everything but its cell and position; see MoveCards).
func (s *Store) UpdateCard(c Card) error {
	return s.edit(c.MapID, "Edit card", func(t *tx) error {
		old, err := getRow(t.q, "card", c.ID)
		if err != nil {
			return err
		}
		if old == nil || old.(*Card).MapID != c.MapID {
			return fmt.Errorf("card %d: %w", c.ID, ErrNotFound)
		}
		o := old.(*Card)
		c.StageID, c.LaneID, c.Position = o.StageID, o.LaneID, o.Position
		sc, err := t.mapScale(c.MapID)
		if err != nil {
			return err
		}
		c.Tags = append([]string(nil), c.Tags...)
		if err := cleanCard(&c, sc); err != nil {
			return err
		}
		return t.put(&c)
	})
}

// MoveCard moves one card to index at of a cell (-1: the end), in the same map.
func (s *Store) MoveCard(mapID, id, stageID, laneID int64, at int) error {
	return s.MoveCards(mapID, []int64{id}, stageID, laneID, at)
}

// MoveCards moves cards, in the order given, to index at of a cell (-1: the end). The index
// counts the cards of the target cell that stay there, so dropping before the card the user
// points at works whatever was selected.
func (s *Store) MoveCards(mapID int64, ids []int64, stageID, laneID int64, at int) error {
	label := "Move card"
	if len(ids) > 1 {
		label = fmt.Sprintf("Move %d cards", len(ids))
	}
	return s.edit(mapID, label, func(t *tx) error {
		if len(ids) > 0 {
			t.about("card", ids[0])
		}
		if err := t.checkCell(mapID, stageID, laneID); err != nil {
			return err
		}
		moving := make([]Card, 0, len(ids))
		isMoving := map[int64]bool{}
		srcCells := map[[2]int64]bool{}
		for _, id := range ids {
			if isMoving[id] {
				continue
			}
			r, err := getRow(t.q, "card", id)
			if err != nil {
				return err
			}
			if r == nil || r.(*Card).MapID != mapID {
				return fmt.Errorf("card %d in map %d: %w", id, mapID, ErrNotFound)
			}
			c := r.(*Card)
			moving = append(moving, *c)
			isMoving[id] = true
			srcCells[[2]int64{c.StageID, c.LaneID}] = true
		}
		target, err := cellOf(t.q, stageID, laneID)
		if err != nil {
			return err
		}
		var stay []Card
		for _, c := range target {
			if !isMoving[c.ID] {
				stay = append(stay, c)
			}
		}
		at = clampIndex(at, len(stay))
		for i := range moving {
			moving[i].StageID, moving[i].LaneID = stageID, laneID
		}
		final := append(append(append([]Card{}, stay[:at]...), moving...), stay[at:]...)
		// Close the gaps in the cells the cards left before writing the target cell.
		for cell := range srcCells {
			if cell == [2]int64{stageID, laneID} {
				continue
			}
			src, err := cellOf(t.q, cell[0], cell[1])
			if err != nil {
				return err
			}
			var rest []Card
			for _, c := range src {
				if !isMoving[c.ID] {
					rest = append(rest, c)
				}
			}
			if err := renumber(t, rest, setCardPos); err != nil {
				return err
			}
		}
		for i := range final {
			if isMoving[final[i].ID] || final[i].Position != i {
				final[i].Position = i
				if err := t.put(&final[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// DeleteCards deletes cards with their links and closes the gaps in their cells.
func (s *Store) DeleteCards(mapID int64, ids []int64) error {
	label := "Delete card"
	if len(ids) > 1 {
		label = fmt.Sprintf("Delete %d cards", len(ids))
	}
	return s.edit(mapID, label, func(t *tx) error {
		for _, id := range ids {
			r, err := getRow(t.q, "card", id)
			if err != nil {
				return err
			}
			if r == nil || r.(*Card).MapID != mapID {
				return fmt.Errorf("card %d in map %d: %w", id, mapID, ErrNotFound)
			}
		}
		return t.deleteCards(ids, true)
	})
}

// deleteCards deletes cards and every link touching them; with closeGaps it renumbers the
// cells they leave.
func (t *tx) deleteCards(ids []int64, closeGaps bool) error {
	cells := map[[2]int64]bool{}
	for _, id := range ids {
		links, err := queryAll(t.q, scanLink, `SELECT `+linkCols+` FROM links WHERE from_id=? OR to_id=? ORDER BY id`, id, id)
		if err != nil {
			return err
		}
		for _, l := range links {
			if err := t.del("link", l.ID); err != nil {
				return err
			}
		}
		r, err := getRow(t.q, "card", id)
		if err != nil {
			return err
		}
		if r == nil {
			continue
		}
		c := r.(*Card)
		cells[[2]int64{c.StageID, c.LaneID}] = true
		if err := t.delComments(OnCard, id); err != nil {
			return err
		}
		if err := t.del("card", id); err != nil {
			return err
		}
	}
	if !closeGaps {
		return nil
	}
	for cell := range cells {
		rest, err := cellOf(t.q, cell[0], cell[1])
		if err != nil {
			return err
		}
		if err := renumber(t, rest, setCardPos); err != nil {
			return err
		}
	}
	return nil
}

// AddLink joins two cards of a map and returns the link's id.
func (s *Store) AddLink(l Link) (int64, error) {
	err := s.edit(l.MapID, "Add link", func(t *tx) error {
		if err := cleanLink(&l); err != nil {
			return err
		}
		var n int
		if err := t.q.QueryRow(`SELECT count(*) FROM cards WHERE map_id=? AND id IN (?,?)`, l.MapID, l.FromID, l.ToID).Scan(&n); err != nil {
			return err
		}
		if n != 2 {
			return fmt.Errorf("link cards %d → %d in map %d: %w", l.FromID, l.ToID, l.MapID, ErrNotFound)
		}
		l.ID = 0
		return t.put(&l)
	})
	return l.ID, err
}

// UpdateLink saves a link's label.
func (s *Store) UpdateLink(l Link) error {
	return s.edit(l.MapID, "Edit link", func(t *tx) error {
		old, err := getRow(t.q, "link", l.ID)
		if err != nil {
			return err
		}
		if old == nil || old.(*Link).MapID != l.MapID {
			return fmt.Errorf("link %d: %w", l.ID, ErrNotFound)
		}
		o := old.(*Link)
		l.FromID, l.ToID = o.FromID, o.ToID
		if err := cleanLink(&l); err != nil {
			return err
		}
		return t.put(&l)
	})
}

// DeleteLink deletes a link.
func (s *Store) DeleteLink(mapID, id int64) error {
	return s.edit(mapID, "Delete link", func(t *tx) error {
		r, err := getRow(t.q, "link", id)
		if err != nil {
			return err
		}
		if r == nil || r.(*Link).MapID != mapID {
			return fmt.Errorf("link %d: %w", id, ErrNotFound)
		}
		return t.del("link", id)
	})
}
