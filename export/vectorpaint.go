package export

import (
	"image/color"
	"math"
	"sync"

	"github.com/tdewolff/canvas"

	"journeycanvas/assets"
	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
)

// The vector painter: paint.Painter for one page of a PDF or an SVG, written through
// github.com/tdewolff/canvas's renderers. Shapes become paths, text becomes text runs in the
// embedded (subset) Noto Sans, each glyph advancing by the font's own advance width (kerning
// off), the numbers geometry measured and broke the lines with.

// mmPerUnit is the size of a layout unit on paper at 100 %: a 96-dpi pixel, as the PNG's
// resolution says.
const mmPerUnit = 25.4 / 96

var (
	fontsOnce sync.Once
	fontsErr  error
	notoSans  *canvas.FontFamily
)

// family returns Noto Sans, regular and bold, from the embedded fonts, with kerning off.
func family() (*canvas.FontFamily, error) {
	fontsOnce.Do(func() {
		f := canvas.NewFontFamily("Noto Sans")
		if err := f.LoadFont(assets.FontRegular, 0, canvas.FontRegular); err != nil {
			fontsErr = err
			return
		}
		if err := f.LoadFont(assets.FontBold, 0, canvas.FontBold); err != nil {
			fontsErr = err
			return
		}
		f.SetFeatures("kern=0")
		notoSans = f
	})
	return notoSans, fontsErr
}

// faceKey names a face of a document: weight, size (in 1/64 pt) and colour.
type faceKey struct {
	bold bool
	size int64
	col  color.RGBA
}

// vdoc is what the pages of one document share: its renderer for the page being written and
// its faces.
type vdoc struct {
	r       canvas.Renderer
	faces   map[faceKey]*canvas.FontFace
	fam     *canvas.FontFamily
	outline bool // text as paths
}

func (d *vdoc) face(bold bool, pt float64, col color.RGBA) *canvas.FontFace {
	k := faceKey{bold, int64(math.Round(pt * 64)), col}
	if f, ok := d.faces[k]; ok {
		return f
	}
	style := canvas.FontRegular
	if bold {
		style = canvas.FontBold
	}
	f := d.fam.Face(float64(k.size)/64, col, style, canvas.FontNormal)
	d.faces[k] = f
	return f
}

// vpainter paints a layout onto a page: the layout point (x, y) lands at (ox + x·k,
// oy + y·k) millimetres from the page's top-left corner.
type vpainter struct {
	doc    *vdoc
	k      float64 // mm per layout unit
	ox, oy float64 // mm
	pageH  float64 // mm
	view   geometry.Rect
	clip   *canvas.Path // the clip in page coordinates, nil for none
	clipR  geometry.Rect
}

var _ paint.Painter = (*vpainter)(nil)

// newPainter returns a painter for a page of height pageH mm of d, layout point (0, 0) at
// (ox, oy) mm, k mm per layout unit, showing the layout rectangle view.
func newPainter(d *vdoc, k, ox, oy, pageH float64, view geometry.Rect) *vpainter {
	return &vpainter{doc: d, k: k, ox: ox, oy: oy, pageH: pageH, view: view}
}

// m maps layout units to the renderer's page coordinates (mm, y up).
func (v *vpainter) m() canvas.Matrix {
	return canvas.Identity.Translate(v.ox, v.pageH-v.oy).Scale(v.k, -v.k)
}

func (v *vpainter) pt(x, y float64) (float64, float64) {
	return v.ox + x*v.k, v.pageH - (v.oy + y*v.k)
}

func rgba(col color.Color) color.RGBA {
	return color.RGBAModel.Convert(col).(color.RGBA)
}

// Visible reports whether a layout rectangle grown by margin meets the page (or the clip).
func (v *vpainter) Visible(r geometry.Rect, margin float64) bool {
	w := v.view
	if v.clip != nil {
		w = v.clipR
	}
	return r.X-margin < w.Right() && r.Right()+margin > w.X && r.Y-margin < w.Bottom() && r.Bottom()+margin > w.Y
}

