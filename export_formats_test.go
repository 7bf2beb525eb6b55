package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
	"journeycanvas/data/interchange"
)

// undated drops the times from a dump: a map imported again is created anew.
var undated = regexp.MustCompile(`(?m)^  "(created|updated)": .*\n`)

// TestExportFormatsCommand exports an imported OJF blueprint to every interchange format as a
// user would, reads each file back with import, and checks what stderr says of each format.
func TestExportFormatsCommand(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.journey")
	if _, e, code := run(t, "import", ws, samples+"ptolemy-hotel-check-in-blueprint.ojf"); code != 0 {
		t.Fatal(e)
	}
	dump, e, code := run(t, "dump", ws, "--map", "1")
	if code != 0 {
		t.Fatal(e)
	}
	for i, ext := range []string{".ojf", ".mmd", ".csv", ".xlsx", ".json"} {
		out := filepath.Join(dir, "hotel"+ext)
		_, stderr, code := run(t, "export", ws, "--map", "1", "-o", out)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", ext, code, stderr)
		}
		switch ext {
		case ".ojf", ".json":
			if stderr != "" {
				t.Errorf("%s carries everything, yet stderr says %q", ext, stderr)
			}
		case ".mmd":
			for _, want := range []string{"Mermaid journey (.mmd) cannot carry lanes (6): each stage's cards follow one another", "Mermaid journey (.mmd) cannot carry the persona"} {
				if !strings.Contains(stderr, out+": "+want) {
					t.Errorf("stderr %q lacks %q", stderr, want)
				}
			}
		default:
			if !strings.Contains(stderr, "cannot carry the persona") {
				t.Errorf("%s: stderr %q", ext, stderr)
			}
		}
		if _, e, code := run(t, "import", ws, out); code != 0 {
			t.Fatalf("import %s: %s", ext, e)
		}
		if ext == ".ojf" || ext == ".json" {
			again, _, _ := run(t, "dump", ws, "--map", fmt.Sprint(i+2))
			if undated.ReplaceAllString(again, "") != undated.ReplaceAllString(dump, "") {
				t.Errorf("%s: the map read back differs from the one written", ext)
			}
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "hotel.json")); string(b) != dump {
		t.Error("the JSON export is not what dump writes")
	}

	// --format, and standard output.
	csvOut, e, code := run(t, "export", ws, "--map", "1", "--format", "csv", "-o", "-")
	if code != 0 || !strings.HasPrefix(csvOut, "\uFEFFStage,Lane,Title,") {
		t.Fatalf("--format csv -o -: exit %d %q %s", code, csvOut[:min(len(csvOut), 40)], e)
	}
	odd := filepath.Join(dir, "hotel.txt")
	if _, e, code := run(t, "export", ws, "--map", "1", "--format", "mmd", "-o", odd); code != 0 {
		t.Fatal(e)
	}
	if b, _ := os.ReadFile(odd); !bytes.HasPrefix(b, []byte("journey\n")) {
		t.Errorf("--format mmd wrote %q", b[:min(len(b), 20)])
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "docx", "-o", filepath.Join(dir, "x.docx")}, `--format "docx": use png, pdf, svg, ojf, mermaid, csv, xlsx, json`},
		{[]string{"--scale", "2", "-o", filepath.Join(dir, "x.csv")}, "--scale is for images"},
	} {
		_, e, code := run(t, append([]string{"export", ws, "--map", "1"}, c.args...)...)
		if code != 2 || !strings.Contains(e, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, e)
		}
	}

	// An existing file is replaced whole; a refused export leaves it byte for byte.
	target := filepath.Join(dir, "hotel.mmd")
	before, _ := os.ReadFile(target)
	if _, _, code := run(t, "export", ws, "--map", "no such map", "-o", target); code != 1 {
		t.Fatalf("exit %d", code)
	}
	if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
		t.Error("a refused export changed the file")
	}
	if entries, _ := filepath.Glob(filepath.Join(dir, ".hotel*")); len(entries) != 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// bigWorkspace is a workspace holding the 1,000-card map (12 stages × 6 lanes) of the other
// budgets.
func bigWorkspace(b *testing.B) string {
	ws := filepath.Join(b.TempDir(), "big.journey")
	s, err := data.Open(ws, data.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.CreateMap(testmaps.Big(1000, 12, 6)); err != nil {
		b.Fatal(err)
	}
	return ws
}

// BenchmarkExportFormats1000 runs the whole export command on the 1,000-card map to each
// interchange format, as a user would: process start, open the workspace, load the map, write
// the file and rename it into place. Budget: 200 ms each. The PNG export of the same map at
// 1× is the baseline.
func BenchmarkExportFormats1000(b *testing.B) {
	ws := bigWorkspace(b)
	dir := b.TempDir()
	for _, ext := range []string{".ojf", ".mmd", ".csv", ".xlsx", ".json", ".png"} {
		b.Run(strings.TrimPrefix(ext, "."), func(b *testing.B) {
			out := filepath.Join(dir, "big"+ext)
			args := []string{"export", ws, "--map", "1", "-o", out}
			if ext == ".png" {
				args = append(args, "--scale", "1")
			}
			for i := 0; i < b.N; i++ {
				cmd := exec.Command(binPath, args...)
				cmd.Env = filteredEnv()
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, msg)
				}
			}
		})
	}
}

// BenchmarkImportXLSX1000 reads a workbook of the 1,000-card map (its card list, as WriteXLSX
// writes it) and stores it as a new map: what `journeycanvas import` does after start-up.
// Budget: 300 ms. The baseline is the CSV of the same cards (BenchmarkImportCSV1000's budget:
// 200 ms).
func BenchmarkImportXLSX1000(b *testing.B) {
	dir := b.TempDir()
	m := testmaps.Big(1000, 12, 6)
	for _, f := range []string{"xlsx", "csv"} {
		b.Run(f, func(b *testing.B) {
			format, _ := interchange.FormatNamed(f)
			src := filepath.Join(dir, "big."+f)
			var buf bytes.Buffer
			if err := format.Write(&buf, m); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(src, buf.Bytes(), 0o644); err != nil {
				b.Fatal(err)
			}
			s, err := data.Open(filepath.Join(dir, f+".journey"), data.OpenOptions{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m, _, err := interchange.ReadFile(src)
				if err != nil {
					b.Fatal(err)
				}
				if len(m.Cards) != 1000 {
					b.Fatalf("%d cards", len(m.Cards))
				}
				if _, err := s.CreateMap(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
