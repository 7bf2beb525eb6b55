package paint

import (
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/fogleman/gg"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// dressedSample is the sample map with what users put on cards: every named colour (and one
// hex outside the palette), notes and tags.
func dressedSample(lang string) *data.Map {
	m := data.SampleMap(lang)
	vi := lang == "vi"
	t := func(en, v string) string {
		if vi {
			return v
		}
		return en
	}
	notes := []string{
		t("Saw it three times this week; the before/after photos caught her eye.", "Thấy ba lần trong tuần; ảnh trước/sau làm chị chú ý."),
		t("Mostly scrolls in the evening, on her phone.", "Thường lướt vào buổi tối, trên điện thoại."),
		t("Worried about breakouts: her skin is sensitive.\n\nAsked a friend first.", "Sợ nổi mụn vì da nhạy cảm.\n\nHỏi bạn trước đã."),
		t("Reads the 1-star reviews first. Wants people with the same skin type.", "Đọc đánh giá 1 sao trước. Muốn xem người có cùng loại da."),
	}
	tags := [][]string{
		{t("awareness", "nhận biết"), "Gen Z"},
		{t("paid", "trả phí")},
		{t("skin type", "loại da"), t("trust", "niềm tin"), "Q3", t("interview #4", "phỏng vấn #4"), t("survey", "khảo sát"), "NPS", t("follow-up", "theo dõi")},
		{t("checkout", "thanh toán"), t("bug", "lỗi"), "P1"},
	}
	for i := range m.Cards {
		c := &m.Cards[i]
		c.Notes = notes[i%len(notes)]
		if i%3 != 2 {
			c.Tags = tags[i%len(tags)]
		}
		switch {
		case i == 4:
			// left plain, to compare
		case i == 9:
			c.Colour = "#8d6e63" // a hex of the user's own
		default:
			c.Colour = geometry.CardColours[i%len(geometry.CardColours)].Hex
		}
	}
	return m
}

// renderFaces paints a map as the export does (geometry.Compute with the header, then
// Canvas.Board on a gg context) at scale 2.
func renderFaces(m *data.Map, theme, lang string, noteLines int) (*image.RGBA, *geometry.Layout) {
	lay := geometry.Compute(m, geometry.Options{Theme: theme, Header: true, Lang: lang, NoteLines: noteLines})
	const scale = 2.0
	w, h := int(lay.Width*scale+0.5), int(lay.ContentBottom*scale+geometry.MarginExport*scale)
	dc := gg.NewContext(w, h)
	dc.SetColor(lay.Palette.Background)
	dc.Clear()
	c := New(dc, scale, geometry.Point{}, lay.Palette)
	c.Board(lay)
	return dc.Image().(*image.RGBA), lay
}

// TestCardFacesShowTheirColour renders the dressed sample map in both languages and themes
// and checks that each card's face shows its tint, that the notes and tags are on it, and
// that plain cards keep the theme's card fill. With JC_FACES_OUT set to a folder it also
// writes the pictures there to look at.
func TestCardFacesShowTheirColour(t *testing.T) {
	out := os.Getenv("JC_FACES_OUT")
	for _, lang := range []string{"vi", "en"} {
		m := dressedSample(lang)
		for _, theme := range []string{"light", "dark"} {
			img, lay := renderFaces(m, theme, lang, 2)
			pal := lay.Palette
			byID := map[int64]*data.Card{}
			for i := range m.Cards {
				byID[m.Cards[i].ID] = &m.Cards[i]
			}
			for i := range lay.Cards {
				cb := &lay.Cards[i]
				c := byID[cb.ID]
				want := pal.CardTint(c.Colour).Fill
				if c.Colour == "" && want != pal.CardFill {
					t.Errorf("%s %s: plain card %d: tint %v, want the card fill %v", lang, theme, cb.ID, want, pal.CardFill)
				}
				if c.Colour != "" && want == pal.CardFill {
					t.Errorf("%s %s: card %d coloured %s shows the plain card fill", lang, theme, cb.ID, c.Colour)
				}
				// Just inside the top right corner, clear of text.
				r := cb.Rect
				px := img.RGBAAt(int((r.Right()-8)*2), int((r.Y+3)*2))
				if got := [3]uint8{px.R, px.G, px.B}; got != [3]uint8{want.R, want.G, want.B} {
					t.Errorf("%s %s: card %d (%q): face is %v, want %v", lang, theme, cb.ID, c.Colour, got, want)
				}
				if len(cb.Notes) == 0 {
					t.Errorf("%s %s: card %d shows no notes", lang, theme, cb.ID)
				}
				if len(c.Tags) > 0 && len(cb.Tags) == 0 {
					t.Errorf("%s %s: card %d shows no tags", lang, theme, cb.ID)
				}
				for _, chip := range cb.Tags {
					if chip.Rect.X < r.X+geometry.CardPad-1e-9 || chip.Rect.Right() > r.Right()-geometry.CardPad+1e-9 || chip.Rect.Bottom() > r.Bottom() {
						t.Errorf("%s %s: card %d: tag chip %q at %v sticks out of the card %v", lang, theme, cb.ID, chip.Label.Text, chip.Rect, r)
					}
				}
			}
			if out != "" {
				path := filepath.Join(out, fmt.Sprintf("faces-%s-%s.png", lang, theme))
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := png.Encode(f, img); err != nil {
					t.Fatal(err)
				}
				f.Close()
				t.Logf("wrote %s", path)
			}
		}
	}
}
