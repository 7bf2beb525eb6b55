package geometry

import (
	"sort"

	"journeycanvas/data"
)

// Hit tests. Columns and rows own half the gutter on each side, so a point between two cells
// belongs to the nearer one: a drop never falls through a crack. All tests are O(log n).

// stageIndex returns the column whose slot holds x, or -1.
func (l *Layout) stageIndex(x float64) int {
	n := len(l.Stages)
	i := sort.Search(n, func(i int) bool { return l.Stages[i].Rect.Right()+Gutter*l.Zoom/2 > x })
	if i == n || x < l.Stages[i].Rect.X-Gutter*l.Zoom/2 {
		return -1
	}
	return i
}

// laneIndex returns the row whose slot holds y, or -1.
func (l *Layout) laneIndex(y float64) int {
	n := len(l.Lanes)
	i := sort.Search(n, func(i int) bool { return l.Lanes[i].Rect.Bottom()+Gutter*l.Zoom/2 > y })
	if i == n || y < l.Lanes[i].Rect.Y-Gutter*l.Zoom/2 {
		return -1
	}
	return i
}

func (l *Layout) inGridY(y float64) bool {
	g := Gutter * l.Zoom / 2
	return y >= l.Grid.Y-g && y < l.Grid.Bottom()+g
}

func (l *Layout) inGridX(x float64) bool {
	g := Gutter * l.Zoom / 2
	return x >= l.Grid.X-g && x < l.Grid.Right()+g
}

// StageAt returns the stage whose column (header or cells, gutters split halfway) holds the
// point.
func (l *Layout) StageAt(x, y float64) (id int64, ok bool) {
	if !l.inGridY(y) {
		return 0, false
	}
	if i := l.stageIndex(x); i >= 0 {
		return l.Stages[i].ID, true
	}
	return 0, false
}

// LaneAt returns the lane whose row (header or cells) holds the point. The automatic emotion
// lane has id 0.
func (l *Layout) LaneAt(x, y float64) (id int64, ok bool) {
	if !l.inGridX(x) {
		return 0, false
	}
	if i := l.laneIndex(y); i >= 0 {
		return l.Lanes[i].ID, true
	}
	return 0, false
}

// CellAt returns the cell under the point and the index a card dropped there takes: the
// number of the cell's cards whose middle lies above y. ok is false outside the cells and on
// the automatic emotion lane, which holds no cards.
func (l *Layout) CellAt(x, y float64) (stageID, laneID int64, index int, ok bool) {
	si, li := l.stageIndex(x), l.laneIndex(y)
	if si < 0 || li < 0 || l.Lanes[li].Auto {
		return 0, 0, 0, false
	}
	cell := &l.Cells[li*len(l.Stages)+si]
	index = sort.Search(len(cell.Cards), func(k int) bool {
		r := l.Cards[cell.Cards[k]].Rect
		return r.Y+r.H/2 >= y
	})
	return cell.StageID, cell.LaneID, index, true
}

// CardAt returns the card under the point.
func (l *Layout) CardAt(x, y float64) (id int64, ok bool) {
	si, li := l.stageIndex(x), l.laneIndex(y)
	if si < 0 || li < 0 {
		return 0, false
	}
	cell := &l.Cells[li*len(l.Stages)+si]
	k := sort.Search(len(cell.Cards), func(k int) bool { return l.Cards[cell.Cards[k]].Rect.Bottom() > y })
	if k < len(cell.Cards) {
		c := &l.Cards[cell.Cards[k]]
		if c.Rect.Contains(x, y) {
			return c.ID, true
		}
	}
	return 0, false
}

