package interchange

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"journeycanvas/data"
)

// Fields of an OJF document that ReadOJF gives a home; anything else is kept as text.
var (
	ojfRootKnown     = []string{"title", "metadata", "persona", "pointOfView", "description", "stages", "swimlanes", "nodes", "links", "version", "$schema"}
	ojfMetaKnown     = []string{"title", "persona", "pov", "description", "author", "owner"}
	ojfStageKnown    = []string{"id", "name", "description", "colour", "color"}
	ojfLaneKnown     = []string{"id", "name", "kind"}
	ojfNodeKnown     = []string{"id", "stageId", "swimlaneId", "title", "description", "severity", "score", "isMomentOfTruth", "iconColor", "tags", "channel", "blueprint"}
	ojfNodeHomeless  = []string{"sentiment", "purpose", "icon"} // kept in the notes, first
	ojfPersonaFields = map[string]func(p *data.Persona) *string{
		"summary":        func(p *data.Persona) *string { return &p.Summary },
		"demographics":   func(p *data.Persona) *string { return &p.Demographics },
		"dayInLife":      func(p *data.Persona) *string { return &p.DayInLife },
		"goals":          func(p *data.Persona) *string { return &p.Goals },
		"challenges":     func(p *data.Persona) *string { return &p.Challenges },
		"excites":        func(p *data.Persona) *string { return &p.Excites },
		"frustrates":     func(p *data.Persona) *string { return &p.Frustrates },
		"frustrations":   func(p *data.Persona) *string { return &p.Frustrates },
		"channels":       func(p *data.Persona) *string { return &p.Channels },
		"buyingTriggers": func(p *data.Persona) *string { return &p.BuyingTriggers },
		"problemsSolved": func(p *data.Persona) *string { return &p.ProblemsSolved },
		"infoNeeds":      func(p *data.Persona) *string { return &p.InfoNeeds },
	}
)

// ojfBlueprint gives the lane each kind of blueprint entry goes to, in the order the lanes
// are placed below the file's swimlanes.
var ojfBlueprint = []struct {
	key, lane string
	kind      data.LaneKind
}{
	{"evidence", "Evidence", data.LaneCustom},
	{"onstage", "Onstage", data.LanePeople},
	{"backstage", "Backstage", data.LaneProcesses},
	{"support", "Support processes", data.LaneTechnology},
}

// ReadOJF reads a journey in OpenJourney Format (JSON):
//
//	{"metadata": {"title", "persona", "pov", "description", "author"}, "title", "persona",
//	 "pointOfView", "stages": [{"id", "name"}], "swimlanes": [{"id", "name"}],
//	 "nodes": [{"stageId", "swimlaneId", "title", "description", "severity", "score",
//	            "sentiment", "purpose", "isMomentOfTruth", "icon", "iconColor", "tags",
//	            "blueprint": {"evidence": [], "onstage": [], "backstage": [], "support": []}}],
//	 "links": [{"from", "to", "label"}]}
//
// The title is metadata.title, else title, else pointOfView (when it is one short line),
// else the file's base name. The point of view (pointOfView or metadata.pov) becomes the
// map's Audience: it says whose eyes the journey is seen through. The persona (persona or
// metadata.persona) is a name or an object with name, summary, description and the persona
// questions. Ids may be strings or numbers.
//
// Each node is a card: its score (−5..+5) is mapped linearly onto the map's scale, a high
// or medium severity marks it a pain point (the severity is noted too), an iconColor like
// #rrggbb is its colour. Nodes with no swimlaneId go to a "Steps" lane. Blueprint entries
// become cards of their own in the node's stage, in lanes added below the swimlanes as
// needed: Evidence (custom), Onstage (backstage people), Backstage (backstage processes) and
// Support processes (backstage technology); a map with blueprint entries is a service
// blueprint. Links join nodes by their ids.
//
// Nothing is dropped silently: node fields with no home (sentiment, purpose, icon, unknown
// fields) are added to the card's notes as "key: value" lines, unknown stage fields to the
// stage's description, unknown persona fields to its summary, and unknown top-level,
// metadata and swimlane fields to the map's goal. A node naming an unknown stage or swimlane
// is refused with its JSON path.
func ReadOJF(r io.Reader, name string) (*data.Map, []string, error) {
	b, err := readInput(r, name)
	if err != nil {
		return nil, nil, err
	}
	root, err := decodeJSON(b, name)
	if err != nil {
		return nil, nil, err
	}
	o := &ojfReader{jsonReader: jsonReader{file: name}}
	m := o.read(root, name)
	if o.err != nil {
		return nil, nil, o.err
	}
	return m, o.warnings, nil
}

