package export

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"journeycanvas/assets"
	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// vectorOut is where the vector tests leave their files for a person to look at
// (JOURNEYCANVAS_VECTOR_OUT), or a temporary folder.
func vectorOut(t *testing.T) string {
	if d := os.Getenv("JOURNEYCANVAS_VECTOR_OUT"); d != "" {
		return d
	}
	return t.TempDir()
}

// needTool skips a test without a command-line tool, unless CI=true, where it is a fault
// (make deps installs poppler-utils and librsvg2-bin).
func needTool(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing (make deps installs it): %v", tool, err)
			}
			t.Skipf("%s is missing (make deps installs it)", tool)
		}
	}
}

func runTool(t *testing.T, env []string, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

func writeVector(t *testing.T, dir, name string, m *data.Map, opt VectorOptions) string {
	t.Helper()
	opt.Now = fixedNow
	path := filepath.Join(dir, name)
	if err := WriteVector(path, m, opt); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return path
}

func readPNG(t *testing.T, path string) *image.RGBA {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			out.Set(x, y, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}

// The measure of "differs only by anti-aliasing": a pixel of a counts as different when no
// pixel of b within one pixel of its place (3 × 3) is within aaLevels on every channel; the
// share of such pixels must stay under aaShare. Edges rasterised a little differently (another
// rasteriser, another glyph hinting) move by at most a pixel and pass; a missing card, a wrong
// colour or a word in another font does not.
const (
	aaLevels = 64
	aaShare  = 0.0005
)

// aaDiff is the share of pixels of a with no pixel of b within a pixel of its place and
// aaLevels of its colour. The images are compared over their common size; their sizes must
// differ by at most a pixel.
func aaDiff(t *testing.T, a, b *image.RGBA) float64 {
	t.Helper()
	w, h := min(a.Rect.Dx(), b.Rect.Dx()), min(a.Rect.Dy(), b.Rect.Dy())
	if a.Rect.Dx()-b.Rect.Dx() > 1 || b.Rect.Dx()-a.Rect.Dx() > 1 || a.Rect.Dy()-b.Rect.Dy() > 1 || b.Rect.Dy()-a.Rect.Dy() > 1 {
		t.Fatalf("sizes differ: %v and %v", a.Rect.Size(), b.Rect.Size())
	}
	near := func(p, q []uint8) bool {
		for i := 0; i < 3; i++ {
			if d := int(p[i]) - int(q[i]); d > aaLevels || d < -aaLevels {
				return false
			}
		}
		return true
	}
	bad := 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			p := a.Pix[a.PixOffset(x, y):][:4]
			ok := false
			for dy := -1; dy <= 1 && !ok; dy++ {
				for dx := -1; dx <= 1 && !ok; dx++ {
					xx, yy := x+dx, y+dy
					if xx >= 0 && yy >= 0 && xx < w && yy < h {
						ok = near(p, b.Pix[b.PixOffset(xx, yy):][:4])
					}
				}
			}
			if !ok {
				bad++
			}
		}
	}
	return float64(bad) / float64(w*h)
}

