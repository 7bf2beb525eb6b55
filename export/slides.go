package export

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/fogleman/gg"
	"golang.org/x/text/unicode/norm"

	"journeycanvas/assets"
	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
	"journeycanvas/data"
)

// SlideOptions say how to draw presentation slides.
type SlideOptions struct {
	// Width and Height are the slide's size in pixels; 0 means 1920 × 1080.
	Width, Height int
	// Theme is "light" (the default) or "dark".
	Theme string
	// Lang is "vi" or "en" for the captions; "" detects it from the map.
	Lang string
	// Compare, when not nil, is another map whose curve is laid over this one's.
	Compare *data.Map
	// Replace lets WriteSlides remove the slides of an earlier deck from the folder.
	Replace bool
}

// SlideCount is the number of steps of a map's presentation: one per stage, then the whole
// map.
func SlideCount(m *data.Map) int { return len(m.Stages) + 1 }

// slideWords are the captions of the slides in a language, from the catalogue.
func slideWords(lang string) map[string]string {
	return map[string]string{"pains": assets.Word(lang, "Pain points"), "opps": assets.Word(lang, "Opportunities"),
		"none": assets.Word(lang, "None recorded"), "whole": assets.Word(lang, "The whole journey"),
		"lowest": assets.Word(lang, "Lowest moments"), "step": assets.Word(lang, "Stage %d of %d"),
		"more": assets.Word(lang, "and %d more")}
}

