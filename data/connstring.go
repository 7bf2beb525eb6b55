package data

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// DisplayName is how a workspace is named to the user before it is opened, as Store.Name names
// it once open: a file's base name, or a database's name and its server ("maps@db.example.com";
// only the name for a server on this machine's socket). A connection string that cannot be read
// is shown without its password.
func DisplayName(name string) string {
	if !IsURL(name) {
		return filepath.Base(name)
	}
	cfg, err := pgx.ParseConfig(redactURL(name))
	if err != nil || cfg.Database == "" {
		return redactURL(name)
	}
	if cfg.Host == "" || strings.HasPrefix(cfg.Host, "/") {
		return cfg.Database
	}
	if cfg.Port != 0 && cfg.Port != 5432 { // two servers on one host are told apart
		return fmt.Sprintf("%s@%s:%d", cfg.Database, cfg.Host, cfg.Port)
	}
	return cfg.Database + "@" + cfg.Host
}

// WithPassword is the connection string conn with password as its password, in place of any it
// held: for one open, never to be kept (a connection is kept as WithoutPassword gives it).
func WithPassword(conn, password string) string {
	conn = redactURL(conn)
	if strings.HasPrefix(conn, "postgres://") || strings.HasPrefix(conn, "postgresql://") {
		sep := "?"
		if strings.Contains(conn, "?") {
			sep = "&"
		}
		// pgx reads a query's + as itself, not as a space.
		return conn + sep + "password=" + strings.ReplaceAll(url.QueryEscape(password), "+", "%20")
	}
	return conn + " password='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(password) + "'"
}

// libpqFields splits libpq's key=value form into its fields (key=value, the value as written)
// at the spaces that separate them: not those inside quotes ('a b') or escaped (a\ b).
func libpqFields(s string) []string {
	var fields []string
	start, quoted := -1, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			if start < 0 {
				start = i
			}
			i++
		case c == '\'':
			if start < 0 {
				start = i
			}
			quoted = !quoted
		case !quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'):
			if start >= 0 {
				fields = append(fields, s[start:i])
				start = -1
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		fields = append(fields, s[start:])
	}
	return fields
}

// SQLState is the PostgreSQL error code (SQLSTATE) behind err, or "" when err did not come
// from a server: 28P01 a password missing or wrong, 3D000 no such database, 28000 a role the
// server does not let in.
func SQLState(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}
