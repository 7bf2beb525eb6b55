package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"journeycanvas/data"
	"journeycanvas/data/interchange"
)

// mermaidCLI finds Mermaid's own renderer (mmdc, installed by `make mermaid-cli` into
// .tools/mermaid, or on the PATH) and the chromium it drives. Without them the test skips,
// except under CI=true, where the Makefile installs them and their absence is a failure.
func mermaidCLI(t *testing.T) (mmdc, browser string) {
	t.Helper()
	mmdc, _ = filepath.Abs(".tools/mermaid/node_modules/.bin/mmdc")
	if _, err := os.Stat(mmdc); err != nil {
		mmdc, _ = exec.LookPath("mmdc")
	}
	browser, _ = exec.LookPath("chromium")
	if mmdc == "" || browser == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Mermaid's renderer is missing (mmdc %q, chromium %q): make mermaid-cli installs it", mmdc, browser)
		}
		t.Skip("Mermaid's renderer is not installed (make mermaid-cli with CI=true installs it)")
	}
	return mmdc, browser
}

// TestMermaidRendersJourney has Mermaid's own renderer draw what our Mermaid writer writes of
// the sample maps and an OJF service blueprint: each must come out as a journey diagram with
// every section and task in it.
func TestMermaidRendersJourney(t *testing.T) {
	mmdc, browser := mermaidCLI(t)
	dir := t.TempDir()
	config := filepath.Join(dir, "puppeteer.json")
	os.WriteFile(config, []byte(`{"executablePath":"`+browser+`","args":["--no-sandbox","--headless","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync"]}`), 0o644)
	hotel, _, err := interchange.ReadFile(samples + "ptolemy-hotel-check-in-blueprint.ojf")
	if err != nil {
		t.Fatal(err)
	}
	mermaid, _ := interchange.FormatNamed("mermaid")
	tricky := data.SampleMap("en") // titles that read as keywords or comments
	for i, title := range []string{"Title of the order", "section of the shop", "%% done", "50%% off; #1: now"} {
		tricky.Cards[i].Title = title
	}
	for name, m := range map[string]*data.Map{"sample-vi": data.SampleMap("vi"), "sample-en": data.SampleMap("en"), "hotel": hotel, "tricky": tricky} {
		var src bytes.Buffer
		if err := mermaid.Write(&src, m); err != nil {
			t.Fatal(err)
		}
		in, out := filepath.Join(dir, name+".mmd"), filepath.Join(dir, name+".svg")
		os.WriteFile(in, src.Bytes(), 0o644)
		cmd := exec.Command(mmdc, "-p", config, "-i", in, "-o", out, "-q")
		cmd.Env = append(os.Environ(), "PUPPETEER_SKIP_DOWNLOAD=1", "HOME="+dir)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: mmdc: %v\n%s\n%s", name, err, msg, src.Bytes())
		}
		svg, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(svg, []byte(`aria-roledescription="journey"`)) {
			t.Errorf("%s: Mermaid did not draw a journey", name)
		}
		for _, line := range strings.Split(src.String(), "\n")[2:] {
			line = strings.TrimSpace(line)
			text := ""
			if s, ok := strings.CutPrefix(line, "section "); ok {
				text = s
			} else if task, _, ok := strings.Cut(line, ": "); ok && !strings.HasPrefix(line, "acc") {
				text = task
			}
			// Mermaid writes & as &amp; and wraps long names over several lines: look for the
			// first word.
			if first := strings.Fields(text); len(first) > 0 && !bytes.Contains(svg, []byte(strings.ReplaceAll(first[0], "&", "&amp;"))) {
				t.Errorf("%s: %q is not in the drawing", name, text)
			}
		}
		if os.Getenv("JC_KEEP_SVG") != "" {
			os.WriteFile(filepath.Join(os.Getenv("JC_KEEP_SVG"), name+".svg"), svg, 0o644)
		}
	}
}
