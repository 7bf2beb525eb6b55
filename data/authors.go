package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/user"
	"slices"
	"sort"
	"strings"
	"time"
)

// SetAuthor names who makes this store's edits and the window they come from. Every edit
// records both, and Undo and Redo take back only this author's edits (and those made before
// edits had authors).
func (s *Store) SetAuthor(name, window string) {
	s.author, s.window = name, window
	s.hereSaid.Store(0) // the next Here is announced: the others learn the new name at once
}

// AccountName is the name of the operating system account running the program, for the
// history when the user has not chosen one: its full name, else its login, else "".
func AccountName() string {
	a, err := user.Current()
	if err != nil {
		return ""
	}
	if n := strings.TrimSpace(a.Name); n != "" {
		return n
	}
	return a.Username
}

// Author is the name this store's edits are recorded under.
func (s *Store) Author() string { return s.author }

// ConflictError refuses an undo or redo that would overwrite what someone else changed later.
type ConflictError struct {
	Op     string // "undo" or "redo"
	Label  string // the edit's label ("Edit card")
	Author string // who changed the same thing afterwards
	Kind   string // what they changed: "card", "stage"…
}

func (e *ConflictError) Error() string {
	who := e.Author
	if who == "" {
		who = "someone else"
	}
	return fmt.Sprintf("%s %q: %s changed the same %s afterwards, and this would overwrite it", e.Op, e.Label, who, e.Kind)
}

// laterEdit is another author's edit made after the one being undone or redone.
type laterEdit struct {
	author  string
	changes []change
}

