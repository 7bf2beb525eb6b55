package data

import (
	"errors"
	"path/filepath"
	"testing"
)

// TestMapOptions stores a map's language and note lines, reads them back after reopening,
// undoes and redoes their change, refuses bad values, keeps them in versions, and migrates a
// schema-3 file (its maps get "" and 0, and a backup is made).
func TestMapOptions(t *testing.T) {
	path := newWorkspace(t)
	s, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := sampleMap()
	m.Lang, m.NoteLines = "vi", 2
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, OpenOptions{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Lang != "vi" || got.NoteLines != 2 {
		t.Fatalf("after reopening: lang %q, note lines %d", got.Lang, got.NoteLines)
	}
	vid, err := s.SaveVersion(id, "trước")
	if err != nil {
		t.Fatal(err)
	}

	got.Lang, got.NoteLines = "en", 3
	if err := s.UpdateMap(got); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.LoadMap(id); got.Lang != "en" || got.NoteLines != 3 {
		t.Fatalf("after the edit: lang %q, note lines %d", got.Lang, got.NoteLines)
	}
	if _, ok, err := s.Undo(id); err != nil || !ok {
		t.Fatal("undo:", ok, err)
	}
	if got, _ = s.LoadMap(id); got.Lang != "vi" || got.NoteLines != 2 {
		t.Fatalf("after undo: lang %q, note lines %d", got.Lang, got.NoteLines)
	}
	if _, ok, err := s.Redo(id); err != nil || !ok {
		t.Fatal("redo:", ok, err)
	}
	if got, _ = s.LoadMap(id); got.Lang != "en" || got.NoteLines != 3 {
		t.Fatalf("after redo: lang %q, note lines %d", got.Lang, got.NoteLines)
	}
	if v, err := s.OpenVersion(vid); err != nil || v.Lang != "vi" || v.NoteLines != 2 {
		t.Fatalf("version: %v, %+v", err, v)
	}

	for _, bad := range []struct {
		lang  string
		lines int
		field string
	}{{"fr", 0, "map language"}, {"VI", 0, "map language"}, {"", 4, "map note lines"}, {"", -1, "map note lines"}} {
		b := *got
		b.Lang, b.NoteLines = bad.lang, bad.lines
		err := s.UpdateMap(&b)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != bad.field {
			t.Errorf("lang %q, note lines %d: got %v, want a fault in %s", bad.lang, bad.lines, err, bad.field)
		}
		if _, err := s.CreateMap(&b); !errors.As(err, &fe) {
			t.Errorf("create with lang %q, note lines %d: %v", bad.lang, bad.lines, err)
		}
	}
	if got, _ = s.LoadMap(id); got.Lang != "en" || got.NoteLines != 3 {
		t.Fatalf("a refused edit changed the map: lang %q, note lines %d", got.Lang, got.NoteLines)
	}

	// From schema 3.
	if onPostgres() {
		return // a database is never in a format older than the first that had PostgreSQL
	}
	old := filepath.Join(t.TempDir(), "v3.journey")
	if err := MigrateTo(old, 3); err != nil {
		t.Fatal(err)
	}
	raw := &Store{path: old, busy: DefaultBusyTimeout}
	if err := raw.connect(); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.db.Exec(`INSERT INTO maps(id,title,created,updated) VALUES(1,'Cũ','2025-01-01T00:00:00Z','2025-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	raw.db.Close()
	s3, err := Open(old, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	if s3.Backup == "" {
		t.Fatal("no backup before migrating schema 3")
	}
	mm, err := s3.LoadMap(1)
	if err != nil || mm.Lang != "" || mm.NoteLines != 0 {
		t.Fatalf("migrated: %+v %v", mm, err)
	}
	mm.NoteLines = 1
	if err := s3.UpdateMap(mm); err != nil {
		t.Fatal(err)
	}
}
