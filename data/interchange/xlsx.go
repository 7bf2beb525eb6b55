package interchange

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// Limits on the workbooks ReadXLSX takes.
const (
	// MaxXLSXInflated is the most a workbook may inflate to (the sum of its parts unzipped).
	MaxXLSXInflated = 256 << 20
	// MaxXLSXRows is the most rows a sheet may have.
	MaxXLSXRows = 100_000
	// maxXLSXColumns is the most columns of a sheet ReadXLSX looks at.
	maxXLSXColumns = 16_384
)

// ReadXLSX reads a map from an Excel workbook (.xlsx) in either of two shapes:
//
//   - a card list: a sheet whose header row names the columns ReadCSV knows (stage, lane,
//     title…, in English or Vietnamese), one card a row, read as ReadCSV reads them;
//   - the grid people draw in spreadsheets: stage names across one header row, lane names down
//     the first column, each non-empty cell a card (a cell of several lines or bullets gives
//     several cards; a trailing "(+1)" is the card's score on −2..+2), the row of an emotion
//     lane holding scores (−2..+2, −5..+5, 1..5 or 0..10, told apart by the values), a title
//     in a cell above the grid the map's title. Merged cells are understood: a stage merged
//     across columns is one stage, a lane merged down rows one lane.
//
// A workbook with a card list is read from its first card-list sheet; otherwise every sheet
// holding a grid is read into one map (stages and lanes of the same names are joined), and
// sheets that hold neither are skipped with a warning. The title is the workbook's title
// (document properties), else a title cell, else the file's name; the workbook's description
// is the goal, its author the owner. A workbook that inflates past MaxXLSXInflated, or a
// sheet past MaxXLSXRows rows, is refused with the limit named.
func ReadXLSX(r io.Reader, name string) (*data.Map, []string, error) {
	b, err := readInput(r, name)
	if err != nil {
		return nil, nil, err
	}
	fail := func(format string, args ...any) error {
		return &ParseError{File: name, Msg: fmt.Sprintf(format, args...)}
	}
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return nil, nil, fail("not an Excel workbook (.xlsx): the file is not a zip archive")
	}
	if err := checkInflated(b); err != nil {
		if errors.Is(err, errInflated) {
			return nil, nil, fail("the workbook inflates past %d MiB, the limit for an imported workbook", MaxXLSXInflated>>20)
		}
		return nil, nil, fail("not a readable Excel workbook (.xlsx): %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: MaxXLSXInflated, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, nil, fail("not a readable Excel workbook (.xlsx): %v", err)
	}
	defer f.Close()
	x := &xlsxReader{file: name, f: f}
	return x.read()
}

var errInflated = errors.New("inflates past the limit")

// checkInflated inflates every part of the archive b, counting, and refuses an archive whose
// parts inflate past MaxXLSXInflated in all, or that is damaged. The sizes the archive
// declares are not trusted: excelize sets memory aside by them before it reads a part.
func checkInflated(b []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return err
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > MaxXLSXInflated {
			return errInflated
		}
	}
	left := int64(MaxXLSXInflated)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", zf.Name, err)
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, left+1))
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", zf.Name, err)
		}
		if left -= n; left < 0 {
			return errInflated
		}
	}
	return nil
}

type xlsxReader struct {
	file     string
	f        *excelize.File
	warnings []string
}

// sheetRows reads a sheet's cell values (raw: numbers as written, not formatted), refusing
// more than MaxXLSXRows rows.
func (x *xlsxReader) sheetRows(sheet string) ([][]string, error) {
	rows, err := x.f.Rows(sheet)
	if err != nil {
		return nil, &ParseError{File: x.file, Msg: fmt.Sprintf("sheet %q: %v", sheet, err)}
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		if len(out) >= MaxXLSXRows {
			return nil, &ParseError{File: x.file, Msg: fmt.Sprintf("sheet %q has more than %s rows, the limit for an imported sheet", sheet, numbers.Sprint(MaxXLSXRows))}
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, &ParseError{File: x.file, Msg: fmt.Sprintf("sheet %q, row %d: %v", sheet, len(out)+1, err)}
		}
		if len(cols) > maxXLSXColumns {
			cols = cols[:maxXLSXColumns]
		}
		out = append(out, cols)
	}
	if err := rows.Error(); err != nil {
		return nil, &ParseError{File: x.file, Msg: fmt.Sprintf("sheet %q: %v", sheet, err)}
	}
	return out, nil
}

