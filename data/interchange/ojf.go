package interchange

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"journeycanvas/assets"
	"journeycanvas/data"
)

// Fields of an OJF document that ReadOJF gives a home; anything else is kept as text.
var (
	ojfRootKnown     = []string{"title", "metadata", "persona", "pointOfView", "description", "stages", "swimlanes", "nodes", "links", "version", "$schema", ojfExt}
	ojfMetaKnown     = []string{"title", "persona", "pov", "description", "author", "owner", "version"}
	ojfStageKnown    = []string{"id", "name", "description", "colour", "color", "overrideEmotion", ojfExt}
	ojfLaneKnown     = []string{"id", "name", "kind"}
	ojfNodeKnown     = []string{"id", "stageId", "stage", "swimlaneId", "swimlane", "title", "description", "severity", "score", "isMomentOfTruth", "iconColor", "tags", "channel", "blueprint", "purpose", ojfExt}
	ojfNodeHomeless  = []string{"sentiment", "icon"} // kept in the notes, first
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

// ojfPurposes are the node purposes Ptolemy offers. A pain point and an opportunity become the
// card's flags; the others become a tag of the same word.
var ojfPurposes = []string{"touchpoint", "pain-point", "gain", "opportunity", "milestone", "bottleneck", "decision", "observation", "note"}

// ojfBlueprint gives the lane each kind of blueprint entry goes to and the fields of its
// entries, in the spec's order: evidence [{item, type}], onstage and backstage
// [{actor, action}], support [{system, description}].
var ojfBlueprint = []struct {
	key  string
	name defaultName
	kind data.LaneKind
}{
	{"evidence", nameEvidence, data.LaneCustom},
	{"onstage", nameOnstage, data.LanePeople},
	{"backstage", nameBackstage, data.LanePeople},
	{"support", nameSupport, data.LaneProcesses},
}

// ReadOJF reads a journey in OpenJourney Format (JSON), as Ptolemy writes it
// (github.com/andywestley/ptolemy-journey-mapper, OJF_SPEC.md):
//
//	{"version", "metadata": {"title", "persona", "pov", "description", "author", "version"},
//	 "title", "description", "persona", "pointOfView",
//	 "stages": [{"id", "name", "overrideEmotion"}], "swimlanes": [{"id", "name"}],
//	 "nodes": [{"id", "stageId" (or "stage"), "swimlaneId", "title", "description", "severity",
//	            "score", "sentiment", "purpose", "isMomentOfTruth", "icon", "iconColor", "tags",
//	            "blueprint": {"evidence": [{"item", "type"}], "onstage": [{"actor", "action"}],
//	                          "backstage": [{"actor", "action"}],
//	                          "support": [{"system", "description"}]}}],
//	 "links": [{"from", "to", "label"}]}
//
// The title is metadata.title, else title, else pointOfView (when it is one short line),
// else the file's base name. The point of view (pointOfView or metadata.pov) becomes the
// map's Audience: it says whose eyes the journey is seen through; the description
// (metadata.description, description) its goal. The persona (persona or metadata.persona) is
// a name or an object with name, summary, description and the persona questions. Ids may be
// strings or numbers. The format's version is read, not kept.
//
// Each node is a card: its score (−5..+5) is mapped linearly onto the map's scale (exactly,
// to two decimals), a high or medium severity marks it a pain point (the severity is noted
// too), a purpose of pain-point or opportunity sets that flag and any other purpose becomes
// a tag, an iconColor like #rrggbb is its colour. A node without an id, or with one an
// earlier node has, gets a new one, as Ptolemy does (links name the first). Nodes with no
// swimlane go to a steps lane. A stage's overrideEmotion (its feeling set by hand) becomes a
// card in an emotions lane.
//
// Blueprint entries become cards of their own in the node's stage, each titled from its
// entry ("Doorman: Opens taxi door and greets guest"; "Hotel Signage" with its type as a tag;
// "Valet System" with its description as notes), in lanes laid out as a service blueprint
// reads: physical evidence above the customer's lanes, then onstage, backstage and support
// processes below the last customer-actions lane, so the board draws the lines of
// interaction, visibility and internal interaction between them. A map with blueprint
// entries is a service blueprint. Lanes the reader names are named in the map's language.
//
// Nothing is dropped silently: node fields with no home (sentiment, icon, unknown fields) are
// added to the card's notes as "key: value" lines, unknown stage fields to the stage's
// description, unknown persona fields to its summary, and unknown top-level, metadata and
// swimlane fields to the map's notes, named in a warning. A node naming an unknown stage or
// swimlane is refused with its JSON path.
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
	extras   []string // "key: value" lines for the map's notes
	stages   map[string]int64
	lanes    map[string]int64
	nodes    map[string]int64
	bpLanes  map[string]int64      // blueprint key → lane id
	named    map[int64]defaultName // lanes the reader made → their name
	feeling  int64                 // the emotions lane of overrideEmotion cards
	override map[int64]float64     // stage id → overrideEmotion on the map's scale
	defLane  int64
	unnamed  int // nodes whose id an earlier node has
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
	o.bpLanes, o.named, o.override = map[string]int64{}, map[int64]defaultName{}, map[int64]float64{}

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
	o.str(meta.get("version")) // the format's own bookkeeping: checked, not kept
	var goal []string
	for _, n := range []jnode{meta.get("description"), root.get("description")} {
		if s := o.text(n, long); s != "" && !contains(goal, s) {
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
	ext := root.get(ojfExt)
	if o.object(ext, false, "type", "status", "scale", "curve", "lang", "noteLines", "notes", "photo") {
		if sc := ext.get("scale"); sc.given() {
			m.Scale = o.scale(sc)
		}
		m.Curve = oneOf(&o.jsonReader, ext.get("curve"), data.CurvePerCard, data.CurvePerCard, data.CurvePerStage)
		m.Lang = oneOf(&o.jsonReader, ext.get("lang"), "", data.MapLangs...)
		if n, ok := o.integer(ext.get("noteLines"), 0, data.MaxNoteLines); ok {
			m.NoteLines = n
		}
		if s := o.text(ext.get("notes"), long); s != "" {
			o.extras = append(o.extras, s)
		}
		if ph := ext.get("photo"); ph.given() && m.Persona != nil {
			p := o.jsonReader.persona(jnode{path: ext.path, v: map[string]any{"name": m.Persona.Name, "photo": ph.v}, ok: true})
			if p != nil {
				m.Persona.Photo = p.Photo
			}
		}
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
	if o.unnamed > 0 {
		o.warnings = append(o.warnings, fmt.Sprintf("%d node%s had an id an earlier node has; links name the first, and %s given a new id, as Ptolemy does", o.unnamed, plural(o.unnamed), map[bool]string{true: "it was", false: "they were"}[o.unnamed == 1]))
	}
	o.feelings()
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
		o.warnings = append(o.warnings, fmt.Sprintf("kept unknown field%s %s in the map's notes", plural(len(unknown)), strings.Join(unknown, ", ")))
	}
	g, msg := cleanText(strings.Join(goal, "\n\n"), long)
	if msg != "" {
		o.fail("metadata.description", "the map's goal: %s", msg)
	}
	m.Goal = g
	notes, msg := cleanText(strings.Join(o.extras, "\n"), long)
	if msg != "" {
		o.fail("metadata", "the map's notes (the fields kept in them): %s", msg)
	}
	m.Notes = notes
	if o.err != nil {
		return nil
	}
	if ext.given() {
		m.Type = oneOf(&o.jsonReader, ext.get("type"), m.Type, data.MapTypes...)
		m.Status = oneOf(&o.jsonReader, ext.get("status"), data.Draft, data.Statuses...)
	}
	if o.err != nil {
		return nil
	}
	m.Lanes = ojfLaneOrder(m.Lanes, o.bpKeyOf())
	nameLanes(m, o.named)
	if o.feeling != 0 {
		lang := mapLang(m)
		for i := range m.Cards {
			if m.Cards[i].LaneID == o.feeling {
				m.Cards[i].Title = assets.Word(lang, "Overall feeling")
			}
		}
		if len(o.override) > 0 {
			o.warnings = append(o.warnings, fmt.Sprintf("the feeling set by hand for %d stage%s (overrideEmotion) is a card in the lane %q; the curve draws it beside the stage's other scores", len(o.override), plural(len(o.override)), m.Lane(o.feeling).Name))
		}
	}
	sortCards(m)
	return m
}

// bpKeyOf gives the blueprint key of each blueprint lane by id.
func (o *ojfReader) bpKeyOf() map[int64]string {
	out := make(map[int64]string, len(o.bpLanes))
	for k, id := range o.bpLanes {
		out[id] = k
	}
	return out
}

// ojfLaneOrder lays the lanes out as a service blueprint reads (ReadOJF): the evidence lane
// first, then the other lanes up to the last customer-actions (steps) lane, then the onstage,
// backstage and support lanes, then the remaining lanes. bp gives the blueprint key of the
// blueprint lanes by id; the others keep their order.
func ojfLaneOrder(lanes []data.Lane, bp map[int64]string) []data.Lane {
	if len(bp) == 0 {
		return lanes
	}
	var own []data.Lane
	byKey := map[string]data.Lane{}
	for _, l := range lanes {
		if k, ok := bp[l.ID]; ok {
			byKey[k] = l
		} else {
			own = append(own, l)
		}
	}
	split := len(own)
	for i := len(own) - 1; i >= 0; i-- {
		if own[i].Kind == data.LaneSteps {
			split = i + 1
			break
		}
	}
	out := make([]data.Lane, 0, len(lanes))
	if l, ok := byKey["evidence"]; ok {
		out = append(out, l)
	}
	out = append(out, own[:split]...)
	for _, k := range []string{"onstage", "backstage", "support"} {
		if l, ok := byKey[k]; ok {
			out = append(out, l)
		}
	}
	out = append(out, own[split:]...)
	for i := range out {
		out[i].Position = i
	}
	return out
}

// feelings adds a card for each stage's overrideEmotion to an emotions lane.
func (o *ojfReader) feelings() {
	m := o.m
	for _, st := range m.Stages {
		v, ok := o.override[st.ID]
		if !ok {
			continue
		}
		if o.feeling == 0 {
			o.feeling = int64(len(m.Lanes) + 1)
			m.Lanes = append(m.Lanes, data.Lane{ID: o.feeling, Kind: data.LaneEmotions})
			o.named[o.feeling] = nameFeeling
		}
		e := v // titled once the map's language is known
		m.Cards = append(m.Cards, data.Card{ID: int64(len(m.Cards) + 1), StageID: st.ID, LaneID: o.feeling,
			Emotion: &e, Notes: "overrideEmotion: " + formatNumber(o.scoreBack(v))})
	}
}

// scoreBack maps a score on the map's scale back onto OJF's −5..+5.
func (o *ojfReader) scoreBack(v float64) float64 { return ojfScore(v, o.m.Scale) }

// ojfScore maps a score on sc onto OJF's −5..+5.
func ojfScore(v float64, sc data.Scale) float64 {
	return data.Scale{Min: -5, Max: 5}.MapFrom(v, float64(sc.Min), float64(sc.Max))
}

// leftovers adds the members of object n that are not in known to the map's extras.
func (o *ojfReader) leftovers(n jnode, prefix string, known []string, names *[]string) {
	obj, _ := n.v.(map[string]any)
	for _, k := range sortedKeys(obj) {
		if !contains(known, k) {
			o.extras = append(o.extras, prefix+k+": "+compact(obj[k]))
			*names = append(*names, strconv.Quote(clip(prefix+k)))
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
	if ov := n.get("overrideEmotion"); ov.given() {
		// Ptolemy's editor leaves "" when the override is cleared.
		if s, isText := ov.v.(string); !isText || strings.TrimSpace(s) != "" {
			if v, ok := o.score(ov); ok {
				o.override[st.ID] = v
			}
		}
	}
	if ext := n.get(ojfExt); o.object(ext, false, "metrics") {
		for _, mn := range o.array(ext.get("metrics")) {
			if mt := o.metric(mn); mt != nil {
				st.Metrics = append(st.Metrics, *mt)
			}
		}
		if len(st.Metrics) > MaxTags {
			o.fail(ext.get("metrics").path, "%d metrics, the limit is %d", len(st.Metrics), MaxTags)
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
	if !sn.given() && n.get("stage").given() { // the variant of Ptolemy's README
		sn = n.get("stage")
	}
	if !sn.given() {
		o.fail(sn.path, "the node has no stageId")
		return
	}
	sid := o.id(sn)
	if c.StageID = o.stages[sid]; c.StageID == 0 && o.err == nil {
		o.fail(sn.path, "no stage has id %q", clip(sid))
		return
	}
	ln := n.get("swimlaneId")
	if !ln.given() && n.get("swimlane").given() {
		ln = n.get("swimlane")
	}
	if ln.given() {
		lid := o.id(ln)
		if c.LaneID = o.lanes[lid]; c.LaneID == 0 && o.err == nil {
			o.fail(ln.path, "no swimlane has id %q", clip(lid))
			return
		}
	} else {
		if o.defLane == 0 {
			o.defLane = int64(len(m.Lanes) + 1)
			m.Lanes = append(m.Lanes, data.Lane{ID: o.defLane, Kind: data.LaneSteps})
			o.named[o.defLane] = nameSteps
		}
		c.LaneID = o.defLane
	}
	key := ""
	if id := n.get("id"); id.given() {
		key = o.id(id)
	}
	if _, dup := o.nodes[key]; dup {
		o.unnamed++ // a new id that no link can name
	} else if key != "" {
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
		if e, ok := o.score(sc); ok {
			c.Emotion = &e
		}
	}
	var exactTags []string
	if pn := n.get("purpose"); pn.given() {
		switch p := strings.ToLower(strings.TrimSpace(o.str(pn))); p {
		case "":
		case "pain-point", "pain", "painpoint", "pain point":
			c.Pain = true
		case "opportunity":
			c.Opportunity = true
		default:
			if t := o.text(jnode{path: pn.path, v: p, ok: true}, short); t != "" {
				c.Tags = append(c.Tags, t)
			}
		}
	}
	if ext := n.get(ojfExt); o.object(ext, false, "presence", "evidence", "metric", "pain", "opportunity", "emotion", "tags") {
		if tn := ext.get("tags"); tn.given() {
			exactTags = []string{}
			for _, t := range o.array(tn) {
				exactTags = append(exactTags, o.text(t, short))
			}
			if len(exactTags) > MaxTags {
				o.fail(tn.path, "%d tags, the limit is %d", len(exactTags), MaxTags)
			}
		}
		c.Presence = oneOf(&o.jsonReader, ext.get("presence"), data.PresenceUnset, data.PresenceUnset, data.Online, data.Offline)
		c.Evidence = oneOf(&o.jsonReader, ext.get("evidence"), data.EvidenceNone, data.EvidenceNone, data.EvidenceResearched, data.EvidenceAssumed, data.EvidenceProposed)
		c.Metric = o.metric(ext.get("metric"))
		c.Pain = c.Pain || o.boolean(ext.get("pain"))
		c.Opportunity = c.Opportunity || o.boolean(ext.get("opportunity"))
		if e, ok := o.number(ext.get("emotion")); ok {
			if !m.Scale.Contains(e) {
				o.fail(ext.get("emotion").path, "%g is outside the map's emotion scale %d..%d", e, m.Scale.Min, m.Scale.Max)
			}
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
		if s := o.text(t, short); s != "" && !contains(c.Tags, s) {
			c.Tags = append(c.Tags, s)
		}
	}
	if len(c.Tags) > MaxTags {
		o.fail(n.get("tags").path, "%d tags with the purpose, the limit is %d", len(c.Tags), MaxTags)
	}
	if exactTags != nil { // as our writer had them: empty ones and repeats too
		c.Tags = exactTags
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
		for _, kind := range ojfBlueprint {
			for _, e := range o.array(bp.get(kind.key)) {
				o.blueprintCard(e, c.StageID, kind.key, kind.name, kind.kind)
			}
		}
	}
}

// blueprintCard adds one blueprint entry as a card in its lane. An entry is an object, as the
// spec has them: {item, type} (evidence: the item is the title, the type a tag),
// {actor, action} (onstage, backstage: "Actor: Action"), {system, description} (support:
// the system is the title, the description the notes), or one with a title, name or text;
// or a plain string. Other members are kept in the notes as "key: value" lines, and a card
// whose entry gives no title is titled with its first text, never left blank.
func (o *ojfReader) blueprintCard(e jnode, stageID int64, key string, lane defaultName, kind data.LaneKind) {
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
		used := map[string]bool{"description": true}
		take := func(k string) string {
			if s, ok := v[k].(string); ok && strings.TrimSpace(s) != "" && !used[k] {
				used[k] = true
				return strings.TrimSpace(s)
			}
			return ""
		}
		actor, action := take("actor"), take("action")
		switch {
		case actor != "" && action != "":
			c.Title = actor + ": " + action
		case action != "":
			c.Title = action
		case actor != "":
			c.Title = actor
		}
		for _, k := range []string{"item", "system", "title", "name", "text"} {
			if c.Title == "" {
				c.Title = take(k)
			}
		}
		if t := take("type"); t != "" {
			if tag := o.text(jnode{path: e.get("type").path, v: t, ok: true}, short); tag != "" {
				c.Tags = append(c.Tags, tag)
			}
		}
		desc = o.str(e.get("description"))
		if c.Title == "" && desc != "" && !strings.Contains(desc, "\n") && utf8.RuneCountInString(desc) <= MaxTitleRunes {
			c.Title, desc = desc, ""
		}
		for _, k := range sortedKeys(v) {
			if !used[k] && v[k] != nil {
				if s, ok := v[k].(string); c.Title == "" && ok && strings.TrimSpace(s) != "" && !strings.Contains(s, "\n") && utf8.RuneCountInString(s) <= MaxTitleRunes {
					c.Title = strings.TrimSpace(s)
					continue
				}
				lines = append(lines, k+": "+compact(v[k]))
			}
		}
		t, msg := cleanText(c.Title, short)
		if msg != "" {
			o.fail(e.path, "the entry's title: %s", msg)
			return
		}
		c.Title = t
	default:
		c.Title = o.text(jnode{path: e.path, v: compact(v), ok: true}, short)
	}
	c.Notes = o.joinText(e.path, desc, lines)
	if c.Title == "" && c.Notes == "" {
		return
	}
	if c.Title == "" { // an entry of only long or nested members: its first line titles it
		first, _, _ := strings.Cut(c.Notes, "\n")
		c.Title = clipRunes(first, 120)
	}
	if o.bpLanes[key] == 0 {
		id := int64(len(m.Lanes) + 1)
		o.bpLanes[key] = id
		o.named[id] = lane
		m.Lanes = append(m.Lanes, data.Lane{ID: id, Kind: kind})
		m.Type = data.ServiceBlueprint
	}
	c.LaneID = o.bpLanes[key]
	m.Cards = append(m.Cards, c)
}

// clipRunes shortens s to at most n characters, ending it with "…" when cut.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// score reads an OJF score (−5..+5, a number; Ptolemy's editor may leave it as text) and
// maps it exactly onto the map's scale.
func (o *ojfReader) score(n jnode) (float64, bool) {
	if s, isText := n.v.(string); isText {
		v, ok := parseDecimal(strings.TrimSpace(s))
		if !ok {
			o.fail(n.path, "expected a number from −5 to +5, found %q", clip(s))
			return 0, false
		}
		n = jnode{path: n.path, v: json.Number(formatNumber(v)), ok: true}
	}
	v, ok := o.number(n)
	if !ok {
		return 0, false
	}
	if v < -5 || v > 5 {
		o.fail(n.path, "score %g is outside −5..+5", v)
		return 0, false
	}
	return mapScore(v, -5, 5, o.m.Scale), true
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
