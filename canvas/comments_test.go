package canvas

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// buttonIn finds the first button labelled text under o (depth first).
func buttonIn(o fyne.CanvasObject, text string) *widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		if v.Text == text {
			return v
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if b := buttonIn(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// linkIn finds the first hyperlink reading text under o (depth first).
func linkIn(o fyne.CanvasObject, text string) *widget.Hyperlink {
	switch v := o.(type) {
	case *widget.Hyperlink:
		if v.Text == text {
			return v
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if h := linkIn(c, text); h != nil {
				return h
			}
		}
	}
	return nil
}

// A user right-clicks a card, picks Comment…, types a Vietnamese comment and sends it with
// Ctrl+Enter; a reply follows; resolving hides the thread and its badge; undo brings both
// back. Each step is checked in the file and on the board.
func TestCommentOnACardWithBadgeResolveUndo(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	u.app.Preferences().SetString(prefAuthor, "Lan")
	u.signEdits()
	b := u.board
	cb := b.lay.Cards[1]
	b.cards[cb.ID].TappedSecondary(&fyne.PointEvent{Position: fyne.NewPos(10, 10)})
	item := menuItem(t, b.lastMenu, lang.L("Comment…"))
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top()) // a click on an item closes the menu
	item.Action()
	p := u.comments
	if p.tabs.Selected() != p.tab {
		t.Fatal("Comment… did not show the comments panel")
	}
	if w.Canvas().Focused() != p.entry {
		t.Fatal("the comment box does not have the keyboard")
	}
	title := u.m.Card(cb.ID).Title
	if !strings.Contains(p.onLbl.Text, title) {
		t.Fatalf("the box says %q, not the card %q", p.onLbl.Text, title)
	}
	test.Type(p.entry, "Phí giao hàng hiện ở đâu? Khách không thấy.")
	p.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	th := reloadMap(t, u).ThreadsOn(data.OnCard, cb.ID)
	if len(th) != 1 || th[0].Text != "Phí giao hàng hiện ở đâu? Khách không thấy." || th[0].Author != "Lan" {
		t.Fatalf("threads in the file: %+v", th)
	}
	if p.entry.Text != "" {
		t.Fatalf("the box kept %q after sending", p.entry.Text)
	}
	badge := func() string {
		if c := b.lay.Card(cb.ID); c != nil && c.Comments != nil {
			return c.Comments.Label.Text
		}
		return ""
	}
	if badge() != "1" || p.tab.Text != "Comments (1)" {
		t.Fatalf("badge %q, tab %q", badge(), p.tab.Text)
	}
	// The badge is painted: its middle has the badge colour on the board.
	shot := w.Canvas().Capture()
	box := b.lay.Card(cb.ID)
	br := box.Comments.Rect
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b.cards[cb.ID])
	x := int(float64(pos.X) + br.X - box.Rect.X + 4)
	y := int(float64(pos.Y) + br.Y - box.Rect.Y + br.H/2)
	if r, g, bl, _ := shot.At(x, y).RGBA(); !(bl>>8 > 0xC0 && r>>8 < 0x70 && g>>8 < 0x80) {
		t.Errorf("pixel %d,%d of the badge is %v, not its blue", x, y, shot.At(x, y))
	}
	saveShot(w, "comments.png")
	// A reply, from the thread's Reply button, sent with the Comment button.
	test.Tap(buttonIn(p.list, lang.L("Reply")))
	if !strings.Contains(p.onLbl.Text, "Lan") {
		t.Fatalf("the box says %q", p.onLbl.Text)
	}
	test.Type(p.entry, "Đã thêm vào bước thanh toán")
	test.Tap(p.send)
	if th = reloadMap(t, u).ThreadsOn(data.OnCard, cb.ID); len(th) != 1 || len(th[0].Replies) != 1 {
		t.Fatalf("after the reply: %+v", th)
	}
	if badge() != "2" {
		t.Fatalf("badge %q after the reply", badge())
	}
	// Resolve: gone from the list and the card; Show resolved brings it to the list.
	test.Tap(buttonIn(p.list, lang.L("Resolve")))
	if th = reloadMap(t, u).ThreadsOn(data.OnCard, cb.ID); !th[0].Resolved {
		t.Fatal("not resolved in the file")
	}
	if badge() != "" || buttonIn(p.list, lang.L("Reply")) != nil {
		t.Fatal("a resolved thread still shows")
	}
	p.resolved.SetChecked(true)
	if buttonIn(p.list, lang.L("Reopen")) == nil {
		t.Fatal("Show resolved does not show the thread")
	}
	p.resolved.SetChecked(false)
	// Undo takes back the resolve: the thread and its badge are back.
	u.undo()
	if th = reloadMap(t, u).ThreadsOn(data.OnCard, cb.ID); th[0].Resolved || badge() != "2" {
		t.Fatalf("undo: resolved %v, badge %q", th[0].Resolved, badge())
	}
	// The thread's "on" button takes the user to the card.
	b.setSelection(selection{})
	link := linkIn(p.list, headingOf(p.targetName(data.OnCard, cb.ID)))
	test.TapAt(link, fyne.NewPos(20, link.Size().Height/2))
	if !b.isSelected(cb.ID) {
		t.Fatal("the thread's link did not select its card")
	}
}

