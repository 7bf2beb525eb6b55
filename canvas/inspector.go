package canvas

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// inspector edits every field of what is selected: the map (nothing selected), a stage, a
// lane, a card or a link. Every field saves as the user goes (autosave.go): text after a
// pause in typing and when the field is left, choices at once. There is no Apply button and
// nothing typed is ever dropped: changing the selection, the map or the workspace, undoing,
// exporting and quitting all save the form first.
type inspector struct {
	u      *ui
	box    *fyne.Container
	title  string                       // what the inspector shows ("Card", "Stage"…)
	fields map[string]fyne.CanvasObject // the form's fields by label
	msg    *canvas.Text                 // a refusal that names no field of the form
	// shown identifies what the form was built from (formKey); a refresh with the same key
	// keeps the form, and so does the refresh that follows the form's own save.
	shown string
	// target names what the form edits ("card 12"); edit groups are named after it.
	kind      string // what the form is about: "map", "stage", "lane", "link", "card" ("" none)
	id        int64  // … and its id
	target    string
	save      func() // writes the form's changed fields; nil when the form edits nothing
	texts     []*field
	touched   map[fyne.CanvasObject]bool // the choices (check boxes, selects) the user changed
	dirty     bool                       // changed since the last save
	unsaved   bool                       // the last save was refused: the server is out of reach
	group     string                     // the edit group of the field being visited
	visiting  *field                     // the field that has the focus
	explained *field                     // the field whose refusal the message line shows
	visits    int                        // fields visited so far, to name edit groups
	saving    bool                       // within save: the refresh that follows keeps the form
	building  bool                       // within the form's construction: setting values is not typing
	readOnly  bool                       // the workspace cannot be written: fields are disabled
	timer     *time.Timer                // saves after a pause in typing
	gen       int                        // the form's generation: a pause timer of an older form does nothing
	typedSeq  int                        // keystrokes so far: a pause timer with keystrokes after it does nothing
	saves     int                        // saves done (for tests)
	stale     bool                       // another program changed the map while a field was typed in

	nps npsFields // the card form's metric fields (for tests)
	// stageMetrics is the stage form's metrics editor (for tests)
	stageMetrics *metricsEditor
	colours      *colourPicker // the form's colour picker (for tests)
}

func newInspector(u *ui) *inspector {
	in := &inspector{u: u, box: container.NewStack()}
	in.msg = canvas.NewText("", theme.Color(theme.ColorNameError))
	in.msg.TextSize = theme.CaptionTextSize()
	return in
}

// begin starts building a form for target; the fields made until show belong to it.
func (in *inspector) begin(kind string, id int64) {
	in.commit()
	if in.timer != nil {
		in.timer.Stop()
	}
	in.gen++
	in.kind, in.id = kind, id
	in.target = ""
	if kind != "" {
		in.target = fmt.Sprintf("%s %d", kind, id)
	}
	in.texts = nil
	in.touched = nil
	in.save = nil
	in.dirty = false
	in.group = ""
	in.visiting = nil
	in.building = true
	in.readOnly = in.u.st.ReadOnly()
}

func (in *inspector) show(title string, items []*widget.FormItem, extra ...fyne.CanvasObject) {
	in.building = false
	in.title = title
	in.fields = map[string]fyne.CanvasObject{}
	for _, it := range items {
		in.fields[it.Text] = it.Widget
		if f, ok := it.Widget.(*field); ok {
			f.label = it.Text
		}
	}
	form := widget.NewForm(items...)
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	in.msg.Text = ""
	in.msg.Color = theme.Color(theme.ColorNameError)
	content := container.NewVBox(head, form, in.msg, container.NewHBox(extra...))
	// A margin at the right, so that the fields do not run into the window's edge (or under
	// the scroll bar).
	inset := container.New(layout.NewCustomPaddedLayout(0, 0, 0, 3*theme.Padding()), content)
	in.box.Objects = []fyne.CanvasObject{container.NewVScroll(inset)}
	in.box.Refresh()
}

// setMessage shows a refusal under the form ("" clears it).
func (in *inspector) setMessage(s string) {
	if in.msg.Text == s {
		return
	}
	in.msg.Text = s
	in.msg.Refresh()
}

// langName names a language in itself.
func langName(code string) string {
	for _, c := range languageChoices {
		if c.Code == code {
			return c.Name
		}
	}
	return code
}

