package paint

import (
	"image/color"
	"math"

	"journeycanvas/canvas/geometry"
)

// CardRadius is the corner radius of a card, in layout units.
const CardRadius = 6.0

// Card draws a card: a soft shadow, a bordered rounded face in the card's tint with the
// accent stripe of a pain point, opportunity or moment of truth, the title, the first lines of
// the notes, the metric line, the tag chips, the channel, the markers and the emotion face.
func (c *Canvas) Card(cb *geometry.CardBox) {
	p := c.Pal
	t := cb.Tint
	if t.Fill.A == 0 { // a box not made by the layout
		t = p.CardTint("")
	}
	r := cb.Rect
	// The shadow shows only below the card: draw just its bottom strip.
	c.FillRoundRect(geometry.Rect{X: r.X, Y: r.Bottom() - 2*CardRadius + 1.5, W: r.W, H: 2 * CardRadius}, CardRadius, p.CardShadow)
	radii := [4]float64{CardRadius, CardRadius, CardRadius, CardRadius}
	if cb.Accent.A > 0 {
		// The stripe is the left end of the card's own rounded shape.
		c.FillCard(r, radii, 1, 4, t.Border, cb.Accent, t.Fill)
	} else {
		c.FillCard(r, radii, 1, 1, t.Border, t.Border, t.Fill)
	}
	for _, l := range cb.Title {
		c.Text(l, t.Text)
	}
	for _, l := range cb.Notes {
		c.Text(l, t.Muted)
	}
	if m := cb.Metric; m != nil {
		// The metric line is the stage footers' routine, in the face's muted colour.
		c.Pal.Muted = t.Muted
		c.MetricLine(m)
		c.Pal.Muted = p.Muted
	}
	for i := range cb.Tags {
		chip := &cb.Tags[i]
		c.FillRoundRect(chip.Rect, chip.Rect.H/2, t.Chip)
		c.Text(chip.Label, t.ChipText)
	}
	if cb.Channel.Text != "" {
		c.Text(cb.Channel, t.Muted)
	}
	for _, mk := range cb.Markers {
		c.Marker(mk.Kind, mk.Rect)
	}
	if f := cb.Face; f != nil {
		c.Face(f.X, f.Y, f.R, f.Norm)
	}
	if b := cb.Comments; b != nil {
		c.FillPolygon(b.Tail, p.Comment)
		c.FillRoundRect(b.Rect, b.Rect.H/2, p.Comment)
		c.Text(b.Label, p.CommentText)
	}
}

// Link draws a link: its path, a dot where it leaves the source card, an arrowhead at the
// target card, and its label in a pill.
func (c *Canvas) Link(lp *geometry.LinkPath) {
	n := len(lp.Segments)
	if n == 0 {
		return
	}
	p := c.Pal
	segs := append([][4]geometry.Point(nil), lp.Segments...)
	last := segs[n-1]
	p3 := last[3]
	dx, dy := p3.X-last[2].X, p3.Y-last[2].Y
	if l := math.Hypot(dx, dy); l > 0 {
		dx, dy = dx/l, dy/l
	} else {
		return
	}
	const head, wing = 9.0, 4.5
	// Stop the line inside the arrowhead so its round cap does not poke out of the tip.
	last[3] = geometry.Point{X: p3.X - dx*head*0.6, Y: p3.Y - dy*head*0.6}
	last[2] = geometry.Point{X: last[2].X - dx*head*0.4, Y: last[2].Y - dy*head*0.4}
	segs[n-1] = last
	c.Bezier(Stroke{Width: 1.75, Colour: p.Link}, segs...)
	start := segs[0][0]
	c.FillCircle(start.X, start.Y, 2.5, p.Link)
	c.FillPolygon([]geometry.Point{
		p3,
		{X: p3.X - dx*head - dy*wing, Y: p3.Y - dy*head + dx*wing},
		{X: p3.X - dx*head + dy*wing, Y: p3.Y - dy*head - dx*wing},
	}, p.Link)
	if lp.Label != nil {
		b := lp.LabelBox
		c.FillRoundRect(b, b.H/2, p.Link)
		c.FillRoundRect(b.Inset(1), b.H/2-1, p.LinkLabel)
		c.Text(*lp.Label, p.Link)
	}
}

// stageTint is the fill of a stage header below its colour band.
func (c *Canvas) stageTint(col color.NRGBA) color.NRGBA {
	if c.Pal.Dark {
		return geometry.Mix(c.Pal.LaneHeader, col, 0.22)
	}
	return geometry.Mix(c.Pal.Background, col, 0.13)
}
