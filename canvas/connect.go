package canvas

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// File › Connect to team workspace…: a PostgreSQL database opened in this window, typed as a
// connection string or picked from the recent connections. Those are a list of their own in the
// preferences (prefConnections), kept without their passwords; File › Open recent lists files.
// A password comes from libpq's usual places (PGPASSFILE, ~/.pgpass, PGPASSWORD) or, when the
// server asks for one they did not give, from a field the dialog then shows; it is used for that
// one connection and kept nowhere.

// prefConnections is the list of recent connection strings, newest first, without passwords.
const prefConnections = "recent-connections"

// maxRecent is how many files, and how many connections, the recent lists keep.
const maxRecent = 8

// recentConnections is the list of recent connections, newest first.
func recentConnections(a fyne.App) []string {
	return a.Preferences().StringList(prefConnections)
}

// addConnection puts conn, without its password, first in the recent connections.
func addConnection(a fyne.App, conn string) {
	conn = data.WithoutPassword(strings.TrimSpace(conn))
	list := []string{conn}
	for _, c := range recentConnections(a) {
		if c != conn && len(list) < maxRecent {
			list = append(list, c)
		}
	}
	a.Preferences().SetStringList(prefConnections, list)
}

// removeConnection takes conn off the recent connections.
func removeConnection(a fyne.App, conn string) {
	var list []string
	for _, c := range recentConnections(a) {
		if c != conn {
			list = append(list, c)
		}
	}
	a.Preferences().SetStringList(prefConnections, list)
}

// connectDialog is File › Connect to team workspace…, while it is open.
type connectDialog struct {
	u        *ui
	d        *dialog.CustomDialog
	conn     *dialogEntry
	password *dialogEntry
	pwRow    *fyne.Container // the password's label and field, shown when the server asks
	headline *widget.Label   // what went wrong, or what is going on
	detail   *widget.Label   // the store's own words for it
	progress *widget.ProgressBarInfinite
	recent   *fyne.Container // the rows of recent connections
	recentLb *widget.Label
	connect  *widget.Button
	cancel   *widget.Button
	attempt  int            // the connection being waited for; an older one's result is dropped
	closed   bool           // cancelled or done: a result still on its way is closed, not shown
	pending  sync.WaitGroup // connections not yet finished (tests wait on it)
}

// lastConnectDialog is the dialog opened last (for tests).
var lastConnectDialog *connectDialog

