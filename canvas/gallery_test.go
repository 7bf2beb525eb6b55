package canvas

import (
	"testing"

	"journeycanvas/data"
)

// TestGalleryCreatesFromTemplate opens the gallery, waits for the previews, picks the service
// blueprint in Vietnamese and creates it: the new map is in the file, shown on the board,
// written in Vietnamese.
func TestGalleryCreatesFromTemplate(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	g := u.newGallery()
	g.lang.SetSelected("Tiếng Việt")
	idx := -1
	for i, tp := range data.Templates {
		if tp.ID == "service-blueprint" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("no service blueprint template")
	}
	g.grid.Select(idx)
	waitFor(t, "the previews", func() bool {
		previews.Lock()
		defer previews.Unlock()
		return previews.m["service-blueprint/vi"] != nil && previews.m["blank/vi"] != nil
	})
	before, _ := u.st.ListMaps()
	g.create()
	after, _ := u.st.ListMaps()
	if len(after) != len(before)+1 {
		t.Fatalf("%d maps after creating, want %d", len(after), len(before)+1)
	}
	want := data.Templates[idx].Build("vi")
	m := reloadMap(t, u)
	if m.Title != want.Title || m.Type != data.ServiceBlueprint || len(m.Lanes) != len(want.Lanes) || u.board.Map().ID != m.ID {
		t.Fatalf("created %q (%s, %d lanes), want %q", m.Title, m.Type, len(m.Lanes), want.Title)
	}
	// A title typed in the gallery names the map.
	g.title.SetText("Hành trình của tôi")
	g.grid.Select(0)
	g.create()
	if m := reloadMap(t, u); m.Title != "Hành trình của tôi" {
		t.Fatalf("titled %q", m.Title)
	}
}
