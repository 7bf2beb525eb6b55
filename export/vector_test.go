package export

import (
	"os"
	"path/filepath"
	"testing"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// vectorOut is where the vector tests leave their files for a person to look at
// (JOURNEYCANVAS_VECTOR_OUT), or a temporary folder.
func vectorOut(t *testing.T) string {
	if d := os.Getenv("JOURNEYCANVAS_VECTOR_OUT"); d != "" {
		return d
	}
	return t.TempDir()
}

func TestVectorSamplesWritten(t *testing.T) {
	dir := vectorOut(t)
	for _, s := range []struct {
		name string
		m    *data.Map
		opt  VectorOptions
	}{
		{"vi.pdf", testmaps.Vietnamese(), VectorOptions{Format: "pdf"}},
		{"vi.svg", testmaps.Vietnamese(), VectorOptions{Format: "svg"}},
		{"vi-outline.svg", testmaps.Vietnamese(), VectorOptions{Format: "svg", OutlineText: true}},
		{"sample-a3.pdf", data.SampleMap("vi"), VectorOptions{Format: "pdf", Paper: "A3", Landscape: true}},
		{"sample-tiles.pdf", data.SampleMap("vi"), VectorOptions{Format: "pdf", Tile: "A4"}},
		{"sample-deck.pdf", data.SampleMap("vi"), VectorOptions{Format: "pdf", PerStage: true}},
		{"vi-dark.pdf", testmaps.Vietnamese(), VectorOptions{Format: "pdf", Options: Options{Theme: "dark"}}},
	} {
		s.opt.Now = fixedNow
		if err := WriteVector(filepath.Join(dir, s.name), s.m, s.opt); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
	}
}
