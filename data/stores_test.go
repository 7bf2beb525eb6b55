package data

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for looking behind the store

	"journeycanvas/data/pgtest"
)

// The store's tests are one suite that runs on both stores: TestMain runs it on SQLite, then
// runs the test binary again with JC_TEST_STORE=postgres, where openTemp gives each test a
// fresh database on a private PostgreSQL server (data/pgtest) instead of a new file. Tests
// about the file itself (its header, crashes, backups, the write-ahead log) call fileOnly and
// are skipped there. JC_TEST_STORE=postgres go test ./data runs the PostgreSQL half alone, and
// JC_TEST_STORE=sqlite the SQLite half alone.
const envStore = "JC_TEST_STORE"

// onPostgres reports whether this run of the suite is the PostgreSQL one.
func onPostgres() bool { return os.Getenv(envStore) == "postgres" }

// fileOnly skips a test that is about the .journey file itself on PostgreSQL.
func fileOnly(t testing.TB) {
	t.Helper()
	if onPostgres() {
		t.Skip("about the .journey file itself: SQLite only")
	}
}

// newWorkspace is where openTemp makes a new workspace: a file in a temporary folder, or a
// fresh PostgreSQL database.
func newWorkspace(t testing.TB) string {
	t.Helper()
	if onPostgres() {
		return pgtest.DB(t)
	}
	return t.TempDir() + "/test.journey"
}

// runSuites runs the tests on SQLite and then, in a child process, on PostgreSQL, and returns
// the exit code. Without a PostgreSQL server the second run is skipped with the reason, or
// fails when CI=true.
func runSuites(m *testing.M) int {
	if os.Getenv(envStore) != "" {
		return pgtest.Main(m) // one half, alone or as the child
	}
	code := m.Run()
	if err := pgtest.Available(); err != nil {
		pgtest.Stop()
		fmt.Fprintf(os.Stderr, "The store's tests on PostgreSQL did not run: %v\n", err)
		if os.Getenv("CI") == "true" {
			return 1
		}
		return code
	}
	defer pgtest.Stop()
	fmt.Println("=== The same tests on PostgreSQL (" + envStore + "=postgres)")
	cmd := exec.Command(os.Args[0], childArgs(os.Args[1:])...)
	cmd.Env = append(os.Environ(), envStore+"=postgres", pgtest.Env())
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return max(code, ee.ExitCode())
	case err != nil:
		fmt.Fprintf(os.Stderr, "run the tests on PostgreSQL: %v\n", err)
		return 1
	}
	return code
}

// childArgs are the test binary's flags without those that name output files the first run
// has written (go test's own log, profiles).
func childArgs(args []string) []string {
	var out []string
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "test.testlogfile", "test.coverprofile", "test.cpuprofile", "test.memprofile",
			"test.blockprofile", "test.mutexprofile", "test.trace", "test.gocoverdir":
			continue
		}
		out = append(out, a)
	}
	return out
}

// setFormat sets the workspace's format number, as a newer or damaged one would have it.
func setFormat(t testing.TB, s *Store, v int) {
	t.Helper()
	q := fmt.Sprintf(`PRAGMA user_version=%d`, v)
	if s.pg {
		q = fmt.Sprintf(`UPDATE %s SET version=%d`, pgVersionTable, v)
	}
	if _, err := s.db.Exec(q); err != nil {
		t.Fatal(err)
	}
}

// contentOf is what a workspace holds, to see that a refused open left it as it was: a file's
// bytes, or a database's format number and how many rows each table has.
func contentOf(t testing.TB, where string) string {
	t.Helper()
	if !IsURL(where) {
		b, err := os.ReadFile(where)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	db, err := sql.Open("pgx", where)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out string
	err = db.QueryRow(`SELECT string_agg(table_name || ':' || (xpath('/row/c/text()',
		query_to_xml('SELECT count(*) AS c FROM ' || quote_ident(table_name), false, true, '')))[1]::text, ',' ORDER BY table_name)
		FROM information_schema.tables WHERE table_schema=current_schema()`).Scan(&out)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	if err := db.QueryRow(`SELECT version FROM ` + pgVersionTable).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("format %d; %s", v, out)
}
