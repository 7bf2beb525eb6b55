package geometry

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"journeycanvas/assets"
	"journeycanvas/data"
)

// Measures of the emotion lane's plot, in logical units at zoom 1. The plot is a legend strip
// (one or more rows) over the scale area, PlotH − 8 tall.
const (
	curveLegendTop  = 4.0  // above the first legend row
	curveLegendRowH = 22.0 // a legend row
	curveLegendGap  = 2.0  // between the legend and the scale area
	curveIconW      = 14.0 // a hot-spot badge in the legend
	curveSwatchW    = 22.0 // a series' line in the legend
	curveNameW      = 220.0
)

// HotSpotKind says why a point of the curve is a pain hot spot.
type HotSpotKind int

// The hot-spot kinds.
const (
	HotLowest HotSpotKind = iota // the lowest score of the curve, below neutral
	HotDrop                      // a sharp fall from the point before
)

// HotSpot is a pain hot spot of the emotion curve.
type HotSpot struct {
	Kind HotSpotKind
	// Index is the point: the lowest one, or the one a drop falls to (from Index−1).
	Index int
	// Drop is how far the score falls, for HotDrop.
	Drop float64
}

// HotSpots finds the pain hot spots among the scores of a curve, in the order of the points:
//
//   - Lowest: the smallest score, when it lies below the neutral middle of the scale. Each run
//     of consecutive points at that score is one hot spot, at the run's middle point.
//   - Sharp drops: every fall between consecutive points of at least 2 steps, or of a quarter
//     of the scale when that is more. When no fall is that large, the first of the largest
//     falls, provided it is at least one step.
//
// A point can be both (a lowest point reached by a drop); the lowest comes first.
func HotSpots(scores []float64, sc data.Scale) []HotSpot {
	if sc.Max <= sc.Min {
		sc = data.DefaultScale()
	}
	const eps = 1e-9
	var out []HotSpot
	if len(scores) == 0 {
		return nil
	}
	low := slices.Min(scores)
	if low < float64(sc.Min+sc.Max)/2-eps {
		for i := 0; i < len(scores); {
			if math.Abs(scores[i]-low) > eps {
				i++
				continue
			}
			j := i
			for j+1 < len(scores) && math.Abs(scores[j+1]-low) <= eps {
				j++
			}
			out = append(out, HotSpot{Kind: HotLowest, Index: (i + j) / 2})
			i = j + 1
		}
	}
	threshold := math.Max(2, float64(sc.Max-sc.Min)/4)
	var drops []HotSpot
	best := HotSpot{Kind: HotDrop, Index: -1}
	for i := 1; i < len(scores); i++ {
		d := scores[i-1] - scores[i]
		if d >= threshold-eps {
			drops = append(drops, HotSpot{Kind: HotDrop, Index: i, Drop: d})
		}
		if d > best.Drop+eps {
			best = HotSpot{Kind: HotDrop, Index: i, Drop: d}
		}
	}
	if len(drops) == 0 && best.Index > 0 && best.Drop >= 1-eps {
		drops = append(drops, best)
	}
	out = append(out, drops...)
	slices.SortStableFunc(out, func(a, b HotSpot) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		return int(a.Kind) - int(b.Kind)
	})
	return out
}

// CurveLegendKind is what an entry of the curve's legend explains.
type CurveLegendKind int

// The curve legend's entries, in the order they appear.
const (
	LegendThisMap CurveLegendKind = iota // the map's own curve (only when comparing)
	LegendCompare                        // the compared map's curve
	LegendLowest                         // the lowest-point mark
	LegendDrop                           // the sharp-drop mark
	LegendMoment                         // the moment-of-truth mark
)

// CurveLegendItem is an entry of the legend in the emotion lane: an icon and its caption.
type CurveLegendItem struct {
	Kind  CurveLegendKind
	Icon  Rect
	Label TextLine
}

// StepLabels returns the names of the scale's steps, from Min to Max, as the curve draws
// them on a map in lang (see stepLabels).
func StepLabels(sc data.Scale, lang string) []string { return stepLabels(sc, lang) }

// stepLabels returns the name of each step of the scale, from Min to Max, in the layout's
// language: the map's own labels, or for a five-step scale without labels (or with the
// English default ones on a Vietnamese map) the default ones. nil when the scale has no
// names.
func stepLabels(sc data.Scale, lang string) []string {
	n := sc.Max - sc.Min + 1
	def := data.DefaultScale().Labels
	labels := sc.Labels
	if len(labels) != n {
		labels = nil
		if n == len(def) {
			labels = def
		}
	}
	if slices.Equal(labels, def) {
		// The default steps are words of the program: the catalogue's, in the map's language.
		labels = []string{assets.Word(lang, "scale.very-negative"), assets.Word(lang, "scale.negative"),
			assets.Word(lang, "scale.neutral"), assets.Word(lang, "scale.positive"), assets.Word(lang, "scale.very-positive")}
	}
	return labels
}

