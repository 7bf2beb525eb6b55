package paint

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // persona pictures may be JPEG
	_ "image/png"
	"math"
	"sync"

	xdraw "golang.org/x/image/draw"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// photos remembers decoded persona pictures by content key, and the avatars made of them by
// key and size, so a picture is neither hashed, decoded nor scaled again however often the
// header is painted.
var photos struct {
	sync.Mutex
	m       map[string]image.Image
	avatars map[avatarKey]*image.RGBA
}

type avatarKey struct {
	key  string
	size int
}

func decodePhoto(b []byte, key string) image.Image {
	if len(b) == 0 {
		return nil
	}
	if key == "" {
		key = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	photos.Lock()
	img, ok := photos.m[key]
	photos.Unlock()
	if ok {
		return img
	}
	if data.CheckPhoto(b) != nil {
		return nil
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	photos.Lock()
	if photos.m == nil || len(photos.m) > 16 {
		photos.m = map[string]image.Image{}
	}
	photos.m[key] = img
	photos.Unlock()
	return img
}

// avatar is the picture cropped to a square from its centre, scaled to size and clipped to
// the circle inscribed in it (antialiased), made once per picture and size.
func avatar(b []byte, key string, size int) *image.RGBA {
	if key == "" && len(b) > 0 {
		key = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	k := avatarKey{key, size}
	photos.Lock()
	a, ok := photos.avatars[k]
	photos.Unlock()
	if ok {
		return a
	}
	src := decodePhoto(b, key)
	if src == nil {
		return nil
	}
	sb := src.Bounds()
	side := min(sb.Dx(), sb.Dy())
	crop := image.Rect(sb.Min.X+(sb.Dx()-side)/2, sb.Min.Y+(sb.Dy()-side)/2, 0, 0)
	crop.Max = crop.Min.Add(image.Pt(side, side))
	scaled := image.NewRGBA(image.Rect(0, 0, size, size))
	xdraw.CatmullRom.Scale(scaled, scaled.Rect, src, crop, xdraw.Src, nil)
	// An antialiased circular mask, applied once.
	a = image.NewRGBA(scaled.Rect)
	mask := image.NewAlpha(scaled.Rect)
	rad := float64(size) / 2
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			dist := math.Hypot(float64(x)+0.5-rad, float64(y)+0.5-rad)
			v := math.Max(0, math.Min(1, rad-dist+0.5))
			mask.Pix[y*mask.Stride+x] = uint8(v * 255)
		}
	}
	draw.DrawMask(a, a.Rect, scaled, image.Point{}, mask, image.Point{}, draw.Src)
	photos.Lock()
	if photos.avatars == nil || len(photos.avatars) > 64 {
		photos.avatars = map[avatarKey]*image.RGBA{}
	}
	photos.avatars[k] = a
	photos.Unlock()
	return a
}

// Photo draws a picture (PNG or JPEG bytes, checked by data.CheckPhoto; key names its content,
// "" to hash it) cropped to a square from its centre and clipped to the circle inscribed in r.
// It reports false, drawing nothing, when there is no picture or it cannot be decoded.
func (c *Raster) Photo(b []byte, key string, r geometry.Rect) bool {
	if c.img == nil {
		return false
	}
	d := c.DevRect(r)
	size := int(math.Round(d.W))
	if size < 2 {
		return false
	}
	a := avatar(b, key, size)
	if a == nil {
		return false
	}
	at := image.Pt(int(math.Round(d.X)), int(math.Round(d.Y)))
	draw.Draw(c.img, a.Rect.Add(at), a, image.Point{}, draw.Over)
	return true
}

// Avatar returns a persona picture (PNG or JPEG bytes; key names its content, "" to hash it)
// cropped to a square from its centre, scaled to size pixels a side and clipped to the
// inscribed circle (antialiased, transparent outside), or nil when there is no picture or it
// cannot be decoded. Painters that do not paint pixels embed it.
func Avatar(b []byte, key string, size int) *image.RGBA {
	if size < 1 {
		return nil
	}
	return avatar(b, key, size)
}
