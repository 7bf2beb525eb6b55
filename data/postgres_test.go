package data

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"journeycanvas/data/pgtest"
)

// pgOnly skips a test about PostgreSQL itself on the SQLite run of the suite.
func pgOnly(t testing.TB) {
	t.Helper()
	if !onPostgres() {
		t.Skip("about PostgreSQL itself: runs in the PostgreSQL half of the suite")
	}
}

// dbName is the database a test URL names.
func dbName(t testing.TB, conn string) string {
	t.Helper()
	u, err := url.Parse(conn)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(u.Path, "/")
}

func TestConnectionStrings(t *testing.T) {
	for name, want := range map[string]bool{
		"postgres://lan@db.example.com/maps":                  true,
		"postgresql://lan@/maps?host=/run/postgresql":         true,
		"host=db.example.com dbname=maps sslmode=verify-full": true,
		"dbname=maps":                  true,
		"map.journey":                  false,
		"/home/lan/Hành trình.journey": false,
		"a=b.journey":                  false,
		"host=db map.journey":          false,
		"":                             false,
	} {
		if got := IsURL(name); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", name, got, want)
		}
	}
	for in, want := range map[string]string{
		"postgres://lan:bí-mật@db/maps?sslmode=require":            "postgres://lan@db/maps?sslmode=require",
		"postgres://lan@db/maps?password=bí-mật":                   "postgres://lan@db/maps",
		"postgres://lan@db/maps?sslmode=require&password=x&port=1": "postgres://lan@db/maps?sslmode=require&port=1",
		"host=db password=bí-mật dbname=maps":                      "host=db dbname=maps",
	} {
		if got := redactURL(in); got != want {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// A server that cannot be reached is said so, without the password, and quickly.
func TestUnreachableServer(t *testing.T) {
	_, err := Open("postgres://lan:bí-mật@/maps?host="+t.TempDir()+"&connect_timeout=2", OpenOptions{})
	if !errors.Is(err, ErrUnreachable) || strings.Contains(err.Error(), "bí-mật") || !strings.Contains(err.Error(), "postgres://lan@/maps?host=") {
		t.Fatalf("unreachable server: %v", err)
	}
}

// Clients that open a new database at once do not collide: one creates the schema under the
// advisory lock while the others wait, then find it done.
func TestConcurrentOpensCreateOneSchema(t *testing.T) {
	pgOnly(t)
	conn := pgtest.DB(t)
	const clients = 6
	var wg sync.WaitGroup
	stores := make([]*Store, clients)
	errs := make([]error, clients)
	start := make(chan struct{})
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			stores[i], errs[i] = Open(conn, OpenOptions{})
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("client %d: %v", i, err)
		}
		defer stores[i].Close()
	}
	// Each client edits; every edit is there.
	id, err := stores[0].NewMap("Cùng lúc", CurrentState)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range stores {
		if _, err := s.AddStage(Stage{MapID: id, Name: fmt.Sprintf("Giai đoạn %d", i)}, -1); err != nil {
			t.Fatalf("client %d: %v", i, err)
		}
	}
	var rows, v int
	stores[1].db.QueryRow(`SELECT count(*), max(version) FROM `+pgVersionTable).Scan(&rows, &v)
	if rows != 1 || v != SchemaVersion() {
		t.Fatalf("%d version rows, format %d; want 1 row, format %d", rows, v, SchemaVersion())
	}
	m, err := stores[clients-1].LoadMap(id)
	if err != nil || len(m.Stages) != clients {
		t.Fatalf("map after each client's edit: %v, %d stages", err, len(m.Stages))
	}
}

// A database that holds another application's tables is refused and left as it was; so is an
// empty one when the command only reads.
func TestForeignOrEmptyDatabaseIsRefusedUntouched(t *testing.T) {
	pgOnly(t)
	conn := pgtest.DB(t)
	if _, err := Open(conn, OpenOptions{ReadOnly: true}); !errors.Is(err, ErrNotJourney) || !strings.Contains(err.Error(), "empty database") {
		t.Fatalf("empty database, read-only: %v", err)
	}
	if err := pgtest.Exec(context.Background(), dbName(t, conn), `CREATE TABLE customers (id int, name text)`,
		`INSERT INTO customers VALUES (1, 'Hương')`); err != nil {
		t.Fatal(err)
	}
	_, err := Open(conn, OpenOptions{})
	if !errors.Is(err, ErrNotJourney) || !strings.Contains(err.Error(), "other tables") {
		t.Fatalf("foreign database: %v", err)
	}
	if err := pgtest.Exec(context.Background(), dbName(t, conn), `DO $$ BEGIN
		IF (SELECT count(*) FROM information_schema.tables WHERE table_schema='public') <> 1
			OR (SELECT name FROM customers) <> 'Hương' THEN
			RAISE EXCEPTION 'the database was changed';
		END IF; END $$`); err != nil {
		t.Fatalf("the foreign database was changed: %v", err)
	}
}

