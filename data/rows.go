package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// row is one stored record: a map's own fields, a persona, a stage, a lane, a card, a link or
// a comment.
// Edits are recorded as before and after images of rows, so one mechanism undoes every kind.
type row interface {
	kind() string
	key() int64
	setKey(int64)
}

// mapRow is a map's own fields, without its stages, lanes, cards and links.
type mapRow struct {
	ID                    int64
	Title, Goal, Audience string
	Type                  MapType
	Owner                 string
	Status                Status
	Scale                 Scale
	Curve                 CurveMode
	PersonaID             int64
	Lang                  string `json:",omitempty"`
	NoteLines             int    `json:",omitempty"`
	Notes                 string `json:",omitempty"`
	Created, Updated      time.Time
}

func (r *mapRow) kind() string    { return "map" }
func (r *mapRow) key() int64      { return r.ID }
func (r *mapRow) setKey(id int64) { r.ID = id }
func (p *Persona) kind() string   { return "persona" }
func (p *Persona) key() int64     { return p.ID }
func (p *Persona) setKey(id int64) {
	p.ID = id
}
func (s *Stage) kind() string    { return "stage" }
func (s *Stage) key() int64      { return s.ID }
func (s *Stage) setKey(id int64) { s.ID = id }
func (l *Lane) kind() string     { return "lane" }
func (l *Lane) key() int64       { return l.ID }
func (l *Lane) setKey(id int64)  { l.ID = id }
func (c *Card) kind() string     { return "card" }
func (c *Card) key() int64       { return c.ID }
func (c *Card) setKey(id int64)  { c.ID = id }
func (l *Link) kind() string     { return "link" }
func (l *Link) key() int64       { return l.ID }
func (l *Link) setKey(id int64)  { l.ID = id }

func rowOf(m *Map) *mapRow {
	return &mapRow{ID: m.ID, Title: m.Title, Goal: m.Goal, Audience: m.Audience, Type: m.Type,
		Owner: m.Owner, Status: m.Status, Scale: m.Scale, Curve: m.Curve, PersonaID: m.PersonaID,
		Lang: m.Lang, NoteLines: m.NoteLines, Notes: m.Notes, Created: m.Created, Updated: m.Updated}
}

func (r *mapRow) into(m *Map) {
	m.ID, m.Title, m.Goal, m.Audience, m.Type = r.ID, r.Title, r.Goal, r.Audience, r.Type
	m.Owner, m.Status, m.Scale, m.Curve, m.PersonaID = r.Owner, r.Status, r.Scale, r.Curve, r.PersonaID
	m.Lang, m.NoteLines, m.Notes = r.Lang, r.NoteLines, r.Notes
	m.Created, m.Updated = r.Created, r.Updated
}

// newRow returns an empty row of the kind, for decoding a recorded image.
func newRow(kind string) (row, error) {
	switch kind {
	case "map":
		return &mapRow{}, nil
	case "persona":
		return &Persona{}, nil
	case "stage":
		return &Stage{}, nil
	case "lane":
		return &Lane{}, nil
	case "card":
		return &Card{}, nil
	case "link":
		return &Link{}, nil
	case "comment":
		return &Comment{}, nil
	}
	return nil, fmt.Errorf("unknown record kind %q", kind)
}

var tableOf = map[string]string{"map": "maps", "persona": "personas", "stage": "stages",
	"lane": "lanes", "card": "cards", "link": "links", "comment": "comments"}

const timeFormat = time.RFC3339Nano

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain values are marshalled here
	}
	return string(b)
}

