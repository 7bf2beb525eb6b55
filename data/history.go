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
	scope   int64           // set by an edit that creates its own scope (a new map)
	pics    map[string]bool // the pictures the recorded images name
	ids     newIDs          // when set, insertMap tells here the new id of each row it wrote
	// subject is the row an edit is about when it changes others too (a card moved, and its
	// neighbours renumbered): its change is recorded first, so the history names it.
	subject struct {
		kind string
		id   int64
	}
}

// about names the row the edit is about (see subject).
func (t *tx) about(kind string, id int64) { t.subject.kind, t.subject.id = kind, id }

// subjectFirst puts the change of the edit's subject first, the others in their order.
func (t *tx) subjectFirst() {
	for i, c := range t.changes {
		if c.Kind == t.subject.kind && c.ID == t.subject.id {
			if i > 0 {
				first := t.changes[i]
				copy(t.changes[1:i+1], t.changes[:i])
				t.changes[0] = first
			}
			return
		}
	}
}

// notePicture remembers that a recorded image names the persona's picture.
func (t *tx) notePicture(r row) {
	if p, ok := r.(*Persona); ok && p.photoHash != "" {
		if t.pics == nil {
			t.pics = map[string]bool{}
		}
		t.pics[p.photoHash] = true
	}
}

// put writes r (inserting it when its id is 0) and records the change.
func (t *tx) put(r row) error {
	var old row
	if r.key() != 0 {
		var err error
		if old, err = getRow(t.q, r.kind(), r.key()); err != nil {
			return err
		}
	}
	return t.putOver(old, r)
}

// putOver is put for a row whose image in the database, old (nil for none), the caller has
// just read in this transaction: one round trip fewer.
func (t *tx) putOver(old, r row) error {
	var before json.RawMessage
	if old != nil {
		before = encodeRow(old)
		defer t.notePicture(old)
	}
	if _, err := putRow(t.q, r); err != nil {
		return err
	}
	after := encodeRow(r)
	if string(before) == string(after) {
		return nil // nothing changed: nothing to record
	}
	t.notePicture(r)
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
	t.notePicture(old)
	t.changes = append(t.changes, change{Kind: kind, ID: id, Before: encodeRow(old)})
	return nil
}

// personaImage carries a persona's id, which Persona's own JSON form leaves out, and names its
// photo by hash (the picture is kept once, in pictures). Images recorded before format 5 carry
// the photo itself in P; they are rewritten by the migration, and still read.
type personaImage struct {
	ID  int64    `json:"id"`
	P   *Persona `json:"p"`
	Pic string   `json:"pic,omitempty"`
}

// encodeRow is the recorded image of a row: its JSON with its id.
func encodeRow(r row) json.RawMessage {
	if p, ok := r.(*Persona); ok {
		img := *p
		hash := p.photoHash
		if hash == "" && len(p.Photo) > 0 {
			hash = pictureHash(p.Photo)
		}
		img.Photo = nil
		return mustJSON(personaImage{ID: p.ID, P: &img, Pic: hash})
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
		if len(pi.P.Photo) == 0 {
			pi.P.photoHash = pi.Pic
		}
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
		return fmt.Errorf("%s: %s is %w%s: the change was not saved", label, s.path, ErrReadOnly, s.why())
	}
	start := time.Now()
	q, err := s.db.Begin()
	if err != nil {
		return s.wrapSince(label, err, start)
	}
	defer q.Rollback()
	t := &tx{q: q, now: time.Now().UTC()}
	if err := fn(t); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) || errors.Is(err, ErrNotFound) {
			return err
		}
		return s.wrapSince(label, err, start)
	}
	if len(t.changes) == 0 {
		return nil // a no-op edit leaves no history entry
	}
	t.subjectFirst()
	created := t.scope != 0
	if created {
		mapID = t.scope
	}
	dropped, err := q.Exec(`DELETE FROM history WHERE map_id=? AND undone=1 AND (author=? OR author='')`, mapID, s.author)
	if err != nil {
		return s.wrapSince(label, err, start)
	}
	merged, err := s.mergeGroup(q, mapID, t.changes)
	if err != nil {
		return s.wrapSince(label, err, start)
	}
	hid := s.group.lastEntry // the entry merged into (0 when the merge left nothing)
	if !merged {
		res, err := q.Exec(`INSERT INTO history(map_id,label,changes,at,author,window) VALUES(?,?,?,?,?,?)`,
			mapID, label, mustJSON(t.changes), t.now.Format(timeFormat), s.author, s.window)
		if err != nil {
			return s.wrapSince(label, err, start)
		}
		if hid, err = res.LastInsertId(); err != nil {
			return s.wrapSince(label, err, start)
		}
	}
	if hid != 0 {
		for h := range t.pics {
			if _, err := q.Exec(`INSERT OR IGNORE INTO history_pictures(history_id,hash) VALUES(?,?)`, hid, h); err != nil {
				return s.wrapSince(label, err, start)
			}
		}
	}
	pruned := false
	if !merged {
		if pruned, err = s.pruneHistory(q, mapID, hid, t.now); err != nil {
			return s.wrapSince(label, err, start)
		}
	}
	if n, _ := dropped.RowsAffected(); n > 0 || pruned || merged {
		if err := dropUnusedPictures(q); err != nil {
			return s.wrapSince(label, err, start)
		}
	}
	if !created { // a new map keeps the times it came with (an import is lossless)
		if err := touch(q, mapID, t.now); err != nil {
			return s.wrapSince(label, err, start)
		}
	}
	if err := bumpRevision(q); err != nil {
		return s.wrapSince(label, err, start)
	}
	if err := q.Commit(); err != nil {
		return s.wrapSince(label, err, start)
	}
	if !merged {
		s.noteEntry(mapID, hid)
	}
	return nil
}

