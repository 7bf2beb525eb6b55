package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"journeycanvas/data"
	"journeycanvas/data/interchange"
)

// BenchmarkImportCSV1000 reads a 1,000-row CSV (12 stages, 6 lanes) and stores it as a new map
// in a workspace: what `journeycanvas import` does after start-up. Budget: 200 ms.
func BenchmarkImportCSV1000(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join(dir, "big.csv")
	var sb strings.Builder
	sb.WriteString("stage,lane,title,notes,channel,emotion\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&sb, "Giai đoạn %d,Làn %d,Điểm chạm số %d,\"Ghi chú, có dấu phẩy\",Website,%d\n", i%12+1, i/12%6+1, i, i%5-2)
	}
	if err := os.WriteFile(src, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	s, err := data.Open(filepath.Join(dir, "w.journey"), data.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, _, err := interchange.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.CreateMap(m); err != nil {
			b.Fatal(err)
		}
	}
}
