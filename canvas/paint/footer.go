package paint

import "journeycanvas/canvas/geometry"

// MetricLine draws a metric: a dot coloured against its target (good, bad, or muted without
// a target) and its text. Cards and stage footers use it.
func (c *Canvas) MetricLine(m *geometry.MetricLine) {
	p := c.Pal
	dot := p.Muted
	switch m.State {
	case geometry.MetricOnTarget:
		dot = p.MetricGood
	case geometry.MetricOffTarget:
		dot = p.MetricBad
	}
	c.FillCircle(m.Dot.X+m.Dot.W/2, m.Dot.Y+m.Dot.H/2, m.Dot.W/2, dot)
	for _, t := range m.Lines {
		c.Text(t, p.Muted)
	}
}

// StageFooter draws a stage's metrics under its column, on a light band of the stage's
// colour.
func (c *Canvas) StageFooter(s *geometry.StageBox) {
	if len(s.Footer) == 0 {
		return
	}
	c.FillRoundRect(s.FooterBox, BoxRadius, c.stageTint(s.Colour))
	for i := range s.Footer {
		c.MetricLine(&s.Footer[i])
	}
}