// why is the reason a read-only workspace cannot be written, for messages, or "".
func (s *Store) why() string {
	if s.roReason == "" {
		return ""
	}
	return " (" + s.roReason + ")"
}

// touch sets a map's updated time; it is not itself recorded.
func touch(q querier, mapID int64, now time.Time) error {
	if mapID == 0 {
		return nil
	}
	// Written out, not bound, so that it can travel with the COMMIT: the time is ours, in
	// timeFormat (digits and separators only), and the id a number.
	return execAtCommit(q, fmt.Sprintf(`UPDATE maps SET updated='%s' WHERE id=%d`, now.Format(timeFormat), mapID))
}

// Undo reverts the latest edit in the scope of mapID (0: workspace-wide edits such as
// personas). ok is false when there is nothing to undo; when that is because the oldest edits
// were dropped (history is bounded, see OpenOptions), e.Label says so, ready to show.
func (s *Store) Undo(mapID int64) (e Edit, ok bool, err error) {
	return s.step(mapID, true)
}

// Redo applies again the edit most recently undone in the scope of mapID.
func (s *Store) Redo(mapID int64) (e Edit, ok bool, err error) {
	return s.step(mapID, false)
}

// UndoEnd says, when there is nothing left to undo in the scope of mapID because its oldest
// edits were dropped (history is bounded, see OpenOptions), that this is the end, ready to show;
// it is "" otherwise. Undo returns the same text in Edit.Label when it has nothing to undo.
func (s *Store) UndoEnd(mapID int64) string {
	if s.UndoLabel(mapID) != "" {
		return ""
	}
	return s.undoEnd(s.db, mapID)
}

// UndoLabel and RedoLabel name what Undo and Redo would do next ("" when nothing).
func (s *Store) UndoLabel(mapID int64) string { return s.peek(mapID, true) }

// RedoLabel names the edit Redo would apply next, or "".
func (s *Store) RedoLabel(mapID int64) string { return s.peek(mapID, false) }

const (
	// An entry is one's own when its author is, or when it has none (made before authors).
	undoPick = `SELECT id,label,changes FROM history WHERE map_id=? AND undone=0 AND (author=? OR author='') ORDER BY id DESC LIMIT 1`
	redoPick = `SELECT id,label,changes FROM history WHERE map_id=? AND undone=1 AND (author=? OR author='') ORDER BY id ASC LIMIT 1`
)

