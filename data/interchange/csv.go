package interchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"journeycanvas/data"
)

// csvColumns are the columns ReadCSV knows, by their canonical name.
var csvColumns = []string{"stage", "lane", "title", "notes", "channel", "emotion", "presence", "pain",
	"opportunity", "moment_of_truth", "evidence", "tags", "colour", "metric", "metric_value",
	"metric_target", "metric_unit", "metric_up_is_good"}

// csvAliases are other spellings of column names, English and Vietnamese, folded (lower
// case, no accents, đ as d, words joined by "_"; see headerKey).
var csvAliases = map[string]string{
	"color": "colour", "momentoftruth": "moment_of_truth", "mot": "moment_of_truth",
	"tag": "tags", "note": "notes", "score": "emotion", "metric_name": "metric",
	// Vietnamese, as spreadsheets are headed in Vietnam.
	"giai_doan": "stage", "lan": "lane", "lan_duong_boi": "lane", "hang": "lane", "tieu_de": "title",
	"ghi_chu": "notes", "kenh": "channel", "cam_xuc": "emotion", "diem_cam_xuc": "emotion", "diem": "emotion",
	"hien_dien": "presence", "truc_tuyen_truc_tiep": "presence", "truc_tuyen_ngoai_tuyen": "presence",
	"noi_dau": "pain", "diem_dau": "pain", "van_de": "pain", "co_hoi": "opportunity",
	"khoanh_khac_quyet_dinh": "moment_of_truth", "khoanh_khac_su_that": "moment_of_truth",
	"bang_chung": "evidence", "muc_do_bang_chung": "evidence", "the": "tags", "nhan": "tags",
	"mau": "colour", "mau_sac": "colour", "chi_so": "metric", "ten_chi_so": "metric",
	"gia_tri": "metric_value", "gia_tri_chi_so": "metric_value", "muc_tieu": "metric_target",
	"muc_tieu_chi_so": "metric_target", "don_vi": "metric_unit", "don_vi_chi_so": "metric_unit",
	"tang_la_tot": "metric_up_is_good", "cao_la_tot": "metric_up_is_good",
	"cang_cao_cang_tot": "metric_up_is_good", "hinh_thuc": "presence", "the_phan_loai": "tags",
	// The inspector's names, which WriteCSV writes.
	"pain_point": "pain", "painpoint": "pain", "value": "metric_value", "target": "metric_target",
	"unit": "metric_unit", "higher_is_better": "metric_up_is_good", "higherisbetter": "metric_up_is_good",
}

// headerKey is the canonical name of a column header ("" when it names no known column):
// any case, with or without accents, words separated by spaces, "-" or "_".
func headerKey(h string) string {
	key := strings.Join(strings.FieldsFunc(fold(h), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "_")
	if a, ok := csvAliases[strings.ReplaceAll(key, "_", "")]; ok {
		return a
	}
	if a, ok := csvAliases[key]; ok {
		return a
	}
	if contains(csvColumns, key) {
		return key
	}
	return ""
}

// ReadCSV reads a table of cards, one card a row, as spreadsheets write it in any locale.
// The header row names the columns, in English or Vietnamese (any case, with or without
// accents, spaces around them ignored): stage, lane and title (giai đoạn, làn, tiêu đề) are
// required; notes (ghi chú), channel (kênh), emotion (cảm xúc), presence (hiện diện:
// online/offline, trực tuyến/trực tiếp), pain (nỗi đau), opportunity (cơ hội),
// moment_of_truth (khoảnh khắc quyết định) (yes/no, true/false, 1/0, x, có/không), evidence
// (bằng chứng: researched/assumed/proposed), tags (thẻ, separated by ";"), colour (màu,
// #rrggbb), metric (chỉ số), metric_value (giá trị), metric_target (mục tiêu), metric_unit
// (đơn vị) and metric_up_is_good (tăng là tốt; yes when absent) may follow in any order.
// Other columns are ignored with one warning naming them.
//
// Stages and lanes are made in the order they first appear; a lane's kind is guessed from its
// name (GuessLaneKind). Emotion scores are on the new map's scale, −2..+2; numbers may be
// written with a decimal comma ("1,5"). The map is titled after the file. A UTF-8 byte order
// mark is skipped; lines may end in CRLF; quoted cells may span lines; fields are separated
// by commas, semicolons or tabs, whichever the header row uses most. Blank rows are skipped.
func ReadCSV(r io.Reader, name string) (*data.Map, []string, error) {
	b, err := readInput(r, name)
	if err != nil {
		return nil, nil, err
	}
	if err := checkUTF8Lines(b, name); err != nil {
		return nil, nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	sep := sniffSeparator(b)
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.LazyQuotes = false
	csvErr := func(err error) error {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return &ParseError{File: name, Line: pe.Line, Msg: fmt.Sprintf("not valid CSV: %v (column %d)", pe.Err, pe.Column)}
		}
		return fmt.Errorf("read %s: %w", name, err)
	}

	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, &ParseError{File: name, Msg: "the file is empty; expected a header row naming the columns stage, lane and title"}
	} else if err != nil {
		return nil, nil, csvErr(err)
	}
	t, err := newCardTable(name, header, 1)
	if err != nil {
		return nil, nil, err
	}
	t.europe = sep != ','
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvErr(err)
		}
		line, _ := cr.FieldPos(0)
		if err := t.add(rec, line); err != nil {
			return nil, nil, err
		}
	}
	m, warnings := t.finish(titleFromName(name))
	return m, warnings, nil
}