func (x *xlsxReader) read() (*data.Map, []string, error) {
	sheets := x.f.GetSheetList()
	type sheetData struct {
		name string
		rows [][]string
	}
	var all []sheetData
	for _, s := range sheets {
		rows, err := x.sheetRows(s)
		if err != nil {
			return nil, nil, err
		}
		for i := range rows {
			for j := range rows[i] {
				if !utf8.ValidString(rows[i][j]) {
					return nil, nil, &ParseError{File: x.file, Msg: fmt.Sprintf("sheet %q, cell %s: invalid UTF-8 text", s, cellName(j, i))}
				}
			}
		}
		all = append(all, sheetData{s, rows})
	}
	// A card list wins: it is the whole map, the other sheets views of it.
	for _, s := range all {
		if hr, ok := cardListHeaderRow(s.rows); ok {
			t, err := newCardTable(x.file, s.rows[hr], hr+1)
			if err != nil {
				return nil, nil, x.inSheet(s.name, err)
			}
			t.where = fmt.Sprintf("sheet %q", s.name)
			for i := hr + 1; i < len(s.rows); i++ {
				if err := t.add(s.rows[i], i+1); err != nil {
					return nil, nil, err
				}
			}
			m, warnings := t.finish("")
			x.warnings = append(x.warnings, warnings...)
			x.docProps(m)
			return m, x.warnings, nil
		}
	}
	g := &gridMap{m: newMap(""), stages: map[string]int64{}, lanes: map[string]int64{}}
	found := false
	for _, s := range all {
		merged, err := x.f.GetMergeCells(s.name, true)
		if err != nil {
			return nil, nil, &ParseError{File: x.file, Msg: fmt.Sprintf("sheet %q: merged cells: %v", s.name, err)}
		}
		ok, err := g.readSheet(x.file, s.name, fillMerged(s.rows, merged))
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			x.warnings = append(x.warnings, fmt.Sprintf("skipped sheet %q: it holds no grid (stage names across a row, lane names down a column) and no card list", s.name))
			continue
		}
		found = true
	}
	if !found {
		return nil, nil, &ParseError{File: x.file, Msg: "no sheet holds a journey: expected a card list (a header row naming stage, lane and title) or a grid (stage names across a row, lane names down the first column)"}
	}
	m := g.m
	if err := g.scores(x.file); err != nil {
		return nil, nil, err
	}
	m.Title = g.title
	x.docProps(m)
	x.warnings = append(x.warnings, g.warnings...)
	sortCards(m)
	return m, x.warnings, nil
}

func (x *xlsxReader) inSheet(sheet string, err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.Msg = fmt.Sprintf("sheet %q, row %d: %s", sheet, pe.Line, pe.Msg)
		pe.Line = 0
	}
	return err
}

// docProps sets the map's title, goal and owner from the workbook's document properties
// (the title only when the sheets gave none), and titles it after the file at worst.
func (x *xlsxReader) docProps(m *data.Map) {
	if p, err := x.f.GetDocProps(); err == nil && p != nil {
		if t, msg := cleanText(strings.TrimSpace(p.Title), short); msg == "" && t != "" {
			m.Title = t
		}
		if d, msg := cleanText(strings.TrimSpace(p.Description), long); msg == "" && m.Goal == "" {
			m.Goal = d
		}
		if c, msg := cleanText(strings.TrimSpace(p.Creator), short); msg == "" && m.Owner == "" && c != "" && c != "xuri" {
			m.Owner = c
		}
	}
	if m.Title == "" {
		m.Title = titleFromName(x.file)
	}
}

func cellName(col, row int) string {
	n, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row+1, col+1)
	}
	return n
}

// cardListHeaderRow finds a header row naming stage, lane and title among a sheet's first rows.
func cardListHeaderRow(rows [][]string) (int, bool) {
	for i := 0; i < len(rows) && i < 10; i++ {
		has := map[string]bool{}
		for _, c := range rows[i] {
			has[headerKey(strings.TrimSpace(c))] = true
		}
		if has["stage"] && has["lane"] && has["title"] {
			return i, true
		}
	}
	return 0, false
}

// fillMerged copies the value of each merged range's first cell into the range's first row
// (a stage across columns) and first column (a lane down rows), so every column of a merged
// stage header names it and every row of a merged lane name names it. Other cells of a range
// stay empty: a merged card is one card.
func fillMerged(rows [][]string, merged []excelize.MergeCell) [][]string {
	set := func(r, c int, v string) {
		for len(rows) <= r {
			rows = append(rows, nil)
		}
		for len(rows[r]) <= c {
			rows[r] = append(rows[r], "")
		}
		rows[r][c] = v
	}
	for _, mc := range merged {
		c0, r0, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil || r0 > len(rows) || c1-c0 > maxXLSXColumns || r1-r0 > MaxXLSXRows {
			continue
		}
		c0, r0, c1, r1 = c0-1, r0-1, min(c1-1, maxXLSXColumns-1), min(r1-1, len(rows)-1)
		v := ""
		if r0 < len(rows) && c0 < len(rows[r0]) {
			v = rows[r0][c0]
		}
		if v == "" {
			continue
		}
		for c := c0 + 1; c <= c1; c++ {
			set(r0, c, v)
		}
		for r := r0 + 1; r <= r1; r++ {
			set(r, c0, v)
		}
	}
	return rows
}