func numText(f *float64) string {
	if f == nil {
		return ""
	}
	return fmtNum(*f)
}

// parseNum reads an optional number ("" → nil); a decimal comma is taken too.
func parseNum(s string) (*float64, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, fmt.Errorf(lang.L("%q is not a number"), s)
	}
	return &v, nil
}

func checkNum(s string) error { _, err := parseNum(s); return err }

// checkWhole accepts a whole number.
func checkWhole(s string) error {
	if _, err := strconv.Atoi(strings.TrimSpace(s)); err != nil {
		return fmt.Errorf(lang.L("%q is not a whole number"), strings.TrimSpace(s))
	}
	return nil
}

// checkScore accepts an empty score or a number on the scale.
func checkScore(sc data.Scale) func(string) error {
	return func(s string) error {
		v, err := parseNum(s)
		if err != nil {
			return err
		}
		if v != nil && !sc.Contains(*v) {
			return fmt.Errorf(lang.L("must be from %d to %d"), sc.Min, sc.Max)
		}
		return nil
	}
}

func splitList(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// selectOf is a list of choices that saves at once.
func (in *inspector) selectOf(options []string, index int) *widget.Select {
	s := widget.NewSelect(options, nil)
	if index >= 0 && index < len(options) {
		s.SetSelectedIndex(index)
	}
	s.OnChanged = func(string) { in.touch(s); in.chose() }
	if in.readOnly {
		s.Disable()
	}
	return s
}

// touch notes that the user changed a choice of the form: a save writes it, and only the
// choices touched (another's change of an untouched one, read meanwhile, is kept).
func (in *inspector) touch(o fyne.CanvasObject) {
	if in.building {
		return
	}
	if in.touched == nil {
		in.touched = map[fyne.CanvasObject]bool{}
	}
	in.touched[o] = true
}

// checkOf is a check box that saves at once.
func (in *inspector) checkOf(label string, on bool) *widget.Check {
	c := widget.NewCheck(label, nil)
	c.SetChecked(on)
	c.OnChanged = func(bool) { in.touch(c); in.chose() }
	if in.readOnly {
		c.Disable()
	}
	return c
}

func (in *inspector) refresh() {
	u := in.u
	if in.dirty && !in.saving {
		in.commit() // what was typed is saved before the form changes
	}
	if u.m == nil {
		in.begin("", 0)
		in.shown = ""
		in.title = ""
		in.box.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("No map. Create one with + in the list of maps."))}
		in.box.Refresh()
		return
	}
	key, build := in.formFor()
	if key == in.shown {
		return
	}
	if in.saving {
		in.shown = key // the form shows what it just saved: keep it, and the focus in it
		return
	}
	build()
	in.shown = key
}

// formFor returns the key of the form the selection needs and the routine that builds it.
func (in *inspector) formFor() (string, func()) {
	u := in.u
	ro := u.st.ReadOnly()
	s := u.board.sel
	switch s.kind {
	case selStage:
		if st := u.m.Stage(s.id); st != nil {
			v := *st
			v.Position = 0
			return formKey("stage", v, ro, uiLang()), func() { in.stage(*st) }
		}
	case selLane:
		if l := u.m.Lane(s.id); l != nil {
			v := *l
			v.Position = 0
			return formKey("lane", v, ro, uiLang()), func() { in.lane(*l) }
		}
	case selLink:
		for _, l := range u.m.Links {
			if l.ID == s.id {
				l := l
				from, to := u.m.Card(l.FromID), u.m.Card(l.ToID)
				var ft, tt string
				if from != nil {
					ft = from.Title
				}
				if to != nil {
					tt = to.Title
				}
				return formKey("link", l, ro, ft, tt, uiLang()), func() { in.link(l) }
			}
		}
	case selCard:
		if len(s.cards) == 1 {
			if c := u.m.Card(s.cards[0]); c != nil {
				return cardKey(*c, u.m.Scale, ro), func() { in.card(*c) }
			}
		} else if len(s.cards) > 1 {
			return formKey("cards", s.cards, ro, uiLang()), func() {
				in.begin("", 0)
				in.show(fmt.Sprintf(lang.L("%d cards selected"), len(s.cards)), nil,
					widget.NewButton(lang.L("Delete"), u.deleteSelection), widget.NewButton(lang.L("Duplicate"), u.duplicate))
			}
		}
	}
	m := *u.m
	m.Stages, m.Lanes, m.Cards, m.Links = nil, nil, nil, nil
	personas, _ := u.st.Personas()
	var names []string
	for _, p := range personas {
		names = append(names, p.Name)
	}
	m.Updated = time.Time{}
	return formKey("map", m, ro, names, uiLang()), func() { in.mapForm(*u.m, personas) }
}

