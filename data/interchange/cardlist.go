package interchange

import (
	"strconv"
	"strings"

	"journeycanvas/data"
)

// cardListHeader is the header row WriteCSV and the XLSX card list write: ReadCSV's columns.
var cardListHeader = csvColumns

// cardListScale is the scale a card list's emotion column is on (ReadCSV reads it so).
var cardListScale = data.DefaultScale()

// cardListRows are m's cards as rows of a card list, in reading order, under cardListHeader:
// yes/no flags, tags joined by "; ", scores moved onto −2..+2 when the map's scale is another.
func cardListRows(m *data.Map) ([][]string, error) {
	f, err := toFile(m)
	if err != nil {
		return nil, err
	}
	stage := map[string]string{}
	for _, s := range f.Stages {
		stage[s.Ref] = s.Name
	}
	lane := map[string]string{}
	for _, l := range f.Lanes {
		lane[l.Ref] = l.Name
	}
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return ""
	}
	rows := make([][]string, len(f.Cards))
	for i, c := range f.Cards {
		r := make([]string, len(cardListHeader))
		r[0], r[1], r[2], r[3], r[4] = stage[c.Stage], lane[c.Lane], c.Title, c.Notes, c.Channel
		if c.Emotion != nil {
			r[5] = formatNumber(listScore(*c.Emotion, f.Scale.Min, f.Scale.Max))
		}
		r[6], r[7], r[8], r[9], r[10] = string(c.Presence), yes(c.Pain), yes(c.Opportunity), yes(c.MomentOfTruth), string(c.Evidence)
		r[11] = strings.Join(c.Tags, "; ")
		r[12] = c.Colour
		if mt := c.Metric; mt != nil {
			r[13], r[14], r[16] = mt.Name, formatFull(mt.Value), mt.Unit
			if mt.Target != nil {
				r[15] = formatFull(*mt.Target)
			}
			r[17] = map[bool]string{true: "yes", false: "no"}[mt.UpIsGood]
		}
		rows[i] = r
	}
	return rows, nil
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
