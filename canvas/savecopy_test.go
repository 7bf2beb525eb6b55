package canvas

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"journeycanvas/data"
)

// File › Save a copy… writes the maps with their saved versions, comment threads (authors and
// times kept) and personas, and says so; the workspace itself is refused as the copy's file, in
// the user's words, and left as it was.
func TestSaveCopyKeepsVersionsAndComments(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	m := reloadMap(t, u)
	u.st.SetAuthor("Lan", "1.1")
	root, err := u.st.AddComment(data.Comment{MapID: u.mapID, TargetKind: data.OnCard, TargetID: m.Cards[2].ID, Text: "Bước này khách hay bỏ dở"})
	if err != nil {
		t.Fatal(err)
	}
	u.st.SetAuthor("Minh", "2.1")
	if _, err := u.st.AddComment(data.Comment{MapID: u.mapID, ParentID: root, Text: "Đúng, tỉ lệ thoát 40%"}); err != nil {
		t.Fatal(err)
	}
	if _, err := u.st.SaveVersion(u.mapID, "Quý 3 — đã duyệt"); err != nil {
		t.Fatal(err)
	}
	m = reloadMap(t, u)
	vs, _ := u.st.Versions(u.mapID)

	path := filepath.Join(t.TempDir(), "bản sao.journey")
	u.lastErr = nil
	u.saveCopyTo(path)
	if u.lastErr != nil || !slices.Contains(overlayTexts(w), "Saved a copy") {
		t.Fatalf("save a copy: %v, shown %q", u.lastErr, overlayTexts(w))
	}
	s, err := data.Open(path, data.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	maps, _ := s.ListMaps()
	if len(maps) != 1 {
		t.Fatalf("the copy holds %d maps", len(maps))
	}
	c, err := s.LoadMap(maps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	th := c.Threads()
	if len(th) != 1 || th[0].Author != "Lan" || !th[0].Created.Equal(m.Threads()[0].Created) ||
		c.Card(th[0].TargetID) == nil || c.Card(th[0].TargetID).Title != m.Cards[2].Title ||
		len(th[0].Replies) != 1 || th[0].Replies[0].Author != "Minh" {
		t.Fatalf("the copy's threads: %+v", th)
	}
	cv, _ := s.Versions(c.ID)
	if len(cv) != 1 || cv[0].Label != "Quý 3 — đã duyệt" || !cv[0].Created.Equal(vs[0].Created) {
		t.Fatalf("the copy's versions: %+v", cv)
	}
	if snap, err := s.OpenVersion(cv[0].ID); err != nil || snap.ID != c.ID || len(snap.Cards) != len(m.Cards) {
		t.Fatalf("the copy's version: %v", err)
	}
	if (c.Persona == nil) != (m.Persona == nil) || c.Persona != nil && c.Persona.Name != m.Persona.Name {
		t.Fatalf("the copy's persona: %+v, the map's %+v", c.Persona, m.Persona)
	}

	// The workspace itself as the copy's file.
	before, _ := os.ReadFile(u.st.Path())
	u.lastErr = nil
	u.saveCopyTo(u.st.Path())
	if u.lastErr == nil || u.lastErr.Error() != "A copy cannot be saved over the workspace itself; choose another file." {
		t.Fatalf("saving a copy over the workspace: %v", u.lastErr)
	}
	if after, _ := os.ReadFile(u.st.Path()); !bytes.Equal(before, after) {
		t.Fatal("the refused copy changed the workspace")
	}
	if maps, _ := u.st.ListMaps(); len(maps) != 1 {
		t.Fatalf("the workspace has %d maps", len(maps))
	}
}