// formKey is everything a form shows, as text.
func formKey(kind string, v ...any) string {
	b, _ := json.Marshal(v)
	return kind + string(b)
}

// cardKey is everything the card form shows: the card without its place on the board (the
// form does not show it), the map's scale (the emotion field's hint) and whether edits are
// allowed.
func cardKey(c data.Card, sc data.Scale, readOnly bool) string {
	c.StageID, c.LaneID, c.Position = 0, 0, 0
	return formKey("card", c, sc, readOnly, uiLang())
}

func (in *inspector) mapForm(m data.Map, personas []data.Persona) {
	u := in.u
	in.begin("map", m.ID)
	id := m.ID
	title := in.text("map title", m.Title, false)
	goal := in.text("map goal", m.Goal, true)
	audience := in.text("map audience", m.Audience, false)
	owner := in.text("map owner", m.Owner, false)
	notes := in.text("map notes", m.Notes, true)
	var types, statuses []string
	ti, si := 0, 0
	for i, t := range data.MapTypes {
		types = append(types, tr(t.Label()))
		if t == m.Type {
			ti = i
		}
	}
	for i, st := range data.Statuses {
		statuses = append(statuses, tr(statusKey(st)))
		if st == m.Status {
			si = i
		}
	}
	typ := in.selectOf(types, ti)
	status := in.selectOf(statuses, si)
	smin := in.text("emotion scale", strconv.Itoa(m.Scale.Min), false).validated(checkWhole)
	smax := in.text("emotion scale", strconv.Itoa(m.Scale.Max), false).validated(checkWhole)
	// The steps as the curve names them on this map (the default ones in the map's language).
	mapLang := geometry.MapLang(&m, "")
	labels := in.text("emotion scale labels", strings.Join(geometry.StepLabels(m.Scale, mapLang), ", "), false)
	detected := geometry.DetectLang(&m)
	langs := []string{fmt.Sprintf(lang.L("Automatic (%s)"), langName(detected)), langName("en"), langName("vi")}
	li := map[string]int{"": 0, "en": 1, "vi": 2}[m.Lang]
	mapLangSel := in.selectOf(langs, li)
	noteLines := in.selectOf([]string{lang.L("Title only"), lang.L("1 line of notes"), lang.L("2 lines of notes"), lang.L("3 lines of notes")},
		min(max(m.NoteLines, 0), 3))
	ci := 0
	if m.Curve == data.CurvePerStage {
		ci = 1
	}
	curve := in.selectOf([]string{lang.L("One point per card"), lang.L("One point per stage (average)")}, ci)
	pnames := []string{lang.L("(none)")}
	pi := 0
	for i, p := range personas {
		pnames = append(pnames, p.Name)
		if p.ID == m.PersonaID {
			pi = i + 1
		}
	}
	persona := in.selectOf(pnames, pi)
	// A save sets only what was changed in this form, on the map as the workspace has it now
	// (EditMap): someone else's edit of another field, made meanwhile, is kept.
	in.save = func() {
		var langBefore string
		set := func(nm *data.Map) {
			langBefore = nm.Lang
			if title.dirty {
				nm.Title = strings.TrimSpace(title.Text)
			}
			if goal.dirty {
				nm.Goal = goal.Text
			}
			if audience.dirty {
				nm.Audience = audience.Text
			}
			if owner.dirty {
				nm.Owner = owner.Text
			}
			if notes.dirty {
				nm.Notes = notes.Text
			}
			if i := typ.SelectedIndex(); i >= 0 && in.touched[typ] {
				nm.Type = data.MapTypes[i]
			}
			if i := status.SelectedIndex(); i >= 0 && in.touched[status] {
				nm.Status = data.Statuses[i]
			}
			if (smin.dirty || smax.dirty) && smin.valid() && smax.valid() {
				lo, _ := strconv.Atoi(strings.TrimSpace(smin.Text))
				hi, _ := strconv.Atoi(strings.TrimSpace(smax.Text))
				nm.Scale.Min, nm.Scale.Max = lo, hi
			}
			if labels.dirty {
				nm.Scale.Labels = splitList(labels.Text)
			}
			if in.touched[curve] {
				nm.Curve = data.CurvePerCard
				if curve.SelectedIndex() == 1 {
					nm.Curve = data.CurvePerStage
				}
			}
			if in.touched[mapLangSel] {
				nm.Lang = []string{"", "en", "vi"}[max(mapLangSel.SelectedIndex(), 0)]
			}
			if in.touched[noteLines] {
				nm.NoteLines = max(noteLines.SelectedIndex(), 0)
			}
			if in.touched[persona] {
				nm.PersonaID = 0
				if i := persona.SelectedIndex(); i > 0 && i <= len(personas) {
					nm.PersonaID = personas[i-1].ID
				}
			}
		}
		if in.write(func() error { return u.st.EditMap(id, set) }) != nil {
			return
		}
		if title.dirty {
			u.side.reload()
		}
		if !labels.dirty && u.m != nil && u.m.Lang != langBefore {
			// the steps as the curve now names them
			in.building = true
			labels.SetText(strings.Join(geometry.StepLabels(u.m.Scale, geometry.MapLang(u.m, "")), ", "))
			in.building = false
		}
	}
	in.show(lang.L("Map"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title), widget.NewFormItem(lang.L("Goal"), goal),
		widget.NewFormItem(lang.L("Audience"), audience), widget.NewFormItem(lang.L("Type"), typ),
		widget.NewFormItem(lang.L("Owner"), owner), widget.NewFormItem(lang.L("Status"), status),
		widget.NewFormItem(lang.L("Scale from"), smin), widget.NewFormItem(lang.L("Scale to"), smax),
		widget.NewFormItem(lang.L("Scale labels"), labels), widget.NewFormItem(lang.L("Curve"), curve),
		widget.NewFormItem(lang.L("Persona"), persona),
		widget.NewFormItem(lang.L("Words on the map"), mapLangSel),
		widget.NewFormItem(lang.L("Cards show"), noteLines),
		widget.NewFormItem(lang.L("Notes"), notes),
	}, widget.NewButton(lang.L("Edit persona…"), u.personaDialog))
}

