// Package export renders a journey map as a PNG, a PDF or an SVG: the header, the board
// exactly as geometry.Compute lays it out at zoom 1 (scaled), a legend of the marks used and a
// footer with the date; and presentation slides, as PNGs or the pages of a PDF deck. It paints
// with the shared routines of canvas/paint, the ones the board uses, through their raster
// painter for a PNG and its own vector painter (vectorpaint.go) for PDF and SVG, so every
// picture matches the screen. No Fyne.
package export

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fogleman/gg"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
	"journeycanvas/data"
)

// MaxSide is the largest width or height, in pixels, an export may have. Past it the image
// would take gigabytes and most viewers and slide tools refuse it anyway.
const MaxSide = 16384

// ErrTooLarge is returned (wrapped, with the size and a scale that would fit) when the image
// would be wider or taller than MaxSide.
var ErrTooLarge = errors.New("image too large")

// The scales and widths an export may have: below MinScale or MinWidth the text is a blur of
// a pixel or two, past MaxScale the image is larger than any screen or print needs.
const (
	MinScale float64 = 0.25
	MaxScale float64 = 8
	MinWidth int     = 100
)

// TooLargeError is the error (wrapping ErrTooLarge) for an export past MaxSide, with advice
// that works.
type TooLargeError struct {
	// W and H are the size asked for, in pixels.
	W, H int
	// Scale is the largest scale, to a hundredth and at most MaxScale, at which the export
	// fits; 0 when that is below MinScale.
	Scale float64
	// Width is the largest width, in pixels, at which the export fits; 0 when that is below
	// MinWidth.
	Width int
	// Stages is the number of stages exported.
	Stages int
	// StageTooTall says one stage alone is taller than MaxSide at the scale asked for, so
	// exporting fewer stages would not help; presentation slides (each fitted to its size)
	// would.
	StageTooTall bool
	// StageH is the height in pixels of the tallest stage alone, at the scale asked for.
	StageH int
}

func (e *TooLargeError) Error() string {
	var ways []string
	if e.Scale > 0 {
		ways = append(ways, fmt.Sprintf("at a smaller scale (%s× fits)", strconv.FormatFloat(e.Scale, 'f', -1, 64)))
	}
	if e.Width > 0 {
		ways = append(ways, fmt.Sprintf("at a smaller width (%d px fits)", e.Width))
	}
	switch {
	case e.StageTooTall:
		ways = append(ways, "as slides, one per stage")
	case e.Stages > 1:
		ways = append(ways, "with fewer stages")
	}
	msg := fmt.Sprintf("%v: the map would be %d × %d px and the limit is %d px a side", ErrTooLarge, e.W, e.H, MaxSide)
	if e.StageTooTall {
		msg += fmt.Sprintf(" (one stage alone is %d px tall)", e.StageH)
	}
	if len(ways) == 0 {
		return msg
	}
	return msg + "; export it " + orList(ways)
}

