// Package geometry turns a journey map into where everything goes: stage columns, lane rows,
// cells, cards with their wrapped text and markers, links, and the emotion curve. It is pure Go
// (no Fyne, no gg, no SQL): the Fyne board and the PNG export both paint the Layout it returns,
// so the screen and the export agree to the pixel.
//
// Coordinates are logical units, y down: 1 unit is 1 pixel at 100 % zoom. A Layout computed at
// zoom z is exactly the zoom-1 layout with every coordinate and text size multiplied by z, so
// lines break in the same places at every zoom and in the export.
package geometry

import (
	"image/color"
	"math"

	"journeycanvas/data"
)

// Options say how to lay a map out.
type Options struct {
	// Zoom multiplies every coordinate and text size; 0 means 1 (100 %).
	Zoom float64
	// Theme is "light" or "dark": it picks Layout.Palette.
	Theme string
	// StageFrom and StageTo restrict the layout to stages StageFrom..StageTo (1-based,
	// inclusive). 0, 0 means every stage; StageTo 0 means to the last. A range past the last
	// stage is clamped (and may leave no stage at all).
	StageFrom, StageTo int
	// Header adds the map header on top (title, type, goal, persona), as the export shows it.
	Header bool
	// Lang is "vi" or "en" for the words the layout adds (the automatic emotion lane's name,
	// header captions); "" detects it from the map (DetectLang).
	Lang string
	// CardWidth is the width of a card; 0 means DefaultCardWidth.
	CardWidth float64
	// MaxTitleLines is how many lines of a card title show; 0 means DefaultMaxTitleLines.
	MaxTitleLines int
	// NoteLines is how many lines of a card's notes show under its title, at most
	// MaxNoteLines (more is taken as MaxNoteLines); 0 takes the map's own setting.
	NoteLines int
	// Compare, when not nil, is another map whose emotion curve is laid over this one's, in
	// the stages both maps have (matched by name: trimmed, NFC, case-insensitive).
	Compare *data.Map
	// Comments counts the comments in each card's open threads (data.Map.OpenComments), shown
	// as a bubble in the card's footer; nil shows none (an export, unless asked).
	Comments map[int64]int
}

// Defaults and fixed measures of the layout, in logical units at zoom 1.
const (
	DefaultCardWidth     = 200.0
	DefaultMaxTitleLines = 4
	MaxNoteLines         = 3

	MarginBoard  = 16.0 // around the board without a header
	MarginExport = 40.0 // around the board with a header

	Gutter      = 8.0   // between columns and between rows
	CellPad     = 10.0  // inside a cell, around its cards
	CardGap     = 8.0   // between cards in a cell
	CardPad     = 10.0  // inside a card
	LaneHeaderW = 150.0 // width of the lane name column
	MinLaneH    = 72.0  // an empty lane is this tall (room to drop a card)
	PlotH       = 150.0 // height of the emotion curve's scale area, plus 8 (a legend goes on top)
	FaceR       = 9.0   // radius of an emotion face on the curve and on cards
	MarkerSize  = 16.0  // side of a marker icon on a card

	TitleSize   = 13.0
	TitleLineH  = 18.0
	SmallSize   = 11.0 // channel and metric lines
	SmallLineH  = 16.0
	NoteSize    = 11.0 // the notes' first lines on a card
	NoteLineH   = 15.0
	TagSize     = 10.0 // text of a tag chip
	TagH        = 17.0 // height of a tag chip
	TagPadX     = 7.0  // inside a tag chip, left and right of the text
	TagGap      = 4.0  // between tag chips, across and down
	StageSize   = 15.0
	StageLineH  = 20.0
	LaneSize    = 13.0
	LaneLineH   = 18.0
	HeaderSize  = 26.0
	HeaderLineH = 34.0
	BodySize    = 13.0
	BodyLineH   = 19.0
)

// Point is a position in logical units.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned box: X, Y its top-left corner.
type Rect struct{ X, Y, W, H float64 }

