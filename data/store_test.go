package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCreateAndLoadRoundTrip(t *testing.T) {
	s, path := openTemp(t)
	want := sampleMap()
	id, err := s.CreateMap(want)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != want.Title || got.Goal != want.Goal || got.Audience != want.Audience || got.Owner != want.Owner ||
		got.Status != want.Status || got.Type != want.Type || got.Curve != want.Curve {
		t.Fatalf("map fields: got %+v", got)
	}
	if got.Persona == nil || got.Persona.Name != "Chị Hương" || string(got.Persona.Photo) != string(want.Persona.Photo) || got.Persona.Frustrates != "Giao hàng chậm" {
		t.Fatalf("persona: %+v", got.Persona)
	}
	if len(got.Stages) != 5 || got.Stages[2].Name != "Quyết định" || got.Stages[2].Position != 2 || got.Stages[0].Colour != "#3366cc" {
		t.Fatalf("stages: %+v", got.Stages)
	}
	if len(got.Lanes) != 3 || got.Lanes[2].Kind != LanePainPoints {
		t.Fatalf("lanes: %+v", got.Lanes)
	}
	if len(got.Cards) != 5 {
		t.Fatalf("cards: %d", len(got.Cards))
	}
	c := got.Cards[2]
	if c.Title != "Nhận email giảm 10%" || !c.MomentOfTruth || *c.Emotion != 2 || c.Metric == nil || *c.Metric.Target != 40 || !c.Metric.UpIsGood {
		t.Fatalf("card 3: %+v", c)
	}
	if got.Cards[0].Tags[0] != "ads" || got.Cards[0].Presence != Online || got.Cards[1].Evidence != EvidenceResearched {
		t.Fatalf("card fields: %+v", got.Cards[:2])
	}
	if got.Cards[4].Emotion != nil || !got.Cards[4].Opportunity {
		t.Fatalf("card 5: %+v", got.Cards[4])
	}
	if len(got.Links) != 1 || got.Links[0].Label != "quay lại" || got.Card(got.Links[0].FromID).Title != "Thanh toán lỗi" {
		t.Fatalf("links: %+v", got.Links)
	}
	list, err := s2.ListMaps()
	if err != nil || len(list) != 1 || list[0].Cards != 5 || list[0].Stages != 5 {
		t.Fatalf("list: %+v %v", list, err)
	}
	if found, err := s2.FindMap("mua mỹ phẩm trực tuyến"); err != nil || found != id {
		t.Fatalf("find by title: %d %v", found, err)
	}
}

func TestTextIsStoredNFC(t *testing.T) {
	s, _ := openTemp(t)
	nfd := norm.NFD.String("Quyết định ỳ ữ ặ")
	if nfd == "Quyết định ỳ ữ ặ" {
		t.Fatal("test string is not decomposed")
	}
	id, err := s.NewMap(nfd, CurrentState)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.LoadMap(id)
	if m.Title != "Quyết định ỳ ữ ặ" {
		t.Fatalf("title not NFC: %q", m.Title)
	}
}

func TestBadValuesAreRefusedAndNothingWritten(t *testing.T) {
	s, _ := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.LoadMap(id)
	before := state(t, s, id)
	c := m.Cards[0]
	cases := map[string]func(c *Card){
		"outside the map's scale": func(c *Card) { c.Emotion = ptr(7.0) },
		"not valid UTF-8":         func(c *Card) { c.Title = "bad \xff text" },
		"the limit is 2000":       func(c *Card) { c.Title = strings.Repeat("ậ", 2001) },
		"bytes long":              func(c *Card) { c.Notes = strings.Repeat("x", MaxLongBytes+1) },
		"not a colour":            func(c *Card) { c.Colour = "red" },
		"not one of":              func(c *Card) { c.Evidence = "rumour" },
	}
	for want, change := range cases {
		bad := c
		change(&bad)
		err := s.UpdateCard(bad)
		var fe *FieldError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v", want, err)
		}
		if _, err := s.AddCard(bad); err == nil {
			t.Errorf("%s: AddCard accepted it", want)
		}
	}
	if after := state(t, s, id); after != before {
		t.Fatal("a refused edit changed the map")
	}
	// A 1 MB note is within limits and kept whole.
	big := c
	big.Notes = strings.Repeat("Nỗi đau ", 1<<20/len("Nỗi đau "))
	if err := s.UpdateCard(big); err != nil {
		t.Fatal(err)
	}
	m2, _ := s.LoadMap(id)
	if m2.Card(c.ID).Notes != big.Notes {
		t.Fatal("1 MB note not kept whole")
	}
	// A scale that would leave scores outside is refused.
	m.Scale = Scale{Min: 0, Max: 4}
	if err := s.UpdateMap(m); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Fatalf("scale change: %v", err)
	}
}