// stageKey is how stages of two maps are matched: name trimmed, NFC, case folded.
func stageKey(name string) string {
	return strings.ToLower(strings.TrimSpace(NFC(name)))
}

// curveInput is a scored card as the curve samples it.
type curveInput struct {
	id     int64
	col    int // stage column
	stage  int64
	score  float64
	moment bool
}

// layoutCurve lays the emotion curve out in the emotion lane, with its top at y = 0: the
// caller moves it down to the lane with shiftY once the lane is placed. cards are the map's
// cards in reading order (stage, lane, place in the cell), each with its stage's column.
// nameBottom is how far below the lane's top its name reaches.
func layoutCurve(m *data.Map, l *Layout, cards []curveInput, cmp *data.Map, lang string, nameBottom float64) *CurveBox {
	first, last := l.Stages[0].Header, l.Stages[len(l.Stages)-1].Header
	sc := m.Scale
	if sc.Max <= sc.Min {
		sc = data.DefaultScale()
	}
	cv := &CurveBox{
		Mode: m.Curve, Scale: sc, FaceR: FaceR,
		Rect: Rect{X: first.X, Y: 8, W: last.Right() - first.X},
		Name: NFC(m.Title),
	}
	if cv.Mode != data.CurvePerStage {
		cv.Mode = data.CurvePerCard
	}

	// Points: per card, each scored card spread across its stage's column; per stage, the
	// average of the stage's scored cards at the column's middle.
	points := func(in []curveInput) []CurvePoint {
		perStage := make([][]curveInput, len(l.Stages))
		for _, c := range in {
			perStage[c.col] = append(perStage[c.col], c)
		}
		var out []CurvePoint
		for si, cs := range perStage {
			col := l.Stages[si].Header
			if cv.Mode == data.CurvePerStage {
				if len(cs) == 0 {
					continue
				}
				sum, moment := 0.0, false
				for _, c := range cs {
					sum += c.score
					moment = moment || c.moment
				}
				s := sum / float64(len(cs))
				out = append(out, CurvePoint{StageID: l.Stages[si].ID, X: col.X + col.W/2, Score: s, Norm: normScore(s, sc), Moment: moment})
				continue
			}
			n := float64(len(cs))
			for k, c := range cs {
				x := col.X + (float64(k)+0.5)/n*col.W
				out = append(out, CurvePoint{CardID: c.id, StageID: c.stage, X: x, Score: c.score, Norm: normScore(c.score, sc), Moment: c.moment})
			}
		}
		return out
	}
	var scored []curveInput
	for _, c := range cards {
		if !math.IsNaN(c.score) {
			scored = append(scored, c)
		}
	}
	cv.Points = points(scored)
	if cv.Mode == data.CurvePerStage {
		// A stage's point is a moment of truth when any card of the stage is one.
		moments := map[int64]bool{}
		for _, c := range cards {
			moments[c.stage] = moments[c.stage] || c.moment
		}
		for i := range cv.Points {
			cv.Points[i].Moment = moments[cv.Points[i].StageID]
		}
	}
	scores := make([]float64, len(cv.Points))
	for i, p := range cv.Points {
		scores[i] = p.Score
	}
	cv.Hot = HotSpots(scores, sc)

	// The compared map: its scored cards in the stages matched by name, its scores carried
	// onto this map's scale.
	if cmp != nil {
		cv.CompareName = NFC(cmp.Title)
		cols := map[string]int{}
		for i := range l.Stages {
			if s := m.Stage(l.Stages[i].ID); s != nil {
				if _, dup := cols[stageKey(s.Name)]; !dup {
					cols[stageKey(s.Name)] = i
				}
			}
		}
		csc := cmp.Scale
		if csc.Max <= csc.Min {
			csc = data.DefaultScale()
		}
		lanes := map[int64]int{}
		for i, ln := range cmp.Lanes {
			lanes[ln.ID] = i
		}
		stagePos := map[int64]int{}
		for i, s := range cmp.Stages {
			stagePos[s.ID] = i
		}
		type ordered struct {
			c          *data.Card
			stage, ln  int
			pos, index int
		}
		var cc []ordered
		for i := range cmp.Cards {
			c := &cmp.Cards[i]
			si, ok1 := stagePos[c.StageID]
			li, ok2 := lanes[c.LaneID]
			if !ok1 || !ok2 || c.Emotion == nil || math.IsNaN(*c.Emotion) || math.IsInf(*c.Emotion, 0) {
				continue
			}
			cc = append(cc, ordered{c, si, li, c.Position, i})
		}
		slices.SortStableFunc(cc, func(a, b ordered) int {
			for _, d := range [...]int{a.stage - b.stage, a.ln - b.ln, a.pos - b.pos, a.index - b.index} {
				if d != 0 {
					return d
				}
			}
			return 0
		})
		var in []curveInput
		for _, o := range cc {
			col, ok := cols[stageKey(cmp.Stages[o.stage].Name)]
			if !ok {
				continue // a stage this map does not have
			}
			s := math.Max(float64(csc.Min), math.Min(float64(csc.Max), *o.c.Emotion))
			in = append(in, curveInput{id: o.c.ID, col: col, stage: l.Stages[col].ID, score: sc.MapFrom(s, float64(csc.Min), float64(csc.Max))})
		}
		slices.SortStableFunc(in, func(a, b curveInput) int { return a.col - b.col })
		cv.Compare = points(in)
	}

	// The legend strip over the scale area.
	lb := LabelsFor(lang)
	type entry struct {
		kind  CurveLegendKind
		text  string
		iconW float64
	}
	var entries []entry
	if cmp != nil {
		name := func(s string) string {
			if s == "" {
				s = "—"
			}
			s, _ = Ellipsize(s, curveNameW, SmallSize, false)
			return s
		}
		entries = append(entries, entry{LegendThisMap, name(cv.Name), curveSwatchW}, entry{LegendCompare, name(cv.CompareName), curveSwatchW})
	}
	var hasLow, hasDrop, hasMoment bool
	for _, h := range cv.Hot {
		hasLow = hasLow || h.Kind == HotLowest
		hasDrop = hasDrop || h.Kind == HotDrop
	}
	for _, p := range cv.Points {
		hasMoment = hasMoment || p.Moment
	}
	if hasLow {
		entries = append(entries, entry{LegendLowest, lb.Lowest, curveIconW})
	}
	if hasDrop {
		entries = append(entries, entry{LegendDrop, lb.SharpDrop, curveIconW})
	}
	if hasMoment {
		entries = append(entries, entry{LegendMoment, lb.MomentOfTruth, curveIconW})
	}
	x0, x1 := cv.Rect.X+12, cv.Rect.Right()-12
	x, row := x0, 0
	rowY := func(r int) float64 { return cv.Rect.Y + curveLegendTop + float64(r)*curveLegendRowH }
	for _, e := range entries {
		text := NFC(e.text)
		tw := TextWidth(text, SmallSize, false)
		if x1-x0 < e.iconW+6+tw { // narrower than one item: shorten it
			text, _ = Ellipsize(text, max(x1-x0-e.iconW-6, 20), SmallSize, false)
			tw = TextWidth(text, SmallSize, false)
		}
		w := e.iconW + 6 + tw
		if x > x0 && x+w > x1 {
			x, row = x0, row+1
		}
		y := rowY(row)
		ih := min(e.iconW, curveIconW)
		cv.Legend = append(cv.Legend, CurveLegendItem{
			Kind:  e.kind,
			Icon:  Rect{X: x, Y: y + (curveLegendRowH-ih)/2, W: e.iconW, H: ih},
			Label: TextLine{Text: text, X: x + e.iconW + 6, Y: y + Baseline(curveLegendRowH, SmallSize, false), W: tw, Size: SmallSize},
		})
		x += w + 18
	}
	legendH := curveLegendTop + float64(row+1)*curveLegendRowH + curveLegendGap
	scaleTop := cv.Rect.Y + legendH
	scaleH := PlotH - 8
	cv.Rect.H = legendH + scaleH

	// The scale: y of each score, ticks with their numbers and names in the lane header.
	pad := FaceR + 6
	cv.TopY, cv.BottomY = scaleTop+pad, scaleTop+scaleH-pad
	for i := range cv.Points {
		cv.Points[i].Y = cv.YOf(cv.Points[i].Score)
	}
	for i := range cv.Compare {
		cv.Compare[i].Y = cv.YOf(cv.Compare[i].Score)
	}
	cv.NeutralY = cv.YOf(float64(sc.Min+sc.Max) / 2)
	steps := sc.Max - sc.Min
	if steps > 10 {
		return cv
	}
	names := stepLabels(sc, lang)
	gap := (cv.BottomY - cv.TopY) / float64(steps)
	every := max(1, int(math.Ceil(13/gap))) // name every step when there is room, else every few
	numX := LaneHeaderW - 10                // right edge of the numbers, from the header's left
	numW := 0.0
	for s := sc.Min; s <= sc.Max; s++ {
		numW = max(numW, TextWidth(tickNumber(s, sc), SmallSize, false))
	}
	nameR := numX - numW - 6
	nameW := nameR - 10
	asc := Ascent(SmallSize, false)
	for s := sc.Max; s >= sc.Min; s-- {
		txt := tickNumber(s, sc)
		w := TextWidth(txt, SmallSize, false)
		ty := cv.YOf(float64(s))
		t := Tick{Score: float64(s), Y: ty,
			Label: TextLine{Text: txt, X: numX - w, Y: ty + asc*0.36, W: w, Size: SmallSize}}
		if names != nil && (sc.Max-s)%every == 0 && names[s-sc.Min] != "" {
			name := NFC(names[s-sc.Min])
			var lines []string
			const lineH = 12.0
			if gap >= 2*lineH+2 && ty-lineH-asc*0.64 > nameBottom+2 {
				lines, _ = Wrap(name, nameW, SmallSize, false, 2)
			} else {
				one, _ := Ellipsize(name, nameW, SmallSize, false)
				lines = []string{one}
			}
			by := ty + asc*0.36 - float64(len(lines)-1)*lineH/2
			for k, ln := range lines {
				lw := TextWidth(ln, SmallSize, false)
				t.Name = append(t.Name, TextLine{Text: ln, X: nameR - lw, Y: by + float64(k)*lineH, W: lw, Size: SmallSize})
			}
		}
		cv.Ticks = append(cv.Ticks, t)
	}
	return cv
}

