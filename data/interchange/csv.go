package interchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"journeycanvas/data"
)

// csvColumns are the columns ReadCSV knows, by their canonical name.
var csvColumns = []string{"stage", "lane", "title", "notes", "channel", "emotion", "presence", "pain",
	"opportunity", "moment_of_truth", "evidence", "tags", "colour", "metric", "metric_value",
	"metric_target", "metric_unit", "metric_up_is_good"}

// csvAliases are other spellings of column names.
var csvAliases = map[string]string{
	"color": "colour", "momentoftruth": "moment_of_truth", "mot": "moment_of_truth",
	"tag": "tags", "note": "notes", "score": "emotion", "metric_name": "metric",
}

// ReadCSV reads a table of cards, one card a row. The header row names the columns (any case,
// spaces around them ignored): stage, lane and title are required; notes, channel, emotion,
// presence (online/offline), pain, opportunity, moment_of_truth (yes/no, true/false, 1/0, x,
// có/không), evidence (researched/assumed/proposed), tags (separated by ";"), colour (#rrggbb),
// metric, metric_value, metric_target, metric_unit and metric_up_is_good (yes when absent)
// may follow in any order. Other columns are ignored with one warning naming them.
//
// Stages and lanes are made in the order they first appear; a lane's kind is guessed from its
// name (GuessLaneKind). Emotion scores are on the new map's scale, −2..+2. The map is titled
// after the file. A UTF-8 byte order mark is skipped; fields are separated by commas, or by
// semicolons when the header row clearly uses them. Blank rows are skipped.
func ReadCSV(r io.Reader, name string) (*data.Map, []string, error) {
	b, err := readInput(r, name)
	if err != nil {
		return nil, nil, err
	}
	if err := checkUTF8Lines(b, name); err != nil {
		return nil, nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	fail := func(line int, format string, args ...any) error {
		return &ParseError{File: name, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	sep := sniffSeparator(b)
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	csvErr := func(err error) error {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return fail(pe.Line, "not valid CSV: %v (column %d)", pe.Err, pe.Column)
		}
		return fmt.Errorf("read %s: %w", name, err)
	}

	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, fail(0, "the file is empty; expected a header row naming the columns stage, lane and title")
	} else if err != nil {
		return nil, nil, csvErr(err)
	}
	header = append([]string(nil), header...) // the reader reuses its record
	col := map[string]int{}
	var unknown []string
	for i, h := range header {
		h, msg := cleanText(strings.TrimSpace(h), short)
		if msg != "" {
			return nil, nil, fail(1, "column %d name: %s", i+1, msg)
		}
		key := strings.Join(strings.FieldsFunc(strings.ToLower(h), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "_")
		if a, ok := csvAliases[strings.ReplaceAll(key, "_", "")]; ok {
			key = a
		} else if a, ok := csvAliases[key]; ok {
			key = a
		}
		if !contains(csvColumns, key) {
			unknown = append(unknown, strconv.Quote(clip(h)))
			continue
		}
		if _, dup := col[key]; dup {
			return nil, nil, fail(1, "the header names column %q twice", clip(key))
		}
		col[key] = i
	}
	for _, req := range []string{"stage", "lane", "title"} {
		if _, ok := col[req]; !ok {
			return nil, nil, fail(1, "the header has no %q column; it needs stage, lane and title (found %s)", req, strings.Join(quoteAll(header[:min(len(header), 12)]), ", "))
		}
	}
	var warnings []string
	if len(unknown) > 0 {
		list := strings.Join(unknown[:min(len(unknown), 20)], ", ")
		if len(unknown) > 20 {
			list += fmt.Sprintf(" and %d more", len(unknown)-20)
		}
		warnings = append(warnings, fmt.Sprintf("ignored unknown column%s %s", plural(len(unknown)), list))
	}

	m := newMap(titleFromName(name))
	stages := map[string]int64{}
	lanes := map[string]int64{}
	ncols := len(header)
	decimalComma := sep == ';'
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvErr(err)
		}
		line, _ := cr.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		if len(rec) != ncols {
			return nil, nil, fail(line, "this row has %d fields; the header has %d", len(rec), ncols)
		}
		cell := func(key string) string {
			if i, ok := col[key]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		var problem string
		text := func(key string, kind textKind) string {
			s, msg := cleanText(cell(key), kind)
			if msg != "" && problem == "" {
				problem = strings.ReplaceAll(key, "_", " ") + ": " + msg
			}
			return s
		}
		stage, lane := text("stage", short), text("lane", short)
		c := data.Card{Title: text("title", short), Notes: text("notes", long), Channel: text("channel", short)}
		if problem != "" {
			return nil, nil, fail(line, "%s", problem)
		}
		switch {
		case stage == "":
			return nil, nil, fail(line, "the stage is empty")
		case lane == "":
			return nil, nil, fail(line, "the lane is empty")
		case c.Title == "":
			return nil, nil, fail(line, "the title is empty")
		}
		if err := csvCardFields(&c, cell, text, m.Scale, decimalComma); err != "" {
			return nil, nil, fail(line, "%s", err)
		}
		if problem != "" {
			return nil, nil, fail(line, "%s", problem)
		}
		if c.StageID = stages[stage]; c.StageID == 0 {
			c.StageID = int64(len(m.Stages) + 1)
			stages[stage] = c.StageID
			m.Stages = append(m.Stages, data.Stage{ID: c.StageID, Position: len(m.Stages), Name: stage})
		}
		if c.LaneID = lanes[lane]; c.LaneID == 0 {
			c.LaneID = int64(len(m.Lanes) + 1)
			lanes[lane] = c.LaneID
			m.Lanes = append(m.Lanes, data.Lane{ID: c.LaneID, Position: len(m.Lanes), Name: lane, Kind: GuessLaneKind(lane)})
		}
		c.ID = int64(len(m.Cards) + 1)
		m.Cards = append(m.Cards, c)
	}
	if len(m.Cards) == 0 {
		warnings = append(warnings, "the file has a header but no cards")
	}
	sortCards(m)
	return m, warnings, nil
}

// csvCardFields fills the optional fields of c from a row; it returns what is wrong, if anything.
func csvCardFields(c *data.Card, cell func(string) string, text func(string, textKind) string, sc data.Scale, decimalComma bool) string {
	number := func(key string) (float64, bool, string) {
		s := cell(key)
		if s == "" {
			return 0, false, ""
		}
		v, ok := parseDecimal(s)
		if !ok && decimalComma {
			v, ok = parseDecimal(strings.Replace(s, ",", ".", 1))
		}
		if !ok {
			return 0, false, fmt.Sprintf("%s %q is not a number", strings.ReplaceAll(key, "_", " "), clip(s))
		}
		return v, true, ""
	}
	e, ok, msg := number("emotion")
	if msg != "" {
		return msg
	}
	if ok {
		if !sc.Contains(e) {
			return fmt.Sprintf("emotion %g is outside the map's scale %d..%d", e, sc.Min, sc.Max)
		}
		c.Emotion = &e
	}
	var flags [4]bool
	for i, key := range []string{"pain", "opportunity", "moment_of_truth", "metric_up_is_good"} {
		v, ok := parseYesNo(cell(key))
		if !ok {
			return fmt.Sprintf("%s %q is not yes or no", strings.ReplaceAll(key, "_", " "), clip(cell(key)))
		}
		flags[i] = v
	}
	c.Pain, c.Opportunity, c.MomentOfTruth = flags[0], flags[1], flags[2]
	switch p := norm.NFC.String(strings.ToLower(cell("presence"))); p {
	case "", "online", "offline":
		c.Presence = data.Presence(p)
	case "trực tuyến", "truc tuyen":
		c.Presence = data.Online
	case "ngoại tuyến", "ngoai tuyen", "trực tiếp", "truc tiep":
		c.Presence = data.Offline
	default:
		return fmt.Sprintf("presence %q is not online or offline", clip(cell("presence")))
	}
	switch ev := data.Evidence(strings.ToLower(cell("evidence"))); ev {
	case data.EvidenceNone, data.EvidenceResearched, data.EvidenceAssumed, data.EvidenceProposed:
		c.Evidence = ev
	default:
		return fmt.Sprintf("evidence %q is not researched, assumed or proposed", clip(cell("evidence")))
	}
	for _, t := range strings.Split(text("tags", long), ";") {
		if t = strings.TrimSpace(t); t != "" {
			t, msg := cleanText(t, short)
			if msg != "" {
				return "tag: " + msg
			}
			c.Tags = append(c.Tags, t)
		}
	}
	if len(c.Tags) > MaxTags {
		return fmt.Sprintf("%d tags, the limit is %d", len(c.Tags), MaxTags)
	}
	if col := cell("colour"); col != "" {
		if !isColour(col) {
			return fmt.Sprintf("colour %q is not a colour like #3366cc", clip(col))
		}
		c.Colour = col
	}
	name, unit := text("metric", short), text("metric_unit", short)
	value, hasValue, msg := number("metric_value")
	if msg != "" {
		return msg
	}
	target, hasTarget, msg := number("metric_target")
	if msg != "" {
		return msg
	}
	if name != "" || unit != "" || hasValue || hasTarget {
		c.Metric = &data.Metric{Name: name, Value: value, Unit: unit, UpIsGood: flags[3] || cell("metric_up_is_good") == ""}
		if hasTarget {
			c.Metric.Target = &target
		}
	}
	return ""
}

// parseYesNo reads a yes/no cell; an empty cell is no.
func parseYesNo(s string) (bool, bool) {
	switch norm.NFC.String(strings.ToLower(s)) {
	case "", "0", "no", "n", "false", "f", "không", "khong", "-":
		return false, true
	case "1", "yes", "y", "true", "t", "x", "✓", "✔", "có", "co":
		return true, true
	}
	return false, false
}

// sniffSeparator picks ';' when the header row clearly uses it (more semicolons than commas
// outside quotes), else ','.
func sniffSeparator(b []byte) rune {
	var commas, semis int
	quoted := false
	for _, c := range b {
		if c == '\n' && !quoted {
			break
		}
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			commas++
		case c == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(clip(s))
	}
	return out
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