func TestOpenRefusesWhatIsNotAWorkspace(t *testing.T) {
	fileOnly(t)
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.journey")
	os.WriteFile(text, []byte("hello, this is not a database at all, just some text that is long enough to have a header of a hundred bytes..."), 0o644)
	if _, err := Open(text, OpenOptions{}); !errors.Is(err, ErrNotJourney) || !strings.Contains(err.Error(), text) {
		t.Fatalf("text file: %v", err)
	}
	other := filepath.Join(dir, "other.db")
	s, _ := Open(filepath.Join(dir, "x.journey"), OpenOptions{})
	s.db.Exec(`VACUUM INTO ?`, other) // a valid SQLite file...
	s.Close()
	s2, err := Open(other, OpenOptions{})
	if err != nil {
		t.Fatalf("copy of an empty workspace: %v", err)
	}
	s2.db.Exec(`PRAGMA application_id=1`) // ...that belongs to another program
	s2.Close()
	if _, err := Open(other, OpenOptions{}); !errors.Is(err, ErrNotJourney) {
		t.Fatalf("foreign SQLite: %v", err)
	}
	if _, err := Open(dir, OpenOptions{}); err == nil {
		t.Fatal("opened a folder")
	}
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	s, path := openTemp(t)
	s.NewMap("Future", CurrentState)
	setFormat(t, s, 99)
	s.Close()
	before := contentOf(t, path)
	_, err := Open(path, OpenOptions{})
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "format 99") {
		t.Fatalf("newer schema: %v", err)
	}
	if contentOf(t, path) != before {
		t.Fatal("the newer workspace was changed")
	}
}

func TestTruncatedAndCorruptFilesAreRefusedUntouched(t *testing.T) {
	fileOnly(t)
	s, path := openTemp(t)
	for i := 0; i < 20; i++ {
		s.CreateMap(sampleMap())
	}
	s.Close()
	full, _ := os.ReadFile(path)
	if len(full) < 8192 {
		t.Fatalf("file too small for the test: %d", len(full))
	}
	trunc := filepath.Join(t.TempDir(), "trunc.journey")
	os.WriteFile(trunc, full[:len(full)/2], 0o644)
	if _, err := Open(trunc, OpenOptions{}); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "truncated") {
		t.Fatalf("truncated: %v", err)
	}
	got, _ := os.ReadFile(trunc)
	if len(got) != len(full)/2 {
		t.Fatal("truncated file was changed")
	}
	// Scribble over the pages after the first: the header is fine, the b-trees are not.
	bad := append([]byte(nil), full...)
	for i := 4096 * 2; i < len(bad)-4096; i += 7 {
		bad[i] ^= 0x5a
	}
	corrupt := filepath.Join(t.TempDir(), "corrupt.journey")
	os.WriteFile(corrupt, bad, 0o644)
	if _, err := Open(corrupt, OpenOptions{}); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("corrupt: %v", err)
	}
	got, _ = os.ReadFile(corrupt)
	if string(got) != string(bad) {
		t.Fatal("corrupt file was changed")
	}
}

func TestReadOnlyFileOpensForViewing(t *testing.T) {
	fileOnly(t)
	s, path := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	s.Close()
	os.Chmod(path, 0o444)
	before, _ := os.ReadFile(path)
	ro, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Fatal("not flagged read-only")
	}
	m, err := ro.LoadMap(id)
	if err != nil || len(m.Cards) != 5 {
		t.Fatalf("load: %v", err)
	}
	if err := ro.UpdateCard(m.Cards[0]); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) {
		t.Fatalf("edit on read-only: %v", err)
	}
	if _, _, err := ro.Undo(id); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("undo on read-only: %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Fatal("read-only file changed")
	}
}