// scale multiplies every coordinate and size by z.
func (l *Layout) scale(z float64) {
	l.Zoom *= z
	l.Width *= z
	l.Height *= z
	sr := func(r *Rect) { r.X *= z; r.Y *= z; r.W *= z; r.H *= z }
	st := func(t *TextLine) { t.X *= z; t.Y *= z; t.W *= z; t.Size *= z }
	sts := func(ts []TextLine) {
		for i := range ts {
			st(&ts[i])
		}
	}
	sr(&l.Grid)
	for i := range l.Blueprint {
		b := &l.Blueprint[i]
		b.Y *= z
		b.X0 *= z
		b.X1 *= z
		st(&b.Label)
		sr(&b.LabelBox)
	}
	if h := l.Header; h != nil {
		sr(&h.Rect)
		sts(h.Title)
		sr(&h.Badge)
		st(&h.BadgeText)
		st(&h.GoalLabel)
		sts(h.Goal)
		h.RuleY *= z
		if p := h.Persona; p != nil {
			sr(&p.Rect)
			sr(&p.Avatar)
			st(&p.Initials)
			st(&p.Caption)
			sts(p.Name)
			sts(p.Summary)
		}
	}
	l.ContentBottom *= z
	for i := range l.Stages {
		s := &l.Stages[i]
		sr(&s.FooterBox)
		for k := range s.Footer {
			sr(&s.Footer[k].Dot)
			sts(s.Footer[k].Lines)
		}
		sr(&s.Rect)
		sr(&s.Header)
		sr(&s.Band)
		sts(s.Name)
		sts(s.Description)
	}
	for i := range l.Lanes {
		s := &l.Lanes[i]
		sr(&s.Rect)
		sr(&s.Header)
		sts(s.Name)
	}
	for i := range l.Cells {
		sr(&l.Cells[i].Rect)
		l.Cells[i].CardsTop *= z
	}
	for i := range l.Cards {
		c := &l.Cards[i]
		sr(&c.Rect)
		sts(c.Title)
		sts(c.Notes)
		for k := range c.Tags {
			sr(&c.Tags[k].Rect)
			st(&c.Tags[k].Label)
		}
		st(&c.Channel)
		if m := c.Metric; m != nil {
			sr(&m.Dot)
			sts(m.Lines)
		}
		for k := range c.Markers {
			sr(&c.Markers[k].Rect)
		}
		if f := c.Face; f != nil {
			f.X *= z
			f.Y *= z
			f.R *= z
		}
		if b := c.Comments; b != nil {
			sr(&b.Rect)
			st(&b.Label)
			for k := range b.Tail {
				b.Tail[k].X *= z
				b.Tail[k].Y *= z
			}
		}
	}
	for i := range l.Links {
		k := &l.Links[i]
		for j := range k.Segments {
			for q := range k.Segments[j] {
				k.Segments[j][q].X *= z
				k.Segments[j][q].Y *= z
			}
		}
		if k.Label != nil {
			st(k.Label)
		}
		sr(&k.LabelBox)
	}
	if c := l.Curve; c != nil {
		sr(&c.Rect)
		c.NeutralY *= z
		c.TopY *= z
		c.BottomY *= z
		c.FaceR *= z
		for i := range c.Points {
			c.Points[i].X *= z
			c.Points[i].Y *= z
		}
		for i := range c.Compare {
			c.Compare[i].X *= z
			c.Compare[i].Y *= z
		}
		for i := range c.Ticks {
			c.Ticks[i].Y *= z
			st(&c.Ticks[i].Label)
			sts(c.Ticks[i].Name)
		}
		for i := range c.Legend {
			sr(&c.Legend[i].Icon)
			st(&c.Legend[i].Label)
		}
	}
}

// EmotionBand returns the lane (its index in Lanes) the emotion curve is drawn across and
// the band its cells make: one rectangle from the first stage's cell to the last's, across
// the gutters, filled as one and holding the plot. ok is false when no lane holds the curve.
func (l *Layout) EmotionBand() (row int, band Rect, ok bool) {
	nS := len(l.Stages)
	if l.Curve == nil || nS == 0 {
		return -1, Rect{}, false
	}
	for li := range l.Lanes {
		if ln := &l.Lanes[li]; ln.Kind == data.LaneEmotions && ln.ID == l.Curve.LaneID && len(l.Cells) >= (li+1)*nS {
			first, last := l.Cells[li*nS].Rect, l.Cells[li*nS+nS-1].Rect
			return li, Rect{X: first.X, Y: first.Y, W: last.Right() - first.X, H: first.H}, true
		}
	}
	return -1, Rect{}, false
}
