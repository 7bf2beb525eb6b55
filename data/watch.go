package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// DataVersion is SQLite's data version of the workspace as this store's connection sees it:
// it changes when another program, or another Store on the same file, commits a change, and
// never for this store's own edits. Comparing it costs one tiny query, so a window can poll
// it to notice others' changes without reading anything else. On PostgreSQL it counts the
// changes other clients announced (LISTEN/NOTIFY, notify.go), and each loss or return of the
// server, without asking the server anything.
func (s *Store) DataVersion() (int64, error) {
	s.life.RLock()
	defer s.life.RUnlock()
	if s.db == nil {
		return 0, fmt.Errorf("look for changes in %s: %w", s.path, ErrClosed)
	}
	if s.live != nil {
		s.live.listen() // a database's clients announce their changes (notify.go)
		return s.live.version.Load(), nil
	}
	var v int64
	if err := s.db.QueryRow(`PRAGMA data_version`).Scan(&v); err != nil {
		return 0, s.wrap("look for changes in", err)
	}
	return v, nil
}

// Revision counts the workspace's edits, undos, redos and saved versions, by every window and
// program: when it has not changed, nothing a map shows has (a change of DataVersion alone
// may be someone's presence).
func (s *Store) Revision() (int64, error) {
	s.life.RLock()
	defer s.life.RUnlock()
	if s.db == nil {
		return 0, fmt.Errorf("look for changes in %s: %w", s.path, ErrClosed)
	}
	var v int64
	err := s.db.QueryRow(`SELECT CAST(value AS INTEGER) FROM settings WHERE key='revision'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, s.wrap("look for changes in", err)
	}
	return v, nil
}

// bumpRevision counts one more change of what maps show, in the transaction making it.
func bumpRevision(q querier) error {
	return execAtCommit(q, `INSERT INTO settings(key,value) VALUES('revision','1')
		ON CONFLICT(key) DO UPDATE SET value=CAST(CAST(settings.value AS INTEGER)+1 AS TEXT)`)
}

// execAtCommit runs a write without parameters whose result nobody reads; in a transaction on
// a database's server it travels with the COMMIT (atCommit), a round trip saved.
func execAtCommit(q querier, query string) error {
	if c, ok := q.(interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
	}); ok {
		_, err := c.ExecContext(atCommit(context.Background()), query)
		return err
	}
	_, err := q.Exec(query)
	return err
}
