package data

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// fileState is what a folder holds: every file's bytes and modification time.
type fileState map[string]string

func folderState(t testing.TB, dir string) fileState {
	t.Helper()
	out := fileState{}
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		p := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = fmt.Sprintf("%x %d", b, info.ModTime().UnixNano())
	}
	return out
}

// sameFolder fails when dir does not hold exactly what before recorded.
func sameFolder(t testing.TB, dir string, before fileState, what string) {
	t.Helper()
	after := folderState(t, dir)
	var diffs []string
	for n, v := range before {
		if w, ok := after[n]; !ok {
			diffs = append(diffs, n+" was removed")
		} else if w != v {
			diffs = append(diffs, n+" was changed")
		}
	}
	for n := range after {
		if _, ok := before[n]; !ok {
			diffs = append(diffs, n+" was created")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("%s: %s", what, strings.Join(diffs, ", "))
	}
}

// rawDB opens a plain SQLite connection to path, as another program would.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	return db
}

func mustExec(t testing.TB, db *sql.DB, qs ...string) {
	t.Helper()
	for _, q := range qs {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// workspaceFile makes a closed workspace with a map in a new folder and returns its path.
func workspaceFile(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.journey")
	s, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateMap(sampleMap()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// hotCopy runs change on a workspace through another program's connection that keeps its
// write-ahead log, and copies the file with its -wal and -shm into a new folder while that
// connection is open: the copy is a file whose latest transactions live only in its -wal.
func hotCopy(t testing.TB, change ...string) string {
	t.Helper()
	src := workspaceFile(t)
	db := rawDB(t, src)
	defer db.Close()
	mustExec(t, db, `PRAGMA wal_autocheckpoint=0`)
	mustExec(t, db, change...)
	dst := filepath.Join(t.TempDir(), "hot.journey")
	for _, suf := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(src + suf)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst+suf, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if fi, _ := os.Stat(dst + "-wal"); fi.Size() == 0 {
		t.Fatal("the copy has an empty -wal")
	}
	// Let the clock move on, so that a write after this would show in the times.
	time.Sleep(20 * time.Millisecond)
	return dst
}

// TestNegativeFormatIsRefusedUntouched: a user_version below zero, on a workspace or on another
// program's database, is refused (no panic) and nothing is written: no backup, no -wal or -shm,
// no switch to WAL.
func TestNegativeFormatIsRefusedUntouched(t *testing.T) {
	fileOnly(t)
	ours := workspaceFile(t)
	db := rawDB(t, ours)
	mustExec(t, db, `PRAGMA user_version=-1`)
	db.Close()

	foreign := filepath.Join(t.TempDir(), "other.db")
	db = rawDB(t, foreign)
	mustExec(t, db, `CREATE TABLE t(x)`, `INSERT INTO t VALUES(1)`, `PRAGMA user_version=-1`)
	db.Close()

	for _, c := range []struct {
		path string
		want error
	}{{ours, ErrCorrupt}, {foreign, ErrNotJourney}} {
		for _, opt := range []OpenOptions{{}, {ReadOnly: true}} {
			before := folderState(t, filepath.Dir(c.path))
			s, err := Open(c.path, opt)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.path) {
				t.Errorf("%s %+v: %v, want %v", filepath.Base(c.path), opt, err, c.want)
			}
			sameFolder(t, filepath.Dir(c.path), before, filepath.Base(c.path))
		}
	}
}

// TestRefusedFileWithLogIsUntouched: files whose reason to be refused lives in their -wal (a
// newer format, another program's id, a dropped table) or in their pages (damage) are refused,
// and the file, its -wal and its -shm keep their bytes and times: SQLite never got the chance
// to checkpoint the log into the file.
func TestRefusedFileWithLogIsUntouched(t *testing.T) {
	fileOnly(t)
	cases := []struct {
		name   string
		path   string
		want   error
		saying string
	}{
		{"newer", hotCopy(t, `PRAGMA user_version=99`), ErrNewerSchema, "format 99"},
		{"foreign", hotCopy(t, `PRAGMA application_id=7`), ErrNotJourney, "another program"},
		{"negative", hotCopy(t, `PRAGMA user_version=-3`), ErrCorrupt, "-3"},
		{"dropped table", hotCopy(t, `DROP TABLE links`), ErrCorrupt, "table links is missing"},
	}
	damaged := hotCopy(t, `UPDATE maps SET title='trong log'`)
	b, _ := os.ReadFile(damaged)
	for i := 4096 * 2; i < len(b)-4096; i += 7 {
		b[i] ^= 0x5a
	}
	os.WriteFile(damaged, b, 0o644)
	time.Sleep(20 * time.Millisecond)
	cases = append(cases, struct {
		name   string
		path   string
		want   error
		saying string
	}{"damaged", damaged, ErrCorrupt, ""})
	for _, c := range cases {
		for _, opt := range []OpenOptions{{}, {ReadOnly: true}} {
			dir := filepath.Dir(c.path)
			before := folderState(t, dir)
			s, err := Open(c.path, opt)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.saying) {
				t.Errorf("%s %+v: %v, want %v saying %q", c.name, opt, err, c.want, c.saying)
			}
			sameFolder(t, dir, before, c.name)
		}
	}
	// The same copy with an acceptable change opens, and sees what its log holds.
	ok := hotCopy(t, `UPDATE maps SET title='trong log'`)
	s, err := Open(ok, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if l, err := s.ListMaps(); err != nil || len(l) != 1 || l[0].Title != "trong log" {
		t.Fatalf("read-only view of a file with a log: %+v %v", l, err)
	}
}

// TestBrokenLogIsIgnoredAsSQLiteDoes: a -wal beside a workspace that is garbage, or whose frames
// do not check out, is what SQLite itself ignores; the header reader ignores it too, and the
// workspace opens with its data.
func TestBrokenLogIsIgnoredAsSQLiteDoes(t *testing.T) {
	fileOnly(t)
	hot := hotCopy(t, `CREATE TABLE extra(x)`, `UPDATE maps SET title='trong log'`)
	wal, err := os.ReadFile(hot + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		log []byte
		// whether page 1 comes from the log: cutting the last frame loses only the last
		// transaction (the update), not the one before it (the new table)
		fromWAL bool
	}{
		"garbage":        {bytes.Repeat([]byte("rác "), 2000), false},
		"bad checksum":   {append(append([]byte{}, wal[:40]...), append([]byte{wal[40] ^ 0xff}, wal[41:]...)...), false},
		"cut in a frame": {wal[:len(wal)-100], true},
		"header only":    {wal[:32], false},
	} {
		broken := c.log
		dir := t.TempDir()
		path := filepath.Join(dir, "w.journey")
		main, _ := os.ReadFile(hot)
		os.WriteFile(path, main, 0o644)
		os.WriteFile(path+"-wal", broken, 0o644)
		h, err := readHeader(path)
		if err != nil || h.fromWAL != c.fromWAL || h.appID != applicationID {
			t.Errorf("%s: header %+v %v", name, h, err)
			continue
		}
		s, err := Open(path, OpenOptions{ReadOnly: true})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if l, err := s.ListMaps(); err != nil || len(l) != 1 || l[0].Title == "trong log" {
			t.Errorf("%s: %+v %v", name, l, err)
		}
		s.Close()
	}
	// The log as it is: page 1 (the new table changed it) comes from the log.
	plain, _ := os.ReadFile(hot)
	if h, err := readHeader(hot); err != nil || !h.fromWAL || h.schemaCookie == parseHeader(plain[:100]).schemaCookie {
		t.Fatalf("the good log was not read: %+v %v", h, err)
	}
}

// TestOnlyRegularFilesOpenAndReadingNeverWrites: devices, empty and missing files are refused
// by read-only opens without a trace; a read-only open and close of a workspace leaves its
// folder exactly as it was; an empty file becomes a workspace only through a read-write open.
func TestOnlyRegularFilesOpenAndReadingNeverWrites(t *testing.T) {
	fileOnly(t)
	for _, dev := range []string{"/dev/null", "/dev/zero"} {
		for _, opt := range []OpenOptions{{}, {ReadOnly: true}} {
			s, err := Open(dev, opt)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, ErrNotJourney) || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("%s: %v", dev, err)
			}
			for _, suf := range []string{"-journal", "-wal", "-shm"} {
				if _, err := os.Stat(dev + suf); err == nil {
					os.Remove(dev + suf)
					t.Errorf("%s%s was created", dev, suf)
				}
			}
		}
	}
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.journey")
	os.WriteFile(empty, nil, 0o644)
	time.Sleep(10 * time.Millisecond)
	before := folderState(t, dir)
	for _, opt := range []OpenOptions{{ReadOnly: true}, {NoCreate: true}} {
		if s, err := Open(empty, opt); err == nil || !errors.Is(err, ErrNotJourney) || !strings.Contains(err.Error(), "empty") {
			if s != nil {
				s.Close()
			}
			t.Errorf("empty file %+v: %v", opt, err)
		}
		missing := filepath.Join(dir, "missing.journey")
		if s, err := Open(missing, opt); !errors.Is(err, os.ErrNotExist) {
			if s != nil {
				s.Close()
			}
			t.Errorf("missing file %+v: %v", opt, err)
		}
	}
	sameFolder(t, dir, before, "refused empty and missing files")

	path := workspaceFile(t)
	time.Sleep(10 * time.Millisecond)
	before = folderState(t, filepath.Dir(path))
	s, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.ListMaps()
	if err != nil || len(l) != 1 {
		t.Fatalf("list: %v", err)
	}
	if _, err := s.LoadMap(l[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.NewMap("x", CurrentState); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("edit through a read-only open: %v", err)
	}
	s.Close()
	sameFolder(t, filepath.Dir(path), before, "read-only open of a workspace")

	// The user creates a workspace in an empty file by opening it read-write.
	s, err = Open(empty, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.NewMap("Mới", CurrentState); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if bak, _ := filepath.Glob(empty + "*.bak"); len(bak) != 0 {
		t.Errorf("a new workspace got a backup: %v", bak)
	}
}

// TestReadOnlyOpenOfAnOlderFormat: a read-only open of a file in an older format shows it as
// upgraded, from a private copy that Close removes; the file is not upgraded, and nothing is
// written beside it.
func TestReadOnlyOpenOfAnOlderFormat(t *testing.T) {
	fileOnly(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "v3.journey")
	if err := MigrateTo(path, 3); err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, path)
	mustExec(t, db, `INSERT INTO maps(id,title,created,updated) VALUES(1,'Cũ','2025-01-01T00:00:00Z','2025-01-01T00:00:00Z')`,
		`INSERT INTO stages(id,map_id,position,name) VALUES(1,1,0,'Nhận thức')`)
	db.Close()
	time.Sleep(10 * time.Millisecond)
	before := folderState(t, dir)
	s, err := Open(path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.LoadMap(1)
	if err != nil || m.Title != "Cũ" || len(m.Stages) != 1 || m.Lang != "" {
		t.Fatalf("%+v %v", m, err)
	}
	if _, err := s.NewMap("x", CurrentState); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("edit: %v", err)
	}
	view := s.viewDir
	s.Close()
	if _, err := os.Stat(view); !os.IsNotExist(err) {
		t.Errorf("the private copy %s is left: %v", view, err)
	}
	sameFolder(t, dir, before, "read-only open of an older format")
}

// TestMissingTableOrColumnIsDamage: a workspace with a table or a column of its format dropped
// is refused as damaged, naming it, and left untouched.
func TestMissingTableOrColumnIsDamage(t *testing.T) {
	fileOnly(t)
	for _, c := range []struct{ change, saying string }{
		{`DROP TABLE links`, "table links is missing"},
		{`ALTER TABLE cards DROP COLUMN metric`, "column cards.metric is missing"},
	} {
		path := workspaceFile(t)
		db := rawDB(t, path)
		mustExec(t, db, c.change)
		db.Close()
		time.Sleep(10 * time.Millisecond)
		before := folderState(t, filepath.Dir(path))
		for _, opt := range []OpenOptions{{}, {ReadOnly: true}} {
			s, err := Open(path, opt)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "damaged: "+c.saying) {
				t.Errorf("%s %+v: %v", c.change, opt, err)
			}
		}
		sameFolder(t, filepath.Dir(path), before, c.change)
	}
}

// readOnlyFolder makes dir unwritable: a read-only bind mount of it when mount works (root in
// a container or on a test machine), else the immutable attribute on dir and file. It returns
// the path under which the file is to be opened, and undoes everything when the test ends.
func readOnlyFolder(t *testing.T, dir, file string) string {
	t.Helper()
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "--bind", dir, mnt).CombinedOutput(); err == nil {
		t.Cleanup(func() {
			if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
				t.Errorf("umount %s: %v %s", mnt, err, out)
			}
		})
		if out, err := exec.Command("mount", "-o", "remount,bind,ro", mnt).CombinedOutput(); err != nil {
			t.Skipf("a read-only bind mount is not possible here: %v %s", err, out)
		}
		return filepath.Join(mnt, file)
	} else {
		t.Logf("mount --bind: %v %s; trying chattr +i", err, out)
	}
	p := filepath.Join(dir, file)
	if out, err := exec.Command("chattr", "+i", p, dir).CombinedOutput(); err != nil {
		t.Skipf("neither a read-only mount nor chattr +i is possible here (tests run as root, so permission bits do not stop writes): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", p, dir).Run() })
	return p
}

