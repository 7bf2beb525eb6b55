package data

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

func encodePNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.NRGBA{255, 0, 0, 255})
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// hugePNGHeader is a PNG whose header claims w × h pixels but holds no image data.
func hugePNGHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestPersonaPhotoLimits(t *testing.T) {
	var jb bytes.Buffer
	jpeg.Encode(&jb, image.NewRGBA(image.Rect(0, 0, 64, 48)), nil)
	var gb bytes.Buffer
	gif.Encode(&gb, image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.Black, color.White}), nil)
	good := encodePNG(120, 80)
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"png", good, ""},
		{"jpeg", jb.Bytes(), ""},
		{"gif", gb.Bytes(), "use PNG or JPEG"},
		{"text", []byte("hello"), "not a PNG or JPEG"},
		{"too many pixels", hugePNGHeader(4001, 10), "4001 × 10"},
		{"bomb", hugePNGHeader(100000, 100000), "limit is 4000 × 4000"},
		{"truncated", good[:len(good)/2], "damaged"},
		{"too big", append(append([]byte{}, good...), make([]byte, MaxPhotoBytes)...), "limit is 10 MB"},
	}
	for _, c := range cases {
		err := CheckPhoto(c.b)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%s: %v (want %q)", c.name, err, c.want)
		}
	}
	s, _ := openTemp(t)
	if _, err := s.SavePersona(&Persona{Name: "X", Photo: []byte("GIF89a")}); err == nil {
		t.Fatal("store accepted a bad photo")
	}
	if _, err := s.SavePersona(&Persona{Name: "Chị Lan", Photo: good}); err != nil {
		t.Fatal(err)
	}
}

func TestNPS(t *testing.T) {
	cases := []struct{ p, pa, d, want int }{
		{70, 20, 10, 60}, {0, 0, 5, -100}, {5, 0, 0, 100}, {1, 1, 1, 0}, {2, 0, 1, 33}, {1, 0, 2, -33},
		{1, 6, 0, 14}, {1, 0, 0, 100}, {50, 0, 50, 0}, {3, 3, 2, 13},
	}
	for _, c := range cases {
		got, err := NPS(c.p, c.pa, c.d)
		if err != nil || got != c.want {
			t.Errorf("NPS(%d,%d,%d) = %d, %v; want %d", c.p, c.pa, c.d, got, err, c.want)
		}
	}
	if _, err := NPS(0, 0, 0); err == nil {
		t.Error("no answers accepted")
	}
	if _, err := NPS(-1, 0, 0); err == nil {
		t.Error("negative count accepted")
	}
}
