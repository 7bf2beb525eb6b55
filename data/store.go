package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
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
	ErrClosed      = errors.New("closed")
)

// applicationID marks a SQLite file as a Journey Canvas workspace ("JCNV").
const applicationID = 0x4A434E56

// DefaultBusyTimeout is how long an edit waits for another program's write to finish.
const DefaultBusyTimeout = 5 * time.Second

// OpenOptions tune Open. The zero value opens read-write with the default busy timeout,
// creating the workspace when the file does not exist or is empty.
type OpenOptions struct {
	// ReadOnly opens for viewing only, even if the file is writable: nothing is written to the
	// file or beside it, and a missing or empty file is refused. A file in an older format is
	// shown from an upgraded copy in a temporary folder, the file itself left as it is.
	// Commands that only read (list, dump, export) use it.
	ReadOnly bool
	// NoCreate refuses a missing or empty file instead of making it a new workspace.
	NoCreate    bool
	BusyTimeout time.Duration // 0 means DefaultBusyTimeout
	// HistoryEdits and HistoryAge bound the undo history of each map (0: DefaultHistoryEdits,
	// DefaultHistoryAge); the oldest entries are dropped first.
	HistoryEdits int
	HistoryAge   time.Duration
}

// Store is an open workspace holding many maps: a .journey file (SQLite), or a PostgreSQL
// database (see IsURL).
type Store struct {
	db       *sql.DB
	path     string  // the file, or the connection string without its password
	pg       bool    // a PostgreSQL database (dialect.go, postgres.go)
	live     *pgLive // a database's notifications and reachability (notify.go); nil for a file
	readOnly bool
	roReason string // why the workspace opened read-only when the caller did not ask for it
	busy     time.Duration
	group    editGroup    // edits joined into one undo step (group.go)
	author   string       // who makes this store's edits (authors.go)
	window   string       // … and from which window
	hereSaid atomic.Int64 // 1 + the map the window's presence was announced on (presence.go); 0: not announced
	life     sync.RWMutex // Close against DataVersion, which a window calls from a goroutine
	tidy     bool         // on Close, let SQLite remove the -wal and -shm a read-only connection made
	viewDir  string       // the private folder of the upgraded copy a read-only view of an older file reads
	noBackup bool         // upgrade without a backup (that private copy)
	// The bounds of the undo history.
	histEdits int
	histAge   time.Duration
	// Backup is the copy made before a migration during Open, or "" when none was needed.
	Backup string
}

// Path returns the workspace file's path, or its connection string without the password.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the workspace was opened for viewing only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// ReadOnlyReason says why the workspace's file cannot be written (for example "the file system
// it is on is mounted read-only"), or "" when it could be (even if it was opened ReadOnly).
func (s *Store) ReadOnlyReason() string { return s.roReason }

