package paint

import (
	"image/color"
	"math"

	"journeycanvas/canvas/geometry"
)

// Face draws an emotion face: a disc coloured from red (norm −1) through amber (0) to green
// (+1), two eyes, and a mouth that curves up for a positive score and down for a negative one,
// straight at neutral. cx, cy and r are in layout units.
func (c *Canvas) Face(cx, cy, r, norm float64) {
	norm = math.Max(-1, math.Min(1, norm))
	p := c.Pal
	c.FillCircle(cx, cy, r, p.FaceOutline)
	c.FillCircle(cx, cy, r-math.Max(0.9, r*0.1), p.EmotionColour(norm))
	if r*c.Scale < 5 {
		return // too small for features
	}
	eyeR := r * 0.12
	c.FillCircle(cx-r*0.33, cy-r*0.2, eyeR, p.FaceFeatures)
	c.FillCircle(cx+r*0.33, cy-r*0.2, eyeR, p.FaceFeatures)
	// Mouth: a quadratic from (−w, y) to (+w, y) through a control point norm·0.5r below.
	w := r * 0.42
	y := cy + r*0.34 - r*0.09*norm
	ctrl := y + r*0.5*norm
	// Raise a quadratic to a cubic for Bezier.
	p0 := geometry.Point{X: cx - w, Y: y}
	p3 := geometry.Point{X: cx + w, Y: y}
	q := geometry.Point{X: cx, Y: ctrl}
	c1 := geometry.Point{X: p0.X + 2.0/3*(q.X-p0.X), Y: p0.Y + 2.0/3*(q.Y-p0.Y)}
	c2 := geometry.Point{X: p3.X + 2.0/3*(q.X-p3.X), Y: p3.Y + 2.0/3*(q.Y-p3.Y)}
	c.Bezier(Stroke{Width: r * 0.14, Colour: p.FaceFeatures}, [4]geometry.Point{p0, c1, c2, p3})
}

// MarkerColour returns the colour of a marker kind.
func (c *Canvas) MarkerColour(k geometry.MarkerKind) color.NRGBA {
	p := c.Pal
	switch k {
	case geometry.MarkerPain:
		return p.Pain
	case geometry.MarkerOpportunity:
		return p.Opportunity
	case geometry.MarkerMomentOfTruth:
		return p.MomentTruth
	case geometry.MarkerResearched:
		return p.Researched
	case geometry.MarkerAssumed:
		return p.Assumed
	}
	return p.Proposed
}

// Marker draws a marker icon in the square r (layout units): a coloured disc with a white
// sign. Pain: "!"; opportunity: a light bulb; moment of truth: a star; researched: a tick;
// assumed: "?"; proposed: "+".
func (c *Canvas) Marker(k geometry.MarkerKind, r geometry.Rect) {
	cx, cy := r.X+r.W/2, r.Y+r.H/2
	rad := math.Min(r.W, r.H) / 2
	c.FillCircle(cx, cy, rad, c.MarkerColour(k))
	white := color.NRGBA{255, 255, 255, 255}
	if c.Pal.Dark {
		white = color.NRGBA{0x14, 0x17, 0x1C, 255}
	}
	u := rad // sign geometry in units of the radius
	switch k {
	case geometry.MarkerPain:
		c.FillRoundRect(geometry.Rect{X: cx - 0.11*u, Y: cy - 0.55*u, W: 0.22 * u, H: 0.7 * u}, 0.11*u, white)
		c.FillCircle(cx, cy+0.4*u, 0.13*u, white)
	case geometry.MarkerOpportunity:
		c.FillCircle(cx, cy-0.14*u, 0.36*u, white)
		c.FillPolygon([]geometry.Point{{X: cx - 0.22*u, Y: cy}, {X: cx + 0.22*u, Y: cy}, {X: cx + 0.15*u, Y: cy + 0.3*u}, {X: cx - 0.15*u, Y: cy + 0.3*u}}, white)
		c.FillRoundRect(geometry.Rect{X: cx - 0.15*u, Y: cy + 0.36*u, W: 0.3 * u, H: 0.17 * u}, 0.06*u, white)
	case geometry.MarkerMomentOfTruth:
		c.FillPolygon(star(cx, cy+0.04*u, 0.66*u, 0.28*u), white)
	case geometry.MarkerResearched:
		c.Line(Stroke{Width: 0.2 * u, Colour: white}, geometry.Point{X: cx - 0.4*u, Y: cy + 0.02*u},
			geometry.Point{X: cx - 0.1*u, Y: cy + 0.32*u}, geometry.Point{X: cx + 0.42*u, Y: cy - 0.3*u})
	case geometry.MarkerAssumed:
		s := Stroke{Width: 0.19 * u, Colour: white}
		// A question mark: an arc, a short stem, a dot.
		c.Bezier(s, [4]geometry.Point{
			{X: cx - 0.3*u, Y: cy - 0.25*u}, {X: cx - 0.3*u, Y: cy - 0.7*u},
			{X: cx + 0.34*u, Y: cy - 0.66*u}, {X: cx + 0.3*u, Y: cy - 0.26*u}},
			[4]geometry.Point{{X: cx + 0.3*u, Y: cy - 0.26*u}, {X: cx + 0.27*u, Y: cy - 0.02*u},
				{X: cx, Y: cy - 0.04*u}, {X: cx, Y: cy + 0.16*u}})
		c.FillCircle(cx, cy+0.45*u, 0.12*u, white)
	case geometry.MarkerProposed:
		s := Stroke{Width: 0.2 * u, Colour: white}
		c.Line(s, geometry.Point{X: cx - 0.42*u, Y: cy}, geometry.Point{X: cx + 0.42*u, Y: cy})
		c.Line(s, geometry.Point{X: cx, Y: cy - 0.42*u}, geometry.Point{X: cx, Y: cy + 0.42*u})
	}
}

// star returns a five-pointed star's outline, point up.
func star(cx, cy, outer, inner float64) []geometry.Point {
	pts := make([]geometry.Point, 10)
	for i := range pts {
		rr := outer
		if i%2 == 1 {
			rr = inner
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		pts[i] = geometry.Point{X: cx + rr*math.Cos(a), Y: cy + rr*math.Sin(a)}
	}
	return pts
}