type ojfReader struct {
	jsonReader
	m        *data.Map
	warnings []string
	extras   []string // "key: value" lines for the map's goal
	stages   map[string]int64
	lanes    map[string]int64
	nodes    map[string]int64
	bpLanes  map[string]int64 // blueprint key → lane id
	rank     map[int64]int    // lane id → order group (0 for the file's lanes)
	defLane  int64
}

func (o *ojfReader) read(root jnode, name string) *data.Map {
	if !o.object(root, true) {
		return nil
	}
	meta := root.get("metadata")
	o.object(meta, false)
	o.m = newMap("")
	m := o.m
	o.stages, o.lanes, o.nodes = map[string]int64{}, map[string]int64{}, map[string]int64{}
	o.bpLanes, o.rank = map[string]int64{}, map[int64]int{}

	pov := o.text(root.get("pointOfView"), long)
	if p := o.text(meta.get("pov"), long); pov == "" {
		pov = p
	} else if p != "" && p != pov {
		o.extras = append(o.extras, "metadata.pov: "+p)
	}
	m.Audience = pov
	m.Title = o.text(meta.get("title"), short)
	if t := o.text(root.get("title"), short); m.Title == "" {
		m.Title = t
	} else if t != "" && t != m.Title {
		o.extras = append(o.extras, "title: "+t)
	}
	if m.Title == "" && pov != "" && utf8.RuneCountInString(pov) <= MaxTitleRunes && !strings.Contains(pov, "\n") {
		m.Title = pov
	}
	if m.Title == "" {
		m.Title = titleFromName(name)
	}
	m.Owner = o.text(meta.get("author"), short)
	if ow := o.text(meta.get("owner"), short); m.Owner == "" {
		m.Owner = ow
	} else if ow != "" {
		o.extras = append(o.extras, "metadata.owner: "+ow)
	}
	var goal []string
	for _, n := range []jnode{meta.get("description"), root.get("description")} {
		if s := o.text(n, long); s != "" {
			goal = append(goal, s)
		}
	}
	if p := root.get("persona"); p.given() {
		m.Persona = o.persona(p)
		if mp := meta.get("persona"); mp.given() {
			o.extras = append(o.extras, "metadata.persona: "+compact(mp.v))
		}
	} else if mp := meta.get("persona"); mp.given() {
		m.Persona = o.persona(mp)
	}
	if o.err != nil {
		return nil
	}

	for _, n := range o.array(root.get("stages")) {
		o.stage(n)
	}
	for i, n := range o.array(root.get("swimlanes")) {
		o.swimlane(i, n)
	}
	if o.err != nil {
		return nil
	}
	for _, n := range o.array(root.get("nodes")) {
		o.node(n)
		if o.err != nil {
			return nil
		}
	}
	for _, n := range o.array(root.get("links")) {
		if !o.object(n, true, linkFields...) {
			break
		}
		l := data.Link{ID: int64(len(m.Links) + 1), FromID: o.nodeRef(n.get("from")), ToID: o.nodeRef(n.get("to")),
			Label: o.text(n.get("label"), short)}
		if o.err == nil && l.FromID == l.ToID {
			o.fail(n.get("to").path, "a node cannot link to itself")
		}
		m.Links = append(m.Links, l)
	}

	var unknown []string
	o.leftovers(root, "", ojfRootKnown, &unknown)
	o.leftovers(meta, "metadata.", ojfMetaKnown, &unknown)
	if len(unknown) > 0 {
		o.warnings = append(o.warnings, fmt.Sprintf("kept unknown field%s %s in the map's goal", plural(len(unknown)), strings.Join(unknown, ", ")))
	}
	if len(o.extras) > 0 {
		goal = append(goal, strings.Join(o.extras, "\n"))
	}
	g, msg := cleanText(strings.Join(goal, "\n\n"), long)
	if msg != "" {
		o.fail("metadata", "the map's goal (the description and the fields kept with it): %s", msg)
	}
	m.Goal = g
	if o.err != nil {
		return nil
	}
	// The file's lanes first, then the blueprint lanes in their fixed order.
	sort.SliceStable(m.Lanes, func(i, j int) bool { return o.rank[m.Lanes[i].ID] < o.rank[m.Lanes[j].ID] })
	sortCards(m)
	return m
}

