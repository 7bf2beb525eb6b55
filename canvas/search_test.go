package canvas

import (
	"image/color"
	"image/png"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

var ctrlF = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}

// searchMap is the Vietnamese test map with "đặt hàng" in a title of its own (the first card
// in reading order), in notes, in a channel and in a tag.
func searchMap() *data.Map {
	m := testmaps.Vietnamese()
	m.Persona.ID, m.PersonaID = 0, 0 // a new persona in the workspace
	// Make room at the top of the first cell.
	for i := range m.Cards {
		if m.Cards[i].StageID == 10 && m.Cards[i].LaneID == 20 {
			m.Cards[i].Position++
		}
	}
	m.Cards = append(m.Cards,
		data.Card{ID: 300, MapID: 1, StageID: 10, LaneID: 20, Position: 0, Title: "Đặt hàng"},
		data.Card{ID: 301, MapID: 1, StageID: 13, LaneID: 22, Position: 0, Title: "Hỏi lại", Notes: "Khách gọi hỏi về đơn ĐẶT HÀNG"},
		data.Card{ID: 302, MapID: 1, StageID: 14, LaneID: 22, Position: 0, Title: "Kênh riêng", Channel: "Đặt hàng qua Zalo"},
		data.Card{ID: 303, MapID: 1, StageID: 14, LaneID: 21, Position: 0, Title: "Gắn nhãn", Tags: []string{"đặt", "hàng"}},
	)
	m.SortCards()
	return m
}

// typeKey sends a key to what has the keyboard focus, as the window does.
func typeKey(t *testing.T, w fyne.Window, k fyne.KeyName) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatalf("no focus for %s", k)
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}

// typeText types into what has the keyboard focus.
func typeText(t *testing.T, w fyne.Window, s string) {
	t.Helper()
	f := w.Canvas().Focused()
	if f == nil {
		t.Fatalf("no focus to type %q into", s)
	}
	test.Type(f, s)
}

