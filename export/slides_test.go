package export

import (
	"image"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// lum is the mean brightness (0..255) of a rectangle of an image.
func lum(img *image.RGBA, r image.Rectangle) float64 {
	r = r.Intersect(img.Rect)
	sum, n := 0.0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i := img.PixOffset(x, y)
			sum += (float64(img.Pix[i]) + float64(img.Pix[i+1]) + float64(img.Pix[i+2])) / 3
			n++
		}
	}
	return sum / float64(max(n, 1))
}

// contrast is the standard deviation of brightness over a rectangle: dimmed columns have
// little, the highlighted one keeps its cards and text.
func contrast(img *image.RGBA, r image.Rectangle) float64 {
	r = r.Intersect(img.Rect)
	m := lum(img, r)
	sum, n := 0.0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i := img.PixOffset(x, y)
			d := (float64(img.Pix[i])+float64(img.Pix[i+1])+float64(img.Pix[i+2]))/3 - m
			sum += d * d
			n++
		}
	}
	return sum / float64(max(n, 1))
}

// TestSlidesHighlightTheCurrentStage checks each stage slide of the sample at both
// presentation sizes: the current stage's column keeps its contrast while its neighbours are
// dimmed, and the step count, sizes and the refusal of a step out of range.
func TestSlidesHighlightTheCurrentStage(t *testing.T) {
	m := data.SampleMap("en")
	if SlideCount(m) != len(m.Stages)+1 {
		t.Fatalf("slide count %d", SlideCount(m))
	}
	for _, size := range [][2]int{{1280, 720}, {1920, 1080}} {
		for step := 0; step < len(m.Stages); step++ {
			img, err := RenderSlide(m, step, SlideOptions{Width: size[0], Height: size[1]})
			if err != nil {
				t.Fatal(err)
			}
			if img.Rect.Dx() != size[0] || img.Rect.Dy() != size[1] {
				t.Fatalf("slide %d is %v", step, img.Rect)
			}
			// Where the columns are: the same sums RenderSlide makes.
			cols := slideColumns(t, m, step, size[0], size[1])
			cur := cols[step]
			for s, r := range cols {
				if s == step || r.Empty() {
					continue
				}
				if contrast(img, r) >= contrast(img, cur)*0.5 {
					t.Fatalf("%v slide %d: stage %d is not dimmed (contrast %.0f vs %.0f)", size, step, s, contrast(img, r), contrast(img, cur))
				}
			}
		}
	}
	if _, err := RenderSlide(m, len(m.Stages)+1, SlideOptions{}); err == nil {
		t.Fatal("a slide past the last step was drawn")
	}
	if _, err := RenderSlide(&data.Map{Title: "empty"}, 0, SlideOptions{}); err == nil {
		t.Fatal("a map without stages was presented")
	}
}

// slideColumns returns, per stage of the map, its column on the slide (empty when the stage
// is not shown), recomputed the way RenderSlide places the board.
func slideColumns(t *testing.T, m *data.Map, step, w, h int) []image.Rectangle {
	t.Helper()
	n := len(m.Stages)
	from, to := 0, n-1
	if n > 3 {
		from = min(max(step-1, 0), n-3)
		to = from + 2
	}
	lay := geometry.Compute(m, geometry.Options{StageFrom: from + 1, StageTo: to + 1})
	u := min(float64(h)/1080, float64(w)/1920)
	margin := 44 * u
	panelW := float64(int(float64(w)*0.3 + 0.5))
	left := panelW + margin
	availW, availH := float64(w)-left-margin, float64(h)-2*margin
	scale := min(availW/lay.Width, availH/lay.Height)
	ox := left + (availW-lay.Width*scale)/2
	oy := margin + (availH-lay.Height*scale)/2
	out := make([]image.Rectangle, n)
	for i, st := range lay.Stages {
		c := st.Header
		out[from+i] = image.Rect(int(ox+c.X*scale)+4, int(oy+lay.Grid.Y*scale)+4, int(ox+c.Right()*scale)-4, int(oy+lay.Grid.Bottom()*scale)-4)
	}
	return out
}