// Close closes the workspace. It first drops the history entries older than the age bound in
// every map (also maps no longer edited), and when much of the file has become free space
// (history dropped, pictures no longer needed) gives it back to the file system.
func (s *Store) Close() error {
	s.life.Lock() // a DataVersion look from another goroutine finishes first
	defer s.life.Unlock()
	if s.db == nil {
		return nil
	}
	if !s.readOnly {
		s.leave() // best effort: a row left behind times out
		s.pruneAged(time.Now().UTC())
		s.reclaim()
	}
	s.live.close()
	err := s.db.Close()
	s.db = nil
	if s.tidy {
		s.tidyUp()
	}
	if s.viewDir != "" {
		os.RemoveAll(s.viewDir)
	}
	if err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// Space is given back when at least this much of the file, and a quarter of it, is free.
const reclaimBytes = 8 << 20

// reclaim rewrites the file without its free pages when that is worthwhile. It is skipped
// quietly when another program has the file open (VACUUM needs it alone).
func (s *Store) reclaim() {
	if s.pg {
		return // the server reclaims space itself (autovacuum)
	}
	var free, pages, size int64
	if err := s.db.QueryRow(`SELECT (SELECT freelist_count FROM pragma_freelist_count), (SELECT page_count FROM pragma_page_count),
		(SELECT page_size FROM pragma_page_size)`).Scan(&free, &pages, &size); err != nil {
		return
	}
	if free*size < reclaimBytes || free*4 < pages {
		return
	}
	s.db.Exec(`PRAGMA busy_timeout=0`)
	s.db.Exec(`VACUUM`)
}

// viewUpgraded lets a read-only Store show a file in an older format: the file is copied (VACUUM
// INTO, which only reads it) into a private temporary folder, the copy is upgraded, and the
// Store reads the copy. Close removes it.
func (s *Store) viewUpgraded(probe *sql.DB, version int) error {
	dir, err := os.MkdirTemp("", "journeycanvas-view-")
	if err != nil {
		return fmt.Errorf("open %s: format %d needs upgrading to be read, and no temporary folder is available for that: %w", s.path, version, err)
	}
	tmp := filepath.Join(dir, filepath.Base(s.path))
	if _, err := probe.Exec(`VACUUM INTO ?`, tmp); err != nil {
		os.RemoveAll(dir)
		return s.wrap("copy for reading", err)
	}
	v := &Store{path: tmp, busy: s.busy, histEdits: s.histEdits, histAge: s.histAge, noBackup: true}
	if err := v.connect(); err != nil {
		os.RemoveAll(dir)
		return err
	}
	if err := v.prepare(); err != nil {
		v.db.Close()
		os.RemoveAll(dir)
		return fmt.Errorf("open %s for reading: upgrading a copy from format %d: %w", s.path, version, err)
	}
	s.db, s.viewDir = v.db, dir
	return nil
}

// tidyUp removes the empty -wal and the -shm that a read-only connection to a write-ahead-log
// file had to create. It opens the file read-write for a moment and lets SQLite do it: SQLite
// removes them only when no other connection (of any program) has the file open, and with an
// empty log it writes nothing to the file itself.
func (s *Store) tidyUp() {
	if wal, err := os.Stat(s.path + "-wal"); err != nil || wal.Size() != 0 {
		return // gone already, or another program has written to it since: theirs to tidy
	}
	db, err := sql.Open("sqlite3", s.dsn(url.Values{"_busy_timeout": {"0"}}))
	if err != nil {
		return
	}
	defer db.Close()
	var v int
	db.QueryRow(`PRAGMA schema_version`).Scan(&v)
}

var openMu sync.Mutex

// Open opens the workspace at path, creating it when it does not exist or is empty (unless
// opt.ReadOnly or opt.NoCreate). Only regular files are opened. An existing file is judged
// before SQLite may write anything to it or beside it: its header (as its write-ahead log left
// it) must be an SQLite database of Journey Canvas in a format this version knows, then a
// read-only look checks its integrity and that it has every table and column of its format.
// A refused file, and its -wal and -shm, are left byte for byte as they were.
//
// A file that cannot be written (no permission, a read-only folder or file system) opens
// read-only and ReadOnlyReason says why. An older format is upgraded after a copy of the file
// is made beside it; several programs opening a new or older file at once are safe: one
// creates or upgrades it, the others wait for it and go on.
//
// A PostgreSQL connection string (IsURL) opens that database instead (openPG).
func Open(path string, opt OpenOptions) (*Store, error) {
	if IsURL(path) {
		return openPG(path, opt)
	}
	// SQLite shares one shared-memory index per file among a process's connections, opened the
	// way the first connection opened it: opens in one process take turns, so that the
	// read-only look of one never makes the index read-only for another's writes.
	openMu.Lock()
	defer openMu.Unlock()
	for attempt := 0; ; attempt++ {
		before := fileSig(path)
		s, err := open(path, opt)
		// Another program may remove the -wal and -shm between our look at the folder and
		// SQLite's, be making its log's index just as our read-only look needs it, or be
		// creating or upgrading the file as we judge it: look again.
		if err != nil && (needsIndexWrite(err) || fileSig(path) != before) && attempt < 50 {
			time.Sleep(5 * time.Millisecond)
			continue
		}
		return s, err
	}
}

// fileSig is what changes when a program writes to the file or its log.
func fileSig(path string) string {
	sig := ""
	for _, suf := range []string{"", "-wal"} {
		if fi, err := os.Stat(path + suf); err == nil {
			sig += fmt.Sprintf("%d %d;", fi.Size(), fi.ModTime().UnixNano())
		} else {
			sig += "-;"
		}
	}
	return sig
}

func open(path string, opt OpenOptions) (*Store, error) {
	s := &Store{path: path, readOnly: opt.ReadOnly, busy: opt.BusyTimeout, histEdits: opt.HistoryEdits, histAge: opt.HistoryAge}
	if s.busy <= 0 {
		s.busy = DefaultBusyTimeout
	}
	if s.histEdits <= 0 {
		s.histEdits = DefaultHistoryEdits
	}
	if s.histAge <= 0 {
		s.histAge = DefaultHistoryAge
	}
	noCreate := opt.ReadOnly || opt.NoCreate
	info, statErr := os.Stat(path)
	exists := statErr == nil
	switch {
	case statErr != nil && !errors.Is(statErr, os.ErrNotExist):
		return nil, fmt.Errorf("open %s: %w", path, statErr)
	case exists && info.IsDir():
		return nil, fmt.Errorf("open %s: is a folder, %w", path, ErrNotJourney)
	case exists && !info.Mode().IsRegular():
		return nil, fmt.Errorf("open %s: %w (it is not a regular file but a %s)", path, ErrNotJourney, fileKind(info.Mode()))
	case !exists && noCreate:
		return nil, fmt.Errorf("open %s: %w", path, os.ErrNotExist)
	case exists && info.Size() == 0 && noCreate && !walBeside(path):
		return nil, fmt.Errorf("open %s: %w (the file is empty; a workspace is made by importing a map into it or opening it in Journey Canvas)", path, ErrNotJourney)
	}
	if !exists || info.Size() == 0 {
		if !noCreate {
			return s.create()
		}
		// Empty, but with a log beside it: another program is making it a workspace now.
	}
	h, err := readHeader(path)
	if err != nil {
		return nil, err
	}
	if err := s.judgeHeader(h, info.Size()); err != nil {
		return nil, err
	}
	if h.empty() {
		if noCreate {
			return nil, fmt.Errorf("open %s: %w (an empty SQLite database; a workspace is made by importing a map into it or opening it in Journey Canvas)", path, ErrNotJourney)
		}
		if reason := unwritable(path); reason != "" {
			return nil, fmt.Errorf("open %s: %w: it is not a workspace yet and cannot become one: %s", path, ErrReadOnly, reason)
		}
		return s.create()
	}
	// Permission bits first: root may write anything, but a file marked read-only is meant to
	// stay as it is. The reason is worked out for read-only opens too: it says whether anyone
	// could write the file while we read it.
	if info.Mode().Perm()&0o222 == 0 {
		s.roReason = "the file is marked read-only"
	} else {
		s.roReason = unwritable(path)
	}
	if s.roReason != "" {
		s.readOnly = true
	}
	latest := len(migrations)
	// Look at it through a connection that cannot write.
	probe, tidy, err := s.connectReadOnly(h, false)
	if err != nil {
		return nil, err
	}
	version, err := s.check(probe)
	if needsIndexWrite(err) {
		// The log's index is stale (a program was killed while writing it) and only a connection
		// that may rebuild it can read the file: the index holds no data, the file and its log
		// are still not written.
		probe.Close()
		if probe, tidy, err = s.connectReadOnly(h, true); err != nil {
			return nil, err
		}
		version, err = s.check(probe)
	}
	if err == nil && s.readOnly && version < latest {
		// Shown as it would be upgraded, from a private copy; the file itself stays as it is.
		err = s.viewUpgraded(probe, version)
		if err == nil {
			probe.Close()
			if tidy {
				s.tidyUp()
			}
			return s, nil
		}
	}
	if err != nil {
		probe.Close()
		if tidy {
			s.tidyUp()
		}
		return nil, err
	}
	if s.readOnly {
		s.db, s.tidy = probe, tidy
		return s, nil
	}
	probe.Close()
	if tidy {
		s.tidyUp()
	}
	if err := s.connect(); err != nil {
		return nil, err
	}
	if err := s.prepare(); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// create makes a new workspace at s.path (a missing or empty file).
func (s *Store) create() (*Store, error) {
	if err := s.connect(); err != nil {
		return nil, err
	}
	if err := s.prepare(); err != nil {
		s.db.Close()
		if errors.Is(err, ErrReadOnly) || isCantOpen(err) {
			if reason := unwritable(s.path); reason != "" {
				return nil, fmt.Errorf("create %s: %w: %s", s.path, ErrReadOnly, reason)
			}
		}
		return nil, err
	}
	return s, nil
}

// judgeHeader refuses, from the header alone, a file that is not a Journey Canvas workspace
// this version can open.
func (s *Store) judgeHeader(h *fileHeader, size int64) error {
	path := s.path
	ours := h.appID == applicationID
	switch {
	case !ours && !h.empty():
		return fmt.Errorf("open %s: %w (an SQLite database of another program)", path, ErrNotJourney)
	case h.userVersion < 0:
		return fmt.Errorf("open %s: %w: its format number is %d, which no version of Journey Canvas writes", path, ErrCorrupt, h.userVersion)
	case int(h.userVersion) > len(migrations):
		return fmt.Errorf("open %s: %w (format %d; this version reads up to %d): update Journey Canvas to open it",
			path, ErrNewerSchema, h.userVersion, len(migrations))
	}
	// With a write-ahead log beside it, the file may lag behind its header until the log is
	// replayed (a checkpoint cut short writes page 1 first), so only a lone file is measured.
	if !h.fromWAL && !walBeside(path) && h.pages > 0 && h.counter == h.validFor && size < h.pages*h.pageSize {
		return fmt.Errorf("open %s: %w: the file is truncated (%d of %d bytes)", path, ErrCorrupt, size, h.pages*h.pageSize)
	}
	return nil
}

// walBeside reports whether a non-empty -wal file is beside path.
func walBeside(path string) bool {
	wal, err := os.Stat(path + "-wal")
	return err == nil && wal.Size() > 0
}

// connectReadOnly opens a connection through which nothing can be written to the file, its
// -wal or its -shm: without a log beside it, the file is read as it is (immutable); with a log
// and its index, the index is opened read-only. tidy says the connection had to create a -wal
// and -shm (a log without its index, or a read-only view of a writable write-ahead-log file)
// that Close should let SQLite remove.
func (s *Store) connectReadOnly(h *fileHeader, writableIndex bool) (*sql.DB, bool, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	_, walErr := os.Stat(s.path + "-wal")
	_, shmErr := os.Stat(s.path + "-shm")
	tidy := false
	switch {
	case walErr != nil && (!s.readOnly || s.roReason != ""):
		// Nobody has the file open in WAL mode (they would keep a -wal): read it as it is. A
		// writable file opened for editing gets a read-write connection right after this look;
		// a file that cannot be written cannot change under us either.
		q.Set("immutable", "1")
	case walErr != nil:
		// A writable file viewed read-only: another program may start writing at any time, so
		// read with SQLite's locks; in WAL mode that makes a -wal and -shm for Close to remove.
		tidy = h.walMode
	case shmErr == nil && !writableIndex:
		q.Set("readonly_shm", "1")
	}
	for k, v := range map[string]string{"_busy_timeout": fmt.Sprint(s.busy.Milliseconds()), "_foreign_keys": "1"} {
		q.Set(k, v)
	}
	db, err := sql.Open("sqlite3", s.dsn(q))
	if err != nil {
		return nil, false, fmt.Errorf("open %s: %w", s.path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	return db, tidy, nil
}

// check looks at an existing workspace through db: its identity and format again (now as
// SQLite sees them), its integrity, and every table and column its format has.
func (s *Store) check(db *sql.DB) (version int, err error) {
	ctx := context.Background()
	start := time.Now()
	// One read transaction: one snapshot of the file for every look.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, s.wrapSince("open", err, start)
	}
	defer tx.Rollback()
	var appID int
	err = tx.QueryRowContext(ctx, `SELECT (SELECT application_id FROM pragma_application_id),
		(SELECT user_version FROM pragma_user_version)`).Scan(&appID, &version)
	if err != nil {
		return 0, s.wrapSince("open", err, start)
	}
	switch {
	case appID != applicationID:
		return 0, fmt.Errorf("open %s: %w (an SQLite database of another program)", s.path, ErrNotJourney)
	case version < 0:
		return 0, fmt.Errorf("open %s: %w: its format number is %d, which no version of Journey Canvas writes", s.path, ErrCorrupt, version)
	case version > len(migrations):
		return 0, fmt.Errorf("open %s: %w (format %d; this version reads up to %d): update Journey Canvas to open it",
			s.path, ErrNewerSchema, version, len(migrations))
	}
	var res string
	if err := tx.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res); err != nil {
		if isBusy(err) || needsIndexWrite(err) {
			return 0, s.wrapSince("open", err, start)
		}
		return 0, fmt.Errorf("open %s: %w: %v", s.path, ErrCorrupt, err)
	}
	if res != "ok" {
		return 0, fmt.Errorf("open %s: %w: %s", s.path, ErrCorrupt, res)
	}
	return version, s.checkSchema(tx, version)
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
	db, err := sql.Open("sqlite3", s.dsn(q))
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

// dsn is the SQLite URI of the workspace with the given parameters. The path is escaped so
// that names with '?' or '#' open the right file.
func (s *Store) dsn(q url.Values) string {
	return "file:" + (&url.URL{Path: s.path}).EscapedPath() + "?" + q.Encode()
}

// prepare puts a read-write connection in WAL mode and brings the schema up to date.
func (s *Store) prepare() error {
	ctx := context.Background()
	if err := s.walMode(ctx); err != nil {
		return err
	}
	// NORMAL in WAL mode: a committed edit survives the program being killed; only a power cut
	// can lose the last few commits, never the file's consistency.
	if _, err := s.db.ExecContext(ctx, `PRAGMA synchronous=NORMAL`); err != nil {
		return s.wrap("open", err)
	}
	return s.migrate(ctx)
}

// walMode switches the file to write-ahead logging. A file in rollback-journal mode that another
// program is reading or writing cannot switch until it is done, and SQLite does not wait for
// that by itself, so the switch is retried until the busy timeout.
func (s *Store) walMode(ctx context.Context) error {
	start := time.Now()
	for {
		var mode string
		err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode=WAL`).Scan(&mode)
		if err == nil {
			return nil
		}
		if !isBusy(err) || time.Since(start) >= s.busy {
			return s.wrapSince("open", err, start)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// needsIndexWrite reports whether a read through a read-only -shm failed because the index must
// be rebuilt first.
func needsIndexWrite(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrProtocol || se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrCantOpen)
}

func isCantOpen(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrCantOpen
}

// fileKind names what a non-regular file is, for messages.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeCharDevice != 0:
		return "character device"
	case m&os.ModeDevice != 0:
		return "device"
	case m&os.ModeNamedPipe != 0:
		return "named pipe"
	case m&os.ModeSocket != 0:
		return "socket"
	case m&os.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
}

// wrap turns a SQLite error into one that names the file and, for locks, says the file is busy.
func (s *Store) wrap(op string, err error) error { return s.wrapSince(op, err, time.Time{}) }

// wrapSince is wrap for an operation that started at start: a lock error says how long it
// waited. Without a start it says only that the file is in use.
func (s *Store) wrapSince(op string, err error, start time.Time) error {
	if s.pg {
		if e := s.pgWrap(op, err, start); e != nil {
			return e
		}
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			if start.IsZero() {
				return fmt.Errorf("%s %s: %w: %v", op, s.path, ErrBusy, err)
			}
			return fmt.Errorf("%s %s: %w (waited %v): %v", op, s.path, ErrBusy, waited(start), err)
		case sqlite3.ErrReadonly:
			return fmt.Errorf("%s %s: %w: %v", op, s.path, ErrReadOnly, err)
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return fmt.Errorf("%s %s: %w: %v", op, s.path, ErrCorrupt, err)
		}
	}
	return fmt.Errorf("%s %s: %w", op, s.path, err)
}

// waited is the time since start, rounded for a message.
func waited(start time.Time) time.Duration {
	d := time.Since(start)
	if d >= time.Second {
		return d.Round(100 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
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