// Clip limits painting to a layout rectangle: shapes are cut to it, text runs wholly inside
// stay text, runs across its edge become outlines cut to it, runs outside are left out.
func (v *vpainter) Clip(r geometry.Rect) (restore func()) {
	oldClip, oldR := v.clip, v.clipR
	x0, y0 := v.pt(r.X, r.Bottom())
	v.clip = canvas.Rectangle(r.W*v.k, r.H*v.k).Translate(x0, y0)
	v.clipR = r
	return func() { v.clip, v.clipR = oldClip, oldR }
}

func (v *vpainter) fill(p *canvas.Path, col color.Color) {
	c := rgba(col)
	if c.A == 0 || p.Empty() {
		return
	}
	p = p.Transform(v.m())
	if v.clip != nil {
		p = p.And(v.clip)
		if p.Empty() {
			return
		}
	}
	style := canvas.DefaultStyle
	style.Fill = canvas.Paint{Color: c}
	v.doc.r.RenderPath(p, style, canvas.Identity)
}

func (v *vpainter) stroke(p *canvas.Path, s paint.Stroke) {
	c := rgba(s.Colour)
	if c.A == 0 || p.Empty() {
		return
	}
	p = p.Transform(v.m())
	capper := canvas.RoundCap
	if s.Butt {
		capper = canvas.ButtCap
	}
	var dashes []float64
	for _, d := range s.Dash {
		dashes = append(dashes, d*v.k)
	}
	w := s.Width * v.k
	if v.clip != nil {
		if len(dashes) > 0 {
			p = p.Dash(0, dashes...)
		}
		p = p.Stroke(w, capper, canvas.RoundJoin, canvas.Tolerance).And(v.clip)
		if p.Empty() {
			return
		}
		style := canvas.DefaultStyle
		style.Fill = canvas.Paint{Color: c}
		v.doc.r.RenderPath(p, style, canvas.Identity)
		return
	}
	style := canvas.DefaultStyle
	style.Fill = canvas.Paint{}
	style.Stroke = canvas.Paint{Color: c}
	style.StrokeWidth = w
	style.StrokeCapper = capper
	style.StrokeJoiner = canvas.RoundJoin
	style.Dashes = dashes
	v.doc.r.RenderPath(p, style, canvas.Identity)
}

const kappa = 0.5522847498 // control-point distance of a quarter circle of radius 1

// FillRoundRect fills a rectangle with its own radius at each corner (top-left, top-right,
// bottom-right, bottom-left).
func (v *vpainter) FillRoundRect(r geometry.Rect, radii [4]float64, col color.Color) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	lim := math.Min(r.W, r.H) / 2
	for i := range radii {
		radii[i] = math.Max(0, math.Min(radii[i], lim))
	}
	tl, tr, br, bl := radii[0], radii[1], radii[2], radii[3]
	x, y, w, h := r.X, r.Y, r.W, r.H
	p := &canvas.Path{}
	p.MoveTo(x+tl, y)
	p.LineTo(x+w-tr, y)
	if tr > 0 {
		p.CubeTo(x+w-tr+tr*kappa, y, x+w, y+tr-tr*kappa, x+w, y+tr)
	}
	p.LineTo(x+w, y+h-br)
	if br > 0 {
		p.CubeTo(x+w, y+h-br+br*kappa, x+w-br+br*kappa, y+h, x+w-br, y+h)
	}
	p.LineTo(x+bl, y+h)
	if bl > 0 {
		p.CubeTo(x+bl-bl*kappa, y+h, x, y+h-bl+bl*kappa, x, y+h-bl)
	}
	p.LineTo(x, y+tl)
	if tl > 0 {
		p.CubeTo(x, y+tl-tl*kappa, x+tl-tl*kappa, y, x+tl, y)
	}
	p.Close()
	v.fill(p, col)
}

func circlePath(cx, cy, r float64) *canvas.Path {
	k := r * kappa
	p := &canvas.Path{}
	p.MoveTo(cx+r, cy)
	p.CubeTo(cx+r, cy+k, cx+k, cy+r, cx, cy+r)
	p.CubeTo(cx-k, cy+r, cx-r, cy+k, cx-r, cy)
	p.CubeTo(cx-r, cy-k, cx-k, cy-r, cx, cy-r)
	p.CubeTo(cx+k, cy-r, cx+r, cy-k, cx+r, cy)
	p.Close()
	return p
}

