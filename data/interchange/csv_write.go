package interchange

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"

	"journeycanvas/data"
)

// WriteCSV writes m's cards as a table ReadCSV reads: a UTF-8 byte-order mark (so that
// spreadsheet programs see UTF-8), a header row naming ReadCSV's columns in the map's language
// ("Giai đoạn, Làn, Tiêu đề…" on a Vietnamese map), then one row
// a card in reading order, comma separated, CRLF line ends, cells quoted where they need it.
// Emotion scores are on −2..+2 (moved onto it when the map has another scale). What a card
// list cannot carry (Losses names it): links, the persona, the map's and the stages' details,
// stages and lanes without cards, the order of lanes that ReadCSV finds in the cards'.
func WriteCSV(w io.Writer, m *data.Map) error {
	rows, err := cardListRows(m, mapLang(m))
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(cardListHeader(mapLang(m))); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write map %q as CSV: %w", clip(m.Title), err)
	}
	return bw.Flush()
}
