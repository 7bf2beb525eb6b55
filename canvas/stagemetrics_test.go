package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// TestStageMetricsInInspector adds a suggested metric to the Decision stage in the
// inspector, gives it a value and a target, applies, and checks the file, the footer under
// the stage on the board (off target: the bad colour), and that one undo removes it.
func TestStageMetricsInInspector(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	st := u.m.Stages[2] // Decision
	u.board.selectOne(selStage, st.ID)
	e := u.insp.stageMetrics
	if e == nil || len(e.suggest.Options) == 0 {
		t.Fatal("no metrics editor with suggestions")
	}
	want := data.SuggestMetrics(st.Name)[6].NameIn("en") // Conversion rate
	e.suggest.SetSelectedIndex(6)
	if len(e.rows) != 1 || e.rows[0].name.Text != want {
		t.Fatalf("the suggestion gave %d rows", len(e.rows))
	}
	typeIn(w, e.rows[0].value, "2,4")
	typeIn(w, e.rows[0].target, "3")
	got := reloadMap(t, u).Stage(st.ID).Metrics
	if len(got) != 1 || got[0].Name != want || got[0].Value != 2.4 || got[0].Target == nil || *got[0].Target != 3 || got[0].Unit != "%" || !got[0].UpIsGood {
		t.Fatalf("stage metrics in the file: %+v", got)
	}
	sb := u.board.lay.Stages[2]
	if len(sb.Footer) != 1 || sb.Footer[0].State != geometry.MetricOffTarget || sb.FooterBox.Y < u.board.lay.Grid.Bottom() {
		t.Fatalf("footer on the board: %+v", sb.Footer)
	}
	u.undo()
	u.undo()
	u.undo()
	if got := reloadMap(t, u).Stage(st.ID).Metrics; len(got) != 0 || len(u.board.lay.Stages[2].Footer) != 0 {
		t.Fatal("undo left the metric")
	}
	// A value that is not a number is marked at the field; nothing changes in the file.
	u.board.selectOne(selStage, st.ID)
	e = u.insp.stageMetrics
	test.Tap(u.insp.fields["Metrics"].(*fyne.Container).Objects[2].(*fyne.Container).Objects[0].(*widget.Button))
	typeIn(w, e.rows[0].name, "x")
	typeIn(w, e.rows[0].value, "7")
	typeIn(w, e.rows[0].value, "lots")
	if got := reloadMap(t, u).Stage(st.ID).Metrics; e.rows[0].value.problem() == nil || len(got) != 1 || got[0].Value != 7 {
		t.Fatalf("a metric value that is not a number was stored, or not marked: %+v", got)
	}
}

// Every form of the inspector fits the inspector's width, in both languages, so nothing runs
// past the window's edge (a list is as wide as its longest choice: suggested metrics are
// clipped, and the metrics' buttons stack).
func TestInspectorFitsItsWidth(t *testing.T) {
	for _, code := range []string{"en", "vi"} {
		m := data.SampleMap(code)
		target := 40.0
		m.Stages[2].Metrics = []data.Metric{{Name: "Tỉ lệ chuyển đổi", Value: 2.5, Target: &target, Unit: "%", UpIsGood: true}}
		u, _ := newTestUI(t, m)
		setLanguage(code)
		u.board.setSelection(selection{})
		u.insp.shown = ""
		for _, pick := range []func(){
			func() { u.board.setSelection(selection{}) },
			func() { u.board.selectOne(selStage, u.m.Stages[2].ID) },
			func() { u.board.selectOne(selLane, u.m.Lanes[0].ID) },
			func() { u.board.selectOne(selCard, u.m.Cards[2].ID) },
		} {
			pick()
			u.insp.shown = ""
			u.insp.refresh()
			if w := u.insp.box.MinSize().Width; w > inspWidth {
				t.Errorf("%s: the %s form needs %.0f units, the inspector has %d", code, u.insp.title, w, inspWidth)
			}
		}
		setLanguage("en")
	}
}
