package paint

import (
	"image/color"

	"journeycanvas/canvas/geometry"
)

// BoxRadius is the corner radius of cells, stage and lane headers and stage footers, in
// layout units.
const BoxRadius = 8.0

// Board paints every part of a layout that falls on the canvas's image, in this order: the
// header, stage headers, lane headers, cells, the emotion curve, cards, links. It leaves the
// background alone (the caller fills it, or leaves it transparent).
func (c *Canvas) Board(l *geometry.Layout) {
	if h := l.Header; h != nil && c.Visible(h.Rect, 2) {
		c.Header(h)
	}
	for i := range l.Stages {
		if s := &l.Stages[i]; c.Visible(s.Header, 2) {
			c.StageHeader(s)
		}
	}
	nS := len(l.Stages)
	bandRow, band, _ := l.EmotionBand()
	for li := range l.Lanes {
		ln := &l.Lanes[li]
		if !c.Visible(ln.Rect, 2) {
			continue
		}
		c.LaneHeader(ln)
		col := c.Pal.CellColour(ln.Kind, li)
		if li == bandRow {
			// The emotion lane is one band, so the curve runs across the gutters.
			c.FillRoundRect(band, BoxRadius, col)
			continue
		}
		for si := 0; si < nS; si++ {
			if r := l.Cells[li*nS+si].Rect; c.Visible(r, 1) {
				c.FillRoundRect(r, BoxRadius, col)
			}
		}
	}
	for i := range l.Stages {
		if s := &l.Stages[i]; len(s.Footer) > 0 && c.Visible(s.FooterBox, 2) {
			c.StageFooter(s)
		}
	}
	for i := range l.Blueprint {
		if b := &l.Blueprint[i]; c.Visible(blueprintBounds(b), 4) {
			c.BlueprintLine(b)
		}
	}
	if cv := l.Curve; cv != nil && c.Visible(cv.Rect, 4) {
		halo := c.Pal.Cell
		if bandRow >= 0 {
			halo = c.Pal.CellColour(l.Lanes[bandRow].Kind, bandRow)
		}
		c.curve(cv, halo)
	}
	for i := range l.Cards {
		if cb := &l.Cards[i]; c.Visible(cb.Rect, 3) {
			c.Card(cb)
		}
	}
	for i := range l.Links {
		lp := &l.Links[i]
		if c.Visible(lp.Bounds(), 6) {
			c.Link(lp)
		}
	}
}

// StageHeader draws a stage's header: a box tinted with the stage's colour under a band of it,
// the name and the description.
func (c *Canvas) StageHeader(s *geometry.StageBox) {
	const rad = BoxRadius
	h := s.Header
	c.FillRoundRect(h, rad, c.stageTint(s.Colour))
	c.FillRoundRectCorners(geometry.Rect{X: h.X, Y: h.Y, W: h.W, H: s.Band.H + rad}, [4]float64{rad, rad, 0, 0}, s.Colour)
	c.FillRect(geometry.Rect{X: h.X, Y: h.Y + s.Band.H, W: h.W, H: rad}, c.stageTint(s.Colour))
	for _, t := range s.Name {
		c.Text(t, c.Pal.StageText)
	}
	for _, t := range s.Description {
		c.Text(t, c.Pal.Muted)
	}
}

// LaneHeader draws a lane's name box.
func (c *Canvas) LaneHeader(ln *geometry.LaneBox) {
	c.FillRoundRect(ln.Header, BoxRadius, c.Pal.LaneHeader)
	for _, t := range ln.Name {
		c.Text(t, c.Pal.Text)
	}
}

// Header draws the map header: title, type badge, goal, persona and the rule below.
func (c *Canvas) Header(h *geometry.HeaderBox) {
	p := c.Pal
	for _, t := range h.Title {
		c.Text(t, p.Text)
	}
	if h.BadgeText.Text != "" {
		c.FillRoundRect(h.Badge, h.Badge.H/2, p.Badge)
		c.Text(h.BadgeText, p.BadgeText)
	}
	if h.GoalLabel.Text != "" {
		c.Text(h.GoalLabel, p.Muted)
		for _, t := range h.Goal {
			c.Text(t, p.Text)
		}
	}
	if pb := h.Persona; pb != nil {
		c.FillRoundRect(pb.Rect, 10, p.PersonaFill)
		a := pb.Avatar
		if !c.Photo(pb.Photo, pb.PhotoKey, a) {
			c.FillCircle(a.X+a.W/2, a.Y+a.H/2, a.W/2, p.Link)
			white := color.NRGBA{255, 255, 255, 255}
			if p.Dark {
				white = p.Background
			}
			c.Text(pb.Initials, white)
		}
		c.Text(pb.Caption, p.Muted)
		for _, t := range pb.Name {
			c.Text(t, p.Text)
		}
		for _, t := range pb.Summary {
			c.Text(t, p.Muted)
		}
	}
	c.FillRect(geometry.Rect{X: h.Rect.X, Y: h.RuleY, W: h.Rect.W, H: 1}, p.CardBorder)
}
