package pgtest

import (
	"context"
	"os"
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