// putRow inserts r, or updates the row with its id, and returns the id.
func putRow(q querier, r row) (int64, error) {
	var query string
	var args []any
	switch v := r.(type) {
	case *mapRow:
		query = `INSERT INTO maps(id,title,goal,audience,type,owner,status,scale_min,scale_max,scale_labels,curve,persona_id,lang,note_lines,notes,created,updated)
			VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
		labels := v.Scale.Labels
		if labels == nil {
			labels = []string{}
		}
		args = []any{nullID(v.ID), v.Title, v.Goal, v.Audience, v.Type, v.Owner, v.Status, v.Scale.Min, v.Scale.Max,
			jsonText(labels), v.Curve, nullID(v.PersonaID), v.Lang, v.NoteLines, v.Notes, v.Created.UTC().Format(timeFormat), v.Updated.UTC().Format(timeFormat)}
	case *Persona:
		// The photo is kept once in pictures; the row names it by hash. A row restored from
		// history has only the hash (its picture is kept while that history entry lives).
		if len(v.Photo) > 0 {
			hash := v.photoHash
			if hash == "" {
				hash = pictureHash(v.Photo)
			}
			var err error
			if v.photoHash, err = storeHashed(q, v.Photo, hash); err != nil {
				return 0, fmt.Errorf("write persona %d photo: %w", v.ID, err)
			}
		}
		var hash any
		if v.photoHash != "" {
			hash = v.photoHash
		}
		query = `INSERT INTO personas(id,name,summary,photo_hash,demographics,day_in_life,goals,challenges,excites,frustrates,channels,buying_triggers,problems_solved,info_needs)
			VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
		args = []any{nullID(v.ID), v.Name, v.Summary, hash, v.Demographics, v.DayInLife, v.Goals, v.Challenges,
			v.Excites, v.Frustrates, v.Channels, v.BuyingTriggers, v.ProblemsSolved, v.InfoNeeds}
	case *Stage:
		query = `INSERT INTO stages(id,map_id,position,name,colour,description,metrics) VALUES(?,?,?,?,?,?,?)`
		metrics := v.Metrics
		if metrics == nil {
			metrics = []Metric{}
		}
		args = []any{nullID(v.ID), v.MapID, v.Position, v.Name, v.Colour, v.Description, jsonText(metrics)}
	case *Lane:
		query = `INSERT INTO lanes(id,map_id,position,name,kind) VALUES(?,?,?,?,?)`
		args = []any{nullID(v.ID), v.MapID, v.Position, v.Name, v.Kind}
	case *Card:
		query = `INSERT INTO cards(id,map_id,stage_id,lane_id,position,title,notes,channel,presence,emotion,pain,opportunity,moment,evidence,tags,colour,metric)
			VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
		tags := v.Tags
		if tags == nil {
			tags = []string{}
		}
		var metric any
		if v.Metric != nil {
			metric = jsonText(v.Metric)
		}
		var emotion any
		if v.Emotion != nil {
			emotion = *v.Emotion
		}
		args = []any{nullID(v.ID), v.MapID, v.StageID, v.LaneID, v.Position, v.Title, v.Notes, v.Channel, v.Presence,
			emotion, v.Pain, v.Opportunity, v.MomentOfTruth, v.Evidence, jsonText(tags), v.Colour, metric}
	case *Link:
		query = `INSERT INTO links(id,map_id,from_id,to_id,label) VALUES(?,?,?,?,?)`
		args = []any{nullID(v.ID), v.MapID, v.FromID, v.ToID, v.Label}
	case *Comment:
		query = `INSERT INTO comments(id,map_id,target_kind,target_id,parent_id,author,text,created,resolved) VALUES(?,?,?,?,?,?,?,?,?)`
		args = []any{nullID(v.ID), v.MapID, v.TargetKind, v.TargetID, v.ParentID, v.Author, v.Text, v.Created.UTC().Format(timeFormat), v.Resolved}
	default:
		return 0, fmt.Errorf("cannot store %T", r)
	}
	if r.key() != 0 {
		// An existing id is updated in place (an UPSERT, so rows that refer to it stay valid).
		query += upsertTail(r.kind())
	}
	res, err := q.Exec(query, args...)
	if err != nil {
		return 0, fmt.Errorf("write %s %d: %w", r.kind(), r.key(), err)
	}
	if r.key() != 0 {
		return r.key(), nil
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", r.kind(), err)
	}
	r.setKey(id)
	return id, nil
}

var upsertCols = map[string][]string{
	"map": {"title", "goal", "audience", "type", "owner", "status", "scale_min", "scale_max", "scale_labels",
		"curve", "persona_id", "lang", "note_lines", "notes", "created", "updated"},
	"persona": {"name", "summary", "photo_hash", "demographics", "day_in_life", "goals", "challenges", "excites",
		"frustrates", "channels", "buying_triggers", "problems_solved", "info_needs"},
	"stage": {"map_id", "position", "name", "colour", "description", "metrics"},
	"lane":  {"map_id", "position", "name", "kind"},
	"card": {"map_id", "stage_id", "lane_id", "position", "title", "notes", "channel", "presence", "emotion",
		"pain", "opportunity", "moment", "evidence", "tags", "colour", "metric"},
	"link":    {"map_id", "from_id", "to_id", "label"},
	"comment": {"map_id", "target_kind", "target_id", "parent_id", "author", "text", "created", "resolved"},
}

var upsertTails = func() map[string]string {
	out := map[string]string{}
	for k, cols := range upsertCols {
		s := " ON CONFLICT(id) DO UPDATE SET "
		for i, c := range cols {
			if i > 0 {
				s += ","
			}
			s += c + "=excluded." + c
		}
		out[k] = s
	}
	return out
}()

func upsertTail(kind string) string { return upsertTails[kind] }

// delRow deletes one row by id.
func delRow(q querier, kind string, id int64) error {
	if _, err := q.Exec(`DELETE FROM `+tableOf[kind]+` WHERE id=?`, id); err != nil {
		return fmt.Errorf("delete %s %d: %w", kind, id, err)
	}
	return nil
}

const (
	mapCols = `id,title,goal,audience,type,owner,status,scale_min,scale_max,scale_labels,curve,coalesce(persona_id,0),lang,note_lines,notes,created,updated`
	// personaCols read with personaFrom: the photo's bytes come from pictures.
	personaCols = `p.id,p.name,p.summary,pic.bytes,p.demographics,p.day_in_life,p.goals,p.challenges,p.excites,p.frustrates,p.channels,p.buying_triggers,p.problems_solved,p.info_needs,coalesce(p.photo_hash,'')`
	personaFrom = ` FROM personas p LEFT JOIN pictures pic ON pic.hash=p.photo_hash`
	// personaImageCols read a persona for a history image: its photo by hash only.
	personaImageCols = `p.id,p.name,p.summary,NULL,p.demographics,p.day_in_life,p.goals,p.challenges,p.excites,p.frustrates,p.channels,p.buying_triggers,p.problems_solved,p.info_needs,coalesce(p.photo_hash,'')`
	stageCols        = `id,map_id,position,name,colour,description,metrics`
	laneCols         = `id,map_id,position,name,kind`
	cardCols         = `id,map_id,stage_id,lane_id,position,title,notes,channel,presence,emotion,pain,opportunity,moment,evidence,tags,colour,metric`
	linkCols         = `id,map_id,from_id,to_id,label`
)

type scanner interface{ Scan(dest ...any) error }

func scanMap(sc scanner) (*mapRow, error) {
	var r mapRow
	var labels, created, updated string
	if err := sc.Scan(&r.ID, &r.Title, &r.Goal, &r.Audience, &r.Type, &r.Owner, &r.Status, &r.Scale.Min,
		&r.Scale.Max, &labels, &r.Curve, &r.PersonaID, &r.Lang, &r.NoteLines, &r.Notes, &created, &updated); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(labels), &r.Scale.Labels); err != nil {
		return nil, fmt.Errorf("map %d scale labels: %w", r.ID, err)
	}
	if len(r.Scale.Labels) == 0 {
		r.Scale.Labels = nil
	}
	var err error
	if r.Created, err = time.Parse(timeFormat, created); err != nil {
		return nil, fmt.Errorf("map %d created: %w", r.ID, err)
	}
	if r.Updated, err = time.Parse(timeFormat, updated); err != nil {
		return nil, fmt.Errorf("map %d updated: %w", r.ID, err)
	}
	return &r, nil
}

func scanPersona(sc scanner) (*Persona, error) {
	var p Persona
	err := sc.Scan(&p.ID, &p.Name, &p.Summary, &p.Photo, &p.Demographics, &p.DayInLife, &p.Goals, &p.Challenges,
		&p.Excites, &p.Frustrates, &p.Channels, &p.BuyingTriggers, &p.ProblemsSolved, &p.InfoNeeds, &p.photoHash)
	return &p, err
}

func scanStage(sc scanner) (*Stage, error) {
	var s Stage
	var metrics string
	if err := sc.Scan(&s.ID, &s.MapID, &s.Position, &s.Name, &s.Colour, &s.Description, &metrics); err != nil {
		return nil, err
	}
	if metrics != "[]" && metrics != "" {
		if err := json.Unmarshal([]byte(metrics), &s.Metrics); err != nil {
			return nil, fmt.Errorf("stage %d metrics: %w", s.ID, err)
		}
	}
	return &s, nil
}

func scanLane(sc scanner) (*Lane, error) {
	var l Lane
	err := sc.Scan(&l.ID, &l.MapID, &l.Position, &l.Name, &l.Kind)
	return &l, err
}

func scanCard(sc scanner) (*Card, error) {
	var c Card
	var emotion sql.NullFloat64
	var tags string
	var metric sql.NullString
	if err := sc.Scan(&c.ID, &c.MapID, &c.StageID, &c.LaneID, &c.Position, &c.Title, &c.Notes, &c.Channel,
		&c.Presence, &emotion, &c.Pain, &c.Opportunity, &c.MomentOfTruth, &c.Evidence, &tags, &c.Colour, &metric); err != nil {
		return nil, err
	}
	if emotion.Valid {
		v := emotion.Float64
		c.Emotion = &v
	}
	if tags != "[]" && tags != "" {
		if err := json.Unmarshal([]byte(tags), &c.Tags); err != nil {
			return nil, fmt.Errorf("card %d tags: %w", c.ID, err)
		}
	}
	if metric.Valid {
		c.Metric = new(Metric)
		if err := json.Unmarshal([]byte(metric.String), c.Metric); err != nil {
			return nil, fmt.Errorf("card %d metric: %w", c.ID, err)
		}
	}
	return &c, nil
}

func scanLink(sc scanner) (*Link, error) {
	var l Link
	err := sc.Scan(&l.ID, &l.MapID, &l.FromID, &l.ToID, &l.Label)
	return &l, err
}

// getRow reads one row by kind and id; it returns nil, nil when there is none.
func getRow(q querier, kind string, id int64) (row, error) {
	var r row
	var err error
	switch kind {
	case "map":
		r, err = scanMap(q.QueryRow(`SELECT `+mapCols+` FROM maps WHERE id=?`, id))
	case "persona":
		r, err = scanPersona(q.QueryRow(`SELECT `+personaImageCols+` FROM personas p WHERE p.id=?`, id))
	case "stage":
		r, err = scanStage(q.QueryRow(`SELECT `+stageCols+` FROM stages WHERE id=?`, id))
	case "lane":
		r, err = scanLane(q.QueryRow(`SELECT `+laneCols+` FROM lanes WHERE id=?`, id))
	case "card":
		r, err = scanCard(q.QueryRow(`SELECT `+cardCols+` FROM cards WHERE id=?`, id))
	case "link":
		r, err = scanLink(q.QueryRow(`SELECT `+linkCols+` FROM links WHERE id=?`, id))
	case "comment":
		r, err = scanComment(q.QueryRow(`SELECT `+commentCols+` FROM comments WHERE id=?`, id))
	default:
		return nil, fmt.Errorf("unknown record kind %q", kind)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s %d: %w", kind, id, err)
	}
	return r, nil
}

// queryAll runs a query and scans every row with scan.
func queryAll[T any](q querier, scan func(scanner) (*T, error), query string, args ...any) ([]T, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *v)
	}
	return out, rows.Err()
}
