package geometry

import "math"

// Drop targets: where a dragged card, stage or lane would land for a pointer at a layout
// point, and the bar that shows it. The board asks them while dragging and when the drag
// ends, so what it shows is what it does.

// CardDrop is where dragged cards would land.
type CardDrop struct {
	StageID, LaneID int64
	// At is the place among the cell's cards that stay (the dragged ones leave theirs).
	At int
	// Bar is the bar shown between the cards where they would go.
	Bar Rect
}

// CardDropAt returns where cards dropped at (x, y) land: the cell under the point, before the
// card whose top half holds it (after the last one below them all). dragged reports the
// cards being moved. ok is false outside the cells.
func (l *Layout) CardDropAt(x, y float64, dragged func(id int64) bool) (d CardDrop, ok bool) {
	stageID, laneID, index, ok := l.CellAt(x, y)
	if !ok {
		return d, false
	}
	cell := l.Cell(stageID, laneID)
	at := index
	for k := 0; k < index && k < len(cell.Cards); k++ {
		if dragged(l.Cards[cell.Cards[k]].ID) {
			at--
		}
	}
	z := l.Zoom
	var iy float64
	switch {
	case len(cell.Cards) == 0:
		iy = cell.CardsTop
	case index < len(cell.Cards):
		iy = l.Cards[cell.Cards[index]].Rect.Y - CardGap*z/2
	default:
		iy = l.Cards[cell.Cards[len(cell.Cards)-1]].Rect.Bottom() + CardGap*z/2
	}
	th := 3 * math.Max(z, 0.75)
	return CardDrop{StageID: stageID, LaneID: laneID, At: at,
		Bar: Rect{X: cell.Rect.X + CellPad*z/2, Y: iy - th/2, W: cell.Rect.W - CellPad*z, H: th}}, true
}

// StageIndex returns the index of the stage with the given id, or -1.
func (l *Layout) StageIndex(id int64) int {
	for i := range l.Stages {
		if l.Stages[i].ID == id {
			return i
		}
	}
	return -1
}

// StageDropAt returns where the stage id dragged to x would go (its new index) and the bar
// shown in the gutter there; moves is false when it would stay where it is.
func (l *Layout) StageDropAt(x float64, id int64) (to int, bar Rect, moves bool) {
	from := l.StageIndex(id)
	to = len(l.Stages) - 1
	for i := range l.Stages {
		if x < l.Stages[i].Rect.Right()+Gutter*l.Zoom/2 {
			to = i
			break
		}
	}
	if to == from || from < 0 {
		return to, Rect{}, false
	}
	ix := l.Stages[to].Rect.X - Gutter*l.Zoom/2
	if to > from {
		ix = l.Stages[to].Rect.Right() + Gutter*l.Zoom/2
	}
	return to, Rect{X: ix - 2, Y: l.Grid.Y, W: 4, H: l.Grid.H}, true
}

// RealLanes returns the indexes in Lanes of the map's own lanes (not the automatic emotion
// lane), in order.
func (l *Layout) RealLanes() []int {
	var out []int
	for i := range l.Lanes {
		if !l.Lanes[i].Auto {
			out = append(out, i)
		}
	}
	return out
}

// LaneDropAt returns where the lane id dragged to y would go (its new index among the map's
// own lanes, RealLanes) and the bar shown in the gutter there; moves is false when it would
// stay where it is. from is its index now (-1 when it is not one of the map's lanes).
func (l *Layout) LaneDropAt(y float64, id int64) (from, to int, bar Rect, moves bool) {
	lanes := l.RealLanes()
	from = -1
	for i, li := range lanes {
		if l.Lanes[li].ID == id {
			from = i
		}
	}
	to = len(lanes) - 1
	for i, li := range lanes {
		if y < l.Lanes[li].Rect.Bottom()+Gutter*l.Zoom/2 {
			to = i
			break
		}
	}
	if to == from || from < 0 || to < 0 {
		return from, to, Rect{}, false
	}
	r := l.Lanes[lanes[to]].Rect
	iy := r.Y - Gutter*l.Zoom/2
	if to > from {
		iy = r.Bottom() + Gutter*l.Zoom/2
	}
	return from, to, Rect{X: l.Grid.X, Y: iy - 2, W: l.Grid.W, H: 4}, true
}
