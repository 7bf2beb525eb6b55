package canvas

import (
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
	"journeycanvas/data/pgtest"
)

// connectView is what File › Connect to team workspace… shows, found in the window's top
// overlay as a user sees it: only what is visible.
type connectView struct {
	conn, password  *dialogEntry // password is nil while the field is hidden
	connect, cancel *widget.Button
	text            string     // every visible label, one a line
	rows            []*connRow // the recent connections
}

// visibleIn lists o and everything visible under it, through containers and widgets.
func visibleIn(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, visibleIn(c)...)
		}
	case *dialogEntry, *widget.Button:
		// their insides are not the user's words
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			out = append(out, visibleIn(c)...)
		}
	}
	return out
}

// connectShown finds the dialog in the window, failing the test when it is not open.
func connectShown(t *testing.T, w fyne.Window) connectView {
	t.Helper()
	var v connectView
	var lines []string
	for _, o := range visibleIn(w.Canvas().Overlays().Top()) {
		switch o := o.(type) {
		case *dialogEntry:
			if o.secret {
				v.password = o
			} else {
				v.conn = o
			}
		case *widget.Button:
			switch o.Text {
			case lang.L("Connect"):
				v.connect = o
			case lang.L("Cancel"):
				v.cancel = o
			}
		case *widget.Label:
			lines = append(lines, o.Text)
		case *connRow:
			v.rows = append(v.rows, o)
		}
	}
	if v.conn == nil || v.connect == nil || v.cancel == nil {
		t.Fatal("the Connect to team workspace dialog is not shown")
	}
	v.text = strings.Join(lines, "\n")
	return v
}

// openConnect chooses File › Connect to team workspace….
func openConnect(t *testing.T, u *ui, w fyne.Window) connectView {
	t.Helper()
	menuItem(t, u.win.MainMenu().Items[0], lang.L("Connect to team workspace…")).Action()
	return connectShown(t, w)
}

// tapConnect taps Connect, checks the window does not wait for the server, and waits for the
// connection to end (the test driver runs fyne.Do at once on the connecting goroutine: the
// dialog must not be looked at meanwhile).
func tapConnect(t *testing.T, u *ui, w fyne.Window, v connectView) {
	t.Helper()
	start := time.Now()
	test.Tap(v.connect)
	if d := time.Since(start); d > 300*time.Millisecond {
		t.Errorf("Connect held the window for %v", d)
	}
	connectWait(t)
}

// connectWait waits for the connection under way to succeed or fail.
func connectWait(t *testing.T) {
	t.Helper()
	done := make(chan struct{})
	go func() { lastConnectDialog.pending.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(data.DefaultConnectTimeout + 5*time.Second):
		t.Fatal("still connecting")
	}
}

// noPasswordSources keeps the machine's ~/.pgpass and PGPASSWORD out of the test.
func noPasswordSources(t *testing.T) {
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("PGPASSWORD", "")
}