func (in *inspector) stage(st data.Stage) {
	u := in.u
	in.begin("stage", st.ID)
	id := st.ID
	name := in.text("stage name", st.Name, false)
	colour := in.colourPicker(st.Colour, "stage colour")
	desc := in.text("stage description", st.Description, true)
	metrics := newMetricsEditor(in, st)
	in.stageMetrics = metrics
	in.save = func() {
		if u.m.Stage(id) == nil {
			return
		}
		col, colSet := colour.value()
		metricsSet := metrics.touched()
		metrics.dirty = false
		in.write(func() error {
			return u.st.EditStage(u.mapID, id, func(ns *data.Stage) {
				if name.dirty {
					ns.Name = strings.TrimSpace(name.Text)
				}
				if colSet {
					ns.Colour = col
				}
				if desc.dirty {
					ns.Description = desc.Text
				}
				if metricsSet {
					ns.Metrics = metrics.metrics(ns.Metrics)
				}
			})
		})
	}
	in.show(lang.L("Stage"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name), widget.NewFormItem(lang.L("Colour"), colour.content()),
		widget.NewFormItem(lang.L("Summary"), desc),
		widget.NewFormItem(lang.L("Metrics"), metrics.content()),
	}, widget.NewButton(lang.L("Delete stage"), u.deleteSelection))
}

func (in *inspector) lane(l data.Lane) {
	u := in.u
	in.begin("lane", l.ID)
	id := l.ID
	name := in.text("lane name", l.Name, false)
	var kinds []string
	ki := 0
	for i, k := range data.LaneKinds {
		kinds = append(kinds, tr(laneKindKey(k)))
		if k == l.Kind {
			ki = i
		}
	}
	kind := in.selectOf(kinds, ki)
	in.save = func() {
		if u.m.Lane(id) == nil {
			return
		}
		in.write(func() error {
			return u.st.EditLane(u.mapID, id, func(nl *data.Lane) {
				if name.dirty {
					nl.Name = strings.TrimSpace(name.Text)
				}
				if i := kind.SelectedIndex(); i >= 0 && in.touched[kind] {
					nl.Kind = data.LaneKinds[i]
				}
			})
		})
	}
	in.show(lang.L("Lane"), []*widget.FormItem{widget.NewFormItem(lang.L("Name"), name), widget.NewFormItem(lang.L("Kind"), kind)},
		widget.NewButton(lang.L("Delete lane"), u.deleteSelection))
}

