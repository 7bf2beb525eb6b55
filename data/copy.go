package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// ErrSameWorkspace is a copy whose source and destination are the same workspace.
var ErrSameWorkspace = errors.New("is the source itself")

// Copied is one map that CopyMaps added to the destination.
type Copied struct {
	From  int64 // the map's id in the source
	ID    int64 // the new map's id in the destination
	Title string
}

// CopyMaps copies maps from the workspace src into the workspace dst (a file or a PostgreSQL
// database either side) and returns what it added, in the order of ids; ids nil copies every
// map of src, by title.
//
// What is copied, for each map: its own fields with their created and updated times; its
// persona; its stages, lanes, cards and links; its comment threads, with their authors, times,
// replies and resolved state, each attached to the new stage or card that stands for the old
// one; its saved versions, with their labels, times and snapshots (the ids a snapshot holds are
// renamed into the destination's, so that restoring a version there writes that map and only
// it). A persona is copied once per call: maps that share one in src share its copy in dst.
// When every map is copied (ids nil), the personas no map uses are copied too, so the whole
// persona library comes along.
//
// What is not copied: the edit history. Undo history belongs to the workspace it was made in;
// in dst a copied map starts with one entry, its creation ("Create map"), made by dst's author.
// Nor are the workspace's settings (last map open, zoom), who has which map open, or comments
// on things the map no longer has (no window shows them).
//
// A copy is always added as a new map, with a new id: it never replaces or merges into a map of
// dst, even one with the same title, and copying twice gives two copies. Each map is copied in
// one transaction of dst, so a failure leaves no part of that map there; the maps copied before
// it stay, and are returned with the error. A dst that cannot be written is refused before
// anything is read (ErrReadOnly), and so is a dst that is src itself (ErrSameWorkspace).
func CopyMaps(src, dst *Store, ids []int64) ([]Copied, error) {
	if sameWorkspace(src, dst) {
		return nil, fmt.Errorf("copy %s into %s: the destination %w", src.path, dst.path, ErrSameWorkspace)
	}
	if dst.readOnly {
		return nil, fmt.Errorf("copy into %s: it is %w%s", dst.path, ErrReadOnly, dst.why())
	}
	all := ids == nil
	if all {
		maps, err := src.ListMaps()
		if err != nil {
			return nil, err
		}
		for _, m := range maps {
			ids = append(ids, m.ID)
		}
	}
	c := copier{src: src, dst: dst, personas: map[int64]int64{}}
	var out []Copied
	for _, id := range ids {
		done, err := c.copyMap(id)
		if err != nil {
			return out, err
		}
		out = append(out, done)
	}
	if all {
		if err := c.copyUnusedPersonas(); err != nil {
			return out, err
		}
	}
	return out, nil
}

// sameWorkspace reports whether two stores are one workspace: the same file (through any
// path), or the same connection string.
func sameWorkspace(a, b *Store) bool {
	if a == b {
		return true
	}
	if a.pg || b.pg {
		return a.pg == b.pg && a.path == b.path
	}
	fa, errA := os.Stat(a.path)
	fb, errB := os.Stat(b.path)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// copier is one CopyMaps call: it remembers the personas it has copied.
type copier struct {
	src, dst *Store
	personas map[int64]int64    // source persona id → its copy's id in dst
	library  map[int64]*Persona // src's personas by id, read when first needed
}

// source is what is copied of one map, read in one transaction of src.
type source struct {
	m        *Map
	versions []Version
	snaps    []*Map
}

// read reads a map and its versions from src as of one moment.
func (c *copier) read(id int64) (*source, error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if c.src.pg {
		opts.Isolation = sql.LevelRepeatableRead // one snapshot for every statement
	}
	q, err := c.src.db.BeginTx(context.Background(), opts)
	if err != nil {
		return nil, c.src.wrap("copy from", err)
	}
	defer q.Rollback()
	var s source
	if s.m, err = loadMap(q, id); err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, fmt.Errorf("%s: map %d: %w", c.src.path, id, ErrNotFound)
		}
		return nil, c.src.wrap(fmt.Sprintf("load map %d from", id), err)
	}
	rows, err := q.Query(`SELECT id,map_id,label,created FROM versions WHERE map_id=? ORDER BY id`, id)
	if err != nil {
		return nil, c.src.wrap("list versions in", err)
	}
	for rows.Next() {
		var v Version
		var created string
		if err := rows.Scan(&v.ID, &v.MapID, &v.Label, &created); err != nil {
			rows.Close()
			return nil, c.src.wrap("list versions in", err)
		}
		if v.Created, err = parseTime(created); err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: version %d is %w: its time %q", c.src.path, v.ID, ErrCorrupt, created)
		}
		s.versions = append(s.versions, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, c.src.wrap("list versions in", err)
	}
	for _, v := range s.versions {
		snap, err := openVersion(q, v.ID, c.src.path)
		if err != nil {
			return nil, err
		}
		s.snaps = append(s.snaps, snap)
	}
	return &s, nil
}