// A role with only SELECT opens the workspace read-only, reads it, and each edit it tries is
// refused with a clear message; were the store to try anyway, the server's refusal is the
// same ErrReadOnly.
func TestReadOnlyRole(t *testing.T) {
	pgOnly(t)
	conn := pgtest.DB(t)
	s, err := Open(conn, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	want := state(t, s, id)
	s.Close()
	db := dbName(t, conn)
	role, reader := pgtest.Reader(t, conn, "")
	ro, err := Open(reader, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if ro.Name() != db {
		t.Errorf("a database on the local socket is named %q, want %q", ro.Name(), db)
	}
	if !ro.ReadOnly() || !strings.Contains(ro.ReadOnlyReason(), role) {
		t.Fatalf("read-only %v, reason %q", ro.ReadOnly(), ro.ReadOnlyReason())
	}
	if got := state(t, ro, id); got != want {
		t.Fatalf("the reader sees\n%s\nwant\n%s", got, want)
	}
	m, _ := ro.LoadMap(id)
	c := m.Cards[0]
	c.Title = "Đổi bởi người chỉ được đọc"
	err = ro.UpdateCard(c)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), role+" may only read") {
		t.Fatalf("edit by a reader: %v", err)
	}
	if _, _, err := ro.Undo(id); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("undo by a reader: %v", err)
	}
	// The server refuses too.
	ro.readOnly = false
	err = ro.UpdateCard(c)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "your database role may not change it") {
		t.Fatalf("edit past the store's check: %v", err)
	}
	if got := state(t, ro, id); got != want {
		t.Fatal("a refused edit changed the map")
	}
	// An older format is not upgraded through a read-only open.
	s, err = Open(conn, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	setFormat(t, s, SchemaVersion()-1)
	s.Close()
	if _, err := Open(conn, OpenOptions{ReadOnly: true}); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "must first be upgraded") {
		t.Fatalf("read-only open of an older format: %v", err)
	}
	setFormatOf(t, conn, SchemaVersion())
	// A read-only open by a role that may write: the session itself cannot write.
	view, err := Open(conn, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer view.Close()
	view.readOnly = false
	if err := view.UpdateCard(c); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("edit through a read-only session: %v", err)
	}
}

// setFormatOf sets the format number of a database that cannot be opened as a workspace.
func setFormatOf(t testing.TB, conn string, v int) {
	t.Helper()
	if err := pgtest.Exec(context.Background(), dbName(t, conn), fmt.Sprintf(`UPDATE %s SET version=%d`, pgVersionTable, v)); err != nil {
		t.Fatal(err)
	}
}

// TestRoleWithoutRights: a role the administrator gave no rights on the workspace's tables is
// told it may not read the workspace, and how to get the rights; not that the database is
// empty (information_schema hides tables a role may not use).
func TestRoleWithoutRights(t *testing.T) {
	pgOnly(t)
	conn := pgtest.DB(t)
	s, err := Open(conn, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateMap(sampleMap()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := dbName(t, conn)
	role := "nobody_" + db
	if err := pgtest.Exec(context.Background(), db, `CREATE ROLE `+role+` LOGIN`); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		_, err = Open(pgtest.URL(role, db), OpenOptions{ReadOnly: ro})
		if !errors.Is(err, ErrNoAccess) || !strings.Contains(err.Error(), "GRANT SELECT") {
			t.Fatalf("read-only %v: %v", ro, err)
		}
	}
}

// A write sent with the COMMIT (atCommit) that fails fails the commit: nothing of the
// transaction is kept, and the connection is ready for the next one.
func TestAtCommitFailureRollsBack(t *testing.T) {
	pgOnly(t)
	s, _ := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	q, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.Exec(`UPDATE maps SET title=? WHERE id=?`, "Không được giữ", id); err != nil {
		t.Fatal(err)
	}
	if err := execAtCommit(q, `UPDATE no_such_table SET x=1`); err != nil {
		t.Fatalf("the statement was sent before the commit: %v", err)
	}
	if err := q.Commit(); err == nil {
		t.Fatal("the commit succeeded with a failing statement in it")
	}
	m, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if m.Title == "Không được giữ" {
		t.Fatal("the transaction's change was kept")
	}
	if err := s.EditMap(id, func(m *Map) { m.Title = "Được giữ" }); err != nil {
		t.Fatalf("the next edit: %v", err)
	}
	if m, _ := s.LoadMap(id); m.Title != "Được giữ" {
		t.Fatalf("the next edit was not kept: %q", m.Title)
	}
}
