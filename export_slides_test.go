package main

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPerStageSlides writes a deck from the command line: one slide per stage and one of the
// whole map, in stage order, 16:9, and refuses options that make no sense for slides.
func TestPerStageSlides(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.journey")
	if _, e, code := run(t, "new", ws, "--template", "ecommerce", "--lang", "vi"); code != 0 {
		t.Fatal(e)
	}
	deck := filepath.Join(dir, "deck")
	out, e, code := run(t, "export", ws, "--map", "1", "--per-stage", "-o", deck, "--width", "1280")
	if code != 0 {
		t.Fatalf("per-stage export: %d %s", code, e)
	}
	want := []string{"01-nhan-thuc.png", "02-can-nhac.png", "03-quyet-dinh.png", "04-giu-chan.png", "05-trung-thanh.png", "06-whole-journey.png"}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	entries, _ := os.ReadDir(deck)
	if len(lines) != len(want) || len(entries) != len(want) {
		t.Fatalf("printed %q, wrote %d files; want %v", lines, len(entries), want)
	}
	for i, name := range want {
		if entries[i].Name() != name || filepath.Base(lines[i]) != name {
			t.Fatalf("slide %d is %s (printed %s), want %s", i+1, entries[i].Name(), lines[i], name)
		}
		f, err := os.Open(filepath.Join(deck, name))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 720 {
			t.Fatalf("%s is %v, want 1280 × 720", name, b)
		}
		if ink(img) < 0.03 {
			t.Fatalf("%s is nearly blank", name)
		}
	}
	for _, args := range [][]string{
		{"export", ws, "--map", "1", "--per-stage", "--stages", "1..2", "-o", deck},
		{"export", ws, "--map", "1", "--per-stage", "--scale", "2", "-o", deck},
		{"export", ws, "--map", "1", "--per-stage", "--transparent", "-o", deck},
	} {
		if _, e, code := run(t, args...); code != 2 || !strings.Contains(e, "--per-stage") {
			t.Fatalf("%v: exit %d, %q", args[4:], code, e)
		}
	}
	// A directory that cannot be made is an error naming it.
	if _, e, code := run(t, "export", ws, "--map", "1", "--per-stage", "-o", filepath.Join(ws, "deck")); code != 1 || !strings.Contains(e, "deck") {
		t.Fatalf("unwritable deck: exit %d, %q", code, e)
	}
}

// ink is the share of pixels that differ from the top-left one (the background).
func ink(img image.Image) float64 {
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, _ := bg.RGBA()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bb != b0 {
				n++
			}
		}
	}
	return float64(n) / float64((b.Dx()/2)*(b.Dy()/2))
}

// TestPerStageOverEarlierDeck writes a deck of another map into a folder holding a deck: the
// command refuses on one line naming --replace and writes nothing; with --replace the folder
// ends up holding the new deck only.
func TestPerStageOverEarlierDeck(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.journey")
	for _, tpl := range []string{"ecommerce", "blank"} {
		if _, e, code := run(t, "new", ws, "--template", tpl); code != 0 {
			t.Fatal(e)
		}
	}
	deck := filepath.Join(dir, "deck")
	if _, e, code := run(t, "export", ws, "--map", "1", "--per-stage", "-o", deck, "--width", "640"); code != 0 {
		t.Fatal(e)
	}
	before, _ := os.ReadDir(deck)
	_, e, code := run(t, "export", ws, "--map", "2", "--per-stage", "-o", deck, "--width", "640")
	if code != 1 || !strings.Contains(e, "--replace") || !strings.Contains(e, deck) || strings.Count(strings.TrimSpace(e), "\n") != 0 {
		t.Fatalf("a deck over an earlier one: exit %d, %q", code, e)
	}
	if after, _ := os.ReadDir(deck); len(after) != len(before) {
		t.Fatalf("the refused deck changed the folder: %d files, were %d", len(after), len(before))
	}
	out, e, code := run(t, "export", ws, "--map", "2", "--per-stage", "--replace", "-o", deck, "--width", "640")
	if code != 0 {
		t.Fatalf("--replace: %d %s", code, e)
	}
	printed := strings.Fields(out)
	after, _ := os.ReadDir(deck)
	if len(after) != len(printed) || len(after) == len(before) {
		t.Fatalf("after --replace the folder holds %d files, the command printed %v", len(after), printed)
	}
	if _, e, code := run(t, "export", ws, "--map", "2", "--replace", "-o", filepath.Join(dir, "x.png")); code != 2 || !strings.Contains(e, "--replace") {
		t.Fatalf("--replace without --per-stage: %d %q", code, e)
	}
}