// tickNumber is how a step of the scale is written on its axis: "+2", "0", "–2" (with an
// en dash for the minus).
func tickNumber(s int, sc data.Scale) string {
	txt := strconv.Itoa(s)
	if s > 0 && sc.Min < 0 {
		txt = "+" + txt
	}
	return strings.Replace(txt, "-", "–", 1)
}

// shiftY moves the curve down by dy and its tick labels right by dx (the lane header's left).
func (cv *CurveBox) shiftY(dx, dy float64) {
	cv.Rect.Y += dy
	cv.NeutralY += dy
	cv.TopY += dy
	cv.BottomY += dy
	for i := range cv.Points {
		cv.Points[i].Y += dy
	}
	for i := range cv.Compare {
		cv.Compare[i].Y += dy
	}
	for i := range cv.Legend {
		cv.Legend[i].Icon.Y += dy
		cv.Legend[i].Label.Y += dy
	}
	for i := range cv.Ticks {
		t := &cv.Ticks[i]
		t.Y += dy
		t.Label.X += dx
		t.Label.Y += dy
		for k := range t.Name {
			t.Name[k].X += dx
			t.Name[k].Y += dy
		}
	}
}

// YOf returns the y of a score on the curve's scale (clamped to the scale).
func (cv *CurveBox) YOf(score float64) float64 {
	sc := cv.Scale
	t := (float64(sc.Max) - score) / float64(sc.Max-sc.Min)
	t = math.Max(0, math.Min(1, t))
	return cv.TopY + t*(cv.BottomY-cv.TopY)
}