// copyMap copies one map of src, with its versions, in one transaction of dst.
func (c *copier) copyMap(id int64) (Copied, error) {
	s, err := c.read(id)
	if err != nil {
		return Copied{}, err
	}
	m := *s.m
	added := map[int64]int64{} // personas copied in this transaction: kept only if it commits
	var newID int64
	err = c.dst.edit(0, "Create map", func(t *tx) error {
		t.ids = newIDs{}
		pid, err := c.persona(t, m.PersonaID, m.Persona, added)
		if err != nil {
			return err
		}
		m.Persona, m.PersonaID = nil, pid
		if newID, err = t.insertMap(&m); err != nil {
			return err
		}
		t.scope = newID // the copy's own history starts with its creation
		for i, v := range s.versions {
			snap := s.snaps[i]
			pid, err := c.persona(t, snap.PersonaID, nil, added)
			if err != nil {
				return err
			}
			if err := c.dst.rename(t, snap, newID, pid); err != nil {
				return fmt.Errorf("version %q: %w", v.Label, err)
			}
			if _, err := t.q.Exec(`INSERT INTO versions(map_id,label,created,snapshot) VALUES(?,?,?,?)`,
				newID, v.Label, v.Created.UTC().Format(timeFormat), mustJSON(snap)); err != nil {
				return fmt.Errorf("version %q: %w", v.Label, err)
			}
		}
		return nil
	})
	if err != nil {
		return Copied{}, fmt.Errorf("copy map %d %q from %s into %s: %w", id, s.m.Title, c.src.path, c.dst.path, err)
	}
	for from, to := range added {
		c.personas[from] = to
	}
	return Copied{From: id, ID: newID, Title: m.Title}, nil
}

// persona is the id in dst of src's persona id (0: none), copied now when this call has not
// copied it yet. p is the persona as the map holds it, or nil to read it from src; a persona
// src no longer has (a version's, deleted since) is 0, as restoring the version in src would
// keep the map's persona.
func (c *copier) persona(t *tx, id int64, p *Persona, added map[int64]int64) (int64, error) {
	if id == 0 {
		return 0, nil
	}
	if to, ok := c.personas[id]; ok {
		return to, nil
	}
	if to, ok := added[id]; ok {
		return to, nil
	}
	if p == nil {
		if c.library == nil {
			ps, err := c.src.Personas()
			if err != nil {
				return 0, err
			}
			c.library = map[int64]*Persona{}
			for i := range ps {
				c.library[ps[i].ID] = &ps[i]
			}
		}
		if p = c.library[id]; p == nil {
			return 0, nil
		}
	}
	cp := *p
	cp.ID = 0
	if err := cleanPersona(&cp); err != nil {
		return 0, fmt.Errorf("persona %q: %w", p.Name, err)
	}
	if err := t.checkPhoto(&cp); err != nil {
		return 0, fmt.Errorf("persona %q: %w", p.Name, err)
	}
	if err := t.put(&cp); err != nil {
		return 0, err
	}
	added[id] = cp.ID
	return cp.ID, nil
}