// leftovers adds the members of object n that are not in known to the map's extras.
func (o *ojfReader) leftovers(n jnode, prefix string, known []string, names *[]string) {
	obj, _ := n.v.(map[string]any)
	for _, k := range sortedKeys(obj) {
		if !contains(known, k) {
			o.extras = append(o.extras, prefix+k+": "+compact(obj[k]))
			*names = append(*names, fmt.Sprintf("%q", clip(prefix+k)))
		}
	}
}

// id reads a stage, swimlane or node id: a string or a number.
func (o *ojfReader) id(n jnode) string {
	switch v := n.v.(type) {
	case string:
		if v == "" {
			o.fail(n.path, "the id is empty")
		}
		return v
	case json.Number:
		return string(v)
	case nil:
		o.fail(n.path, "the id is missing")
	default:
		o.fail(n.path, "expected an id (a string or a number), found %s", typeName(v))
	}
	return ""
}

func (o *ojfReader) stage(n jnode) {
	if !o.object(n, true) {
		return
	}
	m := o.m
	st := data.Stage{ID: int64(len(m.Stages) + 1), Position: len(m.Stages)}
	id := o.id(n.get("id"))
	if _, dup := o.stages[id]; dup && o.err == nil {
		o.fail(n.get("id").path, "stage id %q is used twice", clip(id))
	}
	o.stages[id] = st.ID
	st.Name = o.text(n.get("name"), short)
	desc := o.str(n.get("description"))
	var lines []string
	for _, k := range []string{"colour", "color"} {
		if c := o.str(n.get(k)); isColour(c) && st.Colour == "" {
			st.Colour = c
		} else if c != "" {
			lines = append(lines, k+": "+c)
		}
	}
	obj, _ := n.v.(map[string]any)
	for _, k := range sortedKeys(obj) {
		if !contains(ojfStageKnown, k) {
			lines = append(lines, k+": "+compact(obj[k]))
		}
	}
	st.Description = o.joinText(n.get("description").path, desc, lines)
	m.Stages = append(m.Stages, st)
}

func (o *ojfReader) swimlane(i int, n jnode) {
	if !o.object(n, true) {
		return
	}
	m := o.m
	l := data.Lane{ID: int64(len(m.Lanes) + 1), Position: len(m.Lanes)}
	id := o.id(n.get("id"))
	if _, dup := o.lanes[id]; dup && o.err == nil {
		o.fail(n.get("id").path, "swimlane id %q is used twice", clip(id))
	}
	o.lanes[id] = l.ID
	l.Name = o.text(n.get("name"), short)
	l.Kind = GuessLaneKind(l.Name)
	if k := data.LaneKind(o.str(n.get("kind"))); contains(laneKindNames(), string(k)) {
		l.Kind = k
	} else if k != "" {
		o.extras = append(o.extras, fmt.Sprintf("swimlanes[%d].kind: %s", i, k))
	}
	obj, _ := n.v.(map[string]any)
	for _, k := range sortedKeys(obj) {
		if !contains(ojfLaneKnown, k) {
			o.extras = append(o.extras, fmt.Sprintf("swimlanes[%d].%s: %s", i, k, compact(obj[k])))
		}
	}
	m.Lanes = append(m.Lanes, l)
}

func laneKindNames() []string {
	out := make([]string, len(data.LaneKinds))
	for i, k := range data.LaneKinds {
		out[i] = string(k)
	}
	return out
}

