package data

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// This file holds every difference between the two SQL dialects the store speaks. The store's
// SQL is written once, for SQLite, with ? placeholders; on PostgreSQL it passes through a
// database/sql driver (pgDriver) that wraps pgx's and rewrites each statement once (the result
// is cached):
//
//   - ? placeholders become $1, $2…;
//   - INSERT OR IGNORE becomes INSERT … ON CONFLICT DO NOTHING;
//   - x COLLATE NOCASE (ASCII case folding, then byte order) becomes lower(x) COLLATE "C";
//   - window, a reserved word in PostgreSQL, is quoted as a column name;
//   - an INSERT into a table with an id column gets RETURNING id, which gives LastInsertId, and
//     a NULL id (SQLite's "pick one") becomes DEFAULT;
//
// Booleans are stored as 0 and 1, as on SQLite. Every write transaction first takes one
// advisory lock of the database (pgWriteLock), as SQLite's BEGIN IMMEDIATE takes the file's
// write lock: writers take turns, so two clients' edits never interleave, and two clients
// upgrading the schema at once do it one after the other.
//
// The schema is the SQLite migrations' own text with its types translated (pgDDL). File-only
// features (backups before a migration, header checks, WAL, VACUUM, read-only file reasons)
// are SQLite's alone; the Store's methods skip them on PostgreSQL.

// pgWriteLock is the advisory lock every write transaction holds ("JCNV").
const pgWriteLock = applicationID

// pgVersionTable holds the schema version of a PostgreSQL workspace: one row, as SQLite's
// PRAGMA user_version.
const pgVersionTable = "journeycanvas_schema"

// IsURL reports whether name is a PostgreSQL connection string rather than a file: a
// postgres:// or postgresql:// URL, or libpq's key=value form ("host=db dbname=maps").
func IsURL(name string) bool {
	if strings.HasPrefix(name, "postgres://") || strings.HasPrefix(name, "postgresql://") {
		return true
	}
	fields := libpqFields(name)
	if len(fields) == 0 {
		return false
	}
	for _, f := range fields {
		k, _, ok := strings.Cut(f, "=")
		if !ok || !libpqKeys[k] {
			return false
		}
	}
	return true
}

var libpqKeys = map[string]bool{"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true,
	"password": true, "passfile": true, "sslmode": true, "sslrootcert": true, "sslcert": true, "sslkey": true,
	"connect_timeout": true, "application_name": true, "target_session_attrs": true, "service": true, "options": true}

// WithoutPassword is a workspace's name fit to show: a file's path as it is, a connection string
// without its password (redactURL).
func WithoutPassword(name string) string {
	if IsURL(name) {
		return redactURL(name)
	}
	return name
}

// redactURL is a connection string fit for messages, titles and the recent list: without its
// password (in the URL's user part, or a password parameter). Opened again, it takes the
// password from where libpq looks (PGPASSFILE, ~/.pgpass).
func redactURL(name string) string {
	var keep []string
	if strings.HasPrefix(name, "postgres://") || strings.HasPrefix(name, "postgresql://") {
		base, query, _ := strings.Cut(urlPassword.ReplaceAllString(name, "${1}@"), "?")
		for _, kv := range strings.Split(query, "&") {
			if kv != "" && !strings.HasPrefix(kv, "password=") {
				keep = append(keep, kv)
			}
		}
		if len(keep) == 0 {
			return base
		}
		return base + "?" + strings.Join(keep, "&")
	}
	for _, f := range libpqFields(name) {
		if !strings.HasPrefix(f, "password=") {
			keep = append(keep, f)
		}
	}
	return strings.Join(keep, " ")
}

// urlPassword is the password in a URL's user part.
var urlPassword = regexp.MustCompile(`^(postgres(?:ql)?://[^:@/?#]*):[^@/?#]*@`)

