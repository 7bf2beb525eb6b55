package interchange

import (
	"fmt"
	"image/color"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"journeycanvas/assets"
	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// WriteXLSX writes m as an Excel workbook of two sheets, named in the map's language:
//
//   - the board as a grid (the first sheet, open when the workbook opens): the title above,
//     stage names across a header row in the stages' colours, lane names down the first
//     column, each cell the bulleted titles of its cards (a score after a title: "Sees an ad
//     (+1)"), cells wrapped, rows as tall as their text, tinted with their stage's colour,
//     set up to print landscape on one page wide;
//   - the card list (ReadXLSX and ReadCSV's columns, one card a row, as WriteCSV writes
//     them), with a bold, frozen header row (no filters: adding them makes excelize read
//     the streamed sheet back, which doubled the time of a 1,000-card export);
//
// The workbook's title, description and author are the map's title, goal and owner. ReadXLSX
// reads the map back from the card list.
func WriteXLSX(w io.Writer, m *data.Map) error {
	rows, err := cardListRows(m, mapLang(m))
	if err != nil {
		return err
	}
	f, err := toFile(m)
	if err != nil {
		return err
	}
	lang := mapLang(m)
	fail := func(err error) error { return fmt.Errorf("write map %q as XLSX: %w", clip(m.Title), err) }
	x := excelize.NewFile()
	defer x.Close()
	listName := xlsxSheetName(assets.Word(lang, "Cards"))
	gridName := xlsxSheetName(assets.Word(lang, "Board"))
	// The board first: it is what people open the workbook to see.
	if err := x.SetSheetName("Sheet1", gridName); err != nil {
		return fail(err)
	}
	if _, err := x.NewSheet(listName); err != nil {
		return fail(err)
	}
	if err := writeGrid(x, gridName, m, f, lang); err != nil {
		return fail(err)
	}
	if err := x.SetDocProps(&excelize.DocProperties{Title: m.Title, Description: m.Goal, Creator: m.Owner, Language: lang}); err != nil {
		return fail(err)
	}

	// The card list, streamed: fast for large maps.
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E9ECEF"}}})
	if err != nil {
		return fail(err)
	}
	sw, err := x.NewStreamWriter(listName)
	if err != nil {
		return fail(err)
	}
	for i, wdt := range []float64{18, 18, 40, 40, 14, 9, 9, 7, 11, 15, 11, 20, 9, 18, 12, 13, 11, 16} {
		if err := sw.SetColWidth(i+1, i+1, wdt); err != nil {
			return fail(err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fail(err)
	}
	header := cardListHeader(lang)
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return fail(err)
	}
	vals := make([]any, len(header))
	for i, r := range rows {
		for j, v := range r {
			vals[j] = v
			if (j == 5 || j == 14 || j == 15) && v != "" {
				if n, ok := parseDecimal(v); ok {
					vals[j] = n // numbers stay numbers in the sheet
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, vals); err != nil {
			return fail(err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fail(err)
	}

	if _, err := x.WriteTo(w); err != nil {
		return fail(err)
	}
	return nil
}

// xlsxSheetName keeps a sheet name within Excel's rules (31 characters, none of : \ / ? * [ ]).
func xlsxSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return ' '
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

func hexOf(c color.NRGBA) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// writeGrid lays the board out on sheet: title, stage header row, a row per lane.
func writeGrid(x *excelize.File, sheet string, m *data.Map, f *fileMap, lang string) error {
	nst := len(f.Stages)
	titleStyle, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	if err != nil {
		return err
	}
	laneStyle, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#F1F3F5"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Border:    gridBorder()})
	if err != nil {
		return err
	}
	if err := x.SetCellValue(sheet, "A1", m.Title); err != nil {
		return err
	}
	if err := x.SetCellStyle(sheet, "A1", "A1", titleStyle); err != nil {
		return err
	}
	if err := x.SetColWidth(sheet, "A", "A", 22); err != nil {
		return err
	}
	white := color.NRGBA{255, 255, 255, 255}
	colStyles := make([]int, nst)
	for i, st := range f.Stages {
		c, ok := geometry.ParseColour(st.Colour)
		if !ok {
			c, _ = geometry.ParseColour(geometry.StageColours[i%len(geometry.StageColours)])
		}
		text := "#FFFFFF"
		if geometry.Contrast(white, c) < 3 {
			text = "#212529"
		}
		hs, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: text},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hexOf(c)}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
			Border:    gridBorder()})
		if err != nil {
			return err
		}
		colStyles[i], err = x.NewStyle(&excelize.Style{
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hexOf(geometry.Mix(white, c, 0.12))}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Border:    gridBorder()})
		if err != nil {
			return err
		}
		cell, _ := excelize.CoordinatesToCellName(i+2, 3)
		if err := x.SetCellValue(sheet, cell, st.Name); err != nil {
			return err
		}
		if err := x.SetCellStyle(sheet, cell, cell, hs); err != nil {
			return err
		}
		name, _ := excelize.ColumnNumberToName(i + 2)
		if err := x.SetColWidth(sheet, name, name, 30); err != nil {
			return err
		}
	}
	cellText := map[[2]string][]string{}
	for _, c := range f.Cards {
		t := c.Title
		if c.Emotion != nil {
			v := listScore(*c.Emotion, f.Scale.Min, f.Scale.Max)
			s := formatNumber(v)
			if v > 0 {
				s = "+" + s
			}
			t += " (" + s + ")"
		}
		cellText[[2]string{c.Stage, c.Lane}] = append(cellText[[2]string{c.Stage, c.Lane}], "• "+t)
	}
	if err := x.SetRowHeight(sheet, 3, 30); err != nil {
		return err
	}
	for li, l := range f.Lanes {
		row := li + 4
		// As tall as the tallest cell's text: Excel does not grow rows written with wrapped
		// text, and LibreOffice only sometimes. A column of width 30 holds about 34 characters.
		lines := len([]rune(l.Name))/24 + 1
		for _, st := range f.Stages {
			n := 0
			for _, item := range cellText[[2]string{st.Ref, l.Ref}] {
				for _, part := range strings.Split(item, "\n") {
					n += len([]rune(part))/34 + 1
				}
			}
			lines = max(lines, n)
		}
		// Excel's tallest row is 409 points; a cell with more cards scrolls.
		if err := x.SetRowHeight(sheet, row, min(float64(lines)*15+6, 409)); err != nil {
			return err
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := x.SetCellValue(sheet, cell, l.Name); err != nil {
			return err
		}
		if err := x.SetCellStyle(sheet, cell, cell, laneStyle); err != nil {
			return err
		}
		for si, st := range f.Stages {
			cell, _ := excelize.CoordinatesToCellName(si+2, row)
			if items := cellText[[2]string{st.Ref, l.Ref}]; len(items) > 0 {
				if err := x.SetCellValue(sheet, cell, strings.Join(items, "\n")); err != nil {
					return err
				}
			}
			if err := x.SetCellStyle(sheet, cell, cell, colStyles[si]); err != nil {
				return err
			}
		}
	}
	yes, one, zero := true, 1, 0
	landscape := "landscape"
	if err := x.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	if err := x.SetPageLayout(sheet, &excelize.PageLayoutOptions{FitToWidth: &one, FitToHeight: &zero, Orientation: &landscape}); err != nil {
		return err
	}
	return x.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 3, TopLeftCell: "B4", ActivePane: "bottomRight"})
}

func gridBorder() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "#CED4DA", Style: 1})
	}
	return out
}
