package geometry_test

import (
	"reflect"
	"strings"
	"testing"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

func TestHotSpots(t *testing.T) {
	def := data.DefaultScale()
	low := func(i int) geometry.HotSpot { return geometry.HotSpot{Kind: geometry.HotLowest, Index: i} }
	drop := func(i int, d float64) geometry.HotSpot {
		return geometry.HotSpot{Kind: geometry.HotDrop, Index: i, Drop: d}
	}
	tests := []struct {
		name   string
		scores []float64
		scale  data.Scale
		want   []geometry.HotSpot
	}{
		{"none", nil, def, nil},
		{"one positive point", []float64{1}, def, nil},
		{"one negative point", []float64{-1}, def, []geometry.HotSpot{low(0)}},
		{"all neutral or better: no lowest, no drop under one step", []float64{0, 0.5, 0, 2}, def, nil},
		{"a gentle fall marks its largest step", []float64{2, 1, 0.5, 0}, def, []geometry.HotSpot{drop(1, 1)}},
		{"first of equal largest falls", []float64{2, 1, 2, 1}, def, []geometry.HotSpot{drop(1, 1)}},
		{"sharp drops and the lowest", []float64{1, 0, -1, 2, -2, 1, -1, 2}, def,
			[]geometry.HotSpot{low(4), drop(4, 4), drop(6, 2)}},
		{"two separate lowest points; a drop lands on the second", []float64{-2, 0, -2}, def, []geometry.HotSpot{low(0), low(2), drop(2, 2)}},
		{"a run of lowest points: its middle", []float64{0, -1, -1, -1, 0}, def, []geometry.HotSpot{drop(1, 1), low(2)}},
		{"wide scale: a quarter of it", []float64{10, 8, 7, 2}, data.Scale{Min: 0, Max: 10}, []geometry.HotSpot{low(3), drop(3, 5)}},
		{"wide scale: two steps are not sharp", []float64{10, 8, 9, 7}, data.Scale{Min: 0, Max: 10}, []geometry.HotSpot{drop(1, 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := geometry.HotSpots(tt.scores, tt.scale)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("HotSpots(%v) = %+v, want %+v", tt.scores, got, tt.want)
			}
		})
	}
}

func TestCurveMarksAndLegend(t *testing.T) {
	l := geometry.Compute(testmaps.Vietnamese(), geometry.Options{})
	cv := l.Curve
	want := []geometry.HotSpot{{Kind: geometry.HotLowest, Index: 4}, {Kind: geometry.HotDrop, Index: 4, Drop: 4}, {Kind: geometry.HotDrop, Index: 6, Drop: 2}}
	if !reflect.DeepEqual(cv.Hot, want) {
		t.Fatalf("hot spots %+v", cv.Hot)
	}
	for i, p := range cv.Points {
		if p.Moment != (p.CardID == 107) {
			t.Errorf("point %d (card %d): moment %v", i, p.CardID, p.Moment)
		}
	}
	var kinds []geometry.CurveLegendKind
	var texts []string
	for _, it := range cv.Legend {
		kinds = append(kinds, it.Kind)
		texts = append(texts, it.Label.Text)
		if !cv.Rect.Contains(it.Icon.X, it.Icon.Y) || it.Label.X+it.Label.W > cv.Rect.Right() || it.Label.Y > cv.TopY-geometry.FaceR {
			t.Errorf("legend item %q outside the strip above the scale", it.Label.Text)
		}
	}
	if !reflect.DeepEqual(kinds, []geometry.CurveLegendKind{geometry.LegendLowest, geometry.LegendDrop, geometry.LegendMoment}) ||
		texts[0] != "Điểm thấp nhất" {
		t.Fatalf("legend %v %q", kinds, texts)
	}
	// Step names, in Vietnamese on a Vietnamese map, inside the lane header, right of its name.
	var lane *geometry.LaneBox
	for i := range l.Lanes {
		if l.Lanes[i].ID == cv.LaneID {
			lane = &l.Lanes[i]
		}
	}
	var names []string
	for _, tk := range cv.Ticks {
		var parts []string
		for _, n := range tk.Name {
			parts = append(parts, n.Text)
			if n.X < lane.Header.X+4 || n.X+n.W > tk.Label.X || n.Y-n.Size < lane.Name[len(lane.Name)-1].Y {
				t.Errorf("step name %q at %v,%v does not fit the header %+v", n.Text, n.X, n.Y, lane.Header)
			}
		}
		names = append(names, strings.Join(parts, " "))
	}
	if strings.Join(names, "|") != "Rất tốt|Tốt|Bình thường|Tệ|Rất tệ" {
		t.Fatalf("step names %q", names)
	}
	if cv.StepName(2, "en") != "Very positive" || cv.StepName(-2, "vi") != "Rất tệ" || cv.StepName(0.5, "en") != "" {
		t.Fatal("StepName")
	}
	// Snapping and hit testing.
	if cv.ScoreAt(cv.YOf(1)+3) != 1 || cv.ScoreAt(cv.TopY-100) != 2 || cv.ScoreAt(cv.BottomY+100) != -2 {
		t.Fatal("ScoreAt does not snap to the steps")
	}
	p := cv.Points[3]
	if i, ok := cv.PointAt(p.X+3, p.Y-2); !ok || i != 3 {
		t.Fatalf("PointAt: %d %v", i, ok)
	}
	if _, ok := cv.PointAt(p.X+40, p.Y+40); ok {
		t.Fatal("PointAt far from every point")
	}
	// At zoom 2 everything doubles.
	l2 := geometry.Compute(testmaps.Vietnamese(), geometry.Options{Zoom: 2})
	if l2.Curve.Legend[0].Icon.X != 2*cv.Legend[0].Icon.X || l2.Curve.Ticks[0].Name[0].Y != 2*cv.Ticks[0].Name[0].Y || l2.Curve.TopY != 2*cv.TopY {
		t.Fatal("the curve's legend and names do not scale with the zoom")
	}
}

func TestCurveCompare(t *testing.T) {
	m := testmaps.Vietnamese()
	other := testmaps.Vietnamese()
	other.Title = "Bản đồ khác"
	other.Stages[0].Name = "  NHẬN THỨC " // matched: trimmed, case folded
	other.Stages[1].Name = "Khám phá"     // not on this map: its points are left out
	other.Scale = data.Scale{Min: 1, Max: 5}
	for i := range other.Cards {
		if e := other.Cards[i].Emotion; e != nil {
			v := *e + 3 // the same moods on a 1..5 scale
			other.Cards[i].Emotion = &v
		}
	}
	l := geometry.Compute(m, geometry.Options{Compare: other})
	cv := l.Curve
	if cv.CompareName != "Bản đồ khác" || len(cv.Compare) != len(cv.Points)-2 {
		t.Fatalf("compare %q with %d points (this map %d)", cv.CompareName, len(cv.Compare), len(cv.Points))
	}
	var mine []geometry.CurvePoint
	for _, p := range cv.Points {
		if p.StageID != m.Stages[1].ID {
			mine = append(mine, p)
		}
	}
	for i, p := range cv.Compare {
		if p.X != mine[i].X || p.Y != mine[i].Y || p.Score != mine[i].Score {
			t.Fatalf("compare point %d %+v, want %+v", i, p, mine[i])
		}
	}
	if cv.Legend[0].Kind != geometry.LegendThisMap || cv.Legend[1].Kind != geometry.LegendCompare || cv.Legend[1].Label.Text != "Bản đồ khác" {
		t.Fatalf("legend %+v", cv.Legend)
	}
	// No comparison: no second series, no names in the legend.
	if l := geometry.Compute(m, geometry.Options{}); l.Curve.Compare != nil || l.Curve.Legend[0].Kind == geometry.LegendThisMap {
		t.Fatal("a compare series without Compare")
	}
}

func TestCurveLegendWraps(t *testing.T) {
	m := testmaps.Vietnamese()
	other := testmaps.Vietnamese()
	other.Title = strings.Repeat("Một tên bản đồ rất dài ", 5)
	l := geometry.Compute(m, geometry.Options{Compare: other, StageFrom: 3, StageTo: 3})
	cv := l.Curve
	rows := map[float64]bool{}
	for _, it := range cv.Legend {
		rows[it.Icon.Y] = true
		if it.Icon.X < cv.Rect.X || it.Label.X+it.Label.W > cv.Rect.Right() {
			t.Errorf("legend item %q leaves the plot", it.Label.Text)
		}
	}
	if len(rows) < 2 {
		t.Fatalf("a one-stage legend in %d row", len(rows))
	}
	for _, p := range cv.Points {
		if p.Y < cv.TopY-1e-9 || p.Y > cv.BottomY+1e-9 {
			t.Fatal("a point outside the scale")
		}
	}
	for _, it := range cv.Legend {
		if it.Label.Y > cv.TopY-geometry.FaceR {
			t.Fatal("the legend runs into the scale")
		}
	}
}
