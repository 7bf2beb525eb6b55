package geometry

import (
	"image/color"
	"strconv"

	"journeycanvas/data"
)

// Palette holds the colours of one theme. It lives beside the geometry so that both painters
// (the Fyne board and the PNG export) colour the same boxes the same way.
type Palette struct {
	Dark bool

	Background   color.NRGBA // the board behind everything
	Cell         color.NRGBA // a stage × lane cell
	CellAlt      color.NRGBA // cells of every other lane
	LaneHeader   color.NRGBA // the lane name boxes at the left
	StageText    color.NRGBA // stage names
	Text         color.NRGBA // titles and body text
	Muted        color.NRGBA // channels, captions, footer
	CardFill     color.NRGBA
	CardBorder   color.NRGBA
	CardShadow   color.NRGBA
	Grid         color.NRGBA // thin rules (curve baseline, header divider)
	CurveLine    color.NRGBA
	CompareLine  color.NRGBA // the compared map's curve
	PositiveTint color.NRGBA // area between the curve and the neutral line, above it
	NegativeTint color.NRGBA // … below it
	FaceOutline  color.NRGBA
	FaceFeatures color.NRGBA // eyes and mouth
	Link         color.NRGBA
	LinkLabel    color.NRGBA // label pill fill
	Pain         color.NRGBA
	Opportunity  color.NRGBA
	MomentTruth  color.NRGBA
	Researched   color.NRGBA
	Assumed      color.NRGBA
	Proposed     color.NRGBA
	MetricGood   color.NRGBA
	MetricBad    color.NRGBA
	Badge        color.NRGBA // map-type badge fill
	BadgeText    color.NRGBA
	Comment      color.NRGBA // a card's comment-count badge
	CommentText  color.NRGBA
	PersonaFill  color.NRGBA
	Negative     color.NRGBA // face colour at the bottom of the scale
	Neutral      color.NRGBA // … at the middle
	Positive     color.NRGBA // … at the top
}

// StageColours are the stage colours used, in turn, for stages without a colour of their own.
var StageColours = []string{"#4C6EF5", "#15AABF", "#40C057", "#FAB005", "#E64980", "#7950F2", "#FD7E14", "#12B886"}