func TestBusyFileWaitsThenSaysInUse(t *testing.T) {
	s, path := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)
	// Another program holds the write lock.
	other, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	lock, err := other.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	s.busy = 200 * 1e6
	s.db.Exec(`PRAGMA busy_timeout=200`)
	c := m.Cards[0]
	c.Title = "changed"
	err = s.UpdateCard(c)
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "in use by another program") || !strings.Contains(err.Error(), path) {
		t.Fatalf("busy: %v", err)
	}
	lock.Rollback()
	if err := s.UpdateCard(c); err != nil {
		t.Fatalf("after the lock is gone: %v", err)
	}
	if got, _ := s.LoadMap(id); got.Card(c.ID).Title != "changed" {
		t.Fatal("edit lost")
	}
}

func TestMigrationFromFirstSchemaKeepsBackup(t *testing.T) {
	fileOnly(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "old.journey")
	if err := MigrateTo(path, 1); err != nil {
		t.Fatal(err)
	}
	// Write data the way schema 1 held it.
	s := &Store{path: path, busy: DefaultBusyTimeout}
	if err := s.connect(); err != nil {
		t.Fatal(err)
	}
	mustExec := func(q string, args ...any) {
		if _, err := s.db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	mustExec(`INSERT INTO maps(id,title,created,updated) VALUES(1,'Hành trình cũ','2025-01-01T00:00:00Z','2025-01-01T00:00:00Z')`)
	mustExec(`INSERT INTO stages(id,map_id,position,name) VALUES(1,1,0,'Nhận thức')`)
	mustExec(`INSERT INTO lanes(id,map_id,position,name,kind) VALUES(1,1,0,'Hành động','steps')`)
	mustExec(`INSERT INTO cards(id,map_id,stage_id,lane_id,position,title,emotion) VALUES(1,1,1,1,0,'Thấy quảng cáo',1.5)`)
	s.db.Close()

	st, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Backup == "" {
		t.Fatal("no backup made")
	}
	m, err := st.LoadMap(1)
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Hành trình cũ" || m.Curve != CurvePerCard || m.PersonaID != 0 || len(m.Cards) != 1 || *m.Cards[0].Emotion != 1.5 {
		t.Fatalf("migrated map: %+v", m)
	}
	var v int
	st.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != SchemaVersion() {
		t.Fatalf("version %d", v)
	}
	// The backup is the untouched schema-1 file.
	b := &Store{path: st.Backup, busy: DefaultBusyTimeout, readOnly: true}
	if err := b.connect(); err != nil {
		t.Fatal(err)
	}
	defer b.db.Close()
	var bv int
	var title string
	b.db.QueryRow(`PRAGMA user_version`).Scan(&bv)
	b.db.QueryRow(`SELECT title FROM maps WHERE id=1`).Scan(&title)
	if bv != 1 || title != "Hành trình cũ" {
		t.Fatalf("backup: version %d title %q", bv, title)
	}
	// Undo works on a migrated file.
	if _, err := st.AddCard(Card{MapID: 1, StageID: 1, LaneID: 1, Title: "mới", Position: -1}); err != nil {
		t.Fatal(err)
	}
	if e, ok, err := st.Undo(1); err != nil || !ok || e.Label != "Add card" {
		t.Fatalf("undo: %v %v %v", e, ok, err)
	}
}

func TestPersonaInUseCannotBeDeleted(t *testing.T) {
	s, _ := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)
	if err := s.DeletePersona(m.PersonaID); err == nil || !strings.Contains(err.Error(), "Mua mỹ phẩm") {
		t.Fatalf("delete used persona: %v", err)
	}
	p := Persona{Name: "Anh Minh"}
	pid, err := s.SavePersona(&p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePersona(pid); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Undo(0); !ok || err != nil {
		t.Fatalf("undo persona delete: %v", err)
	}
	ps, _ := s.Personas()
	if len(ps) != 2 {
		t.Fatalf("personas: %d", len(ps))
	}
}

func TestSettings(t *testing.T) {
	s, path := openTemp(t)
	if err := s.SetSetting("last-map", "7"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, _ := Open(path, OpenOptions{})
	defer s2.Close()
	if s2.Setting("last-map") != "7" || s2.Setting("nothing") != "" {
		t.Fatal("setting lost")
	}
}