// Right returns X + W.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom returns Y + H.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Contains reports whether (x, y) lies in r (left and top edges in, right and bottom out).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Intersects reports whether r and s overlap.
func (r Rect) Intersects(s Rect) bool {
	return r.X < s.X+s.W && s.X < r.X+r.W && r.Y < s.Y+s.H && s.Y < r.Y+r.H
}

// Inset returns r shrunk by d on every side.
func (r Rect) Inset(d float64) Rect { return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// TextLine is one line of text, already broken and normalised to NFC. X, Y is the left end of
// its baseline; W its measured width; Size the font size (pixel height of the em).
type TextLine struct {
	Text string
	X, Y float64
	W    float64
	Size float64
	Bold bool
}

// HeaderBox is the map's header (Options.Header): title, map type badge, goal and persona.
type HeaderBox struct {
	Rect      Rect
	Title     []TextLine
	Badge     Rect // pill behind BadgeText
	BadgeText TextLine
	GoalLabel TextLine // "Goal"; empty Text when the map has no goal
	Goal      []TextLine
	Persona   *PersonaBox // nil when the map has no persona
	RuleY     float64     // y of the thin rule under the header
}

// PersonaBox shows the map's persona in the header.
type PersonaBox struct {
	Rect     Rect
	Avatar   Rect // a circle inscribed in this square
	Initials TextLine
	Photo    []byte // the persona's picture (PNG or JPEG), drawn in Avatar instead of the initials
	// PhotoKey names the picture's content (its hash), computed once: caches of the decoded
	// and scaled picture, and of the painted header, are keyed on it.
	PhotoKey string
	Caption  TextLine // "Persona"
	Name     []TextLine
	Summary  []TextLine
}

// StageBox is a stage column.
type StageBox struct {
	ID          int64
	Number      int  // 1-based position in the map
	Rect        Rect // the whole column, header and cells
	Header      Rect
	Band        Rect // the colour band along the top of the header
	Name        []TextLine
	Description []TextLine
	Colour      color.NRGBA // the stage's colour, or a default one
	// Footer are the stage's metrics under its column; FooterBox holds them (zero without).
	Footer    []MetricLine
	FooterBox Rect
}

// LaneBox is a lane row.
type LaneBox struct {
	ID     int64 // 0 for the automatic emotion lane
	Kind   data.LaneKind
	Auto   bool // the automatic emotion lane, not a lane of the map: nothing drops into it
	Rect   Rect // the whole row, header and cells
	Header Rect
	Name   []TextLine
}

// CellBox is one stage × lane cell.
type CellBox struct {
	StageID, LaneID int64
	Kind            data.LaneKind // the lane's kind
	Rect            Rect
	Cards           []int   // indexes into Layout.Cards, in order
	CardsTop        float64 // y where the first card goes (below the plot in the emotion lane)
}

// MarkerKind is what a marker icon on a card means.
type MarkerKind int

// The marker kinds, in the order they sit on a card.
const (
	MarkerPain MarkerKind = iota
	MarkerOpportunity
	MarkerMomentOfTruth
	MarkerResearched
	MarkerAssumed
	MarkerProposed
)

// MarkerBox is a marker icon on a card.
type MarkerBox struct {
	Kind MarkerKind
	Rect Rect
}

// MetricState says how a metric stands against its target.
type MetricState int

// The metric states.
const (
	MetricNoTarget MetricState = iota
	MetricOnTarget
	MetricOffTarget
)

// MetricLine is a card's metric: a status dot and one or two lines of text.
type MetricLine struct {
	Dot   Rect // a circle inscribed in this square, beside the first line
	Lines []TextLine
	State MetricState
}

// FaceBox is an emotion face: a circle of radius R centred on X, Y.
type FaceBox struct {
	X, Y, R float64
	Score   float64 // on the map's scale
	Norm    float64 // −1 (bottom of the scale) … 0 (neutral) … +1 (top)
}

// CardBox is a card.
type CardBox struct {
	ID              int64
	StageID, LaneID int64
	Index           int // position within its cell, from 0
	Rect            Rect
	// Accent is the colour of the stripe along the card's left edge (pain, opportunity or
	// moment of truth); alpha 0 for none.
	Accent color.NRGBA
	// Tint holds the face's colours: the card's own colour as a tint, or the theme's card.
	Tint      CardTint
	Title     []TextLine
	Truncated bool       // the title had more lines than show; the last one ends in "…"
	Notes     []TextLine // the first lines of the notes (Options.NoteLines), smaller and muted
	Tags      []TagChip  // the tags as chips in at most two rows; the last may read "+N"
	Channel   TextLine   // empty Text when the card has no channel
	Metric    *MetricLine
	Markers   []MarkerBox
	Face      *FaceBox // nil when the card has no emotion score
	// Comments is the count of comments in the card's open threads (Options.Comments); nil
	// for none.
	Comments *CommentBadge
}

// TagChip is a tag on a card: a pill (Rect, fully rounded) with its text.
type TagChip struct {
	Rect  Rect
	Label TextLine
}

// LinkPath is a link: a path of cubic Bézier segments (start, control, control, end), end to
// end, from the side of the source card to the side of the target card, with an arrowhead at
// the end pointing along the last segment's end tangent. The path runs through the gutters
// between cells, so it never crosses a card.
type LinkPath struct {
	ID, FromID, ToID int64
	Segments         [][4]Point
	Label            *TextLine // nil without a label
	LabelBox         Rect      // a pill behind Label, on the path's longest leg
}

// CurvePoint is a point of the emotion curve.
type CurvePoint struct {
	CardID  int64 // the card it stands for (CurvePerCard), else 0
	StageID int64
	X, Y    float64
	Score   float64 // on the map's scale (the stage average for CurvePerStage)
	Norm    float64 // −1 … +1, as FaceBox.Norm
	// Moment is set when the card (per stage: a card of the stage) is a moment of truth.
	Moment bool
}

// Tick is a labelled level of the emotion scale: its number ("+2") and the step's name
// ("Very positive", one or two lines), right-aligned in the lane header beside the plot.
type Tick struct {
	Score float64
	Y     float64
	Label TextLine
	Name  []TextLine // empty when the scale names no steps, or no room for this one
}

// CurveBox is the emotion curve's plot area and points.
type CurveBox struct {
	LaneID int64 // the lane holding the plot (0 for the automatic lane)
	// Rect is the plot area, from the first stage column's left to the last one's right: the
	// legend strip on top, the scale below it.
	Rect     Rect
	Mode     data.CurveMode
	Scale    data.Scale
	NeutralY float64 // y of the neutral score, the middle of the scale
	TopY     float64 // y of the top of the scale (Scale.Max)
	BottomY  float64 // y of the bottom of the scale (Scale.Min)
	Points   []CurvePoint
	Hot      []HotSpot // pain hot spots among Points (HotSpots)
	Ticks    []Tick    // one per whole step of the scale (at most 11), labels in the lane header
	FaceR    float64
	Name     string // the map's title
	// Compare is the curve of Options.Compare on this map's stages and scale; CompareName
	// its title. Both empty without a comparison.
	Compare     []CurvePoint
	CompareName string
	// Legend explains the marks on the curve and names the two maps when comparing; it sits
	// in rows at the top of Rect.
	Legend []CurveLegendItem
}

// Layout is where everything of a map goes.
type Layout struct {
	Width, Height float64
	Zoom          float64
	Lang          string
	Palette       Palette
	Header        *HeaderBox // nil without Options.Header
	Stages        []StageBox
	Lanes         []LaneBox
	// Cells are lane-major: Cells[lane*len(Stages)+stage].
	Cells []CellBox
	Cards []CardBox // grouped by cell, in reading order
	Links []LinkPath
	Curve *CurveBox // nil when there is no emotion lane and no score
	// Blueprint are the lines of a service blueprint (none for other maps).
	Blueprint []BlueprintLine
	// Grid is the box of stage headers, lane headers and cells together.
	Grid Rect
	// ContentBottom is the bottom of the grid and of the stage footers under it.
	ContentBottom float64

	cardIndex map[int64]int
}

// Card returns the box of the card with the given id, or nil when it is not laid out.
func (l *Layout) Card(id int64) *CardBox {
	if i, ok := l.cardIndex[id]; ok {
		return &l.Cards[i]
	}
	return nil
}

// Cell returns the cell of a stage and lane, or nil.
func (l *Layout) Cell(stageID, laneID int64) *CellBox {
	si, li := -1, -1
	for i := range l.Stages {
		if l.Stages[i].ID == stageID {
			si = i
		}
	}
	for i := range l.Lanes {
		if l.Lanes[i].ID == laneID && !l.Lanes[i].Auto {
			li = i
		}
	}
	if si < 0 || li < 0 {
		return nil
	}
	return &l.Cells[li*len(l.Stages)+si]
}

// Compute lays a map out. It never fails: missing stages or lanes of cards, dangling links and
// out-of-range stage ranges are left out. It reads the map and does not keep it.
func Compute(m *data.Map, opt Options) *Layout {
	lang := MapLang(m, opt.Lang)
	cardW := opt.CardWidth
	if cardW <= 0 {
		cardW = DefaultCardWidth
	}
	maxLines := opt.MaxTitleLines
	if maxLines <= 0 {
		maxLines = DefaultMaxTitleLines
	}
	noteLines := opt.NoteLines
	if noteLines == 0 {
		noteLines = m.NoteLines
	}
	noteLines = min(max(noteLines, 0), MaxNoteLines)
	l := &Layout{Zoom: 1, Lang: lang, Palette: Theme(opt.Theme)}
	lb := LabelsFor(lang)
	margin := MarginBoard
	if opt.Header {
		margin = MarginExport
	}

	// Which stages show.
	from, to := 1, len(m.Stages)
	if opt.StageFrom > 0 || opt.StageTo > 0 {
		from, to = max(opt.StageFrom, 1), opt.StageTo
		if to == 0 || to > len(m.Stages) {
			to = len(m.Stages)
		}
	}
	var stages []data.Stage
	if from <= to {
		stages = m.Stages[from-1 : to]
	}
	stageCol := make(map[int64]int, len(stages))
	for i, s := range stages {
		stageCol[s.ID] = i
	}
	colW := cardW + 2*CellPad
	gridX := margin
	cellsX := gridX + LaneHeaderW + Gutter
	contentW := LaneHeaderW + Gutter + float64(len(stages))*(colW+Gutter) - Gutter
	if len(stages) == 0 {
		contentW = LaneHeaderW
	}
	minContent := 0.0
	if opt.Header {
		minContent = 560 // room for a readable header on a one-stage export
	}
	l.Width = margin*2 + max(contentW, minContent)

	y := margin
	if opt.Header {
		l.Header = layoutHeader(m, lang, lb, margin, y, l.Width-2*margin)
		y = l.Header.Rect.Bottom()
	}

	// Lanes, with the automatic emotion lane when the map has scores but no emotion lane.
	type laneInfo struct {
		id   int64
		kind data.LaneKind
		name string
		auto bool
	}
	var lanes []laneInfo
	emotionRow := -1
	for _, ln := range m.Lanes {
		if ln.Kind == data.LaneEmotions && emotionRow < 0 {
			emotionRow = len(lanes)
		}
		lanes = append(lanes, laneInfo{ln.ID, ln.Kind, ln.Name, false})
	}
	laneRow := make(map[int64]int, len(lanes))
	for i, ln := range lanes {
		laneRow[ln.id] = i
	}
	if emotionRow < 0 {
		for _, c := range m.Cards {
			if _, ok := stageCol[c.StageID]; ok && c.Emotion != nil {
				if _, ok := laneRow[c.LaneID]; ok {
					emotionRow = len(lanes)
					lanes = append(lanes, laneInfo{0, data.LaneEmotions, lb.Emotions, true})
					break
				}
			}
		}
	}

	// Stage headers.
	l.Stages = make([]StageBox, len(stages))
	nameW := colW - 2*12
	headH := 0.0
	for i, s := range stages {
		sb := &l.Stages[i]
		sb.ID, sb.Number = s.ID, from+i
		if c, ok := ParseColour(s.Colour); ok {
			sb.Colour = c
		} else {
			sb.Colour, _ = ParseColour(StageColours[(from+i-1)%len(StageColours)])
		}
		x := cellsX + float64(i)*(colW+Gutter)
		sb.Header = Rect{X: x, Y: y, W: colW}
		sb.Band = Rect{X: x, Y: y, W: colW, H: 5}
		ty := y + 5 + 10
		names, _ := Wrap(s.Name, nameW, StageSize, true, 2)
		for _, t := range names {
			sb.Name = append(sb.Name, line(t, x+12, ty, StageLineH, StageSize, true))
			ty += StageLineH
		}
		if s.Description != "" {
			ty += 2
			desc, _ := Wrap(s.Description, nameW, SmallSize, false, 2)
			for _, t := range desc {
				sb.Description = append(sb.Description, line(t, x+12, ty, SmallLineH, SmallSize, false))
				ty += SmallLineH
			}
		}
		headH = max(headH, ty+10-y)
	}
	headH = max(headH, 5+10+StageLineH+10)
	for i := range l.Stages {
		l.Stages[i].Header.H = headH
	}
	gridTop := y
	y += headH + Gutter

	// Cards: measure them, cell by cell.
	nS := len(stages)
	l.Cells = make([]CellBox, len(lanes)*nS)
	for li, ln := range lanes {
		for si, s := range stages {
			l.Cells[li*nS+si] = CellBox{StageID: s.ID, LaneID: ln.id, Kind: ln.kind}
		}
	}
	l.Cards = make([]CardBox, 0, len(m.Cards))
	heights := make([]float64, 0, len(m.Cards))
	tints := map[string]CardTint{}
	src := make([]int, 0, len(m.Cards)) // index in m.Cards
	for ci := range m.Cards {
		c := &m.Cards[ci]
		si, ok := stageCol[c.StageID]
		if !ok {
			continue
		}
		li, ok := laneRow[c.LaneID]
		if !ok {
			continue
		}
		cell := &l.Cells[li*nS+si]
		cb := measureCard(c, m.Scale, cardW, maxLines, noteLines, opt.Comments[c.ID], lb, &l.Palette, tints)
		cb.Index = len(cell.Cards)
		cell.Cards = append(cell.Cards, len(l.Cards))
		l.Cards = append(l.Cards, cb)
		heights = append(heights, cb.Rect.H)
		src = append(src, ci)
	}
	// Keep each cell's cards contiguous, cells in reading order (stage, then lane), whatever
	// order the map's slice had.
	order := make([]int, 0, len(l.Cards))
	for si := 0; si < nS; si++ {
		for li := range lanes {
			order = append(order, l.Cells[li*nS+si].Cards...)
		}
	}
	cards := make([]CardBox, len(l.Cards))
	hs := make([]float64, len(l.Cards))
	srcs := make([]int, len(l.Cards))
	remap := make([]int, len(l.Cards))
	for newI, oldI := range order {
		cards[newI] = l.Cards[oldI]
		hs[newI] = heights[oldI]
		srcs[newI] = src[oldI]
		remap[oldI] = newI
	}
	l.Cards = cards
	for ci := range l.Cells {
		for k, old := range l.Cells[ci].Cards {
			l.Cells[ci].Cards[k] = remap[old]
		}
	}

	// The emotion curve, from the cards in reading order; placed in its lane below.
	laneNameW := LaneHeaderW - 2*12
	if emotionRow >= 0 && nS > 0 {
		in := make([]curveInput, len(l.Cards))
		for i := range l.Cards {
			c := &m.Cards[srcs[i]]
			s := math.NaN()
			if c.Emotion != nil && !math.IsNaN(*c.Emotion) && !math.IsInf(*c.Emotion, 0) {
				s = *c.Emotion
			}
			in[i] = curveInput{id: c.ID, col: stageCol[c.StageID], stage: c.StageID, score: s, moment: c.MomentOfTruth}
		}
		names, _ := Wrap(lanes[emotionRow].name, laneNameW, LaneSize, true, 2)
		l.Curve = layoutCurve(m, l, in, opt.Compare, lang, 12+float64(len(names))*LaneLineH)
		l.Curve.LaneID = lanes[emotionRow].id
	}

	// Lane rows.
	l.Lanes = make([]LaneBox, len(lanes))
	for li, ln := range lanes {
		lbx := &l.Lanes[li]
		lbx.ID, lbx.Kind, lbx.Auto = ln.id, ln.kind, ln.auto
		maxNames := 4
		if li == emotionRow && l.Curve != nil {
			maxNames = 2 // the scale's names go below
		}
		names, _ := Wrap(ln.name, laneNameW, LaneSize, true, maxNames)
		rowH := MinLaneH
		rowH = max(rowH, 12+float64(len(names))*LaneLineH+12)
		top := 0.0 // room above the cards
		if li == emotionRow {
			top = PlotH + 8
			if l.Curve != nil {
				top = 8 + l.Curve.Rect.H + 8
				l.Curve.shiftY(gridX, y)
			}
			rowH = max(rowH, top+2*CellPad)
		}
		for si := 0; si < nS; si++ {
			cell := &l.Cells[li*nS+si]
			h := top + CellPad
			for k, idx := range cell.Cards {
				if k > 0 {
					h += CardGap
				}
				h += hs[idx]
			}
			h += CellPad
			rowH = max(rowH, h)
		}
		lbx.Header = Rect{X: gridX, Y: y, W: LaneHeaderW, H: rowH}
		lbx.Rect = Rect{X: gridX, Y: y, W: contentW, H: rowH}
		ty := y + 12
		for _, t := range names {
			lbx.Name = append(lbx.Name, line(t, gridX+12, ty, LaneLineH, LaneSize, true))
			ty += LaneLineH
		}
		for si := 0; si < nS; si++ {
			cell := &l.Cells[li*nS+si]
			x := cellsX + float64(si)*(colW+Gutter)
			cell.Rect = Rect{X: x, Y: y, W: colW, H: rowH}
			cy := y + top + CellPad
			cell.CardsTop = cy
			for k, idx := range cell.Cards {
				if k > 0 {
					cy += CardGap
				}
				placeCard(&l.Cards[idx], x+CellPad, cy)
				cy += l.Cards[idx].Rect.H
			}
		}
		y += rowH + Gutter
	}
	gridBottom := y - Gutter
	for i := range l.Stages {
		l.Stages[i].Rect = Rect{X: l.Stages[i].Header.X, Y: gridTop, W: colW, H: gridBottom - gridTop}
	}
	l.Grid = Rect{X: gridX, Y: gridTop, W: contentW, H: gridBottom - gridTop}
	l.ContentBottom = layoutFooters(m, l, lb, gridBottom)
	l.Height = l.ContentBottom + margin

	l.cardIndex = make(map[int64]int, len(l.Cards))
	for i := range l.Cards {
		l.cardIndex[l.Cards[i].ID] = i
	}

	l.Links = layoutLinks(m, l)
	l.Blueprint = layoutBlueprint(m, l, lang)

	if z := opt.Zoom; z > 0 && z != 1 {
		l.scale(z)
	}
	return l
}

// line makes a TextLine whose line box (of height lineH) has its top at top.
func line(text string, x, top, lineH, size float64, bold bool) TextLine {
	return TextLine{Text: text, X: x, Y: top + Baseline(lineH, size, bold), W: TextWidth(text, size, bold), Size: size, Bold: bold}
}
