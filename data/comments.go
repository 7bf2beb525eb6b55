package data

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// What a comment thread is on.
const (
	OnMap   = "map"
	OnStage = "stage"
	OnCard  = "card"
)

// Comment is one comment of a thread on a map, a stage or a card. A thread's first comment
// has no parent and holds whether the thread is resolved; its replies name it as ParentID.
type Comment struct {
	ID         int64
	MapID      int64
	TargetKind string // OnMap, OnStage or OnCard
	TargetID   int64  // the map's, stage's or card's id
	ParentID   int64  // 0 for a thread's first comment
	Author     string
	Text       string
	Created    time.Time
	Resolved   bool // on a thread's first comment only
}

func (c *Comment) kind() string    { return "comment" }
func (c *Comment) key() int64      { return c.ID }
func (c *Comment) setKey(id int64) { c.ID = id }

// Thread is a comment and its replies, oldest first.
type Thread struct {
	Comment
	Replies []Comment
}

// Open reports whether the thread is not resolved.
func (t *Thread) Open() bool { return !t.Resolved }

// Count is the number of comments in the thread, its first one included.
func (t *Thread) Count() int { return 1 + len(t.Replies) }

const commentCols = `id,map_id,target_kind,target_id,parent_id,author,text,created,resolved`

func scanComment(sc scanner) (*Comment, error) {
	var c Comment
	var created string
	if err := sc.Scan(&c.ID, &c.MapID, &c.TargetKind, &c.TargetID, &c.ParentID, &c.Author, &c.Text, &created, &c.Resolved); err != nil {
		return nil, err
	}
	var err error
	if c.Created, err = time.Parse(timeFormat, created); err != nil {
		return nil, fmt.Errorf("comment %d created: %w", c.ID, err)
	}
	return &c, nil
}

// Threads are the map's comment threads on things it has, oldest first, each with its
// replies. Threads on a stage or card that is gone (deleted; an undo brings both back) are
// left out.
func (m *Map) Threads() []Thread {
	var out []Thread
	at := map[int64]int{}
	for _, c := range m.Comments {
		if c.ParentID == 0 && m.HasTarget(c.TargetKind, c.TargetID) {
			at[c.ID] = len(out)
			out = append(out, Thread{Comment: c})
		}
	}
	for _, c := range m.Comments {
		if i, ok := at[c.ParentID]; ok && c.ParentID != 0 {
			out[i].Replies = append(out[i].Replies, c)
		}
	}
	return out
}

// ThreadsOn are the threads on one thing of the map (kind OnMap, OnStage or OnCard).
func (m *Map) ThreadsOn(kind string, id int64) []Thread {
	var out []Thread
	for _, t := range m.Threads() {
		if t.TargetKind == kind && t.TargetID == id {
			out = append(out, t)
		}
	}
	return out
}

// OpenComments counts, for each card, the comments in its open threads: the number its face
// shows on a badge.
func (m *Map) OpenComments() map[int64]int {
	out := map[int64]int{}
	for _, t := range m.Threads() {
		if t.TargetKind == OnCard && t.Open() {
			out[t.TargetID] += t.Count()
		}
	}
	return out
}

// Comment is the map's comment id (a thread's first comment or a reply), or nil.
func (m *Map) Comment(id int64) *Comment {
	for i := range m.Comments {
		if m.Comments[i].ID == id {
			return &m.Comments[i]
		}
	}
	return nil
}

// HasTarget reports whether the map has the thing a comment is on: itself, a stage or a card.
func (m *Map) HasTarget(kind string, id int64) bool {
	switch kind {
	case OnMap:
		return id == m.ID
	case OnStage:
		return m.Stage(id) != nil
	case OnCard:
		for i := range m.Cards {
			if m.Cards[i].ID == id {
				return true
			}
		}
	}
	return false
}

func cleanComment(c *Comment) error {
	var cl cleaner
	c.Text = strings.TrimSpace(c.Text)
	cl.text("comment", &c.Text, true)
	cl.required("comment", c.Text)
	cl.text("comment author", &c.Author, false)
	oneOf(&cl, "comment target", c.TargetKind, OnMap, OnStage, OnCard)
	return cl.err
}

// commentsOn reads the comments on things of one kind, for deleting them with those things.
func commentsOn(q querier, kind string, id int64) ([]Comment, error) {
	return queryAll(q, scanComment, `SELECT `+commentCols+` FROM comments WHERE target_kind=? AND target_id=? ORDER BY id`, kind, id)
}

// delComments deletes the comments on a thing, recording each, so that undoing the thing's
// deletion brings its threads back.
func (t *tx) delComments(kind string, id int64) error {
	cs, err := commentsOn(t.q, kind, id)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if err := t.del("comment", c.ID); err != nil {
			return err
		}
	}
	return nil
}

// targetExists reports whether the map has the thing a comment is on.
func (t *tx) targetExists(mapID int64, kind string, id int64) (bool, error) {
	var n int
	var err error
	switch kind {
	case OnMap:
		return id == mapID, nil
	case OnStage:
		err = t.q.QueryRow(`SELECT count(*) FROM stages WHERE id=? AND map_id=?`, id, mapID).Scan(&n)
	case OnCard:
		err = t.q.QueryRow(`SELECT count(*) FROM cards WHERE id=? AND map_id=?`, id, mapID).Scan(&n)
	}
	return n > 0, err
}