// iconButtonsIn finds the buttons under o that show icon.
func iconButtonsIn(o fyne.CanvasObject, icon fyne.Resource) []*widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		if v.Icon == icon {
			return []*widget.Button{v}
		}
	case *fyne.Container:
		var out []*widget.Button
		for _, c := range v.Objects {
			out = append(out, iconButtonsIn(c, icon)...)
		}
		return out
	}
	return nil
}

// The user's own comments can be rewritten from the panel (their pen button puts the text back
// in the box, Save writes it, undo takes it back); others' comments have no pen.
func TestEditOwnComment(t *testing.T) {
	u, w, other := lanWithMinh(t, data.SampleMap("vi"))
	id, err := other.AddComment(data.Comment{MapID: u.mapID, TargetKind: data.OnMap, TargetID: u.mapID, Text: "Ai phụ trách bước này?"})
	if err != nil {
		t.Fatal(err)
	}
	mine, err := u.st.AddComment(data.Comment{MapID: u.mapID, TargetKind: data.OnMap, TargetID: u.mapID, ParentID: id, Text: "Chị Hươg"})
	if err != nil {
		t.Fatal(err)
	}
	u.reload()
	u.showComments()
	p := u.comments
	pens := iconButtonsIn(p.list, theme.DocumentCreateIcon())
	if len(pens) != 1 {
		t.Fatalf("%d pen buttons, want 1 (on Lan's reply only)", len(pens))
	}
	test.Tap(pens[0])
	saveShot(w, "comment-edit.png")
	if p.entry.Text != "Chị Hươg" || p.onLbl.Text != "Edit your comment" || p.send.Text != "Save" {
		t.Fatalf("box %q, label %q, button %q", p.entry.Text, p.onLbl.Text, p.send.Text)
	}
	p.entry.SetText("Chị Hương, nhóm CSKH")
	test.Tap(p.send)
	got := reloadMap(t, u).Comment(mine)
	if got == nil || got.Text != "Chị Hương, nhóm CSKH" || got.Author != "Lan" {
		t.Fatalf("the comment in the file: %+v", got)
	}
	if p.entry.Text != "" || p.send.Text != "Comment" || len(reloadMap(t, u).Comments) != 2 {
		t.Fatalf("after saving: box %q, button %q", p.entry.Text, p.send.Text)
	}
	u.undo()
	if got = reloadMap(t, u).Comment(mine); got.Text != "Chị Hươg" {
		t.Fatalf("after undo: %q", got.Text)
	}
	// Cancel leaves the rewriting without a change.
	test.Tap(iconButtonsIn(p.list, theme.DocumentCreateIcon())[0])
	test.Tap(p.cancel)
	if p.entry.Text != "" || p.editing != 0 || p.send.Text != "Comment" {
		t.Fatalf("after cancel: box %q", p.entry.Text)
	}
}

// With no card selected a comment goes on the map; with a stage selected, on the stage.
func TestCommentFollowsTheSelection(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	p := u.comments
	u.showComments()
	u.board.setSelection(selection{})
	test.Type(p.entry, "Review on Friday")
	test.Tap(p.send)
	st := u.m.Stages[2].ID
	u.board.selectOne(selStage, st)
	if !strings.Contains(p.onLbl.Text, u.m.Stage(st).Name) {
		t.Fatalf("the box says %q", p.onLbl.Text)
	}
	test.Type(p.entry, "Rename this stage")
	test.Tap(p.send)
	m := reloadMap(t, u)
	if len(m.ThreadsOn(data.OnMap, m.ID)) != 1 || len(m.ThreadsOn(data.OnStage, st)) != 1 {
		t.Fatalf("threads: %+v", m.Threads())
	}
	// An empty comment is not sent.
	test.Type(p.entry, "   ")
	test.Tap(p.send)
	if n := len(reloadMap(t, u).Comments); n != 2 {
		t.Fatalf("%d comments after sending spaces", n)
	}
}

