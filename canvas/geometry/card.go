package geometry

import (
	"math"
	"strconv"
	"strings"

	"journeycanvas/data"
)

// measureCard lays a card out at the origin; placeCard moves it.
func measureCard(c *data.Card, scale data.Scale, cardW float64, maxLines int, lb Labels, pal *Palette) CardBox {
	cb := CardBox{ID: c.ID, StageID: c.StageID, LaneID: c.LaneID}
	inner := cardW - 2*CardPad
	y := CardPad
	title, trunc := Wrap(c.Title, inner, TitleSize, false, maxLines)
	cb.Truncated = trunc
	for _, t := range title {
		cb.Title = append(cb.Title, line(t, CardPad, y, TitleLineH, TitleSize, false))
		y += TitleLineH
	}
	if len(title) == 0 {
		y += TitleLineH // an untitled card keeps the height of one line
	}
	switch {
	case c.Pain:
		cb.Accent = pal.Pain
	case c.Opportunity:
		cb.Accent = pal.Opportunity
	case c.MomentOfTruth:
		cb.Accent = pal.MomentTruth
	default:
		if col, ok := ParseColour(c.Colour); ok {
			cb.Accent = col
		}
	}
	if mt := c.Metric; mt != nil {
		y += 4
		ml := &MetricLine{}
		dot := 8.0
		ml.Dot = Rect{X: CardPad, Y: y + (SmallLineH-dot)/2, W: dot, H: dot}
		text := metricText(mt, lb)
		if mt.Target != nil {
			good := mt.Value >= *mt.Target
			if !mt.UpIsGood {
				good = mt.Value <= *mt.Target
			}
			ml.State = MetricOffTarget
			if good {
				ml.State = MetricOnTarget
			}
		}
		lines, _ := Wrap(text, inner-dot-5, SmallSize, false, 2)
		for _, t := range lines {
			ml.Lines = append(ml.Lines, line(t, CardPad+dot+5, y, SmallLineH, SmallSize, false))
			y += SmallLineH
		}
		cb.Metric = ml
	}
	// Footer: channel on the left, markers and the face on the right.
	var kinds []MarkerKind
	if c.Pain {
		kinds = append(kinds, MarkerPain)
	}
	if c.Opportunity {
		kinds = append(kinds, MarkerOpportunity)
	}
	if c.MomentOfTruth {
		kinds = append(kinds, MarkerMomentOfTruth)
	}
	switch c.Evidence {
	case data.EvidenceResearched:
		kinds = append(kinds, MarkerResearched)
	case data.EvidenceAssumed:
		kinds = append(kinds, MarkerAssumed)
	case data.EvidenceProposed:
		kinds = append(kinds, MarkerProposed)
	}
	channel := strings.TrimSpace(c.Channel)
	scored := c.Emotion != nil && !math.IsNaN(*c.Emotion) && !math.IsInf(*c.Emotion, 0)
	if scored && channel == "" && len(kinds) == 0 {
		// A face alone sits at the end of the card's last line of text when there is room:
		// scoring a card then does not make it, and its lane, taller.
		top, lineH, end := CardPad, TitleLineH, CardPad
		if mt := cb.Metric; mt != nil && len(mt.Lines) > 0 {
			l := mt.Lines[len(mt.Lines)-1]
			top, lineH, end = l.Y-Baseline(SmallLineH, SmallSize, false), SmallLineH, l.X+l.W
		} else if len(cb.Title) > 0 {
			l := cb.Title[len(cb.Title)-1]
			top, end = l.Y-Baseline(TitleLineH, TitleSize, false), l.X+l.W
		}
		if end+6+2*FaceR <= CardPad+inner {
			s := *c.Emotion
			cb.Face = &FaceBox{X: CardPad + inner - FaceR, Y: top + lineH/2, R: FaceR, Score: s, Norm: normScore(s, scale)}
			scored = false // placed: no footer line for it
		}
	}
	if channel != "" || len(kinds) > 0 || scored {
		y += 6
		const rowH = 2 * FaceR
		right := CardPad + inner
		if scored {
			s := *c.Emotion
			cb.Face = &FaceBox{X: right - FaceR, Y: y + rowH/2, R: FaceR, Score: s, Norm: normScore(s, scale)}
			right -= 2*FaceR + 5
		}
		for i := len(kinds) - 1; i >= 0; i-- {
			r := Rect{X: right - MarkerSize, Y: y + (rowH-MarkerSize)/2, W: MarkerSize, H: MarkerSize}
			cb.Markers = append(cb.Markers, MarkerBox{Kind: kinds[i], Rect: r})
			right -= MarkerSize + 3
		}
		// Markers were added right to left; put them back in reading order.
		for i, j := 0, len(cb.Markers)-1; i < j; i, j = i+1, j-1 {
			cb.Markers[i], cb.Markers[j] = cb.Markers[j], cb.Markers[i]
		}
		if channel != "" {
			room := right - 4 - CardPad
			if room > 20 {
				t, _ := Ellipsize(channel, room, SmallSize, false)
				cb.Channel = line(t, CardPad, y+(rowH-SmallLineH)/2, SmallLineH, SmallSize, false)
			}
		}
		y += rowH
	}
	y += CardPad
	cb.Rect = Rect{W: cardW, H: math.Ceil(y)}
	return cb
}

// placeCard moves a card measured at the origin to (x, y).
func placeCard(cb *CardBox, x, y float64) {
	cb.Rect.X, cb.Rect.Y = x, y
	for i := range cb.Title {
		cb.Title[i].X += x
		cb.Title[i].Y += y
	}
	if cb.Channel.Text != "" {
		cb.Channel.X += x
		cb.Channel.Y += y
	}
	if mt := cb.Metric; mt != nil {
		mt.Dot.X += x
		mt.Dot.Y += y
		for i := range mt.Lines {
			mt.Lines[i].X += x
			mt.Lines[i].Y += y
		}
	}
	for i := range cb.Markers {
		cb.Markers[i].Rect.X += x
		cb.Markers[i].Rect.Y += y
	}
	if f := cb.Face; f != nil {
		f.X += x
		f.Y += y
	}
}

// metricText reads "Open rate 32% · target 40%".
func metricText(mt *data.Metric, lb Labels) string {
	val := func(v float64) string {
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if math.Abs(v) >= 1 && math.Abs(v-math.Round(v)) > 0 {
			s = strconv.FormatFloat(v, 'f', 2, 64)
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		s = strings.Replace(s, "-", "–", 1)
		u := strings.TrimSpace(mt.Unit)
		switch {
		case u == "":
		case u == "%" || u == "‰" || strings.HasPrefix(u, "/"):
			s += u
		default:
			s += " " + u
		}
		return s
	}
	text := val(mt.Value)
	if name := strings.TrimSpace(mt.Name); name != "" {
		text = name + " " + text
	}
	if mt.Target != nil {
		text += " · " + lb.Target + " " + val(*mt.Target)
	}
	return text
}

// normScore maps a score on the scale to −1 … +1 around the scale's middle.
func normScore(s float64, sc data.Scale) float64 {
	half := float64(sc.Max-sc.Min) / 2
	if half <= 0 {
		return 0
	}
	n := (s - float64(sc.Min+sc.Max)/2) / half
	return math.Max(-1, math.Min(1, n))
}
