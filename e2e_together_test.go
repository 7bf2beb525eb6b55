package main

import (
	"fmt"
	"image/color"
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

// Lan renames a stage and a lane on the board in the real window (a double-click on the
// header, the name typed over) while Minh, another program on the same file, changes that
// stage's summary and that lane's kind. Her Return saves only the name: the file keeps her
// names and his changes, and the board shows her names.
func TestE2ERenamingWhileAnotherEdits(t *testing.T) {
	needDisplay(t)
	ws, id, m := makeWorkspace(t, data.SampleMap("vi"))
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	stage, lane := lay.Stages[1], lay.Lanes[2]
	app := startApp(t, ws)
	img := screenshot(t, "rename-0.png")
	ox, oy := boardOrigin(t, img, lay, m.Stages[0].Colour)
	at := func(r geometry.Rect) (string, string) {
		return fmt.Sprint(int(ox + r.X + r.W/2)), fmt.Sprint(int(oy + r.Y + r.H/2))
	}
	minh, err := data.Open(ws, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer minh.Close()
	minh.SetAuthor("Minh", "e2e.2")
	rename := func(r geometry.Rect, name string, meanwhile func() error) {
		x, y := at(r)
		app.xdo("mousemove", x, y)
		time.Sleep(300 * time.Millisecond)
		app.xdo("click", "--repeat", "2", "--delay", "80", "1") // the name editor, over the header
		time.Sleep(600 * time.Millisecond)
		app.xdo("key", "ctrl+a")
		app.xdo("type", "--delay", "120", name)
		if err := meanwhile(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(1200 * time.Millisecond) // the window hears of it within a second
		app.xdo("key", "Return")
		time.Sleep(600 * time.Millisecond)
	}
	rename(stage.Header, "Tìm hiểu kỹ", func() error {
		return minh.EditStage(id, stage.ID, func(s *data.Stage) { s.Description = "Khách so sánh giá" })
	})
	rename(lane.Header, "Cảm nghĩ", func() error {
		return minh.EditLane(id, lane.ID, func(l *data.Lane) { l.Kind = data.LanePainPoints })
	})
	time.Sleep(500 * time.Millisecond)
	shot := screenshot(t, "rename-1-done.png")
	app.quit()

	got, err := minh.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	s, l := got.Stage(stage.ID), got.Lane(lane.ID)
	if s.Name != "Tìm hiểu kỹ" || s.Description != "Khách so sánh giá" {
		t.Fatalf("the stage in the file: name %q, summary %q", s.Name, s.Description)
	}
	if l.Name != "Cảm nghĩ" || l.Kind != data.LanePainPoints {
		t.Fatalf("the lane in the file: name %q, kind %q", l.Name, l.Kind)
	}
	// Minh's change of kind reached the screen while Lan typed: the renamed lane's empty cell
	// (Cân nhắc × the lane) has the hint of a pain-point lane.
	cell := lay.Cell(stage.ID, lane.ID)
	pal := geometry.Theme("light")
	px := shot.RGBAAt(int(ox+cell.Rect.X+cell.Rect.W/2), int(oy+cell.Rect.Y+cell.Rect.H/2))
	want, before := pal.CellColour(data.LanePainPoints, 2), pal.CellColour(m.Lanes[2].Kind, 2)
	near := func(a color.RGBA, b color.NRGBA) bool {
		d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
		return d(a.R, b.R) <= 2 && d(a.G, b.G) <= 2 && d(a.B, b.B) <= 2
	}
	if !near(px, want) || near(px, before) {
		t.Fatalf("the lane's empty cell is %v on the screen, want the pain-point hint %v (was %v)", px, want, before)
	}
}

// A long title typed letter by letter into a card on the board, in the real window, keeps every
// space where it was typed, however the editor wraps it (see wrapTyping in canvas: Fyne's test
// driver put the letter after a space that started a new row before that space).
func TestE2ELongTitleWraps(t *testing.T) {
	needDisplay(t)
	ws, id, m := makeWorkspace(t, data.SampleMap("en"))
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	card := lay.Cards[0]
	app := startApp(t, ws)
	img := screenshot(t, "longtitle-0.png")
	ox, oy := boardOrigin(t, img, lay, m.Stages[0].Colour)
	x, y := fmt.Sprint(int(ox+card.Rect.X+card.Rect.W/2)), fmt.Sprint(int(oy+card.Rect.Y+card.Rect.H*0.3))
	app.xdo("mousemove", x, y)
	app.xdo("click", "--repeat", "2", "--delay", "80", "1") // the title editor, its text selected
	time.Sleep(600 * time.Millisecond)
	const title = "She asks the price in a message then books a visit on Saturday to try two colours " +
		"and ask about the loyalty card at the shop near her office"
	app.xdo("type", "--delay", "25", title)
	time.Sleep(300 * time.Millisecond)
	screenshot(t, "longtitle-1-typed.png")
	app.xdo("key", "Return")
	time.Sleep(500 * time.Millisecond)
	app.quit()
	got := mapIn(t, ws, id)
	if n := got.Card(card.ID).Title; n != title {
		t.Fatalf("the title in the file:\n%q\nwant\n%q", n, title)
	}
}
