package paint

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"journeycanvas/canvas/geometry"
)

// Glyphs are rasterised once per font, pixel size, rune and quarter-pixel horizontal phase
// and kept as alpha masks; drawing text is then one image/draw mask operation per glyph.
// The pen advances by geometry.RuneAdvance, the numbers the layout broke its lines with.

const subpixels = 4

type glyphKey struct {
	bold  bool
	px    int32 // pixel size in 1/64 px
	r     rune
	phase uint8
}

type glyph struct {
	mask   *image.Alpha // nil for a blank glyph
	dx, dy int          // top-left of the mask relative to the pen (integer part) on the baseline
}

type faceKey struct {
	bold bool
	px   int32
}

const maxGlyphs = 50000 // the cache is emptied when it grows past this (continuous zooming)

var (
	glyphCache sync.Map // glyphKey → *glyph
	glyphMu    sync.Mutex
	glyphCount int
	faces      = map[faceKey]font.Face{}
)

func glyphFor(k glyphKey) *glyph {
	if g, ok := glyphCache.Load(k); ok {
		return g.(*glyph)
	}
	glyphMu.Lock()
	defer glyphMu.Unlock()
	if g, ok := glyphCache.Load(k); ok {
		return g.(*glyph)
	}
	if glyphCount >= maxGlyphs {
		glyphCache.Clear()
		glyphCount = 0
		clear(faces)
	}
	fk := faceKey{k.bold, k.px}
	face := faces[fk]
	if face == nil {
		var err error
		face, err = opentype.NewFace(geometry.Font(k.bold), &opentype.FaceOptions{
			Size: float64(k.px) / 64, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			panic("paint: " + err.Error()) // only for a negative size
		}
		faces[fk] = face
	}
	dot := fixed.Point26_6{X: fixed.Int26_6(int(k.phase) * 64 / subpixels)}
	dr, mask, mp, _, _ := face.Glyph(dot, k.r)
	g := &glyph{dx: dr.Min.X, dy: dr.Min.Y}
	if !dr.Empty() && mask != nil {
		a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		draw.Draw(a, a.Rect, mask, mp, draw.Src)
		g.mask = a
	}
	glyphCache.Store(k, g)
	glyphCount++
	return g
}

// Text draws a line of text in the given colour: t.X, t.Y is the left end of its baseline in
// layout units and t.Size its size in layout units.
func (c *Raster) Text(t geometry.TextLine, col color.Color) {
	if c.img == nil || t.Text == "" {
		return
	}
	px := t.Size * c.Scale
	if px < 1 {
		return
	}
	x, y := c.Dev(t.X, t.Y)
	by := int(math.Round(y))
	b := c.img.Bounds()
	if float64(by)-px*1.3 > float64(b.Max.Y) || float64(by)+px*0.5 < float64(b.Min.Y) {
		return
	}
	if x > float64(b.Max.X) || x+t.W*c.Scale < float64(b.Min.X) {
		return
	}
	key := glyphKey{bold: t.Bold, px: int32(math.Round(px * 64))}
	src := image.NewUniform(col)
	for _, r := range t.Text {
		if r != ' ' {
			ix := math.Floor(x)
			ph := int(math.Round((x - ix) * subpixels))
			if ph == subpixels {
				ix++
				ph = 0
			}
			key.r, key.phase = r, uint8(ph)
			if g := glyphFor(key); g.mask != nil {
				p := image.Pt(int(ix)+g.dx, by+g.dy)
				rect := image.Rectangle{Min: p, Max: p.Add(g.mask.Rect.Max)}
				draw.DrawMask(c.img, rect, src, image.Point{}, g.mask, image.Point{}, draw.Over)
			}
		}
		x += geometry.RuneAdvance(r, t.Size, t.Bold) * c.Scale
	}
}