func (s *Store) peek(mapID int64, undo bool) string {
	q := redoPick
	if undo {
		q = undoPick
	}
	var id int64
	var label string
	var raw []byte
	if err := s.db.QueryRow(q, mapID, s.author).Scan(&id, &label, &raw); err != nil {
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
	start := time.Now()
	q, err := s.db.Begin()
	if err != nil {
		return Edit{}, false, s.wrapSince(what, err, start)
	}
	defer q.Rollback()
	e := Edit{MapID: mapID}
	var raw []byte
	err = q.QueryRow(pick, mapID, s.author).Scan(&e.ID, &e.Label, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		if undo {
			return Edit{MapID: mapID, Label: s.undoEnd(q, mapID)}, false, nil
		}
		return Edit{}, false, nil
	}
	if err != nil {
		return Edit{}, false, s.wrapSince(what, err, start)
	}
	var changes []change
	if err := json.Unmarshal(raw, &changes); err != nil {
		return Edit{}, false, fmt.Errorf("%s %q in %s: history entry %d is damaged: %w", what, e.Label, s.path, e.ID, err)
	}
	others, err := s.othersAfter(q, mapID, e.ID)
	if err != nil {
		return Edit{}, false, s.wrapSince(what, err, start)
	}
	if undo {
		for i := len(changes) - 1; i >= 0; i-- {
			c := changes[i]
			if err := s.takeBack(q, what, e.Label, c, c.After, c.Before, others); err != nil {
				return Edit{}, false, err
			}
		}
	} else {
		for _, c := range changes {
			if err := s.takeBack(q, what, e.Label, c, c.Before, c.After, others); err != nil {
				return Edit{}, false, err
			}
		}
	}
	if _, err := q.Exec(`UPDATE history SET undone=? WHERE id=?`, undo, e.ID); err != nil {
		return Edit{}, false, s.wrapSince(what, err, start)
	}
	if err := touch(q, mapID, time.Now().UTC()); err != nil {
		return Edit{}, false, s.wrapSince(what, err, start)
	}
	if err := bumpRevision(q); err != nil {
		return Edit{}, false, s.wrapSince(what, err, start)
	}
	if err := q.Commit(); err != nil {
		return Edit{}, false, s.wrapSince(what, err, start)
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

// Default bounds of the undo history, per map (and for workspace-wide edits): the oldest
// entries are dropped first once a scope holds more than DefaultHistoryEdits, or once they are
// older than DefaultHistoryAge.
const (
	DefaultHistoryEdits = 1000
	DefaultHistoryAge   = 90 * 24 * time.Hour
)

// trimmedKey is the setting that records that a scope's history has lost its oldest entries.
func trimmedKey(mapID int64) string { return fmt.Sprintf("history-trimmed:%d", mapID) }

// pruneHistory drops the oldest entries of a scope beyond the count and age bounds, never the
// entry just recorded (newest), and notes it so that Undo can say it reached the end.
func (s *Store) pruneHistory(q querier, mapID, newest int64, now time.Time) (bool, error) {
	// Beyond the count bound, or older than the age bound: one statement, one round trip.
	res, err := q.Exec(`DELETE FROM history WHERE map_id=? AND undone=0 AND id < ? AND (at < ? OR
			id <= (SELECT id FROM history WHERE map_id=? AND undone=0 ORDER BY id DESC LIMIT 1 OFFSET ?))`,
		mapID, newest, now.Add(-s.histAge).Format(timeFormat), mapID, s.histEdits)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, err
	}
	if n == 0 {
		return false, nil
	}
	_, err = q.Exec(`INSERT INTO settings(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value`,
		trimmedKey(mapID), now.Format(timeFormat))
	return true, err
}

// pruneAged drops, in every scope, the history entries older than the age bound: also those of
// maps that are no longer edited (a deleted map's history waits for its undo), which pruning at
// each edit never reaches. Close runs it; a failure (another program busy) just waits for the
// next Close.
func (s *Store) pruneAged(now time.Time) {
	cutoff := now.Add(-s.histAge).Format(timeFormat)
	q, err := s.db.Begin()
	if err != nil {
		return
	}
	defer q.Rollback()
	var scopes []int64
	rows, err := q.Query(`SELECT DISTINCT map_id FROM history WHERE at < ? AND undone=0`, cutoff)
	if err != nil {
		return
	}
	for rows.Next() {
		var id int64
		if rows.Scan(&id) == nil {
			scopes = append(scopes, id)
		}
	}
	rows.Close()
	if len(scopes) == 0 {
		return
	}
	if _, err := q.Exec(`DELETE FROM history WHERE at < ? AND undone=0`, cutoff); err != nil {
		return
	}
	for _, id := range scopes {
		if _, err := q.Exec(`INSERT INTO settings(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value`,
			trimmedKey(id), now.Format(timeFormat)); err != nil {
			return
		}
	}
	if dropUnusedPictures(q) != nil {
		return
	}
	q.Commit()
}

// undoEnd is what Undo says when a scope has nothing left to undo: "" when nothing was ever
// dropped, else that the oldest edits were.
func (s *Store) undoEnd(q querier, mapID int64) string {
	var at string
	if err := q.QueryRow(`SELECT value FROM settings WHERE key=?`, trimmedKey(mapID)).Scan(&at); err != nil {
		return ""
	}
	return fmt.Sprintf("Nothing older to undo: history keeps the last %d edits, for %d days", s.histEdits, int(s.histAge.Hours()/24))
}
