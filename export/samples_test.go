package export

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// TestSamples writes sample exports to the directory named by JC_SAMPLES, for looking at.
// Without it the test does nothing.
func TestSamples(t *testing.T) {
	dir := os.Getenv("JC_SAMPLES")
	if dir == "" {
		t.Skip("set JC_SAMPLES=DIR to write sample PNGs")
	}
	now := time.Date(2025, 11, 23, 10, 0, 0, 0, time.UTC)
	samples := []struct {
		name string
		m    *data.Map
		opt  Options
	}{
		{"vi-light.png", testmaps.Vietnamese(), Options{Now: now}},
		{"vi-dark.png", testmaps.Vietnamese(), Options{Now: now, Theme: "dark"}},
		{"vi-1x.png", testmaps.Vietnamese(), Options{Now: now, Scale: 1}},
		{"small.png", testmaps.Small(), Options{Now: now, Scale: 1}},
		{"sample-en.png", data.SampleMap("en"), Options{Now: now}},
		{"big200.png", testmaps.Big(200, 8, 6), Options{Now: now, Scale: 1}},
		{"big200-dark.png", testmaps.Big(200, 8, 6), Options{Now: now, Scale: 1, Theme: "dark"}},
		{"vi-stages.png", testmaps.Vietnamese(), Options{Now: now, StageFrom: 2, StageTo: 3}},
	}
	for _, s := range samples {
		if err := WritePNG(filepath.Join(dir, s.name), s.m, s.opt); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSamplesFractional(t *testing.T) {
	dir := os.Getenv("JC_SAMPLES")
	if dir == "" {
		t.Skip("set JC_SAMPLES=DIR to write sample PNGs")
	}
	now := time.Date(2025, 11, 23, 10, 0, 0, 0, time.UTC)
	if err := WritePNG(filepath.Join(dir, "vi-w3001.png"), testmaps.Vietnamese(), Options{Now: now, Width: 3001}); err != nil {
		t.Fatal(err)
	}
	if err := WritePNG(filepath.Join(dir, "vi-w1000-dark.png"), testmaps.Vietnamese(), Options{Now: now, Width: 1000, Theme: "dark"}); err != nil {
		t.Fatal(err)
	}
}