// FillCircle fills a circle.
func (v *vpainter) FillCircle(cx, cy, radius float64, col color.Color) {
	if radius > 0 {
		v.fill(circlePath(cx, cy, radius), col)
	}
}

// FillPolygon fills a closed polygon.
func (v *vpainter) FillPolygon(pts []geometry.Point, col color.Color) {
	if len(pts) < 3 {
		return
	}
	p := &canvas.Path{}
	p.MoveTo(pts[0].X, pts[0].Y)
	for _, q := range pts[1:] {
		p.LineTo(q.X, q.Y)
	}
	p.Close()
	v.fill(p, col)
}

// Line strokes a polyline.
func (v *vpainter) Line(s paint.Stroke, pts ...geometry.Point) {
	if len(pts) < 2 {
		return
	}
	p := &canvas.Path{}
	p.MoveTo(pts[0].X, pts[0].Y)
	for _, q := range pts[1:] {
		p.LineTo(q.X, q.Y)
	}
	v.stroke(p, s)
}

// Bezier strokes cubic Bézier segments.
func (v *vpainter) Bezier(s paint.Stroke, segs ...[4]geometry.Point) {
	if len(segs) == 0 {
		return
	}
	p := &canvas.Path{}
	p.MoveTo(segs[0][0].X, segs[0][0].Y)
	for _, g := range segs {
		p.CubeTo(g[1].X, g[1].Y, g[2].X, g[2].Y, g[3].X, g[3].Y)
	}
	v.stroke(p, s)
}

// StrokeCircle strokes a circle.
func (v *vpainter) StrokeCircle(s paint.Stroke, cx, cy, radius float64) {
	v.stroke(circlePath(cx, cy, radius), s)
}

// Text writes a run of text in Noto Sans (or its outline, for an SVG with text as paths).
func (v *vpainter) Text(t geometry.TextLine, col color.Color) {
	if t.Text == "" || t.Size <= 0 {
		return
	}
	w := t.W
	if w <= 0 {
		w = geometry.TextWidth(t.Text, t.Size, t.Bold)
	}
	box := geometry.Rect{X: t.X, Y: t.Y - geometry.Ascent(t.Size, t.Bold), W: w, H: geometry.Ascent(t.Size, t.Bold) + geometry.Descent(t.Size, t.Bold)}
	if !v.Visible(box, 0) {
		return
	}
	c := rgba(col)
	face := v.doc.face(t.Bold, t.Size*v.k*72/25.4, c)
	x, y := v.pt(t.X, t.Y)
	inside := v.clip == nil || (box.X >= v.clipR.X && box.Right() <= v.clipR.Right() && box.Y >= v.clipR.Y && box.Bottom() <= v.clipR.Bottom())
	if v.doc.outline || !inside {
		p, _, err := face.ToPath(t.Text)
		if err != nil || p.Empty() {
			return
		}
		p = p.Translate(x, y)
		if v.clip != nil {
			p = p.And(v.clip)
		}
		style := canvas.DefaultStyle
		style.Fill = canvas.Paint{Color: c}
		v.doc.r.RenderPath(p, style, canvas.Identity)
		if !inside {
			// Under the outline cut at the edge, the run as text all but transparent (the
			// renderer cannot clip text): the words can still be found and copied.
			ghost := v.doc.face(t.Bold, t.Size*v.k*72/25.4, color.RGBA{A: 1})
			v.doc.r.RenderText(canvas.NewTextLine(ghost, t.Text, canvas.Left), canvas.Identity.Translate(x, y))
		}
		return
	}
	v.doc.r.RenderText(canvas.NewTextLine(face, t.Text, canvas.Left), canvas.Identity.Translate(x, y))
}

// Photo draws a persona picture in the circle inscribed in r, as an image of 256 pixels a
// side (the size a poster needs).
func (v *vpainter) Photo(b []byte, key string, r geometry.Rect) bool {
	const side = 256
	a := paint.Avatar(b, key, side)
	if a == nil {
		return false
	}
	if !v.Visible(r, 0) {
		return true
	}
	x0, y0 := v.pt(r.X, r.Bottom())
	v.doc.r.RenderImage(a, canvas.Identity.Translate(x0, y0).Scale(r.W*v.k/side, r.H*v.k/side))
	return true
}
