package canvas

import (
	"encoding/json"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// inspector edits every field of what is selected: the map (nothing selected), a stage, a
// lane, a card or a link. Changes are saved with Apply (or Enter in a one-line field), each
// as one undoable edit.
type inspector struct {
	u        *ui
	box      *fyne.Container
	title    string                       // what the inspector shows ("Card", "Stage"…)
	fields   map[string]fyne.CanvasObject // the form's fields by label
	applyBtn *widget.Button
	// shown identifies what the form was built from (see cardKey); a refresh with the same
	// key keeps the form, so moving a card does not rebuild the inspector (nor lose what the
	// user is typing in it).
	shown string
	nps   npsFields // the card form's metric fields (for tests)
	// stageMetrics is the stage form's metrics editor (for tests)
	stageMetrics *metricsEditor
}

func newInspector(u *ui) *inspector {
	return &inspector{u: u, box: container.NewStack()}
}

func (in *inspector) show(title string, items []*widget.FormItem, apply func(), extra ...fyne.CanvasObject) {
	in.shown = ""
	in.title = title
	in.fields = map[string]fyne.CanvasObject{}
	for _, it := range items {
		in.fields[it.Text] = it.Widget
	}
	in.applyBtn = nil
	form := widget.NewForm(items...)
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var buttons []fyne.CanvasObject
	if apply != nil && !in.u.st.ReadOnly() {
		b := widget.NewButton(lang.L("Apply"), apply)
		b.Importance = widget.HighImportance
		in.applyBtn = b
		buttons = append(buttons, b)
	}
	buttons = append(buttons, extra...)
	content := container.NewVBox(head, form, container.NewHBox(buttons...))
	in.box.Objects = []fyne.CanvasObject{container.NewVScroll(content)}
	in.box.Refresh()
}

func entry(text string, submit func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.OnSubmitted = func(string) { submit() }
	return e
}

func area(text string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetText(text)
	e.SetMinRowsVisible(3)
	return e
}

func numText(f *float64) string {
	if f == nil {
		return ""
	}
	return fmtNum(*f)
}

// parseNum reads an optional number ("" → nil).
func parseNum(field, s string) (*float64, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, &data.FieldError{Field: field, Msg: fmt.Sprintf(lang.L("%q is not a number"), s)}
	}
	return &v, nil
}

// colourField is an entry for "#rrggbb" with a button that opens a colour picker.
func (in *inspector) colourField(val string) (*widget.Entry, fyne.CanvasObject) {
	e := widget.NewEntry()
	e.SetText(val)
	e.SetPlaceHolder(lang.L("#rrggbb or empty"))
	pick := widget.NewButton("…", func() {
		d := dialog.NewColorPicker(lang.L("Colour"), "", func(c color.Color) {
			n := toNRGBA(c)
			e.SetText(fmt.Sprintf("#%02X%02X%02X", n.R, n.G, n.B))
		}, in.u.win)
		d.Advanced = true
		if c, ok := geometry.ParseColour(val); ok {
			d.SetColor(c)
		}
		d.Show()
	})
	return e, container.NewBorder(nil, nil, nil, pick, e)
}

func (in *inspector) refresh() {
	u := in.u
	if u.m == nil {
		in.shown = ""
		in.box.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("No map. Create one with + in the list of maps."))}
		in.box.Refresh()
		return
	}
	s := u.board.sel
	switch s.kind {
	case selStage:
		if st := u.m.Stage(s.id); st != nil {
			in.stage(*st)
			return
		}
	case selLane:
		if l := u.m.Lane(s.id); l != nil {
			in.lane(*l)
			return
		}
	case selLink:
		for _, l := range u.m.Links {
			if l.ID == s.id {
				in.link(l)
				return
			}
		}
	case selCard:
		if len(s.cards) == 1 {
			if c := u.m.Card(s.cards[0]); c != nil {
				key := cardKey(*c, u.m.Scale, u.st.ReadOnly())
				if key != in.shown {
					in.card(*c)
					in.shown = key
				}
				return
			}
		} else if len(s.cards) > 1 {
			in.show(fmt.Sprintf(lang.L("%d cards selected"), len(s.cards)), nil, nil,
				widget.NewButton(lang.L("Delete"), u.deleteSelection), widget.NewButton(lang.L("Duplicate"), u.duplicate))
			return
		}
	}
	in.mapForm(*u.m)
}