// Theme returns the palette of a theme: "dark", or anything else for light.
func Theme(name string) Palette {
	if name == "dark" {
		return Palette{
			Dark:         true,
			Background:   rgb(0x14171C),
			Cell:         rgb(0x1C2027),
			CellAlt:      rgb(0x1F242C),
			LaneHeader:   rgb(0x262C35),
			StageText:    rgb(0xF1F3F5),
			Text:         rgb(0xE9ECEF),
			Muted:        rgb(0x9AA4B0),
			CardFill:     rgb(0x2A303A),
			CardBorder:   rgb(0x3A4250),
			CardShadow:   color.NRGBA{0, 0, 0, 90},
			Grid:         rgb(0x4A5260),
			CurveLine:    rgb(0xE9ECEF),
			CompareLine:  rgb(0xDA77F2),
			PositiveTint: color.NRGBA{0x51, 0xCF, 0x66, 52},
			NegativeTint: color.NRGBA{0xFF, 0x6B, 0x6B, 52},
			FaceOutline:  color.NRGBA{0, 0, 0, 140},
			FaceFeatures: rgb(0x1A1D23),
			Link:         rgb(0x91A7FF),
			LinkLabel:    rgb(0x2A303A),
			Pain:         rgb(0xFF6B6B),
			Opportunity:  rgb(0x51CF66),
			MomentTruth:  rgb(0xFCC419),
			Researched:   rgb(0x4DABF7),
			Assumed:      rgb(0xADB5BD),
			Proposed:     rgb(0xB197FC),
			MetricGood:   rgb(0x51CF66),
			MetricBad:    rgb(0xFF6B6B),
			Badge:        rgb(0x2F3A4D),
			BadgeText:    rgb(0xC5D3F0),
			Comment:      rgb(0x4C6EF5),
			CommentText:  rgb(0xFFFFFF),
			PersonaFill:  rgb(0x1F242C),
			Negative:     rgb(0xFF6B6B),
			Neutral:      rgb(0xFCC419),
			Positive:     rgb(0x51CF66),
		}
	}
	return Palette{
		Background:   rgb(0xFFFFFF),
		Cell:         rgb(0xF4F6F9),
		CellAlt:      rgb(0xEEF1F5),
		LaneHeader:   rgb(0xE6EAF0),
		StageText:    rgb(0x1B2431),
		Text:         rgb(0x1F2933),
		Muted:        rgb(0x5F6B7A),
		CardFill:     rgb(0xFFFFFF),
		CardBorder:   rgb(0xD5DBE3),
		CardShadow:   color.NRGBA{0x1B, 0x24, 0x31, 22},
		Grid:         rgb(0xB8C0CC),
		CurveLine:    rgb(0x2B3440),
		CompareLine:  rgb(0xAE3EC9),
		PositiveTint: color.NRGBA{0x2F, 0x9E, 0x44, 40},
		NegativeTint: color.NRGBA{0xE0, 0x31, 0x31, 36},
		FaceOutline:  color.NRGBA{0x1B, 0x24, 0x31, 110},
		FaceFeatures: rgb(0x1F2933),
		Link:         rgb(0x4263EB),
		LinkLabel:    rgb(0xFFFFFF),
		Pain:         rgb(0xE03131),
		Opportunity:  rgb(0x2F9E44),
		MomentTruth:  rgb(0xF08C00),
		Researched:   rgb(0x1C7ED6),
		Assumed:      rgb(0x868E96),
		Proposed:     rgb(0x7048E8),
		MetricGood:   rgb(0x2F9E44),
		MetricBad:    rgb(0xE03131),
		Badge:        rgb(0xE7ECFB),
		BadgeText:    rgb(0x364FC7),
		Comment:      rgb(0x3B5BDB),
		CommentText:  rgb(0xFFFFFF),
		PersonaFill:  rgb(0xF4F6F9),
		Negative:     rgb(0xF03E3E),
		Neutral:      rgb(0xFCC419),
		Positive:     rgb(0x40C057),
	}
}

func rgb(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF}
}

// ParseColour reads "#rrggbb" (or "rrggbb"). ok is false for anything else.
func ParseColour(s string) (c color.NRGBA, ok bool) {
	if len(s) == 7 && s[0] == '#' {
		s = s[1:]
	}
	if len(s) != 6 {
		return c, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return c, false
	}
	return rgb(uint32(v)), true
}

// Mix returns a + (b − a)·t, channel by channel, alpha included; t is clamped to 0..1.
func Mix(a, b color.NRGBA, t float64) color.NRGBA {
	if t <= 0 {
		return a
	}
	if t >= 1 {
		return b
	}
	f := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), f(a.A, b.A)}
}

// EmotionColour returns the face colour for a score normalised to −1 (the bottom of the
// scale) … 0 (neutral) … +1 (the top).
func (p Palette) EmotionColour(norm float64) color.NRGBA {
	if norm < 0 {
		return Mix(p.Neutral, p.Negative, -norm)
	}
	return Mix(p.Neutral, p.Positive, norm)
}

// CellColour is the fill of the cells of a lane of the given kind, row lanes from the top:
// lanes alternate two greys; pain and opportunity lanes take a hint of their marker's colour.
// The board and every export paint cells in it.
func (p Palette) CellColour(kind data.LaneKind, row int) color.NRGBA {
	base := p.Cell
	if row%2 == 1 {
		base = p.CellAlt
	}
	switch kind {
	case data.LanePainPoints:
		return Mix(base, p.Pain, 0.06)
	case data.LaneOpportunities:
		return Mix(base, p.Opportunity, 0.06)
	}
	return base
}
