package data

import (
	"testing"

	"github.com/jackc/pgx/v5"
)

// A password never stays in a connection string that is kept or shown, in either form, and
// one given for a single open reaches the server as typed, even with quotes and spaces.
func TestConnectionStringPasswords(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://lan:secret@db.example.com/maps":                  "postgres://lan@db.example.com/maps",
		"postgresql://lan:bí-mật@db/maps?sslmode=require&password=x": "postgresql://lan@db/maps?sslmode=require",
		"host=db.example.com user=lan password=secret dbname=maps":   "host=db.example.com user=lan dbname=maps",
		"host=db password='bí mật \\' x' dbname=maps":                "host=db dbname=maps",
		`host=db password=bí\ mật dbname=maps`:                       "host=db dbname=maps",
		"/home/lan/Hành trình.journey":                               "/home/lan/Hành trình.journey",
	} {
		if got := WithoutPassword(in); got != want {
			t.Errorf("WithoutPassword(%q) = %q, want %q", in, got, want)
		}
	}
	const pw = `bí mật 'x' \ & ?=`
	for _, in := range []string{"postgres://lan:old@db.example.com/maps?sslmode=disable", "postgres://lan@db.example.com/maps",
		"host=db.example.com user=lan password=old dbname=maps"} {
		with := WithPassword(in, pw)
		cfg, err := pgx.ParseConfig(with)
		if err != nil {
			t.Fatalf("WithPassword(%q) = %q: %v", in, with, err)
		}
		if cfg.Password != pw || cfg.User != "lan" || cfg.Database != "maps" || cfg.Host != "db.example.com" {
			t.Errorf("WithPassword(%q) = %q reads as user %q password %q database %q host %q", in, with, cfg.User, cfg.Password, cfg.Database, cfg.Host)
		}
		if kept := WithoutPassword(with); kept != WithoutPassword(in) {
			t.Errorf("WithoutPassword(WithPassword(%q)) = %q", in, kept)
		}
	}
}

// A connection is named as Store.Name will name it, without opening it.
func TestDisplayName(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://lan:secret@db.example.com/maps?sslmode=require": "maps@db.example.com",
		"host=db.example.com dbname=maps":                           "maps@db.example.com",
		"postgresql://lan@/maps?host=/run/postgresql":               "maps",
		"/home/lan/Hành trình.journey":                              "Hành trình.journey",
	} {
		if got := DisplayName(in); got != want {
			t.Errorf("DisplayName(%q) = %q, want %q", in, got, want)
		}
	}
}
