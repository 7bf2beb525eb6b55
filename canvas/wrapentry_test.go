package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"journeycanvas/data"
)

// longNote wraps several times in every wrapped entry of the app, with spaces at row ends.
const longNote = "Khách thấy quảng cáo serum trên mạng xã hội, hỏi giá qua tin nhắn, rồi hẹn Thứ Bảy " +
	"ghé cửa hàng để thử màu và hỏi về chương trình khách hàng thân thiết của chuỗi"

// Typing a long sentence letter by letter into each word-wrapped entry keeps every space where
// it was typed, and Backspace right after a space that wrapped takes that space: the card's
// notes and title in the inspector, its title on the board, and the comment box. (With
// Fyne 2.7.1 alone the letter after such a space went in before it.)
func TestTypingAcrossTheWrap(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	b := u.board
	id := b.lay.Cards[0].ID
	b.selectOne(selCard, id)
	for _, name := range []string{"card notes", "card title"} {
		var f *field
		for _, x := range u.insp.texts {
			if x.name == name {
				f = x
			}
		}
		w.Canvas().Focus(f)
		f.TypedShortcut(&fyne.ShortcutSelectAll{})
		test.Type(f, longNote)
		if f.Text != longNote {
			t.Fatalf("%s shows %q", name, f.Text)
		}
		w.Canvas().Unfocus()
		c := reloadMap(t, u).Card(id)
		if got := map[string]string{"card notes": c.Notes, "card title": c.Title}[name]; got != longNote {
			t.Fatalf("%s in the file: %q", name, got)
		}
	}

	// Every prefix ending in a space, then Backspace and a letter: the space goes, not the
	// letter before it.
	for i, r := range []rune(longNote) {
		if r != ' ' || i < 20 {
			continue
		}
		want := string([]rune(longNote)[:i]) + "X"
		b.editTitle(id)
		test.Type(b.title, string([]rune(longNote)[:i+1]))
		b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		test.Type(b.title, "X")
		if b.title.Text != want {
			t.Fatalf("on the board, after %q, Backspace and X: %q", string([]rune(longNote)[:i+1]), b.title.Text)
		}
		b.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}

	// After a line break of the user's, the rows of the next line are found as well.
	b.selectOne(selCard, id)
	for _, x := range u.insp.texts {
		if x.name != "card notes" {
			continue
		}
		w.Canvas().Focus(x)
		x.TypedShortcut(&fyne.ShortcutSelectAll{})
		test.Type(x, "Dòng một")
		x.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		test.Type(x, longNote)
		if want := "Dòng một\n" + longNote; x.Text != want {
			t.Fatalf("notes of two lines show %q", x.Text)
		}
		w.Canvas().Unfocus()
	}

	u.commentOn(data.OnCard, id)
	p := u.comments
	test.Type(p.entry, longNote)
	if p.entry.Text != longNote {
		t.Fatalf("the comment box shows %q", p.entry.Text)
	}
}