// shiftKey sends Shift+k to what has the focus: Shift down, k, Shift up.
func shiftKey(t *testing.T, w fyne.Window, k fyne.KeyName) {
	t.Helper()
	f := w.Canvas().Focused()
	kb, ok := f.(desktop.Keyable)
	if !ok {
		t.Fatalf("%T gets no key downs", f)
	}
	kb.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	f.TypedKey(&fyne.KeyEvent{Name: k})
	kb.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// titleOf is the title of the one selected card, as the inspector shows it.
func inspectedTitle(t *testing.T, u *ui) string {
	t.Helper()
	if u.insp.title != "Card" {
		t.Fatalf("the inspector shows %q, not a card", u.insp.title)
	}
	e, ok := u.insp.fields["Title"].(*field)
	if !ok {
		t.Fatalf("no title field in the inspector")
	}
	return e.Text
}

// outlined reports whether a card shows the search outline.
func outlined(u *ui, id int64) bool {
	v := u.board.cards[id]
	return v != nil && v.hitMark.StrokeWidth > 0 && v.hitMark.StrokeColor == color.Color(hitColour(u.board.theme))
}

func TestSearchFindsAndStepsThroughCards(t *testing.T) {
	u, w := newTestUI(t, searchMap())
	sc := w.Canvas().(fyne.Shortcutable)
	if u.find.isOpen() {
		t.Fatal("the search bar shows before Ctrl+F")
	}
	sc.TypedShortcut(ctrlF)
	if !u.find.isOpen() || w.Canvas().Focused() != u.find.entry {
		t.Fatalf("Ctrl+F: bar open %v, focus on %T", u.find.isOpen(), w.Canvas().Focused())
	}
	if u.find.entry.PlaceHolder != "Find cards…" {
		t.Errorf("placeholder %q", u.find.entry.PlaceHolder)
	}
	typeText(t, w, "dat hang")
	// Reading order: "Đặt hàng" (stage 1), the email card (stage 3), the notes (stage 4), then
	// in stage 5 the tags (lane 2) before the channel (lane 3).
	m := u.m
	id := func(title string) int64 { return cardByTitle(t, m, title).ID }
	want := []int64{id("Đặt hàng"), id("Nhận email giảm 10% và đặt hàng"), id("Hỏi lại"), id("Gắn nhãn"), id("Kênh riêng")}
	if got := u.find.hits; len(got) != len(want) {
		t.Fatalf("hits %v, want %v", got, want)
	}
	for i, id := range want {
		if u.find.hits[i] != id {
			t.Fatalf("hits %v, want %v", u.find.hits, want)
		}
		if !outlined(u, id) {
			t.Errorf("hit %d has no outline", id)
		}
	}
	for _, c := range m.Cards {
		if u.find.at(c.ID) < 0 && outlined(u, c.ID) {
			t.Errorf("%q is outlined but is no hit", c.Title)
		}
		if v := u.board.cards[c.ID]; !v.Visible() {
			t.Errorf("%q hidden by the search", c.Title)
		}
	}
	if !u.board.isSelected(want[0]) || len(u.board.sel.cards) != 1 || inspectedTitle(t, u) != "Đặt hàng" {
		t.Fatalf("first hit not selected: %+v", u.board.sel)
	}
	if u.find.count.Text != "1 of 5" {
		t.Errorf("count %q", u.find.count.Text)
	}
	// Enter steps on, Shift+Enter back, both wrapping round.
	typeKey(t, w, fyne.KeyReturn)
	if !u.board.isSelected(want[1]) || u.find.count.Text != "2 of 5" || inspectedTitle(t, u) != "Nhận email giảm 10% và đặt hàng" {
		t.Fatalf("Enter: selection %+v, count %q", u.board.sel, u.find.count.Text)
	}
	shiftKey(t, w, fyne.KeyReturn)
	shiftKey(t, w, fyne.KeyReturn)
	if !u.board.isSelected(want[4]) || u.find.count.Text != "5 of 5" {
		t.Fatalf("Shift+Enter twice: selection %+v, count %q", u.board.sel, u.find.count.Text)
	}
	typeKey(t, w, fyne.KeyReturn)
	if !u.board.isSelected(want[0]) || u.find.count.Text != "1 of 5" {
		t.Fatalf("Enter at the last hit: selection %+v, count %q", u.board.sel, u.find.count.Text)
	}
	test.Tap(u.find.next)
	test.Tap(u.find.next)
	test.Tap(u.find.prev)
	if !u.board.isSelected(want[1]) || u.find.count.Text != "2 of 5" {
		t.Fatalf("buttons: selection %+v", u.board.sel)
	}
	// A tapped hit is where the next step starts.
	test.Tap(u.board.cards[want[3]])
	test.Tap(u.find.next)
	if !u.board.isSelected(want[4]) || u.find.count.Text != "5 of 5" {
		t.Fatalf("next after a tap on hit 4: selection %+v, count %q", u.board.sel, u.find.count.Text)
	}
	w.Canvas().Focus(u.find.entry)
	// Esc closes the bar and the outlines, keeps the card selected, and gives the keys back
	// to the board.
	typeKey(t, w, fyne.KeyEscape)
	if u.find.isOpen() || w.Canvas().Focused() != nil {
		t.Fatalf("Esc: bar open %v, focus on %T", u.find.isOpen(), w.Canvas().Focused())
	}
	for _, id := range want {
		if outlined(u, id) {
			t.Errorf("%d still outlined after Esc", id)
		}
	}
	if !u.board.isSelected(want[4]) {
		t.Fatalf("Esc lost the selection: %+v", u.board.sel)
	}
	// Ctrl+F again: the last query selected, typing replaces it.
	sc.TypedShortcut(ctrlF)
	if !u.find.isOpen() || u.find.entry.SelectedText() != "dat hang" || !outlined(u, want[0]) {
		t.Fatalf("reopen: open %v, selected %q", u.find.isOpen(), u.find.entry.SelectedText())
	}
	typeText(t, w, "xyz")
	if u.find.entry.Text != "xyz" || u.find.count.Text != "No match" || len(u.find.hits) != 0 || outlined(u, want[0]) {
		t.Fatalf("no match: text %q, count %q, hits %v", u.find.entry.Text, u.find.count.Text, u.find.hits)
	}
	if !u.find.next.Disabled() {
		t.Error("next enabled without hits")
	}
	// Esc on the board (focus elsewhere) closes the bar too.
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.find.isOpen() {
		t.Fatal("Esc on the board left the bar open")
	}
}

func TestSearchKeepsInStepWithEdits(t *testing.T) {
	u, w := newTestUI(t, searchMap())
	other, err := u.st.CreateMap(searchMap())
	if err != nil {
		t.Fatal(err)
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlF)
	typeText(t, w, "dat hang")
	if len(u.find.hits) != 5 {
		t.Fatalf("hits %v", u.find.hits)
	}
	// Renaming a hit so it no longer matches takes its outline away; the file holds it.
	c := cardByTitle(t, u.m, "Đặt hàng")
	c.Title = "Giao hàng"
	if err := u.apply(func() error { return u.st.UpdateCard(c) }); err != nil {
		t.Fatal(err)
	}
	if reloadMap(t, u).Card(c.ID).Title != "Giao hàng" {
		t.Fatal("the rename is not in the file")
	}
	if len(u.find.hits) != 4 || outlined(u, c.ID) || u.find.count.Text != "4 matches" {
		t.Fatalf("after the rename: hits %v, outlined %v, count %q", u.find.hits, outlined(u, c.ID), u.find.count.Text)
	}
	// A new card that matches is outlined at once.
	var id int64
	u.apply(func() error {
		id, err = u.st.AddCard(data.Card{MapID: u.mapID, StageID: u.m.Stages[1].ID, LaneID: u.m.Lanes[0].ID, Title: "Đặt HÀNG lại"})
		return err
	})
	if u.find.at(id) < 0 || !outlined(u, id) {
		t.Fatalf("new card %d: hits %v", id, u.find.hits)
	}
	// Another map: the query runs there and its first hit is current.
	u.side.reload()
	u.openMap(other)
	first := u.board.lay.Cards[0].ID
	if len(u.find.hits) != 5 || u.find.hits[0] != first || !u.board.isSelected(first) || !outlined(u, first) || u.find.count.Text != "1 of 5" {
		t.Fatalf("other map: hits %v, selection %+v, count %q", u.find.hits, u.board.sel, u.find.count.Text)
	}
}

// TestSearchScrollsToTheHit: on the 1,000-card map a hit out of view is scrolled to the
// middle of the view.
func TestSearchScrollsToTheHit(t *testing.T) {
	m := testmaps.Big(1000, 12, 6)
	last := &m.Cards[len(m.Cards)-1]
	last.Title = "Zalo OA nhắn tin"
	u, w := newTestUI(t, m)
	b := u.board
	if b.scroll.Offset != (fyne.Position{}) {
		t.Fatalf("offset %v at start", b.scroll.Offset)
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlF)
	typeText(t, w, "zalo nhan")
	if len(u.find.hits) != 1 {
		t.Fatalf("hits %v", u.find.hits)
	}
	cb := b.lay.Card(u.find.hits[0])
	off, view := b.scroll.Offset, b.scroll.Size()
	if cb.Rect.X < float64(off.X) || cb.Rect.Right() > float64(off.X+view.Width) ||
		cb.Rect.Y < float64(off.Y) || cb.Rect.Bottom() > float64(off.Y+view.Height) {
		t.Fatalf("card %+v not in the view at %v size %v", cb.Rect, off, view)
	}
	if v := b.cards[cb.ID]; !v.Visible() {
		t.Fatal("the card scrolled to is culled")
	}
}

func TestMapsFilter(t *testing.T) {
	u, _ := newTestUI(t, nil)
	for _, title := range []string{"Nhận thức thương hiệu", "Mua hàng trực tuyến", "Giai đoạn NHẬN THỨC", "Nhân viên mới", "Thực tập"} {
		if _, err := u.st.NewMap(title, data.CurrentState); err != nil {
			t.Fatal(err)
		}
	}
	u.side.reload()
	if u.side.list.Length() != 5 {
		t.Fatalf("%d maps listed", u.side.list.Length())
	}
	if u.side.filter.PlaceHolder != "Filter maps…" {
		t.Errorf("placeholder %q", u.side.filter.PlaceHolder)
	}
	test.Type(u.side.filter, "nhan thuc")
	var got []string
	for i := 0; i < u.side.list.Length(); i++ {
		got = append(got, u.side.shown[i].Title)
	}
	if len(got) != 2 || got[0] != "Giai đoạn NHẬN THỨC" && got[1] != "Giai đoạn NHẬN THỨC" {
		t.Fatalf("filtered: %q", got)
	}
	for _, g := range got {
		if g != "Nhận thức thương hiệu" && g != "Giai đoạn NHẬN THỨC" {
			t.Fatalf("filtered: %q", got)
		}
	}
	// Picking a map from the filtered list opens that map.
	u.side.list.Select(1)
	if u.m == nil || u.m.Title != got[1] {
		t.Fatalf("opened %v, want %q", u.m, got[1])
	}
	u.side.filter.SetText("")
	if u.side.list.Length() != 5 {
		t.Fatalf("cleared filter: %d maps", u.side.list.Length())
	}
}

// TestCaptureSearch saves the board with the search bar open and the hits outlined, in both
// themes, for a look (/tmp/journeycanvas-search-light.png and -dark.png).
func TestCaptureSearch(t *testing.T) {
	for _, th := range []string{themeLight, themeDark} {
		u, w := newTestUI(t, searchMap())
		u.body.SetOffset(0.78) // the inspector as a user sees it
		if th == themeDark {
			u.setThemeMode(themeDark)
		}
		w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlF)
		typeText(t, w, "dat hang")
		typeKey(t, w, fyne.KeyReturn)
		img := w.Canvas().Capture()
		f, err := os.Create("/tmp/journeycanvas-search-" + th + ".png")
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

// BenchmarkSearchKeystroke1000 is one letter typed into the search bar on the 1,000-card map,
// until the board outlines the new hits and selects and scrolls to the first (budget: 10 ms).
// The letters spell queries one after the other, so the hits grow, shrink and move; the
// field is cleared between queries outside the timing.
func BenchmarkSearchKeystroke1000(b *testing.B) {
	u, w := newTestUI(b, testmaps.Big(1000, 12, 6))
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrlF)
	e := u.find.entry
	if w.Canvas().Focused() != e {
		b.Fatal("the search field has no focus")
	}
	queries := []rune("dat hang\x00checkout app\x00giao nhanh\x00khach danh gia\x00s\x00")
	hits, pos := 0, 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := queries[pos%len(queries)]
		pos++
		if r == 0 {
			b.StopTimer()
			e.SetText("")
			b.StartTimer()
			r = queries[pos%len(queries)]
			pos++
		}
		e.TypedRune(r)
		hits += len(u.find.hits)
	}
	b.StopTimer()
	b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
	// What the user sees agrees with the query.
	q := e.Text
	for _, cb := range u.board.lay.Cards {
		c := u.m.Card(cb.ID)
		want := u.find.query.MatchText(c.Title + "\n" + c.Notes + "\n" + c.Channel + "\n" + strings.Join(c.Tags, "\n"))
		if outlined(u, cb.ID) != want {
			b.Fatalf("%q: card %q outlined %v", q, c.Title, !want)
		}
	}
}

// BenchmarkSearchIndex1000 is the folding of the 1,000-card map's text: cold (a map opened)
// and after an edit re-read the map (every unchanged card keeps its folded text).
func BenchmarkSearchIndex1000(b *testing.B) {
	m := testmaps.Big(1000, 12, 6)
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var x cardIndex
			x.update(m)
		}
	})
	b.Run("reread", func(b *testing.B) {
		var x cardIndex
		x.update(m)
		for i := 0; i < b.N; i++ {
			c := *m
			x.update(&c) // another map value with the same cards
		}
		if len(x.text) != 1000 {
			b.Fatal(len(x.text))
		}
	})
}
