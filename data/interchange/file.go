package interchange

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"journeycanvas/data"
)

// ReadFile reads the map in the file at path, choosing the reader by the extension (any
// case): .json (the native format), .csv, .xlsx, .ojf or .mmd. Errors name path; a map read from it
// is titled after the file unless the file gives a title.
func ReadFile(path string) (*data.Map, []string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".json", ".csv", ".ojf", ".mmd", ".xlsx":
	default:
		what := "no extension"
		if ext != "" {
			what = fmt.Sprintf("the extension %q", filepath.Ext(path))
		}
		return nil, nil, &ParseError{File: path, Msg: fmt.Sprintf("cannot import a file with %s; use .json (Journey Canvas), .csv (cards), .xlsx (Excel), .ojf (OpenJourney) or .mmd (Mermaid journey)", what)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, nil, &ParseError{File: path, Msg: "is a folder, not a file"}
	} else if err == nil && fi.Size() > MaxInputBytes {
		return nil, nil, &ParseError{File: path, Msg: fmt.Sprintf("the file is %.0f MiB; the limit for an imported file is %d MiB", float64(fi.Size())/(1<<20), MaxInputBytes>>20)}
	}
	switch ext {
	case ".json":
		m, err := ReadJSON(f, path)
		return m, nil, err
	case ".csv":
		return ReadCSV(f, path)
	case ".ojf":
		return ReadOJF(f, path)
	case ".xlsx":
		return ReadXLSX(f, path)
	default:
		return ReadMermaid(f, path)
	}
}