// othersAfter reads the edits of the scope that other authors made after entry id and did not
// undo.
func (s *Store) othersAfter(q querier, mapID, id int64) ([]laterEdit, error) {
	rows, err := q.Query(`SELECT author, changes FROM history WHERE map_id=? AND id>? AND undone=0 AND author<>? AND author<>''`,
		mapID, id, s.author)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []laterEdit
	for rows.Next() {
		var l laterEdit
		var raw []byte
		if err := rows.Scan(&l.author, &raw); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, &l.changes); err != nil {
			return nil, fmt.Errorf("a later history entry is damaged: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// takeBack makes a row that an edit changed from "from" to "to" look like "to" again (an undo
// passes the after and before images, a redo the before and after). When other authors
// changed the row afterwards, only the fields this edit changed are set, and only if they
// changed none of them; otherwise the step is refused with a ConflictError.
func (s *Store) takeBack(q querier, op, label string, c change, from, to json.RawMessage, others []laterEdit) error {
	var touched []laterEdit
	for _, l := range others {
		for _, lc := range l.changes {
			if lc.Kind == c.Kind && lc.ID == c.ID {
				touched = append(touched, laterEdit{author: l.author, changes: []change{lc}})
			}
		}
	}
	if len(touched) == 0 {
		if err := restoreImage(q, c.Kind, c.ID, to); err != nil {
			return s.wrap(op+" "+label, err)
		}
		return nil
	}
	refuse := func(who string) error { return &ConflictError{Op: op, Label: label, Author: who, Kind: c.Kind} }
	mine := fieldsChanged(from, to)
	if mine == nil || c.Kind == "persona" {
		return refuse(touched[0].author) // a row made or removed, or a persona: all of it is in play
	}
	for _, l := range touched {
		theirs := fieldsChanged(l.changes[0].Before, l.changes[0].After)
		if theirs == nil {
			return refuse(l.author) // they made or removed the row
		}
		for k := range mine {
			if theirs[k] {
				return refuse(l.author)
			}
		}
	}
	cur, err := getRow(q, c.Kind, c.ID)
	if err != nil {
		return s.wrap(op+" "+label, err)
	}
	if cur == nil {
		return refuse(touched[0].author)
	}
	var now, want map[string]json.RawMessage
	if err := json.Unmarshal(encodeRow(cur), &now); err != nil {
		return s.wrap(op+" "+label, err)
	}
	if err := json.Unmarshal(to, &want); err != nil {
		return fmt.Errorf("%s %q in %s: history image of %s %d: %w", op, label, s.path, c.Kind, c.ID, err)
	}
	for k := range mine {
		if v, ok := want[k]; ok {
			now[k] = v
		} else {
			delete(now, k)
		}
	}
	if err := restoreImage(q, c.Kind, c.ID, mustJSON(now)); err != nil {
		return s.wrap(op+" "+label, err)
	}
	return nil
}

// fieldsChanged names the fields of a row image that differ between two images; nil when one
// of them is absent (the row was made or removed).
func fieldsChanged(a, b json.RawMessage) map[string]bool {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	var ma, mb map[string]json.RawMessage
	if json.Unmarshal(a, &ma) != nil || json.Unmarshal(b, &mb) != nil {
		return nil
	}
	out := map[string]bool{}
	for k, v := range ma {
		if w, ok := mb[k]; !ok || !bytes.Equal(v, w) {
			out[k] = true
		}
	}
	for k := range mb {
		if _, ok := ma[k]; !ok {
			out[k] = true
		}
	}
	return out
}

// Overwrite is another author's edit that replaced what this store's author had written last
// in one field of a row: their typing was overwritten, and they should be told.
type Overwrite struct {
	Author string // who wrote over it
	Kind   string // "card", "stage", "lane", "map", "comment"…
	ID     int64
	Field  string // the row image's field name: "Title", "Notes"…
	Name   string // the row's title or name after the edit, to say which one
}

// Overwritten lists others' edits of map mapID made after history entry after that replaced a
// field whose previous write was this store's window's (see SetAuthor), and returns the newest entry id to pass next
// time. With after -1 it lists nothing and only returns that id (a window starting to watch).
func (s *Store) Overwritten(mapID, after int64) ([]Overwrite, int64, error) {
	s.life.RLock()
	defer s.life.RUnlock()
	if s.db == nil {
		return nil, after, fmt.Errorf("look for overwritten edits in %s: %w", s.path, ErrClosed)
	}
	var last int64
	if err := s.db.QueryRow(`SELECT coalesce(max(id),0) FROM history WHERE map_id=?`, mapID).Scan(&last); err != nil {
		return nil, after, s.wrap("look for overwritten edits in", err)
	}
	if after < 0 || last <= after || s.author == "" {
		return nil, last, nil
	}
	type entry struct {
		id             int64
		author, window string
		changes        []change
	}
	read := func(query string, args ...any) ([]entry, error) {
		rows, err := s.db.Query(query, args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []entry
		for rows.Next() {
			var e entry
			var raw []byte
			if err := rows.Scan(&e.id, &e.author, &e.window, &raw); err != nil {
				return nil, err
			}
			if json.Unmarshal(raw, &e.changes) == nil {
				out = append(out, e)
			}
		}
		return out, rows.Err()
	}
	// The new entries, and enough of the earlier ones to find who wrote each field before.
	newer, err := read(`SELECT id,author,window,changes FROM history WHERE map_id=? AND id>? AND undone=0 ORDER BY id`, mapID, after)
	if err != nil {
		return nil, after, s.wrap("look for overwritten edits in", err)
	}
	older, err := read(`SELECT id,author,window,changes FROM history WHERE map_id=? AND id<=? AND undone=0 ORDER BY id DESC LIMIT 200`, mapID, after)
	if err != nil {
		return nil, after, s.wrap("look for overwritten edits in", err)
	}
	slices.Reverse(older)
	all := append(older, newer...)
	type field struct {
		kind string
		id   int64
		name string
	}
	// Which window wrote each field last, so far: only what was written in this window (this
	// run of the program) counts as the user's typing; their edits of an earlier day, written
	// over since, are not news.
	writer := map[field]string{}
	var out []Overwrite
	for _, e := range all {
		for _, c := range e.changes {
			for k := range fieldsChanged(c.Before, c.After) {
				if k == "Position" || k == "Updated" {
					continue // moving other cards renumbers: not anyone's writing
				}
				f := field{c.Kind, c.ID, k}
				if e.id > after && e.author != s.author && e.author != "" && writer[f] == s.window && s.window != "" {
					out = append(out, Overwrite{Author: e.author, Kind: c.Kind, ID: c.ID, Field: k, Name: rowName(c.After)})
				}
				writer[f] = e.window
			}
		}
	}
	return out, last, nil
}

// rowName is the title or name in a row image, to say which row an edit touched.
func rowName(img json.RawMessage) string {
	var r struct{ Title, Name, Text string }
	json.Unmarshal(img, &r)
	switch {
	case r.Title != "":
		return r.Title
	case r.Name != "":
		return r.Name
	}
	return r.Text
}

// Entry is one edit in a map's history, for showing it: what, by whom, from which window and
// when, and whether it is undone (a redo would bring it back).
type Entry struct {
	ID     int64
	Label  string
	Author string
	Window string
	At     time.Time
	Undone bool
	Name   string   // the title or name of the card, stage, lane or map it changed first
	Kind   string   // … what that is ("card", "stage", "lane", "map"…)
	Thing  int64    // … and its id
	Fields []string // the fields it changed in it ("Title", "Notes"…), for an edit of fields
}

// whatChanged names what an edit's changes touched first: the row's title or name, and the
// fields it changed there (none when it made or removed the row).
func whatChanged(changes []change) (name, kind string, id int64, fields []string) {
	for _, c := range changes {
		img := c.After
		if len(img) == 0 || string(img) == "null" {
			img = c.Before
		}
		name := rowName(img)
		if name == "" {
			continue
		}
		if len(c.Before) > 0 && len(c.After) > 0 && string(c.Before) != "null" && string(c.After) != "null" {
			for k := range fieldsChanged(c.Before, c.After) {
				if k != "Position" && k != "Updated" {
					fields = append(fields, k)
				}
			}
			sort.Strings(fields)
		}
		return name, c.Kind, c.ID, fields
	}
	return "", "", 0, nil
}

// History lists the newest edits of map mapID (0: workspace-wide edits), newest first, at
// most limit of them.
func (s *Store) History(mapID int64, limit int) ([]Entry, error) {
	rows, err := s.db.Query(`SELECT id,label,author,window,at,undone,changes FROM history WHERE map_id=? ORDER BY id DESC LIMIT ?`, mapID, limit)
	if err != nil {
		return nil, s.wrap("read the history in", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var at string
		var raw []byte
		if err := rows.Scan(&e.ID, &e.Label, &e.Author, &e.Window, &at, &e.Undone, &raw); err != nil {
			return nil, s.wrap("read the history in", err)
		}
		e.At, _ = parseTime(at)
		var changes []change
		if json.Unmarshal(raw, &changes) == nil {
			e.Name, e.Kind, e.Thing, e.Fields = whatChanged(changes)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("read the history in", err)
	}
	return out, nil
}

// EditCard changes some fields of a card as it is in the file now: change gets the card just
// read, in the edit's own transaction, and sets only what the user changed. Two people editing
// different fields of one card at once thus both keep theirs; on the same field the last
// write wins (and Overwritten tells the other).
func (s *Store) EditCard(mapID, id int64, change func(c *Card)) error {
	return s.edit(mapID, "Edit card", func(t *tx) error {
		old, err := getRow(t.q, "card", id)
		if err != nil {
			return err
		}
		o, _ := old.(*Card)
		if o == nil || o.MapID != mapID {
			return fmt.Errorf("card %d: %w", id, ErrNotFound)
		}
		c := *o
		c.Tags = append([]string(nil), o.Tags...)
		if o.Metric != nil {
			m := *o.Metric
			c.Metric = &m
		}
		change(&c)
		c.ID, c.MapID, c.StageID, c.LaneID, c.Position = o.ID, o.MapID, o.StageID, o.LaneID, o.Position
		sc, err := t.mapScale(mapID)
		if err != nil {
			return err
		}
		if err := cleanCard(&c, sc); err != nil {
			return err
		}
		return t.putOver(o, &c)
	})
}
