package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// TestPersonaPhotoInHeader exports a map whose persona has a picture: the avatar shows the
// picture (here all red) in place of the initials; a corrupt picture falls back to them.
func TestPersonaPhotoInHeader(t *testing.T) {
	pic := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for i := 0; i < len(pic.Pix); i += 4 {
		pic.Pix[i], pic.Pix[i+3] = 230, 255
	}
	var b bytes.Buffer
	if err := png.Encode(&b, pic); err != nil {
		t.Fatal(err)
	}
	m := data.SampleMap("en")
	m.Persona.Photo = b.Bytes()
	img, err := Render(m, Options{Scale: 1, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	lay := geometry.Compute(m, geometry.Options{Header: true})
	a := lay.Header.Persona.Avatar
	at := func(img *image.RGBA) color.RGBA {
		return img.RGBAAt(int(a.X+a.W/2), int(a.Y+a.H/2))
	}
	if c := at(img); c.R < 200 || c.G > 40 || c.B > 40 {
		t.Fatalf("the avatar's centre is %v, not the picture's red", c)
	}
	m.Persona.Photo = []byte("\x89PNG broken")
	img, err = Render(m, Options{Scale: 1, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if c := at(img); c.R > 200 && c.G < 40 {
		t.Fatal("a broken picture still paints red")
	}
}
