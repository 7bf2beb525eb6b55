package data

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"journeycanvas/data/pgtest"
)

// canon is a map as comparable text with its ids renamed by place: stages and lanes by
// position, cards in reading order, links in order, comments thread by thread. Two maps with
// the same canon are the same map in two workspaces: every field, time, author, persona and
// comment equal, each comment on the same stage or card.
func canon(t testing.TB, m *Map) string {
	t.Helper()
	ren := map[string]map[int64]int64{}
	give := func(kind string, old int64) int64 {
		if ren[kind] == nil {
			ren[kind] = map[int64]int64{}
		}
		ren[kind][old] = int64(len(ren[kind]) + 1)
		return ren[kind][old]
	}
	get := func(kind string, old int64) int64 {
		if to, ok := ren[kind][old]; ok {
			return to
		}
		return -1 // refers to something the map does not have
	}
	c := *m
	c.ID = 0
	if c.PersonaID != 0 {
		c.PersonaID = 1
	}
	if m.Persona != nil {
		p := *m.Persona
		p.ID = 0
		c.Persona = &p
	}
	c.Stages = append([]Stage(nil), m.Stages...)
	for i := range c.Stages {
		c.Stages[i].ID, c.Stages[i].MapID = give("stage", c.Stages[i].ID), 0
	}
	c.Lanes = append([]Lane(nil), m.Lanes...)
	for i := range c.Lanes {
		c.Lanes[i].ID, c.Lanes[i].MapID = give("lane", c.Lanes[i].ID), 0
	}
	c.Cards = append([]Card(nil), m.Cards...)
	for i := range c.Cards {
		cd := &c.Cards[i]
		cd.ID, cd.MapID, cd.StageID, cd.LaneID = give("card", cd.ID), 0, get("stage", cd.StageID), get("lane", cd.LaneID)
	}
	c.Links = append([]Link(nil), m.Links...)
	for i := range c.Links {
		l := &c.Links[i]
		l.ID, l.MapID, l.FromID, l.ToID = give("link", l.ID), 0, get("card", l.FromID), get("card", l.ToID)
	}
	c.Comments = nil
	for _, th := range m.Threads() {
		for _, cm := range append([]Comment{th.Comment}, th.Replies...) {
			cm.ID, cm.MapID = give("comment", cm.ID), 0
			if cm.ParentID != 0 {
				cm.ParentID = get("comment", cm.ParentID)
			}
			switch cm.TargetKind {
			case OnMap:
				cm.TargetID = 0
			case OnStage:
				cm.TargetID = get("stage", cm.TargetID)
			case OnCard:
				cm.TargetID = get("card", cm.TargetID)
			}
			c.Comments = append(c.Comments, cm)
		}
	}
	b, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// versionedMap is commentedMap with more on it: a resolved thread, a persona no map uses, and
// two saved versions, between which a card and a stage were deleted. It returns the store and
// the map's id.
func versionedMap(t *testing.T) (*Store, int64) {
	t.Helper()
	s, id, _, m := commentedMap(t)
	var thanks, ads int64
	for _, c := range m.Cards {
		switch c.Title {
		case "Email cảm ơn":
			thanks = c.ID
		case "Thấy quảng cáo trên mạng xã hội":
			ads = c.ID
		}
	}
	s.SetAuthor("Hương", "3.1")
	done, err := s.AddComment(Comment{MapID: id, TargetKind: OnCard, TargetID: ads, Text: "Đã đổi ảnh quảng cáo"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ResolveThread(id, done, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComment(Comment{MapID: id, TargetKind: OnCard, TargetID: thanks, Text: "Gửi kèm mã giảm giá?"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePersona(&Persona{Name: "Anh Đức", Summary: "Kỹ sư, mua hàng ban đêm"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveVersion(id, "Bản nháp đầu tiên"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCards(id, []int64{thanks}); err != nil { // its thread goes with it
		t.Fatal(err)
	}
	if err := s.DeleteStage(id, m.Stages[4].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveVersion(id, "Quý 3 — đã duyệt"); err != nil {
		t.Fatal(err)
	}
	return s, id
}

// checkCopy checks that map to of dst is map from of src, its versions included.
func checkCopy(t *testing.T, src *Store, from int64, dst *Store, to int64) {
	t.Helper()
	a, err := src.LoadMap(from)
	if err != nil {
		t.Fatal(err)
	}
	b, err := dst.LoadMap(to)
	if err != nil {
		t.Fatal(err)
	}
	if ca, cb := canon(t, a), canon(t, b); ca != cb {
		t.Fatalf("the copy differs:\nsource:\n%s\ncopy:\n%s", ca, cb)
	}
	va, err := src.Versions(from)
	if err != nil {
		t.Fatal(err)
	}
	vb, err := dst.Versions(to)
	if err != nil {
		t.Fatal(err)
	}
	if len(va) != len(vb) {
		t.Fatalf("%d versions copied, the source has %d", len(vb), len(va))
	}
	for i := range va {
		if va[i].Label != vb[i].Label || !va[i].Created.Equal(vb[i].Created) || vb[i].MapID != to {
			t.Fatalf("version %d: %+v, copied as %+v", i+1, va[i], vb[i])
		}
		sa, err := src.OpenVersion(va[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		sb, err := dst.OpenVersion(vb[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if sb.ID != to {
			t.Fatalf("version %q names map %d, not its copy %d", vb[i].Label, sb.ID, to)
		}
		if ca, cb := canon(t, sa), canon(t, sb); ca != cb {
			t.Fatalf("version %q differs:\nsource:\n%s\ncopy:\n%s", va[i].Label, ca, cb)
		}
	}
}

// A map is copied with its persona, comment threads (authors, times, replies, resolved state,
// each on the right new stage or card) and saved versions; restoring a version in the copy does
// what it does in the source, and touches no other map. The edit history stays behind.
func TestCopyMaps(t *testing.T) {
	src, id := versionedMap(t)
	if _, err := src.CreateMap(&Map{Title: "Bản đồ khác", Stages: []Stage{{ID: 1, Name: "Một"}}}); err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t)
	dst.SetAuthor("Người sao chép", "9.1")
	there, err := dst.CreateMap(sampleMap()) // the destination has a map of its own
	if err != nil {
		t.Fatal(err)
	}
	before := state(t, dst, there)
	got, err := CopyMaps(src, dst, []int64{id})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].From != id || got[0].Title != "Mua mỹ phẩm trực tuyến" || got[0].ID == there {
		t.Fatalf("copied %+v", got)
	}
	to := got[0].ID
	checkCopy(t, src, id, dst, to)
	if maps, _ := dst.ListMaps(); len(maps) != 2 {
		t.Fatalf("the destination has %d maps; only the chosen one should have been added to its own", len(maps))
	}

	// The threads, as the comments panel reads them.
	m, _ := dst.LoadMap(to)
	th := m.Threads()
	if len(th) != 4 {
		t.Fatalf("%d threads copied, want 4", len(th))
	}
	for _, c := range th {
		target := ""
		switch c.TargetKind {
		case OnCard:
			target = m.Card(c.TargetID).Title
		case OnStage:
			target = m.Stage(c.TargetID).Name
		case OnMap:
			if c.TargetID != to {
				t.Fatalf("thread on map %d, not on the copy %d", c.TargetID, to)
			}
			target = m.Title
		}
		switch c.Text {
		case "Lỗi này xảy ra với thẻ Visa?":
			if target != "Thanh toán lỗi" || c.Author != "Lan" || len(c.Replies) != 1 || c.Replies[0].Author != "Minh" || !c.Open() {
				t.Fatalf("thread on the payment card: %+v on %q", c, target)
			}
		case "Thêm kênh TikTok":
			if target != "Nhận thức" || c.Author != "Minh" {
				t.Fatalf("thread on the stage: %+v on %q", c, target)
			}
		case "Đã đổi ảnh quảng cáo":
			if target != "Thấy quảng cáo trên mạng xã hội" || c.Author != "Hương" || c.Open() {
				t.Fatalf("resolved thread: %+v on %q", c, target)
			}
		case "Duyệt trước thứ Sáu":
		default:
			t.Fatalf("unexpected thread %q", c.Text)
		}
		if c.Author == "Người sao chép" {
			t.Fatal("a comment took the copier's name")
		}
	}

	// The edit history is not copied: the copy has one entry, its creation.
	var n int
	if err := dst.db.QueryRow(`SELECT count(*) FROM history WHERE map_id=?`, to).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 || dst.UndoLabel(to) != "Create map" {
		t.Fatalf("the copy's history: %d entries, undo %q", n, dst.UndoLabel(to))
	}

	// New rows of the destination take the next ids; those the copied version holds for its
	// deleted card and stage were set aside, so restoring it cannot write over them.
	tm, _ := dst.LoadMap(there)
	if _, err := dst.AddStage(Stage{MapID: there, Name: "Giai đoạn mới"}, 5); err != nil {
		t.Fatal(err)
	}
	if _, err := dst.AddCard(Card{MapID: there, StageID: tm.Stages[0].ID, LaneID: tm.Lanes[0].ID, Title: "Thẻ mới"}); err != nil {
		t.Fatal(err)
	}
	before = state(t, dst, there)

	// Restoring the first version brings back the deleted card and stage, in both.
	va, _ := src.Versions(id)
	vb, _ := dst.Versions(to)
	if err := src.RestoreVersion(va[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := dst.RestoreVersion(vb[0].ID); err != nil {
		t.Fatal(err)
	}
	a, _ := src.LoadMap(id)
	b, _ := dst.LoadMap(to)
	if len(b.Stages) != 5 || len(b.Cards) != 5 {
		t.Fatalf("the restore in the copy gave %d stages and %d cards", len(b.Stages), len(b.Cards))
	}
	a.Updated, b.Updated = time.Time{}, time.Time{}
	if ca, cb := canon(t, a), canon(t, b); ca != cb {
		t.Fatalf("restored, the copy differs:\nsource:\n%s\ncopy:\n%s", ca, cb)
	}
	if state(t, dst, there) != before {
		t.Fatal("restoring the copy's version changed another map of the destination")
	}

	// Only the chosen map's persona came along.
	ps, _ := dst.Personas()
	if len(ps) != 2 { // the destination's own map's, and the copy's
		t.Fatalf("%d personas in the destination", len(ps))
	}
}

// Copying every map also copies the personas no map uses; maps that share a persona share its
// copy.
func TestCopyAllMaps(t *testing.T) {
	src, id := versionedMap(t)
	m, _ := src.LoadMap(id)
	second, err := src.CreateMap(&Map{Title: "Ánh xạ thứ hai", Persona: &Persona{ID: m.PersonaID}})
	if err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t)
	got, err := CopyMaps(src, dst, nil)
	if err != nil {
		t.Fatal(err)
	}
	// In the order the source lists them (by title, as list prints them).
	if len(got) != 2 || got[0].Title != "Mua mỹ phẩm trực tuyến" || got[1].Title != "Ánh xạ thứ hai" {
		t.Fatalf("copied %+v", got)
	}
	checkCopy(t, src, id, dst, got[0].ID)
	checkCopy(t, src, second, dst, got[1].ID)
	a, _ := dst.LoadMap(got[0].ID)
	b, _ := dst.LoadMap(got[1].ID)
	if a.PersonaID == 0 || a.PersonaID != b.PersonaID {
		t.Fatalf("the two maps' personas: %d and %d; they share one in the source", a.PersonaID, b.PersonaID)
	}
	pa, _ := src.Personas()
	pb, _ := dst.Personas()
	if len(pa) != 2 || len(pb) != 2 || pb[0].Name != pa[0].Name || pb[1].Name != pa[1].Name {
		t.Fatalf("personas %+v, copied as %+v", pa, pb)
	}
}

// A map that fails to copy leaves nothing of itself in the destination; the maps copied before
// it stay.
func TestCopyFailureLeavesNoHalfMap(t *testing.T) {
	src, _ := openTemp(t)
	first := sampleMap()
	first.Title = "A đầu tiên"
	if _, err := src.CreateMap(first); err != nil {
		t.Fatal(err)
	}
	bad, err := src.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.SaveVersion(bad, "Bản lưu"); err != nil {
		t.Fatal(err)
	}
	// A card colour no editor would write (a damaged or newer workspace) fails its copy late,
	// after the map, its persona, stages and lanes are written.
	if _, err := src.db.Exec(`UPDATE cards SET colour='không phải màu' WHERE map_id=?`, bad); err != nil {
		t.Fatal(err)
	}
	dst, _ := openTemp(t)
	got, err := CopyMaps(src, dst, nil)
	var fe *FieldError
	if !errors.As(err, &fe) || len(got) != 1 || got[0].Title != "A đầu tiên" {
		t.Fatalf("copied %+v, error %v", got, err)
	}
	maps, _ := dst.ListMaps()
	if len(maps) != 1 {
		t.Fatalf("the destination has %d maps", len(maps))
	}
	for _, q := range []string{
		`SELECT count(*) FROM stages WHERE map_id<>?`, `SELECT count(*) FROM lanes WHERE map_id<>?`,
		`SELECT count(*) FROM cards WHERE map_id<>?`, `SELECT count(*) FROM versions WHERE map_id<>?`,
		`SELECT count(*) FROM history WHERE map_id<>? AND map_id<>0`,
	} {
		var n int
		if err := dst.db.QueryRow(q, maps[0].ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("%s: %d rows of the failed map", q, n)
		}
	}
	if ps, _ := dst.Personas(); len(ps) != 1 {
		t.Fatalf("%d personas: the failed map's was left behind", len(ps))
	}
}

// A destination that is the source, or read-only, is refused and left as it was.
func TestCopyRefused(t *testing.T) {
	src, id := versionedMap(t)
	if _, err := CopyMaps(src, src, nil); !errors.Is(err, ErrSameWorkspace) {
		t.Fatalf("copy into itself: %v", err)
	}
	dst, where := openTemp(t)
	if _, err := dst.NewMap("Đã có", CurrentState); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	before := contentOf(t, where)
	ro, err := Open(where, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := CopyMaps(src, ro, []int64{id}); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("copy into a read-only workspace: %v", err)
	}
	ro.Close()
	if contentOf(t, where) != before {
		t.Fatal("the refused destination changed")
	}
	if onPostgres() {
		return
	}
	// The same file through another path.
	again, err := Open(filepath.Join(filepath.Dir(src.Path()), ".", filepath.Base(src.Path())), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if _, err := CopyMaps(src, again, nil); !errors.Is(err, ErrSameWorkspace) {
		t.Fatalf("copy into the same file: %v", err)
	}
}

// A file's maps go to a PostgreSQL database and back into a new file unchanged, versions and
// comments with them.
func TestCopyAcrossStores(t *testing.T) {
	if onPostgres() {
		t.Skip("crosses both stores itself: run once, in the SQLite half")
	}
	src, id := versionedMap(t)
	db, err := Open(pgtest.DB(t), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	back, err := Open(filepath.Join(t.TempDir(), "back.journey"), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	there, err := CopyMaps(src, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkCopy(t, src, id, db, there[0].ID)
	home, err := CopyMaps(db, back, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkCopy(t, src, id, back, home[0].ID)
	if ps, _ := back.Personas(); len(ps) != 2 {
		t.Fatalf("%d personas came back", len(ps))
	}
}

// BenchmarkCopy1000 copies a 1,000-card map with 20 comment threads and 2 saved versions into
// another workspace of the same store (a file, or on the PostgreSQL half a database); its
// baseline, create, writes the same map once with CreateMap (what an import does), without
// versions or a source to read.
func BenchmarkCopy1000(b *testing.B) {
	src, err := Open(newWorkspace(b), OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	big := bigMap("Một nghìn thẻ", 1000, 12, 6)
	id, err := src.CreateMap(big)
	if err != nil {
		b.Fatal(err)
	}
	m, _ := src.LoadMap(id)
	for i := 0; i < 20; i++ {
		if _, err := src.AddComment(Comment{MapID: id, TargetKind: OnCard, TargetID: m.Cards[i*40].ID, Text: "Cần xem lại bước này"}); err != nil {
			b.Fatal(err)
		}
	}
	for _, label := range []string{"Bản nháp", "Đã duyệt"} {
		if _, err := src.SaveVersion(id, label); err != nil {
			b.Fatal(err)
		}
	}
	dst, err := Open(newWorkspace(b), OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer dst.Close()
	b.Run("copy", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := CopyMaps(src, dst, []int64{id}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("create", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := dst.CreateMap(big); err != nil {
				b.Fatal(err)
			}
		}
	})
}
