package geometry

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"journeycanvas/assets"
)

// Text measurement with the embedded Noto Sans. Widths are exact sums of the fonts' advance
// widths (no hinting, no kerning), in font units scaled by the size, so a line measured at
// size s is exactly k times as wide at size k·s: the screen at any zoom and the export at any
// scale break lines in the same places. Painters place glyphs with RuneAdvance, the same
// numbers.

// lowRunes is how many runes from U+0000 have their advance in a flat table (Latin, Latin
// Extended, combining marks, Greek, Cyrillic, Latin Extended Additional with Vietnamese,
// general punctuation); the rest go through a map.
const lowRunes = 0x2100

type metrics struct {
	font      *sfnt.Font
	upem      float64
	ascent    float64 // font units, positive up
	descent   float64 // font units, positive down
	low       [lowRunes]uint16
	lowHas    [lowRunes]bool
	mu        sync.RWMutex
	high      map[rune]highGlyph
	notdefAdv uint16
}

type highGlyph struct {
	adv uint16
	has bool
}

var (
	fontsOnce sync.Once
	fontTable [2]*metrics // regular, bold
)

func loadFonts() {
	for i, src := range [][]byte{assets.FontRegular, assets.FontBold} {
		f, err := sfnt.Parse(src)
		if err != nil {
			panic("geometry: the embedded font does not parse: " + err.Error())
		}
		fontTable[i] = newMetrics(f)
	}
}

func newMetrics(f *sfnt.Font) *metrics {
	var buf sfnt.Buffer
	upem := f.UnitsPerEm()
	ppem := fixed.I(int(upem))
	m := &metrics{font: f, upem: float64(upem), high: map[rune]highGlyph{}}
	fm, _ := f.Metrics(&buf, ppem, 0)
	m.ascent = float64(fm.Ascent) / 64
	m.descent = float64(fm.Descent) / 64
	if a, err := f.GlyphAdvance(&buf, 0, ppem, 0); err == nil {
		m.notdefAdv = uint16(a / 64)
	}
	for r := rune(0); r < lowRunes; r++ {
		m.low[r], m.lowHas[r] = m.lookup(&buf, r)
	}
	return m
}

// lookup returns the advance of r in font units and whether the font has a glyph for it.
func (m *metrics) lookup(buf *sfnt.Buffer, r rune) (uint16, bool) {
	x, err := m.font.GlyphIndex(buf, r)
	if err != nil || x == 0 {
		return m.notdefAdv, false
	}
	a, err := m.font.GlyphAdvance(buf, x, fixed.I(int(m.upem)), 0)
	if err != nil {
		return m.notdefAdv, false
	}
	return uint16(a / 64), true
}

func (m *metrics) units(r rune) (uint16, bool) {
	if r >= 0 && r < lowRunes {
		return m.low[r], m.lowHas[r]
	}
	m.mu.RLock()
	g, ok := m.high[r]
	m.mu.RUnlock()
	if ok {
		return g.adv, g.has
	}
	var buf sfnt.Buffer
	g.adv, g.has = m.lookup(&buf, r)
	m.mu.Lock()
	m.high[r] = g
	m.mu.Unlock()
	return g.adv, g.has
}

func fontOf(bold bool) *metrics {
	fontsOnce.Do(loadFonts)
	if bold {
		return fontTable[1]
	}
	return fontTable[0]
}

// Font returns the parsed embedded Noto Sans, regular or bold. Its methods are safe for
// concurrent use when each call passes its own sfnt.Buffer.
func Font(bold bool) *sfnt.Font { return fontOf(bold).font }

// HasGlyph reports whether the embedded font (regular or bold) has a glyph for r.
func HasGlyph(r rune, bold bool) bool {
	_, ok := fontOf(bold).units(r)
	return ok
}

// RuneAdvance returns how far the pen moves after drawing r at the given size (in the same
// units as size). Zero-width and control characters advance by their font advance (usually 0).
func RuneAdvance(r rune, size float64, bold bool) float64 {
	m := fontOf(bold)
	u, _ := m.units(r)
	return float64(u) * size / m.upem
}

// TextWidth returns the width of s set on one line at the given size. s should be NFC
// (see NFC); newlines count as ordinary characters.
func TextWidth(s string, size float64, bold bool) float64 {
	m := fontOf(bold)
	var u int
	for _, r := range s {
		a, _ := m.units(r)
		u += int(a)
	}
	return float64(u) * size / m.upem
}

// Ascent returns the height of the font's ascender (hhea) above the baseline at size. It
// clears the stacked Vietnamese diacritics (ặ, ễ, Ấ).
func Ascent(size float64, bold bool) float64 {
	m := fontOf(bold)
	return m.ascent * size / m.upem
}

// Descent returns the depth of the font's descender below the baseline at size.
func Descent(size float64, bold bool) float64 {
	m := fontOf(bold)
	return m.descent * size / m.upem
}

