package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportVectorCommand exports a Vietnamese map the ways a user would from the command
// line: PDF and SVG named by their extension, PDF to standard output by --format, A3 on its
// side, A4 tiles and a deck; and checks that options which make no sense are refused with a
// reason, leaving the file named as it was.
func TestExportVectorCommand(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.journey")
	if _, e, code := run(t, "new", ws, "--template", "ecommerce", "--lang", "vi"); code != 0 {
		t.Fatal(e)
	}
	pdfinfo := func(path string) string {
		out, err := exec.Command("pdfinfo", path).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", path, err)
		}
		return string(out)
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdfinfo is missing (make deps installs poppler-utils)")
		}
		t.Skip("pdfinfo is missing (make deps installs poppler-utils)")
	}
	for _, c := range []struct {
		args  []string
		file  string
		check string
	}{
		{[]string{"-o", "map.pdf"}, "map.pdf", "Pages:           1"},
		{[]string{"-o", "a3.pdf", "--paper", "a3", "--landscape"}, "a3.pdf", "1190.55 x 841.89 pts (A3)"},
		{[]string{"-o", "tiles.pdf", "--tile", "A4"}, "tiles.pdf", "(A4)"},
		{[]string{"-o", "deck.pdf", "--per-stage"}, "deck.pdf", "Pages:           6"},
		{[]string{"-o", "map.svg"}, "map.svg", ""},
		{[]string{"-o", "outline.svg", "--outline-text"}, "outline.svg", ""},
	} {
		args := append([]string{"export", ws, "--map", "1"}, c.args...)
		for i, a := range args {
			if a == "-o" {
				args[i+1] = filepath.Join(dir, args[i+1])
			}
		}
		if _, e, code := run(t, args...); code != 0 {
			t.Fatalf("%v: %s", c.args, e)
		}
		path := filepath.Join(dir, c.file)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(path, ".svg") {
			asText := bytes.Contains(b, []byte("Nhận thức"))
			if !bytes.HasPrefix(b, []byte("<svg")) || asText == strings.Contains(path, "outline") {
				t.Fatalf("%s: not an SVG with the stage names as text (or as outlines for --outline-text)", c.file)
			}
			continue
		}
		if info := pdfinfo(path); !strings.Contains(info, c.check) || !strings.Contains(info, "Title:           Mua mỹ phẩm trực tuyến") {
			t.Fatalf("%s: pdfinfo lacks %q or the title:\n%s", c.file, c.check, info)
		}
	}
	out, e, code := run(t, "export", ws, "--map", "1", "-o", "-", "--format", "pdf")
	if code != 0 || !strings.HasPrefix(out, "%PDF-") {
		t.Fatalf("--format pdf -o -: exit %d, %q…: %s", code, out[:min(len(out), 8)], e)
	}
	keep := filepath.Join(dir, "keep.pdf")
	os.WriteFile(keep, []byte("earlier"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", keep, "--paper", "B5"}, `--paper "B5"`},
		{[]string{"-o", keep, "--tile", "poster"}, `--tile "poster"`},
		{[]string{"-o", keep, "--scale", "2"}, "--scale and --width are for PNG"},
		{[]string{"-o", keep, "--outline-text"}, "for SVG"},
		{[]string{"-o", keep, "--format", "eps"}, "use png, pdf, svg, ojf"},
		{[]string{"-o", keep, "--per-stage", "--paper", "A4"}, "16:9"},
		{[]string{"-o", filepath.Join(dir, "x.svg"), "--tile", "A4"}, "export them as PDF"},
		{[]string{"-o", filepath.Join(dir, "x.png"), "--paper", "A4"}, "--paper is for PDF and SVG"},
	} {
		_, e, code := run(t, append([]string{"export", ws, "--map", "1"}, c.args...)...)
		if code != 2 || !strings.Contains(e, c.want) {
			t.Fatalf("%v: exit %d, %q; want exit 2 saying %q", c.args, code, e, c.want)
		}
	}
	if b, _ := os.ReadFile(keep); string(b) != "earlier" {
		t.Fatal("a refused export changed the file")
	}
	for _, f := range []string{"x.svg", "x.png"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Fatalf("a refused export wrote %s", f)
		}
	}
}
