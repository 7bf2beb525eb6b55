package paint

import "journeycanvas/canvas/geometry"

// BlueprintLine draws a service blueprint's line: dashed across the board, its name in a
// pill at the right end.
func (c *Canvas) BlueprintLine(b *geometry.BlueprintLine) {
	col := c.Pal.Muted
	c.Line(Stroke{Width: 1.5, Colour: col, Dash: []float64{7, 5}, Butt: true},
		geometry.Point{X: b.X0, Y: b.Y}, geometry.Point{X: b.LabelBox.X - 4, Y: b.Y})
	c.FillRoundRect(b.LabelBox, b.LabelBox.H/2, c.Pal.Background)
	c.Text(b.Label, col)
}

// blueprintBounds is the box of a blueprint line and its label.
func blueprintBounds(b *geometry.BlueprintLine) geometry.Rect {
	return geometry.Rect{X: b.X0, Y: b.LabelBox.Y, W: b.X1 - b.X0, H: b.LabelBox.H}
}