func (in *inspector) link(l data.Link) {
	u := in.u
	in.begin("link", l.ID)
	id := l.ID
	label := in.text("link label", l.Label, false)
	from, to := "?", "?"
	if c := u.m.Card(l.FromID); c != nil {
		from = c.Title
	}
	if c := u.m.Card(l.ToID); c != nil {
		to = c.Title
	}
	in.save = func() {
		for _, cur := range u.m.Links {
			if cur.ID == id {
				nl := cur
				nl.Label = strings.TrimSpace(label.Text)
				in.write(func() error { return u.st.UpdateLink(nl) })
			}
		}
	}
	fromL, toL := widget.NewLabel(from), widget.NewLabel(to)
	fromL.Wrapping, toL.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	in.show(lang.L("Link"), []*widget.FormItem{
		widget.NewFormItem(lang.L("From"), fromL), widget.NewFormItem(lang.L("To"), toL), widget.NewFormItem(lang.L("Label"), label),
	}, widget.NewButton(lang.L("Delete link"), u.deleteSelection))
}

func (in *inspector) card(c data.Card) {
	u := in.u
	in.begin("card", c.ID)
	id := c.ID
	title := in.text("card title", c.Title, true)
	title.enterSaves = true
	notes := in.text("card notes", c.Notes, true)
	channel := in.text("card channel", c.Channel, false)
	pi := 0
	switch c.Presence {
	case data.Online:
		pi = 1
	case data.Offline:
		pi = 2
	}
	presence := in.selectOf([]string{lang.L("(unset)"), lang.L("online"), lang.L("offline")}, pi)
	sc := u.m.Scale
	emotion := in.text("card emotion", numText(c.Emotion), false).validated(checkScore(sc))
	emotion.SetPlaceHolder(fmt.Sprintf(lang.L("%d … %d, or empty"), sc.Min, sc.Max))
	pain := in.checkOf(lang.L("Pain point"), c.Pain)
	opp := in.checkOf(lang.L("Opportunity"), c.Opportunity)
	mot := in.checkOf(lang.L("Moment of truth"), c.MomentOfTruth)
	evs := []data.Evidence{data.EvidenceNone, data.EvidenceResearched, data.EvidenceAssumed, data.EvidenceProposed}
	ei := 0
	for i, e := range evs {
		if e == c.Evidence {
			ei = i
		}
	}
	evidence := in.selectOf([]string{lang.L("(none)"), lang.L("researched"), lang.L("assumed"), lang.L("proposed")}, ei)
	tags := in.text("card tags", strings.Join(c.Tags, ", "), false)
	colour := in.colourPicker(c.Colour, "card colour")
	var mt data.Metric
	if c.Metric != nil {
		mt = *c.Metric
	}
	mName := in.text("metric name", mt.Name, false)
	mValue := in.text("metric value", "", false).validated(checkNum)
	if c.Metric != nil {
		mValue.SetText(fmtNum(mt.Value))
	}
	mTarget := in.text("metric target", numText(mt.Target), false).validated(checkNum)
	mUnit := in.text("metric unit", mt.Unit, false)
	mUp := in.checkOf(lang.L("Higher is better"), c.Metric == nil || mt.UpIsGood)
	// A save sets only what was changed in this form, on the card as the file has it now:
	// someone else's edit of another field of the card, made meanwhile, is kept.
	in.save = func() {
		if u.m.Card(id) == nil {
			return
		}
		set := func(nc *data.Card) {
			if title.dirty {
				nc.Title = strings.TrimSpace(title.Text)
			}
			if notes.dirty {
				nc.Notes = notes.Text
			}
			if channel.dirty {
				nc.Channel = strings.TrimSpace(channel.Text)
			}
			if in.touched[presence] {
				nc.Presence = []data.Presence{data.PresenceUnset, data.Online, data.Offline}[max(presence.SelectedIndex(), 0)]
			}
			if emotion.dirty && emotion.valid() {
				nc.Emotion, _ = parseNum(emotion.Text)
			}
			if in.touched[pain] {
				nc.Pain = pain.Checked
			}
			if in.touched[opp] {
				nc.Opportunity = opp.Checked
			}
			if in.touched[mot] {
				nc.MomentOfTruth = mot.Checked
			}
			if in.touched[evidence] {
				nc.Evidence = evs[max(evidence.SelectedIndex(), 0)]
			}
			if tags.dirty {
				nc.Tags = splitList(tags.Text)
			}
			if col, ok := colour.value(); ok { // a swatch clicked or a hex typed
				nc.Colour = col
			}
			metricTouched := mName.dirty || mValue.dirty || mTarget.dirty || mUnit.dirty || in.touched[mUp]
			if metricTouched && mValue.valid() && mTarget.valid() {
				nc.Metric = nil
				if strings.TrimSpace(mName.Text) != "" || strings.TrimSpace(mValue.Text) != "" {
					v, _ := parseNum(mValue.Text)
					t, _ := parseNum(mTarget.Text)
					m := data.Metric{Name: strings.TrimSpace(mName.Text), Target: t, Unit: strings.TrimSpace(mUnit.Text), UpIsGood: mUp.Checked}
					if v != nil {
						m.Value = *v
					}
					nc.Metric = &m
				}
			}
		}
		in.writeCard(id, func() error { return u.st.EditCard(u.mapID, id, set) })
	}
	in.show(lang.L("Card"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title), widget.NewFormItem(lang.L("Notes"), notes),
		widget.NewFormItem(lang.L("Channel"), channel), widget.NewFormItem(lang.L("Presence"), presence),
		widget.NewFormItem(lang.L("Emotion"), emotion), widget.NewFormItem(lang.L("Marks"), container.NewVBox(pain, opp, mot)),
		widget.NewFormItem(lang.L("Evidence"), evidence), widget.NewFormItem(lang.L("Tags"), tags),
		widget.NewFormItem(lang.L("Colour"), colour.content()),
		widget.NewFormItem(lang.L("Metric"), mName), widget.NewFormItem(lang.L("Value"), mValue),
		widget.NewFormItem(lang.L("Target"), mTarget), widget.NewFormItem(lang.L("Unit"), mUnit),
		widget.NewFormItem("", mUp),
	}, widget.NewButton(lang.L("NPS…"), func() { u.npsDialog(npsFields{mName, mValue, mUnit, mUp}) }),
		widget.NewButton(lang.L("Delete"), u.deleteSelection))
	in.nps = npsFields{mName, mValue, mUnit, mUp}
}

