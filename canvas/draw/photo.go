package draw

import (
	"bytes"
	"crypto/sha256"
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

// photos remembers decoded persona pictures by content, so a picture is decoded once however
// often the header is drawn.
var photos struct {
	sync.Mutex
	m map[[32]byte]image.Image
}

func decodePhoto(b []byte) image.Image {
	if len(b) == 0 || data.CheckPhoto(b) != nil {
		return nil
	}
	k := sha256.Sum256(b)
	photos.Lock()
	img, ok := photos.m[k]
	photos.Unlock()
	if ok {
		return img
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	photos.Lock()
	if photos.m == nil || len(photos.m) > 64 {
		photos.m = map[[32]byte]image.Image{}
	}
	photos.m[k] = img
	photos.Unlock()
	return img
}

// Photo draws a picture (PNG or JPEG bytes, checked by data.CheckPhoto) cropped to a square
// from its centre and clipped to the circle inscribed in r. It reports false, drawing
// nothing, when there is no picture or it cannot be decoded.
func (c *Canvas) Photo(b []byte, r geometry.Rect) bool {
	src := decodePhoto(b)
	if src == nil || c.img == nil {
		return false
	}
	d := c.DevRect(r)
	size := int(math.Round(d.W))
	if size < 2 {
		return false
	}
	sb := src.Bounds()
	side := min(sb.Dx(), sb.Dy())
	crop := image.Rect(sb.Min.X+(sb.Dx()-side)/2, sb.Min.Y+(sb.Dy()-side)/2, 0, 0)
	crop.Max = crop.Min.Add(image.Pt(side, side))
	scaled := image.NewRGBA(image.Rect(0, 0, size, size))
	xdraw.CatmullRom.Scale(scaled, scaled.Rect, src, crop, xdraw.Src, nil)
	// An antialiased circular mask.
	mask := image.NewAlpha(scaled.Rect)
	rad := float64(size) / 2
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			dist := math.Hypot(float64(x)+0.5-rad, float64(y)+0.5-rad)
			a := math.Max(0, math.Min(1, rad-dist+0.5))
			mask.Pix[y*mask.Stride+x] = uint8(a * 255)
		}
	}
	at := image.Pt(int(math.Round(d.X)), int(math.Round(d.Y)))
	draw.DrawMask(c.img, scaled.Rect.Add(at), scaled, image.Point{}, mask, image.Point{}, draw.Over)
	return true
}