// cardTable reads rows of a card list (CSV, or an XLSX sheet of the same shape) into a map.
type cardTable struct {
	file     string
	col      map[string]int
	ncols    int
	m        *data.Map
	stages   map[string]int64
	lanes    map[string]int64
	warnings []string
	// europe says the table comes from a locale that writes decimal commas (a ";" or tab
	// separated file): "1,500" is then 1.5, not fifteen hundred.
	europe bool
	// where names the place of a row in messages: "" (a line of a text file) or a sheet.
	where string
}

// newCardTable reads the header row (at line) of a card list.
func newCardTable(name string, header []string, line int) (*cardTable, error) {
	t := &cardTable{file: name, col: map[string]int{}, ncols: len(header), m: newMap(""),
		stages: map[string]int64{}, lanes: map[string]int64{}}
	var unknown []string
	for i, h := range header {
		h, msg := cleanText(strings.TrimSpace(h), short)
		if msg != "" {
			return nil, t.fail(line, "column %d name: %s", i+1, msg)
		}
		key := headerKey(h)
		if key == "" {
			if h != "" {
				unknown = append(unknown, strconv.Quote(clip(h)))
			}
			continue
		}
		if _, dup := t.col[key]; dup {
			return nil, t.fail(line, "the header names column %q twice", clip(key))
		}
		t.col[key] = i
	}
	for _, req := range []string{"stage", "lane", "title"} {
		if _, ok := t.col[req]; !ok {
			return nil, t.fail(line, "the header has no %q column; it needs stage, lane and title (giai đoạn, làn, tiêu đề) (found %s)", req, strings.Join(quoteAll(header[:min(len(header), 12)]), ", "))
		}
	}
	if len(unknown) > 0 {
		list := strings.Join(unknown[:min(len(unknown), 20)], ", ")
		if len(unknown) > 20 {
			list += fmt.Sprintf(" and %d more", len(unknown)-20)
		}
		t.warnings = append(t.warnings, fmt.Sprintf("ignored unknown column%s %s", plural(len(unknown)), list))
	}
	return t, nil
}

func (t *cardTable) fail(line int, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if t.where != "" {
		msg = fmt.Sprintf("%s, row %d: %s", t.where, line, msg)
		line = 0
	}
	return &ParseError{File: t.file, Line: line, Msg: msg}
}

