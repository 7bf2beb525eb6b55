package interchange

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// workbook builds an .xlsx with excelize: sheets of cells (A1 → value) and merged ranges.
func workbook(t testing.TB, sheets []string, cells map[string]map[string]any, merges map[string][][2]string) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := x.SetSheetName("Sheet1", s); err != nil {
				t.Fatal(err)
			}
		} else if _, err := x.NewSheet(s); err != nil {
			t.Fatal(err)
		}
		for c, v := range cells[s] {
			if err := x.SetCellValue(s, c, v); err != nil {
				t.Fatal(err)
			}
		}
		for _, mg := range merges[s] {
			if err := x.MergeCell(s, mg[0], mg[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if _, err := x.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The grid people draw: a title above, stages across (one merged over two columns), lanes
// down (one merged over two rows), bulleted cells, an emotion row of 1..5 scores, and a sheet
// of notes that holds no grid.
func TestReadXLSXGrid(t *testing.T) {
	b := workbook(t, []string{"Hành trình", "Ghi chú"}, map[string]map[string]any{
		"Hành trình": {
			"A1": "Mua mỹ phẩm trực tuyến",
			"B3": "Nhận thức", "D3": "Quyết định",
			"A4": "Hành động", "B4": "• Thấy quảng cáo\n• Đọc đánh giá", "C4": "So sánh giá (+1)", "D4": "Đặt hàng",
			"B5": "- Hỏi bạn bè", "D5": "1. Trả tiền\n2. Chờ giao",
			"A6": "Cảm xúc", "B6": 4, "D6": "5 – vui",
			"A7": "Nỗi đau", "D7": "Thanh toán lỗi",
		},
		"Ghi chú": {"A1": "Phỏng vấn 12 khách hàng"},
	}, map[string][][2]string{"Hành trình": {{"B3", "C3"}, {"A4", "A5"}, {"D7", "D8"}}})
	m, warnings, err := ReadXLSX(bytes.NewReader(b), "hanh-trinh.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMap(m); err != nil {
		t.Fatal(err)
	}
	if m.Title != "Mua mỹ phẩm trực tuyến" {
		t.Errorf("title %q", m.Title)
	}
	if got := strings.Join(stageNames(m), "|"); got != "Nhận thức|Quyết định" {
		t.Errorf("stages %q", got)
	}
	if got := laneList(m); got != "Hành động=steps|Cảm xúc=emotions|Nỗi đau=pains" {
		t.Errorf("lanes %s", got)
	}
	if got := strings.Join(cardTitles(m), "|"); got != "Thấy quảng cáo|Đọc đánh giá|So sánh giá|Hỏi bạn bè|"+m.Cards[4].Title+"|Đặt hàng|Trả tiền|Chờ giao|vui|Thanh toán lỗi" {
		t.Errorf("cards %q", got)
	}
	cards := byTitle(m)
	if c := cards["So sánh giá"]; c.Emotion == nil || *c.Emotion != 1 {
		t.Errorf("scored card %+v", c)
	}
	if c := m.Cards[4]; c.Emotion == nil || *c.Emotion != 1 || c.Title != "Tốt" || m.Lane(c.LaneID).Name != "Cảm xúc" {
		t.Errorf("emotion card %+v", c)
	}
	if c := cards["vui"]; c.Emotion == nil || *c.Emotion != 2 {
		t.Errorf("emotion card %+v", c)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], `skipped sheet "Ghi chú"`) || !strings.Contains(warnings[1], "1..5") {
		t.Errorf("warnings %q", warnings)
	}
}

// A workbook of a card list with Vietnamese headers is read as the CSV is.
func TestReadXLSXCardList(t *testing.T) {
	b := workbook(t, []string{"Thẻ"}, map[string]map[string]any{"Thẻ": {
		"A1": "Giai đoạn", "B1": "Làn", "C1": "Tiêu đề", "D1": "Cảm xúc", "E1": "Ghi chú",
		"A2": "Nhận thức", "B2": "Điểm chạm", "C2": "Quảng cáo Facebook", "D2": 1.5, "E2": "dòng một\ndòng hai",
		"A4": "Quyết định", "B4": "Điểm chạm", "C4": "Email giảm giá", "D4": "-0,5",
	}}, nil)
	m, warnings, err := ReadXLSX(bytes.NewReader(b), "list.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Cards) != 2 || *m.Cards[0].Emotion != 1.5 || m.Cards[0].Notes != "dòng một\ndòng hai" || *m.Cards[1].Emotion != -0.5 || m.Title != "list" || len(warnings) != 0 {
		t.Errorf("map %+v warnings %q", m.Cards, warnings)
	}
	b = workbook(t, []string{"Thẻ"}, map[string]map[string]any{"Thẻ": {"A1": "stage", "B1": "lane", "C1": "title", "A2": "A", "B2": "B"}}, nil)
	_, _, err = ReadXLSX(bytes.NewReader(b), "list.xlsx")
	wantParseError(t, err, 0, "", `sheet "Thẻ", row 2: the title is empty`)
}

// Workbooks past the limits, and files that are no workbooks, are refused with the limit or
// the fault named; nothing panics.
func TestReadXLSXLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,001-row sheet and a 257 MiB archive")
	}
	// Past 100,000 rows.
	x := excelize.NewFile()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"stage", "lane", "title"})
	for r := 2; r <= MaxXLSXRows+1; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		sw.SetRow(cell, []any{"A", "B", r})
	}
	sw.Flush()
	var b bytes.Buffer
	x.WriteTo(&b)
	x.Close()
	_, _, err = ReadXLSX(bytes.NewReader(b.Bytes()), "rows.xlsx")
	wantParseError(t, err, 0, "", `has more than 100,000 rows, the limit for an imported sheet`)

	// Inflating past the limit: a part of zeros that deflates to almost nothing.
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	w, _ := zw.Create("xl/media/big.bin")
	zero := make([]byte, 1<<20)
	for i := 0; i < MaxXLSXInflated>>20+1; i++ {
		w.Write(zero)
	}
	zw.Close()
	_, _, err = ReadXLSX(bytes.NewReader(z.Bytes()), "bomb.xlsx")
	wantParseError(t, err, 0, "", "inflates past 256 MiB, the limit for an imported workbook")

	for _, c := range []struct{ name, text, want string }{
		{"text", "stage,lane,title\n", "not a zip archive"},
		{"broken zip", "PK\x03\x04garbage", "not a readable Excel workbook"},
	} {
		_, _, err := ReadXLSX(strings.NewReader(c.text), c.name+".xlsx")
		wantParseError(t, err, 0, "", c.want)
	}
	b2 := workbook(t, []string{"Notes"}, map[string]map[string]any{"Notes": {"A1": "just a note"}}, nil)
	_, _, err = ReadXLSX(bytes.NewReader(b2), "notes.xlsx")
	wantParseError(t, err, 0, "", "no sheet holds a journey")
}

