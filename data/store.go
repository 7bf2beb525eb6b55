package data

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Errors an Open or an edit can return, wrapped with the file at fault. Test with errors.Is.
var (
	ErrNotJourney  = errors.New("not a Journey Canvas workspace")
	ErrNewerSchema = errors.New("made by a newer version of Journey Canvas")
	ErrCorrupt     = errors.New("damaged")
	ErrReadOnly    = errors.New("read-only")
	ErrBusy        = errors.New("in use by another program")
	ErrNotFound    = errors.New("not found")
)

// applicationID marks a SQLite file as a Journey Canvas workspace ("JCNV").
const applicationID = 0x4A434E56

// DefaultBusyTimeout is how long an edit waits for another program's write to finish.
const DefaultBusyTimeout = 5 * time.Second

// OpenOptions tune Open. The zero value opens read-write with the default busy timeout.
type OpenOptions struct {
	ReadOnly    bool          // open for viewing only, even if the file is writable
	BusyTimeout time.Duration // 0 means DefaultBusyTimeout
}

// Store is an open .journey workspace: one SQLite file holding many maps.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	busy     time.Duration
	group    editGroup // edits joined into one undo step (group.go)
	// Backup is the copy made before a migration during Open, or "" when none was needed.
	Backup string
}

// Path returns the workspace file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the workspace was opened for viewing only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the workspace.
func (s *Store) Close() error {
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	if err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// Open opens the workspace at path, creating it when it does not exist. An existing file is
// checked before anything is written to it: a file that is not SQLite, a Journey Canvas file from
// a newer version, or a damaged database is refused untouched. A file without write permission
// opens read-only. An older schema is migrated after a copy of the file is made beside it.
func Open(path string, opt OpenOptions) (*Store, error) {
	s := &Store{path: path, readOnly: opt.ReadOnly, busy: opt.BusyTimeout}
	if s.busy <= 0 {
		s.busy = DefaultBusyTimeout
	}
	info, statErr := os.Stat(path)
	exists := statErr == nil
	switch {
	case statErr != nil && !errors.Is(statErr, os.ErrNotExist):
		return nil, fmt.Errorf("open %s: %w", path, statErr)
	case exists && info.IsDir():
		return nil, fmt.Errorf("open %s: is a folder, %w", path, ErrNotJourney)
	case !exists && s.readOnly:
		return nil, fmt.Errorf("open %s: %w", path, os.ErrNotExist)
	}
	if exists && info.Size() > 0 {
		if err := checkHeader(path, info.Size()); err != nil {
			return nil, err
		}
	}
	if exists && info.Mode().Perm()&0o222 == 0 {
		s.readOnly = true
	}
	if err := s.connect(); err != nil {
		return nil, err
	}
	if err := s.prepare(exists && info.Size() > 0); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) connect() error {
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(s.busy.Milliseconds()))
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate")
	// Edits run the same few statements over and over: keep them prepared.
	q.Set("_stmt_cache_size", "64")
	if s.readOnly {
		q.Set("mode", "ro")
	}
	// The path is escaped so that names with '?' or '#' open the right file.
	dsn := "file:" + (&url.URL{Path: s.path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	// One connection: the app is the only writer here, and one connection means one view of the
	// file and no lock contention between our own connections.
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	s.db = db
	return nil
}

// checkHeader refuses a file that is not SQLite or that is shorter than its header says.
func checkHeader(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:16]) != "SQLite format 3\x00" {
		return fmt.Errorf("open %s: %w (it is not an SQLite database)", path, ErrNotJourney)
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	counter := binary.BigEndian.Uint32(h[24:28])
	validFor := binary.BigEndian.Uint32(h[92:96])
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return fmt.Errorf("open %s: %w: bad page size in the header", path, ErrCorrupt)
	}
	// With a write-ahead log beside it, the file may lag behind its header until the log is
	// replayed (a checkpoint cut short writes page 1 first), so only a lone file is measured.
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return nil
	}
	if pages > 0 && counter == validFor && size < pages*pageSize {
		return fmt.Errorf("open %s: %w: the file is truncated (%d of %d bytes)", path, ErrCorrupt, size, pages*pageSize)
	}
	return nil
}

// prepare checks an existing file's identity, version and integrity, then brings its schema up
// to date.
func (s *Store) prepare(existing bool) error {
	ctx := context.Background()
	var appID, version int
	var tables int
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version),
		(SELECT count(*) FROM sqlite_master)`).Scan(&appID, &version, &tables)
	if err != nil {
		return s.wrap("open", err)
	}
	if existing && appID != applicationID && (tables > 0 || version > 0) {
		return fmt.Errorf("open %s: %w (an SQLite database of another program)", s.path, ErrNotJourney)
	}
	latest := len(migrations)
	if version > latest {
		return fmt.Errorf("open %s: %w (format %d; this version reads up to %d): update Journey Canvas to open it",
			s.path, ErrNewerSchema, version, latest)
	}
	if existing && tables > 0 {
		var res string
		if err := s.db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res); err != nil {
			return fmt.Errorf("open %s: %w: %v", s.path, ErrCorrupt, err)
		}
		if res != "ok" {
			return fmt.Errorf("open %s: %w: %s", s.path, ErrCorrupt, res)
		}
	}
	if s.readOnly {
		if version < latest {
			return fmt.Errorf("open %s: %w file in an older format (%d); it must be upgraded to %d, so copy it to a writable place first",
				s.path, ErrReadOnly, version, latest)
		}
		return nil
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode=WAL`).Scan(&mode); err != nil {
		return s.wrap("open", err)
	}
	// NORMAL in WAL mode: a committed edit survives the program being killed; only a power cut
	// can lose the last few commits, never the file's consistency.
	if _, err := s.db.ExecContext(ctx, `PRAGMA synchronous=NORMAL`); err != nil {
		return s.wrap("open", err)
	}
	return s.migrate(ctx, version, existing && tables > 0)
}

// wrap turns a SQLite error into one that names the file and, for locks, says the file is busy.
func (s *Store) wrap(op string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return fmt.Errorf("%s %s: %w (waited %v): %v", op, s.path, ErrBusy, s.busy, err)
		case sqlite3.ErrReadonly:
			return fmt.Errorf("%s %s: %w: %v", op, s.path, ErrReadOnly, err)
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return fmt.Errorf("%s %s: %w: %v", op, s.path, ErrCorrupt, err)
		}
	}
	return fmt.Errorf("%s %s: %w", op, s.path, err)
}

// backupPath returns a free name beside the workspace for the copy made before a migration.
func backupPath(path string, from int) string {
	base := fmt.Sprintf("%s.v%d.bak", path, from)
	p := base
	for i := 2; ; i++ {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return p
		}
		p = fmt.Sprintf("%s.v%d.%d.bak", path, from, i)
	}
}

// DefaultPath is the default workspace: a file in the user's data folder, created on first use.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the home folder: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	dir = filepath.Join(dir, "journeycanvas")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", dir, err)
	}
	return filepath.Join(dir, "workspace.journey"), nil
}