// Unwrap makes errors.Is(err, ErrTooLarge) hold.
func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// orList joins "a", "b", "c" as "a, b or c".
func orList(s []string) string {
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// Options say how to export a map.
type Options struct {
	// Scale is device pixels per layout unit (1 = the board at 100 %); 0 means 2.
	Scale float64
	// Width, when positive, is the image width in pixels and overrides Scale.
	Width int
	// Theme is "light" (the default) or "dark".
	Theme string
	// Transparent leaves the background transparent (cells, cards and text are still drawn).
	Transparent bool
	// StageFrom, StageTo restrict the export to stages StageFrom..StageTo (1-based,
	// inclusive); 0, 0 means every stage and StageTo 0 means to the last.
	StageFrom, StageTo int
	// DPI is the resolution written in the PNG's pHYs chunk. 0 means 96 × the scale, so a
	// print of the PNG is the size of the board at 100 % on a 96-dpi screen at every scale.
	DPI int
	// Now is the date in the footer; the zero value means time.Now(). Fix it for
	// reproducible files.
	Now time.Time
	// Lang is "vi" or "en" for the legend, footer and header captions; "" detects it from
	// the map.
	Lang string
	// Compare, when not nil, is another map whose emotion curve is drawn over this one's in a
	// second colour, in the stages both have (geometry.Options.Compare).
	Compare *data.Map
	// Comments draws on each card the count of comments in its open threads, as the board
	// shows it; an export leaves them out unless asked.
	Comments bool
}

// Band height, in device pixels, of the horizontal strips drawn in parallel. Fixed (not
// derived from the number of CPUs) so every machine produces the same bytes.
const bandH = 256

// Rendered is an export before encoding: the image and the resolution to record with it.
type Rendered struct {
	Image *image.RGBA
	DPI   float64
	Scale float64
}

// Render draws a map. It returns ErrTooLarge (wrapped) when the image would exceed MaxSide,
// and an error for a stage range outside the map.
func Render(m *data.Map, opt Options) (*image.RGBA, error) {
	r, err := render(m, opt)
	if err != nil {
		return nil, err
	}
	return r.Image, nil
}

// Size returns the width and height in pixels the export of m with opt would have, or the
// error Render would give (ErrTooLarge wrapped, a stage range outside the map), without
// drawing anything.
func Size(m *data.Map, opt Options) (w, h int, err error) {
	p, err := makePlan(m, opt)
	if err != nil {
		return 0, 0, err
	}
	return p.w, p.h, nil
}

// plan is everything decided before any pixel is drawn.
type plan struct {
	lay    *geometry.Layout
	extras *extras
	scale  float64
	w, h   int
	dpi    float64
}

func makePlan(m *data.Map, opt Options) (*plan, error) {
	if opt.Width != 0 && opt.Width < MinWidth {
		return nil, fmt.Errorf("width %d px: give at least %d px", opt.Width, MinWidth)
	}
	if opt.Width == 0 && opt.Scale != 0 && !(opt.Scale >= MinScale && opt.Scale <= MaxScale) {
		return nil, fmt.Errorf("scale %v: give a scale from %v to %v", opt.Scale, MinScale, MaxScale)
	}
	lay, ex, totalH, err := layout(m, opt)
	if err != nil {
		return nil, err
	}
	p := &plan{lay: lay, extras: ex}
	switch {
	case opt.Width > 0:
		p.scale = float64(opt.Width) / lay.Width
		p.w = opt.Width
	case opt.Scale > 0:
		p.scale = opt.Scale
		p.w = int(math.Ceil(lay.Width*p.scale - 1e-9))
	default:
		p.scale = 2
		p.w = int(math.Ceil(lay.Width*p.scale - 1e-9))
	}
	if math.IsNaN(p.scale) || math.IsInf(p.scale, 0) || p.scale <= 0 {
		return nil, fmt.Errorf("scale %v: must be positive", opt.Scale)
	}
	p.h = int(math.Ceil(totalH*p.scale - 1e-9))
	if p.w > MaxSide || p.h > MaxSide {
		return nil, tooLargeError(m, opt, p, totalH)
	}
	p.dpi = float64(opt.DPI)
	if p.dpi <= 0 {
		p.dpi = 96 * p.scale
	}
	return p, nil
}

// layout lays out the export of m in layout units: the board, the extras below it and the
// height of the whole. It refuses a stage range outside the map.
func layout(m *data.Map, opt Options) (*geometry.Layout, *extras, float64, error) {
	if opt.StageFrom != 0 || opt.StageTo != 0 {
		n := len(m.Stages)
		to := opt.StageTo
		if to == 0 {
			to = n
		}
		if opt.StageFrom < 1 || to < opt.StageFrom || to > n {
			return nil, nil, 0, fmt.Errorf("stages %d..%d: the map has %d stages", opt.StageFrom, to, n)
		}
	}
	lang := geometry.MapLang(m, opt.Lang)
	var comments map[int64]int
	if opt.Comments {
		comments = m.OpenComments()
	}
	lay := geometry.Compute(m, geometry.Options{Theme: opt.Theme, StageFrom: opt.StageFrom, StageTo: opt.StageTo,
		Header: true, Lang: lang, Compare: opt.Compare, Comments: comments})
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	ex := layoutExtras(m, lay, now)
	return lay, ex, ex.bottom + geometry.MarginExport, nil
}

// tooLargeError works out what to advise for an export p of m past MaxSide, whose whole
// height in layout units is totalH.
func tooLargeError(m *data.Map, opt Options, p *plan, totalH float64) *TooLargeError {
	e := &TooLargeError{W: p.w, H: p.h, Stages: len(p.lay.Stages)}
	fit := float64(MaxSide) / math.Max(p.lay.Width, totalH)
	if s := min(math.Floor(fit*100)/100, MaxScale); s >= MinScale {
		e.Scale = s
	}
	if w := int(math.Floor(min(fit, MaxScale) * p.lay.Width)); w >= MinWidth {
		e.Width = w
	}
	// Would a stage alone fit at this scale? Each is laid out on its own, as --stages would.
	from, to := opt.StageFrom, opt.StageTo
	if from == 0 {
		from = 1
	}
	if to == 0 {
		to = len(m.Stages)
	}
	for i := from; i <= to && e.Stages > 1; i++ {
		one := opt
		one.StageFrom, one.StageTo = i, i
		if _, _, h, err := layout(m, one); err == nil {
			e.StageH = max(e.StageH, int(math.Ceil(h*p.scale-1e-9)))
		}
	}
	e.StageTooTall = e.StageH > MaxSide
	if e.Stages == 1 {
		e.StageH, e.StageTooTall = p.h, p.h > MaxSide
	}
	return e
}

func render(m *data.Map, opt Options) (*Rendered, error) {
	p, err := makePlan(m, opt)
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, p.w, p.h))
	bands := (p.h + bandH - 1) / bandH
	next := make(chan int, bands)
	for b := 0; b < bands; b++ {
		next <- b
	}
	close(next)
	var wg sync.WaitGroup
	for w := min(runtime.GOMAXPROCS(0), bands); w > 0; w-- {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range next {
				y0, y1 := b*bandH, min((b+1)*bandH, p.h)
				paintBand(img, y0, y1, p, opt.Transparent)
			}
		}()
	}
	wg.Wait()
	return &Rendered{Image: img, DPI: p.dpi, Scale: p.scale}, nil
}