// pngOf renders the PNG export of m at scale 1 (a layout unit a pixel, the size of the PDF
// page rasterised at 96 dpi).
func pngOf(t *testing.T, m *data.Map, theme string) *image.RGBA {
	t.Helper()
	img, err := Render(m, Options{Scale: 1, Now: fixedNow, Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestPDFLooksLikeThePNG rasterises the PDF of a Vietnamese map (pdftoppm, 96 dpi: a layout
// unit a pixel) and holds it against the PNG export of the same map at the same size: they
// differ only by anti-aliasing (aaDiff). The same PDF against the PNG of a map with one card
// moved to another stage must fail the measure.
func TestPDFLooksLikeThePNG(t *testing.T) {
	needTool(t, "pdftoppm")
	dir := vectorOut(t)
	for _, theme := range []string{"light", "dark"} {
		m := testmaps.Vietnamese()
		pdf := writeVector(t, dir, "vi-"+theme+".pdf", m, VectorOptions{Format: "pdf", Options: Options{Theme: theme}})
		runTool(t, nil, "pdftoppm", "-r", "96", "-png", "-singlefile", pdf, strings.TrimSuffix(pdf, ".pdf")+"-pdf")
		got := readPNG(t, strings.TrimSuffix(pdf, ".pdf")+"-pdf.png")
		want := pngOf(t, m, theme)
		if got.Rect.Dx() != want.Rect.Dx() {
			t.Fatalf("%s: the PDF at 96 dpi is %d px wide, the PNG at 1× %d px", theme, got.Rect.Dx(), want.Rect.Dx())
		}
		if d := aaDiff(t, got, want); d > aaShare {
			os.WriteFile(filepath.Join(dir, "vi-"+theme+"-png.png"), encode(t, want, 96), 0o644)
			t.Fatalf("%s: %.2f %% of the PDF's pixels are unlike the PNG's (limit %.2f %%): see %s", theme, 100*d, 100*aaShare, dir)
		} else {
			t.Logf("%s: %.3f %% of pixels differ beyond anti-aliasing", theme, 100*d)
		}
		// The card titles spelt backwards (the same widths, so the same layout) must fail.
		other := testmaps.Vietnamese()
		for i := range other.Cards {
			other.Cards[i].Title = backwards(other.Cards[i].Title)
		}
		if d := aaDiff(t, got, pngOf(t, other, theme)); d <= aaShare {
			t.Fatalf("%s: the card titles spelt backwards pass the measure (%.3f %%)", theme, 100*d)
		} else {
			t.Logf("%s: against the titles spelt backwards, %.3f %%", theme, 100*d)
		}
	}
}

// backwards spells each word of s backwards.
func backwards(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		r := []rune(w)
		for a, b := 0, len(r)-1; a < b; a, b = a+1, b-1 {
			r[a], r[b] = r[b], r[a]
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// mapWords are the words a reader sees on a map: its title and goal, the persona, the
// stages, lanes and cards.
func mapWords(m *data.Map) []string {
	var texts []string
	texts = append(texts, m.Title, m.Goal)
	for _, s := range m.Stages {
		texts = append(texts, s.Name)
	}
	for _, l := range m.Lanes {
		texts = append(texts, l.Name)
	}
	for _, c := range m.Cards {
		texts = append(texts, c.Title, c.Channel)
	}
	var words []string
	for _, s := range texts {
		for _, w := range strings.FieldsFunc(norm.NFC.String(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			words = append(words, strings.ToLower(w))
		}
	}
	return words
}

// foundShare is the share of words found among the words of text.
func foundShare(words []string, text string) (float64, []string) {
	have := map[string]bool{}
	for _, w := range strings.FieldsFunc(norm.NFC.String(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		have[strings.ToLower(w)] = true
	}
	var missing []string
	for _, w := range words {
		if !have[w] {
			missing = append(missing, w)
		}
	}
	return 1 - float64(len(missing))/float64(len(words)), missing
}

// TestPDFTextIsRealText checks what a reader of the PDF gets: the fonts embedded as subsets
// with a Unicode map (pdffonts), the map's words with their accents back from pdftotext, and
// the title, subject (the goal) and creation date in the document's properties (pdfinfo).
func TestPDFTextIsRealText(t *testing.T) {
	needTool(t, "pdffonts", "pdftotext", "pdfinfo")
	dir := vectorOut(t)
	maps := []*data.Map{testmaps.Vietnamese(), data.SampleMap("vi"), data.SampleMap("en")}
	for _, id := range []string{"lifecycle", "five-stages"} {
		tpl, err := data.TemplateByID(id)
		if err != nil {
			t.Fatal(err)
		}
		maps = append(maps, tpl.Build("vi"))
	}
	for i, m := range maps {
		pdf := writeVector(t, dir, fmt.Sprintf("text-%d.pdf", i+1), m, VectorOptions{Format: "pdf"})
		fonts := string(runTool(t, nil, "pdffonts", pdf))
		rows := 0
		for _, line := range strings.Split(fonts, "\n") {
			f := strings.Fields(line)
			if len(f) < 7 || !strings.Contains(f[0], "NotoSans") {
				continue
			}
			rows++
			if !regexp.MustCompile(`^[A-Z]{6}\+NotoSans-(Regular|Bold)$`).MatchString(f[0]) || strings.Join(f[len(f)-5:len(f)-2], " ") != "yes yes yes" {
				t.Fatalf("%s: a font not embedded as a subset with a Unicode map:\n%s", pdf, fonts)
			}
		}
		if rows != 2 {
			t.Fatalf("%s: want Noto Sans regular and bold, got:\n%s", pdf, fonts)
		}
		text := string(runTool(t, nil, "pdftotext", "-enc", "UTF-8", pdf, "-"))
		words := mapWords(m)
		share, missing := foundShare(words, text)
		if share < 0.95 {
			t.Fatalf("%s: pdftotext gives back %.1f %% of the %d words; missing %q", pdf, 100*share, len(words), missing)
		}
		t.Logf("%s: %.1f %% of %d words back (missing %q)", filepath.Base(pdf), 100*share, len(words), missing)
		info := string(runTool(t, nil, "pdfinfo", pdf))
		wants := []string{"Title:           " + title(m), "CreationDate:"}
		if m.Goal != "" {
			wants = append(wants, "Subject:         "+m.Goal)
		}
		for _, want := range wants {
			if !strings.Contains(info, want) {
				t.Fatalf("%s: pdfinfo lacks %q:\n%s", pdf, want, info)
			}
		}
	}
}

// fontsConf makes fontconfig (and so rsvg-convert) find the app's own Noto Sans, the font the
// SVG names.
func fontsConf(t *testing.T) string {
	t.Helper()
	assetsDir, err := filepath.Abs("../assets")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	body := fmt.Sprintf(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>`, assetsDir, filepath.Join(dir, "cache"))
	if err := os.WriteFile(conf, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return conf
}

// TestSVGIsValidAndLooksLikeThePNG parses the SVG as XML, finds the map's Vietnamese words in
// its <text> elements set in Noto Sans, and renders it (rsvg-convert, with the app's Noto
// Sans) against the PNG: they differ only by anti-aliasing. With --outline-text there is no
// <text> left and the picture is the same.
func TestSVGIsValidAndLooksLikeThePNG(t *testing.T) {
	needTool(t, "rsvg-convert")
	dir := vectorOut(t)
	m := testmaps.Vietnamese()
	want := pngOf(t, m, "light")
	conf := fontsConf(t)
	for _, outline := range []bool{false, true} {
		name := "vi.svg"
		if outline {
			name = "vi-outline.svg"
		}
		path := writeVector(t, dir, name, m, VectorOptions{Format: "svg", OutlineText: outline})
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		var texts []string
		inText, families := 0, map[string]bool{}
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not valid XML: %v", name, err)
			}
			switch e := tok.(type) {
			case xml.StartElement:
				if e.Name.Local == "text" {
					inText++
					for _, a := range e.Attr {
						if a.Name.Local == "style" {
							if f := regexp.MustCompile(`px ([^;"]+)`).FindStringSubmatch(a.Value); f != nil {
								families[f[1]] = true
							}
						}
					}
				}
			case xml.EndElement:
				if e.Name.Local == "text" {
					inText--
				}
			case xml.CharData:
				if inText > 0 {
					texts = append(texts, string(e))
				}
			}
		}
		if outline {
			if len(texts) != 0 {
				t.Fatalf("%s: %d text runs left with --outline-text", name, len(texts))
			}
		} else {
			if len(families) != 1 || !families["Noto Sans"] {
				t.Fatalf("%s: text in the families %v, want Noto Sans", name, families)
			}
			if share, missing := foundShare(mapWords(m), strings.Join(texts, " ")); share < 0.95 {
				t.Fatalf("%s: the <text> elements hold %.1f %% of the map's words; missing %q", name, 100*share, missing)
			}
		}
		out := strings.TrimSuffix(path, ".svg") + "-svg.png"
		runTool(t, []string{"FONTCONFIG_FILE=" + conf}, "rsvg-convert", "-w", strconv.Itoa(want.Rect.Dx()), "-b", "white", path, "-o", out)
		got := readPNG(t, out)
		if d := aaDiff(t, got, want); d > aaShare {
			t.Fatalf("%s: %.2f %% of the rendered SVG's pixels are unlike the PNG's (limit %.2f %%): see %s", name, 100*d, 100*aaShare, out)
		} else {
			t.Logf("%s: %.3f %% of pixels differ beyond anti-aliasing", name, 100*d)
		}
	}
}

// pdfPages returns the size of each page of a PDF in points, from pdfinfo.
func pdfPages(t *testing.T, path string) [][2]float64 {
	t.Helper()
	out := string(runTool(t, nil, "pdfinfo", "-f", "1", "-l", "10000", path))
	var sizes [][2]float64
	re := regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`)
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestVectorPages checks the pages a reader gets: one the size of the map (a layout unit a
// 96-dpi pixel), papers upright and on their side, poster tiles that cover the map with
// overlap, and a deck of 16:9 pages, one per stage and one of the whole map.
func TestVectorPages(t *testing.T) {
	needTool(t, "pdfinfo", "pdftotext")
	dir := vectorOut(t)
	m := testmaps.Vietnamese()
	w, h, err := Size(m, Options{Scale: 1, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	const pt = 72.0 / 25.4
	check := func(name string, opt VectorOptions, wantN int, wantW, wantH float64) string {
		t.Helper()
		path := writeVector(t, dir, name, m, opt)
		sizes := pdfPages(t, path)
		if len(sizes) != wantN {
			t.Fatalf("%s: %d pages, want %d", name, len(sizes), wantN)
		}
		for i, s := range sizes {
			if !near(s[0], wantW, 1) || !near(s[1], wantH, 1) {
				t.Fatalf("%s: page %d is %.1f × %.1f pt, want %.1f × %.1f", name, i+1, s[0], s[1], wantW, wantH)
			}
		}
		return path
	}
	check("size-map.pdf", VectorOptions{Format: "pdf"}, 1, float64(w)*0.75, float64(h)*0.75)
	for _, p := range PaperNames {
		s := Papers[strings.ToLower(p)]
		check("size-"+p+".pdf", VectorOptions{Format: "pdf", Paper: p}, 1, s[0]*pt, s[1]*pt)
		check("size-"+p+"-landscape.pdf", VectorOptions{Format: "pdf", Paper: p, Landscape: true}, 1, s[1]*pt, s[0]*pt)
	}
	// Tiles: A4 pages whose printed parts (A4 less the margins), overlapping by tileOverlap,
	// cover the map at 100 %; one page fewer across or down would not.
	wmm, hmm := float64(w)*mmPerUnit, float64(h)*mmPerUnit
	cw, ch := 210-2*tileMargin, 297-2*tileMargin
	nx, ny := 1, 1
	for float64(nx)*cw-float64(nx-1)*tileOverlap < wmm {
		nx++
	}
	for float64(ny)*ch-float64(ny-1)*tileOverlap < hmm {
		ny++
	}
	tiles := check("tiles-A4.pdf", VectorOptions{Format: "pdf", Tile: "A4"}, nx*ny, 210*pt, 297*pt)
	if nx*ny < 2 {
		t.Fatalf("the test map fits one A4 tile (%d × %d): pick a larger one", nx, ny)
	}
	text := string(runTool(t, nil, "pdftotext", "-enc", "UTF-8", tiles, "-"))
	// A line of text across a cut is drawn as outlines cut at the crop line, over the same
	// line as text all but transparent: every word is text on some tile.
	if share, missing := foundShare(mapWords(m), text); share < 0.95 {
		t.Fatalf("the tiles hold %.1f %% of the map's words; missing %q", 100*share, missing)
	} else {
		t.Logf("the tiles hold %.1f %% of the map's words (missing %q)", 100*share, missing)
	}
	if !strings.Contains(text, fmt.Sprintf("Tấm %d / %d", nx*ny, nx*ny)) {
		t.Fatalf("the last tile is not labelled with its place: %q", text)
	}
	// A poster of A1 made of A3 sheets.
	poster := VectorOptions{Format: "pdf", Paper: "A1", Tile: "A3"}
	pages, err := VectorPages(m, poster)
	if err != nil {
		t.Fatal(err)
	}
	check("tiles-A1-on-A3.pdf", poster, len(pages), 297*pt, 420*pt)
	if len(pages) < 4 {
		t.Fatalf("an A1 poster on A3 sheets takes %d sheets, want at least 4", len(pages))
	}
	check("deck.pdf", VectorOptions{Format: "pdf", PerStage: true}, len(m.Stages)+1, 960, 540)
}

// TestVectorRefusals: options that do not go together are refused with a reason, and the
// file named is left as it was.
func TestVectorRefusals(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keep.pdf")
	if err := os.WriteFile(path, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := testmaps.Vietnamese()
	for _, c := range []struct {
		opt  VectorOptions
		want string
	}{
		{VectorOptions{Format: "svg", Tile: "A4"}, "export them as PDF"},
		{VectorOptions{Format: "svg", PerStage: true}, "export them as PDF"},
		{VectorOptions{Format: "pdf", PerStage: true, Paper: "A4"}, "16:9"},
		{VectorOptions{Format: "pdf", Paper: "B5"}, `paper "B5"`},
		{VectorOptions{Format: "pdf", OutlineText: true}, "for SVG"},
		{VectorOptions{Format: "eps"}, "pdf or svg"},
		{VectorOptions{Format: "pdf", Options: Options{StageFrom: 4, StageTo: 9}}, "stages 4..9"},
	} {
		err := WriteVector(path, m, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
			t.Fatalf("%+v: error %v, want one naming %s and saying %q", c.opt, err, path, c.want)
		}
		if b, _ := os.ReadFile(path); string(b) != "earlier" {
			t.Fatalf("%+v: the file was changed", c.opt)
		}
	}
}

// BenchmarkPDF1000 is the PDF of a 1,000-card, 12-stage map (budget: 1 s, 3 MB).
func BenchmarkPDF1000(b *testing.B) { benchVector(b, "pdf") }

// BenchmarkSVG1000 is the SVG of the same map (budget: 1 s).
func BenchmarkSVG1000(b *testing.B) { benchVector(b, "svg") }

func benchVector(b *testing.B, format string) {
	m := testmaps.Big(1000, 12, 6)
	var n countingWriter
	for b.Loop() {
		n = countingWriter{}
		if err := WriteVectorTo(&n, m, VectorOptions{Format: format, Options: Options{Now: fixedNow}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n.n)/1e6, "MB")
}

// TestPDF1000Size holds the size budget of the 1,000-card map's PDF: 3 MB.
func TestPDF1000Size(t *testing.T) {
	var n countingWriter
	if err := WriteVectorTo(&n, testmaps.Big(1000, 12, 6), VectorOptions{Format: "pdf", Options: Options{Now: fixedNow}}); err != nil {
		t.Fatal(err)
	}
	if n.n > 3_000_000 {
		t.Fatalf("the PDF of 1,000 cards is %.2f MB, budget 3 MB", float64(n.n)/1e6)
	}
	t.Logf("%.2f MB", float64(n.n)/1e6)
}

// TestTilesShowTheMap rasterises the A4 tiles of a map at 96 dpi: the printed part of each
// (inside the crop marks) is the part of the map's PNG it should hold, the next tile's
// starting tileOverlap before this one's ends; the margins hold nothing but the crop marks
// and the label.
func TestTilesShowTheMap(t *testing.T) {
	needTool(t, "pdftoppm")
	dir := vectorOut(t)
	m := testmaps.Vietnamese()
	want := pngOf(t, m, "light")
	path := writeVector(t, dir, "tiles-check.pdf", m, VectorOptions{Format: "pdf", Tile: "A4"})
	pages, err := VectorPages(m, VectorOptions{Format: "pdf", Tile: "A4"})
	if err != nil {
		t.Fatal(err)
	}
	cw, ch := 210-2*tileMargin, 297-2*tileMargin
	nx := 1
	for float64(nx)*cw-float64(nx-1)*tileOverlap < float64(want.Rect.Dx())*mmPerUnit {
		nx++
	}
	px := func(mm float64) int { return int(math.Round(mm / mmPerUnit)) }
	for n := range pages {
		i, j := n%nx, n/nx
		prefix := filepath.Join(dir, fmt.Sprintf("tile-%d", n+1))
		runTool(t, nil, "pdftoppm", "-r", "96", "-png", "-singlefile", "-f", strconv.Itoa(n+1), "-l", strconv.Itoa(n+1), path, prefix)
		got := readPNG(t, prefix+".png")
		// The map's part: from (i, j) × (printed size − overlap), the printed size across.
		mx, my := px(float64(i)*(cw-tileOverlap)), px(float64(j)*(ch-tileOverlap))
		w, h := min(px(cw), want.Rect.Dx()-mx), min(px(ch), want.Rect.Dy()-my)
		part := want.SubImage(image.Rect(mx, my, mx+w, my+h)).(*image.RGBA)
		onTile := got.SubImage(image.Rect(px(tileMargin), px(tileMargin), px(tileMargin)+w, px(tileMargin)+h)).(*image.RGBA)
		a, b := image.NewRGBA(image.Rect(0, 0, w, h)), image.NewRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			copy(a.Pix[y*a.Stride:y*a.Stride+4*w], part.Pix[part.PixOffset(mx, my+y):])
			copy(b.Pix[y*b.Stride:y*b.Stride+4*w], onTile.Pix[onTile.PixOffset(px(tileMargin), px(tileMargin)+y):])
		}
		// Text across a cut is an outline there: a little more than anti-aliasing may differ.
		if d := aaDiff(t, b, a); d > 4*aaShare {
			t.Fatalf("tile %d (row %d, column %d): %.2f %% of its printed part is unlike the map's PNG there", n+1, j+1, i+1, 100*d)
		} else {
			t.Logf("tile %d: %.3f %%", n+1, 100*d)
		}
		// The right margin, between the crop marks' ends, is blank paper.
		for y := px(tileMargin + 8); y < px(297-tileMargin-8); y++ {
			for x := px(210-tileMargin) + 2; x < got.Rect.Dx(); x++ {
				if c := got.RGBAAt(x, y); c.R < 250 || c.G < 250 || c.B < 250 {
					t.Fatalf("tile %d: the margin is inked at (%d, %d): %v", n+1, x, y, c)
				}
			}
		}
	}
}

// TestPDFPersonaPhoto: a persona's picture is in the PDF, clipped to its circle, where the PNG
// has it (the rasterised PDF against the PNG, by the anti-aliasing measure).
func TestPDFPersonaPhoto(t *testing.T) {
	needTool(t, "pdftoppm")
	pic := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			pic.Set(x, y, color.RGBA{uint8(x * 255 / 300), 90, uint8(y * 255 / 200), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, pic); err != nil {
		t.Fatal(err)
	}
	m := testmaps.Vietnamese()
	m.Persona.Photo = b.Bytes()
	dir := vectorOut(t)
	pdf := writeVector(t, dir, "photo.pdf", m, VectorOptions{Format: "pdf"})
	runTool(t, nil, "pdftoppm", "-r", "96", "-png", "-singlefile", pdf, strings.TrimSuffix(pdf, ".pdf"))
	got := readPNG(t, strings.TrimSuffix(pdf, ".pdf")+".png")
	want := pngOf(t, m, "light")
	if d := aaDiff(t, got, want); d > aaShare {
		t.Fatalf("with a persona photo, %.2f %% of the PDF's pixels are unlike the PNG's", 100*d)
	}
	lay := geometry.Compute(m, geometry.Options{Header: true})
	a := lay.Header.Persona.Avatar
	if c := got.RGBAAt(int(a.X+a.W/2), int(a.Y+a.H/2)); c.G < 70 || c.G > 110 {
		t.Fatalf("the avatar's centre is %v, not the picture", c)
	}
}

// TestSVGEmbedsTheGlyphs decodes the fonts an SVG embeds (for browsers and Figma, which do not
// have Noto Sans): subsets of Noto Sans, regular and bold, far smaller than the whole font,
// with a glyph for every letter of every <text> run in its weight, Vietnamese included.
func TestSVGEmbedsTheGlyphs(t *testing.T) {
	m := testmaps.Vietnamese()
	var b bytes.Buffer
	if err := WriteVectorTo(&b, m, VectorOptions{Format: "svg", Options: Options{Now: fixedNow}}); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	faces := regexp.MustCompile(`@font-face\{font-family:'Noto Sans';(font-weight:700;)?src:url\('data:type/opentype;base64,([A-Za-z0-9+/=]+)'\)`).FindAllStringSubmatch(svg, -1)
	if len(faces) != 2 {
		t.Fatalf("%d embedded faces, want regular and bold", len(faces))
	}
	fonts := map[bool]*sfnt.Font{}
	for _, f := range faces {
		raw, err := base64.StdEncoding.DecodeString(f[2])
		if err != nil {
			t.Fatal(err)
		}
		if len(raw) > len(assets.FontRegular)/4 {
			t.Fatalf("an embedded face is %d bytes: not a subset of the %d-byte font", len(raw), len(assets.FontRegular))
		}
		if fonts[f[1] != ""], err = sfnt.Parse(raw); err != nil {
			t.Fatalf("an embedded face does not parse: %v", err)
		}
	}
	runs := regexp.MustCompile(`<text [^>]*style="font:( 700)? [^"]*"><tspan[^>]*>([^<]*)</tspan>`).FindAllStringSubmatch(svg, -1)
	if len(runs) < 50 {
		t.Fatalf("only %d text runs", len(runs))
	}
	var buf sfnt.Buffer
	vietnamese := 0
	for _, r := range runs {
		bold := r[1] != ""
		for _, c := range html.UnescapeString(r[2]) {
			if c == ' ' {
				continue
			}
			if g, err := fonts[bold].GlyphIndex(&buf, c); err != nil || g == 0 {
				t.Fatalf("the embedded face (bold %v) has no glyph for %q of %q", bold, c, r[2])
			}
			if c > 0x1E00 && c < 0x1F00 {
				vietnamese++
			}
		}
	}
	if vietnamese == 0 {
		t.Fatal("no Vietnamese letters with stacked marks in the text runs")
	}
}

// TestSVGEscapesText: a card titled with the characters XML reserves still gives valid XML,
// and the title reads back as written.
func TestSVGEscapesText(t *testing.T) {
	m := testmaps.Vietnamese()
	m.Cards[0].Title = `Đổi & trả <nhanh> "ngay"`
	var b bytes.Buffer
	if err := WriteVectorTo(&b, m, VectorOptions{Format: "svg", Options: Options{Now: fixedNow}}); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(&b)
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not valid XML: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
		}
	}
	if !strings.Contains(text.String(), `Đổi & trả <nhanh> "ngay"`) {
		t.Fatal("the title does not read back from the SVG")
	}
}

// TestDeckLooksLikeTheSlides rasterises each page of a PDF deck at 1920 × 1080 and holds it
// against the PNG slide of the same step (RenderSlide), by the anti-aliasing measure.
func TestDeckLooksLikeTheSlides(t *testing.T) {
	needTool(t, "pdftoppm")
	dir := vectorOut(t)
	m := testmaps.Vietnamese()
	deck := writeVector(t, dir, "deck-check.pdf", m, VectorOptions{Format: "pdf", PerStage: true})
	for step := 0; step < SlideCount(m); step++ {
		prefix := filepath.Join(dir, fmt.Sprintf("deck-%d", step+1))
		page := strconv.Itoa(step + 1)
		runTool(t, nil, "pdftoppm", "-png", "-singlefile", "-f", page, "-l", page, "-scale-to-x", "1920", "-scale-to-y", "1080", deck, prefix)
		got := readPNG(t, prefix+".png")
		want, err := RenderSlide(m, step, SlideOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if d := aaDiff(t, got, want); d > aaShare {
			os.WriteFile(prefix+"-png.png", encode(t, want, 96), 0o644)
			t.Fatalf("page %d: %.2f %% of its pixels are unlike the PNG slide's (see %s)", step+1, 100*d, dir)
		} else {
			t.Logf("page %d: %.3f %%", step+1, 100*d)
		}
	}
}
