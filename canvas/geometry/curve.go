package geometry

import (
	"math"
	"strconv"
	"strings"

	"journeycanvas/data"
)

func layoutCurve(m *data.Map, l *Layout, row int, stageCol map[int64]int) *CurveBox {
	ln := &l.Lanes[row]
	first, last := l.Stages[0].Header, l.Stages[len(l.Stages)-1].Header
	sc := m.Scale
	if sc.Max <= sc.Min {
		sc = data.DefaultScale()
	}
	cv := &CurveBox{
		LaneID: ln.ID, Mode: m.Curve, Scale: sc, FaceR: FaceR,
		Rect: Rect{X: first.X, Y: ln.Rect.Y + 8, W: last.Right() - first.X, H: PlotH - 8},
	}
	if cv.Mode != data.CurvePerStage {
		cv.Mode = data.CurvePerCard
	}
	pad := FaceR + 6
	yOf := func(s float64) float64 {
		t := (float64(sc.Max) - s) / float64(sc.Max-sc.Min)
		t = math.Max(0, math.Min(1, t))
		return cv.Rect.Y + pad + t*(cv.Rect.H-2*pad)
	}
	cv.NeutralY = yOf(float64(sc.Min+sc.Max) / 2)
	if steps := sc.Max - sc.Min; steps <= 10 {
		for s := sc.Max; s >= sc.Min; s-- {
			txt := strconv.Itoa(s)
			if s > 0 && sc.Min < 0 {
				txt = "+" + txt
			}
			txt = strings.Replace(txt, "-", "–", 1)
			w := TextWidth(txt, SmallSize, false)
			ty := yOf(float64(s))
			cv.Ticks = append(cv.Ticks, Tick{Score: float64(s), Y: ty,
				Label: TextLine{Text: txt, X: ln.Header.Right() - 12 - w, Y: ty + Ascent(SmallSize, false)*0.36, W: w, Size: SmallSize}})
		}
	}
	// Per card: each scored card in reading order, spread across its stage's column.
	perStage := make([][]*data.Card, len(l.Stages))
	for i := range m.Cards {
		c := &m.Cards[i]
		si, ok := stageCol[c.StageID]
		if !ok || c.Emotion == nil || math.IsNaN(*c.Emotion) || math.IsInf(*c.Emotion, 0) {
			continue
		}
		if l.Card(c.ID) == nil {
			continue // its lane is not on the map
		}
		perStage[si] = append(perStage[si], c)
	}
	for si, cs := range perStage {
		if len(cs) == 0 {
			continue
		}
		col := l.Stages[si].Header
		if cv.Mode == data.CurvePerStage {
			sum := 0.0
			for _, c := range cs {
				sum += *c.Emotion
			}
			s := sum / float64(len(cs))
			cv.Points = append(cv.Points, CurvePoint{StageID: l.Stages[si].ID, X: col.X + col.W/2, Y: yOf(s), Score: s, Norm: normScore(s, sc)})
			continue
		}
		n := float64(len(cs))
		for k, c := range cs {
			s := *c.Emotion
			x := col.X + (float64(k)+0.5)/n*col.W
			cv.Points = append(cv.Points, CurvePoint{CardID: c.ID, StageID: c.StageID, X: x, Y: yOf(s), Score: s, Norm: normScore(s, sc)})
		}
	}
	return cv
}