// pgConnector makes connections that speak the store's SQL to PostgreSQL.
type pgConnector struct {
	inner driver.Connector
	live  *pgLive
}

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	if err := c.live.offline(); err != nil {
		return nil, errOffline
	}
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{inner: conn.(*stdlib.Conn), live: c.live, losses: c.live.losses.Load()}, nil
}

func (c pgConnector) Driver() driver.Driver { return c.inner.Driver() }

// pgConn is one connection; it rewrites every statement before pgx sees it, and announces
// each change it commits on the workspace's notification channel (pgChannel), with its
// store's token: a write transaction that wrote notifies as it commits (PostgreSQL delivers
// the notification only if the commit happens), a write outside a transaction right after it
// (unless its context is quiet). While the store's listener knows the server is out of reach
// every statement is refused at once (errOffline).
type pgConn struct {
	inner *stdlib.Conn
	live  *pgLive
	inTx  bool // a transaction is open
	wrote bool // … and it changed something
	// atCommit are the transaction's statements left to send with its COMMIT (see atCommit).
	atCommit []string
	losses   int64 // the server's losses before this connection was made (pgLive.losses)
}

// lost reports a connection made before the server was last lost: it is not used again (the
// server it spoke to may have restarted).
func (c *pgConn) lost() bool { return c.losses != c.live.losses.Load() }

// quietKey marks a context whose writes need not be announced (a window's presence renewed).
type quietKey struct{}

// quietly is ctx for a write that others need not hear about.
func quietly(ctx context.Context) context.Context { return context.WithValue(ctx, quietKey{}, true) }

// atCommitKey marks a context whose statement may wait for the transaction's COMMIT.
type atCommitKey struct{}

// atCommit is ctx for a write, without parameters and whose result nobody reads, that may
// travel to a database's server with the transaction's COMMIT instead of in a round trip of
// its own (a map's new time, the workspace's revision). It fails the commit when it fails. A
// file's store runs it at once.
func atCommit(ctx context.Context) context.Context {
	return context.WithValue(ctx, atCommitKey{}, true)
}

// notify announces a change to the other clients.
func (c *pgConn) notify(ctx context.Context) error {
	_, err := c.inner.ExecContext(ctx, `SELECT pg_notify('`+pgChannel+`', $1)`,
		[]driver.NamedValue{{Ordinal: 1, Value: c.live.token}})
	return err
}

// isWrite tells a statement that changes the database from one that only reads.
func isWrite(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n(")
	if len(q) > 6 {
		q = q[:6]
	}
	switch strings.ToUpper(q) {
	case "SELECT", "PRAGMA":
		return false
	}
	return true
}

// pgTx is a transaction that announces its changes as it commits. Its BEGIN, COMMIT and
// ROLLBACK are sent as plain SQL, so that the write lock and the announcement share their round
// trips to the server.
type pgTx struct {
	c *pgConn
}

func (t pgTx) Commit() error {
	c := t.c
	defer func() { c.inTx, c.wrote, c.atCommit = false, false, nil }()
	end := "COMMIT"
	if c.wrote { // announced in the same round trip as the commit
		end = "SELECT pg_notify('" + pgChannel + "', '" + c.live.token + "'); COMMIT"
	}
	if len(c.atCommit) > 0 { // a failure among them skips the COMMIT: the server rolls back
		end = strings.Join(c.atCommit, "; ") + "; " + end
	}
	rs, err := c.inner.Conn().PgConn().Exec(context.Background(), end).ReadAll()
	if err == nil && len(rs) > 0 && rs[len(rs)-1].CommandTag.String() == "ROLLBACK" {
		err = errors.New("the transaction was rolled back: a statement of it had failed")
	}
	if err != nil {
		c.rollback()
	}
	return err
}

func (t pgTx) Rollback() error {
	t.c.inTx, t.c.wrote, t.c.atCommit = false, false, nil
	return t.c.inner.Conn().PgConn().Exec(context.Background(), "ROLLBACK").Close()
}

// rollback ends a transaction left open by a failed statement.
func (c *pgConn) rollback() {
	if pc := c.inner.Conn().PgConn(); !pc.IsClosed() && pc.TxStatus() != 'I' {
		pc.Exec(context.Background(), "ROLLBACK").Close()
	}
}

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// PrepareContext prepares nothing on the server: pgx keeps every statement it runs prepared.
func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return &pgStmt{conn: c, query: query}, nil
}

