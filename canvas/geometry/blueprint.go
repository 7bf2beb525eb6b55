package geometry

import (
	"journeycanvas/assets"
	"journeycanvas/data"
)

// BlueprintLine is one of the lines a service blueprint draws across the board between its
// lane groups: the line of interaction (customer actions | frontstage), of visibility
// (frontstage | backstage) and of internal interaction (backstage | support processes).
type BlueprintLine struct {
	Y        float64 // in the gap between the two lanes
	X0, X1   float64 // from the lane headers' left to the last stage's right
	Label    TextLine
	LabelBox Rect // a pill behind Label, at the line's right end
}

// blueprintWords names the three lines in a language.
func blueprintWords(lang string) [3]string {
	return [3]string{assets.Word(lang, "Line of interaction"), assets.Word(lang, "Line of visibility"),
		assets.Word(lang, "Line of internal interaction")}
}

// layoutBlueprint places the lines of a service blueprint, from the kinds of its lanes in
// their order: the line of interaction after the last customer-actions (steps) lane, the
// line of visibility after the lane below it (the frontstage), the line of internal
// interaction above the first support-processes lane further down. Maps of other types, or
// without a customer-actions lane, have none.
func layoutBlueprint(m *data.Map, l *Layout, lang string) []BlueprintLine {
	if m.Type != data.ServiceBlueprint || len(l.Lanes) < 2 {
		return nil
	}
	words := blueprintWords(lang)
	actions := -1
	for i, ln := range l.Lanes {
		if ln.Kind == data.LaneSteps && !ln.Auto {
			actions = i
		}
	}
	if actions < 0 {
		return nil
	}
	var out []BlueprintLine
	add := func(after int, label string) {
		if after < 0 || after+1 >= len(l.Lanes) {
			return
		}
		a, b := l.Lanes[after].Rect, l.Lanes[after+1].Rect
		y := (a.Bottom() + b.Y) / 2
		w := TextWidth(label, SmallSize, true)
		h := SmallSize * 1.7
		x1 := l.Grid.Right()
		box := Rect{X: x1 - w - 20, Y: y - h/2, W: w + 16, H: h}
		out = append(out, BlueprintLine{Y: y, X0: a.X, X1: x1, LabelBox: box,
			Label: TextLine{Text: label, X: box.X + 8, Y: y + Ascent(SmallSize, true)*0.36, W: w, Size: SmallSize, Bold: true}})
	}
	add(actions, words[0])
	add(actions+1, words[1])
	for i := actions + 3; i < len(l.Lanes); i++ {
		if l.Lanes[i].Kind == data.LaneProcesses {
			add(i-1, words[2])
			break
		}
	}
	return out
}
