package export

import (
	"bufio"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"
	"sync"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
	"github.com/tdewolff/canvas/renderers/svg"

	"journeycanvas/assets"
	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
	"journeycanvas/data"
)

// VectorOptions say how to export a map as PDF or SVG.
type VectorOptions struct {
	// Options are the PNG export's: theme, language, stages, compared map, date,
	// transparency. Scale, Width and DPI do not apply (the drawing is vector).
	Options
	// Format is "pdf" or "svg".
	Format string
	// Paper, when set (A4, A3, A2, A1, A0, letter, tabloid), is the page size: the map is
	// scaled to fit inside its margins. "" makes one page the size of the map (a layout unit a
	// 96-dpi pixel).
	Paper string
	// Landscape turns Paper (or, without it, Tile) on its side.
	Landscape bool
	// Tile, when set (a paper name), splits the map across pages of that size, with overlap
	// and crop marks, to assemble a poster: the map at 100 %, or at Paper's size when Paper
	// is set too. PDF only.
	Tile string
	// PerStage makes a deck: one 16:9 page per stage and one of the whole map, as presentation
	// mode shows them. PDF only.
	PerStage bool
	// OutlineText writes the SVG's text as paths, for tools without Noto Sans.
	OutlineText bool
}

// Papers are the paper sizes a vector export knows, in millimetres, portrait.
var Papers = map[string][2]float64{
	"a4": {210, 297}, "a3": {297, 420}, "a2": {420, 594}, "a1": {594, 841}, "a0": {841, 1189},
	"letter": {215.9, 279.4}, "tabloid": {279.4, 431.8},
}

// PaperNames lists the paper names in the order a user reads them.
var PaperNames = []string{"A4", "A3", "A2", "A1", "A0", "letter", "tabloid"}

// paperSize returns a paper's size in millimetres.
func paperSize(name string, landscape bool) (w, h float64, err error) {
	s, ok := Papers[strings.ToLower(name)]
	if !ok {
		return 0, 0, fmt.Errorf("%w: paper %q: give one of %s", ErrVectorOption, name, strings.Join(PaperNames, ", "))
	}
	if landscape {
		return s[1], s[0], nil
	}
	return s[0], s[1], nil
}

const (
	paperMargin = 10.0   // mm around the map on a paper page
	tileMargin  = 10.0   // mm around the printed part of a tile (crop marks in it)
	tileOverlap = 10.0   // mm each tile repeats of its neighbour
	maxPageMM   = 5080.0 // 200 inches: the largest page PDF readers open
	deckW       = 1920.0 // a deck page in slide units (a 96-dpi pixel each): 16:9
	deckH       = 1080.0
)

// ErrVectorOption is returned (wrapped, with what is wrong) for a combination of vector
// options that does not go together.
var ErrVectorOption = errors.New("vector export")

// vpage is one page: its size in mm and how the map lies on it.
type vpage struct {
	w, h   float64 // mm
	k      float64 // mm per layout unit
	ox, oy float64 // mm from the page's top-left to the layout's (0, 0)
	clip   *geometry.Rect
	marks  *geometry.Rect // the printed part of a tile, in mm: crop marks at its corners
	label  string
	slide  int // for a deck: the step (0-based), -1 for a map page
}

// vplan is a vector export decided before anything is written.
type vplan struct {
	lay    *geometry.Layout
	extras *extras
	w, h   float64 // layout units of the whole export
	pages  []vpage
}

