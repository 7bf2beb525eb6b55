package canvas

import (
	"fmt"
	"strings"
	"testing"

	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// Notes typed into the inspector reach the file when the user clicks another card, without
// Enter, and the typing is one undo step.
func TestTypedNotesSurviveAClickElsewhere(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	b := u.board
	first, second := b.lay.Cards[0].ID, b.lay.Cards[1].ID
	test.Tap(b.cards[first])
	notes := u.insp.fields[lang.L("Notes")].(*field)
	before := u.st.UndoLabel(u.mapID)
	w.Canvas().Focus(notes)
	test.Type(notes, "Khách hỏi giá ")
	test.Type(notes, "qua Zalo")
	test.Tap(b.cards[second]) // no Enter, no Apply
	if got := reloadMap(t, u).Card(first).Notes; got != "Khách hỏi giá qua Zalo" {
		t.Fatalf("notes in the file %q", got)
	}
	if u.insp.title == "" || b.sel.cards[0] != second {
		t.Fatal("the click did not select the other card")
	}
	u.undo()
	if got := reloadMap(t, u).Card(first).Notes; got != "" {
		t.Fatalf("one undo left notes %q", got)
	}
	if got := u.st.UndoLabel(u.mapID); got != before {
		t.Fatalf("the typing was more than one undo step: undo offers %q", got)
	}
}

// A pause in typing saves what was typed, with the focus left in the field; typing on after
// the pause is still the same undo step.
func TestPauseInTypingSaves(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	b := u.board
	id := b.lay.Cards[0].ID
	old := b.Map().Card(id).Channel
	b.selectOne(selCard, id)
	ch := u.insp.fields["Channel"].(*field)
	w.Canvas().Focus(ch)
	ch.SetText("")
	test.Type(ch, "Tik")
	deadline := time.Now().Add(3 * time.Second)
	for u.insp.saves == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond) // the pause, then the save (on the timer's goroutine here)
	}
	if got := reloadMap(t, u).Card(id).Channel; got != "Tik" {
		t.Fatalf("after a pause the file holds %q", got)
	}
	if w.Canvas().Focused() != ch || u.insp.fields["Channel"] != ch {
		t.Fatal("the save took the focus away or rebuilt the form")
	}
	test.Type(ch, "Tok")
	w.Canvas().Unfocus()
	if got := reloadMap(t, u).Card(id).Channel; got != "TikTok" {
		t.Fatalf("file holds %q", got)
	}
	u.undo()
	if got := reloadMap(t, u).Card(id).Channel; got != old {
		t.Fatalf("one undo gave %q, want %q", got, old)
	}
}

// Switching map, closing the window and quitting save what is being typed.
func TestTypingSavedOnMapSwitchAndClose(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	other, err := u.st.CreateMap(data.SampleMap("vi"))
	if err != nil {
		t.Fatal(err)
	}
	u.side.reload()
	first := u.mapID
	b := u.board
	id := b.lay.Cards[0].ID
	b.selectOne(selCard, id)
	ch := u.insp.fields["Channel"].(*field)
	w.Canvas().Focus(ch)
	ch.SetText("Hotline")
	u.openMap(other)
	m, _ := u.st.LoadMap(first)
	if got := m.Card(id).Channel; got != "Hotline" {
		t.Fatalf("switching map lost the channel: %q", got)
	}
	// The map form: a goal typed, then the window closed.
	u.board.setSelection(selection{})
	goal := u.insp.fields["Goal"].(*field)
	w.Canvas().Focus(goal)
	test.Type(goal, " — nhanh hơn")
	u.quit()
	m, _ = u.st.LoadMap(other)
	if got := m.Goal; got != " — nhanh hơn"+data.SampleMap("vi").Goal { // the cursor starts at the beginning
		t.Fatalf("quitting lost the goal: %q", got)
	}
}