// cardKey is everything the card form shows: the card without its place on the board (the
// form does not show it), the map's scale (the emotion field's hint) and whether edits are
// allowed.
func cardKey(c data.Card, sc data.Scale, readOnly bool) string {
	c.StageID, c.LaneID, c.Position = 0, 0, 0
	b, _ := json.Marshal(struct {
		C  data.Card
		S  data.Scale
		RO bool
	}{c, sc, readOnly})
	return string(b)
}

func (in *inspector) mapForm(m data.Map) {
	u := in.u
	var apply func()
	title := entry(m.Title, func() { apply() })
	goal := area(m.Goal)
	audience := entry(m.Audience, func() { apply() })
	owner := entry(m.Owner, func() { apply() })
	var types, statuses []string
	for _, t := range data.MapTypes {
		types = append(types, tr(t.Label()))
	}
	for _, st := range data.Statuses {
		statuses = append(statuses, tr(statusKey(st)))
	}
	typ := widget.NewSelect(types, nil)
	typ.SetSelected(tr(m.Type.Label()))
	status := widget.NewSelect(statuses, nil)
	status.SetSelected(tr(statusKey(m.Status)))
	smin := entry(strconv.Itoa(m.Scale.Min), func() { apply() })
	smax := entry(strconv.Itoa(m.Scale.Max), func() { apply() })
	labels := entry(strings.Join(m.Scale.Labels, ", "), func() { apply() })
	curve := widget.NewSelect([]string{lang.L("One point per card"), lang.L("One point per stage (average)")}, nil)
	if m.Curve == data.CurvePerStage {
		curve.SetSelectedIndex(1)
	} else {
		curve.SetSelectedIndex(0)
	}
	personas, _ := u.st.Personas()
	pnames := []string{lang.L("(none)")}
	for _, p := range personas {
		pnames = append(pnames, p.Name)
	}
	persona := widget.NewSelect(pnames, nil)
	persona.SetSelectedIndex(0)
	for i, p := range personas {
		if p.ID == m.PersonaID {
			persona.SetSelectedIndex(i + 1)
		}
	}
	apply = func() {
		nm := m
		nm.Title, nm.Goal, nm.Audience, nm.Owner = title.Text, goal.Text, audience.Text, owner.Text
		if i := typ.SelectedIndex(); i >= 0 {
			nm.Type = data.MapTypes[i]
		}
		if i := status.SelectedIndex(); i >= 0 {
			nm.Status = data.Statuses[i]
		}
		lo, err1 := strconv.Atoi(strings.TrimSpace(smin.Text))
		hi, err2 := strconv.Atoi(strings.TrimSpace(smax.Text))
		if err1 != nil || err2 != nil {
			u.showError(&data.FieldError{Field: "emotion scale", Msg: lang.L("the ends must be whole numbers")})
			return
		}
		nm.Scale = data.Scale{Min: lo, Max: hi}
		for _, l := range strings.Split(labels.Text, ",") {
			if l = strings.TrimSpace(l); l != "" {
				nm.Scale.Labels = append(nm.Scale.Labels, l)
			}
		}
		nm.Curve = data.CurvePerCard
		if curve.SelectedIndex() == 1 {
			nm.Curve = data.CurvePerStage
		}
		nm.PersonaID, nm.Persona = 0, nil
		if i := persona.SelectedIndex(); i > 0 {
			nm.PersonaID = personas[i-1].ID
		}
		nm.Stages, nm.Lanes, nm.Cards, nm.Links = nil, nil, nil, nil
		u.apply(func() error { return u.st.UpdateMap(&nm) })
		u.side.reload()
	}
	in.show(lang.L("Map"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title), widget.NewFormItem(lang.L("Goal"), goal),
		widget.NewFormItem(lang.L("Audience"), audience), widget.NewFormItem(lang.L("Type"), typ),
		widget.NewFormItem(lang.L("Owner"), owner), widget.NewFormItem(lang.L("Status"), status),
		widget.NewFormItem(lang.L("Scale from"), smin), widget.NewFormItem(lang.L("Scale to"), smax),
		widget.NewFormItem(lang.L("Scale labels"), labels), widget.NewFormItem(lang.L("Curve"), curve),
		widget.NewFormItem(lang.L("Persona"), persona),
	}, apply, widget.NewButton(lang.L("Edit persona…"), u.personaDialog))
}