// paintBand draws rows y0..y1 of the image through a gg context of their own, sharing img's
// pixels.
func paintBand(img *image.RGBA, y0, y1 int, p *plan, transparent bool) {
	sub := &image.RGBA{Pix: img.Pix[y0*img.Stride : y1*img.Stride], Stride: img.Stride, Rect: image.Rect(0, 0, img.Rect.Dx(), y1-y0)}
	if !transparent {
		draw.Draw(sub, sub.Rect, image.NewUniform(p.lay.Palette.Background), image.Point{}, draw.Src)
	}
	c := paint.New(gg.NewContextForRGBA(sub), p.scale, geometry.Point{Y: -float64(y0)}, p.lay.Palette)
	c.Board(p.lay)
	p.extras.paint(c)
}

// WritePNG renders a map and writes it to path as a PNG with its resolution recorded. It
// writes to a temporary file beside path and renames it into place, so path is either the
// old file or the whole new one. A symbolic link is followed: the file it points at gets the
// image and the link stays. A device, pipe or socket (/dev/stdout) is written into, never
// replaced. When the image would be too large it writes nothing and returns an error wrapping
// ErrTooLarge.
func WritePNG(path string, m *data.Map, opt Options) error {
	r, err := render(m, opt)
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return writeImage(path, r)
}

// WritePNGTo renders a map and writes it to w as a PNG (standard output, for instance). When
// the image would be too large it writes nothing and returns an error wrapping ErrTooLarge.
func WritePNGTo(w io.Writer, m *data.Map, opt Options) error {
	r, err := render(m, opt)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := Encode(bw, r.Image, r.DPI); err != nil {
		return err
	}
	return bw.Flush()
}

// outputTarget says where an export to path goes. For a regular file (or none yet) it is the
// file at the end of any chain of symbolic links, which may not exist yet; for a device, a
// pipe or a socket it is path itself, marked special: written into, never replaced.
func outputTarget(path string) (dest string, special bool, err error) {
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return "", false, errors.New("is a folder")
	case err == nil && !fi.Mode().IsRegular():
		return path, true, nil
	case err == nil:
		dest, err := filepath.EvalSymlinks(path)
		return dest, false, err
	case !errors.Is(err, fs.ErrNotExist):
		return "", false, err
	}
	// Missing: path, or the end of a dangling link, is the new file.
	p := path
	for range 40 {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return p, false, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", false, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", false, errors.New("too many levels of symbolic links")
}

// writeImage encodes r as a PNG at path (see WritePNG for how links and devices are treated),
// through a temporary file renamed into place. Errors name path.
func writeImage(path string, r *Rendered) error {
	return WriteFile(path, func(w io.Writer) error { return Encode(w, r.Image, r.DPI) })
}

// staleAge is how old a temporary file must be to count as stale where files cannot be
// locked.
const staleAge = time.Hour

// removeStaleTemps removes the temporary files earlier exports of dest left when they were
// killed (.NAME.NNN.tmp beside it, as writeImage makes them), leaving those an export still
// running holds.
func removeStaleTemps(dest string) {
	dir, prefix := filepath.Dir(dest), "."+filepath.Base(dest)+"."
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		num, ok := strings.CutPrefix(name, prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if num, ok = strings.CutSuffix(num, ".tmp"); !ok || num == "" || strings.Trim(num, "0123456789") != "" {
			continue
		}
		if p := filepath.Join(dir, name); isStale(p) {
			os.Remove(p)
		}
	}
}
