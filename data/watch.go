package data

import "fmt"

// DataVersion is SQLite's data version of the workspace as this store's connection sees it:
// it changes when another program, or another Store on the same file, commits a change, and
// never for this store's own edits. Comparing it costs one tiny query, so a window can poll
// it to notice others' changes without reading anything else.
func (s *Store) DataVersion() (int64, error) {
	s.life.RLock()
	defer s.life.RUnlock()
	if s.db == nil {
		return 0, fmt.Errorf("look for changes in %s: %w", s.path, ErrClosed)
	}
	var v int64
	if err := s.db.QueryRow(`PRAGMA data_version`).Scan(&v); err != nil {
		return 0, s.wrap("look for changes in", err)
	}
	return v, nil
}