func (c *pgConn) Close() error { return c.inner.Close() }

func (c *pgConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

// BeginTx begins a transaction; a write transaction waits for the workspace's write lock.
func (c *pgConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if err := c.live.offline(); err != nil {
		return nil, errOffline
	}
	// One round trip: the transaction begun, and for a writer the lock taken.
	begin := "BEGIN"
	switch opts.Isolation { // database/sql's levels
	case 0: // the server's default
	case 1:
		begin += " ISOLATION LEVEL READ UNCOMMITTED"
	case 2:
		begin += " ISOLATION LEVEL READ COMMITTED"
	case 4, 5: // repeatable read, snapshot
		begin += " ISOLATION LEVEL REPEATABLE READ"
	case 6:
		begin += " ISOLATION LEVEL SERIALIZABLE"
	default:
		return nil, fmt.Errorf("isolation level %d is not one PostgreSQL has", opts.Isolation)
	}
	if opts.ReadOnly {
		begin += " READ ONLY"
	} else {
		begin += fmt.Sprintf("; SELECT pg_advisory_xact_lock(%d)", int64(pgWriteLock))
	}
	if err := c.inner.Conn().PgConn().Exec(ctx, begin).Close(); err != nil {
		c.rollback()
		return nil, err
	}
	c.inTx, c.wrote = true, false
	return pgTx{c: c}, nil
}

func (c *pgConn) Ping(ctx context.Context) error { return c.inner.Ping(ctx) }
func (c *pgConn) ResetSession(ctx context.Context) error {
	if c.lost() {
		return driver.ErrBadConn
	}
	return c.inner.ResetSession(ctx)
}
func (c *pgConn) IsValid() bool                              { return !c.lost() && !c.inner.Conn().IsClosed() }
func (c *pgConn) CheckNamedValue(v *driver.NamedValue) error { return checkPgValue(v) }

// checkPgValue passes values to pgx as they are, except booleans: the schema stores them as 0
// and 1, as on SQLite.
func checkPgValue(v *driver.NamedValue) error {
	if v.Value == nil {
		return nil
	}
	if r := reflect.ValueOf(v.Value); r.Kind() == reflect.Bool {
		if r.Bool() {
			v.Value = int64(1)
		} else {
			v.Value = int64(0)
		}
	}
	return nil
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if err := c.live.offline(); err != nil && !c.inTx {
		return nil, errOffline
	}
	if c.inTx && len(args) == 0 && ctx.Value(atCommitKey{}) != nil {
		st, _ := pgStatement(query, nil)
		c.atCommit = append(c.atCommit, st.text)
		c.wrote = true
		return driver.RowsAffected(0), nil
	}
	res, err := c.exec(ctx, query, args)
	if err == nil && isWrite(query) {
		switch {
		case c.inTx:
			c.wrote = true
		case ctx.Value(quietKey{}) == nil:
			err = c.notify(ctx)
		}
	}
	return res, err
}

func (c *pgConn) exec(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	st, args := pgStatement(query, args)
	if !st.returning {
		return c.inner.ExecContext(ctx, st.text, args)
	}
	rows, err := c.inner.QueryContext(ctx, st.text, args)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var res pgResult
	dest := make([]driver.Value, 1)
	for {
		err := rows.Next(dest)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		res.n++
		if id, ok := dest[0].(int64); ok {
			res.id = id
		}
	}
	return res, nil
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if err := c.live.offline(); err != nil && !c.inTx {
		return nil, errOffline
	}
	st, args := pgStatement(query, args)
	return c.inner.QueryContext(ctx, st.text, args)
}

// pgResult is what an INSERT … RETURNING id did.
type pgResult struct{ id, n int64 }

func (r pgResult) LastInsertId() (int64, error) { return r.id, nil }
func (r pgResult) RowsAffected() (int64, error) { return r.n, nil }

// pgStmt is a statement "prepared" through database/sql.
type pgStmt struct {
	conn  *pgConn
	query string
}

func (s *pgStmt) Close() error  { return nil }
func (s *pgStmt) NumInput() int { return -1 }
func (s *pgStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.conn.ExecContext(context.Background(), s.query, named(args))
}
func (s *pgStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.conn.QueryContext(context.Background(), s.query, named(args))
}
func (s *pgStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.conn.ExecContext(ctx, s.query, args)
}
func (s *pgStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.conn.QueryContext(ctx, s.query, args)
}
func (s *pgStmt) CheckNamedValue(v *driver.NamedValue) error { return checkPgValue(v) }

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return out
}