// gridMap gathers the grids of a workbook's sheets into one map.
type gridMap struct {
	m        *data.Map
	title    string
	stages   map[string]int64
	lanes    map[string]int64
	warnings []string
	// emotion cells: the raw scores of emotion lanes, mapped onto the scale once all are read.
	emotions []emotionCell
}

type emotionCell struct {
	card  int // index in m.Cards
	value float64
	where string
}

var gridCorner = []string{"", "stage", "stages", "lane", "lanes", "giai doan", "lan", "buoc", "hang", "lane stage", "stage lane", "lanes stages", "giai doan lan", "lan giai doan"}

// readSheet reads one sheet's grid into the map; false when the sheet holds no grid.
func (g *gridMap) readSheet(file, sheet string, rows [][]string) (bool, error) {
	cell := func(r, c int) string {
		if r < len(rows) && c < len(rows[r]) {
			return strings.TrimSpace(rows[r][c])
		}
		return ""
	}
	// The header row: the first with two non-empty cells; rows above with one are titles.
	header, first := -1, -1
	title := ""
	for r := 0; r < len(rows) && r < 20; r++ {
		var filled []int
		for c := range rows[r] {
			if cell(r, c) != "" {
				filled = append(filled, c)
			}
		}
		if len(filled) >= 2 {
			distinct := map[string]bool{}
			for _, c := range filled {
				distinct[cell(r, c)] = true
			}
			if len(distinct) >= 2 || len(filled) >= 3 {
				header, first = r, filled[0]
				break
			}
		}
		if len(filled) >= 1 && title == "" {
			title = cell(r, filled[0])
		}
	}
	if header < 0 {
		return false, nil
	}
	laneCol := first
	if first > 0 && !contains(gridCorner, strings.TrimSpace(fold(cell(header, first)))) {
		laneCol = first - 1
	}
	type col struct {
		idx   int
		stage int64
	}
	var cols []col
	for c := laneCol + 1; c < len(rows[header]); c++ {
		name, msg := cleanText(cell(header, c), short)
		if msg != "" {
			return false, &ParseError{File: file, Msg: fmt.Sprintf("sheet %q, cell %s: the stage name: %s", sheet, cellName(c, header), msg)}
		}
		if name == "" {
			continue
		}
		id := g.stages[name]
		if id == 0 {
			id = int64(len(g.m.Stages) + 1)
			g.stages[name] = id
			g.m.Stages = append(g.m.Stages, data.Stage{ID: id, Position: len(g.m.Stages), Name: name})
		}
		cols = append(cols, col{c, id})
	}
	lanesBefore := len(g.m.Lanes)
	for r := header + 1; r < len(rows); r++ {
		name, msg := cleanText(cell(r, laneCol), short)
		if msg != "" {
			return false, &ParseError{File: file, Msg: fmt.Sprintf("sheet %q, cell %s: the lane name: %s", sheet, cellName(laneCol, r), msg)}
		}
		if name == "" {
			continue
		}
		lane := g.lanes[name]
		if lane == 0 {
			lane = int64(len(g.m.Lanes) + 1)
			g.lanes[name] = lane
			g.m.Lanes = append(g.m.Lanes, data.Lane{ID: lane, Position: len(g.m.Lanes), Name: name, Kind: GuessLaneKind(name)})
		}
		emotionLane := g.m.Lane(lane).Kind == data.LaneEmotions
		for _, c := range cols {
			raw := cell(r, c.idx)
			if raw == "" {
				continue
			}
			where := fmt.Sprintf("sheet %q, cell %s", sheet, cellName(c.idx, r))
			if emotionLane {
				if v, rest, ok := leadingNumber(raw); ok {
					t, msg := cleanText(rest, short)
					if msg != "" {
						return false, &ParseError{File: file, Msg: where + ": " + msg}
					}
					g.m.Cards = append(g.m.Cards, data.Card{ID: int64(len(g.m.Cards) + 1), StageID: c.stage, LaneID: lane, Title: t})
					g.emotions = append(g.emotions, emotionCell{len(g.m.Cards) - 1, v, where})
					continue
				}
			}
			for _, item := range splitItems(raw) {
				t, score := trailingScore(item)
				t, msg := cleanText(t, short)
				if msg != "" {
					return false, &ParseError{File: file, Msg: where + ": " + msg}
				}
				card := data.Card{ID: int64(len(g.m.Cards) + 1), StageID: c.stage, LaneID: lane, Title: t}
				if score != nil {
					e := clampToScale(exactScore(*score), g.m.Scale)
					card.Emotion = &e
				}
				g.m.Cards = append(g.m.Cards, card)
			}
		}
	}
	if len(cols) == 0 || len(g.m.Lanes) == lanesBefore && len(g.lanes) == 0 {
		return false, nil
	}
	if g.title == "" && title != "" {
		if t, msg := cleanText(title, short); msg == "" {
			g.title = t
		}
	}
	return true, nil
}