// TestReadOnlyPlaceOpensForViewing: a workspace on a read-only file system opens read-only,
// says why, lists and loads its maps, refuses edits, and leaves no -wal or -shm; an older
// format there is refused with a clear message.
func TestReadOnlyPlaceOpensForViewing(t *testing.T) {
	fileOnly(t)
	path := workspaceFile(t)
	dir := filepath.Dir(path)
	old := filepath.Join(dir, "old.journey")
	if err := MigrateTo(old, 2); err != nil {
		t.Fatal(err)
	}
	before := folderState(t, dir)
	ro := readOnlyFolder(t, dir, "w.journey")
	for _, opt := range []OpenOptions{{}, {ReadOnly: true}} {
		s, err := Open(ro, opt)
		if err != nil {
			t.Fatalf("%+v: %v", opt, err)
		}
		if !s.ReadOnly() || !strings.Contains(s.ReadOnlyReason(), "read-only") && !strings.Contains(s.ReadOnlyReason(), "locked") {
			t.Errorf("read-only %v, reason %q", s.ReadOnly(), s.ReadOnlyReason())
		}
		l, err := s.ListMaps()
		if err != nil || len(l) != 1 {
			t.Fatalf("list on a read-only file system: %v", err)
		}
		if m, err := s.LoadMap(l[0].ID); err != nil || len(m.Cards) != 5 {
			t.Fatalf("load: %v", err)
		}
		if _, err := s.NewMap("x", CurrentState); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), s.ReadOnlyReason()) {
			t.Errorf("edit: %v", err)
		}
		s.Close()
	}
	var s *Store
	var err error
	// An older format there is shown from an upgraded private copy.
	s, err = Open(filepath.Join(filepath.Dir(ro), "old.journey"), OpenOptions{})
	if err != nil {
		t.Fatalf("older format on a read-only file system: %v", err)
	}
	if l, err := s.ListMaps(); err != nil || len(l) != 0 || !s.ReadOnly() {
		t.Errorf("older format on a read-only file system: %v %v", l, err)
	}
	s.Close()
	sameFolder(t, dir, before, "read-only file system")
}

