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
	name, value, target, unit *widget.Entry
	up                        *widget.Check
}

// metricsEditor is the stage inspector's list of metrics: a row each, a button to add one,
// and the metrics suggested for the stage's kind (data.MetricSuggestions) to add with a click.
type metricsEditor struct {
	rows    []*metricRow
	box     *fyne.Container
	suggest *widget.Select
	onEnter func()
}

func newMetricsEditor(st data.Stage, onEnter func()) *metricsEditor {
	e := &metricsEditor{box: container.NewVBox(), onEnter: onEnter}
	for _, m := range st.Metrics {
		e.add(m)
	}
	sugg := data.SuggestMetrics(st.Name)
	var names []string
	for _, s := range sugg {
		names = append(names, s.NameIn(uiLang()))
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
	}
	return e
}

// add appends a row showing m.
func (e *metricsEditor) add(m data.Metric) {
	r := &metricRow{name: entry(m.Name, e.onEnter), value: entry(fmtNum(m.Value), e.onEnter),
		target: entry("", e.onEnter), unit: entry(m.Unit, e.onEnter), up: widget.NewCheck("↑", nil)}
	if m.Target != nil {
		r.target.SetText(fmtNum(*m.Target))
	}
	r.name.SetPlaceHolder(lang.L("Metric"))
	r.value.SetPlaceHolder(lang.L("Value"))
	r.target.SetPlaceHolder(lang.L("Target"))
	r.unit.SetPlaceHolder(lang.L("Unit"))
	r.up.SetChecked(m.UpIsGood)
	e.rows = append(e.rows, r)
	var line *fyne.Container
	remove := widget.NewButton("×", func() {
		for i, x := range e.rows {
			if x == r {
				e.rows = append(e.rows[:i], e.rows[i+1:]...)
			}
		}
		e.box.Remove(line)
	})
	line = container.NewVBox(r.name, container.NewGridWithColumns(3, r.value, r.target, r.unit), container.NewHBox(r.up, remove))
	e.box.Add(line)
}

// metrics reads the rows; rows without a name or value are dropped.
func (e *metricsEditor) metrics() ([]data.Metric, error) {
	var out []data.Metric
	for _, r := range e.rows {
		name := strings.TrimSpace(r.name.Text)
		if name == "" && strings.TrimSpace(r.value.Text) == "" {
			continue
		}
		v, err := parseNum(lang.L("metric value"), r.value.Text)
		if err != nil {
			return nil, err
		}
		t, err := parseNum(lang.L("metric target"), r.target.Text)
		if err != nil {
			return nil, err
		}
		m := data.Metric{Name: name, Target: t, Unit: strings.TrimSpace(r.unit.Text), UpIsGood: r.up.Checked}
		if v != nil {
			m.Value = *v
		}
		out = append(out, m)
	}
	return out, nil
}

// content is the editor as a form field.
func (e *metricsEditor) content() fyne.CanvasObject {
	addBtn := widget.NewButton(lang.L("Add metric"), func() { e.add(data.Metric{UpIsGood: true}) })
	return container.NewVBox(e.box, container.NewBorder(nil, nil, addBtn, nil, e.suggest))
}