var bulletRE = regexp.MustCompile(`^\s*([•·●◦▪■‣○\-–—*+]|\d{1,2}[.)])\s+`)

// splitItems splits a cell into its items: one a line, bullets ("• ", "- ", "1. ") taken
// off; bullets within one line ("• a • b") split it too.
func splitItems(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		parts := []string{line}
		if strings.Count(line, "•") >= 2 {
			parts = strings.Split(line, "•")
		}
		for _, p := range parts {
			p = strings.TrimSpace(bulletRE.ReplaceAllString(p, ""))
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

var trailingScoreRE = regexp.MustCompile(`\s*\(([+−-][0-9]+(?:[.,][0-9]+)?|0)\)$`)

// trailingScore takes a score written after a title as WriteXLSX's grid writes it,
// "Sees an ad (+1)", off the title.
func trailingScore(s string) (string, *float64) {
	m := trailingScoreRE.FindStringSubmatchIndex(s)
	if m == nil {
		return s, nil
	}
	num := strings.Replace(strings.Replace(s[m[2]:m[3]], "−", "-", 1), ",", ".", 1)
	v, ok := parseDecimal(num)
	if !ok || v < -2 || v > 2 || strings.TrimSpace(s[:m[0]]) == "" {
		return s, nil
	}
	return strings.TrimSpace(s[:m[0]]), &v
}

var leadingNumberRE = regexp.MustCompile(`^([+−-]?[0-9]+(?:[.,][0-9]+)?)(?:\s*[-–—:]?\s*(.*))?$`)

// leadingNumber reads a score cell of an emotion lane: "4", "-1,5", "4 – relieved".
func leadingNumber(s string) (float64, string, bool) {
	m := leadingNumberRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, "", false
	}
	v, ok := parseLocaleNumber(strings.Replace(m[1], "−", "-", 1), true)
	return v, strings.TrimSpace(m[2]), ok
}

// scores puts the emotion lanes' scores on the map's scale, telling from their range which
// scale they were written on: −2..+2 (the map's own), −5..+5 (OJF's), 1..5 (Mermaid's) or
// 0..10; a card of a bare score is titled with the scale's word for it.
func (g *gridMap) scores(file string) error {
	if len(g.emotions) == 0 {
		return nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, e := range g.emotions {
		lo, hi = math.Min(lo, e.value), math.Max(hi, e.value)
	}
	from := [2]float64{-2, 2}
	switch {
	case lo >= 1 && hi <= 5 && hi > 2:
		from = [2]float64{1, 5}
	case lo >= 0 && hi <= 10 && hi > 5:
		from = [2]float64{0, 10}
	case lo >= -2 && hi <= 2:
	case lo >= -5 && hi <= 5:
		from = [2]float64{-5, 5}
	default:
		e := g.emotions[0]
		if hi > 10 || lo < -5 {
			for _, x := range g.emotions {
				if x.value > 10 || x.value < -5 {
					e = x
					break
				}
			}
		}
		return &ParseError{File: file, Msg: fmt.Sprintf("%s: the score %s is on no scale this reads (−2..+2, −5..+5, 1..5 or 0..10)", e.where, formatNumber(e.value))}
	}
	if from != [2]float64{-2, 2} {
		g.warnings = append(g.warnings, fmt.Sprintf("the emotion scores run %s..%s; they were read on the scale %s..%s and moved onto −2..+2", formatNumber(lo), formatNumber(hi), formatNumber(from[0]), formatNumber(from[1])))
	}
	sc := g.m.Scale
	labels := geometry.StepLabels(sc, mapLang(g.m)) // the names the curve gives the steps
	for _, e := range g.emotions {
		v := mapScore(e.value, from[0], from[1], sc)
		c := &g.m.Cards[e.card]
		c.Emotion = &v
		if c.Title == "" {
			step := int(math.Round(v)) - sc.Min
			if step >= 0 && step < len(labels) {
				c.Title = labels[step]
			}
		}
	}
	return nil
}