// copyUnusedPersonas copies, in one transaction, the personas of src that no copied map uses.
func (c *copier) copyUnusedPersonas() error {
	ps, err := c.src.Personas()
	if err != nil {
		return err
	}
	added := map[int64]int64{}
	err = c.dst.edit(0, "Add persona", func(t *tx) error {
		for i := range ps {
			if _, err := c.persona(t, ps[i].ID, &ps[i], added); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("copy the personas of %s into %s: %w", c.src.path, c.dst.path, err)
	}
	for from, to := range added {
		c.personas[from] = to
	}
	return nil
}

// rename rewrites a version's snapshot, read from src, in the ids of its copy in dst: the map's
// new id and persona, and for each stage, lane, card and link the id of the row that stands for
// it (t.ids, which insertMap filled). A row only the version still holds (deleted since) is given
// an id of dst that no row has and none will be given, so that restoring the version brings it
// back as it does in src. A comment only the version holds (RestoreVersion never writes
// comments) is numbered -1, -2… in the snapshot, its thread held together.
func (s *Store) rename(t *tx, snap *Map, mapID, personaID int64) error {
	id := func(kind string, old int64) (int64, error) {
		if old == 0 {
			return 0, nil
		}
		if to, ok := t.ids[kind][old]; ok {
			return to, nil
		}
		to, err := s.reserveID(t.q, tableOf[kind])
		if err != nil {
			return 0, fmt.Errorf("reserve a %s id: %w", kind, err)
		}
		t.ids.note(kind, old, to)
		return to, nil
	}
	var err error
	snap.ID, snap.PersonaID = mapID, personaID
	for i := range snap.Stages {
		st := &snap.Stages[i]
		if st.ID, err = id("stage", st.ID); err != nil {
			return err
		}
		st.MapID = mapID
	}
	for i := range snap.Lanes {
		l := &snap.Lanes[i]
		if l.ID, err = id("lane", l.ID); err != nil {
			return err
		}
		l.MapID = mapID
	}
	for i := range snap.Cards {
		c := &snap.Cards[i]
		if c.ID, err = id("card", c.ID); err != nil {
			return err
		}
		if c.StageID, err = id("stage", c.StageID); err != nil {
			return err
		}
		if c.LaneID, err = id("lane", c.LaneID); err != nil {
			return err
		}
		c.MapID = mapID
	}
	for i := range snap.Links {
		l := &snap.Links[i]
		if l.ID, err = id("link", l.ID); err != nil {
			return err
		}
		if l.FromID, err = id("card", l.FromID); err != nil {
			return err
		}
		if l.ToID, err = id("card", l.ToID); err != nil {
			return err
		}
		l.MapID = mapID
	}
	var only int64 // comments that only versions hold, numbered so far
	for _, to := range t.ids["comment"] {
		if to < 0 {
			only++
		}
	}
	for i := range snap.Comments {
		c := &snap.Comments[i]
		to, ok := t.ids["comment"][c.ID]
		if !ok {
			only++
			to = -only
			t.ids.note("comment", c.ID, to)
		}
		c.ID = to
	}
	for i := range snap.Comments {
		c := &snap.Comments[i]
		c.MapID = mapID
		switch c.TargetKind {
		case OnMap:
			c.TargetID = mapID
		case OnStage:
			c.TargetID = t.ids["stage"][c.TargetID] // 0 when the version does not have it either
		case OnCard:
			c.TargetID = t.ids["card"][c.TargetID]
		}
		if c.ParentID != 0 {
			c.ParentID = t.ids["comment"][c.ParentID]
		}
	}
	return nil
}

// newIDs are the ids rows were given when a map was written anew, by kind ("stage", "lane",
// "card", "link", "comment"): old id → new id.
type newIDs map[string]map[int64]int64

// note records that the row old of the kind is to in the copy.
func (n newIDs) note(kind string, old, to int64) {
	if n[kind] == nil {
		n[kind] = map[int64]int64{}
	}
	n[kind][old] = to
}