// The workbook WriteXLSX writes: a card list, and a grid laid out like the board in the
// stages' colours, wrapped, set to print one page wide.
func TestWriteXLSXGrid(t *testing.T) {
	m := data.SampleMap("vi")
	var b bytes.Buffer
	if err := WriteXLSX(&b, m); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := strings.Join(x.GetSheetList(), "|"); got != "Bảng|Thẻ" {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := x.GetCellValue("Bảng", "A1"); v != m.Title {
		t.Errorf("title cell %q", v)
	}
	if v, _ := x.GetCellValue("Bảng", "B3"); v != m.Stages[0].Name {
		t.Errorf("first stage %q", v)
	}
	if v, _ := x.GetCellValue("Bảng", "A4"); v != m.Lanes[0].Name {
		t.Errorf("first lane %q", v)
	}
	first := m.CellCards(m.Stages[0].ID, m.Lanes[0].ID)
	if v, _ := x.GetCellValue("Bảng", "B4"); len(first) == 0 || !strings.HasPrefix(v, "• "+first[0].Title) {
		t.Errorf("first cell %q, cards %v", v, first)
	}
	sid, _ := x.GetCellStyle("Bảng", "B3")
	st, _ := x.GetStyle(sid)
	if st == nil || len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], strings.TrimPrefix(m.Stages[0].Colour, "#")) && !strings.EqualFold(st.Fill.Color[0], m.Stages[0].Colour) {
		t.Errorf("stage header fill %+v, stage colour %q", st, m.Stages[0].Colour)
	}
	sid, _ = x.GetCellStyle("Bảng", "B4")
	if st, _ := x.GetStyle(sid); st == nil || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("cell style %+v", st)
	}
	if h, _ := x.GetRowHeight("Bảng", 4); h < 2*15 {
		t.Errorf("the first lane's row is %g pt high: too low for its cards", h)
	}
	pl, err := x.GetPageLayout("Bảng")
	if err != nil || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("page layout %+v %v", pl, err)
	}
	if sp, err := x.GetSheetProps("Bảng"); err != nil || sp.FitToPage == nil || !*sp.FitToPage {
		t.Errorf("sheet props %+v %v", sp, err)
	}
	rows, _ := x.GetRows("Thẻ")
	if len(rows) != len(m.Cards)+1 || fmt.Sprint(rows[0][:3]) != "[Giai đoạn Làn Tiêu đề]" {
		t.Errorf("card list %d rows, header %v", len(rows), rows[0])
	}
}

// The board sheet alone (the card list deleted, as a colleague might) reads back as the same
// stages, lanes, card titles and scores.
func TestReadXLSXOwnGrid(t *testing.T) {
	m := data.SampleMap("vi")
	var b bytes.Buffer
	if err := WriteXLSX(&b, m); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := x.DeleteSheet("Thẻ"); err != nil {
		t.Fatal(err)
	}
	var grid bytes.Buffer
	if _, err := x.WriteTo(&grid); err != nil {
		t.Fatal(err)
	}
	x.Close()
	back, warnings, err := ReadXLSX(bytes.NewReader(grid.Bytes()), "grid.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := checkMap(back); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %q", warnings)
	}
	if back.Title != m.Title || strings.Join(stageNames(back), "|") != strings.Join(stageNames(m), "|") || laneList(back) != laneList(m) {
		t.Errorf("title %q stages %q lanes %s", back.Title, stageNames(back), laneList(back))
	}
	describe := func(m *data.Map) string {
		var out []string
		for _, c := range m.Cards {
			s := c.Title
			if c.Emotion != nil {
				s += " " + formatNumber(*c.Emotion)
			}
			out = append(out, s)
		}
		return strings.Join(out, "|")
	}
	if got, want := describe(back), describe(m); got != want {
		t.Errorf("cards\n got  %s\n want %s", got, want)
	}
}

// A map with crowded cells (1,000 cards) is written, its tallest rows at Excel's limit, and
// read back whole.
func TestWriteXLSXBig(t *testing.T) {
	m := testmaps.Big(1000, 12, 6)
	var b bytes.Buffer
	if err := WriteXLSX(&b, m); err != nil {
		t.Fatal(err)
	}
	back, _, err := ReadXLSX(bytes.NewReader(b.Bytes()), "big.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Cards) != 1000 {
		t.Fatalf("%d cards read back", len(back.Cards))
	}
}
