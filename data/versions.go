package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Version is a named snapshot of a map ("Q3 review").
type Version struct {
	ID      int64
	MapID   int64
	Label   string
	Created time.Time
}

// SaveVersion snapshots a map under a label and returns the version's id. Versions are a log
// beside the edit history: saving one changes nothing on the map.
func (s *Store) SaveVersion(mapID int64, label string) (int64, error) {
	if s.readOnly {
		return 0, fmt.Errorf("save version: %s is %w", s.path, ErrReadOnly)
	}
	var c cleaner
	c.text("version label", &label, false)
	c.required("version label", label)
	if c.err != nil {
		return 0, c.err
	}
	q, err := s.db.Begin()
	if err != nil {
		return 0, s.wrap("save version", err)
	}
	defer q.Rollback()
	m, err := loadMap(q, mapID)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return 0, fmt.Errorf("save version of map %d in %s: %w", mapID, s.path, ErrNotFound)
		}
		return 0, s.wrap("save version", err)
	}
	res, err := q.Exec(`INSERT INTO versions(map_id,label,created,snapshot) VALUES(?,?,?,?)`,
		mapID, label, time.Now().UTC().Format(timeFormat), mustJSON(m))
	if err != nil {
		return 0, s.wrap("save version", err)
	}
	if err := bumpRevision(q); err != nil {
		return 0, s.wrap("save version", err)
	}
	if err := q.Commit(); err != nil {
		return 0, s.wrap("save version", err)
	}
	return res.LastInsertId()
}

// Versions lists a map's versions, oldest first.
func (s *Store) Versions(mapID int64) ([]Version, error) {
	rows, err := s.db.Query(`SELECT id,map_id,label,created FROM versions WHERE map_id=? ORDER BY id`, mapID)
	if err != nil {
		return nil, s.wrap("list versions in", err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		var v Version
		var created string
		if err := rows.Scan(&v.ID, &v.MapID, &v.Label, &created); err != nil {
			return nil, s.wrap("list versions in", err)
		}
		v.Created, _ = parseTime(created)
		out = append(out, v)
	}
	return out, rows.Err()
}

// OpenVersion returns the map as it was when the version was saved. The value is for viewing:
// it is not connected to the store.
func (s *Store) OpenVersion(id int64) (*Map, error) {
	return openVersion(s.db, id, s.path)
}

func openVersion(q querier, id int64, path string) (*Map, error) {
	var raw []byte
	err := q.QueryRow(`SELECT snapshot FROM versions WHERE id=?`, id).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: version %d: %w", path, id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read version %d of %s: %w", id, path, err)
	}
	var m Map
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%s: version %d is %w: %v", path, id, ErrCorrupt, err)
	}
	return &m, nil
}

// DeleteVersion forgets a version.
func (s *Store) DeleteVersion(id int64) error {
	if s.readOnly {
		return fmt.Errorf("delete version: %s is %w", s.path, ErrReadOnly)
	}
	if _, err := s.db.Exec(`DELETE FROM versions WHERE id=?`, id); err != nil {
		return s.wrap("delete version", err)
	}
	return nil
}

// RestoreVersion makes the map look as it did when the version was saved. It is one undoable
// edit: Undo brings back what the map held before the restore.
func (s *Store) RestoreVersion(id int64) error {
	snap, err := s.OpenVersion(id)
	if err != nil {
		return err
	}
	return s.edit(snap.ID, "Restore version", func(t *tx) error {
		cur, err := loadMap(t.q, snap.ID)
		if err != nil {
			return fmt.Errorf("map %d: %w", snap.ID, err)
		}
		keep := map[string]bool{}
		for _, st := range snap.Stages {
			keep[fmt.Sprint("stage", st.ID)] = true
		}
		for _, l := range snap.Lanes {
			keep[fmt.Sprint("lane", l.ID)] = true
		}
		for _, c := range snap.Cards {
			keep[fmt.Sprint("card", c.ID)] = true
		}
		for _, l := range snap.Links {
			keep[fmt.Sprint("link", l.ID)] = true
		}
		// Children go before their parents; kept stages and lanes are written before the cards
		// that need them, and only then are the stages and lanes the version lacks deleted.
		for _, l := range cur.Links {
			if !keep[fmt.Sprint("link", l.ID)] {
				if err := t.del("link", l.ID); err != nil {
					return err
				}
			}
		}
		for _, c := range cur.Cards {
			if !keep[fmt.Sprint("card", c.ID)] {
				if err := t.del("card", c.ID); err != nil {
					return err
				}
			}
		}
		mr := rowOf(snap)
		mr.Created = cur.Created
		mr.Updated = t.now
		if p, err := getRow(t.q, "persona", mr.PersonaID); err != nil || p == nil {
			mr.PersonaID = cur.PersonaID // the version's persona has been deleted since
		}
		if err := t.put(mr); err != nil {
			return err
		}
		for i := range snap.Stages {
			if err := t.put(&snap.Stages[i]); err != nil {
				return err
			}
		}
		for i := range snap.Lanes {
			if err := t.put(&snap.Lanes[i]); err != nil {
				return err
			}
		}
		for i := range snap.Cards {
			if err := t.put(&snap.Cards[i]); err != nil {
				return err
			}
		}
		for i := range snap.Links {
			if err := t.put(&snap.Links[i]); err != nil {
				return err
			}
		}
		for _, l := range cur.Lanes {
			if !keep[fmt.Sprint("lane", l.ID)] {
				if err := t.del("lane", l.ID); err != nil {
					return err
				}
			}
		}
		for _, st := range cur.Stages {
			if !keep[fmt.Sprint("stage", st.ID)] {
				if err := t.del("stage", st.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