func (in *inspector) stage(st data.Stage) {
	u := in.u
	var apply func()
	name := entry(st.Name, func() { apply() })
	colour, colourBox := in.colourField(st.Colour)
	desc := area(st.Description)
	metrics := newMetricsEditor(st, func() { apply() })
	in.stageMetrics = metrics
	apply = func() {
		ns := st
		ns.Name, ns.Colour, ns.Description = name.Text, strings.TrimSpace(colour.Text), desc.Text
		ms, err := metrics.metrics()
		if err != nil {
			u.showError(err)
			return
		}
		ns.Metrics = ms
		u.apply(func() error { return u.st.UpdateStage(ns) })
	}
	in.show(lang.L("Stage"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name), widget.NewFormItem(lang.L("Colour"), colourBox), widget.NewFormItem(lang.L("Summary"), desc),
		widget.NewFormItem(lang.L("Metrics"), metrics.content()),
	}, apply, widget.NewButton(lang.L("Delete stage"), u.deleteSelection))
}

func (in *inspector) lane(l data.Lane) {
	u := in.u
	var apply func()
	name := entry(l.Name, func() { apply() })
	var kinds []string
	for _, k := range data.LaneKinds {
		kinds = append(kinds, tr(laneKindKey(k)))
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(tr(laneKindKey(l.Kind)))
	apply = func() {
		nl := l
		nl.Name = name.Text
		if i := kind.SelectedIndex(); i >= 0 {
			nl.Kind = data.LaneKinds[i]
		}
		u.apply(func() error { return u.st.UpdateLane(nl) })
	}
	in.show(lang.L("Lane"), []*widget.FormItem{widget.NewFormItem(lang.L("Name"), name), widget.NewFormItem(lang.L("Kind"), kind)},
		apply, widget.NewButton(lang.L("Delete lane"), u.deleteSelection))
}

func (in *inspector) link(l data.Link) {
	u := in.u
	var apply func()
	label := entry(l.Label, func() { apply() })
	from, to := "?", "?"
	if c := u.m.Card(l.FromID); c != nil {
		from = c.Title
	}
	if c := u.m.Card(l.ToID); c != nil {
		to = c.Title
	}
	apply = func() {
		nl := l
		nl.Label = label.Text
		u.apply(func() error { return u.st.UpdateLink(nl) })
	}
	fromL, toL := widget.NewLabel(from), widget.NewLabel(to)
	fromL.Wrapping, toL.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	in.show(lang.L("Link"), []*widget.FormItem{
		widget.NewFormItem(lang.L("From"), fromL), widget.NewFormItem(lang.L("To"), toL), widget.NewFormItem(lang.L("Label"), label),
	}, apply, widget.NewButton(lang.L("Delete link"), u.deleteSelection))
}

func (in *inspector) card(c data.Card) {
	u := in.u
	var apply func()
	title := area(c.Title)
	notes := area(c.Notes)
	channel := entry(c.Channel, func() { apply() })
	presence := widget.NewSelect([]string{lang.L("(unset)"), lang.L("online"), lang.L("offline")}, nil)
	switch c.Presence {
	case data.Online:
		presence.SetSelectedIndex(1)
	case data.Offline:
		presence.SetSelectedIndex(2)
	default:
		presence.SetSelectedIndex(0)
	}
	emotion := entry(numText(c.Emotion), func() { apply() })
	emotion.SetPlaceHolder(fmt.Sprintf(lang.L("%d … %d, or empty"), u.m.Scale.Min, u.m.Scale.Max))
	pain := widget.NewCheck(lang.L("Pain point"), nil)
	pain.SetChecked(c.Pain)
	opp := widget.NewCheck(lang.L("Opportunity"), nil)
	opp.SetChecked(c.Opportunity)
	mot := widget.NewCheck(lang.L("Moment of truth"), nil)
	mot.SetChecked(c.MomentOfTruth)
	evs := []data.Evidence{data.EvidenceNone, data.EvidenceResearched, data.EvidenceAssumed, data.EvidenceProposed}
	evidence := widget.NewSelect([]string{lang.L("(none)"), lang.L("researched"), lang.L("assumed"), lang.L("proposed")}, nil)
	for i, e := range evs {
		if e == c.Evidence {
			evidence.SetSelectedIndex(i)
		}
	}
	tags := entry(strings.Join(c.Tags, ", "), func() { apply() })
	colour, colourBox := in.colourField(c.Colour)
	var mt data.Metric
	if c.Metric != nil {
		mt = *c.Metric
	}
	mName := entry(mt.Name, func() { apply() })
	mValue := entry("", func() { apply() })
	if c.Metric != nil {
		mValue.SetText(fmtNum(mt.Value))
	}
	mTarget := entry(numText(mt.Target), func() { apply() })
	mUnit := entry(mt.Unit, func() { apply() })
	mUp := widget.NewCheck(lang.L("Higher is better"), nil)
	mUp.SetChecked(c.Metric == nil || mt.UpIsGood)
	apply = func() {
		nc := c
		nc.Title, nc.Notes, nc.Channel = strings.TrimSpace(title.Text), notes.Text, channel.Text
		nc.Presence = []data.Presence{data.PresenceUnset, data.Online, data.Offline}[max(presence.SelectedIndex(), 0)]
		e, err := parseNum(lang.L("emotion"), emotion.Text)
		if err != nil {
			u.showError(err)
			return
		}
		nc.Emotion = e
		nc.Pain, nc.Opportunity, nc.MomentOfTruth = pain.Checked, opp.Checked, mot.Checked
		nc.Evidence = evs[max(evidence.SelectedIndex(), 0)]
		nc.Tags = nil
		for _, t := range strings.Split(tags.Text, ",") {
			if t = strings.TrimSpace(t); t != "" {
				nc.Tags = append(nc.Tags, t)
			}
		}
		nc.Colour = strings.TrimSpace(colour.Text)
		nc.Metric = nil
		if strings.TrimSpace(mName.Text) != "" || strings.TrimSpace(mValue.Text) != "" {
			v, err := parseNum(lang.L("metric value"), mValue.Text)
			if err != nil {
				u.showError(err)
				return
			}
			t, err := parseNum(lang.L("metric target"), mTarget.Text)
			if err != nil {
				u.showError(err)
				return
			}
			m := data.Metric{Name: mName.Text, Target: t, Unit: mUnit.Text, UpIsGood: mUp.Checked}
			if v != nil {
				m.Value = *v
			}
			nc.Metric = &m
		}
		u.apply(func() error { return u.st.UpdateCard(nc) })
	}
	in.show(lang.L("Card"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title), widget.NewFormItem(lang.L("Notes"), notes),
		widget.NewFormItem(lang.L("Channel"), channel), widget.NewFormItem(lang.L("Presence"), presence),
		widget.NewFormItem(lang.L("Emotion"), emotion), widget.NewFormItem(lang.L("Marks"), container.NewVBox(pain, opp, mot)),
		widget.NewFormItem(lang.L("Evidence"), evidence), widget.NewFormItem(lang.L("Tags"), tags),
		widget.NewFormItem(lang.L("Colour"), colourBox),
		widget.NewFormItem(lang.L("Metric"), mName), widget.NewFormItem(lang.L("Value"), mValue),
		widget.NewFormItem(lang.L("Target"), mTarget), widget.NewFormItem(lang.L("Unit"), mUnit),
		widget.NewFormItem("", mUp),
	}, apply, widget.NewButton(lang.L("NPS…"), func() { u.npsDialog(npsFields{mName, mValue, mUnit, mUp}) }),
		widget.NewButton(lang.L("Delete"), u.deleteSelection))
	in.nps = npsFields{mName, mValue, mUnit, mUp}
}
