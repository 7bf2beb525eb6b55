package interchange

import (
	"fmt"
	"strconv"
	"strings"

	"journeycanvas/assets"
	"journeycanvas/data"
)

// cardListHeader is the header row WriteCSV and the XLSX card list write: ReadCSV's columns
// (csvColumns, in that order), named as the inspector names the fields, in the map's language.
func cardListHeader(lang string) []string {
	return []string{assets.Word(lang, "Stage"), assets.Word(lang, "Lane"), assets.Word(lang, "Title"),
		assets.Word(lang, "Notes"), assets.Word(lang, "Channel"), assets.Word(lang, "Emotion"),
		assets.Word(lang, "Presence"), assets.Word(lang, "Pain point"), assets.Word(lang, "Opportunity"),
		assets.Word(lang, "Moment of truth"), assets.Word(lang, "Evidence"), assets.Word(lang, "Tags"),
		assets.Word(lang, "Colour"), assets.Word(lang, "Metric"), assets.Word(lang, "Value"),
		assets.Word(lang, "Target"), assets.Word(lang, "Unit"), assets.Word(lang, "Higher is better")}
}

// evidenceWord is how a card list writes a card's evidence, in lang.
func evidenceWord(e data.Evidence, lang string) string {
	switch e {
	case data.EvidenceResearched:
		return assets.Word(lang, "Researched")
	case data.EvidenceAssumed:
		return assets.Word(lang, "Assumed")
	case data.EvidenceProposed:
		return assets.Word(lang, "Proposed")
	}
	return ""
}

// cardListScale is the scale a card list's emotion column is on (ReadCSV reads it so).
var cardListScale = data.DefaultScale()

// cardListRows are m's cards as rows of a card list, in reading order, under cardListHeader:
// flags marked "x" (the way people tick cells in any language; "higher is better" 0 when
// not), evidence in the map's language, tags joined by "; ", scores moved onto −2..+2 when the
// map's scale is another. lang is the map's language (mapLang).
func cardListRows(m *data.Map, lang string) ([][]string, error) {
	f, err := toFile(m)
	if err != nil {
		return nil, err
	}
	stageNames, laneNames := listNames(f, lang)
	yes := func(b bool) string {
		if b {
			return "x"
		}
		return ""
	}
	rows := make([][]string, 0, len(f.Cards))
	for _, c := range f.Cards {
		if strings.TrimSpace(c.Title) == "" {
			continue // a card list has no place for a card without a title (see losses)
		}
		r := make([]string, len(csvColumns))
		r[0], r[1], r[2], r[3], r[4] = stageNames[c.Stage], laneNames[c.Lane], c.Title, c.Notes, c.Channel
		if c.Emotion != nil {
			r[5] = formatNumber(listScore(*c.Emotion, f.Scale.Min, f.Scale.Max))
		}
		r[6], r[7], r[8], r[9], r[10] = string(c.Presence), yes(c.Pain), yes(c.Opportunity), yes(c.MomentOfTruth), evidenceWord(c.Evidence, lang)
		r[11] = strings.Join(c.Tags, "; ")
		r[12] = c.Colour
		if mt := c.Metric; mt != nil {
			r[13], r[14], r[16] = mt.Name, formatFull(mt.Value), mt.Unit
			if mt.Target != nil {
				r[15] = formatFull(*mt.Target)
			}
			r[17] = map[bool]string{true: "x", false: "0"}[mt.UpIsGood]
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// listNames are the names a card list gives stages and lanes (by ref): their own, or, for one
// without a name or with the name of an earlier one (which ReadCSV would join to it), "Stage N"
// or "Lane N" in the map's language, or the name with " (2)" after it.
func listNames(f *fileMap, lang string) (stages, lanes map[string]string) {
	name := func(refs, names []string, blank string) map[string]string {
		out := map[string]string{}
		used := map[string]bool{}
		for i, ref := range refs {
			n := strings.TrimSpace(names[i])
			if n == "" {
				n = fmt.Sprintf(blank, i+1)
			}
			base := n
			for k := 2; used[n]; k++ {
				n = fmt.Sprintf("%s (%d)", base, k)
			}
			used[n] = true
			out[ref] = n
		}
		return out
	}
	var sr, sn, lr, ln []string
	for _, s := range f.Stages {
		sr, sn = append(sr, s.Ref), append(sn, s.Name)
	}
	for _, l := range f.Lanes {
		lr, ln = append(lr, l.Ref), append(ln, l.Name)
	}
	return name(sr, sn, assets.Word(lang, "Stage %d")), name(lr, ln, assets.Word(lang, "Lane %d"))
}

// listScore moves a score from min..max onto the card list's −2..+2, exactly when they are the
// same scale.
func listScore(v float64, lo, hi int) float64 {
	if lo == cardListScale.Min && hi == cardListScale.Max {
		return v
	}
	return mapScore(v, float64(lo), float64(hi), cardListScale)
}

// formatFull writes v in its shortest exact form (a metric's value is not rounded).
func formatFull(v float64) string {
	if v == 0 {
		v = 0 // not −0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
