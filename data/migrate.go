package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sort"
	"time"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations holds the schema steps in order: migrations[i] brings user_version i to i+1.
var migrations = loadMigrations()

func loadMigrations() []string {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			panic(err) // embedded at build time
		}
		out[i] = string(b)
	}
	return out
}

// SchemaVersion is the schema this build writes (PRAGMA user_version).
func SchemaVersion() int { return len(migrations) }

// migrate brings the schema to the latest version in one transaction that holds the write lock
// (BEGIN IMMEDIATE) from reading the version to committing the last step: when several
// programs open a new or older file at once, one creates or upgrades it while the others wait,
// then find it done. A file that already holds data is first copied beside itself (VACUUM INTO
// through a second, read-only connection: in WAL mode it reads the last committed state while
// this one holds the lock).
func (s *Store) migrate(ctx context.Context) error {
	latest := len(migrations)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("upgrade", err)
	}
	defer tx.Rollback()
	v, hasData, err := schemaState(tx)
	if err != nil {
		return s.wrap("upgrade", err)
	}
	switch {
	case v < 0: // changed by another program since Open judged the file
		return fmt.Errorf("upgrade %s: %w: its format number is %d, which no version of Journey Canvas writes", s.path, ErrCorrupt, v)
	case v > latest:
		return fmt.Errorf("upgrade %s: %w (format %d; this version reads up to %d)", s.path, ErrNewerSchema, v, latest)
	case v == latest:
		return nil
	}
	if hasData && !s.noBackup {
		dst, err := s.backup(ctx, v)
		if err != nil {
			return err
		}
		s.Backup = dst
	}
	for ; v < latest; v++ {
		if err := runMigration(tx, v); err != nil {
			return fmt.Errorf("upgrade %s to format %d: %w", s.path, v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version=%d`, latest)); err != nil {
		return s.wrap("upgrade", err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id=%d`, applicationID)); err != nil {
		return s.wrap("upgrade", err)
	}
	if err := tx.Commit(); err != nil {
		if s.Backup != "" {
			os.Remove(s.Backup)
			s.Backup = ""
		}
		return s.wrap("upgrade", err)
	}
	return nil
}

// schemaState reads the format and whether the file holds any table.
func schemaState(q querier) (version int, hasData bool, err error) {
	var tables int
	err = q.QueryRow(`SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)`).Scan(&version, &tables)
	return version, tables > 0, err
}

// backup copies the workspace, in format from, to a free name beside it. The copy is made
// under a name of this process's own and then linked to the first free name, so that programs
// upgrading the same file at once never write into one another's copy.
func (s *Store) backup(ctx context.Context, from int) (string, error) {
	tmp := fmt.Sprintf("%s.v%d.%d-%d.tmp", s.path, from, os.Getpid(), time.Now().UnixNano())
	reader, err := sql.Open("sqlite3", s.dsn(url.Values{"mode": {"ro"}, "_busy_timeout": {fmt.Sprint(s.busy.Milliseconds())}}))
	if err != nil {
		return "", fmt.Errorf("back up %s before upgrading: %w", s.path, err)
	}
	_, err = reader.ExecContext(ctx, `VACUUM INTO ?`, tmp)
	reader.Close()
	if err != nil {
		os.Remove(tmp)
		return "", s.wrap("back up before upgrading", err)
	}
	defer os.Remove(tmp)
	for i := 0; i < 100; i++ {
		dst := backupPath(s.path, from)
		err := os.Link(tmp, dst)
		if err == nil {
			return dst, nil
		}
		if errors.Is(err, os.ErrExist) {
			continue // another program took the name at the same moment: take the next one
		}
		// No hard links here: a rename can only lose a race to an equally good copy.
		if err := os.Rename(tmp, dst); err != nil {
			return "", fmt.Errorf("back up %s before upgrading: %w", s.path, err)
		}
		return dst, nil
	}
	return "", fmt.Errorf("back up %s before upgrading: no free name for the copy", s.path)
}

// runMigration runs migration v's SQL and then its Go hook, if it has one.
func runMigration(q querier, v int) error {
	if _, err := q.Exec(migrations[v]); err != nil {
		return err
	}
	if hook := migrationHooks[v]; hook != nil {
		return hook(q)
	}
	return nil
}

// MigrateTo brings a new or older workspace up to schema version v and no further. Tests use it
// to build files in an old format.
func MigrateTo(path string, v int) error {
	s := &Store{path: path, busy: DefaultBusyTimeout}
	if err := s.connect(); err != nil {
		return err
	}
	defer s.db.Close()
	if err := s.walMode(context.Background()); err != nil {
		return err
	}
	var cur int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&cur); err != nil {
		return s.wrap("open", err)
	}
	if cur < 0 {
		return fmt.Errorf("upgrade %s: %w: its format number is %d", path, ErrCorrupt, cur)
	}
	for ; cur < v && cur < len(migrations); cur++ {
		if err := s.migrateStep(context.Background(), cur); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) migrateStep(ctx context.Context, v int) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("upgrade", err)
	}
	defer tx.Rollback()
	return s.migrateStepTx(ctx, tx, v)
}

// migrateStepTx runs migration v (to format v+1) in tx and commits it.
func (s *Store) migrateStepTx(ctx context.Context, tx *sql.Tx, v int) error {
	if err := runMigration(tx, v); err != nil {
		return fmt.Errorf("upgrade %s to format %d: %w", s.path, v+1, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version=%d`, v+1)); err != nil {
		return s.wrap("upgrade", err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id=%d`, applicationID)); err != nil {
		return s.wrap("upgrade", err)
	}
	if err := tx.Commit(); err != nil {
		return s.wrap("upgrade", err)
	}
	return nil
}