func (o *ojfReader) node(n jnode) {
	if !o.object(n, true) {
		return
	}
	m := o.m
	c := data.Card{ID: int64(len(m.Cards) + 1)}
	sn := n.get("stageId")
	if !sn.given() {
		o.fail(sn.path, "the node has no stageId")
		return
	}
	sid := o.id(sn)
	if c.StageID = o.stages[sid]; c.StageID == 0 && o.err == nil {
		o.fail(sn.path, "no stage has id %q", clip(sid))
		return
	}
	if ln := n.get("swimlaneId"); ln.given() {
		lid := o.id(ln)
		if c.LaneID = o.lanes[lid]; c.LaneID == 0 && o.err == nil {
			o.fail(ln.path, "no swimlane has id %q", clip(lid))
			return
		}
	} else {
		if o.defLane == 0 {
			o.defLane = int64(len(m.Lanes) + 1)
			m.Lanes = append(m.Lanes, data.Lane{ID: o.defLane, Name: "Steps", Kind: data.LaneSteps})
		}
		c.LaneID = o.defLane
	}
	if id := n.get("id"); id.given() {
		key := o.id(id)
		if _, dup := o.nodes[key]; dup && o.err == nil {
			o.fail(id.path, "node id %q is used twice", clip(key))
		}
		o.nodes[key] = c.ID
	}
	c.Title = o.text(n.get("title"), short)
	c.Channel = o.text(n.get("channel"), short)
	var lines []string
	if sv := n.get("severity"); sv.given() {
		s := strings.ToLower(strings.TrimSpace(o.str(sv)))
		switch s {
		case "high", "medium", "critical":
			c.Pain = true
		case "low", "":
		default:
			o.fail(sv.path, "severity %q is not low, medium or high", clip(o.str(sv)))
		}
		if s != "" {
			lines = append(lines, "severity: "+s)
		}
	}
	if sc := n.get("score"); sc.given() {
		if v, ok := o.number(sc); ok {
			if v < -5 || v > 5 {
				o.fail(sc.path, "score %g is outside −5..+5", v)
			}
			e := clampToScale(m.Scale.MapFrom(v, -5, 5), m.Scale)
			c.Emotion = &e
		}
	}
	c.MomentOfTruth = o.boolean(n.get("isMomentOfTruth"))
	if ic := o.str(n.get("iconColor")); isColour(ic) {
		c.Colour = ic
	} else if ic != "" {
		lines = append(lines, "iconColor: "+ic)
	}
	tags := o.array(n.get("tags"))
	if len(tags) > MaxTags {
		o.fail(n.get("tags").path, "%d tags, the limit is %d", len(tags), MaxTags)
	}
	for _, t := range tags {
		if s := o.text(t, short); s != "" {
			c.Tags = append(c.Tags, s)
		}
	}
	obj, _ := n.v.(map[string]any)
	for _, k := range ojfNodeHomeless {
		if v, ok := obj[k]; ok && v != nil {
			lines = append(lines, k+": "+compact(v))
		}
	}
	for _, k := range sortedKeys(obj) {
		if !contains(ojfNodeKnown, k) && !contains(ojfNodeHomeless, k) {
			lines = append(lines, k+": "+compact(obj[k]))
		}
	}
	bp := n.get("blueprint")
	if o.object(bp, false) {
		bpObj, _ := bp.v.(map[string]any)
		for _, k := range sortedKeys(bpObj) {
			if !contains([]string{"evidence", "onstage", "backstage", "support"}, k) {
				lines = append(lines, "blueprint."+k+": "+compact(bpObj[k]))
			}
		}
	}
	c.Notes = o.joinText(n.get("description").path, o.str(n.get("description")), lines)
	if o.err != nil {
		return
	}
	m.Cards = append(m.Cards, c)
	if bp.given() {
		for rank, kind := range ojfBlueprint {
			for _, e := range o.array(bp.get(kind.key)) {
				o.blueprintCard(e, c.StageID, rank+1, kind.key, kind.lane, kind.kind)
			}
		}
	}
}

