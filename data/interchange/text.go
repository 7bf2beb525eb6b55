package interchange

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/unicode/norm"

	"journeycanvas/data"
)

// Limits on what the readers accept. They match what the store keeps: a longer text is refused
// with a message naming it, never cut.
const (
	// MaxInputBytes is the largest file a reader takes.
	MaxInputBytes = 64 << 20
	// MaxTitleRunes limits titles, names, channels, tags, labels and other one-line texts,
	// in characters (runes) after NFC normalisation.
	MaxTitleRunes = data.MaxShortRunes
	// MaxNotesBytes limits notes, descriptions, the map's goal and audience and the persona's
	// answers, in bytes of UTF-8 after NFC normalisation.
	MaxNotesBytes = data.MaxLongBytes
	// MaxTags is the most tags a card may carry.
	MaxTags = data.MaxTags
)

// textKind says which limit a text field has.
type textKind bool

const (
	short textKind = false // a title, name, channel, tag: MaxTitleRunes
	long  textKind = true  // notes, a description: MaxNotesBytes
)

var numbers = message.NewPrinter(language.English)

// readInput reads all of r, refusing more than MaxInputBytes.
func readInput(r io.Reader, name string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(b) > MaxInputBytes {
		return nil, &ParseError{File: name, Msg: fmt.Sprintf("the file is larger than %d MiB, the limit for an imported file", MaxInputBytes>>20)}
	}
	return b, nil
}

// checkUTF8Lines refuses b when it is not valid UTF-8, naming the first bad line and column.
func checkUTF8Lines(b []byte, name string) error {
	if utf8.Valid(b) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return &ParseError{File: name, Line: line, Msg: fmt.Sprintf("invalid UTF-8 text (byte 0x%02x at column %d); save the file as UTF-8", b[i], col)}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return nil
}

// cleanText checks that s is valid UTF-8 and within its limit, and returns it NFC-normalised.
// On failure it returns a message like "2,345 characters, the limit is 2,000".
func cleanText(s string, kind textKind) (string, string) {
	if !utf8.ValidString(s) {
		return "", "invalid UTF-8 text"
	}
	// Far too long: say so without normalising megabytes for nothing. (NFC joins at most a
	// few runes into one, so no text this long can come within the limit.)
	if kind == long && len(s) > 8*MaxNotesBytes {
		return "", numbers.Sprintf("%d bytes, the limit is %d (2 MiB)", len(s), MaxNotesBytes)
	}
	if kind == short && len(s) > 8*4*MaxTitleRunes {
		if n := utf8.RuneCountInString(s); n > 8*MaxTitleRunes {
			return "", numbers.Sprintf("%d characters, the limit is %d", n, MaxTitleRunes)
		}
	}
	s = norm.NFC.String(s)
	if kind == long {
		if len(s) > MaxNotesBytes {
			return "", numbers.Sprintf("%d bytes, the limit is %d (2 MiB)", len(s), MaxNotesBytes)
		}
		return s, ""
	}
	if len(s) > MaxTitleRunes { // cheap test first: a rune takes at least one byte
		if n := utf8.RuneCountInString(s); n > MaxTitleRunes {
			return "", numbers.Sprintf("%d characters, the limit is %d", n, MaxTitleRunes)
		}
	}
	return s, ""
}

// titleFromName is the base name of a file without its extension: "the map is titled after
// the file".
func titleFromName(name string) string {
	base := filepath.Base(filepath.ToSlash(name))
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	base = strings.TrimSuffix(base, filepath.Ext(base))
	base = strings.TrimSpace(base)
	if base == "" || base == "." || base == "/" {
		return "Untitled map"
	}
	return base
}

var decimalRE = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// parseDecimal reads a plain decimal number such as "-1", "2.5" or "3e0". It refuses
// "NaN", "Inf", hexadecimal and numbers too large for a float64.
func parseDecimal(s string) (float64, bool) {
	if !decimalRE.MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

var colourRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// isColour reports whether s is a colour like "#3366cc".
func isColour(s string) bool { return colourRE.MatchString(s) }

var brRE = regexp.MustCompile(`(?i)<br\s*/?>`)

// breakLines turns Mermaid's <br>, <br/> and <br /> into line breaks.
func breakLines(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	return brRE.ReplaceAllString(s, "\n")
}

// clampToScale keeps v on the scale despite rounding in Scale.MapFrom.
func clampToScale(v float64, sc data.Scale) float64 {
	return math.Min(math.Max(v, float64(sc.Min)), float64(sc.Max))
}

// newMap is an empty map with the defaults the readers give: the default scale, current
// state, draft, one curve point per card.
func newMap(title string) *data.Map {
	return &data.Map{Title: title, Type: data.CurrentState, Status: data.Draft,
		Scale: data.DefaultScale(), Curve: data.CurvePerCard}
}

// sortCards numbers m's stages and lanes from 0, puts its cards in reading order (stage,
// lane, then the order they were read in) and numbers their positions within each cell from 0.
func sortCards(m *data.Map) {
	stagePos := make(map[int64]int, len(m.Stages))
	for i := range m.Stages {
		m.Stages[i].Position = i
		stagePos[m.Stages[i].ID] = i
	}
	lanePos := make(map[int64]int, len(m.Lanes))
	for i := range m.Lanes {
		m.Lanes[i].Position = i
		lanePos[m.Lanes[i].ID] = i
	}
	type key struct{ stage, lane, index int }
	keys := make([]key, len(m.Cards))
	for i, c := range m.Cards {
		keys[i] = key{stagePos[c.StageID], lanePos[c.LaneID], i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.stage != b.stage {
			return a.stage - b.stage
		}
		if a.lane != b.lane {
			return a.lane - b.lane
		}
		return a.index - b.index
	})
	cards := make([]data.Card, len(m.Cards))
	cell := make(map[[2]int]int)
	for i, k := range keys {
		cards[i] = m.Cards[k.index]
		cards[i].Position = cell[[2]int{k.stage, k.lane}]
		cell[[2]int{k.stage, k.lane}]++
	}
	m.Cards = cards
}
