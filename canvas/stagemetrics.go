package canvas

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// metricRow edits one of a stage's metrics.
type metricRow struct {
	name, value, target, unit *field
	up                        *widget.Check
}

// metricsEditor is the stage inspector's list of metrics: a row each, a button to add one,
// and the metrics suggested for the stage's kind (data.MetricSuggestions) to add with a click.
// Like every field of the inspector it saves as the user goes.
type metricsEditor struct {
	in      *inspector
	rows    []*metricRow
	box     *fyne.Container
	suggest *widget.Select
	dirty   bool // a row was added, removed or switched since the last save
}

func newMetricsEditor(in *inspector, st data.Stage) *metricsEditor {
	e := &metricsEditor{in: in, box: container.NewVBox()}
	for _, m := range st.Metrics {
		e.add(m)
	}
	sugg := data.SuggestMetrics(st.Name)
	var names []string
	for _, s := range sugg {
		names = append(names, clip(s.NameIn(uiLang()), 26))
	}
	e.suggest = widget.NewSelect(names, nil)
	e.suggest.PlaceHolder = lang.L("Suggested metrics…")
	e.suggest.OnChanged = func(string) {
		i := e.suggest.SelectedIndex()
		if i < 0 {
			return
		}
		s := sugg[i]
		e.add(data.Metric{Name: s.NameIn(uiLang()), Unit: s.Unit, UpIsGood: s.UpIsGood})
		e.suggest.ClearSelected()
		e.changed()
	}
	if in.readOnly {
		e.suggest.Disable()
	}
	return e
}

// changed saves a structural change (a row added, removed, or its direction switched).
func (e *metricsEditor) changed() {
	if e.in.building {
		return
	}
	e.dirty = true
	e.in.chose()
}

// add appends a row showing m.
func (e *metricsEditor) add(m data.Metric) {
	in := e.in
	r := &metricRow{name: in.text("metric name", m.Name, false),
		value:  in.text("metric value", fmtNum(m.Value), false).validated(checkNum),
		target: in.text("metric target", "", false).validated(checkNum),
		unit:   in.text("metric unit", m.Unit, false)}
	building := in.building
	in.building = true
	if m.Target != nil {
		r.target.SetText(fmtNum(*m.Target))
	}
	r.up = widget.NewCheck("↑", nil)
	r.up.SetChecked(m.UpIsGood)
	in.building = building
	r.up.OnChanged = func(bool) { e.changed() }
	r.name.SetPlaceHolder(lang.L("Metric"))
	r.value.SetPlaceHolder(lang.L("Value"))
	r.target.SetPlaceHolder(lang.L("Target"))
	r.unit.SetPlaceHolder(lang.L("Unit"))
	e.rows = append(e.rows, r)
	var line *fyne.Container
	remove := widget.NewButton("×", func() {
		for i, x := range e.rows {
			if x == r {
				e.rows = append(e.rows[:i], e.rows[i+1:]...)
			}
		}
		e.box.Remove(line)
		e.changed()
	})
	if in.readOnly {
		r.up.Disable()
		remove.Disable()
	}
	line = container.NewVBox(r.name, container.NewGridWithColumns(3, r.value, r.target, r.unit), container.NewHBox(r.up, remove))
	e.box.Add(line)
}

// touched reports whether anything of the metrics changed since the last save.
func (e *metricsEditor) touched() bool {
	if e.dirty {
		return true
	}
	for _, r := range e.rows {
		if r.name.dirty || r.value.dirty || r.target.dirty || r.unit.dirty {
			return true
		}
	}
	return false
}

// metrics reads the rows; rows without a name or value are dropped. While a number is not
// valid (the field says why), the saved metrics stay as they were.
func (e *metricsEditor) metrics(saved []data.Metric) []data.Metric {
	var out []data.Metric
	for _, r := range e.rows {
		name := strings.TrimSpace(r.name.Text)
		if name == "" && strings.TrimSpace(r.value.Text) == "" {
			continue
		}
		if !r.value.valid() || !r.target.valid() {
			return saved
		}
		v, _ := parseNum(r.value.Text)
		t, _ := parseNum(r.target.Text)
		m := data.Metric{Name: name, Target: t, Unit: strings.TrimSpace(r.unit.Text), UpIsGood: r.up.Checked}
		if v != nil {
			m.Value = *v
		}
		out = append(out, m)
	}
	return out
}

// content is the editor as a form field.
func (e *metricsEditor) content() fyne.CanvasObject {
	addBtn := widget.NewButton(lang.L("Add metric"), func() { e.add(data.Metric{UpIsGood: true}) })
	if e.in.readOnly {
		addBtn.Disable()
	}
	// One above the other, so the inspector keeps its width.
	return container.NewVBox(e.box, e.suggest, container.NewHBox(addBtn))
}

// clip shortens a text for a list that must fit the inspector's width (a list is as wide as its
// longest choice); the whole text is used once chosen.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
