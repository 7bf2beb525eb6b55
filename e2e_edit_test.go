package main

import (
	"encoding/json"
	"fmt"
	"image"
	"strconv"
	"testing"
	"time"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// TestE2EEditingLoop drives the editing loop in the real window with the mouse and keyboard,
// as a user would, and checks the file afterwards:
//   - right-click a card and choose a colour from the menu (keyboard in the menu);
//   - double-click an empty cell and type a Vietnamese title, Enter;
//   - type notes into the inspector and click another card, without Enter;
//   - Ctrl+A in a card's title editor, then typing, replaces the title;
//   - Ctrl+F a phrase typed without accents, Esc, Ctrl+D: the found card was selected;
//   - zoom to 156 % and check on the screenshot that the first stage's card is whole, not
//     covered by the pinned lane headers; scroll sideways and check the headers stay pinned
//     and opaque.
func TestE2EEditingLoop(t *testing.T) {
	needDisplay(t)
	ws, id, m := makeWorkspace(t, data.SampleMap("vi"))
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	first := lay.Cards[0] // Nhận thức × Hành động
	second := lay.Cards[1]
	emptyCell := lay.Cell(m.Stages[1].ID, m.Lanes[2].ID) // Cân nhắc × Suy nghĩ
	if len(m.CellCards(emptyCell.StageID, emptyCell.LaneID)) != 0 {
		t.Fatal("the sample map changed: the cell is not empty")
	}
	title, notes, retitle := "Đặt hàng qua Zalo", "Khách hỏi giá trên Zalo", "Tìm đánh giá"
	app := startApp(t, ws)
	img := screenshot(t, "edit-0-start.png")
	ox, oy := boardOrigin(t, img, lay, m.Stages[0].Colour)
	at := func(r geometry.Rect, fx, fy float64) (string, string) {
		return fmt.Sprint(int(ox + r.X + r.W*fx)), fmt.Sprint(int(oy + r.Y + r.H*fy))
	}
	pause := func() { time.Sleep(400 * time.Millisecond) }

	// 1. Right-click the first card, Colour › Xanh dương (blue) with the keyboard.
	x, y := at(first.Rect, 0.5, 0.3)
	app.xdo("mousemove", x, y)
	pause()
	app.xdo("click", "3")
	pause()
	screenshot(t, "edit-1-menu.png")
	// Edit title, Edit notes, Colour › (Right opens it on No colour) yellow, orange, red,
	// pink, purple, blue.
	app.xdo("key", "Down", "Down", "Down", "Right")
	pause()
	app.xdo("key", "Down", "Down", "Down", "Down", "Down", "Down")
	pause()
	screenshot(t, "edit-1-submenu.png")
	app.xdo("key", "Return")
	pause()

	// 2. Double-click the empty cell and type a Vietnamese title.
	x, y = at(emptyCell.Rect, 0.5, 0.5)
	app.xdo("mousemove", x, y)
	pause()
	app.xdo("click", "--repeat", "2", "--delay", "80", "1")
	pause()
	// xdotool types a letter missing from the keyboard map by remapping a spare key: the app
	// must see the new map before the key, hence the slow typing.
	app.xdo("type", "--delay", "200", title)
	pause()
	screenshot(t, "edit-2-typing.png")
	app.xdo("key", "Return")
	pause()

	// 3. Notes typed into the inspector, then a click on another card: no Enter, no Apply.
	x, y = at(first.Rect, 0.5, 0.3)
	app.xdo("mousemove", x, y)
	app.xdo("click", "1")
	pause()
	app.xdo("click", "3")
	pause()
	app.xdo("key", "Down", "Down", "Return") // Edit notes
	pause()
	app.xdo("type", "--delay", "200", notes)
	x, y = at(second.Rect, 0.5, 0.3)
	app.xdo("mousemove", x, y)
	pause()
	app.xdo("click", "1")
	pause()
	screenshot(t, "edit-3-notes.png")

	// 3b. Double-click the second card: its title opens; End, then Ctrl+A selects all of it
	// again and typing replaces it.
	x, y = at(second.Rect, 0.5, 0.3)
	app.xdo("mousemove", x, y)
	app.xdo("click", "--repeat", "2", "--delay", "80", "1")
	pause()
	app.xdo("key", "End", "ctrl+a")
	app.xdo("type", "--delay", "200", retitle)
	screenshot(t, "edit-3b-retitle.png")
	app.xdo("key", "Return")
	pause()

	// 4. Ctrl+F without accents finds the new card and selects it; Esc; Ctrl+D copies it.
	app.xdo("key", "ctrl+f")
	pause()
	app.xdo("type", "--delay", "40", "dat hang qua")
	pause()
	screenshot(t, "edit-4-search.png")
	app.xdo("key", "Escape")
	pause()
	app.xdo("key", "ctrl+d")
	pause()

	// 5. Zoom to 156 % (two Ctrl+=, the pointer off the board) and scroll sideways: the
	// first stage's card slides under the pinned lane headers, which stay opaque.
	app.xdo("mousemove", "5", "500")
	app.xdo("key", "ctrl+equal")
	pause()
	app.xdo("key", "ctrl+equal")
	pause()
	light := geometry.Theme("light")
	blue := hexOf(light.CardTint("#4DABF7").Fill)
	full := first.Rect.W * 1.5625
	onBoard := func() (string, string) { return fmt.Sprint(int(ox + 600)), fmt.Sprint(int(oy + 300)) }
	x, y = onBoard()
	app.xdo("mousemove", x, y)
	scrollUntil := func(button string, done func(image.Rectangle, bool) bool, name string) (image.Rectangle, *image.RGBA) {
		for i := 0; i < 60; i++ {
			img := screenshot(t, name)
			box, ok := findColour(img, blue)
			if done(box, ok) {
				return box, img
			}
			app.xdo("click", button)
			time.Sleep(150 * time.Millisecond)
		}
		t.Fatalf("scrolling with button %s never reached the state wanted (%s)", button, name)
		return image.Rectangle{}, nil
	}
	// Right (button 7) until the card is partly under the lane headers.
	box, img := scrollUntil("7", func(b image.Rectangle, ok bool) bool { return ok && float64(b.Dx()) < full-30 }, "edit-5-scrolled.png")
	midY := box.Min.Y + box.Dy()/2
	left := img.PixOffset(box.Min.X-3, midY)
	got := fmt.Sprintf("#%02X%02X%02X", img.Pix[left], img.Pix[left+1], img.Pix[left+2])
	if got != hexOf(light.LaneHeader) && got != hexOf(light.Background) {
		t.Errorf("left of the visible part of the card the pinned column shows %s, not a header's %s or the board's %s: see-through",
			got, hexOf(light.LaneHeader), hexOf(light.Background))
	}
	// Back left (button 6) to the start: the card is whole again, not covered.
	box, _ = scrollUntil("6", func(b image.Rectangle, ok bool) bool { return ok && float64(b.Dx()) >= full-4 }, "edit-6-back.png")
	if float64(box.Dx()) > full+4 {
		t.Errorf("the card is %d px wide at 156 %%, want %.0f", box.Dx(), full)
	}

	app.quit()

	out, errOut, code := run(t, "dump", ws, "--map", strconv.FormatInt(id, 10))
	if code != 0 {
		t.Fatalf("dump: %d %s", code, errOut)
	}
	var dump struct {
		Cards []struct{ Stage, Lane, Title, Notes, Colour string }
	}
	if err := json.Unmarshal([]byte(out), &dump); err != nil {
		t.Fatal(err)
	}
	var titled, retitled int
	for _, c := range dump.Cards {
		switch c.Title {
		case retitle:
			retitled++
		case title:
			titled++
		case m.Card(first.ID).Title:
			if c.Colour != "#4DABF7" {
				t.Errorf("colour chosen from the right-click menu: %q", c.Colour)
			}
			if c.Notes != notes {
				t.Errorf("notes typed then a click elsewhere: %q", c.Notes)
			}
		}
	}
	if retitled != 1 {
		t.Errorf("Ctrl+A in the title editor then typing did not give the title %q:\n%s", retitle, out)
	}
	if titled != 2 {
		t.Errorf("%d cards titled exactly %q (want the one added and its copy made after Ctrl+F):\n%s", titled, title, out)
	}
}

func hexOf(c interface{ RGBA() (r, g, b, a uint32) }) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}