// catchUp shows in the form being used what others changed, just read, without disturbing the
// user: a field holding typing not yet saved keeps its text (and the focus stays where it is); every other field, check box and choice takes the value
// the map now has. It reports false when the form is no longer about the selection (the thing
// was deleted, say), which waits until the user leaves the field.
func (in *inspector) catchUp() bool {
	if in.u.m == nil {
		return false
	}
	probe := newInspector(in.u) // the form as it would be built now, never shown
	key, build := probe.formFor()
	build()
	if probe.target != in.target || len(probe.fields) != len(in.fields) {
		return false
	}
	in.building = true
	for label, w := range in.fields {
		in.catchUpObject(w, probe.fields[label])
	}
	in.building = false
	in.shown = key
	return true
}

// catchUpObject gives a widget of the form the value of the same widget in a fresh form.
func (in *inspector) catchUpObject(live, fresh fyne.CanvasObject) {
	switch v := live.(type) {
	case *field:
		// A field holding typing not yet saved keeps it; one the cursor merely sits in (Enter
		// was pressed, the text saved) takes the new value too, the cursor kept in range.
		if p, ok := fresh.(*field); ok && !v.dirty && v.Text != p.Text {
			row, col := v.CursorRow, v.CursorColumn
			v.SetText(p.Text)
			v.SetValidationError(nil)
			if in.visiting == v {
				lines := strings.Split(p.Text, "\n")
				v.CursorRow = min(row, len(lines)-1)
				v.CursorColumn = min(col, len([]rune(lines[v.CursorRow])))
				v.Refresh()
			}
		}
	case *widget.Select:
		if p, ok := fresh.(*widget.Select); ok && !in.touched[v] && v.SelectedIndex() != p.SelectedIndex() {
			v.SetSelectedIndex(p.SelectedIndex())
		}
	case *widget.Check:
		if p, ok := fresh.(*widget.Check); ok && !in.touched[v] && v.Checked != p.Checked {
			v.SetChecked(p.Checked)
		}
	case *fyne.Container:
		if p, ok := fresh.(*fyne.Container); ok && len(p.Objects) == len(v.Objects) {
			for i := range v.Objects {
				in.catchUpObject(v.Objects[i], p.Objects[i])
			}
		}
	}
}
