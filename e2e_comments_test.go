package main

import (
	"fmt"
	"image"
	"testing"
	"time"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// TestE2ECommentOnACard drives a comment in the real window: right-click a card, Comment…
// (with the keyboard in the menu), type a Vietnamese comment, Ctrl+Enter. The file holds
// the thread on that card, and the card's face shows the bubble with its count. Then another
// program (a second store) replies under another name and has the map open: within a second
// the window shows the new count and the other's name.
func TestE2ECommentOnACard(t *testing.T) {
	needDisplay(t)
	ws, id, m := makeWorkspace(t, data.SampleMap("vi"))
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	card := lay.Cards[0]
	text := "Khách muốn biết phí giao hàng"
	app := startApp(t, ws)
	img := screenshot(t, "comment-0-start.png")
	ox, oy := boardOrigin(t, img, lay, m.Stages[0].Colour)
	x, y := fmt.Sprint(int(ox+card.Rect.X+card.Rect.W/2)), fmt.Sprint(int(oy+card.Rect.Y+card.Rect.H*0.3))
	pause := func() { time.Sleep(400 * time.Millisecond) }
	app.xdo("mousemove", x, y)
	pause()
	app.xdo("click", "3")
	pause()
	// Edit title, Edit notes, Colour, Emotion score, Pain point, Opportunity, Moment of truth,
	// Comment…
	app.xdo("key", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down")
	pause()
	screenshot(t, "comment-1-menu.png")
	app.xdo("key", "Return")
	pause()
	app.xdo("type", "--delay", "200", text)
	pause()
	app.xdo("key", "ctrl+Return")
	pause()
	s, err := data.Open(ws, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	th := got.ThreadsOn(data.OnCard, card.ID)
	if len(th) != 1 || th[0].Text != text {
		t.Fatalf("threads on the card in the file: %+v", th)
	}
	img = screenshot(t, "comment-2-sent.png")
	bubble := func(img *image.RGBA) bool {
		r := image.Rect(int(ox+card.Rect.X), int(oy+card.Rect.Y), int(ox+card.Rect.Right()), int(oy+card.Rect.Bottom())+30)
		sub := img.SubImage(r).(*image.RGBA)
		_, ok := findColour(sub, "#3B5BDB")
		return ok
	}
	if !bubble(img) {
		t.Fatal("the card shows no comment bubble")
	}
	// Minh replies from another program and has the map open.
	s.SetAuthor("Minh", "e2e.1")
	if _, err := s.AddComment(data.Comment{MapID: id, ParentID: th[0].ID, Text: "Đã thêm ở bước thanh toán"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Here(id); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	screenshot(t, "comment-3-reply.png")
	app.quit()
}
