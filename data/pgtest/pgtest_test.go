package pgtest

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestServer checks the private server: a fresh database each time, reached through the
// socket in the server's folder only (no TCP port).
func TestServer(t *testing.T) {
	a, b := DB(t), DB(t)
	if a == b {
		t.Fatalf("two tests got the same database %s", a)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var tables int
	var listen, enc string
	if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema='public'),
		current_setting('listen_addresses'), current_setting('server_encoding')`).Scan(&tables, &listen, &enc); err != nil {
		t.Fatal(err)
	}
	if tables != 0 || listen != "" || enc != "UTF8" {
		t.Fatalf("fresh database has %d tables, listens on %q, encoding %s; want 0, \"\", UTF8", tables, listen, enc)
	}
	if _, err := os.Stat(Host() + "/.s.PGSQL.5432"); err != nil {
		t.Fatalf("no socket in the server's folder: %v", err)
	}
}

// A role made with a password must give it, even through the socket; one without is trusted.
// The errors are what a client sees when no password, or a wrong one, is given.
func TestRolesWithPasswords(t *testing.T) {
	t.Setenv("PGPASSFILE", os.DevNull)
	t.Setenv("PGPASSWORD", "")
	db := DB(t)
	ctx := context.Background()
	role, writer := Writer(t, db, "mật-khẩu")
	_, reader := Reader(t, db, "")
	for _, c := range []struct{ url, want string }{
		{writer, "SQLSTATE 28P01"},
		{strings.Replace(writer, role+"@", role+":sai@", 1), "SQLSTATE 28P01"},
		{strings.Replace(writer, role+"@", role+":"+url.QueryEscape("mật-khẩu")+"@", 1), ""},
		{reader, ""},
	} {
		conn, err := pgx.Connect(ctx, c.url)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.url, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want an error with %s", c.url, err, c.want)
		}
		if err == nil {
			conn.Close(ctx)
		}
	}
}