// teamDatabase puts a map in the database conn, as another client would, and returns the
// database's name.
func teamDatabase(t *testing.T, conn, title string) (name string) {
	t.Helper()
	s, err := data.Open(conn, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := data.SampleMap("vi")
	m.Title = title
	if _, err := s.CreateMap(m); err != nil {
		t.Fatal(err)
	}
	s.Close()
	u, _ := url.Parse(data.WithoutPassword(conn))
	return strings.TrimPrefix(u.Path, "/")
}

// A user opens File › Connect to team workspace…, mistypes the database's name, then a server
// that never answers, then the right one: each failure is said in the dialog, what was typed
// stays, the file stays open; the right one opens in the window with its maps, and the
// connection is first in the recent list, where a tap fills the field and the bin removes it.
func TestConnectToTeamWorkspace(t *testing.T) {
	noPasswordSources(t)
	conn := pgtest.DB(t)
	db := teamDatabase(t, conn, "Hành trình của nhóm")
	u, w := newTestUI(t, data.SampleMap("en"))
	file := u.st.Path()
	addRecent(u.app, file) // as Run does

	v := openConnect(t, u, w)
	if len(v.rows) != 0 || strings.Contains(v.text, "Recent connections") {
		t.Fatalf("a recent list before any connection: %q", v.text)
	}
	test.Tap(v.connect)
	if v = connectShown(t, w); !strings.Contains(v.text, "Type a connection string first.") {
		t.Errorf("Connect with nothing typed: %q", v.text)
	}
	test.Type(v.conn, "Hành trình.journey")
	test.Tap(v.connect)
	if v = connectShown(t, w); !strings.Contains(v.text, "This is not a connection string.") || v.conn.Text != "Hành trình.journey" {
		t.Errorf("a file name: %q", v.text)
	}
	v.conn.SetText("")
	missing := strings.Replace(conn, "/"+db+"?", "/no_such_db?", 1)
	test.Type(v.conn, missing)
	tapConnect(t, u, w, v)
	v = connectShown(t, w)
	if !strings.Contains(v.text, "There is no such database on the server. Check its name.") || !strings.Contains(v.text, "no_such_db") {
		t.Errorf("missing database: the dialog says %q", v.text)
	}
	if v.conn.Text != missing || u.st.Path() != file {
		t.Fatalf("after a failure the field holds %q, the window %s", v.conn.Text, u.st.Path())
	}

	// A role that may not make the workspace in an empty database.
	_, stranger := pgtest.Reader(t, pgtest.DB(t), "")
	v.conn.SetText(stranger)
	tapConnect(t, u, w, v)
	if v = connectShown(t, w); !strings.Contains(v.text, "Your database role may not create or upgrade the workspace in this database.") || u.st.Path() != file {
		t.Errorf("a role that may not create tables: %q", v.text)
	}

	// A server that accepts the connection and never answers: the dialog says it is connecting,
	// the window goes on, and the timeout is said.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	silent := fmt.Sprintf("postgres://lan@%s/maps?sslmode=disable&connect_timeout=2", l.Addr())
	v.conn.SetText(silent)
	test.Tap(v.connect)
	busy := connectShown(t, w)
	saveShot(w, "connect-busy.png")
	if !strings.Contains(busy.text, "Connecting to maps@"+l.Addr().String()+"…") || !busy.connect.Disabled() || !busy.conn.Disabled() {
		t.Errorf("while connecting: %q, Connect disabled %v", busy.text, busy.connect.Disabled())
	}
	connectWait(t)
	v = connectShown(t, w)
	if !strings.Contains(v.text, "The server cannot be reached. Check the host name, the port and your network.") ||
		v.conn.Text != silent || v.conn.Disabled() || u.st.Path() != file {
		t.Errorf("silent server: %q, field %q, window %s", v.text, v.conn.Text, u.st.Path())
	}
	saveShot(w, "connect-failed.png")

	v.conn.SetText(conn)
	tapConnect(t, u, w, v)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", connectShown(t, w).text)
	}
	if u.st.Name() != db || u.m == nil || u.m.Title != "Hành trình của nhóm" || len(u.side.maps) != 1 {
		t.Fatalf("the window shows %s, map %v", u.st.Name(), u.m)
	}
	if got := w.Title(); got != "Hành trình của nhóm — "+db+" — Journey Canvas" {
		t.Errorf("window title %q", got)
	}
	if got := recentConnections(u.app); len(got) != 1 || got[0] != conn {
		t.Errorf("recent connections %q", got)
	}
	if got := recentFiles(u.app); len(got) != 1 || got[0] != file {
		t.Errorf("Open recent lists %q: files only", got)
	}

	// The list, most recent first: the database, named as the window names it.
	addConnection(u.app, "postgres://minh@db.example.com/maps?sslmode=require")
	v = openConnect(t, u, w)
	if len(v.rows) != 2 || v.rows[0].conn != "postgres://minh@db.example.com/maps?sslmode=require" || v.rows[1].conn != conn ||
		!strings.Contains(v.text, "maps@db.example.com") || !strings.Contains(v.text, "\n"+db+"\n"+conn) {
		t.Fatalf("recent rows %d: %q", len(v.rows), v.text)
	}
	saveShot(w, "connect-recent.png")
	test.Tap(v.rows[1])
	saveShot(w, "connect-chosen.png")
	if v.conn.Text != conn {
		t.Errorf("a tap on the row filled %q", v.conn.Text)
	}
	test.Tap(v.rows[0].remove)
	v = connectShown(t, w)
	if len(v.rows) != 1 || v.rows[0].conn != conn || len(recentConnections(u.app)) != 1 {
		t.Fatalf("after removing: rows %d, preferences %q", len(v.rows), recentConnections(u.app))
	}
	// A double click connects, from the file again.
	u.openPath(file)
	test.DoubleTap(v.rows[0])
	connectWait(t)
	if w.Canvas().Overlays().Top() != nil || u.st.Name() != db {
		t.Fatalf("a double click on the row: the window shows %s", u.st.Name())
	}
	// From the keyboard: Tab from the field reaches the first row, Down the next, Space fills
	// the field, Delete takes a row off the list (the keyboard stays there), Enter connects.
	addConnection(u.app, "host=db.example.com dbname=kho user=minh")
	u.openPath(file)
	v = openConnect(t, u, w)
	c := w.Canvas()
	c.FocusNext()
	if len(v.rows) != 2 || c.Focused() != v.rows[0] {
		t.Fatalf("Tab from the field reached %T", c.Focused())
	}
	v.rows[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	v.rows[1].TypedRune(' ')
	if c.Focused() != v.rows[1] || v.conn.Text != conn || !v.rows[1].selected || v.rows[0].selected {
		t.Fatalf("Down and Space: focus on %T, field %q", c.Focused(), v.conn.Text)
	}
	v.rows[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	v.rows[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	v = connectShown(t, w)
	if len(v.rows) != 1 || v.rows[0].conn != conn || c.Focused() != v.rows[0] {
		t.Fatalf("Delete: rows %d, focus on %T", len(v.rows), c.Focused())
	}
	v.rows[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	connectWait(t)
	if c.Overlays().Top() != nil || u.st.Name() != db {
		t.Fatalf("Enter on the row: the window shows %s", u.st.Name())
	}

	v = openConnect(t, u, w)
	test.Tap(v.cancel)
	if w.Canvas().Overlays().Top() != nil || u.st.Name() != db {
		t.Fatal("Cancel did not close the dialog, or changed the workspace")
	}
	v = openConnect(t, u, w)
	if w.Canvas().Focused() != v.conn {
		t.Fatal("the connection field does not have the keyboard")
	}
	test.Type(v.conn, "host=elsewhere dbname=maps")
	v.conn.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil || u.st.Name() != db {
		t.Fatal("Escape did not close the dialog, or changed the workspace")
	}
}

// A role with a password the machine does not know: the server asks, the dialog shows a
// password field, a wrong password is refused, the right one connects; a password typed in the
// URL connects too. No password is ever in the preferences.
// The app started with no workspace named, after the user last worked in a team workspace,
// offers to connect to it again; Reconnect connects (the dialog shows while it does) and the
// window shows the team's map. A file last, or no team workspace, offers nothing.
func TestReconnectOfferAtStart(t *testing.T) {
	noPasswordSources(t)
	conn := pgtest.DB(t)
	db := teamDatabase(t, conn, "Hành trình của nhóm")
	u, w := newTestUI(t, data.SampleMap("en"))
	addRecent(u.app, conn)
	if got := u.app.Preferences().String(prefLastWorkspace); got != data.WithoutPassword(conn) {
		t.Fatalf("the last workspace kept is %q", got)
	}
	u.offerReconnect(u.st.Path()) // a file: nothing to offer
	if u.alert.Visible() {
		t.Fatalf("an offer for a file: %q", u.lastAlert)
	}
	u.offerReconnect(conn)
	if !u.alert.Visible() || !strings.Contains(u.lastAlert, "Last time you worked in the team workspace "+db) {
		t.Fatalf("the notice says %q", u.lastAlert)
	}
	saveShot(w, "reconnect-offer.png")
	b := buttonIn(u.alert, "Reconnect")
	if b == nil {
		t.Fatal("no Reconnect button on the notice")
	}
	test.Tap(b)
	connectWait(t)
	if u.st.Path() != data.WithoutPassword(conn) || u.m == nil || u.m.Title != "Hành trình của nhóm" {
		t.Fatalf("after Reconnect the window shows %s, map %v", u.st.Path(), u.m)
	}
	if u.alert.Visible() {
		t.Fatal("the offer stays after it was taken")
	}
}

func TestConnectAsksForThePassword(t *testing.T) {
	noPasswordSources(t)
	const secret = "mật khẩu 'bí mật'"
	role, writer := pgtest.Writer(t, pgtest.DB(t), secret)
	db := teamDatabase(t, data.WithPassword(writer, secret), "Bản đồ có mật khẩu")
	u, w := newTestUI(t, data.SampleMap("en"))
	file := u.st.Path()

	v := openConnect(t, u, w)
	if v.password != nil {
		t.Fatal("a password field before the server asked")
	}
	test.Type(v.conn, writer)
	tapConnect(t, u, w, v)
	v = connectShown(t, w)
	if v.password == nil || !strings.Contains(v.text, "The server asks for a password.") || u.win.Canvas().Focused() != v.password {
		t.Fatalf("no password asked for: %q", v.text)
	}
	saveShot(w, "connect-password.png")
	test.Type(v.password, "sai")
	if !v.password.Password {
		t.Fatal("the password is shown as typed")
	}
	tapConnect(t, u, w, v)
	v = connectShown(t, w)
	if !strings.Contains(v.text, "The password was refused.") || v.password == nil || v.password.Text != "" || v.conn.Text != writer || u.st.Path() != file {
		t.Fatalf("wrong password: %q", v.text)
	}
	test.Type(v.password, secret)
	v.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter connects
	connectWait(t)
	if w.Canvas().Overlays().Top() != nil || u.st.Name() != db || u.m == nil || u.m.Title != "Bản đồ có mật khẩu" {
		t.Fatalf("the window shows %s", u.st.Name())
	}
	if u.st.ReadOnly() {
		t.Error("the owner's role opened read-only")
	}

	// The password in the URL, as a user may paste it.
	u.openPath(file)
	inURL := strings.Replace(writer, role+"@", role+":"+url.PathEscape(secret)+"@", 1)
	v = openConnect(t, u, w)
	test.Type(v.conn, inURL)
	tapConnect(t, u, w, v)
	if u.st.Name() != db {
		t.Fatalf("password in the URL: %s", u.st.Name())
	}
	if got := recentConnections(u.app); len(got) != 1 || got[0] != writer {
		t.Errorf("recent connections %q, want only %q", got, writer)
	}
	// …nor one given on the command line (addRecent, as Run and a handed-over start call it).
	addRecent(u.app, inURL)
	prefs, ok := u.app.Preferences().(interface{ ReadValues(func(map[string]any)) })
	if !ok {
		t.Fatal("the test app's preferences cannot be read")
	}
	prefs.ReadValues(func(values map[string]any) {
		all := fmt.Sprint(values)
		if len(values) == 0 || !strings.Contains(all, writer) {
			t.Errorf("the preferences do not hold the connection: %s", all)
		}
		for _, leak := range []string{"bí mật", url.PathEscape(secret), url.QueryEscape(secret), "sai"} {
			if strings.Contains(all, leak) {
				t.Errorf("the preferences hold the password (%q): %s", leak, all)
			}
		}
	})
}

// In Vietnamese, the menu item, the dialog and its messages speak it; the store's own words
// stay under the headline.
func TestConnectInVietnamese(t *testing.T) {
	noPasswordSources(t)
	conn := pgtest.DB(t)
	u, w := newTestUI(t, data.SampleMap("vi"))
	t.Cleanup(func() { setLanguage("en") })
	u = u.switchLanguage("vi")
	menuItem(t, w.MainMenu().Items[0], "Kết nối không gian làm việc nhóm…")
	v := openConnect(t, u, w)
	if v.connect.Text != "Kết nối" || v.cancel.Text != "Hủy" || !strings.Contains(v.text, "Chuỗi kết nối") ||
		!strings.Contains(v.text, "mật khẩu không bao giờ được lưu") {
		t.Fatalf("the dialog reads %q, buttons %q %q", v.text, v.connect.Text, v.cancel.Text)
	}
	test.Type(v.conn, strings.Replace(conn, "?", "_khong_co?", 1))
	tapConnect(t, u, w, v)
	v = connectShown(t, w)
	if !strings.Contains(v.text, "Máy chủ không có cơ sở dữ liệu này. Hãy kiểm tra lại tên.") || !strings.Contains(v.text, "_khong_co") {
		t.Errorf("missing database, in Vietnamese: %q", v.text)
	}
	saveShot(w, "connect-vi.png")
}