// connectDialog opens File › Connect to team workspace….
func (u *ui) connectDialog() *connectDialog {
	c := &connectDialog{u: u}
	lastConnectDialog = c
	c.conn = newDialogEntry(false, c.close)
	c.conn.SetPlaceHolder("postgres://user@host/database")
	c.conn.OnSubmitted = func(string) { c.start() }
	c.conn.OnChanged = func(string) { c.forgetPassword() }
	hint := widget.NewLabel(lang.L("A URL such as postgres://lan@db.example.com/maps?sslmode=require, or key=value pairs such as host=db.example.com dbname=maps user=lan.") +
		"\n" + lang.L("Passwords are read from ~/.pgpass or PGPASSFILE, or asked for here; they are never saved."))
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	c.password = newDialogEntry(true, c.close)
	c.password.OnSubmitted = func(string) { c.start() }
	c.pwRow = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Password")), nil, c.password)
	c.pwRow.Hide()
	c.headline = widget.NewLabel("")
	c.headline.Wrapping = fyne.TextWrapWord
	c.headline.TextStyle.Bold = true
	c.headline.Hide()
	c.detail = widget.NewLabel("")
	c.detail.Wrapping = fyne.TextWrapWord
	c.detail.SizeName = theme.SizeNameCaptionText
	c.detail.Hide()
	c.progress = widget.NewProgressBarInfinite()
	c.progress.Stop()
	c.progress.Hide()
	c.recentLb = widget.NewLabelWithStyle(lang.L("Recent connections"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.recent = container.NewVBox()
	c.fillRecent("")
	c.connect = widget.NewButton(lang.L("Connect"), c.start)
	c.connect.Importance = widget.HighImportance
	c.cancel = widget.NewButton(lang.L("Cancel"), c.close)
	field := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Connection")), nil, c.conn)
	content := container.NewVBox(field, hint, c.headline, c.pwRow, c.detail, c.progress, c.recentLb, c.recent)
	c.d = dialog.NewCustomWithoutButtons(lang.L("Connect to a team workspace"), content, u.win)
	c.d.SetButtons([]fyne.CanvasObject{c.cancel, c.connect})
	c.d.SetOnClosed(func() { c.closed = true })
	c.d.Show()
	c.fit()
	u.win.Canvas().Focus(c.conn)
	return c
}

// fillRecent lists the recent connections, selected marked.
func (c *connectDialog) fillRecent(selected string) {
	list := recentConnections(c.u.app)
	c.recent.Objects = nil
	for i, conn := range list {
		i, conn := i, conn
		r := newConnRow(conn, conn == selected)
		r.onTap = func() { c.choose(conn) }
		r.onDoubleTap = func() { c.choose(conn); c.start() }
		r.onRemove = func() {
			removeConnection(c.u.app, conn)
			c.fillRecent(c.conn.Text)
			c.fit()
			if n := len(c.recent.Objects); n > 0 { // the keyboard stays in the list
				c.u.win.Canvas().Focus(c.recent.Objects[min(i, n-1)].(*connRow))
			}
		}
		r.onEscape = c.close
		r.onMove = func(by int) { c.focusRow(r, by) }
		c.recent.Add(r)
	}
	c.recentLb.Hidden = len(list) == 0
	c.recentLb.Refresh()
	c.recent.Refresh()
}

// focusRow gives the keyboard to the row by rows after (or before) r, if there is one.
func (c *connectDialog) focusRow(r *connRow, by int) {
	for i, o := range c.recent.Objects {
		if o == r && i+by >= 0 && i+by < len(c.recent.Objects) {
			c.u.win.Canvas().Focus(c.recent.Objects[i+by].(*connRow))
			return
		}
	}
}

// choose puts a recent connection in the field.
func (c *connectDialog) choose(conn string) {
	if c.busy() {
		return
	}
	c.conn.SetText(conn)
	for _, o := range c.recent.Objects {
		r := o.(*connRow)
		r.setSelected(r.conn == conn)
	}
}

func (c *connectDialog) busy() bool { return !c.progress.Hidden }

// forgetPassword hides the password field again when the connection is changed: a password
// asked for belongs to the connection that asked.
func (c *connectDialog) forgetPassword() {
	if c.busy() || !c.pwRow.Visible() {
		return
	}
	c.password.SetText("")
	c.pwRow.Hide()
	c.say("", "")
}

// start connects off the UI thread: a server that does not answer takes up to
// data.DefaultConnectTimeout to be given up. The dialog says it is connecting meanwhile.
func (c *connectDialog) start() {
	if c.busy() || c.closed {
		return
	}
	text := strings.TrimSpace(c.conn.Text)
	switch {
	case text == "":
		c.say(lang.L("Type a connection string first."), "")
		return
	case !data.IsURL(text):
		c.say(lang.L("This is not a connection string. Write a URL that starts with postgres://, or key=value pairs such as host=… dbname=…."), "")
		return
	}
	open := text
	if c.pwRow.Visible() && c.password.Text != "" {
		open = data.WithPassword(text, c.password.Text)
	}
	c.attempt++
	attempt := c.attempt
	c.progress.Show()
	c.progress.Start()
	c.headline.TextStyle.Bold = false
	c.say(fmt.Sprintf(lang.L("Connecting to %s…"), data.DisplayName(text)), "")
	c.connect.Disable()
	c.conn.Disable()
	c.password.Disable()
	c.pending.Add(1)
	go func() {
		defer c.pending.Done()
		s, err := data.Open(open, data.OpenOptions{})
		fyne.DoAndWait(func() { c.finish(attempt, s, err) })
	}()
}

// finish takes the result of a connection on the UI thread: the workspace opens in the window,
// or the dialog says what went wrong and keeps what was typed.
func (c *connectDialog) finish(attempt int, s *data.Store, err error) {
	if c.closed || attempt != c.attempt {
		if s != nil {
			s.Close()
		}
		return
	}
	c.progress.Stop()
	c.progress.Hide()
	c.headline.TextStyle.Bold = true
	c.connect.Enable()
	c.conn.Enable()
	c.password.Enable()
	if err != nil {
		c.fail(err)
	} else {
		c.closed = true
		c.u.setStore(s) // and into the recent connections, without the password (addRecent)
		c.d.Hide()
	}
}

// fail says why the connection failed: a headline in the user's language, the store's message
// under it. A server that asks for a password gets the password field.
func (c *connectDialog) fail(err error) {
	var head string
	switch code := data.SQLState(err); {
	case code == "28P01" && (!c.pwRow.Visible() || c.password.Text == ""):
		head = lang.L("The server asks for a password. It is used for this connection only and never saved.")
		c.pwRow.Show()
		c.u.win.Canvas().Focus(c.password)
	case code == "28P01":
		head = lang.L("The password was refused. Check it and try again.")
		c.password.SetText("")
		c.u.win.Canvas().Focus(c.password)
	case code == "3D000":
		head = lang.L("There is no such database on the server. Check its name.")
	case code == "28000":
		head = lang.L("The server does not let this user in. Check the user name, or ask the database's administrator.")
	case errors.Is(err, data.ErrUnreachable):
		head = lang.L("The server cannot be reached. Check the host name, the port and your network.")
	case errors.Is(err, data.ErrNotJourney):
		head = lang.L("This database is not a Journey Canvas workspace: it holds other tables. Use an empty database, or one made by Journey Canvas.")
	case errors.Is(err, data.ErrNoAccess):
		head = lang.L("Your database role may not read this workspace. Ask the database's administrator to give it access.")
	case errors.Is(err, data.ErrReadOnly):
		head = lang.L("Your database role may not create or upgrade the workspace in this database. Ask the database's administrator.")
	case errors.Is(err, data.ErrNewerSchema):
		head = lang.L("This workspace was made by a newer version of Journey Canvas. Update the app to open it.")
	default:
		head = lang.L("Could not connect.")
	}
	c.u.lastErr = err
	c.say(head, err.Error())
}

// say shows a headline and its detail under the field ("" hides them).
func (c *connectDialog) say(head, detail string) {
	c.headline.SetText(head)
	c.headline.Hidden = head == ""
	c.detail.SetText(detail)
	c.detail.Hidden = detail == ""
	c.headline.Refresh()
	c.detail.Refresh()
	c.fit()
}

// fit makes the dialog as high as its content: twice, as a wrapped label knows its height only
// once it has been given its width.
func (c *connectDialog) fit() {
	c.d.Resize(fyne.NewSize(680, 1))
	c.d.Resize(fyne.NewSize(680, 1))
}

// close is Cancel: a connection still on its way is closed when it arrives.
func (c *connectDialog) close() {
	c.closed = true
	c.d.Hide()
}

// dialogEntry is a field of the dialog: Escape cancels the dialog, as it does elsewhere. A
// password field masks what is typed and has a button that shows it.
type dialogEntry struct {
	widget.Entry
	secret   bool // a password field
	onEscape func()
}

func newDialogEntry(password bool, onEscape func()) *dialogEntry {
	e := &dialogEntry{secret: password, onEscape: onEscape}
	e.Password = password
	if password {
		var eye *widget.Button
		eye = widget.NewButtonWithIcon("", theme.VisibilityOffIcon(), func() {
			e.Password = !e.Password
			eye.SetIcon(map[bool]fyne.Resource{true: theme.VisibilityOffIcon(), false: theme.VisibilityIcon()}[e.Password])
			e.Refresh()
		})
		eye.Importance = widget.LowImportance
		e.ActionItem = eye
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey cancels the dialog on Escape.
func (e *dialogEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// connRow is one recent connection: its name as the window will show it, the connection string
// under it, and a button that takes it off the list. A click puts it in the field, a double
// click connects. From the keyboard (Tab reaches it): Space puts it in the field, Enter
// connects, Delete takes it off the list, Up and Down go to the rows around it.
type connRow struct {
	widget.BaseWidget
	conn                                   string
	selected, focused, hovered             bool
	onTap, onDoubleTap, onRemove, onEscape func()
	onMove                                 func(by int) // to the row above (-1) or below (1)
	bg                                     *canvas.Rectangle
	remove                                 *widget.Button
}

func newConnRow(conn string, selected bool) *connRow {
	r := &connRow{conn: conn, selected: selected}
	r.ExtendBaseWidget(r)
	return r
}

func (r *connRow) CreateRenderer() fyne.WidgetRenderer {
	r.bg = canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	r.bg.CornerRadius = theme.InputRadiusSize()
	name := widget.NewLabelWithStyle(data.DisplayName(r.conn), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	full := widget.NewLabel(r.conn)
	full.Truncation = fyne.TextTruncateEllipsis
	full.SizeName = theme.SizeNameCaptionText
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		if r.onRemove != nil {
			r.onRemove()
		}
	})
	r.remove.Importance = widget.LowImportance
	text := container.New(&tightVBox{}, name, full)
	r.paint()
	return &connRowRenderer{WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(r.bg,
		container.NewBorder(nil, nil, nil, container.NewCenter(r.remove), text))), row: r}
}

// connRowRenderer repaints the row's background with its state.
type connRowRenderer struct {
	fyne.WidgetRenderer
	row *connRow
}

func (c *connRowRenderer) Refresh() {
	c.row.paint()
	c.WidgetRenderer.Refresh()
}

// paint colours the background: chosen, with the keyboard, under the pointer, or none.
func (r *connRow) paint() {
	if r.bg == nil {
		return
	}
	r.bg.Hidden = false
	switch {
	case r.selected:
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	case r.focused:
		r.bg.FillColor = theme.Color(theme.ColorNameFocus)
	case r.hovered:
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	default:
		r.bg.Hidden = true
	}
	r.bg.Refresh()
}

func (r *connRow) setSelected(on bool) {
	if r.selected != on {
		r.selected = on
		r.Refresh()
	}
}

func (r *connRow) Tapped(*fyne.PointEvent) { runIfSet(r.onTap) }

func (r *connRow) DoubleTapped(*fyne.PointEvent) { runIfSet(r.onDoubleTap) }

func (r *connRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.Refresh() }

func (r *connRow) MouseMoved(*desktop.MouseEvent) {}

func (r *connRow) MouseOut() { r.hovered = false; r.Refresh() }

// Cursor is the pointing hand: the row is clicked.
func (r *connRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (r *connRow) FocusGained() { r.focused = true; r.Refresh() }

func (r *connRow) FocusLost() { r.focused = false; r.Refresh() }

func (r *connRow) TypedRune(c rune) {
	if c == ' ' {
		runIfSet(r.onTap)
	}
}

func (r *connRow) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		runIfSet(r.onDoubleTap)
	case fyne.KeyDelete:
		runIfSet(r.onRemove)
	case fyne.KeyEscape:
		runIfSet(r.onEscape)
	case fyne.KeyUp:
		if r.onMove != nil {
			r.onMove(-1)
		}
	case fyne.KeyDown:
		if r.onMove != nil {
			r.onMove(1)
		}
	}
}

func runIfSet(fn func()) {
	if fn != nil {
		fn()
	}
}

// tightVBox stacks its objects, each overlapping the one above by the labels' inner padding (a
// name and its caption, closer than a VBox puts them).
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		if i > 0 {
			s.Height -= theme.InnerPadding()
		}
	}
	return s
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - theme.InnerPadding()
	}
}