// pgStmtText is a statement as PostgreSQL is given it.
type pgStmtText struct {
	text      string
	returning bool // an INSERT that returns the new row's id
	// nullID is the text for when the id given is NULL (SQLite picks one): DEFAULT instead of
	// the first placeholder; "" when the statement does not insert an id.
	nullID string
}

var pgCache sync.Map // SQLite statement → *pgStmtText

// pgStatement is query in PostgreSQL's dialect, with the arguments it then takes.
func pgStatement(query string, args []driver.NamedValue) (*pgStmtText, []driver.NamedValue) {
	v, ok := pgCache.Load(query)
	if !ok {
		v, _ = pgCache.LoadOrStore(query, translate(query))
	}
	st := v.(*pgStmtText)
	if st.nullID != "" && len(args) > 0 && args[0].Value == nil {
		rest := make([]driver.NamedValue, len(args)-1)
		for i, a := range args[1:] {
			rest[i] = driver.NamedValue{Ordinal: i + 1, Value: a.Value}
		}
		return &pgStmtText{text: st.nullID, returning: st.returning}, rest
	}
	return st, args
}

var (
	insertInto = regexp.MustCompile(`(?is)^\s*INSERT\s+(OR\s+IGNORE\s+)?INTO\s+(\w+)\s*\(\s*(\w+)`)
	noCase     = regexp.MustCompile(`([\w.]+)\s+COLLATE\s+NOCASE`)
)

// translate rewrites one statement of the store's SQL for PostgreSQL.
func translate(query string) *pgStmtText {
	st := &pgStmtText{}
	q := noCase.ReplaceAllString(query, `lower($1) COLLATE "C"`)
	if m := insertInto.FindStringSubmatchIndex(q); m != nil {
		table := strings.ToLower(q[m[4]:m[5]])
		ignore := m[2] >= 0
		if ignore {
			q = q[:m[2]] + q[m[3]:] // drop OR IGNORE
		}
		q = strings.TrimRight(strings.TrimSpace(q), ";")
		if ignore {
			q += " ON CONFLICT DO NOTHING"
		}
		if identityTables[table] && !strings.Contains(strings.ToUpper(q), "RETURNING") {
			q += " RETURNING id"
			st.returning = true
			if m := insertInto.FindStringSubmatch(q); m != nil && strings.EqualFold(m[3], "id") {
				st.nullID = rebind(q, true)
			}
		}
	}
	st.text = rebind(q, false)
	return st
}

// reserved are the column names that PostgreSQL reserves, quoted where they appear.
var reserved = map[string]bool{"window": true}