func makeVectorPlan(m *data.Map, opt VectorOptions) (*vplan, error) {
	f := strings.ToLower(opt.Format)
	if f != "pdf" && f != "svg" {
		return nil, fmt.Errorf("%w: format %q: give pdf or svg", ErrVectorOption, opt.Format)
	}
	if f == "svg" && (opt.Tile != "" || opt.PerStage) {
		return nil, fmt.Errorf("%w: tiles and decks have several pages: export them as PDF", ErrVectorOption)
	}
	if opt.PerStage && (opt.Tile != "" || opt.Paper != "") {
		return nil, fmt.Errorf("%w: a deck has its own 16:9 pages: leave out the paper and the tiles", ErrVectorOption)
	}
	if f != "svg" && opt.OutlineText {
		return nil, fmt.Errorf("%w: text as paths is for SVG; a PDF embeds its font", ErrVectorOption)
	}
	lay, ex, totalH, err := layout(m, opt.Options)
	if err != nil {
		return nil, err
	}
	p := &vplan{lay: lay, extras: ex, w: lay.Width, h: totalH}
	switch {
	case opt.PerStage:
		if len(m.Stages) == 0 {
			return nil, fmt.Errorf("the map %q has no stages to present", m.Title)
		}
		k := 960 / 72.0 * 25.4 / deckW // a 13.33 × 7.5 inch page (960 × 540 pt), as slide programs make them
		for i := 0; i < SlideCount(m); i++ {
			p.pages = append(p.pages, vpage{w: deckW * k, h: deckH * k, k: k, slide: i})
		}
	case opt.Tile != "":
		tw, th, err := paperSize(opt.Tile, opt.Landscape && opt.Paper == "")
		if err != nil {
			return nil, err
		}
		k := mmPerUnit
		if opt.Paper != "" {
			pw, ph, err := paperSize(opt.Paper, opt.Landscape)
			if err != nil {
				return nil, err
			}
			k = math.Min((pw-2*paperMargin)/p.w, (ph-2*paperMargin)/p.h)
		}
		cw, ch := tw-2*tileMargin, th-2*tileMargin
		mw, mh := p.w*k, p.h*k
		nx, ny := tileCount(mw, cw), tileCount(mh, ch)
		for j := 0; j < ny; j++ {
			for i := 0; i < nx; i++ {
				x0, y0 := float64(i)*(cw-tileOverlap), float64(j)*(ch-tileOverlap)
				clip := geometry.Rect{X: x0 / k, Y: y0 / k, W: cw / k, H: ch / k}
				marks := geometry.Rect{X: tileMargin, Y: tileMargin, W: cw, H: ch}
				p.pages = append(p.pages, vpage{w: tw, h: th, k: k, ox: tileMargin - x0, oy: tileMargin - y0,
					clip: &clip, marks: &marks, slide: -1,
					label: fmt.Sprintf(assets.Word(lay.Lang, "Tile %d of %d · row %d, column %d"), j*nx+i+1, nx*ny, j+1, i+1)})
			}
		}
	case opt.Paper != "":
		pw, ph, err := paperSize(opt.Paper, opt.Landscape)
		if err != nil {
			return nil, err
		}
		k := math.Min((pw-2*paperMargin)/p.w, (ph-2*paperMargin)/p.h)
		p.pages = []vpage{{w: pw, h: ph, k: k, ox: (pw - p.w*k) / 2, oy: (ph - p.h*k) / 2, slide: -1}}
	default:
		k := mmPerUnit
		if big := math.Max(p.w, p.h) * k; big > maxPageMM {
			k *= maxPageMM / big
		}
		p.pages = []vpage{{w: p.w * k, h: p.h * k, k: k, slide: -1}}
	}
	return p, nil
}

// tileCount is how many tiles of printed length c, each overlapping the next by tileOverlap,
// cover a length of total.
func tileCount(total, c float64) int {
	if total <= c {
		return 1
	}
	return int(math.Ceil((total-tileOverlap)/(c-tileOverlap) - 1e-9))
}

// VectorPages returns the size of each page (in millimetres, width and height) a vector
// export of m with opt would have, or the error WriteVectorTo would give, writing nothing.
func VectorPages(m *data.Map, opt VectorOptions) ([][2]float64, error) {
	p, err := makeVectorPlan(m, opt)
	if err != nil {
		return nil, err
	}
	out := make([][2]float64, len(p.pages))
	for i, pg := range p.pages {
		out[i] = [2]float64{pg.w, pg.h}
	}
	return out, nil
}

// WriteVector writes a map as PDF or SVG at path, through a temporary file renamed into place
// (see WritePNG for links, devices and pipes). A refused export writes nothing.
func WriteVector(path string, m *data.Map, opt VectorOptions) error {
	p, err := makeVectorPlan(m, opt)
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return WriteFile(path, func(w io.Writer) error { return p.write(w, m, opt) })
}

// WriteVectorTo writes a map as PDF or SVG to w.
func WriteVectorTo(w io.Writer, m *data.Map, opt VectorOptions) error {
	p, err := makeVectorPlan(m, opt)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := p.write(bw, m, opt); err != nil {
		return err
	}
	return bw.Flush()
}

// writing serialises vector exports: they share one parsed font family, whose shaper keeps
// state between calls.
var writing sync.Mutex

