package interchange

import (
	"math"
	"strconv"

	"journeycanvas/assets"
	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// defaultName is a name a reader gives a lane the file does not name, written in the map's
// language once the map is read (the rule of the board's new stages and lanes: one catalogue).
type defaultName int

const (
	nameSteps     defaultName = iota // the lane of a journey's steps (Mermaid tasks, OJF nodes without a swimlane)
	nameEvidence                     // a blueprint's physical evidence
	nameOnstage                      // a blueprint's onstage (frontstage) actions
	nameBackstage                    // a blueprint's backstage actions
	nameSupport                      // a blueprint's support processes
	nameFeeling                      // the lane of a stage's overall feeling (OJF overrideEmotion)
)

// word returns the name in lang ("vi" or "en").
func (n defaultName) word(lang string) string {
	switch n {
	case nameEvidence:
		return assets.Word(lang, "Physical evidence")
	case nameOnstage:
		return assets.Word(lang, "Onstage")
	case nameBackstage:
		return assets.Word(lang, "Backstage")
	case nameSupport:
		return assets.Word(lang, "Support processes")
	case nameFeeling:
		return assets.Word(lang, "Emotions")
	}
	return assets.Word(lang, "Steps")
}

// isDefault reports whether s is the name n in either language.
func (n defaultName) isDefault(s string) bool {
	return s == n.word("en") || s == n.word("vi")
}

// mapLang is the language a map read from a file is written in: its own setting, else the one
// its text is in (geometry.DetectLang, the rule the board and the exports follow).
func mapLang(m *data.Map) string {
	if m.Lang != "" {
		return m.Lang
	}
	return geometry.DetectLang(m)
}

// nameLanes names the lanes a reader made (lane id → name) in the map's language, detected
// from the map's own text before they are named.
func nameLanes(m *data.Map, named map[int64]defaultName) {
	if len(named) == 0 {
		return
	}
	lang := mapLang(m)
	for i := range m.Lanes {
		if n, ok := named[m.Lanes[i].ID]; ok {
			m.Lanes[i].Name = n.word(lang)
		}
	}
}

// exactScore rounds a score mapped from another scale to two decimals, the precision a
// score is shown and typed with, so that 2 on −5..+5 is 0.8 on −2..+2, not 0.7999999999999998.
func exactScore(v float64) float64 {
	r := math.Round(v*100) / 100
	if r == 0 {
		return 0 // not −0
	}
	return r
}

// mapScore maps v from lo..hi onto the map's scale, exactly (see exactScore) and within it.
func mapScore(v, lo, hi float64, sc data.Scale) float64 {
	return clampToScale(exactScore(sc.MapFrom(v, lo, hi)), sc)
}

// formatNumber writes v in its shortest form with at most four decimals: 0.8, 1.25, -2, 3.3333.
func formatNumber(v float64) string {
	r := math.Round(v*10000) / 10000
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
