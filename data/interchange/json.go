package interchange

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"journeycanvas/data"
)

// The native format's marker and the newest version this package reads and writes.
const (
	FormatName    = "journeycanvas-map"
	FormatVersion = 1
)

// The native JSON form of a map. Database ids are not written: stages, lanes and cards carry
// refs ("s1", "l1", "c1"…, numbered in reading order) that cards and links use instead.
// Positions are the order of the arrays. Empty optional fields are left out.
type fileMap struct {
	Format    string         `json:"format"`
	Version   int            `json:"version"`
	Title     string         `json:"title"`
	Goal      string         `json:"goal,omitempty"`
	Audience  string         `json:"audience,omitempty"`
	Type      data.MapType   `json:"type"`
	Owner     string         `json:"owner,omitempty"`
	Status    data.Status    `json:"status"`
	Scale     fileScale      `json:"scale"`
	Curve     data.CurveMode `json:"curve"`
	Lang      string         `json:"lang,omitempty"`
	NoteLines int            `json:"noteLines,omitempty"`
	Notes     string         `json:"notes,omitempty"`
	Created   string         `json:"created,omitempty"`
	Updated   string         `json:"updated,omitempty"`
	Persona   *data.Persona  `json:"persona,omitempty"`
	Stages    []fileStage    `json:"stages"`
	Lanes     []fileLane     `json:"lanes"`
	Cards     []fileCard     `json:"cards"`
	Links     []fileLink     `json:"links"`
	Comments  []fileComment  `json:"comments,omitempty"`
}

// fileComment is a comment thread, on the map ("map") or on a stage's or card's ref.
type fileComment struct {
	On       string      `json:"on"`
	Author   string      `json:"author,omitempty"`
	Text     string      `json:"text"`
	Created  string      `json:"created,omitempty"`
	Resolved bool        `json:"resolved,omitempty"`
	Replies  []fileReply `json:"replies,omitempty"`
}

type fileReply struct {
	Author  string `json:"author,omitempty"`
	Text    string `json:"text"`
	Created string `json:"created,omitempty"`
}

type fileScale struct {
	Min    int      `json:"min"`
	Max    int      `json:"max"`
	Labels []string `json:"labels,omitempty"`
}

type fileStage struct {
	Ref         string        `json:"ref"`
	Name        string        `json:"name"`
	Colour      string        `json:"colour,omitempty"`
	Description string        `json:"description,omitempty"`
	Metrics     []data.Metric `json:"metrics,omitempty"`
}

type fileLane struct {
	Ref  string        `json:"ref"`
	Name string        `json:"name"`
	Kind data.LaneKind `json:"kind"`
}

type fileCard struct {
	Ref           string        `json:"ref"`
	Stage         string        `json:"stage"`
	Lane          string        `json:"lane"`
	Title         string        `json:"title"`
	Notes         string        `json:"notes,omitempty"`
	Channel       string        `json:"channel,omitempty"`
	Presence      data.Presence `json:"presence,omitempty"`
	Emotion       *float64      `json:"emotion,omitempty"`
	Pain          bool          `json:"pain,omitempty"`
	Opportunity   bool          `json:"opportunity,omitempty"`
	MomentOfTruth bool          `json:"momentOfTruth,omitempty"`
	Evidence      data.Evidence `json:"evidence,omitempty"`
	Tags          []string      `json:"tags,omitempty"`
	Colour        string        `json:"colour,omitempty"`
	Metric        *data.Metric  `json:"metric,omitempty"`
}

type fileLink struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Label string `json:"label,omitempty"`
}

// Member names of each object of the native format, in the order WriteJSON writes them.
var (
	mapFields     = []string{"format", "version", "title", "goal", "audience", "type", "owner", "status", "scale", "curve", "lang", "noteLines", "notes", "created", "updated", "persona", "stages", "lanes", "cards", "links", "comments"}
	commentFields = []string{"on", "author", "text", "created", "resolved", "replies"}
	replyFields   = []string{"author", "text", "created"}
	scaleFields   = []string{"min", "max", "labels"}
	personaFields = []string{"name", "summary", "photo", "demographics", "dayInLife", "goals", "challenges", "excites", "frustrates", "channels", "buyingTriggers", "problemsSolved", "infoNeeds"}
	stageFields   = []string{"ref", "name", "colour", "description", "metrics"}
	laneFields    = []string{"ref", "name", "kind"}
	cardFields    = []string{"ref", "stage", "lane", "title", "notes", "channel", "presence", "emotion", "pain", "opportunity", "momentOfTruth", "evidence", "tags", "colour", "metric"}
	metricFields  = []string{"name", "value", "target", "unit", "upIsGood"}
	linkFields    = []string{"from", "to", "label"}
)

