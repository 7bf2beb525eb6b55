package data

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bigPhoto is a valid PNG of about 10 MB (stored without compression), within MaxPhotoBytes.
func bigPhoto(t testing.TB) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 1600, 1600))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if b.Len() < 10_000_000 || b.Len() > MaxPhotoBytes {
		t.Fatalf("photo of %d bytes", b.Len())
	}
	return b.Bytes()
}

func fileSize(t testing.TB, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("measured a file whose log is still beside it")
	}
	return fi.Size()
}

// savePersonaTimes saves a persona with a 10 MB photo n times (each save changes its summary)
// in a new workspace, and returns how much the file grew.
func savePersonaTimes(t testing.TB, n int, photo []byte) int64 {
	path := filepath.Join(t.TempDir(), "p.journey")
	s, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileSize(t, path)
	if s, err = Open(path, OpenOptions{}); err != nil {
		t.Fatal(err)
	}
	p := Persona{Name: "Chị Hương", Photo: photo}
	for i := 0; i < n; i++ {
		p.Summary = fmt.Sprintf("Lần lưu %d", i)
		if _, err := s.SavePersona(&p); err != nil {
			t.Fatal(err)
		}
	}
	var longest int
	if err := s.db.QueryRow(`SELECT max(length(changes)) FROM history`).Scan(&longest); err != nil {
		t.Fatal(err)
	}
	if longest > 10_000 {
		t.Errorf("a history entry is %d bytes: the photo is still copied into history", longest)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return fileSize(t, path) - before
}

// TestPersonaPhotoKeptOnce: saving a persona with a 10 MB photo 20 times grows the file by the
// photo once (at most 11 MB), not by 27 MB a save.
func TestPersonaPhotoKeptOnce(t *testing.T) {
	fileOnly(t)
	growth := savePersonaTimes(t, 20, bigPhoto(t))
	t.Logf("20 saves grew the file by %.2f MB", float64(growth)/1e6)
	if growth > 11<<20 {
		t.Fatalf("20 saves grew the file by %.1f MB; the budget is 11 MB", float64(growth)/(1<<20))
	}
}

// TestPhotoChangesUndoAndPictureLifetime: a photo change is undone and redone by hash; a picture
// stays while a persona or a history entry names it and goes when none does.
func TestPhotoChangesUndoAndPictureLifetime(t *testing.T) {
	path := newWorkspace(t)
	s, err := Open(path, OpenOptions{HistoryEdits: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, b, c := encodePNG(3, 3), encodePNG(5, 5), encodePNG(7, 7)
	p := Persona{Name: "Anh Minh", Photo: a}
	if _, err := s.SavePersona(&p); err != nil {
		t.Fatal(err)
	}
	p.Photo = b
	if _, err := s.SavePersona(&p); err != nil {
		t.Fatal(err)
	}
	photo := func() []byte {
		ps, err := s.Personas()
		if err != nil || len(ps) != 1 {
			t.Fatalf("personas: %v", err)
		}
		return ps[0].Photo
	}
	if !bytes.Equal(photo(), b) {
		t.Fatal("the new photo was not saved")
	}
	if _, ok, err := s.Undo(0); err != nil || !ok || !bytes.Equal(photo(), a) {
		t.Fatalf("undo did not bring the first photo back: %v %v", ok, err)
	}
	if _, ok, err := s.Redo(0); err != nil || !ok || !bytes.Equal(photo(), b) {
		t.Fatalf("redo: %v %v", ok, err)
	}
	pictures := func() int {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM pictures`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := pictures(); n != 2 {
		t.Fatalf("%d pictures, want a and b", n)
	}
	// Two more saves push the entries that name a out of the bounded history: a goes.
	p.Photo = c
	if _, err := s.SavePersona(&p); err != nil {
		t.Fatal(err)
	}
	p.Photo = nil
	if _, err := s.SavePersona(&p); err != nil {
		t.Fatal(err)
	}
	if n := pictures(); n != 2 {
		t.Fatalf("%d pictures, want b and c (named by the two entries left)", n)
	}
	if photo() != nil {
		t.Fatal("the photo was not removed")
	}
	for i := 0; i < 2; i++ {
		if _, ok, err := s.Undo(0); err != nil || !ok {
			t.Fatalf("undo %d: %v %v", i, ok, err)
		}
	}
	if !bytes.Equal(photo(), b) {
		t.Fatal("undoing the last two saves did not bring b back")
	}
	e, ok, err := s.Undo(0)
	if err != nil || ok || !strings.Contains(e.Label, "Nothing older to undo") {
		t.Fatalf("at the end of a trimmed history: %+v %v %v", e, ok, err)
	}
}

// TestHistoryBounds: each map keeps at most HistoryEdits entries and none older than
// HistoryAge, the oldest dropped first; Undo says when it reaches the end of a trimmed
// history, and says nothing for a history that was never trimmed.
func TestHistoryBounds(t *testing.T) {
	path := newWorkspace(t)
	s, err := Open(path, OpenOptions{HistoryEdits: 5, HistoryAge: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.NewMap("Khác", CurrentState)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.LoadMap(id)
	c := m.Cards[0]
	for i := 0; i < 10; i++ {
		c.Title = fmt.Sprintf("sửa %d", i)
		if err := s.UpdateCard(c); err != nil {
			t.Fatal(err)
		}
	}
	count := func(mapID int64) int {
		var n int
		s.db.QueryRow(`SELECT count(*) FROM history WHERE map_id=?`, mapID).Scan(&n)
		return n
	}
	if n := count(id); n != 5 {
		t.Fatalf("%d entries kept, want 5", n)
	}
	if n := count(other); n != 1 {
		t.Fatalf("the other map's history was touched: %d entries", n)
	}
	for i := 0; i < 5; i++ {
		if _, ok, err := s.Undo(id); err != nil || !ok {
			t.Fatalf("undo %d: %v %v", i, ok, err)
		}
	}
	if m, _ := s.LoadMap(id); m.Card(c.ID).Title != "sửa 4" {
		t.Fatalf("after undoing the 5 kept edits the card says %q, want the 6th newest", m.Card(c.ID).Title)
	}
	e, ok, err := s.Undo(id)
	if err != nil || ok || !strings.Contains(e.Label, "Nothing older to undo") || !strings.Contains(e.Label, "5 edits") {
		t.Fatalf("end of a trimmed history: %+v %v %v", e, ok, err)
	}
	if end := s.UndoEnd(id); end != e.Label {
		t.Fatalf("UndoEnd %q, Undo said %q", end, e.Label)
	}
	if end := s.UndoEnd(other); end != "" {
		t.Fatalf("UndoEnd with an edit left to undo: %q", end)
	}
	if _, ok, _ := s.Undo(other); !ok {
		t.Fatal("the other map's one edit cannot be undone")
	}
	if e, ok, err := s.Undo(other); ok || err != nil || e.Label != "" {
		t.Fatalf("end of an untrimmed history: %+v %v %v", e, ok, err)
	}

	// Age: entries older than an hour go at the next edit of their map.
	if _, err := s.db.Exec(`UPDATE history SET at='2000-01-01T00:00:00Z' WHERE map_id=?`, id); err != nil {
		t.Fatal(err)
	}
	c.Title = "mới"
	if err := s.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	if n := count(id); n != 1 {
		t.Fatalf("%d entries after the old ones expired, want 1", n)
	}

	// A map no longer edited (here: deleted, its history kept for undo) loses its old entries
	// when the workspace is closed.
	other, err = s.NewMap("Sẽ xoá", CurrentState)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMap(other); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE history SET at='2000-01-01T00:00:00Z' WHERE map_id=?`, other); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, OpenOptions{HistoryEdits: 5, HistoryAge: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if n := count(other); n != 0 {
		t.Fatalf("%d old entries of a deleted map left after closing", n)
	}
	if e, ok, err := s.Undo(other); ok || err != nil || !strings.Contains(e.Label, "Nothing older to undo") {
		t.Fatalf("undo in the deleted map: %+v %v %v", e, ok, err)
	}
	if n := count(id); n != 1 {
		t.Fatalf("closing dropped recent entries: %d left", n)
	}
}

// TestMigrationMovesPhotosToPictures: a format-4 workspace with a persona photo and history
// entries that carry photos in base64 is upgraded: the photo moves into pictures, history names
// it by hash, and undo still brings the earlier photo back.
func TestMigrationMovesPhotosToPictures(t *testing.T) {
	fileOnly(t)
	path := filepath.Join(t.TempDir(), "v4.journey")
	if err := MigrateTo(path, 4); err != nil {
		t.Fatal(err)
	}
	a, b := encodePNG(3, 3), encodePNG(5, 5)
	img := func(photo []byte) string {
		return fmt.Sprintf(`{"id":1,"p":{"name":"Chị Lan","photo":%q}}`, base64.StdEncoding.EncodeToString(photo))
	}
	db := rawDB(t, path)
	if _, err := db.Exec(`INSERT INTO personas(id,name,photo) VALUES(1,'Chị Lan',?)`, b); err != nil {
		t.Fatal(err)
	}
	changes := fmt.Sprintf(`[{"k":"persona","id":1,"b":%s,"a":%s}]`, img(a), img(b))
	if _, err := db.Exec(`INSERT INTO history(map_id,label,changes,at) VALUES(0,'Edit persona',?,'2026-01-01T00:00:00Z')`, changes); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Backup == "" {
		t.Fatal("no backup before migrating format 4")
	}
	ps, err := s.Personas()
	if err != nil || len(ps) != 1 || !bytes.Equal(ps[0].Photo, b) {
		t.Fatalf("migrated persona: %v", err)
	}
	var n int
	var hist string
	s.db.QueryRow(`SELECT count(*) FROM pictures`).Scan(&n)
	s.db.QueryRow(`SELECT changes FROM history`).Scan(&hist)
	if n != 2 || strings.Contains(hist, `"photo"`) || !strings.Contains(hist, pictureHash(a)) {
		t.Fatalf("%d pictures; history %s", n, hist)
	}
	if _, ok, err := s.Undo(0); err != nil || !ok {
		t.Fatalf("undo: %v %v", ok, err)
	}
	if ps, _ = s.Personas(); !bytes.Equal(ps[0].Photo, a) {
		t.Fatal("undo after the migration did not bring the earlier photo back")
	}
}

// TestSpaceIsReclaimed: when a 10 MB photo is no longer needed by any persona or history entry,
// Close gives its space back to the file system.
func TestSpaceIsReclaimed(t *testing.T) {
	fileOnly(t)
	path := filepath.Join(t.TempDir(), "w.journey")
	s, err := Open(path, OpenOptions{HistoryEdits: 1})
	if err != nil {
		t.Fatal(err)
	}
	p := Persona{Name: "Chị Hương", Photo: bigPhoto(t)}
	if _, err := s.SavePersona(&p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if size := fileSize(t, path); size < 10_000_000 {
		t.Fatalf("the photo is not in the file: %d bytes", size)
	}
	if s, err = Open(path, OpenOptions{HistoryEdits: 1}); err != nil {
		t.Fatal(err)
	}
	p.Photo = nil
	for i := 0; i < 2; i++ { // the second save pushes out the entry that still names the photo
		p.Summary = fmt.Sprint(i)
		if _, err := s.SavePersona(&p); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if size := fileSize(t, path); size > 1<<20 {
		t.Fatalf("the file is still %d bytes after its only picture went", size)
	}
}