// rebind turns ? into $1, $2… and quotes reserved column names, outside string literals, quoted
// names and comments. With firstDefault, the first ? becomes DEFAULT and the others count
// from $1.
func rebind(q string, firstDefault bool) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(q) && q[j] != c {
				j++
			}
			if j >= len(q) {
				j = len(q) - 1
			}
			b.WriteString(q[i : j+1])
			i = j
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			b.WriteString(q[i : i+j])
			i += j - 1
		case c == '?':
			if firstDefault && n == 0 {
				b.WriteString("DEFAULT")
				firstDefault = false
				continue
			}
			n++
			fmt.Fprintf(&b, "$%d", n)
		case isWordByte(c) && (i == 0 || !isWordByte(q[i-1])):
			j := i
			for j < len(q) && isWordByte(q[j]) {
				j++
			}
			w := q[i:j]
			if reserved[strings.ToLower(w)] {
				b.WriteString(`"` + strings.ToLower(w) + `"`)
			} else {
				b.WriteString(w)
			}
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// identityTables are the tables whose id PostgreSQL numbers: those whose first column is
// "id INTEGER PRIMARY KEY" in the migrations.
var identityTables = func() map[string]bool {
	out := map[string]bool{}
	re := regexp.MustCompile(`(?i)CREATE TABLE (\w+) \(\s*id\s+INTEGER PRIMARY KEY`)
	for _, m := range migrations {
		for _, t := range re.FindAllStringSubmatch(m, -1) {
			out[strings.ToLower(t[1])] = true
		}
	}
	return out
}()

// pgDDL is a migration's SQLite text with its types in PostgreSQL's terms.
func pgDDL(sqlite string) string {
	r := strings.NewReplacer(
		"INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
		"INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
		"INTEGER", "BIGINT",
		"REAL", "DOUBLE PRECISION",
		"BLOB", "BYTEA",
		") WITHOUT ROWID;", ");",
	)
	return r.Replace(sqlite)
}

// Error codes of PostgreSQL that the store names.
const (
	pgInsufficientPrivilege = "42501"
	pgReadOnlyTransaction   = "25006"
	pgLockNotAvailable      = "55P03"
	pgDeadlock              = "40P01"
	pgSerialization         = "40001"
)

// pgKind is the store's error a PostgreSQL error stands for, or nil.
func pgKind(err error) error {
	if errors.Is(err, errOffline) {
		return ErrUnreachable
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		var ce *pgconn.ConnectError
		if errors.As(err, &ce) || pgconn.Timeout(err) {
			return ErrUnreachable
		}
		return nil
	}
	switch pe.Code {
	case pgInsufficientPrivilege, pgReadOnlyTransaction:
		return ErrReadOnly
	case pgLockNotAvailable, pgDeadlock, pgSerialization:
		return ErrBusy
	}
	return nil
}

// ErrUnreachable is a server that cannot be reached (or refused the connection).
var ErrUnreachable = errors.New("the database server cannot be reached")

// reserveID takes an id of table (one whose ids the database numbers) that no row has and no
// later insert will be given, for a row written later with that id (a copied version's row,
// restored). PostgreSQL takes it from the table's sequence; SQLite's AUTOINCREMENT never gives
// again an id up to the one sqlite_sequence holds for the table.
func (s *Store) reserveID(q querier, table string) (int64, error) {
	var id int64
	if s.pg {
		err := q.QueryRow(`SELECT nextval(pg_get_serial_sequence(?, 'id'))`, table).Scan(&id)
		return id, err
	}
	if _, err := q.Exec(`INSERT INTO sqlite_sequence(name,seq) SELECT ?,0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name=?)`, table, table); err != nil {
		return 0, err
	}
	if _, err := q.Exec(`UPDATE sqlite_sequence SET seq=max(seq,(SELECT coalesce(max(id),0) FROM `+table+`))+1 WHERE name=?`, table); err != nil {
		return 0, err
	}
	err := q.QueryRow(`SELECT seq FROM sqlite_sequence WHERE name=?`, table).Scan(&id)
	return id, err
}