func (p *vplan) write(w io.Writer, m *data.Map, opt VectorOptions) error {
	writing.Lock()
	defer writing.Unlock()
	fam, err := family()
	if err != nil {
		return fmt.Errorf("the embedded font: %w", err)
	}
	d := &vdoc{faces: map[faceKey]*canvas.FontFace{}, fam: fam, outline: opt.OutlineText}
	first := p.pages[0]
	var closer interface{ Close() error }
	var doc *pdf.PDF
	if strings.EqualFold(opt.Format, "svg") {
		s := svg.New(w, first.w, first.h, &svg.Options{EmbedFonts: !opt.OutlineText, SubsetFonts: true, SizeUnits: "mm",
			ImageEncoding: canvas.Lossless})
		d.r, closer = s, s
	} else {
		doc = pdf.New(w, first.w, first.h, &pdf.Options{Compress: true, SubsetFonts: true, ImageEncoding: canvas.Lossless})
		doc.SetInfo(title(m), strings.TrimSpace(m.Goal), "", "", "Journey Canvas")
		doc.SetLang(p.lay.Lang)
		d.r, closer = doc, doc
	}
	for i, pg := range p.pages {
		if i > 0 {
			doc.NewPage(pg.w, pg.h)
		}
		if pg.slide >= 0 {
			if err := paintSlideOn(d, pg, m, pg.slide, opt); err != nil {
				return err
			}
			continue
		}
		p.paintPage(d, pg, opt)
	}
	return closer.Close()
}

// paintPage paints the map (board and extras) on a page, and a tile's crop marks.
func (p *vplan) paintPage(d *vdoc, pg vpage, opt VectorOptions) {
	pal := p.lay.Palette
	whole := geometry.Rect{W: p.w, H: p.h}
	view := geometry.Rect{X: -pg.ox / pg.k, Y: -pg.oy / pg.k, W: pg.w / pg.k, H: pg.h / pg.k}
	v := newPainter(d, pg.k, pg.ox, pg.oy, pg.h, view)
	c := paint.NewOn(v, pg.k/25.4*300, pal) // details as a 300-dpi print shows them
	if pg.clip != nil {
		defer v.Clip(*pg.clip)()
	}
	if !opt.Transparent {
		c.FillRect(whole, pal.Background)
	}
	c.Board(p.lay)
	p.extras.paint(c)
	if pg.marks != nil {
		cropMarks(d, pg)
	}
}

// cropMarks draws the marks at the corners of a tile's printed part (in the margin, where
// the sheet is cut) and the tile's place in the poster.
func cropMarks(d *vdoc, pg vpage) {
	v := newPainter(d, 1, 0, 0, pg.h, geometry.Rect{W: pg.w, H: pg.h}) // in mm
	r := *pg.marks
	// The margins are bare paper whatever the theme: marks in registration black.
	ink := paint.Stroke{Width: 0.25, Colour: color.Black, Butt: true}
	const gap, l = 1.5, 6.0
	for _, x := range []float64{r.X, r.Right()} {
		for _, y := range []float64{r.Y, r.Bottom()} {
			sx, sy := -1.0, -1.0
			if x > r.X {
				sx = 1
			}
			if y > r.Y {
				sy = 1
			}
			v.Line(ink, geometry.Point{X: x + sx*gap, Y: y}, geometry.Point{X: x + sx*(gap+l), Y: y})
			v.Line(ink, geometry.Point{X: x, Y: y + sy*gap}, geometry.Point{X: x, Y: y + sy*(gap+l)})
		}
	}
	v.Text(geometry.TextLine{Text: pg.label, X: r.X + gap + l + 2, Y: r.Y - 3, Size: 3}, color.Gray{Y: 0x55})
}

// paintSlideOn paints step of the map's presentation on a deck page, as RenderSlide draws it
// on a 1920 × 1080 slide.
func paintSlideOn(d *vdoc, pg vpage, m *data.Map, step int, opt VectorOptions) error {
	so := SlideOptions{Theme: opt.Theme, Lang: opt.Lang, Compare: opt.Compare}
	paintSlide(m, step, so, deckW, deckH, func(scale float64, origin geometry.Point, pal geometry.Palette) *paint.Canvas {
		view := geometry.Rect{X: -origin.X / scale, Y: -origin.Y / scale, W: deckW / scale, H: deckH / scale}
		v := newPainter(d, pg.k*scale, origin.X*pg.k, origin.Y*pg.k, pg.h, view)
		return paint.NewOn(v, scale, pal)
	}, func(pal geometry.Palette) {
		whole := geometry.Rect{W: deckW, H: deckH}
		newPainter(d, pg.k, 0, 0, pg.h, whole).FillRoundRect(whole, [4]float64{}, pal.Background)
	})
	return nil
}
