package main

import (
	"fmt"
	"testing"
	"time"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// Lan types a card's notes in the real window while Minh, another program on the same file,
// changes the card's channel. Her form shows his channel at once, so when she Tabs to the
// channel and adds to it, she adds to his value; the file keeps her notes and both channels.
func TestE2ETypingWhileAnotherEdits(t *testing.T) {
	needDisplay(t)
	ws, id, m := makeWorkspace(t, data.SampleMap("vi"))
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	first, second := lay.Cards[0], lay.Cards[1]
	app := startApp(t, ws)
	img := screenshot(t, "together-0.png")
	ox, oy := boardOrigin(t, img, lay, m.Stages[0].Colour)
	at := func(r geometry.Rect) (string, string) {
		return fmt.Sprint(int(ox + r.X + r.W/2)), fmt.Sprint(int(oy + r.Y + r.H*0.3))
	}
	pause := func() { time.Sleep(400 * time.Millisecond) }
	x, y := at(first.Rect)
	app.xdo("mousemove", x, y)
	app.xdo("click", "1")
	pause()
	app.xdo("click", "3")
	pause()
	app.xdo("key", "Down", "Down", "Return") // Edit notes: the inspector's notes field
	pause()
	app.xdo("type", "--delay", "200", "Khách hỏi")

	minh, err := data.Open(ws, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer minh.Close()
	minh.SetAuthor("Minh", "e2e.2")
	if err := minh.EditCard(id, first.ID, func(c *data.Card) { c.Channel = "Zalo" }); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1200 * time.Millisecond) // the window hears of it within a second
	app.xdo("key", "Tab", "End")        // to the channel field, after its text
	app.xdo("type", "--delay", "200", ", Email")
	screenshot(t, "together-1-channel.png")
	x, y = at(second.Rect)
	app.xdo("mousemove", x, y)
	pause()
	app.xdo("click", "1") // leaving the form saves it
	pause()
	app.quit()

	got, err := minh.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	c := got.Card(first.ID)
	if c.Notes != "Khách hỏi" || c.Channel != "Zalo, Email" {
		t.Fatalf("in the file: notes %q, channel %q (want %q, %q)", c.Notes, c.Channel, "Khách hỏi", "Zalo, Email")
	}
}