// Another program's window on the same file, under another name, shows in the toolbar and
// beside the map in the list within a second; when it leaves, the name goes.
func TestPresenceShowsOthersByName(t *testing.T) {
	u, _, other := lanWithMinh(t, data.SampleMap("vi"))
	if err := other.Here(u.mapID); err != nil {
		t.Fatal(err)
	}
	within(t, "the toolbar to name Minh", func() bool { return u.hereBtn.Visible() && u.hereBtn.Text == "Minh" })
	if got := u.presentOn(u.mapID); got != 1 {
		t.Fatalf("the list of maps counts %d beside the map", got)
	}
	other.Leave()
	within(t, "Minh's name to go", func() bool { return !u.hereBtn.Visible() })
}

// Lan types a card's notes; Minh, in another program, then writes the same field: Lan is
// told, by name, with a button that shows the card. Minh's version is the one kept.
func TestOverwrittenTypingIsTold(t *testing.T) {
	u, w, other := lanWithMinh(t, data.SampleMap("vi"))
	u.here()
	b := u.board
	id := b.lay.Cards[0].ID
	test.Tap(b.cards[id])
	f := u.insp.fields["Notes"].(*field)
	w.Canvas().Focus(f)
	test.Type(f, "Lan ghi chú")
	w.Canvas().Unfocus()
	if got := reloadMap(t, u).Card(id).Notes; got != "Lan ghi chú" {
		t.Fatalf("Lan's notes in the file: %q", got)
	}
	m, _ := other.LoadMap(u.mapID)
	c := *m.Card(id)
	c.Notes = "Minh viết lại"
	if err := other.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	within(t, "Lan to be told", func() bool { return strings.HasPrefix(u.lastAlert, "Minh changed the notes of") })
	if buttonIn(u.alert, lang.L("Show")) == nil {
		t.Fatal("no Show button on the notice")
	}
	saveShot(w, "notice.png")
	// The notice stands at the foot of the panels, centred, clear of the inspector's tabs.
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.alert)
	tabs := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.insp.box)
	if at.Y < w.Canvas().Size().Height/2 || u.alert.Size().Width > noticeWidth || at.Y+u.alert.Size().Height > w.Canvas().Size().Height {
		t.Fatalf("the notice is at %v, %v in a window of %v (inspector at %v)", at, u.alert.Size(), w.Canvas().Size(), tabs)
	}
	if got := u.m.Card(id).Notes; got != "Minh viết lại" {
		t.Fatalf("the board shows %q", got)
	}
}

