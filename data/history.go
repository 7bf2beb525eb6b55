package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// change is the before and after image of one row touched by an edit. A nil image means the
// row did not exist on that side: an insert has no Before, a delete has no After.
type change struct {
	Kind   string          `json:"k"`
	ID     int64           `json:"id"`
	Before json.RawMessage `json:"b,omitempty"`
	After  json.RawMessage `json:"a,omitempty"`
}

// tx is one edit in progress: it writes rows and records every change it makes.
type tx struct {
	q       *sql.Tx
	changes []change
	now     time.Time
	scope   int64 // set by an edit that creates its own scope (a new map)
}

// put writes r (inserting it when its id is 0) and records the change.
func (t *tx) put(r row) error {
	var before json.RawMessage
	if r.key() != 0 {
		old, err := getRow(t.q, r.kind(), r.key())
		if err != nil {
			return err
		}
		if old != nil {
			before = encodeRow(old)
		}
	}
	if _, err := putRow(t.q, r); err != nil {
		return err
	}
	after := encodeRow(r)
	if string(before) == string(after) {
		return nil // nothing changed: nothing to record
	}
	t.changes = append(t.changes, change{Kind: r.kind(), ID: r.key(), Before: before, After: after})
	return nil
}

// del deletes the row and records its last image.
func (t *tx) del(kind string, id int64) error {
	old, err := getRow(t.q, kind, id)
	if err != nil {
		return err
	}
	if old == nil {
		return nil
	}
	if err := delRow(t.q, kind, id); err != nil {
		return err
	}
	t.changes = append(t.changes, change{Kind: kind, ID: id, Before: encodeRow(old)})
	return nil
}

// personaImage carries a persona's id, which Persona's own JSON form leaves out.
type personaImage struct {
	ID int64    `json:"id"`
	P  *Persona `json:"p"`
}

// encodeRow is the recorded image of a row: its JSON with its id.
func encodeRow(r row) json.RawMessage {
	if p, ok := r.(*Persona); ok {
		return mustJSON(personaImage{ID: p.ID, P: p})
	}
	return mustJSON(r)
}

func decodeRow(kind string, img json.RawMessage) (row, error) {
	if kind == "persona" {
		var pi personaImage
		if err := json.Unmarshal(img, &pi); err != nil || pi.P == nil {
			return nil, fmt.Errorf("bad persona image: %v", err)
		}
		pi.P.ID = pi.ID
		return pi.P, nil
	}
	r, err := newRow(kind)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(img, r); err != nil {
		return nil, err
	}
	return r, nil
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // rows are plain values
	}
	return b
}

// Edit is what an Undo or Redo did: its label, and the map it touched (0 for workspace-wide).
type Edit struct {
	ID    int64
	MapID int64
	Label string
}

// edit is the one path every user edit takes: it runs fn in one IMMEDIATE transaction, records
// the rows fn changed as one history entry scoped to mapID, drops that scope's redo entries, and
// commits. Either all of it is in the file or none of it.
func (s *Store) edit(mapID int64, label string, fn func(t *tx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s: %s is %w: the change was not saved", label, s.path, ErrReadOnly)
	}
	q, err := s.db.Begin()
	if err != nil {
		return s.wrap(label, err)
	}
	defer q.Rollback()
	t := &tx{q: q, now: time.Now().UTC()}
	if err := fn(t); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) || errors.Is(err, ErrNotFound) {
			return err
		}
		return s.wrap(label, err)
	}
	if len(t.changes) == 0 {
		return nil // a no-op edit leaves no history entry
	}
	created := t.scope != 0
	if created {
		mapID = t.scope
	}
	if _, err := q.Exec(`DELETE FROM history WHERE map_id=? AND undone=1`, mapID); err != nil {
		return s.wrap(label, err)
	}
	merged, err := s.mergeGroup(q, mapID, t.changes)
	if err != nil {
		return s.wrap(label, err)
	}
	var entry int64
	if !merged {
		res, err := q.Exec(`INSERT INTO history(map_id,label,changes,at) VALUES(?,?,?,?)`,
			mapID, label, mustJSON(t.changes), t.now.Format(timeFormat))
		if err != nil {
			return s.wrap(label, err)
		}
		if entry, err = res.LastInsertId(); err != nil {
			return s.wrap(label, err)
		}
	}
	if !created { // a new map keeps the times it came with (an import is lossless)
		if err := touch(q, mapID, t.now); err != nil {
			return s.wrap(label, err)
		}
	}
	if err := q.Commit(); err != nil {
		return s.wrap(label, err)
	}
	if !merged {
		s.noteEntry(mapID, entry)
	}
	return nil
}