// AddComment starts a thread (ParentID 0) or replies to one, as this store's author and now,
// and returns the new comment's id. The comment must be on the map, a stage or a card of the
// map; a reply goes to the thread's first comment, on the same thing.
func (s *Store) AddComment(c Comment) (int64, error) {
	label := "Comment"
	if c.ParentID != 0 {
		label = "Reply"
	}
	err := s.edit(c.MapID, label, func(t *tx) error {
		c.ID, c.Author, c.Created, c.Resolved = 0, s.author, t.now, false
		if c.ParentID != 0 {
			r, err := getRow(t.q, "comment", c.ParentID)
			if err != nil {
				return err
			}
			p, _ := r.(*Comment)
			if p == nil || p.MapID != c.MapID {
				return fmt.Errorf("reply to comment %d in map %d: %w", c.ParentID, c.MapID, ErrNotFound)
			}
			if p.ParentID != 0 {
				c.ParentID = p.ParentID // a reply to a reply joins the thread
				if r, err = getRow(t.q, "comment", p.ParentID); err != nil {
					return err
				}
				if p, _ = r.(*Comment); p == nil {
					return fmt.Errorf("reply to comment %d in map %d: %w", c.ParentID, c.MapID, ErrNotFound)
				}
			}
			c.TargetKind, c.TargetID = p.TargetKind, p.TargetID
			if p.Resolved { // a reply reopens a resolved thread
				p.Resolved = false
				if err := t.put(p); err != nil {
					return err
				}
			}
		}
		if err := cleanComment(&c); err != nil {
			return err
		}
		ok, err := t.targetExists(c.MapID, c.TargetKind, c.TargetID)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("comment on %s %d in map %d: %w", c.TargetKind, c.TargetID, c.MapID, ErrNotFound)
		}
		return t.put(&c)
	})
	return c.ID, err
}

// comment reads a comment of map mapID for an edit of it.
func (t *tx) comment(mapID, id int64) (*Comment, error) {
	r, err := getRow(t.q, "comment", id)
	if err != nil {
		return nil, err
	}
	c, _ := r.(*Comment)
	if c == nil || c.MapID != mapID {
		return nil, fmt.Errorf("comment %d in map %d: %w", id, mapID, ErrNotFound)
	}
	return c, nil
}

// thread reads a thread's first comment for an edit of the map.
func (t *tx) thread(mapID, id int64) (*Comment, error) {
	c, err := t.comment(mapID, id)
	if err != nil {
		return nil, err
	}
	if c.ParentID != 0 {
		return t.thread(mapID, c.ParentID)
	}
	return c, nil
}

// ResolveThread resolves (or, with resolved false, reopens) the thread holding comment id.
func (s *Store) ResolveThread(mapID, id int64, resolved bool) error {
	label := "Resolve comment"
	if !resolved {
		label = "Reopen comment"
	}
	return s.edit(mapID, label, func(t *tx) error {
		c, err := t.thread(mapID, id)
		if err != nil {
			return err
		}
		c.Resolved = resolved
		return t.put(c)
	})
}

// EditComment changes a comment's text.
func (s *Store) EditComment(mapID, id int64, text string) error {
	return s.edit(mapID, "Edit comment", func(t *tx) error {
		c, err := t.comment(mapID, id)
		if err != nil {
			return err
		}
		c.Text = text
		if err := cleanComment(c); err != nil {
			return err
		}
		return t.put(c)
	})
}

// DeleteComment deletes a comment; deleting a thread's first comment deletes the thread.
func (s *Store) DeleteComment(mapID, id int64) error {
	return s.edit(mapID, "Delete comment", func(t *tx) error {
		c, err := t.comment(mapID, id)
		if err != nil {
			return err
		}
		if c.ParentID == 0 {
			replies, err := queryAll(t.q, scanComment, `SELECT `+commentCols+` FROM comments WHERE parent_id=? ORDER BY id`, id)
			if err != nil {
				return err
			}
			for _, r := range replies {
				if err := t.del("comment", r.ID); err != nil {
					return err
				}
			}
		}
		return t.del("comment", id)
	})
}

// copyComments writes a map's comments into a new map, their targets and threads renamed to
// the new ids (an import or a duplicate). Comments on things the map does not have are left
// out, as the map never shows them.
func (t *tx) copyComments(src []Comment, mapID int64, stageIDs, cardIDs map[int64]int64, oldMap int64) error {
	sorted := append([]Comment(nil), src...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].ParentID == 0 && sorted[j].ParentID != 0 })
	ids := map[int64]int64{}
	for i, c := range sorted {
		old := c.ID
		switch c.TargetKind {
		case OnMap:
			if c.TargetID != oldMap && c.TargetID != 0 {
				continue
			}
			c.TargetID = mapID
		case OnStage:
			id, ok := stageIDs[c.TargetID]
			if !ok {
				continue
			}
			c.TargetID = id
		case OnCard:
			id, ok := cardIDs[c.TargetID]
			if !ok {
				continue
			}
			c.TargetID = id
		}
		if c.ParentID != 0 {
			p, ok := ids[c.ParentID]
			if !ok {
				continue
			}
			c.ParentID, c.Resolved = p, false
		}
		c.ID, c.MapID = 0, mapID
		if c.Created.IsZero() {
			c.Created = t.now
		}
		if err := cleanComment(&c); err != nil {
			return fmt.Errorf("comment %d: %w", i+1, err)
		}
		if err := t.put(&c); err != nil {
			return err
		}
		ids[old] = c.ID
	}
	if t.ids != nil {
		t.ids["comment"] = ids
	}
	return nil
}