// Baseline returns the offset of the baseline from the top of a line box of height lineH
// holding text of the given size: the ascender and descender centred in the box.
func Baseline(lineH, size float64, bold bool) float64 {
	a, d := Ascent(size, bold), Descent(size, bold)
	return (lineH-(a+d))/2 + a
}

// NFC returns s in Unicode normalisation form C. Text is measured and drawn in NFC: gg and
// x/image draw a decomposed "ệ" (e + U+0323 + U+0302) with its marks misplaced.
func NFC(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Ellipsis is what ends a line that was cut short.
const Ellipsis = "…"

// Wrap breaks s into lines no wider than width at the given size: at spaces, at newlines
// (hard breaks), and inside a word only when the word alone is wider than a line. Runs of
// spaces collapse to one. With maxLines > 0 it keeps at most maxLines lines and, when text
// was left out, ends the last one with an ellipsis and reports truncated. s is normalised to
// NFC first. An empty s gives no lines.
//
// Results are remembered (a re-layout after a drop wraps the same titles at the same widths
// again); callers must not modify the returned slice.
func Wrap(s string, width, size float64, bold bool, maxLines int) (lines []string, truncated bool) {
	k := wrapKey{s, width, size, bold, maxLines}
	wrapCache.Lock()
	r, ok := wrapCache.m[k]
	wrapCache.Unlock()
	if ok {
		return r.lines, r.truncated
	}
	lines, truncated = wrap(s, width, size, bold, maxLines)
	wrapCache.Lock()
	if wrapCache.m == nil || len(wrapCache.m) >= wrapCacheMax {
		wrapCache.m = make(map[wrapKey]wrapResult, 1024)
	}
	lines = lines[:len(lines):len(lines)] // an append by a caller copies
	wrapCache.m[k] = wrapResult{lines, truncated}
	wrapCache.Unlock()
	return lines, truncated
}

type wrapKey struct {
	s           string
	width, size float64
	bold        bool
	maxLines    int
}

type wrapResult struct {
	lines     []string
	truncated bool
}

// wrapCacheMax bounds the cache: when full it starts again empty.
const wrapCacheMax = 16384

var wrapCache struct {
	sync.Mutex
	m map[wrapKey]wrapResult
}

func wrap(s string, width, size float64, bold bool, maxLines int) (lines []string, truncated bool) {
	s = NFC(s)
	m := fontOf(bold)
	// Work in font units to stay exact and integer.
	limit := int(width * m.upem / size)
	space, _ := m.units(' ')
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lineU := 0
		empty := true
		flush := func() {
			lines = append(lines, line.String())
			line.Reset()
			lineU, empty = 0, true
		}
		words := strings.FieldsFunc(para, unicode.IsSpace)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		for _, w := range words {
			wu := 0
			for _, r := range w {
				a, _ := m.units(r)
				wu += int(a)
			}
			if !empty && lineU+int(space)+wu <= limit {
				line.WriteByte(' ')
				line.WriteString(w)
				lineU += int(space) + wu
				continue
			}
			if !empty {
				flush()
			}
			if wu <= limit {
				line.WriteString(w)
				lineU, empty = wu, false
				continue
			}
			// A word wider than a line: break it between runes.
			for w != "" {
				n, u := 0, 0
				for i, r := range w {
					a, _ := m.units(r)
					if u+int(a) > limit && i > 0 {
						break
					}
					u += int(a)
					n = i + utf8.RuneLen(r)
				}
				line.WriteString(w[:n])
				lineU, empty = u, false
				w = w[n:]
				if w != "" {
					flush()
				}
			}
		}
		if !empty {
			flush()
		}
	}
	// Trailing empty lines from a final newline carry nothing.
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if maxLines > 0 && len(lines) > maxLines {
		rest := strings.Join(lines[maxLines-1:], " ")
		lines = lines[:maxLines]
		lines[maxLines-1] = ellipsize(m, rest, limit)
		truncated = true
	}
	return lines, truncated
}

// Ellipsize returns s (normalised to NFC) cut to fit width at the given size, ending in an
// ellipsis when it had to be cut, and whether it was cut.
func Ellipsize(s string, width, size float64, bold bool) (string, bool) {
	s = NFC(s)
	m := fontOf(bold)
	limit := int(width * m.upem / size)
	u := 0
	for _, r := range s {
		a, _ := m.units(r)
		u += int(a)
	}
	if u <= limit {
		return s, false
	}
	return ellipsize(m, s, limit), true
}

// ellipsize cuts s so that s + "…" fits limit font units, dropping trailing spaces and
// punctuation that would sit before the ellipsis.
func ellipsize(m *metrics, s string, limit int) string {
	ell := 0
	for _, r := range Ellipsis {
		a, _ := m.units(r)
		ell += int(a)
	}
	u, end := 0, 0
	for i, r := range s {
		a, _ := m.units(r)
		if u+int(a)+ell > limit {
			break
		}
		u += int(a)
		end = i + utf8.RuneLen(r)
	}
	cut := strings.TrimRightFunc(s[:end], func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '-' || r == '–' || r == '·'
	})
	return cut + Ellipsis
}
