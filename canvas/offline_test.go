package canvas

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
	"journeycanvas/data/pgtest"
)

// noticeText is the banner under the toolbar.
func noticeText(u *ui) string {
	for _, o := range u.notice.Objects {
		if l, ok := o.(*widget.Label); ok {
			return l.Text
		}
	}
	return ""
}

// The team workspace's server goes away while the user types the notes of a card: the window
// says so, keeps the map on the board, refuses a new card with a notice, keeps the typed notes
// in their field (also after leaving it), and when the server is back says so and saves them.
func TestServerGoneWhileTyping(t *testing.T) {
	srv := pgtest.Own(t)
	u, w := newTestUIAt(t, srv.DB(t), data.SampleMap("vi"))
	b := u.board
	id := b.lay.Cards[0].ID
	n := len(u.m.Cards)
	test.Tap(b.cards[id])
	notes := u.insp.fields["Notes"].(*field)
	w.Canvas().Focus(notes)
	test.Type(notes, "Khách gọi tổng đài")

	srv.Stop()
	waitFor(t, "offline banner", func() bool { return u.offline != nil })
	if got := noticeText(u); !strings.Contains(got, "Cannot reach") || !strings.Contains(got, u.st.Name()) {
		t.Fatalf("banner %q", got)
	}
	if !strings.Contains(w.Title(), "(offline)") {
		t.Fatalf("title %q", w.Title())
	}
	saveShot(w, "offline-1-banner.png")
	test.Type(notes, " lúc 9 giờ")
	w.Canvas().Unfocus() // leaving the field would save it
	u.insp.commit()
	if notes.Text != "Khách gọi tổng đài lúc 9 giờ" {
		t.Fatalf("the typed notes became %q", notes.Text)
	}
	if len(b.lay.Cards) != n || u.m == nil {
		t.Fatal("the map left the board")
	}
	u.addCardMenu()
	if !strings.Contains(u.lastAlert, "Not saved") {
		t.Fatalf("adding a card offline: notice %q", u.lastAlert)
	}
	if len(b.lay.Cards) != n {
		t.Fatal("a card was added offline")
	}

	// A comment sent now waits in its box, and is sent when the server is back.
	p := u.comments
	p.entry.SetText("Gọi lại cho khách trong 24 giờ")
	p.post()
	if !p.waiting || p.entry.Text == "" {
		t.Fatalf("the comment sent offline: waiting %v, box %q", p.waiting, p.entry.Text)
	}
	// Closing the window now would lose the notes: it asks first, and "Wait" keeps it open.
	left := false
	u.leaveUnsaved(func() { left = true })
	if left || u.lastConfirm == nil {
		t.Fatal("closing with unsaved notes did not ask")
	}
	saveShot(w, "offline-3-close.png")
	u.lastConfirm.Hide()

	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	// The window saves the notes as soon as it has reconnected (on its own goroutine here).
	other, err := data.Open(u.st.Path(), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var got string
	waitFor(t, "notes saved after the return", func() bool {
		m, err := other.LoadMap(u.mapID)
		if err == nil {
			got = m.Card(id).Notes
		}
		return got == "Khách gọi tổng đài lúc 9 giờ"
	})
	waitFor(t, "reconnection notice", func() bool { return strings.Contains(u.lastAlert, "Connected again") })
	waitFor(t, "the waiting comment sent", func() bool {
		m, err := other.LoadMap(u.mapID)
		return err == nil && len(m.Comments) == 1 && m.Comments[0].Text == "Gọi lại cho khách trong 24 giờ"
	})
	waitFor(t, "the box emptied after sending", func() bool { return !p.waiting && p.entry.Text == "" })
	u.leaveUnsaved(func() { left = true })
	if !left {
		t.Fatal("with nothing unsaved, closing asked")
	}
	if noticeText(u) != "" || strings.Contains(w.Title(), "(offline)") {
		t.Fatalf("after the return: banner %q, title %q", noticeText(u), w.Title())
	}
}
