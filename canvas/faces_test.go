package canvas

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// countColour counts the pixels of img that are exactly c.
func countColour(img image.Image, c color.NRGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) == c {
				n++
			}
		}
	}
	return n
}

// TestBoardCardFaces shows a card's colour as the tint of its face on the board, with its
// tags as chips; a colour given by another edit repaints the face at once; selecting a card
// does not change its height. With JC_FACES_OUT set it saves the captures there.
func TestBoardCardFaces(t *testing.T) {
	m := data.SampleMap("en")
	m.Cards[0].Colour = "#ffd43b" // the palette's yellow, typed in lower case
	m.Cards[0].Tags = []string{"awareness", "Gen Z"}
	m.Cards[3].Colour = "#4DABF7"
	u, w := newTestUI(t, m)
	w.SetContent(u.board.scroll)
	w.Resize(fyne.NewSize(1200, 900))
	pal := u.board.lay.Palette
	yellow, blue := pal.CardTint("#FFD43B").Fill, pal.CardTint("#4DABF7").Fill
	save := func(name string, img image.Image) {
		if dir := os.Getenv("JC_FACES_OUT"); dir != "" {
			writePNG(t, filepath.Join(dir, name), img)
		}
	}
	img := w.Canvas().Capture()
	save("board-faces-light.png", img)
	if n := countColour(img, yellow); n < 2000 {
		t.Errorf("the yellow card's face shows %d pixels of its tint %v", n, yellow)
	}
	if n := countColour(img, blue); n < 2000 {
		t.Errorf("the blue card's face shows %d pixels of its tint %v", n, blue)
	}
	first := u.board.lay.Cards[0]
	for i := range u.board.lay.Cards {
		if c := u.board.lay.Cards[i]; c.ID == m.Cards[0].ID {
			first = c
		}
	}
	if len(first.Tags) != 2 || first.Tags[0].Label.Text != "awareness" {
		t.Errorf("the first card's chips: %+v", first.Tags)
	}

	// Another edit makes the blue card green: the face follows.
	c := reloadMap(t, u).Card(m.Cards[3].ID)
	nc := *c
	green := "#69DB7C"
	nc.Colour = green
	if err := u.apply(func() error { return u.st.UpdateCard(nc) }); err != nil {
		t.Fatal(err)
	}
	img = w.Canvas().Capture()
	if n := countColour(img, blue); n > 0 {
		t.Errorf("after the recolouring %d pixels still show the old tint", n)
	}
	if n := countColour(img, pal.CardTint(green).Fill); n < 2000 {
		t.Errorf("after the recolouring the face shows %d pixels of the green tint", n)
	}
	if got := reloadMap(t, u).Card(nc.ID).Colour; got != green {
		t.Errorf("the file keeps colour %q, want %q", got, green)
	}

	// Selecting a card leaves every card's height as it was.
	before := map[int64]float64{}
	for _, cb := range u.board.lay.Cards {
		before[cb.ID] = cb.Rect.H
	}
	test.Tap(u.board.cards[nc.ID])
	if !u.board.isSelected(nc.ID) {
		t.Fatal("the tap did not select the card")
	}
	for _, cb := range u.board.lay.Cards {
		if cb.Rect.H != before[cb.ID] {
			t.Errorf("card %d: %v tall when another is selected, %v before", cb.ID, cb.Rect.H, before[cb.ID])
		}
	}

	u.setThemeMode(themeDark)
	img = w.Canvas().Capture()
	save("board-faces-dark.png", img)
	dark := geometry.Theme("dark")
	if n := countColour(img, dark.CardTint("#FFD43B").Fill); n < 2000 {
		t.Errorf("dark theme: the yellow card shows %d pixels of its dark tint", n)
	}
}
