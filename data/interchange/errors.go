// Package interchange reads journey maps from files made elsewhere and writes maps back in
// those formats.
//
// Five formats are read: the native JSON form (lossless; see WriteJSON), a CSV table of cards
// (as spreadsheets write it in any locale), an Excel workbook (a card list or a drawn grid;
// ReadXLSX), OJF (OpenJourney Format, JSON, as Ptolemy writes it) and Mermaid "journey"
// diagrams. Every reader returns an unsaved *data.Map: its stages, lanes and cards carry local
// ids 1..n that its cards and links refer to, every MapID is 0, positions run 0..n-1 and the
// cards are in reading order (stage, lane, position). The store gives such a map new ids when
// it inserts it.
//
// Readers never panic and never guess at broken input: a fault is reported as a *ParseError
// that names the file and the line (text formats), the JSON path (JSON formats) or the sheet
// and cell (workbooks). All text comes out NFC-normalised and within the limits below.
//
// The same formats are written (Formats: WriteOJF, WriteMermaid, WriteCSV, WriteXLSX,
// WriteJSON); each Format names what it cannot carry of a given map (Format.Losses), in the
// catalogue's words.
package interchange

import "strconv"

// ParseError says which file and which line or JSON path is at fault, and why.
type ParseError struct {
	File string // the name the reader was given
	Line int    // 1-based line number; 0 when the fault has no line
	// Path is the JSON path at fault, e.g. "cards[3].stage" (array indexes count from 0, as
	// in JavaScript and jq); empty for text formats.
	Path string
	Msg  string
}

// Error returns "FILE:LINE: msg", "FILE: at PATH: msg", or "FILE: msg" when there is neither.
func (e *ParseError) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
	}
	s += ": "
	if e.Path != "" {
		s += "at " + e.Path + ": "
	}
	return s + e.Msg
}
