package data

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"journeycanvas/data/pgtest"
)

// bigMap builds a map of n cards over the given stages and lanes, with scores and links.
func bigMap(title string, n, stages, lanes int) *Map {
	m := &Map{Title: title}
	for i := 0; i < stages; i++ {
		m.Stages = append(m.Stages, Stage{ID: int64(i + 1), Name: fmt.Sprintf("Giai đoạn %d", i+1)})
	}
	for i := 0; i < lanes; i++ {
		m.Lanes = append(m.Lanes, Lane{ID: int64(i + 1), Name: fmt.Sprintf("Làn %d", i+1), Kind: LaneKinds[i%len(LaneKinds)]})
	}
	for i := 0; i < n; i++ {
		m.Cards = append(m.Cards, Card{ID: int64(i + 1), StageID: int64(i%stages + 1), LaneID: int64(i/stages%lanes + 1),
			Title: fmt.Sprintf("Điểm chạm số %d: khách hàng đọc đánh giá", i), Notes: "Ghi chú ngắn",
			Channel: "Website", Emotion: ptr(float64(i%5 - 2)), Tags: []string{"a", "b"}})
	}
	for i := 0; i+1 < n && i < 50; i += 2 {
		m.Links = append(m.Links, Link{ID: int64(i + 1), FromID: int64(i + 1), ToID: int64(i + 2)})
	}
	return m
}

var (
	benchWorkspace string
	benchCleanup   []string // folders TestMain removes after the run
)

// workspace20x500 makes (once) a workspace of 20 maps × 500 cards and returns its path.
func workspace20x500(b *testing.B) string {
	if benchWorkspace != "" {
		return benchWorkspace
	}
	dir, err := os.MkdirTemp("", "jc-bench")
	if err != nil {
		b.Fatal(err)
	}
	benchCleanup = append(benchCleanup, dir)
	path := filepath.Join(dir, "bench.journey")
	if onPostgres() {
		path = pgtest.DB(b)
	}
	s, err := Open(path, OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		if _, err := s.CreateMap(bigMap(fmt.Sprintf("Map %02d", i), 500, 5, 6)); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	benchWorkspace = path
	return path
}

// BenchmarkOpenAndLoadMap opens a workspace of 20 maps × 500 cards (with its integrity
// check) and loads one map. Budget: 30 ms.
func BenchmarkOpenAndLoadMap(b *testing.B) {
	path := workspace20x500(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path, OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		m, err := s.LoadMap(7)
		if err != nil || len(m.Cards) != 500 {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkOpenAndLoad1000 opens a workspace and loads its map of 1,000 cards (12 stages × 6
// lanes). Budget on a local PostgreSQL server: 100 ms.
func BenchmarkOpenAndLoad1000(b *testing.B) {
	path := newWorkspace(b)
	s, err := Open(path, OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	id, err := s.CreateMap(bigMap("Một nghìn thẻ", 1000, 12, 6))
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path, OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		m, err := s.LoadMap(id)
		if err != nil || len(m.Cards) != 1000 {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkEdit commits one card edit per op in a 20 × 500 workspace. Budget: median 1 ms.
func BenchmarkEdit(b *testing.B) {
	s, err := Open(workspace20x500(b), OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	m, _ := s.LoadMap(3)
	c := m.Cards[100]
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Title = fmt.Sprintf("Sửa lần %d", i)
		t0 := time.Now()
		if err := s.UpdateCard(c); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns/edit")
}

// BenchmarkUndo1000 undoes 1,000 edits (card moves and edits) per op. Budget: 1 s.
func BenchmarkUndo1000(b *testing.B) {
	path := newWorkspace(b)
	s, err := Open(path, OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, _ := s.CreateMap(bigMap("Undo", 500, 12, 6))
	m, _ := s.LoadMap(id)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		for k := 0; k < 1000; k++ {
			c := m.Cards[k%len(m.Cards)]
			if k%2 == 0 {
				c.Title = fmt.Sprintf("sửa %d", k)
				if err := s.UpdateCard(c); err != nil {
					b.Fatal(err)
				}
			} else if err := s.MoveCard(id, c.ID, m.Stages[k%12].ID, m.Lanes[k%6].ID, 0); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		for k := 0; k < 1000; k++ {
			if _, ok, err := s.Undo(id); !ok || err != nil {
				b.Fatal(k, err)
			}
		}
	}
}

// BenchmarkPersonaPhotoSaves saves a persona with a 10 MB photo 1,000 times per op and reports
// how much the file grew. Budget: 11 MB.
func BenchmarkPersonaPhotoSaves(b *testing.B) {
	photo := bigPhoto(b)
	var growth int64
	for i := 0; i < b.N; i++ {
		growth = savePersonaTimes(b, 1000, photo)
	}
	b.ReportMetric(float64(growth)/(1<<20), "MB-growth")
}

// BenchmarkIdleLook is what an idle window does twice a second: ask the file's data version.
// With BenchmarkHere (every 10 s) and BenchmarkLookAtOthers (when another window's heartbeat
// moved the data version) it gives the watcher's share of a core when nothing happens.
func BenchmarkIdleLook(b *testing.B) {
	s, _ := openTemp(b)
	s.SetAuthor("Lan", "w1")
	for b.Loop() {
		if _, err := s.DataVersion(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHere is a window's heartbeat: it says it still has the map open.
func BenchmarkHere(b *testing.B) {
	s, _ := openTemp(b)
	s.SetAuthor("Lan", "w1")
	for b.Loop() {
		if err := s.Here(1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookAtOthers is what a window reads when the data version moved: the revision (an
// edit, or only presence?) and who is here.
func BenchmarkLookAtOthers(b *testing.B) {
	s, path := openTemp(b)
	s.SetAuthor("Lan", "w1")
	o, err := Open(path, OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer o.Close()
	o.SetAuthor("Minh", "w2")
	o.Here(1)
	for b.Loop() {
		if _, err := s.Revision(); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Present(); err != nil {
			b.Fatal(err)
		}
	}
}