// TestRollbackJournalFileWaits: a file in rollback-journal mode that another program is writing
// is read by read-only opens at once, and a read-write open waits for the writer (up to the
// busy timeout) instead of failing at once; when it gives up, it says how long it waited.
func TestRollbackJournalFileWaits(t *testing.T) {
	fileOnly(t)
	path := workspaceFile(t)
	db := rawDB(t, path)
	mustExec(t, db, `PRAGMA journal_mode=DELETE`)
	defer db.Close()
	lock, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Exec(`UPDATE maps SET title='đang ghi'`); err != nil {
		t.Fatal(err)
	}
	// Read while the other program writes.
	s, err := Open(path, OpenOptions{ReadOnly: true, BusyTimeout: 2 * time.Second})
	if err != nil {
		t.Fatalf("read-only open during another program's write: %v", err)
	}
	if l, err := s.ListMaps(); err != nil || len(l) != 1 || l[0].Title == "đang ghi" {
		t.Fatalf("list during another program's write: %+v %v", l, err)
	}
	s.Close()

	// Give up after the timeout, and say the truth about it.
	start := time.Now()
	_, err = Open(path, OpenOptions{BusyTimeout: 300 * time.Millisecond})
	took := time.Since(start)
	if !errors.Is(err, ErrBusy) || took < 300*time.Millisecond || strings.Contains(err.Error(), "waited 5s") || !strings.Contains(err.Error(), "waited 3") {
		t.Fatalf("after %v: %v", took, err)
	}

	// Wait for the writer to finish, then open.
	go func() {
		time.Sleep(300 * time.Millisecond)
		lock.Commit()
	}()
	start = time.Now()
	s, err = Open(path, OpenOptions{BusyTimeout: 3 * time.Second})
	if err != nil {
		t.Fatalf("after %v: %v", time.Since(start), err)
	}
	defer s.Close()
	if took := time.Since(start); took < 250*time.Millisecond {
		t.Errorf("opened after %v, while the other program still held its lock", took)
	}
	if l, err := s.ListMaps(); err != nil || l[0].Title != "đang ghi" {
		t.Fatalf("%+v %v", l, err)
	}
}

