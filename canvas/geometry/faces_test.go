package geometry_test

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// TestCardTintContrast computes, for every named card colour (and no colour) in both themes,
// the WCAG contrast of each text colour of the face against what it sits on: title, notes,
// channel and metric on the fill; tag text on its chip. All must reach 4.5:1. A coloured face
// must look coloured (not the plain card), light in the light theme and dark in the dark one.
func TestCardTintContrast(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		pal := geometry.Theme(theme)
		hexes := []string{""}
		for _, nc := range geometry.CardColours {
			hexes = append(hexes, nc.Hex)
		}
		for _, hex := range hexes {
			ct := pal.CardTint(hex)
			text := geometry.Contrast(ct.Text, ct.Fill)
			muted := geometry.Contrast(ct.Muted, ct.Fill)
			chip := geometry.Contrast(ct.ChipText, ct.Chip)
			name, _ := geometry.ColourName(hex)
			t.Logf("%-5s %-14s fill #%02X%02X%02X  text %5.2f  muted %5.2f  chip %5.2f", theme, name, ct.Fill.R, ct.Fill.G, ct.Fill.B, text, muted, chip)
			for what, c := range map[string]float64{"text": text, "muted text": muted, "tag text": chip} {
				if c < geometry.MinContrast {
					t.Errorf("%s %s (%s): %s contrast %.2f, want ≥ %.1f", theme, name, hex, what, c, geometry.MinContrast)
				}
			}
			if hex == "" {
				if ct.Fill != pal.CardFill || ct.Border != pal.CardBorder || ct.Text != pal.Text || ct.Muted != pal.Muted {
					t.Errorf("%s: a card without a colour must keep the theme's card colours, got %+v", theme, ct)
				}
				continue
			}
			if d := dist(ct.Fill, pal.CardFill); d < 40 {
				t.Errorf("%s %s: fill %v is too close to the plain card %v (%.0f)", theme, name, ct.Fill, pal.CardFill, d)
			}
			l := geometry.Luminance(ct.Fill)
			if (!pal.Dark && (l < 0.5 || l > 0.85)) || (pal.Dark && l > 0.15) {
				t.Errorf("%s %s: fill luminance %.3f is not a %s tint", theme, name, l, theme)
			}
			if ct.Border == ct.Fill || ct.Chip == ct.Fill {
				t.Errorf("%s %s: border or chip does not stand out from the fill: %+v", theme, name, ct)
			}
		}
	}
}

// TestCardTintAnyHex checks that any colour a user types (a grid over the RGB cube) gives a
// readable face in both themes.
func TestCardTintAnyHex(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		pal := geometry.Theme(theme)
		for r := 0; r < 256; r += 51 {
			for g := 0; g < 256; g += 51 {
				for b := 0; b < 256; b += 51 {
					hex := fmt.Sprintf("#%02x%02x%02x", r, g, b)
					ct := pal.CardTint(hex)
					for what, c := range map[string]float64{
						"text": geometry.Contrast(ct.Text, ct.Fill), "muted text": geometry.Contrast(ct.Muted, ct.Fill),
						"tag text": geometry.Contrast(ct.ChipText, ct.Chip)} {
						if c < geometry.MinContrast {
							t.Errorf("%s %s: %s contrast %.2f", theme, hex, what, c)
						}
					}
				}
			}
		}
	}
}