// A swatch click colours the card at once; hex is still taken; a bad hex is marked at the
// field and the file keeps the colour.
func TestColourSwatches(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	id := u.board.lay.Cards[0].ID
	u.board.selectOne(selCard, id)
	p := u.insp.colours
	test.Tap(p.swatches[1])
	if got := reloadMap(t, u).Card(id).Colour; got != p.swatches[1].hex {
		t.Fatalf("colour %q after a swatch click, want %q", got, p.swatches[1].hex)
	}
	typeIn(w, p.hex, "#12ab34")
	if got := reloadMap(t, u).Card(id).Colour; got != "#12AB34" {
		t.Fatalf("colour %q after typing hex", got)
	}
	typeIn(w, p.hex, "blue-ish")
	if got := reloadMap(t, u).Card(id).Colour; got != "#12AB34" || p.hex.problem() == nil {
		t.Fatalf("a bad colour: file %q, field error %v", got, p.hex.problem())
	}
	test.Tap(p.swatches[0])
	if got := reloadMap(t, u).Card(id).Colour; got != "" {
		t.Fatalf("no colour: %q", got)
	}
}

// BenchmarkFieldCommit1000 is one save of a field of the inspector on a 1,000-card map: the
// channel typed, then saved (the edit written to the file, the map read back, laid out, the
// changed card repainted, the form kept). Budget: 4 ms.
func BenchmarkFieldCommit1000(b *testing.B) {
	u, w := newTestUI(b, testmaps.Big(1000, 12, 6))
	id := u.board.lay.Cards[500].ID
	u.board.selectOne(selCard, id)
	ch := u.insp.fields["Channel"].(*field)
	w.Canvas().Focus(ch)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ch.SetText(fmt.Sprintf("Zalo %d", i))
		b.StartTimer()
		u.insp.commit()
	}
	b.StopTimer()
	if got := reloadMap(b, u).Card(id).Channel; got != fmt.Sprintf("Zalo %d", b.N-1) {
		b.Fatalf("the file holds %q", got)
	}
	if u.insp.fields["Channel"] != ch {
		b.Fatal("the save rebuilt the form")
	}
}

// Ctrl+A, Ctrl+C and Ctrl+V act on the text of the field being typed in, never on the cards
// behind it (Fyne gives the menu's shortcuts priority over the focused field).
func TestEditingShortcutsGoToTheFocusedField(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	b := u.board
	id := b.lay.Cards[0].ID
	b.selectOne(selCard, id)
	ch := u.insp.fields["Channel"].(*field)
	w.Canvas().Focus(ch)
	n := len(u.m.Cards)
	for _, it := range u.win.MainMenu().Items[1].Items { // Edit
		if it.Label == "Select all" {
			it.Action()
		}
	}
	if ch.SelectedText() != ch.Text || len(b.sel.cards) != 1 {
		t.Fatalf("Select all in a field: field selection %q, %d cards selected", ch.SelectedText(), len(b.sel.cards))
	}
	u.clip = append(u.clip, *u.m.Card(id))
	u.app.Clipboard().SetContent("Zalo OA")
	for _, it := range u.win.MainMenu().Items[1].Items {
		if it.Label == "Paste" {
			it.Action()
		}
	}
	w.Canvas().Unfocus()
	if got := len(reloadMap(t, u).Cards); got != n {
		t.Fatalf("Paste in a field pasted cards: %d, want %d", got, n)
	}
	if got := reloadMap(t, u).Card(id).Channel; got != "Zalo OA" {
		t.Fatalf("the field holds %q after Select all and Paste", got)
	}
}

// Undo stops at the map's creation: the first Ctrl+Z on a new workspace's sample map does
// not delete the map under the user's eyes.
func TestUndoStopsAtTheMapsCreation(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("vi"))
	u.undo()
	if _, err := u.st.LoadMap(u.mapID); err != nil || u.lastErr != nil || u.m == nil {
		t.Fatalf("undo on a fresh map: %v, shown error %v", err, u.lastErr)
	}
	if !u.undoItem.Disabled {
		t.Fatal("Edit › Undo is offered with nothing but the map's creation behind it")
	}
}

// Tab in the notes (a multi-line field) goes to the next field; no tab is written.
func TestTabLeavesTheNotes(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("en"))
	b := u.board
	b.selectOne(selCard, b.lay.Cards[0].ID)
	notes := u.insp.fields["Notes"].(*field)
	w.Canvas().Focus(notes)
	test.Type(notes, "a")
	if notes.AcceptsTab() {
		t.Fatal("the notes take Tab")
	}
	w.Canvas().FocusNext()
	if w.Canvas().Focused() == notes || strings.Contains(notes.Text, "\t") {
		t.Fatalf("Tab stayed in the notes: %q", notes.Text)
	}
}
