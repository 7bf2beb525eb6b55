// Package pgtest gives tests a private PostgreSQL server: initdb in a temporary folder, a Unix
// socket in that folder and no TCP port, started on first use and stopped by Stop (call it from
// TestMain after m.Run). Each test asks for a fresh database with DB.
//
// The server's programs are those of Debian's postgresql package (make deps installs it). When
// they are missing or the server does not start, DB skips the test with the reason, or fails it
// when CI=true. A test process run as root starts the server as the postgres user, as
// PostgreSQL refuses to run as root.
//
// A child process (a test binary run again, the command line under test) reuses the parent's
// server: Env returns the variable that names it.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// envHost names the socket folder of a server started by a parent process.
const envHost = "JC_PGTEST_HOST"

// Superuser is the role the tests connect as (initdb's bootstrap superuser).
const Superuser = "postgres"

var (
	mu      sync.Mutex
	started bool
	host    string // the socket folder
	dir     string // our own server's folder, "" when the parent's server is used
	proc    *exec.Cmd
	exited  chan struct{}
	failure error
	nextDB  atomic.Int64
)

// Available starts the server if need be and reports why it cannot run, or nil.
func Available() error {
	mu.Lock()
	defer mu.Unlock()
	if !started {
		started = true
		failure = start()
	}
	return failure
}

// Env is the environment variable ("NAME=value") that lets a child process use this server.
// Available must have succeeded.
func Env() string { return envHost + "=" + host }

// Host is the server's socket folder.
func Host() string { return host }

// URL is the connection URL of database db as role, through the socket.
func URL(role, db string) string {
	return "postgres://" + role + "@/" + db + "?host=" + host + "&sslmode=disable"
}

// DB creates a fresh, empty database for the test and returns its URL (as the superuser).
// It skips the test when no server can run here, or fails it when CI=true.
func DB(t testing.TB) string {
	t.Helper()
	if err := Available(); err != nil {
		Unavailable(t, err)
	}
	name := fmt.Sprintf("jc_%d_%d", os.Getpid(), nextDB.Add(1))
	if err := Exec(context.Background(), "postgres", `CREATE DATABASE `+name+` TEMPLATE template0 ENCODING 'UTF8'`); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	return URL(Superuser, name)
}

// Reader makes a role that may only read the database conn (a URL from DB) and its tables as
// they are now (GRANT SELECT), with password as its password ("" for none), and returns the
// role's name and a URL that connects as it (without the password). A role with a password
// must give it to connect (PasswordGroup); one without is trusted.
func Reader(t testing.TB, conn, password string) (role, readerURL string) {
	t.Helper()
	db := dbName(t, conn)
	role = "reader_" + db
	if err := Exec(context.Background(), db, createRole(role, password), `GRANT SELECT ON ALL TABLES IN SCHEMA public TO `+role); err != nil {
		t.Fatal(err)
	}
	return role, URL(role, db)
}

// Writer makes a role that owns the database conn (a URL from DB), so it may create the
// workspace in it and edit it, with password as its password ("" for none; one with a
// password must give it, as for Reader), and returns the role's name and a URL that connects
// as it (without the password).
func Writer(t testing.TB, conn, password string) (role, writerURL string) {
	t.Helper()
	db := dbName(t, conn)
	role = "writer_" + db
	if err := Exec(context.Background(), db, createRole(role, password), `ALTER DATABASE `+db+` OWNER TO `+role); err != nil {
		t.Fatal(err)
	}
	return role, URL(role, db)
}

// PasswordGroup is the role whose members must give their password, even through the socket:
// the server's pg_hba.conf asks them for it (scram-sha-256), and trusts every other role.
const PasswordGroup = "jc_password"

// createRole is the statement that makes a login role; with a password, it is a member of
// PasswordGroup (made first if need be).
func createRole(role, password string) string {
	if password == "" {
		return `CREATE ROLE ` + role + ` LOGIN`
	}
	return `DO $$ BEGIN CREATE ROLE ` + PasswordGroup + ` NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
		CREATE ROLE ` + role + ` LOGIN PASSWORD '` + strings.ReplaceAll(password, "'", "''") + `' IN ROLE ` + PasswordGroup
}

// dbName is the database a URL from DB names.
func dbName(t testing.TB, conn string) string {
	t.Helper()
	u, err := url.Parse(conn)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(u.Path, "/")
}

// Unavailable skips the test because the server cannot run, or fails it when CI=true.
func Unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("PostgreSQL test server: %v", err)
	}
	t.Skipf("PostgreSQL test server unavailable, test skipped: %v (make deps installs it; CI=true makes this a failure)", err)
}

// Exec runs SQL statements as the superuser in database db.
func Exec(ctx context.Context, db string, sql ...string) error {
	conn, err := pgx.Connect(ctx, URL(Superuser, db))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, q := range sql {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// Stop stops the server this process started, if any, and removes its folder.
func Stop() {
	mu.Lock()
	defer mu.Unlock()
	if proc != nil {
		proc.Process.Signal(syscall.SIGINT) // fast shutdown: clients are cut off
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			proc.Process.Kill()
			<-exited
		}
		proc = nil
	}
	if dir != "" {
		os.RemoveAll(dir)
		dir = ""
	}
}

// Main runs the tests and stops the server afterwards; a TestMain can be just
// os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	Stop()
	return code
}

// binDir finds the folder of initdb and postgres: on the PATH, or the newest of Debian's
// /usr/lib/postgresql/N/bin.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(found, func(i, j int) bool {
		vi, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(found[i]))))
		vj, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(found[j]))))
		return vi < vj
	})
	if len(found) == 0 {
		return "", errors.New("initdb not found (on the PATH or in /usr/lib/postgresql/*/bin): install the postgresql package")
	}
	return filepath.Dir(found[len(found)-1]), nil
}

func start() error {
	if h := os.Getenv(envHost); h != "" {
		host = h
		return nil
	}
	srv := &Server{}
	if err := srv.init(); err != nil {
		if srv.dir != "" {
			dir = srv.dir
		}
		return err
	}
	dir = srv.dir
	if err := srv.Start(); err != nil {
		return err
	}
	proc, exited, host = srv.proc, srv.exited, srv.dir
	return nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
