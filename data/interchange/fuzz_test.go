package interchange

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"journeycanvas/data"
)

// The fuzz targets feed any bytes to a reader. A reader must not panic; it either refuses the
// input with a *ParseError or returns a map that keeps the contract (checkMap) and survives
// the native format unchanged: write → read → write gives the same bytes.
// Seeds live in testdata/fuzz/FuzzXxx; plain `go test` runs them.

func FuzzReadJSON(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadJSON(bytes.NewReader(b), "fuzz.json")
		checkResult(t, m, err)
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := ReadCSV(bytes.NewReader(b), "fuzz.csv")
		checkResult(t, m, err)
	})
}

func FuzzReadOJF(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := ReadOJF(bytes.NewReader(b), "fuzz.ojf")
		checkResult(t, m, err)
	})
}

func FuzzReadMermaid(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := ReadMermaid(bytes.NewReader(b), "fuzz.mmd")
		checkResult(t, m, err)
	})
}

func checkResult(t *testing.T, m *data.Map, err error) {
	t.Helper()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) || pe.File == "" || pe.Msg == "" {
			t.Fatalf("error %v (%T) is not a full *ParseError", err, err)
		}
		if m != nil {
			t.Fatal("a map and an error")
		}
		return
	}
	if err := checkMap(m); err != nil {
		t.Fatalf("invalid map: %v", err)
	}
	var first bytes.Buffer
	if err := WriteJSON(&first, m); err != nil {
		t.Fatal(err)
	}
	back, err := ReadJSON(bytes.NewReader(first.Bytes()), "again.json")
	if err != nil {
		t.Fatalf("cannot read back what WriteJSON wrote: %v\n%s", err, first.Bytes())
	}
	var second bytes.Buffer
	if err := WriteJSON(&second, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatalf("write → read → write differs:\n%s\n---\n%s", first.Bytes(), second.Bytes())
	}
}

// FuzzReadXLSX feeds any bytes to the workbook reader; its seeds are workbooks of both shapes
// (testdata/fuzz/FuzzReadXLSX, and the ones added here: a grid with merged cells, a card list
// and what WriteXLSX writes).
func FuzzReadXLSX(f *testing.F) {
	f.Add(workbook(f, []string{"Grid"}, map[string]map[string]any{"Grid": {
		"A1": "Title", "B3": "Awareness", "D3": "Decision", "A4": "Actions", "B4": "• See an ad\n• Read reviews",
		"D4": "Order (+2)", "A6": "Emotions", "B6": 4, "D6": "5 – glad"}}, map[string][][2]string{"Grid": {{"B3", "C3"}, {"A4", "A5"}}}))
	f.Add(workbook(f, []string{"Cards"}, map[string]map[string]any{"Cards": {
		"A1": "Giai đoạn", "B1": "Làn", "C1": "Tiêu đề", "D1": "Cảm xúc", "A2": "Nhận thức", "B2": "Điểm chạm", "C2": "Quảng cáo", "D2": "1,5"}}, nil))
	var b bytes.Buffer
	if err := WriteXLSX(&b, data.SampleMap("vi")); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := ReadXLSX(bytes.NewReader(b), "fuzz.xlsx")
		checkResult(t, m, err)
	})
}

// FuzzReadCSVLocales builds card lists as spreadsheets in other locales write them (a
// separator, a byte-order mark, CRLF, Vietnamese headers, decimal commas) around fuzzed cells
// and feeds them to ReadCSV.
func FuzzReadCSVLocales(f *testing.F) {
	f.Add(byte(';'), true, true, "Nhận thức", "Điểm chạm", "Quảng cáo\ndòng hai", "1,5", "2,5")
	f.Add(byte('\t'), false, false, "A", "Steps", "Go", "-0,25", "1.500,75")
	f.Add(byte(','), true, false, "A", "Pain points", "\"quoted\"", "\"1,5\"", "1,500")
	f.Fuzz(func(t *testing.T, sep byte, bom, crlf bool, stage, lane, title, emotion, value string) {
		eol := "\n"
		if crlf {
			eol = "\r\n"
		}
		s := string(sep)
		quote := func(v string) string { return `"` + strings.ReplaceAll(v, `"`, `""`) + `"` }
		text := strings.Join([]string{"Giai đoạn", "Làn", "Tiêu đề", "Cảm xúc", "Giá trị", "Chỉ số"}, s) + eol +
			strings.Join([]string{quote(stage), quote(lane), quote(title), quote(emotion), quote(value), "KPI"}, s) + eol
		if bom {
			text = "\uFEFF" + text
		}
		m, _, err := ReadCSV(strings.NewReader(text), "fuzz.csv")
		checkResult(t, m, err)
	})
}