// WriteJSON writes m in the native format: one JSON object, indented by two spaces, the same
// bytes for the same map. It looks like this (empty optional fields are left out):
//
//	{
//	  "format": "journeycanvas-map",
//	  "version": 1,
//	  "title": "…", "goal": "…", "audience": "…", "type": "current", "owner": "…",
//	  "status": "draft", "scale": {"min": -2, "max": 2, "labels": ["…", …]}, "curve": "cards",
//	  "lang": "vi", "noteLines": 2,                               ("" and 0 are left out)
//	  "notes": "…",                                               (the map's own notes)
//	  "created": "2025-03-01T09:00:00Z", "updated": "…",          (RFC 3339, UTC)
//	  "persona": {"name": "…", "summary": "…", "photo": "<base64>", …},
//	  "stages": [{"ref": "s1", "name": "…", "colour": "#4c6ef5", "description": "…"}, …],
//	  "lanes": [{"ref": "l1", "name": "…", "kind": "steps"}, …],
//	  "cards": [{"ref": "c1", "stage": "s1", "lane": "l1", "title": "…", "notes": "…",
//	             "channel": "…", "presence": "online", "emotion": 1.5, "pain": true,
//	             "opportunity": true, "momentOfTruth": true, "evidence": "researched",
//	             "tags": ["…"], "colour": "#e64980",
//	             "metric": {"name": "…", "value": 3.2, "target": 5, "unit": "%", "upIsGood": true}}, …],
//	  "links": [{"from": "c1", "to": "c4", "label": "…"}, …],
//	  "comments": [{"on": "c4", "author": "Lan", "text": "…", "created": "…", "resolved": true,
//	                "replies": [{"author": "Minh", "text": "…", "created": "…"}]}, …]
//	}
//
// Refs come from the order of stages, lanes and cards (cards in reading order), so database
// ids never reach the file. Empty type, status, curve and scale are written as the defaults
// the store gives them. WriteJSON fails when a card or link refers to a stage, lane or card
// the map does not have.
func WriteJSON(w io.Writer, m *data.Map) error {
	f, err := toFile(m)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("write map %q: %w", clip(m.Title), err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func toFile(m *data.Map) (*fileMap, error) {
	f := &fileMap{Format: FormatName, Version: FormatVersion, Title: m.Title, Goal: m.Goal,
		Audience: m.Audience, Type: m.Type, Owner: m.Owner, Status: m.Status, Curve: m.Curve,
		Lang: m.Lang, NoteLines: m.NoteLines, Notes: m.Notes,
		Scale:  fileScale{Min: m.Scale.Min, Max: m.Scale.Max, Labels: m.Scale.Labels},
		Stages: []fileStage{}, Lanes: []fileLane{}, Cards: []fileCard{}, Links: []fileLink{}}
	if f.Type == "" {
		f.Type = data.CurrentState
	}
	if f.Status == "" {
		f.Status = data.Draft
	}
	if f.Curve == "" {
		f.Curve = data.CurvePerCard
	}
	if f.Scale.Min == 0 && f.Scale.Max == 0 {
		d := data.DefaultScale()
		f.Scale = fileScale{Min: d.Min, Max: d.Max, Labels: d.Labels}
	}
	if !m.Created.IsZero() {
		f.Created = m.Created.UTC().Format(time.RFC3339Nano)
	}
	if !m.Updated.IsZero() {
		f.Updated = m.Updated.UTC().Format(time.RFC3339Nano)
	}
	f.Persona = m.Persona
	stageIdx := make(map[int64]int, len(m.Stages))
	for i, st := range m.Stages {
		if _, dup := stageIdx[st.ID]; dup {
			return nil, fmt.Errorf("write map %q: two stages have id %d", clip(m.Title), st.ID)
		}
		stageIdx[st.ID] = i
		f.Stages = append(f.Stages, fileStage{Ref: "s" + strconv.Itoa(i+1), Name: st.Name, Colour: st.Colour, Description: st.Description, Metrics: st.Metrics})
	}
	laneIdx := make(map[int64]int, len(m.Lanes))
	for i, l := range m.Lanes {
		if _, dup := laneIdx[l.ID]; dup {
			return nil, fmt.Errorf("write map %q: two lanes have id %d", clip(m.Title), l.ID)
		}
		laneIdx[l.ID] = i
		f.Lanes = append(f.Lanes, fileLane{Ref: "l" + strconv.Itoa(i+1), Name: l.Name, Kind: l.Kind})
	}
	order := make([]int, len(m.Cards))
	for i, c := range m.Cards {
		order[i] = i
		_, okS := stageIdx[c.StageID]
		_, okL := laneIdx[c.LaneID]
		if !okS || !okL {
			return nil, fmt.Errorf("write map %q: card %d %q is in a stage or lane the map does not have", clip(m.Title), i+1, clip(c.Title))
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &m.Cards[order[i]], &m.Cards[order[j]]
		if sa, sb := stageIdx[a.StageID], stageIdx[b.StageID]; sa != sb {
			return sa < sb
		}
		if la, lb := laneIdx[a.LaneID], laneIdx[b.LaneID]; la != lb {
			return la < lb
		}
		return a.Position < b.Position
	})
	cardRef := make(map[int64]string, len(m.Cards))
	twice := map[int64]bool{} // ids of more than one card: links cannot use them
	for n, i := range order {
		c := &m.Cards[i]
		ref := "c" + strconv.Itoa(n+1)
		if _, dup := cardRef[c.ID]; dup {
			twice[c.ID] = true
		}
		cardRef[c.ID] = ref
		f.Cards = append(f.Cards, fileCard{Ref: ref, Stage: f.Stages[stageIdx[c.StageID]].Ref,
			Lane: f.Lanes[laneIdx[c.LaneID]].Ref, Title: c.Title, Notes: c.Notes, Channel: c.Channel,
			Presence: c.Presence, Emotion: c.Emotion, Pain: c.Pain, Opportunity: c.Opportunity,
			MomentOfTruth: c.MomentOfTruth, Evidence: c.Evidence, Tags: c.Tags, Colour: c.Colour,
			Metric: c.Metric})
	}
	for i, l := range m.Links {
		from, okF := cardRef[l.FromID]
		to, okT := cardRef[l.ToID]
		if twice[l.FromID] || twice[l.ToID] {
			return nil, fmt.Errorf("write map %q: link %d joins cards by an id that more than one card has", clip(m.Title), i+1)
		}
		if !okF || !okT {
			return nil, fmt.Errorf("write map %q: link %d joins a card the map does not have", clip(m.Title), i+1)
		}
		f.Links = append(f.Links, fileLink{From: from, To: to, Label: l.Label})
	}
	for _, th := range m.Threads() {
		on := "map"
		switch th.TargetKind {
		case data.OnStage:
			on = f.Stages[stageIdx[th.TargetID]].Ref
		case data.OnCard:
			on = cardRef[th.TargetID]
		}
		fc := fileComment{On: on, Author: th.Author, Text: th.Text, Created: stamp(th.Created), Resolved: th.Resolved}
		for _, r := range th.Replies {
			fc.Replies = append(fc.Replies, fileReply{Author: r.Author, Text: r.Text, Created: stamp(r.Created)})
		}
		f.Comments = append(f.Comments, fc)
	}
	return f, nil
}

// stamp writes a time as the native format does: RFC 3339 in UTC, "" when unknown.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// ReadJSON reads a map in the native format written by WriteJSON. Refs may be any unique,
// non-empty strings; cards may come in any order (they are put in reading order, keeping the
// file's order within a cell). Missing type, status, curve and scale get the defaults of a new
// map; a missing or empty title is the file's base name. Unknown fields, unknown refs and
// enum values, wrong JSON types, another "format" and a newer "version" are refused with the
// JSON path at fault. null counts as absent.
func ReadJSON(r io.Reader, name string) (*data.Map, error) {
	b, err := readInput(r, name)
	if err != nil {
		return nil, err
	}
	root, err := decodeJSON(b, name)
	if err != nil {
		return nil, err
	}
	d := &jsonReader{file: name}
	m := d.readNative(root, name)
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}

func (d *jsonReader) readNative(root jnode, name string) *data.Map {
	if _, isObj := root.v.(map[string]any); !isObj {
		d.fail("", "expected a JSON object (a Journey Canvas map), found %s", typeName(root.v))
		return nil
	}
	if f := root.get("format"); !f.ok {
		d.fail("format", "the field is missing: this is not a Journey Canvas map (\"format\": %q)", FormatName)
	} else if s, _ := f.v.(string); s != FormatName {
		d.fail("format", "%s is not %q: this is not a Journey Canvas map", clip(quoted(f.v)), FormatName)
	}
	if v := root.get("version"); !v.given() {
		d.fail("version", "the field is missing; expected %d", FormatVersion)
	} else if n, ok := d.integer(v, 1, math.MaxInt32); ok && n > FormatVersion {
		d.fail("version", "version %d is newer than this program reads (%d); update Journey Canvas", n, FormatVersion)
	}
	d.object(root, true, mapFields...)
	if d.err != nil {
		return nil
	}
	m := newMap("")
	m.Title = d.text(root.get("title"), short)
	if m.Title == "" {
		m.Title = titleFromName(name)
	}
	m.Goal = d.text(root.get("goal"), long)
	m.Audience = d.text(root.get("audience"), long)
	m.Notes = d.text(root.get("notes"), long)
	m.Owner = d.text(root.get("owner"), short)
	m.Type = oneOf(d, root.get("type"), data.CurrentState, data.MapTypes...)
	m.Status = oneOf(d, root.get("status"), data.Draft, data.Statuses...)
	m.Curve = oneOf(d, root.get("curve"), data.CurvePerCard, data.CurvePerCard, data.CurvePerStage)
	m.Lang = oneOf(d, root.get("lang"), "", data.MapLangs...)
	if n, ok := d.integer(root.get("noteLines"), 0, data.MaxNoteLines); ok {
		m.NoteLines = n
	}
	m.Created = d.time(root.get("created"))
	m.Updated = d.time(root.get("updated"))
	if sc := root.get("scale"); sc.given() {
		m.Scale = d.scale(sc)
	}
	if p := root.get("persona"); p.given() {
		m.Persona = d.persona(p)
	}
	if d.err != nil {
		return nil
	}

	stageIDs := map[string]int64{}
	for _, n := range d.array(root.get("stages")) {
		if !d.object(n, true, stageFields...) {
			break
		}
		st := data.Stage{ID: int64(len(m.Stages) + 1), Position: len(m.Stages)}
		d.ref(n.get("ref"), stageIDs, st.ID, true)
		st.Name = d.text(n.get("name"), short)
		st.Colour = d.colour(n.get("colour"))
		st.Description = d.text(n.get("description"), long)
		ms := d.array(n.get("metrics"))
		if len(ms) > MaxTags {
			d.fail(n.get("metrics").path, "%d metrics, the limit is %d", len(ms), MaxTags)
		}
		for _, mn := range ms {
			if mt := d.metric(mn); mt != nil {
				st.Metrics = append(st.Metrics, *mt)
			}
		}
		m.Stages = append(m.Stages, st)
	}
	laneIDs := map[string]int64{}
	for _, n := range d.array(root.get("lanes")) {
		if !d.object(n, true, laneFields...) {
			break
		}
		l := data.Lane{ID: int64(len(m.Lanes) + 1), Position: len(m.Lanes)}
		d.ref(n.get("ref"), laneIDs, l.ID, true)
		l.Name = d.text(n.get("name"), short)
		l.Kind = oneOf(d, n.get("kind"), data.LaneCustom, data.LaneKinds...)
		m.Lanes = append(m.Lanes, l)
	}
	if d.err != nil {
		return nil
	}
	cardIDs := map[string]int64{}
	for _, n := range d.array(root.get("cards")) {
		if !d.object(n, true, cardFields...) {
			break
		}
		c := d.card(n, m.Scale, stageIDs, laneIDs)
		c.ID = int64(len(m.Cards) + 1)
		if ref := n.get("ref"); ref.given() {
			d.ref(ref, cardIDs, c.ID, true)
		}
		m.Cards = append(m.Cards, c)
		if d.err != nil {
			return nil
		}
	}
	for _, n := range d.array(root.get("links")) {
		if !d.object(n, true, linkFields...) {
			break
		}
		l := data.Link{FromID: d.lookup(n.get("from"), cardIDs, "card"), ToID: d.lookup(n.get("to"), cardIDs, "card")}
		l.Label = d.text(n.get("label"), short)
		if d.err == nil && l.FromID == l.ToID {
			d.fail(n.get("to").path, "a card cannot link to itself")
		}
		l.ID = int64(len(m.Links) + 1)
		m.Links = append(m.Links, l)
	}
	if d.err != nil {
		return nil
	}
	d.comments(root.get("comments"), m, stageIDs, cardIDs)
	if d.err != nil {
		return nil
	}
	sortCards(m)
	return m
}

// comments reads the comment threads: each on "map" or a stage's or card's ref.
func (d *jsonReader) comments(n jnode, m *data.Map, stageIDs, cardIDs map[string]int64) {
	for _, tn := range d.array(n) {
		if !d.object(tn, true, commentFields...) {
			return
		}
		c := data.Comment{ID: int64(len(m.Comments) + 1), TargetKind: data.OnMap}
		on := tn.get("on")
		if ref := d.text(on, short); ref != "map" {
			if _, ok := stageIDs[ref]; ok {
				c.TargetKind, c.TargetID = data.OnStage, d.lookup(on, stageIDs, "stage")
			} else {
				c.TargetKind, c.TargetID = data.OnCard, d.lookup(on, cardIDs, "card")
			}
		}
		c.Author = d.text(tn.get("author"), short)
		c.Text = d.text(tn.get("text"), long)
		if strings.TrimSpace(c.Text) == "" && d.err == nil {
			d.fail(tn.get("text").path, "a comment needs text")
		}
		c.Created = d.time(tn.get("created"))
		c.Resolved = d.boolean(tn.get("resolved"))
		m.Comments = append(m.Comments, c)
		for _, rn := range d.array(tn.get("replies")) {
			if !d.object(rn, true, replyFields...) {
				return
			}
			r := data.Comment{ID: int64(len(m.Comments) + 1), ParentID: c.ID, TargetKind: c.TargetKind, TargetID: c.TargetID}
			r.Author = d.text(rn.get("author"), short)
			r.Text = d.text(rn.get("text"), long)
			if strings.TrimSpace(r.Text) == "" && d.err == nil {
				d.fail(rn.get("text").path, "a reply needs text")
			}
			r.Created = d.time(rn.get("created"))
			m.Comments = append(m.Comments, r)
		}
		if d.err != nil {
			return
		}
	}
}

func (d *jsonReader) card(n jnode, sc data.Scale, stageIDs, laneIDs map[string]int64) data.Card {
	c := data.Card{StageID: d.lookup(n.get("stage"), stageIDs, "stage"), LaneID: d.lookup(n.get("lane"), laneIDs, "lane")}
	c.Title = d.text(n.get("title"), short)
	c.Notes = d.text(n.get("notes"), long)
	c.Channel = d.text(n.get("channel"), short)
	c.Presence = oneOf(d, n.get("presence"), data.PresenceUnset, data.PresenceUnset, data.Online, data.Offline)
	c.Evidence = oneOf(d, n.get("evidence"), data.EvidenceNone, data.EvidenceNone, data.EvidenceResearched, data.EvidenceAssumed, data.EvidenceProposed)
	if e, ok := d.number(n.get("emotion")); ok {
		if !sc.Contains(e) {
			d.fail(n.get("emotion").path, "%g is outside the map's emotion scale %d..%d", e, sc.Min, sc.Max)
		}
		c.Emotion = &e
	}
	c.Pain = d.boolean(n.get("pain"))
	c.Opportunity = d.boolean(n.get("opportunity"))
	c.MomentOfTruth = d.boolean(n.get("momentOfTruth"))
	tags := d.array(n.get("tags"))
	if len(tags) > MaxTags {
		d.fail(n.get("tags").path, "%d tags, the limit is %d", len(tags), MaxTags)
	}
	for _, t := range tags {
		c.Tags = append(c.Tags, d.text(t, short))
	}
	c.Colour = d.colour(n.get("colour"))
	c.Metric = d.metric(n.get("metric"))
	return c
}

// metric reads a metric object; nil when absent (or at fault, with the fault recorded).
func (d *jsonReader) metric(mn jnode) *data.Metric {
	if !d.object(mn, false, metricFields...) {
		return nil
	}
	mt := &data.Metric{Name: d.text(mn.get("name"), short), Unit: d.text(mn.get("unit"), short),
		UpIsGood: d.boolean(mn.get("upIsGood"))}
	mt.Value, _ = d.number(mn.get("value"))
	if t, ok := d.number(mn.get("target")); ok {
		mt.Target = &t
	}
	return mt
}

// ref records the ref at n for id in refs, refusing an empty or repeated one.
func (d *jsonReader) ref(n jnode, refs map[string]int64, id int64, required bool) {
	if !n.given() {
		if required {
			d.fail(n.path, "the ref is missing")
		}
		return
	}
	s := d.str(n)
	if d.err != nil {
		return
	}
	if s == "" {
		d.fail(n.path, "the ref is empty")
		return
	}
	if _, dup := refs[s]; dup {
		d.fail(n.path, "ref %q is used twice", clip(s))
		return
	}
	refs[s] = id
}

// lookup returns the id of the thing the ref at n names.
func (d *jsonReader) lookup(n jnode, refs map[string]int64, what string) int64 {
	if !n.given() {
		d.fail(n.path, "the %s ref is missing", what)
		return 0
	}
	s := d.str(n)
	id, ok := refs[s]
	if !ok {
		d.fail(n.path, "no %s has ref %q", what, clip(s))
	}
	return id
}

func (d *jsonReader) colour(n jnode) string {
	s := d.str(n)
	if s != "" && !isColour(s) {
		d.fail(n.path, "%q is not a colour like #3366cc", clip(s))
		return ""
	}
	return s
}

func (d *jsonReader) time(n jnode) time.Time {
	s := d.str(n)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		d.fail(n.path, "%q is not a time like 2025-03-01T09:00:00Z", clip(s))
		return time.Time{}
	}
	return t.UTC()
}

func (d *jsonReader) scale(n jnode) data.Scale {
	if !d.object(n, true, scaleFields...) {
		return data.DefaultScale()
	}
	lo, okLo := d.integer(n.get("min"), math.MinInt32, math.MaxInt32)
	hi, okHi := d.integer(n.get("max"), math.MinInt32, math.MaxInt32)
	if !okLo || !okHi {
		d.fail(n.path, "a scale needs whole numbers min and max")
		return data.DefaultScale()
	}
	if lo >= hi || hi-lo > 20 {
		d.fail(n.path, "%d..%d must run upwards over at most 20 steps", lo, hi)
	}
	sc := data.Scale{Min: lo, Max: hi}
	labels := d.array(n.get("labels"))
	if len(labels) != 0 && len(labels) != hi-lo+1 {
		d.fail(n.get("labels").path, "there are %d labels; the scale %d..%d needs %d", len(labels), lo, hi, hi-lo+1)
	}
	for _, l := range labels {
		sc.Labels = append(sc.Labels, d.text(l, short))
	}
	return sc
}

func (d *jsonReader) persona(n jnode) *data.Persona {
	if !d.object(n, true, personaFields...) {
		return nil
	}
	p := &data.Persona{Name: d.text(n.get("name"), short)}
	if p.Name == "" {
		d.fail(n.get("name").path, "a persona needs a name")
	}
	for _, f := range []struct {
		key string
		s   *string
	}{{"summary", &p.Summary}, {"demographics", &p.Demographics}, {"dayInLife", &p.DayInLife},
		{"goals", &p.Goals}, {"challenges", &p.Challenges}, {"excites", &p.Excites},
		{"frustrates", &p.Frustrates}, {"channels", &p.Channels}, {"buyingTriggers", &p.BuyingTriggers},
		{"problemsSolved", &p.ProblemsSolved}, {"infoNeeds", &p.InfoNeeds}} {
		*f.s = d.text(n.get(f.key), long)
	}
	if ph := n.get("photo"); ph.given() {
		s := d.str(ph)
		b, err := base64.StdEncoding.DecodeString(s)
		switch {
		case d.err != nil:
		case err != nil:
			d.fail(ph.path, "not base64: %v", err)
		case len(b) > 0:
			if err := data.CheckPhoto(b); err != nil {
				d.fail(ph.path, "%v", err)
			}
			p.Photo = b
		}
	}
	return p
}
