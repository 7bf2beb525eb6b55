package interchange

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"journeycanvas/assets"
	"journeycanvas/data"
)

// Format is a file format a map can be written in.
type Format struct {
	Name  string // "ojf", "mermaid", "csv", "xlsx", "json": what --format takes
	Ext   string // the file extension, with its dot
	write func(io.Writer, *data.Map) error
}

// Formats are the formats maps are written in besides images, in the order menus list them.
var Formats = []Format{
	{"ojf", ".ojf", WriteOJF},
	{"mermaid", ".mmd", WriteMermaid},
	{"csv", ".csv", WriteCSV},
	{"xlsx", ".xlsx", WriteXLSX},
	{"json", ".json", WriteJSON},
}

// FormatOf returns the format a file name's extension (any case) names.
func FormatOf(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range Formats {
		if f.Ext == ext {
			return f, true
		}
	}
	return Format{}, false
}

// FormatNamed returns the format called name (any case): ojf, mermaid (or mmd), csv, xlsx,
// json.
func FormatNamed(name string) (Format, bool) {
	name = strings.ToLower(strings.TrimPrefix(name, "."))
	if name == "mmd" {
		name = "mermaid"
	}
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// FormatNames lists the names FormatNamed takes, for messages.
func FormatNames() string {
	var names []string
	for _, f := range Formats {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// LabelIn is how the format is called in lang ("vi" or "en").
func (f Format) LabelIn(lang string) string {
	switch f.Name {
	case "ojf":
		return assets.Word(lang, "OpenJourney (.ojf)")
	case "mermaid":
		return assets.Word(lang, "Mermaid journey (.mmd)")
	case "csv":
		return assets.Word(lang, "CSV (.csv)")
	case "xlsx":
		return assets.Word(lang, "Excel (.xlsx)")
	case "json":
		return assets.Word(lang, "Journey Canvas JSON (.json)")
	}
	return f.Name
}

// Write writes m in the format.
func (f Format) Write(w io.Writer, m *data.Map) error {
	if err := f.write(w, m); err != nil {
		return fmt.Errorf("write %s: %w", f.LabelIn("en"), err)
	}
	return nil
}

// Losses lists what the format cannot carry of m (nothing for OJF and JSON), for a warning.
func (f Format) Losses(m *data.Map) []Loss { return losses(f.Name, m) }