// within waits up to a second (the live-update budget) for cond.
func within(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within a second", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Edit › History… lists the map's edits with their authors, newest first, undone ones
// marked; "Only yours" keeps the user's own.
func TestHistoryShowsAuthors(t *testing.T) {
	u, w, other := lanWithMinh(t, data.SampleMap("vi"))
	if _, err := other.AddComment(data.Comment{MapID: u.mapID, TargetKind: data.OnMap, TargetID: u.mapID, Text: "Xem lại"}); err != nil {
		t.Fatal(err)
	}
	c := *u.m.Card(u.board.lay.Cards[0].ID)
	c.Title = "Tiêu đề mới"
	u.apply(func() error { return u.st.UpdateCard(c) })
	u.undo()
	var hist *fyne.MenuItem
	for _, it := range u.win.MainMenu().Items[1].Items {
		if it.Label == "History…" {
			hist = it
		}
	}
	if hist == nil {
		t.Fatal("no Edit › History…")
	}
	hist.Action()
	saveShot(w, "history.png")
	l := u.historyList
	row := func(i int) string {
		o := l.CreateItem()
		l.UpdateItem(i, o)
		c := o.(*fyne.Container)
		return c.Objects[0].(*widget.Label).Text + " | " + c.Objects[1].(*widget.Label).Text
	}
	if n := l.Length(); n != 3 {
		t.Fatalf("%d rows", n)
	}
	for i, want := range []string{"Edit card: “Tiêu đề mới” (title) (undone) | Lan", "Comment: “", "Create map: “Mua mỹ phẩm trực tuyến” | Someone"} {
		if got := row(i); !strings.Contains(got, want) {
			t.Errorf("row %d: %q, want … %q", i, got, want)
		}
	}
	// A click on the card's edit shows the card on the board.
	u.board.setSelection(selection{})
	l.Select(0)
	if !u.board.isSelected(c.ID) {
		t.Fatal("a click on the edit did not select its card")
	}
}

// Ticking a mark twice in the inspector leaves it as it was, in the file (a save writes only
// what the user touched, so each tick must be written).
func TestInspectorTogglesTwice(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	id := u.board.lay.Cards[0].ID
	u.board.selectOne(selCard, id)
	was := reloadMap(t, u).Card(id).Pain
	for i := 0; i < 2; i++ {
		test.Tap(u.insp.fields[lang.L("Marks")].(*fyne.Container).Objects[0].(*widget.Check))
		want := was != (i == 0)
		if got := reloadMap(t, u).Card(id).Pain; got != want {
			t.Fatalf("tick %d: pain %v, want %v", i+1, got, want)
		}
	}
}

// Minh changes a card's channel; before Lan's window has even read it, Lan's typed title is
// saved: the file keeps both.
func TestSaveKeepsAnotherFieldChangedMeanwhile(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	u.unwatch() // the window has not looked yet
	id := u.board.lay.Cards[0].ID
	test.Tap(u.board.cards[id])
	other, err := data.Open(u.st.Path(), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := other.EditCard(u.mapID, id, func(c *data.Card) { c.Channel = "Zalo OA" }); err != nil {
		t.Fatal(err)
	}
	f := u.insp.fields["Title"].(*field)
	w.Canvas().Focus(f)
	f.SetText("")
	test.Type(f, "Tiêu đề của Lan")
	w.Canvas().Unfocus()
	c := reloadMap(t, u).Card(id)
	if c.Title != "Tiêu đề của Lan" || c.Channel != "Zalo OA" {
		t.Fatalf("title %q, channel %q: a field was lost", c.Title, c.Channel)
	}
}

// The stage, lane and map forms also save only what the user changed: Minh's change of another
// field, made after Lan's window read the map, is kept.
func TestFormsKeepAnotherFieldChangedMeanwhile(t *testing.T) {
	u, w, other := lanWithMinh(t, data.SampleMap("vi"))
	u.unwatch() // the window does not look: each form shows what it read before Minh's change
	m := u.m
	sid, lid := m.Stages[1].ID, m.Lanes[0].ID
	typeOver := func(label, text string) {
		t.Helper()
		f := u.insp.fields[label].(*field)
		w.Canvas().Focus(f)
		f.SetText("")
		test.Type(f, text)
		w.Canvas().Unfocus()
	}
	minh := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	u.board.selectOne(selStage, sid)
	minh(other.EditStage(u.mapID, sid, func(s *data.Stage) { s.Name = "So sánh"; s.Colour = "#AA3366" }))
	typeOver("Summary", "Khách so sánh giá")
	u.board.selectOne(selLane, lid)
	minh(other.EditLane(u.mapID, lid, func(l *data.Lane) { l.Kind = data.LaneThoughts }))
	typeOver("Name", "Việc khách làm")
	u.board.selectOne(selMap, 0)
	minh(other.EditMap(u.mapID, func(m *data.Map) { m.Status = data.Approved; m.Curve = data.CurvePerStage }))
	typeOver("Goal", "Giữ chân khách")
	got := reloadMap(t, u)
	if s := got.Stage(sid); s.Name != "So sánh" || s.Colour != "#AA3366" || s.Description != "Khách so sánh giá" {
		t.Fatalf("stage %q / %q / %q: a field was lost", s.Name, s.Colour, s.Description)
	}
	if l := got.Lane(lid); l.Kind != data.LaneThoughts || l.Name != "Việc khách làm" {
		t.Fatalf("lane %q / %q: a field was lost", l.Name, l.Kind)
	}
	if got.Status != data.Approved || got.Curve != data.CurvePerStage || got.Goal != "Giữ chân khách" {
		t.Fatalf("map status %q, curve %q, goal %q: a field was lost", got.Status, got.Curve, got.Goal)
	}
}

// lanWithMinh is a window on m whose edits are Lan's, and another program's store on the same
// file whose edits are Minh's.
func lanWithMinh(t *testing.T, m *data.Map) (*ui, fyne.Window, *data.Store) {
	t.Helper()
	u, w := newTestUI(t, m)
	u.app.Preferences().SetString(prefAuthor, "Lan")
	u.signEdits()
	other, err := data.Open(u.st.Path(), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	other.SetAuthor("Minh", "other.1")
	return u, w, other
}

// saveShot writes what the window shows to $JC_SHOTS/name, when that is set, to look at.
func saveShot(w fyne.Window, name string) {
	if dir := os.Getenv("JC_SHOTS"); dir != "" {
		if f, err := os.Create(filepath.Join(dir, name)); err == nil {
			png.Encode(f, w.Canvas().Capture())
			f.Close()
		}
	}
}

// A crowd on the map is named short in the toolbar (two names, cut, and a count), and the
// user's own other windows are not counted as others.
func TestPresenceCrowdAndSelf(t *testing.T) {
	if got := shortList([]string{"Nguyễn Thị Phương Thảo Anh", "Minh", "Hoa", "Đức"}, 2); got != "Nguyễn Thị Phương…, Minh +2" {
		t.Fatalf("shortList: %q", got)
	}
	u, _, other := lanWithMinh(t, data.SampleMap("vi"))
	other.SetAuthor("Lan", "other.2") // Lan's second window
	if err := other.Here(u.mapID); err != nil {
		t.Fatal(err)
	}
	u.showPresence(mustPresent(t, u.st))
	if u.hereBtn.Visible() || u.presentOn(u.mapID) != 0 {
		t.Fatalf("Lan's own window counted as another: %q", u.hereBtn.Text)
	}
}

// The people button names who is on this map; a tap lists them, then everyone on other maps
// with the map they are on, and choosing one of those opens that map.
func TestPeopleButtonListsEveryone(t *testing.T) {
	u, w, minh := lanWithMinh(t, data.SampleMap("vi"))
	second := data.SampleMap("vi")
	second.Title = "Hành trình đổi trả"
	otherMap, err := u.st.CreateMap(second)
	if err != nil {
		t.Fatal(err)
	}
	hoa, err := data.Open(u.st.Path(), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { hoa.Close() })
	hoa.SetAuthor("Hoa", "other.3")
	first := u.mapID
	if err := minh.Here(first); err != nil {
		t.Fatal(err)
	}
	if err := hoa.Here(otherMap); err != nil {
		t.Fatal(err)
	}
	within(t, "the toolbar to name Minh", func() bool { return u.hereBtn.Visible() && u.hereBtn.Text == "Minh" })
	within(t, "the list to know Hoa's map", func() bool { return u.presentOn(otherMap) == 1 && len(u.side.maps) == 2 })
	saveShot(w, "people-button.png")
	test.Tap(u.hereBtn)
	var labels []string
	for _, it := range u.whoMenu.Items {
		labels = append(labels, it.Label)
	}
	want := []string{"On this map", "Minh", "", "On other maps", "Hoa — Hành trình đổi trả"}
	if strings.Join(labels, "|") != strings.Join(want, "|") {
		t.Fatalf("the list shows %q, want %q", labels, want)
	}
	if !u.whoMenu.Items[0].Disabled || u.whoMenu.Items[1].Action != nil {
		t.Fatal("the heading, or the name of someone on this map, does something when chosen")
	}
	saveShot(w, "people-list.png")
	menuItem(t, u.whoMenu, "Hoa — Hành trình đổi trả").Action()
	if u.mapID != otherMap || u.m.Title != "Hành trình đổi trả" {
		t.Fatalf("choosing Hoa opened map %d, want %d", u.mapID, otherMap)
	}
	within(t, "the toolbar to name Hoa on her map", func() bool { return u.hereBtn.Text == "Hoa" })
}

// The heartbeat of a window on a file names the map it shows, after the user opened another
// one too: before, it named none, and the others lost the user's name within ten seconds.
func TestHeartbeatNamesTheMapShown(t *testing.T) {
	u, _, minh := lanWithMinh(t, data.SampleMap("vi"))
	other, err := u.st.CreateMap(data.SampleMap("en"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{other, u.mapID} {
		u.openMap(id)
		if got := u.watcher.mapID.Load(); got != id {
			t.Fatalf("the heartbeat names map %d, the window shows %d", got, id)
		}
		if err := u.st.Here(u.watcher.mapID.Load()); err != nil { // a beat, as the watcher makes it
			t.Fatal(err)
		}
		if names := data.Names(mustPresent(t, minh), id, "?"); len(names) != 1 || names[0] != "Lan" {
			t.Fatalf("Minh sees %q on map %d after Lan's heartbeat", names, id)
		}
	}
}

// A card moved to another stage reads, in the history, as that card with its place changed,
// named once.
func TestHistoryLineOfAMove(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	m := u.m
	c := m.Cards[0]
	u.apply(func() error { return u.st.MoveCard(u.mapID, c.ID, m.Stages[2].ID, m.Lanes[1].ID, 0) })
	h, err := u.st.History(u.mapID, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := "Move card: “" + c.Title + "” (place on the board)"
	if got := historyLine(h[0]); !strings.HasSuffix(got, want) {
		t.Fatalf("the history reads %q, want it to end %q", got, want)
	}
}

func mustPresent(t *testing.T, s *data.Store) []data.Visitor {
	t.Helper()
	vs, err := s.Present()
	if err != nil {
		t.Fatal(err)
	}
	return vs
}