// openChild is run in a child process (JC_OPEN_FILE): at the moment JC_OPEN_AT (Unix
// nanoseconds) it opens the workspace, adds a map, and prints "ok" or "error …".
func openChild(path, at string) {
	var ns int64
	fmt.Sscan(at, &ns)
	time.Sleep(time.Until(time.Unix(0, ns)))
	s, err := Open(path, OpenOptions{})
	if err == nil {
		_, err = s.NewMap("từ tiến trình", CurrentState)
		s.Close()
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	fmt.Println("ok")
}

// TestConcurrentCreation: several programs (real processes, and Stores in goroutines) opening
// the same new workspace, or the same older one, at the same moment all succeed: one creates or
// upgrades it, the others wait and go on.
func TestConcurrentCreation(t *testing.T) {
	fileOnly(t)
	rounds, procs := 12, 4
	if testing.Short() {
		rounds = 4
	}
	for r := 0; r < rounds; r++ {
		dir := t.TempDir()
		path := filepath.Join(dir, "new.journey")
		if r%3 == 2 { // an older workspace with data, upgraded at once by all
			if err := MigrateTo(path, 2); err != nil {
				t.Fatal(err)
			}
			db := rawDB(t, path)
			mustExec(t, db, `INSERT INTO maps(id,title,created,updated) VALUES(1,'Cũ','2025-01-01T00:00:00Z','2025-01-01T00:00:00Z')`)
			db.Close()
		}
		at := time.Now().Add(300 * time.Millisecond).UnixNano()
		var wg sync.WaitGroup
		errs := make(chan string, 2*procs)
		for p := 0; p < procs; p++ {
			wg.Add(2)
			go func() {
				defer wg.Done()
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), "JC_OPEN_FILE="+path, fmt.Sprintf("JC_OPEN_AT=%d", at))
				out, err := cmd.CombinedOutput()
				if err != nil || !bytes.HasPrefix(out, []byte("ok")) {
					errs <- fmt.Sprintf("process: %v: %s", err, out)
				}
			}()
			go func() {
				defer wg.Done()
				time.Sleep(time.Until(time.Unix(0, at)))
				s, err := Open(path, OpenOptions{})
				if err == nil {
					_, err = s.NewMap("từ goroutine", CurrentState)
					s.Close()
				}
				if err != nil {
					errs <- "goroutine: " + err.Error()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("round %d: %s", r, e)
		}
		s, err := Open(path, OpenOptions{ReadOnly: true})
		if err != nil {
			t.Fatalf("round %d: %v", r, err)
		}
		l, err := s.ListMaps()
		s.Close()
		want := 2 * procs
		if r%3 == 2 {
			want++
		}
		if err != nil || len(l) != want {
			t.Fatalf("round %d: %d maps, want %d: %v", r, len(l), want, err)
		}
		bak, _ := filepath.Glob(path + "*.bak")
		if want := r % 3 / 2; len(bak) != want { // one backup of an upgraded file, none of a new one
			t.Errorf("round %d: backups %v, want %d", r, bak, want)
		}
		if tmp, _ := filepath.Glob(path + "*.tmp"); len(tmp) != 0 {
			t.Errorf("round %d: temporary copies left: %v", r, tmp)
		}
		if t.Failed() {
			return
		}
	}
}

// TestUpgradeRefusesAFormatItCannotStepFrom: the upgrade reads the version again under the
// write lock; a negative or newer one found there (another program changed the file after Open
// judged it) is refused, never indexed into the migrations.
func TestUpgradeRefusesAFormatItCannotStepFrom(t *testing.T) {
	fileOnly(t)
	for _, c := range []struct {
		v    int
		want error
	}{{-1, ErrCorrupt}, {99, ErrNewerSchema}} {
		path := workspaceFile(t)
		db := rawDB(t, path)
		mustExec(t, db, fmt.Sprintf(`PRAGMA user_version=%d`, c.v))
		db.Close()
		s := &Store{path: path, busy: DefaultBusyTimeout, histEdits: DefaultHistoryEdits, histAge: DefaultHistoryAge}
		if err := s.connect(); err != nil {
			t.Fatal(err)
		}
		err := s.prepare()
		s.db.Close()
		if !errors.Is(err, c.want) {
			t.Errorf("format %d: %v", c.v, err)
		}
		if err := MigrateTo(path, 3); c.v < 0 && !errors.Is(err, ErrCorrupt) {
			t.Errorf("MigrateTo from format %d: %v", c.v, err)
		}
	}
}
