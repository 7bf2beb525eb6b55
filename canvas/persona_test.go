package canvas

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"journeycanvas/data"
)

// TestPersonaEditor edits the map's persona as a user would: a picture that is not PNG or
// JPEG, too large a file and a picture too big are each refused with a message and change
// nothing; a good picture shows; saving keeps everything; a second persona can be made and
// chosen for the map; a persona in use cannot be deleted.
func TestPersonaEditor(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var gb, big, good bytes.Buffer
	gif.Encode(&gb, image.NewPaletted(image.Rect(0, 0, 8, 8), []color.Color{color.Black}), nil)
	png.Encode(&big, image.NewGray(image.Rect(0, 0, 4100, 10)))
	png.Encode(&good, image.NewRGBA(image.Rect(0, 0, 64, 48)))
	huge := make([]byte, data.MaxPhotoBytes+1)

	f := u.newPersonaForm()
	if f.p.ID == 0 || f.p.Name != u.m.Persona.Name || f.entries[0].Text != u.m.Persona.Name {
		t.Fatalf("the form does not show the map's persona: %+v", f.p)
	}
	before := f.p.Photo
	for _, bad := range []string{write("a.gif", gb.Bytes()), write("notes.png", []byte("hello")), write("huge.jpg", huge), write("wide.png", big.Bytes())} {
		u.lastErr = nil
		if err := f.setPhotoFile(bad); err == nil || u.lastErr == nil {
			t.Fatalf("%s was accepted", filepath.Base(bad))
		}
		if !bytes.Equal(f.p.Photo, before) {
			t.Fatalf("%s changed the picture", filepath.Base(bad))
		}
	}
	if err := f.setPhotoFile(write("face.png", good.Bytes())); err != nil || f.thumb.Image == nil {
		t.Fatalf("a good picture: %v", err)
	}
	f.entries[1].SetText("Shops on her phone at night")
	if err := f.save(); err != nil {
		t.Fatal(err)
	}
	m := reloadMap(t, u)
	if m.Persona == nil || m.Persona.Summary != "Shops on her phone at night" || !bytes.Equal(m.Persona.Photo, good.Bytes()) {
		t.Fatalf("saved persona %+v", m.Persona)
	}
	// A second persona, chosen for the map.
	f = u.newPersonaForm()
	f.choose.SetSelectedIndex(0) // New persona
	f.entries[0].SetText("Anh Minh")
	if err := f.save(); err != nil {
		t.Fatal(err)
	}
	if m := reloadMap(t, u); m.Persona == nil || m.Persona.Name != "Anh Minh" {
		t.Fatalf("the map's persona is %+v", m.Persona)
	}
	ps, _ := u.st.Personas()
	if len(ps) != 2 {
		t.Fatalf("%d personas in the workspace", len(ps))
	}
	// The one in use cannot be deleted; the other can.
	f = u.newPersonaForm()
	u.lastErr = nil
	f.deleteChosen()
	if ps, _ := u.st.Personas(); len(ps) != 2 || u.lastErr == nil {
		t.Fatal("the persona in use was deleted")
	}
	for i, p := range f.personas {
		if p.Name != "Anh Minh" {
			f.choose.SetSelectedIndex(i + 1)
		}
	}
	f.deleteChosen()
	if ps, _ := u.st.Personas(); len(ps) != 1 || ps[0].Name != "Anh Minh" {
		t.Fatalf("after deleting the unused persona: %+v", ps)
	}
}

// TestNPSHelper fills a card's metric from counts of promoters, passives and detractors,
// applies it, and checks the card in the file; bad counts are refused and change nothing.
func TestNPSHelper(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	card := u.board.lay.Cards[0].ID
	u.board.selectOne(selCard, card)
	n := u.insp.nps
	if n.name == nil {
		t.Fatal("the card form has no metric fields")
	}
	if err := n.fillNPS("50", "30", "twenty"); err == nil || n.name.Text == "NPS" {
		t.Fatal("a count that is not a number was used")
	}
	if err := n.fillNPS("-1", "0", "0"); err == nil {
		t.Fatal("a negative count was used")
	}
	if err := n.fillNPS("50", "30", "20"); err != nil {
		t.Fatal(err)
	}
	u.insp.commit()
	m := reloadMap(t, u).Card(card).Metric
	if m == nil || m.Name != "NPS" || m.Value != 30 || !m.UpIsGood {
		t.Fatalf("card metric %+v, want NPS 30", m)
	}
}

// A stored picture is checked before it is decoded on screen, as an imported one is: one
// whose pixels exceed the limit (another tool may have written it into the file) shows as
// no picture and is never decoded.
func TestStoredPhotoCheckedBeforeDecoding(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	f := u.newPersonaForm()
	var wide bytes.Buffer
	png.Encode(&wide, image.NewGray(image.Rect(0, 0, data.MaxPhotoSide+1, 2)))
	f.p.Photo = wide.Bytes()
	f.showPhoto()
	if f.thumb.Image != nil || f.photoLbl.Text != "No picture" {
		t.Fatalf("a picture over the limit was decoded: %v %q", f.thumb.Image != nil, f.photoLbl.Text)
	}
	var ok bytes.Buffer
	png.Encode(&ok, image.NewGray(image.Rect(0, 0, 40, 30)))
	f.p.Photo = ok.Bytes()
	f.showPhoto()
	if f.thumb.Image == nil {
		t.Fatal("a good stored picture is not shown")
	}
}
