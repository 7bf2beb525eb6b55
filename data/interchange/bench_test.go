package interchange

import (
	"bytes"
	"io"
	"testing"

	"journeycanvas/canvas/geometry/testmaps"
)

// BenchmarkWrite1000 writes the 1,000-card map in each format, in memory (the writers' share
// of the export command).
func BenchmarkWrite1000(b *testing.B) {
	m := testmaps.Big(1000, 12, 6)
	for _, f := range Formats {
		b.Run(f.Name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := f.Write(io.Discard, m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadXLSX1000 reads the workbook WriteXLSX writes of the 1,000-card map.
func BenchmarkReadXLSX1000(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, testmaps.Big(1000, 12, 6)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := ReadXLSX(bytes.NewReader(buf.Bytes()), "big.xlsx"); err != nil {
			b.Fatal(err)
		}
	}
}
