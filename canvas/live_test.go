package canvas

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
	"journeycanvas/data/pgtest"
)

// Another program (here a second store on the same file) adds a card to the shown map and a
// new map: the window shows both within a second, and keeps the selection, the scroll, the
// zoom and the notes being typed in the inspector.
func TestOthersChangesShowLive(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	othersChangesShowLive(t, u, w)
}

// TestOthersChangesShowLiveOnServer is TestOthersChangesShowLive on a team workspace: the
// other client's changes reach the window through LISTEN/NOTIFY.
func TestOthersChangesShowLiveOnServer(t *testing.T) {
	u, w := newTestUIAt(t, pgtest.Own(t).DB(t), data.SampleMap("vi"))
	othersChangesShowLive(t, u, w)
}

func othersChangesShowLive(t *testing.T, u *ui, w fyne.Window) {
	b := u.board
	other, err := data.Open(u.st.Path(), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	u.setZoom(1.25)
	b.scrollToOffset(fyne.NewPos(120, 80))
	sel := b.lay.Cards[2].ID
	test.Tap(b.cards[sel])
	notes := u.insp.fields["Ghi chú"]
	if notes == nil {
		notes = u.insp.fields["Notes"]
	}
	f := notes.(*field)
	w.Canvas().Focus(f)
	test.Type(f, "đang gõ")
	n := len(u.m.Cards)
	m := u.m
	if _, err := other.AddCard(data.Card{MapID: m.ID, StageID: m.Stages[0].ID, LaneID: m.Lanes[0].ID, Position: -1, Title: "Từ chương trình khác"}); err != nil {
		t.Fatal(err)
	}
	if _, err := other.CreateMap(data.SampleMap("en")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Second)
	for (len(u.m.Cards) != n+1 || len(u.side.maps) != 2) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if len(u.m.Cards) != n+1 || len(b.lay.Cards) != n+1 {
		t.Fatalf("the other program's card is not on the board within a second: %d cards", len(b.lay.Cards))
	}
	if len(u.side.maps) != 2 {
		t.Fatalf("the maps list shows %d maps", len(u.side.maps))
	}
	if !b.isSelected(sel) || b.zoom != 1.25 || b.scroll.Offset != fyne.NewPos(120, 80) {
		t.Fatalf("selection %v, zoom %v, scroll %v not kept", b.sel, b.zoom, b.scroll.Offset)
	}
	if u.insp.fields["Ghi chú"] != nil && u.insp.fields["Ghi chú"] != notes || f.Text != "đang gõ" {
		t.Fatalf("the notes being typed were lost: %q", f.Text)
	}
	w.Canvas().Unfocus()
	if got := reloadMap(t, u).Card(sel).Notes; got != "đang gõ" {
		t.Fatalf("notes in the file %q", got)
	}
	if got := len(reloadMap(t, u).Cards); got != n+1 {
		t.Fatalf("saving the notes lost the other program's card: %d", got)
	}
}

// A window's own edits are not taken for others': the data version moves only for other
// connections, so no reload follows an own edit.
func TestOwnEditsAreNotOthers(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	v, _ := u.st.DataVersion()
	id := u.board.lay.Cards[0].ID
	c := *u.m.Card(id)
	c.Channel = "Zalo"
	u.apply(func() error { return u.st.UpdateCard(c) })
	if w, _ := u.st.DataVersion(); w != v {
		t.Fatal("an own edit moved the data version")
	}
}

// File › New window opens the same workspace in a second window: an edit in one shows in the
// other within a second.
func TestNewWindowSeesTheOthersEdits(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	nu := u.newWindow()
	if nu == nil {
		t.Fatal("no second window")
	}
	defer nu.win.Close()
	if nu.mapID != u.mapID || nu.st == u.st {
		t.Fatal("the second window does not show the same map through its own connection")
	}
	id := u.board.lay.Cards[0].ID
	c := *u.m.Card(id)
	c.Title = "Sửa ở cửa sổ thứ nhất"
	u.apply(func() error { return u.st.UpdateCard(c) })
	deadline := time.Now().Add(time.Second)
	for nu.m.Card(id).Title != c.Title && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := nu.m.Card(id).Title; got != c.Title {
		t.Fatalf("the second window shows %q", got)
	}
}

// Two people with the same map open (a window each, under their names): Ctrl+Z in one window
// takes back that person's edit, not the other's later one; when the other changed the same
// field afterwards, the undo is refused with a message naming them and the card is unchanged.
func TestUndoInAWindowTakesBackOnlyYourEdits(t *testing.T) {
	u, _, other := lanWithMinh(t, data.SampleMap("en"))
	id := u.board.lay.Cards[0].ID
	orig := *u.m.Card(id)
	c := orig
	c.Title = "Lan's title"
	u.apply(func() error { return u.st.UpdateCard(c) })
	m, _ := other.LoadMap(u.mapID)
	mc := *m.Card(id)
	mc.Channel = "Minh's channel"
	if err := other.UpdateCard(mc); err != nil {
		t.Fatal(err)
	}
	u.externalChange()
	u.undo()
	got := reloadMap(t, u).Card(id)
	if got.Title != orig.Title || got.Channel != "Minh's channel" {
		t.Fatalf("after Lan's undo: %q / %q", got.Title, got.Channel)
	}
	u.redo()
	m, _ = other.LoadMap(u.mapID)
	mc = *m.Card(id)
	mc.Title = "Minh's title"
	if err := other.UpdateCard(mc); err != nil {
		t.Fatal(err)
	}
	u.externalChange()
	u.lastErr = nil
	u.undo()
	var ce *data.ConflictError
	if !errors.As(u.lastErr, &ce) || ce.Author != "Minh" {
		t.Fatalf("the undo over Minh's title was not refused by name: %v", u.lastErr)
	}
	if got := reloadMap(t, u).Card(id); got.Title != "Minh's title" {
		t.Fatalf("a refused undo changed the title to %q", got.Title)
	}
}

// While Lan types in one field of a card, Minh changes another field of it: her form shows
// Minh's value at once (so that her next edit of that field starts from it), and her typing,
// its field and the focus are untouched.
func TestFormCatchesUpWhileTyping(t *testing.T) {
	u, w, other := lanWithMinh(t, data.SampleMap("vi"))
	b := u.board
	id := b.lay.Cards[0].ID
	test.Tap(b.cards[id])
	notes := u.insp.fields["Notes"].(*field)
	channel := u.insp.fields["Channel"].(*field)
	w.Canvas().Focus(notes)
	test.Type(notes, "Lan đang gõ")
	if err := other.EditCard(u.mapID, id, func(c *data.Card) { c.Channel = "Facebook, Zalo"; c.Pain = true }); err != nil {
		t.Fatal(err)
	}
	within(t, "Minh's channel in Lan's form", func() bool { return channel.Text == "Facebook, Zalo" })
	if u.insp.fields["Notes"] != notes || notes.Text != "Lan đang gõ" || w.Canvas().Focused() != notes {
		t.Fatalf("Lan's typing was disturbed: %q, focused %v", notes.Text, w.Canvas().Focused())
	}
	pain := u.insp.fields["Marks"].(*fyne.Container).Objects[0].(*widget.Check)
	if !pain.Checked {
		t.Fatal("Minh's pain mark is not in Lan's form")
	}
	w.Canvas().Focus(channel)
	channel.CursorColumn = len([]rune(channel.Text))
	test.Type(channel, ", Email")
	w.Canvas().Unfocus()
	c := reloadMap(t, u).Card(id)
	if c.Channel != "Facebook, Zalo, Email" || c.Notes != "Lan đang gõ" || !c.Pain {
		t.Fatalf("card: channel %q, notes %q, pain %v", c.Channel, c.Notes, c.Pain)
	}
}

// Lan is writing a card's title on the board when Minh deletes the card: her text is put on
// the clipboard and she is told, instead of vanishing with the card.
func TestTypingOnADeletedCardIsKept(t *testing.T) {
	u, _, other := lanWithMinh(t, data.SampleMap("vi"))
	b := u.board
	id := b.lay.Cards[0].ID
	b.editTitle(id)
	test.Type(b.title, "Tiêu đề Lan đang viết") // over the old title, selected as the editor opens
	if err := other.DeleteCards(u.mapID, []int64{id}); err != nil {
		t.Fatal(err)
	}
	within(t, "the notice of the deleted card", func() bool { return strings.Contains(u.lastAlert, "deleted") })
	if got := u.app.Clipboard().Content(); got != "Tiêu đề Lan đang viết" {
		t.Fatalf("clipboard %q", got)
	}
	if b.title.Visible() {
		t.Fatal("the title editor stayed open on a card that is gone")
	}
}

// Minh pressed Enter in the channel (saved; the cursor still there) when Lan changes it: his
// field shows her value.
func TestFocusedSavedFieldCatchesUp(t *testing.T) {
	u, w, other := lanWithMinh(t, data.SampleMap("vi"))
	b := u.board
	id := b.lay.Cards[0].ID
	test.Tap(b.cards[id])
	channel := u.insp.fields["Channel"].(*field)
	w.Canvas().Focus(channel)
	channel.SetText("Shopee")
	u.insp.commit()
	if err := other.EditCard(u.mapID, id, func(c *data.Card) { c.Channel = "Lazada" }); err != nil {
		t.Fatal(err)
	}
	within(t, "the other's channel in the focused field", func() bool { return channel.Text == "Lazada" })
	if w.Canvas().Focused() != channel {
		t.Fatal("the focus left the field")
	}
}
