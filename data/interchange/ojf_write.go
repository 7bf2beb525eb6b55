package interchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"journeycanvas/data"
)

// ojfExt is the member under which WriteOJF keeps what the spec has no field for, on the
// root, a stage or a node; ReadOJF reads it back, and other tools keep it as an unknown member.
const ojfExt = "x-journeycanvas"

// WriteOJF writes m in OpenJourney Format as Ptolemy reads it (see ReadOJF): the root's
// version, metadata (title, description: the goal, author: the owner), persona and
// pointOfView (the audience); stages with their colour and description; swimlanes with
// their kind; a node per card with its score mapped onto −5..+5, its notes as the
// description, its colour as iconColor, isMomentOfTruth, tags, channel, and a pain point or
// an opportunity as its purpose; links between nodes. Lanes of a service blueprint that
// ReadOJF would make again (physical evidence, onstage, backstage and support processes, in
// the order it lays them out, their cards plain entries of a stage that has a node) are
// written as the nodes' blueprint entries: {item, type}, {actor, action},
// {system, description}. What the spec has no field for (the map's type, status, scale,
// curve, language, notes, the persona's photo, a stage's metrics, a card's presence,
// evidence and metric) is kept in an "x-journeycanvas" member, so ReadOJF gives back the
// same map. The same map gives the same bytes.
func WriteOJF(w io.Writer, m *data.Map) error {
	f, err := toFile(m) // checks the map's references and puts the cards in reading order
	if err != nil {
		return err
	}
	o := ordered{}
	o.add("version", "1.0")
	meta := ordered{}
	meta.add("title", f.Title)
	if f.Goal != "" {
		meta.add("description", f.Goal)
	}
	if f.Owner != "" {
		meta.add("author", f.Owner)
	}
	o.add("metadata", meta)
	if p := f.Persona; p != nil {
		po := ordered{}
		po.add("name", p.Name)
		for _, kv := range [][2]string{{"summary", p.Summary}, {"demographics", p.Demographics}, {"dayInLife", p.DayInLife},
			{"goals", p.Goals}, {"challenges", p.Challenges}, {"excites", p.Excites}, {"frustrates", p.Frustrates},
			{"channels", p.Channels}, {"buyingTriggers", p.BuyingTriggers}, {"problemsSolved", p.ProblemsSolved}, {"infoNeeds", p.InfoNeeds}} {
			if kv[1] != "" {
				po.add(kv[0], kv[1])
			}
		}
		o.add("persona", po)
	}
	if f.Audience != "" {
		o.add("pointOfView", f.Audience)
	}
	ext := ordered{}
	ext.add("type", f.Type)
	ext.add("status", f.Status)
	ext.add("scale", f.Scale)
	ext.add("curve", f.Curve)
	if f.Lang != "" {
		ext.add("lang", f.Lang)
	}
	if f.NoteLines != 0 {
		ext.add("noteLines", f.NoteLines)
	}
	if f.Notes != "" {
		ext.add("notes", f.Notes)
	}
	if f.Persona != nil && len(f.Persona.Photo) > 0 {
		ext.add("photo", f.Persona.Photo)
	}
	o.add(ojfExt, ext)

	stages := make([]ordered, len(f.Stages))
	for i, st := range f.Stages {
		so := ordered{}
		so.add("id", st.Ref)
		so.add("name", st.Name)
		if st.Colour != "" {
			so.add("color", st.Colour)
		}
		if st.Description != "" {
			so.add("description", st.Description)
		}
		if len(st.Metrics) > 0 {
			so.add(ojfExt, ordered{{"metrics", st.Metrics}})
		}
		stages[i] = so
	}
	o.add("stages", stages)

	bp := ojfBlueprintLanes(m, f)
	var lanes []ordered
	for _, l := range f.Lanes {
		if bp[l.Ref] == "" {
			lanes = append(lanes, ordered{{"id", l.Ref}, {"name", l.Name}, {"kind", l.Kind}})
		}
	}
	o.add("swimlanes", orEmpty(lanes))

	var nodes []ordered
	firstNode := map[string]*ordered{}
	stageEntries := map[string]map[string][]any{}
	for _, c := range f.Cards {
		if key := bp[c.Lane]; key != "" {
			if stageEntries[c.Stage] == nil {
				stageEntries[c.Stage] = map[string][]any{}
			}
			stageEntries[c.Stage][key] = append(stageEntries[c.Stage][key], ojfEntry(key, c))
			continue
		}
		nodes = append(nodes, ojfNode(c, m.Scale))
		if firstNode[c.Stage] == nil {
			firstNode[c.Stage] = &nodes[len(nodes)-1]
		}
	}
	for i := range nodes {
		stage := nodes[i].get("stageId").(string)
		if firstNode[stage] == nil || nodes[i].get("id") != firstNode[stage].get("id") {
			continue
		}
		if es := stageEntries[stage]; len(es) > 0 {
			bo := ordered{}
			for _, k := range ojfBlueprint {
				if len(es[k.key]) > 0 {
					bo.add(k.key, es[k.key])
				}
			}
			nodes[i].addBefore(ojfExt, "blueprint", bo)
		}
	}
	o.add("nodes", orEmpty(nodes))
	links := make([]ordered, len(f.Links))
	for i, l := range f.Links {
		lo := ordered{{"from", "n" + strings.TrimPrefix(l.From, "c")}, {"to", "n" + strings.TrimPrefix(l.To, "c")}}
		if l.Label != "" {
			lo.add("label", l.Label)
		}
		links[i] = lo
	}
	o.add("links", links)

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(o); err != nil {
		return fmt.Errorf("write map %q as OJF: %w", clip(m.Title), err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func orEmpty(s []ordered) []ordered {
	if s == nil {
		return []ordered{}
	}
	return s
}

// ojfNode is a card as an OJF node, with the id "n" + the card's number in reading order.
func ojfNode(c fileCard, sc data.Scale) ordered {
	n := ordered{}
	n.add("id", "n"+strings.TrimPrefix(c.Ref, "c"))
	n.add("stageId", c.Stage)
	n.add("swimlaneId", c.Lane)
	n.add("title", c.Title)
	if c.Notes != "" {
		n.add("description", c.Notes)
	}
	ext := ordered{}
	if c.Emotion != nil {
		score := ojfScore(*c.Emotion, sc)
		n.add("score", json.Number(formatNumber(score)))
		if back, _ := strconv.ParseFloat(formatNumber(score), 64); mapScore(back, -5, 5, sc) != *c.Emotion {
			ext.add("emotion", *c.Emotion) // not exact on −5..+5 at four decimals
		}
	}
	tags := c.Tags
	switch {
	case c.Pain && !c.Opportunity:
		n.add("purpose", "pain-point")
	case c.Opportunity && !c.Pain:
		n.add("purpose", "opportunity")
	case c.Pain && c.Opportunity:
		ext.add("pain", true)
		ext.add("opportunity", true)
	case len(tags) > 0 && slices.Contains(ojfPurposes, tags[0]) && tags[0] != "pain-point" && tags[0] != "opportunity" && !slices.Contains(tags[1:], tags[0]):
		n.add("purpose", tags[0])
		tags = tags[1:]
	}
	if c.MomentOfTruth {
		n.add("isMomentOfTruth", true)
	}
	if c.Colour != "" {
		n.add("iconColor", c.Colour)
	}
	if len(tags) > 0 {
		n.add("tags", tags)
	}
	// Tags ReadOJF would not give back as they are (empty, or twice) are kept exactly too.
	var again []string
	if p, ok := n.get("purpose").(string); ok && p != "pain-point" && p != "opportunity" {
		again = append(again, p)
	}
	for _, tg := range tags {
		if tg != "" && !slices.Contains(again, tg) {
			again = append(again, tg)
		}
	}
	if !slices.Equal(again, c.Tags) {
		ext.add("tags", c.Tags)
	}
	if c.Channel != "" {
		n.add("channel", c.Channel)
	}
	if c.Presence != "" {
		ext.add("presence", c.Presence)
	}
	if c.Evidence != "" {
		ext.add("evidence", c.Evidence)
	}
	if c.Metric != nil {
		ext.add("metric", c.Metric)
	}
	if len(ext) > 0 {
		n.add(ojfExt, ext)
	}
	return n
}

// ojfEntry is a card of a blueprint lane as the spec's entry of that kind.
func ojfEntry(key string, c fileCard) ordered {
	e := ordered{}
	switch key {
	case "evidence":
		e.add("item", c.Title)
		if len(c.Tags) == 1 {
			e.add("type", c.Tags[0])
		}
	case "support":
		e.add("system", c.Title)
	default:
		if actor, action, ok := splitActor(c.Title); ok {
			e.add("actor", actor)
			e.add("action", action)
		} else {
			e.add("action", c.Title)
		}
	}
	if c.Notes != "" {
		e.add("description", c.Notes)
	}
	return e
}

// splitActor splits "Actor: Action" as ReadOJF joins an entry's actor and action.
func splitActor(title string) (string, string, bool) {
	actor, action, ok := strings.Cut(title, ": ")
	if !ok || actor == "" || action == "" || actor != strings.TrimSpace(actor) || action != strings.TrimSpace(action) {
		return "", "", false
	}
	return actor, action, true
}

// ojfBlueprintLanes chooses the lanes WriteOJF writes as blueprint entries (lane ref →
// blueprint key): those ReadOJF would make again exactly, named as it names them, their cards
// plain entries (a title, notes, and for evidence one tag) in stages that have a node, in
// the order it lays them out. Any other lane is a swimlane.
func ojfBlueprintLanes(m *data.Map, f *fileMap) map[string]string {
	out := map[string]string{}
	if m.Type != data.ServiceBlueprint {
		return out
	}
	lang := mapLang(m)
	for _, l := range f.Lanes {
		for _, k := range ojfBlueprint {
			if l.Name == k.name.word(lang) && l.Kind == k.kind && !slices.Contains(mapsValues(out), k.key) {
				out[l.Ref] = k.key
			}
		}
	}
	linked := map[string]bool{}
	for _, l := range f.Links {
		linked[l.From], linked[l.To] = true, true
	}
	hasNode := map[string]bool{}
	for _, c := range f.Cards {
		if out[c.Lane] == "" {
			hasNode[c.Stage] = true
		}
	}
	for _, c := range f.Cards {
		key := out[c.Lane]
		if key == "" {
			continue
		}
		plain := c.Emotion == nil && !c.Pain && !c.Opportunity && !c.MomentOfTruth && c.Channel == "" && c.Presence == "" &&
			c.Evidence == "" && c.Colour == "" && c.Metric == nil && !linked[c.Ref] && hasNode[c.Stage] &&
			c.Title != "" && c.Title == strings.TrimSpace(c.Title) && !strings.Contains(c.Title, "\n")
		switch key {
		case "evidence":
			plain = plain && len(c.Tags) <= 1 && (len(c.Tags) == 0 || c.Tags[0] == strings.TrimSpace(c.Tags[0]) && c.Tags[0] != "")
		case "onstage", "backstage":
			_, _, split := splitActor(c.Title)
			plain = plain && len(c.Tags) == 0 && (split || !strings.Contains(c.Title, ": "))
		default:
			plain = plain && len(c.Tags) == 0
		}
		if !plain {
			delete(out, c.Lane)
		}
	}
	// The lanes must come back in the same order.
	ids := map[int64]string{}
	for i, l := range f.Lanes {
		if k := out[l.Ref]; k != "" {
			ids[m.Lanes[i].ID] = k
		}
	}
	again := ojfLaneOrder(slices.Clone(m.Lanes), ids)
	for i := range again {
		if again[i].ID != m.Lanes[i].ID {
			return map[string]string{}
		}
	}
	return out
}

func mapsValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// ordered is a JSON object that keeps its members in the order they are added.
type ordered []member

type member struct {
	k string
	v any
}

func (o *ordered) add(k string, v any) { *o = append(*o, member{k, v}) }

// addBefore adds k before the member named before, or at the end.
func (o *ordered) addBefore(before, k string, v any) {
	for i, m := range *o {
		if m.k == before {
			*o = slices.Insert(*o, i, member{k, v})
			return
		}
	}
	o.add(k, v)
}

func (o ordered) get(k string) any {
	for _, m := range o {
		if m.k == k {
			return m.v
		}
	}
	return nil
}

// MarshalJSON writes the members in order.
func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshalNoEscape(m.k)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshalNoEscape(m.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
