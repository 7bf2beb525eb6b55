package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// DefaultConnectTimeout bounds the wait for a PostgreSQL server that does not answer, unless the
// connection string sets connect_timeout.
const DefaultConnectTimeout = 10 * time.Second

// openPG opens the workspace in the PostgreSQL database named by conn (a URL or libpq's
// key=value form; see IsURL). The connection string is read as libpq reads it (pgx): sslmode,
// PGPASSFILE and ~/.pgpass, the PG* environment variables. A database without tables becomes a
// workspace (unless opt.ReadOnly or opt.NoCreate); one of an older format is upgraded; one with
// other tables is refused. A role that may not write opens read-only, and ReadOnlyReason says so.
func openPG(conn string, opt OpenOptions) (*Store, error) {
	s := &Store{path: redactURL(conn), pg: true, readOnly: opt.ReadOnly, busy: opt.BusyTimeout,
		histEdits: opt.HistoryEdits, histAge: opt.HistoryAge}
	if s.busy <= 0 {
		s.busy = DefaultBusyTimeout
	}
	if s.histEdits <= 0 {
		s.histEdits = DefaultHistoryEdits
	}
	if s.histAge <= 0 {
		s.histAge = DefaultHistoryAge
	}
	cfg, err := pgx.ParseConfig(conn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", s.path, err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	if _, ok := cfg.RuntimeParams["application_name"]; !ok {
		cfg.RuntimeParams["application_name"] = "journeycanvas"
	}
	if opt.ReadOnly {
		// The server itself refuses every write of this session.
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	// The same promise as a file's (synchronous=NORMAL in WAL mode): a committed edit is the
	// server's at once, and survives the client being killed; only a crash of the server's
	// machine can lose its last fraction of a second of commits, never its consistency. It
	// spares each edit a wait for the disk (about 6 ms on the project machine). A connection
	// string that sets synchronous_commit has its way.
	if _, ok := cfg.RuntimeParams["synchronous_commit"]; !ok {
		cfg.RuntimeParams["synchronous_commit"] = "off"
	}
	// The same busy timeout as a file's: a statement waits this long for a lock.
	cfg.RuntimeParams["lock_timeout"] = fmt.Sprint(s.busy.Milliseconds())
	s.live = newPGLive(cfg)
	db := sql.OpenDB(pgConnector{inner: stdlib.GetConnector(*cfg), live: s.live})
	// One connection, as for a file: one view of the workspace, one writer in this process.
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	s.db = db
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, s.wrap("open", err)
	}
	if err := s.migratePG(ctx, opt.ReadOnly || opt.NoCreate); err != nil {
		db.Close()
		return nil, err
	}
	if !s.readOnly {
		if err := s.pgPrivileges(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	return s, nil
}

// migratePG creates or upgrades the schema, as migrate does for a file: in one transaction
// that holds the workspace's write lock (pgWriteLock, taken by every write transaction's BEGIN)
// from reading the version to committing the last step, so that when two clients open a new or
// older database at once, one upgrades it while the other waits, then finds it done. The
// version is the one row of pgVersionTable.
func (s *Store) migratePG(ctx context.Context, noCreate bool) error {
	latest := len(migrations)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("open", err)
	}
	defer tx.Rollback()
	var hasVersion, tables int
	// The catalogue, not information_schema: that lists only the tables the role may use, so a
	// role given no rights would take the team's workspace for an empty database.
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE c.relname=?), count(*)
		FROM pg_class c WHERE c.relnamespace=current_schema()::regnamespace AND c.relkind IN ('r','p')`,
		pgVersionTable).Scan(&hasVersion, &tables); err != nil {
		return s.wrap("open", err)
	}
	v := 0
	switch {
	case hasVersion == 0 && tables > 0:
		return fmt.Errorf("open %s: %w (a database that holds other tables; give Journey Canvas an empty database, or a schema of its own)", s.path, ErrNotJourney)
	case hasVersion == 0 && noCreate:
		return fmt.Errorf("open %s: %w (an empty database; a workspace is made by importing a map into it or opening it in Journey Canvas)", s.path, ErrNotJourney)
	case hasVersion == 0:
		if _, err := tx.ExecContext(ctx, `CREATE TABLE `+pgVersionTable+` (version BIGINT NOT NULL);
			INSERT INTO `+pgVersionTable+` VALUES (0)`); err != nil {
			return s.wrap("create a workspace in", err)
		}
	default:
		if err := tx.QueryRowContext(ctx, `SELECT version FROM `+pgVersionTable).Scan(&v); err != nil {
			if errors.Is(pgKind(err), ErrReadOnly) { // insufficient privilege
				return fmt.Errorf("open %s: %w: ask the database's administrator to GRANT SELECT (to view) or SELECT, INSERT, UPDATE, DELETE (to edit) ON ALL TABLES IN SCHEMA %s to your role",
					s.path, ErrNoAccess, "public")
			}
			return fmt.Errorf("open %s: %w: its format cannot be read: %v", s.path, ErrCorrupt, err)
		}
	}
	switch {
	case v < 0:
		return fmt.Errorf("open %s: %w: its format number is %d, which no version of Journey Canvas writes", s.path, ErrCorrupt, v)
	case v > latest:
		return fmt.Errorf("open %s: %w (format %d; this version reads up to %d): update Journey Canvas to open it",
			s.path, ErrNewerSchema, v, latest)
	}
	if v < latest && s.readOnly {
		// A file in an older format is shown from an upgraded private copy; a database cannot
		// be copied aside like that.
		return fmt.Errorf("open %s: %w: format %d must first be upgraded to %d, by opening it once for editing with this version",
			s.path, ErrReadOnly, v, latest)
	}
	if v < latest {
		for ; v < latest; v++ {
			if _, err := tx.ExecContext(ctx, pgDDL(migrations[v])); err != nil {
				return s.wrap(fmt.Sprintf("upgrade to format %d", v+1), err)
			}
			if hook := migrationHooks[v]; hook != nil {
				if err := hook(tx); err != nil {
					return s.wrap(fmt.Sprintf("upgrade to format %d", v+1), err)
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+pgVersionTable+` SET version=?`, latest); err != nil {
			return s.wrap("upgrade", err)
		}
	}
	if err := s.checkSchema(tx, latest); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return s.wrap("open", err)
	}
	return nil
}

// ErrNoAccess is a workspace on a server that the database role may not even read.
var ErrNoAccess = errors.New("your database role may not read this workspace")

// pgPrivileges opens the workspace read-only when the role may not change every table of it:
// PostgreSQL's roles decide who may edit.
func (s *Store) pgPrivileges(ctx context.Context) error {
	var may bool
	var role string
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(bool_and(has_table_privilege(c.oid,'INSERT') AND
		has_table_privilege(c.oid,'UPDATE') AND has_table_privilege(c.oid,'DELETE')), false), current_user
		FROM pg_class c WHERE c.relnamespace=current_schema()::regnamespace AND c.relkind='r'`).Scan(&may, &role)
	if err != nil {
		return s.wrap("open", err)
	}
	if !may {
		s.readOnly = true
		s.roReason = fmt.Sprintf("the database role %s may only read it", role)
	}
	return nil
}