// RenderSlide draws step of a map's presentation, as presentation mode shows it: for a step
// below len(m.Stages), that stage highlighted and the others dimmed, the emotion curve drawn
// up to it, and a caption naming the stage with its pain points and opportunities; for the
// last step, the whole map with the lowest points of the curve called out. The board is
// drawn by the same routines as the screen and the export, fitted under the caption.
func RenderSlide(m *data.Map, step int, opt SlideOptions) (*image.RGBA, error) {
	n := len(m.Stages)
	if n == 0 {
		return nil, fmt.Errorf("the map %q has no stages to present", m.Title)
	}
	if step < 0 || step > n {
		return nil, fmt.Errorf("slide %d: the map has %d stages (slides 0..%d)", step, n, n)
	}
	w, h := opt.Width, opt.Height
	if w <= 0 || h <= 0 {
		w, h = 1920, 1080
	}
	if w > MaxSide || h > MaxSide {
		return nil, fmt.Errorf("%w: a slide of %d × %d px", ErrTooLarge, w, h)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	paintSlide(m, step, opt, float64(w), float64(h), func(scale float64, origin geometry.Point, pal geometry.Palette) *paint.Canvas {
		return paint.New(gg.NewContextForRGBA(img), scale, origin, pal)
	}, func(pal geometry.Palette) {
		draw.Draw(img, img.Rect, image.NewUniform(pal.Background), image.Point{}, draw.Src)
	})
	return img, nil
}

// paintSlide paints step of a map's presentation on a slide of w × h units, through the
// canvases canvasAt makes (scale units per layout unit, the layout's (0, 0) at origin), after
// background has filled the slide.
func paintSlide(m *data.Map, step int, opt SlideOptions, fw, fh float64,
	canvasAt func(scale float64, origin geometry.Point, pal geometry.Palette) *paint.Canvas, background func(geometry.Palette)) {
	n := len(m.Stages)
	lang := geometry.MapLang(m, opt.Lang)
	words := slideWords(lang)
	shown := presentedMap(m, step)
	// The stage in context: with its neighbours (three stages) when the map has more, so the
	// type stays large; the whole map on the last slide.
	from, to := 0, n-1
	if step < n && n > 3 {
		from = min(max(step-1, 0), n-3)
		to = from + 2
	}
	lay := geometry.Compute(shown, geometry.Options{Theme: opt.Theme, Lang: lang, Compare: opt.Compare,
		StageFrom: from + 1, StageTo: to + 1})
	pal := lay.Palette
	background(pal)

	// The caption: a panel at the left, about 30 % of the slide.
	u := math.Min(fh/1080, fw/1920) // one unit of the slide's type scale
	margin := 44 * u
	panelW := math.Round(fw * 0.3)
	cap := canvasAt(1, geometry.Point{}, pal)
	var accent color.NRGBA
	var title, sub string
	var cols []captionColumn
	if step < n {
		st := m.Stages[step]
		accent = stageColour(st, step)
		title = st.Name
		sub = fmt.Sprintf(words["step"], step+1, n)
		if d := strings.TrimSpace(st.Description); d != "" {
			sub += " · " + d
		}
		pains, opps := stageCallouts(m, st.ID)
		cols = []captionColumn{{words["pains"], pal.Pain, pains}, {words["opps"], pal.Opportunity, opps}}
	} else {
		accent = pal.CurveLine
		title = words["whole"]
		sub = m.Title
		cols = []captionColumn{{words["lowest"], pal.Pain, lowestMoments(m, lay)}}
	}
	cap.FillRect(geometry.Rect{X: panelW, Y: margin, W: 2 * u, H: fh - 2*margin}, pal.Grid)
	cap.FillRect(geometry.Rect{X: margin, Y: margin, W: 10 * u, H: 150 * u}, accent)
	tx := margin + 30*u
	textW := panelW - tx - margin
	titleSize := 60 * u
	y := margin + titleSize
	for _, line := range wrapped(title, textW, titleSize, true, 2) {
		cap.Text(geometry.TextLine{Text: line, X: tx, Y: y, Size: titleSize, Bold: true}, pal.Text)
		y += titleSize * 1.2
	}
	subSize := 28 * u
	y += subSize*0.3 - titleSize*0.2
	for _, line := range wrapped(sub, textW, subSize, false, 3) {
		cap.Text(geometry.TextLine{Text: line, X: tx, Y: y, Size: subSize}, pal.Muted)
		y += subSize * 1.35
	}
	y = math.Max(y+30*u, margin+190*u)
	room := (fh - margin - y) / float64(len(cols))
	for _, c := range cols {
		c.paint(cap, margin, y, panelW-2*margin, room-20*u, u, words)
		y += room
	}

	// The board, fitted at the right of the caption.
	left := panelW + margin
	availW, availH := fw-left-margin, fh-2*margin
	scale := math.Min(availW/lay.Width, availH/lay.Height)
	ox := left + (availW-lay.Width*scale)/2
	oy := margin + (availH-lay.Height*scale)/2
	bc := canvasAt(scale, geometry.Point{X: ox, Y: oy}, pal)
	bc.Board(lay)
	if step < n {
		cur := step - from
		dim := pal.Background
		dim.A = 190
		for i := range lay.Stages {
			if i == cur {
				continue
			}
			col := lay.Stages[i].Header
			bc.FillRect(geometry.Rect{X: col.X - geometry.CardGap/2, Y: lay.Grid.Y - 2, W: col.W + geometry.CardGap, H: lay.Grid.H + 4}, dim)
		}
		col := lay.Stages[cur].Header
		g := geometry.CardGap / 2
		bc.Line(paint.Stroke{Width: 3 * u / scale, Colour: accent},
			geometry.Point{X: col.X - g, Y: lay.Grid.Y - g}, geometry.Point{X: col.Right() + g, Y: lay.Grid.Y - g},
			geometry.Point{X: col.Right() + g, Y: lay.Grid.Bottom() + g}, geometry.Point{X: col.X - g, Y: lay.Grid.Bottom() + g},
			geometry.Point{X: col.X - g, Y: lay.Grid.Y - g})
	}
}

// presentedMap is the map as a slide of step draws it: the curve stops at the current stage,
// so the cards of later stages lose their score (on a copy).
func presentedMap(m *data.Map, step int) *data.Map {
	if step >= len(m.Stages) {
		return m
	}
	c := *m
	c.Cards = append([]data.Card(nil), m.Cards...)
	later := map[int64]bool{}
	for i := step + 1; i < len(m.Stages); i++ {
		later[m.Stages[i].ID] = true
	}
	for i := range c.Cards {
		if later[c.Cards[i].StageID] {
			c.Cards[i].Emotion = nil
		}
	}
	return &c
}

// captionColumn is a list under a heading in a slide's caption.
type captionColumn struct {
	head  string
	dot   color.NRGBA
	items []string
}

func (c captionColumn) paint(cv *paint.Canvas, x, y, w, h, u float64, words map[string]string) {
	head := 30 * u
	cv.FillCircle(x+9*u, y+head*0.62-head, 9*u, c.dot)
	cv.Text(geometry.TextLine{Text: c.head, X: x + 28*u, Y: y, Size: head, Bold: true}, cv.Pal.Text)
	size := 26 * u
	lineH := size * 1.35
	bottom := y + h
	yy := y + head*0.4 + lineH
	if len(c.items) == 0 {
		cv.Text(geometry.TextLine{Text: words["none"], X: x, Y: yy, Size: size}, cv.Pal.Muted)
		return
	}
	for i, it := range c.items {
		lines := wrapped(it, w-24*u, size, false, 2)
		if yy+float64(len(lines)-1)*lineH > bottom-lineH && i < len(c.items) {
			cv.Text(geometry.TextLine{Text: fmt.Sprintf(words["more"], len(c.items)-i), X: x + 24*u, Y: yy, Size: size}, cv.Pal.Muted)
			return
		}
		cv.Text(geometry.TextLine{Text: "•", X: x + 4*u, Y: yy, Size: size}, c.dot)
		for _, l := range lines {
			cv.Text(geometry.TextLine{Text: l, X: x + 24*u, Y: yy, Size: size}, cv.Pal.Text)
			yy += lineH
		}
		yy += 8 * u
	}
}

// wrapped breaks s into at most n lines of width w.
func wrapped(s string, w, size float64, bold bool, n int) []string {
	lines, _ := geometry.Wrap(s, w, size, bold, n)
	return lines
}

// stageColour is a stage's colour, or the default one of its place.
func stageColour(st data.Stage, i int) color.NRGBA {
	if c, ok := geometry.ParseColour(st.Colour); ok {
		return c
	}
	c, _ := geometry.ParseColour(geometry.StageColours[i%len(geometry.StageColours)])
	return c
}

// stageCallouts lists the titles of a stage's pain points and opportunities: cards flagged
// so, or standing in a pain-point or opportunity lane.
func stageCallouts(m *data.Map, stageID int64) (pains, opps []string) {
	kind := map[int64]data.LaneKind{}
	for _, l := range m.Lanes {
		kind[l.ID] = l.Kind
	}
	for _, c := range m.Cards {
		if c.StageID != stageID || strings.TrimSpace(c.Title) == "" {
			continue
		}
		if c.Pain || kind[c.LaneID] == data.LanePainPoints {
			pains = append(pains, oneLine(c.Title))
		}
		if c.Opportunity || kind[c.LaneID] == data.LaneOpportunities {
			opps = append(opps, oneLine(c.Title))
		}
	}
	return pains, opps
}

// lowestMoments names the lowest points of the curve: "Stage — card (score)".
func lowestMoments(m *data.Map, lay *geometry.Layout) []string {
	if lay.Curve == nil {
		return nil
	}
	var out []string
	for _, hs := range lay.Curve.Hot {
		if hs.Kind != geometry.HotLowest || hs.Index < 0 || hs.Index >= len(lay.Curve.Points) {
			continue
		}
		p := lay.Curve.Points[hs.Index]
		name := ""
		if st := m.Stage(p.StageID); st != nil {
			name = st.Name
		}
		if c := m.Card(p.CardID); c != nil {
			name += " — " + oneLine(c.Title)
		}
		out = append(out, fmt.Sprintf("%s (%s)", name, signed(p.Score)))
	}
	return out
}

func signed(f float64) string {
	s := fmt.Sprintf("%+.1f", f)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, "-", "–", 1)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteSlides writes one PNG per step of the map's presentation into dir (created if
// missing), named in order: 01-awareness.png … and, last, NN-whole-journey.png. It returns
// the files written. A file that cannot be written stops it with an error naming the file.
//
// A folder holding slides this deck would not overwrite (an earlier deck, with other stages)
// is refused before anything is written, so old and new slides never mix; with opt.Replace
// those old slides are removed once the new ones are written. Other files are left alone.
func WriteSlides(dir string, m *data.Map, opt SlideOptions) ([]string, error) {
	n := SlideCount(m)
	width := len(fmt.Sprint(n))
	if width < 2 {
		width = 2
	}
	names := make([]string, n)
	ours := map[string]bool{}
	for step := range names {
		name := "whole-journey"
		if step < len(m.Stages) {
			name = slug(m.Stages[step].Name)
		}
		names[step] = fmt.Sprintf("%0*d-%s.png", width, step+1, name)
		ours[names[step]] = true
	}
	old, err := otherSlides(dir, ours)
	if err != nil {
		return nil, fmt.Errorf("slides in %s: %w", dir, err)
	}
	if len(old) > 0 && !opt.Replace {
		return nil, fmt.Errorf("slides in %s: the folder holds %d slides of an earlier deck (%s…) this one would not replace; add --replace to remove them, or choose an empty folder",
			dir, len(old), old[0])
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("slides in %s: %w", dir, err)
	}
	var files []string
	for step, name := range names {
		path := filepath.Join(dir, name)
		img, err := RenderSlide(m, step, opt)
		if err != nil {
			return files, fmt.Errorf("slide %s: %w", path, err)
		}
		if err := writeImage(path, &Rendered{Image: img, DPI: 96}); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	for _, name := range old {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return files, fmt.Errorf("slides in %s: remove the earlier %s: %w", dir, name, err)
		}
	}
	return files, nil
}

// slideName matches the names WriteSlides gives: a number, a hyphen, a slug, .png.
var slideName = regexp.MustCompile(`^[0-9]{2,}-[a-z0-9]+(-[a-z0-9]+)*\.png$`)

// otherSlides lists, sorted, the files in dir named like slides that are not in ours. A
// missing dir holds none.
func otherSlides(dir string, ours map[string]bool) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var old []string
	for _, e := range entries {
		if !e.IsDir() && slideName.MatchString(e.Name()) && !ours[e.Name()] {
			old = append(old, e.Name())
		}
	}
	return old, nil
}

// slug makes a file-name part of a stage name: lower case ASCII letters and digits joined
// by hyphens, Vietnamese letters without their marks (đ as d); "stage" when nothing is left.
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r == 'đ':
			r = 'd'
		case unicode.Is(unicode.Mn, r):
			continue
		}
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		} else {
			hyphen = true
		}
	}
	out := b.String()
	if len(out) > 40 {
		out = strings.TrimRight(out[:40], "-")
	}
	if out == "" {
		return "stage"
	}
	return out
}
