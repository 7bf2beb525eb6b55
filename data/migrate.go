package data

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
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

// migrate brings the schema from version to the latest, one transaction per step. A file that
// already holds data is first copied beside itself with VACUUM INTO.
func (s *Store) migrate(ctx context.Context, version int, hasData bool) error {
	if version >= len(migrations) {
		return nil
	}
	if hasData {
		dst := backupPath(s.path, version)
		if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, dst); err != nil {
			return s.wrap("back up before upgrading", err)
		}
		s.Backup = dst
	}
	for v := version; v < len(migrations); v++ {
		if err := s.migrateStep(ctx, v); err != nil {
			return err
		}
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
	var cur int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&cur); err != nil {
		return s.wrap("open", err)
	}
	if _, err := s.db.Exec(`PRAGMA journal_mode=WAL`); err != nil {
		return s.wrap("open", err)
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
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
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