// add reads one row (at line) as a card; blank rows are skipped.
func (t *cardTable) add(rec []string, line int) error {
	if blankRecord(rec) {
		return nil
	}
	if len(rec) > t.ncols && t.where == "" {
		return t.fail(line, "this row has %d fields; the header has %d", len(rec), t.ncols)
	}
	if len(rec) < t.ncols && t.where == "" {
		return t.fail(line, "this row has %d fields; the header has %d", len(rec), t.ncols)
	}
	m := t.m
	cell := func(key string) string {
		if i, ok := t.col[key]; ok && i < len(rec) {
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
		return t.fail(line, "%s", problem)
	}
	switch {
	case stage == "":
		return t.fail(line, "the stage is empty")
	case lane == "":
		return t.fail(line, "the lane is empty")
	case c.Title == "":
		return t.fail(line, "the title is empty")
	}
	if err := csvCardFields(&c, cell, text, m.Scale, t.europe); err != "" {
		return t.fail(line, "%s", err)
	}
	if problem != "" {
		return t.fail(line, "%s", problem)
	}
	if c.StageID = t.stages[stage]; c.StageID == 0 {
		c.StageID = int64(len(m.Stages) + 1)
		t.stages[stage] = c.StageID
		m.Stages = append(m.Stages, data.Stage{ID: c.StageID, Position: len(m.Stages), Name: stage})
	}
	if c.LaneID = t.lanes[lane]; c.LaneID == 0 {
		c.LaneID = int64(len(m.Lanes) + 1)
		t.lanes[lane] = c.LaneID
		m.Lanes = append(m.Lanes, data.Lane{ID: c.LaneID, Position: len(m.Lanes), Name: lane, Kind: GuessLaneKind(lane)})
	}
	c.ID = int64(len(m.Cards) + 1)
	m.Cards = append(m.Cards, c)
	return nil
}

// finish returns the map, titled title, and the warnings.
func (t *cardTable) finish(title string) (*data.Map, []string) {
	if len(t.m.Cards) == 0 {
		t.warnings = append(t.warnings, "the file has a header but no cards")
	}
	t.m.Title = title
	sortCards(t.m)
	return t.m, t.warnings
}

// csvCardFields fills the optional fields of c from a row; it returns what is wrong, if anything.
func csvCardFields(c *data.Card, cell func(string) string, text func(string, textKind) string, sc data.Scale, europe bool) string {
	number := func(key string) (float64, bool, string) {
		s := cell(key)
		if s == "" {
			return 0, false, ""
		}
		v, ok := parseLocaleNumber(s, europe || key == "emotion")
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
	switch strings.TrimSpace(fold(cell("evidence"))) {
	case "":
		c.Evidence = data.EvidenceNone
	case "researched", "da nghien cuu", "nghien cuu":
		c.Evidence = data.EvidenceResearched
	case "assumed", "gia dinh", "gia thuyet":
		c.Evidence = data.EvidenceAssumed
	case "proposed", "de xuat":
		c.Evidence = data.EvidenceProposed
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

// sniffSeparator picks the separator the header row uses most outside quotes: ',', ';' or
// a tab (',' when there is none).
func sniffSeparator(b []byte) rune {
	var commas, semis, tabs int
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
		case c == '\t':
			tabs++
		}
	}
	switch {
	case tabs > commas && tabs >= semis:
		return '\t'
	case semis > commas:
		return ';'
	}
	return ','
}

var decimalCommaRE = regexp.MustCompile(`^[+-]?[0-9]*,[0-9]+$`)

// parseLocaleNumber reads a number as spreadsheets write it: "1.5", or with a decimal comma
// "1,5" (and "1.234,5" with dots grouping thousands). A comma before exactly three digits
// ("1,500") is a decimal comma only when decimalComma says the locale writes them; else it
// groups thousands (1500), as in English.
func parseLocaleNumber(s string, decimalComma bool) (float64, bool) {
	s = strings.TrimSpace(s)
	if v, ok := parseDecimal(s); ok {
		return v, true
	}
	t := s
	if strings.Contains(t, ",") && strings.Contains(t, ".") {
		if strings.LastIndex(t, ",") > strings.LastIndex(t, ".") { // 1.234,5
			t = strings.ReplaceAll(t, ".", "")
		} else { // 1,234.5
			t = strings.ReplaceAll(t, ",", "")
			return parseDecimal(t)
		}
	}
	if !decimalCommaRE.MatchString(t) {
		if groups := strings.Split(t, ","); len(groups) > 1 && !decimalComma {
			for _, g := range groups[1:] {
				if len(g) != 3 {
					return 0, false
				}
			}
			return parseDecimal(strings.Join(groups, ""))
		}
		return 0, false
	}
	_, frac, _ := strings.Cut(t, ",")
	if len(frac) == 3 && !decimalComma {
		return parseDecimal(strings.Replace(t, ",", "", 1))
	}
	return parseDecimal(strings.Replace(t, ",", ".", 1))
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
