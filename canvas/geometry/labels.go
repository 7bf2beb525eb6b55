package geometry

import (
	"unicode"

	"journeycanvas/assets"
	"journeycanvas/data"
)

// Labels are the few words the geometry and the export add to a map of their own: the name
// of an automatic emotion lane, header captions, the legend and the footer.
type Labels struct {
	Emotions      string // name of the automatic emotion lane
	Goal          string
	Persona       string
	Target        string // "target" in a metric line
	PainPoint     string
	Opportunity   string
	MomentOfTruth string
	Researched    string
	Assumed       string
	Proposed      string
	Positive      string
	Neutral       string
	Negative      string
	Curve         string // legend caption of the curve
	Exported      string // footer: Exported + date
	Link          string // legend caption of a link arrow
	Lowest        string // curve legend: the lowest point's mark
	SharpDrop     string // curve legend: a sharp drop's mark
}

// LabelsFor returns the labels in "vi" or, for anything else, English, from the one
// catalogue of each language (assets.Word), the interface's too.
func LabelsFor(lang string) Labels {
	return Labels{
		Emotions: assets.Word(lang, "Emotions"), Goal: assets.Word(lang, "Goal"),
		Persona: assets.Word(lang, "Persona"), Target: assets.Word(lang, "target"),
		PainPoint: assets.Word(lang, "Pain point"), Opportunity: assets.Word(lang, "Opportunity"),
		MomentOfTruth: assets.Word(lang, "Moment of truth"),
		Researched:    assets.Word(lang, "Researched"), Assumed: assets.Word(lang, "Assumed"),
		Proposed: assets.Word(lang, "Proposed"), Positive: assets.Word(lang, "Positive"),
		Neutral: assets.Word(lang, "Neutral"), Negative: assets.Word(lang, "Negative"),
		Curve: assets.Word(lang, "Emotion curve"), Exported: assets.Word(lang, "Exported on"),
		Link: assets.Word(lang, "Link"), Lowest: assets.Word(lang, "Lowest point"),
		SharpDrop: assets.Word(lang, "Sharp drop"),
	}
}

// MapTypeLabel names a map type in "vi" or English.
func MapTypeLabel(t data.MapType, lang string) string {
	switch t {
	case data.CurrentState:
		return assets.Word(lang, "Current state")
	case data.DayInTheLife:
		return assets.Word(lang, "Day in the life")
	case data.FutureState:
		return assets.Word(lang, "Future state")
	case data.ServiceBlueprint:
		return assets.Word(lang, "Service blueprint")
	}
	return t.Label()
}

// MapLang is the language of the words drawn on a map: the one asked for, else the map's own
// setting, else the one its text is written in (DetectLang).
func MapLang(m *data.Map, asked string) string {
	switch {
	case asked != "":
		return asked
	case m.Lang != "":
		return m.Lang
	}
	return DetectLang(m)
}

// DetectLang returns "vi" when the map's text is mostly Vietnamese, else "en". It weighs the
// words of the title, goal, stage and lane names and card titles: a word counts as Vietnamese
// when it has a letter only Vietnamese writes (ă â đ ê ô ơ ư and the tone-marked vowels), and
// the map is Vietnamese when a quarter of its words are (much Vietnamese has no such letter:
// "mua", "qua", "tin"). So a few Vietnamese cards on an English map leave it English.
func DetectLang(m *data.Map) string {
	texts := make([]string, 0, 2+len(m.Stages)+len(m.Lanes)+len(m.Cards))
	texts = append(texts, m.Title, m.Goal)
	for _, s := range m.Stages {
		texts = append(texts, s.Name)
	}
	for _, l := range m.Lanes {
		texts = append(texts, l.Name)
	}
	for _, c := range m.Cards {
		texts = append(texts, c.Title)
	}
	words, vi := 0, 0
	count := func(t string) {
		in, marked := false, false
		for _, r := range t { // the store keeps text NFC: a marked letter is one rune
			if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
				if !in {
					in, marked = true, false
					words++
				}
				if !marked && (isVietnamese(r) || unicode.Is(unicode.Mn, r)) {
					marked = true
					vi++
				}
				continue
			}
			in = false
		}
	}
	for _, t := range texts {
		count(t)
	}
	if words > 0 && vi*4 >= words {
		return "vi"
	}
	return "en"
}

func isVietnamese(r rune) bool {
	switch r {
	case 'ă', 'Ă', 'â', 'Â', 'đ', 'Đ', 'ê', 'Ê', 'ô', 'Ô', 'ơ', 'Ơ', 'ư', 'Ư':
		return true
	}
	return r >= 0x1EA0 && r <= 0x1EF9
}