// pgTableColumns lists the columns of every table of the workspace's schema.
func pgTableColumns(q querier) (map[string][]string, error) {
	return columnsBy(q, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema=current_schema() ORDER BY table_name, ordinal_position`)
}

// pgWrap is wrap for a PostgreSQL error: a role without the privilege, or a read-only session,
// is ErrReadOnly; a lock not granted in time is ErrBusy; a server out of reach is
// ErrUnreachable. It returns nil for other errors.
func (s *Store) pgWrap(op string, err error, start time.Time) error {
	switch kind := pgKind(err); {
	case kind == nil:
		return nil
	case errors.Is(kind, ErrBusy) && !start.IsZero():
		return fmt.Errorf("%s %s: %w (waited %v): %v", op, s.path, ErrBusy, waited(start), err)
	case errors.Is(kind, ErrReadOnly):
		return fmt.Errorf("%s %s: %w: your database role may not change it (%v)", op, s.path, ErrReadOnly, err)
	default:
		return fmt.Errorf("%s %s: %w: %v", op, s.path, kind, err)
	}
}

// Name is how the workspace is named to the user: the file's name, or the database's name and
// its server ("maps@db.example.com"; only the name for a server on this machine's socket).
func (s *Store) Name() string { return DisplayName(s.path) }
