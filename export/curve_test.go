package export

import (
	"image"
	"testing"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// otherMap is the Vietnamese test map after a redesign: another title, one stage renamed (so
// its points are left out of a comparison) and kinder scores.
func otherMap() *data.Map {
	m := testmaps.Vietnamese()
	m.Title = "Hành trình sau khi sửa thanh toán"
	m.Stages[1].Name = "Khám phá"
	for i := range m.Cards {
		if e := m.Cards[i].Emotion; e != nil {
			v := min(2, *e+1)
			m.Cards[i].Emotion = &v
		}
	}
	return m
}

// TestGoldenCurveLane compares the emotion lane of exports with the PNGs in testdata/ (see
// checkGolden): step names, hot spots, moments of truth, the legend, and a compared map's
// curve.
func TestGoldenCurveLane(t *testing.T) {
	small := testmaps.Small()
	smallOther := testmaps.Small()
	smallOther.Title = "Last year"
	for i := range smallOther.Cards {
		if e := smallOther.Cards[i].Emotion; e != nil {
			v := -*e
			smallOther.Cards[i].Emotion = &v
		}
	}
	perStage := testmaps.Vietnamese()
	perStage.Curve = data.CurvePerStage
	for _, g := range []struct {
		file string
		m    *data.Map
		opt  Options
	}{
		{"curve-vi-compare.png", testmaps.Vietnamese(), Options{Scale: 2, Now: fixedNow, Compare: otherMap()}},
		{"curve-vi-stages-dark.png", perStage, Options{Scale: 1, Now: fixedNow, Theme: "dark", Compare: otherMap()}},
		{"curve-small-compare-dark.png", small, Options{Scale: 2, Now: fixedNow, Theme: "dark", Compare: smallOther}},
	} {
		t.Run(g.file, func(t *testing.T) {
			p, err := makePlan(g.m, g.opt)
			if err != nil {
				t.Fatal(err)
			}
			img, err := Render(g.m, g.opt)
			if err != nil {
				t.Fatal(err)
			}
			var lane image.Rectangle
			for _, ln := range p.lay.Lanes {
				if ln.ID == p.lay.Curve.LaneID {
					r := ln.Rect
					lane = image.Rect(int(r.X*p.scale), int(r.Y*p.scale), int(r.Right()*p.scale), int(r.Bottom()*p.scale))
				}
			}
			checkGolden(t, g.file, img.SubImage(lane))
		})
	}
}