// blueprintCard adds one blueprint entry (a string, or an object with a title, name or text)
// as a card in its lane.
func (o *ojfReader) blueprintCard(e jnode, stageID int64, rank int, key, lane string, kind data.LaneKind) {
	m := o.m
	c := data.Card{ID: int64(len(m.Cards) + 1), StageID: stageID}
	var lines []string
	desc := ""
	switch v := e.v.(type) {
	case nil:
		return
	case string:
		c.Title = o.text(e, short)
	case map[string]any:
		titleKey := ""
		for _, k := range []string{"title", "name", "text"} {
			if titleKey == "" && e.get(k).given() {
				titleKey = k
				c.Title = o.text(e.get(k), short)
			}
		}
		desc = o.str(e.get("description"))
		for _, k := range sortedKeys(v) {
			if k != "description" && k != titleKey {
				lines = append(lines, k+": "+compact(v[k]))
			}
		}
	default:
		c.Title = o.text(jnode{path: e.path, v: compact(v), ok: true}, short)
	}
	c.Notes = o.joinText(e.path, desc, lines)
	if c.Title == "" && c.Notes == "" {
		return
	}
	if o.bpLanes[key] == 0 {
		id := int64(len(m.Lanes) + 1)
		o.bpLanes[key] = id
		o.rank[id] = rank
		m.Lanes = append(m.Lanes, data.Lane{ID: id, Name: lane, Kind: kind})
		m.Type = data.ServiceBlueprint
	}
	c.LaneID = o.bpLanes[key]
	m.Cards = append(m.Cards, c)
}

// joinText is text followed by a blank line and lines, checked as notes.
func (o *ojfReader) joinText(path, text string, lines []string) string {
	if len(lines) > 0 {
		if text != "" {
			text += "\n\n"
		}
		text += strings.Join(lines, "\n")
	}
	s, msg := cleanText(text, long)
	if msg != "" {
		o.fail(path, "%s", msg)
	}
	return s
}

func (o *ojfReader) nodeRef(n jnode) int64 {
	key := o.id(n)
	id, ok := o.nodes[key]
	if !ok && o.err == nil {
		o.fail(n.path, "no node has id %q", clip(key))
	}
	return id
}

// persona reads a persona given as a name or as an object.
func (o *ojfReader) persona(n jnode) *data.Persona {
	p := &data.Persona{}
	switch v := n.v.(type) {
	case string:
		p.Name = o.text(n, short)
		if p.Name == "" {
			return nil
		}
		return p
	case map[string]any:
		var lines []string
		p.Name = o.text(n.get("name"), short)
		desc := ""
		for _, k := range sortedKeys(v) {
			kn := n.get(k)
			switch f := ojfPersonaFields[k]; {
			case k == "name":
			case k == "description":
				desc = o.text(kn, long)
			case f != nil:
				*f(p) = o.text(jnode{path: kn.path, v: personaText(kn.v), ok: true}, long)
			default:
				lines = append(lines, k+": "+compact(kn.v))
			}
		}
		if desc != "" {
			if p.Summary != "" {
				p.Summary += "\n\n"
			}
			p.Summary += desc
		}
		if len(lines) > 0 {
			if p.Summary != "" {
				p.Summary += "\n\n"
			}
			p.Summary += strings.Join(lines, "\n")
		}
		s, msg := cleanText(p.Summary, long)
		if msg != "" {
			o.fail(n.get("summary").path, "the summary (with the fields kept in it): %s", msg)
		}
		p.Summary = s
		if p.Name == "" {
			p.Name = "Persona"
			o.warnings = append(o.warnings, "the persona has no name; it is called \"Persona\"")
		}
		return p
	}
	o.fail(n.path, "expected a persona name or object, found %s", typeName(n.v))
	return nil
}

// personaText turns a persona answer into text: a string as it is, a list one item a line.
func personaText(v any) string {
	if a, ok := v.([]any); ok {
		lines := make([]string, len(a))
		for i, x := range a {
			lines[i] = compact(x)
		}
		return strings.Join(lines, "\n")
	}
	if v == nil {
		return ""
	}
	return compact(v)
}