// touch sets a map's updated time; it is not itself recorded.
func touch(q querier, mapID int64, now time.Time) error {
	if mapID == 0 {
		return nil
	}
	_, err := q.Exec(`UPDATE maps SET updated=? WHERE id=?`, now.Format(timeFormat), mapID)
	return err
}

// Undo reverts the latest edit in the scope of mapID (0: workspace-wide edits such as
// personas). ok is false when there is nothing to undo.
func (s *Store) Undo(mapID int64) (e Edit, ok bool, err error) {
	return s.step(mapID, true)
}

// Redo applies again the edit most recently undone in the scope of mapID.
func (s *Store) Redo(mapID int64) (e Edit, ok bool, err error) {
	return s.step(mapID, false)
}

// UndoLabel and RedoLabel name what Undo and Redo would do next ("" when nothing).
func (s *Store) UndoLabel(mapID int64) string { return s.peek(mapID, true) }

// RedoLabel names the edit Redo would apply next, or "".
func (s *Store) RedoLabel(mapID int64) string { return s.peek(mapID, false) }

const (
	undoPick = `SELECT id,label,changes FROM history WHERE map_id=? AND undone=0 ORDER BY id DESC LIMIT 1`
	redoPick = `SELECT id,label,changes FROM history WHERE map_id=? AND undone=1 ORDER BY id ASC LIMIT 1`
)

func (s *Store) peek(mapID int64, undo bool) string {
	q := redoPick
	if undo {
		q = undoPick
	}
	var id int64
	var label string
	var raw []byte
	if err := s.db.QueryRow(q, mapID).Scan(&id, &label, &raw); err != nil {
		return ""
	}
	return label
}

func (s *Store) step(mapID int64, undo bool) (Edit, bool, error) {
	what := "redo"
	pick := redoPick
	if undo {
		what, pick = "undo", undoPick
	}
	if s.readOnly {
		return Edit{}, false, fmt.Errorf("%s: %s is %w", what, s.path, ErrReadOnly)
	}
	q, err := s.db.Begin()
	if err != nil {
		return Edit{}, false, s.wrap(what, err)
	}
	defer q.Rollback()
	e := Edit{MapID: mapID}
	var raw []byte
	err = q.QueryRow(pick, mapID).Scan(&e.ID, &e.Label, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return Edit{}, false, nil
	}
	if err != nil {
		return Edit{}, false, s.wrap(what, err)
	}
	var changes []change
	if err := json.Unmarshal(raw, &changes); err != nil {
		return Edit{}, false, fmt.Errorf("%s %q in %s: history entry %d is damaged: %w", what, e.Label, s.path, e.ID, err)
	}
	if undo {
		for i := len(changes) - 1; i >= 0; i-- {
			if err := restoreImage(q, changes[i].Kind, changes[i].ID, changes[i].Before); err != nil {
				return Edit{}, false, s.wrap(what+" "+e.Label, err)
			}
		}
	} else {
		for _, c := range changes {
			if err := restoreImage(q, c.Kind, c.ID, c.After); err != nil {
				return Edit{}, false, s.wrap(what+" "+e.Label, err)
			}
		}
	}
	if _, err := q.Exec(`UPDATE history SET undone=? WHERE id=?`, undo, e.ID); err != nil {
		return Edit{}, false, s.wrap(what, err)
	}
	if err := touch(q, mapID, time.Now().UTC()); err != nil {
		return Edit{}, false, s.wrap(what, err)
	}
	if err := q.Commit(); err != nil {
		return Edit{}, false, s.wrap(what, err)
	}
	return e, true, nil
}

// restoreImage makes the row look like img: written when img is set, deleted when it is nil.
func restoreImage(q querier, kind string, id int64, img json.RawMessage) error {
	if len(img) == 0 {
		return delRow(q, kind, id)
	}
	r, err := decodeRow(kind, img)
	if err != nil {
		return fmt.Errorf("history image of %s %d: %w", kind, id, err)
	}
	_, err = putRow(q, r)
	return err
}