// TestSlideCurveStopsAtTheStage checks that a stage's slide plots the curve up to that
// stage only, without touching the map, and the whole-map slide plots all of it.
func TestSlideCurveStopsAtTheStage(t *testing.T) {
	m := data.SampleMap("en")
	all := geometry.Compute(m, geometry.Options{}).Curve
	if all == nil || len(all.Points) < len(m.Stages) {
		t.Fatal("the sample has no curve to test")
	}
	for step := 0; step <= len(m.Stages); step++ {
		cv := geometry.Compute(presentedMap(m, step), geometry.Options{}).Curve
		allowed := map[int64]bool{}
		for i := 0; i <= step && i < len(m.Stages); i++ {
			allowed[m.Stages[i].ID] = true
		}
		want := 0
		for _, p := range all.Points {
			if allowed[p.StageID] {
				want++
			}
		}
		got := 0
		if cv != nil {
			got = len(cv.Points)
			for _, p := range cv.Points {
				if !allowed[p.StageID] {
					t.Fatalf("slide %d plots a point of a later stage", step)
				}
			}
		}
		if got != want {
			t.Fatalf("slide %d plots %d points, want %d", step, got, want)
		}
	}
	if geometry.Compute(m, geometry.Options{}).Curve.Points[len(all.Points)-1].Score != all.Points[len(all.Points)-1].Score {
		t.Fatal("presenting changed the map")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Nhận thức": "nhan-thuc", "Giữ chân": "giu-chan", "Đặt hàng & thanh toán": "dat-hang-thanh-toan",
		"Awareness": "awareness", "   ": "stage", "问题": "stage", "Post-purchase (week 1)": "post-purchase-week-1",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteSlidesOverEarlierDeck writes a deck into a folder holding an earlier one whose
// stages had other names: refused, naming an old slide and --replace, with nothing written or
// removed; with Replace the old slides go and the other files stay.
func TestWriteSlidesOverEarlierDeck(t *testing.T) {
	dir := t.TempDir()
	m := data.SampleMap("en")
	opt := SlideOptions{Width: 320, Height: 180}
	first, err := WriteSlides(dir, m, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Again, the same map: the same names, nothing left over, so no question.
	if _, err := WriteSlides(dir, m, opt); err != nil {
		t.Fatalf("rewriting the same deck: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(dir, "logo.png"), []byte("mine"), 0o644)
	renamed := data.SampleMap("en")
	renamed.Stages[1].Name = "Research"
	renamed.Stages = renamed.Stages[:4] // a stage fewer: the old 06-whole-journey.png is not rewritten either
	before := listDir(t, dir)
	_, err = WriteSlides(dir, renamed, opt)
	if err == nil || !strings.Contains(err.Error(), "--replace") || !strings.Contains(err.Error(), "02-consideration.png") || !strings.Contains(err.Error(), dir) {
		t.Fatalf("an earlier deck was not refused: %v", err)
	}
	if after := listDir(t, dir); !reflect.DeepEqual(before, after) {
		t.Fatalf("a refused deck changed the folder:\n%v\n%v", before, after)
	}
	opt.Replace = true
	files, err := WriteSlides(dir, renamed, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"notes.txt": true, "logo.png": true}
	for _, f := range files {
		want[filepath.Base(f)] = true
	}
	got := map[string]bool{}
	for name := range listDir(t, dir) {
		got[name] = true
	}
	if !reflect.DeepEqual(got, want) || len(first) == len(files) {
		t.Fatalf("after --replace the folder holds %v, want %v", got, want)
	}
}

// listDir maps each file name in dir to its modification time.
func listDir(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]time.Time{}
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = fi.ModTime()
	}
	return out
}