func dist(a, b color.NRGBA) float64 {
	d := func(x, y uint8) float64 { return float64(x) - float64(y) }
	return abs(d(a.R, b.R)) + abs(d(a.G, b.G)) + abs(d(a.B, b.B))
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestColourName finds the named colour of a stored hex whatever its case, and none for
// a colour outside the palette; the palette's keys and colours are distinct.
func TestColourName(t *testing.T) {
	keys, hexes := map[string]bool{}, map[string]bool{}
	for _, nc := range geometry.CardColours {
		if !strings.HasPrefix(nc.Key, "colour.") || keys[nc.Key] || hexes[strings.ToUpper(nc.Hex)] {
			t.Errorf("palette entry %+v: key must be colour.* and keys and colours distinct", nc)
		}
		keys[nc.Key], hexes[strings.ToUpper(nc.Hex)] = true, true
		if _, ok := geometry.ParseColour(nc.Hex); !ok || len(nc.Hex) != 7 {
			t.Errorf("%s: %q is not #RRGGBB", nc.Key, nc.Hex)
		}
		for _, h := range []string{nc.Hex, strings.ToLower(nc.Hex), strings.ToUpper(nc.Hex), " " + nc.Hex} {
			if k, ok := geometry.ColourName(h); !ok || k != nc.Key {
				t.Errorf("ColourName(%q) = %q, %v; want %q", h, k, ok, nc.Key)
			}
		}
	}
	if n := len(geometry.CardColours); n < 8 || n > 10 {
		t.Errorf("%d named colours; want 8 to 10", n)
	}
	for _, h := range []string{"", "#123456", "yellow", "#FCC41"} {
		if k, ok := geometry.ColourName(h); ok {
			t.Errorf("ColourName(%q) = %q, want none", h, k)
		}
	}
}

// dressed gives a map's cards what users put on them: colours (named and not), notes of
// every length and tags, in a fixed pseudo-random mix.
func dressed(m *data.Map) *data.Map {
	notes := []string{"", "Short note.", "A note long enough to need two lines or more on a card of the default width, and then some more words.", "Dòng một\n\nDòng hai rất dài để phải xuống dòng trên thẻ có chiều rộng mặc định"}
	tags := [][]string{nil, {"a"}, {"awareness", "Gen Z"}, {"nhận biết", "trả phí", "loại da", "niềm tin", "phỏng vấn #4", "khảo sát", "theo dõi", "Q3"}}
	for i := range m.Cards {
		c := &m.Cards[i]
		c.Notes = notes[i%len(notes)]
		c.Tags = tags[(i/3)%len(tags)]
		if i%5 == 4 {
			c.Colour = "#8d6e63"
		} else if i%5 > 0 {
			c.Colour = geometry.CardColours[i%len(geometry.CardColours)].Hex
		}
	}
	return m
}

func faceMap(cards ...data.Card) *data.Map {
	m := &data.Map{Title: "Faces", Scale: data.DefaultScale()}
	m.Stages = []data.Stage{{ID: 1, Name: "Stage"}}
	m.Lanes = []data.Lane{{ID: 1, Name: "Steps", Kind: data.LaneSteps}}
	for i := range cards {
		cards[i].ID, cards[i].StageID, cards[i].LaneID, cards[i].Position = int64(i+1), 1, 1, i
	}
	m.Cards = cards
	return m
}

// TestNotesOnFace shows the first lines of the notes under the title when the map asks for
// them, wrapped and cut with an ellipsis, blank lines left out; without notes or with
// NoteLines 0 the card is as tall as before.
func TestNotesOnFace(t *testing.T) {
	long := "Reads the one-star reviews first because she wants to hear from people with the same skin type as hers, then checks the price on two other shops before deciding anything at all."
	m := faceMap(
		data.Card{Title: "Reads reviews", Notes: long},
		data.Card{Title: "Asks a friend", Notes: "  First line\n\n\nSecond line  "},
		data.Card{Title: "No notes"},
	)
	plain := geometry.Compute(m, geometry.Options{})
	for _, c := range plain.Cards {
		if len(c.Notes) != 0 {
			t.Errorf("NoteLines 0: card %d shows notes %v", c.ID, c.Notes)
		}
	}
	for _, n := range []int{1, 2, 3, 7} {
		l := geometry.Compute(m, geometry.Options{NoteLines: n})
		want := min(n, geometry.MaxNoteLines)
		c1, c2, c3 := l.Card(1), l.Card(2), l.Card(3)
		if len(c1.Notes) != want || !strings.HasSuffix(c1.Notes[len(c1.Notes)-1].Text, geometry.Ellipsis) {
			t.Errorf("NoteLines %d: long notes show %d lines %q, want %d ending in …", n, len(c1.Notes), texts(c1.Notes), want)
		}
		// One line runs the lines together, as a cut title does, and ends in "…".
		if got := texts(c2.Notes); (n == 1 && (!strings.HasPrefix(got, "First line") || !strings.HasSuffix(got, geometry.Ellipsis))) || (n > 1 && got != "First line|Second line") {
			t.Errorf("NoteLines %d: notes with blank lines show %q", n, got)
		}
		for _, tl := range c1.Notes {
			if tl.Size != geometry.NoteSize || tl.X+tl.W > c1.Rect.Right()-geometry.CardPad+1e-9 || tl.Y < c1.Title[len(c1.Title)-1].Y {
				t.Errorf("NoteLines %d: note line %+v misplaced in %v", n, tl, c1.Rect)
			}
		}
		if c3.Rect.H != plain.Card(3).Rect.H || len(c3.Notes) != 0 {
			t.Errorf("NoteLines %d: a card without notes changed: %v, was %v", n, c3.Rect, plain.Card(3).Rect)
		}
		if got, was := c1.Rect.H, plain.Card(1).Rect.H; got <= was {
			t.Errorf("NoteLines %d: the card with notes is %v tall, no taller than without (%v)", n, got, was)
		}
	}
}

func texts(ls []geometry.TextLine) string {
	var s []string
	for _, l := range ls {
		s = append(s, l.Text)
	}
	return strings.Join(s, "|")
}

// TestTagChips lays tags out as chips in at most two rows inside the card, the rest counted
// in a "+N" chip; a tag too long for the card is cut with an ellipsis.
func TestTagChips(t *testing.T) {
	many := []string{"awareness", "paid social", "Gen Z", "interview #4", "survey", "NPS", "trust", "skin type", "Q3", "follow-up"}
	m := faceMap(
		data.Card{Title: "Few", Tags: []string{"awareness", " ", "Gen Z"}},
		data.Card{Title: "Many", Tags: many},
		data.Card{Title: "Long", Tags: []string{"a tag so long that it could never fit on one card however narrow the words are"}},
		data.Card{Title: "None", Channel: "Email"},
	)
	l := geometry.Compute(m, geometry.Options{})
	check(t, "tags", m, l)
	few, lots, long, none := l.Card(1), l.Card(2), l.Card(3), l.Card(4)
	if got := chipTexts(few); got != "awareness|Gen Z" {
		t.Errorf("few tags: chips %q", got)
	}
	if few.Tags[0].Rect.Y != few.Tags[1].Rect.Y {
		t.Errorf("two short tags should share a row: %v %v", few.Tags[0].Rect, few.Tags[1].Rect)
	}
	rows := map[float64]bool{}
	for _, c := range lots.Tags {
		rows[c.Rect.Y] = true
	}
	last := lots.Tags[len(lots.Tags)-1].Label.Text
	hidden := len(many) - (len(lots.Tags) - 1)
	if len(rows) != 2 || last != fmt.Sprintf("+%d", hidden) || hidden < 1 {
		t.Errorf("many tags: %d rows, chips %q; want 2 rows ending in +%d", len(rows), chipTexts(lots), hidden)
	}
	for i, c := range lots.Tags[:len(lots.Tags)-1] {
		if c.Label.Text != many[i] {
			t.Errorf("many tags: chip %d reads %q, want %q", i, c.Label.Text, many[i])
		}
	}
	if len(long.Tags) != 1 || !strings.HasSuffix(long.Tags[0].Label.Text, geometry.Ellipsis) {
		t.Errorf("long tag: chips %q, want one ending in …", chipTexts(long))
	}
	if len(none.Tags) != 0 {
		t.Errorf("a card without tags has chips %q", chipTexts(none))
	}
	// Zoom scales the chips with everything else.
	z := geometry.Compute(m, geometry.Options{Zoom: 2}).Card(2)
	for i := range z.Tags {
		a, b := lots.Tags[i], z.Tags[i]
		if b.Rect.W != 2*a.Rect.W || b.Rect.Y != 2*a.Rect.Y || b.Label.Size != 2*a.Label.Size || b.Label.Text != a.Label.Text {
			t.Errorf("zoom 2: chip %d %+v, at zoom 1 %+v", i, b, a)
		}
	}
}

func chipTexts(c *geometry.CardBox) string {
	var s []string
	for _, ch := range c.Tags {
		s = append(s, ch.Label.Text)
	}
	return strings.Join(s, "|")
}

// BenchmarkCompute1000Dressed is BenchmarkCompute1000 with colours, notes (two lines shown)
// and tags on the cards.
func BenchmarkCompute1000Dressed(b *testing.B) {
	m := dressed(testmaps.Big(1000, 12, 6))
	opt := geometry.Options{NoteLines: 2}
	geometry.Compute(m, opt)
	b.ReportAllocs()
	for b.Loop() {
		geometry.Compute(m, opt)
	}
}
