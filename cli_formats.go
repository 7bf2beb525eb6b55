package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"journeycanvas/data"
	"journeycanvas/data/interchange"
	"journeycanvas/export"
)

// imageFormats are the --format values the image export handles (cmdExport, after the
// interchange formats had their turn; PDF and SVG in cli_vector.go).
var imageFormats = []string{"png", "pdf", "svg"}

// interchangeFormat says whether an export goes to one of the interchange formats (OJF,
// Mermaid, CSV, XLSX, JSON), from --format or else from the output's extension; an image
// format (PNG, PDF, SVG) is left to the image export.
func interchangeFormat(out, name string) (interchange.Format, bool, error) {
	if name != "" {
		for _, img := range imageFormats {
			if strings.EqualFold(name, img) {
				return interchange.Format{}, false, nil
			}
		}
		f, ok := interchange.FormatNamed(name)
		if !ok {
			return f, false, usageError{fmt.Sprintf("--format %q: use %s, %s", name, strings.Join(imageFormats, ", "), interchange.FormatNames())}
		}
		return f, true, nil
	}
	f, ok := interchange.FormatOf(out)
	return f, ok, nil
}

// exportInterchange writes the map of an export command in format f to out (- for standard
// output), after naming on stderr what the format cannot carry of it. given are the flags the
// command line set: the image options have no meaning here.
func exportInterchange(src, ref, out string, f interchange.Format, given map[string]bool, stdout, stderr io.Writer) error {
	for _, name := range []string{"scale", "width", "theme", "transparent", "stages", "compare", "per-stage", "replace"} {
		if given[name] {
			return usageError{fmt.Sprintf("--%s is for images; %s writes %s", name, out, f.LabelIn("en"))}
		}
	}
	var m *data.Map
	var err error
	if strings.EqualFold(filepath.Ext(src), ".journey") {
		m, err = loadMapArg(src, ref)
	} else {
		if ref != "" {
			return usageError{"--map is for .journey files; " + src + " holds one map"}
		}
		var warnings []string
		m, warnings, err = interchange.ReadFile(src)
		for _, w := range warnings {
			fmt.Fprintf(stderr, "journeycanvas: %s: warning: %s\n", src, w)
		}
	}
	if err != nil {
		return err
	}
	name := out
	if out == "-" {
		name = "standard output"
	}
	for _, l := range f.Losses(m) {
		fmt.Fprintf(stderr, "journeycanvas: %s: %s cannot carry %s\n", name, f.LabelIn("en"), l.Text("en"))
	}
	if out == "-" {
		if err := f.Write(stdout, m); err != nil {
			return fmt.Errorf("export to standard output: %w", err)
		}
		return nil
	}
	return export.WriteFile(out, func(w io.Writer) error { return f.Write(w, m) })
}

// formatFlag adds --format to the export command's flags.
func formatFlag(fs *flag.FlagSet) *string {
	return fs.String("format", "", strings.Join(imageFormats, ", ")+", "+interchange.FormatNames()+" (default: from the extension of -o)")
}
