package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"journeycanvas/data"
	"journeycanvas/export"
)

// vectorFlags are the export command's options for PDF and SVG.
type vectorFlags struct {
	format, paper, tile *string
	landscape, outline  *bool
	vectorOnly          []string // the flags that mean nothing for a PNG
}

// addVectorFlags adds the PDF and SVG options to the export command's flags; format is the
// command's --format (formatFlag).
func addVectorFlags(fs *flag.FlagSet, format *string) *vectorFlags {
	return &vectorFlags{
		format:     format,
		paper:      fs.String("paper", "", "PDF/SVG page: "+strings.Join(export.PaperNames, "|")+", the map fitted inside the margins"),
		tile:       fs.String("tile", "", "PDF: split the map across pages of this paper, with overlap and crop marks"),
		landscape:  fs.Bool("landscape", false, "PDF/SVG: the paper on its side"),
		outline:    fs.Bool("outline-text", false, "SVG: text as paths, for tools without Noto Sans"),
		vectorOnly: []string{"format", "paper", "tile", "landscape", "outline-text"},
	}
}

// vectorFormat is "pdf" or "svg" when the export writes a vector file (from --format, or the
// extension of out), "" for a PNG.
func (v *vectorFlags) vectorFormat(out string, given map[string]bool) (string, error) {
	if given["format"] && !strings.EqualFold(*v.format, "png") {
		f := strings.ToLower(*v.format)
		if f != "pdf" && f != "svg" {
			return "", usageError{fmt.Sprintf("--format %q: use pdf or svg (a PNG is named .png)", *v.format)}
		}
		return f, nil
	}
	switch strings.ToLower(filepath.Ext(out)) {
	case ".pdf":
		return "pdf", nil
	case ".svg":
		return "svg", nil
	}
	for _, name := range v.vectorOnly {
		if given[name] {
			return "", usageError{fmt.Sprintf("--%s is for PDF and SVG: name the output .pdf or .svg, or give --format", name)}
		}
	}
	return "", nil
}

// exportVector writes m as PDF or SVG to out (- for standard output) when the options ask
// for one, and reports whether they did. opt holds the options the PNG shares (theme,
// stages, transparency, the compared map).
func (v *vectorFlags) exportVector(out string, m *data.Map, opt export.Options, perStage bool, given map[string]bool, stdout io.Writer) (bool, error) {
	format, err := v.vectorFormat(out, given)
	if err != nil || format == "" {
		return err != nil, err
	}
	if given["scale"] || given["width"] {
		return true, usageError{"--scale and --width are for PNG: a " + strings.ToUpper(format) + " is drawn in vectors (use --paper for its size)"}
	}
	for _, p := range []struct{ flag, name string }{{"paper", *v.paper}, {"tile", *v.tile}} {
		if _, ok := export.Papers[strings.ToLower(p.name)]; given[p.flag] && !ok {
			return true, usageError{fmt.Sprintf("--%s %q: use %s", p.flag, p.name, strings.Join(export.PaperNames, ", "))}
		}
	}
	vo := export.VectorOptions{Options: opt, Format: format, Paper: *v.paper, Landscape: *v.landscape, Tile: *v.tile,
		PerStage: perStage, OutlineText: *v.outline}
	vo.Scale, vo.Width = 0, 0
	if _, err := export.VectorPages(m, vo); err != nil {
		if errors.Is(err, export.ErrVectorOption) {
			return true, usageError{strings.TrimPrefix(err.Error(), export.ErrVectorOption.Error()+": ")}
		}
		return true, err
	}
	if out == "-" {
		if err := export.WriteVectorTo(stdout, m, vo); err != nil {
			return true, fmt.Errorf("export to standard output: %w", err)
		}
		return true, nil
	}
	return true, export.WriteVector(out, m, vo)
}