// ScoreAt returns the whole step of the scale nearest to height y: what a point dragged
// there snaps to.
func (cv *CurveBox) ScoreAt(y float64) float64 {
	sc := cv.Scale
	if cv.BottomY <= cv.TopY {
		return float64(sc.Min+sc.Max) / 2
	}
	s := float64(sc.Max) - (y-cv.TopY)/(cv.BottomY-cv.TopY)*float64(sc.Max-sc.Min)
	return math.Max(float64(sc.Min), math.Min(float64(sc.Max), math.Round(s)))
}

// PointAt returns the index of the curve point whose face is under (x, y), the nearest one
// when faces overlap, with a little slack around each face.
func (cv *CurveBox) PointAt(x, y float64) (int, bool) {
	best, bestD := -1, cv.FaceR+4*cv.FaceR/FaceR
	for i, p := range cv.Points {
		if d := math.Hypot(x-p.X, y-p.Y); d <= bestD {
			best, bestD = i, d
		}
	}
	return best, best >= 0
}

// StepName returns the name of a step of the scale in a language ("" when it has none).
func (cv *CurveBox) StepName(score float64, lang string) string {
	names := stepLabels(cv.Scale, lang)
	i := int(math.Round(score)) - cv.Scale.Min
	if i < 0 || i >= len(names) || math.Abs(score-math.Round(score)) > 1e-9 {
		return ""
	}
	return names[i]
}
