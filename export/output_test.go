package export

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"journeycanvas/canvas/geometry/testmaps"
)

// decodes reports whether b is a whole PNG.
func decodes(b []byte) bool {
	_, err := png.Decode(bytes.NewReader(b))
	return err == nil
}

// TestWritePNGThroughSymlink exports to a symbolic link: the link stays a link and its target
// gets the image, whether the target exists, is named relative to the link, or is still
// missing (a dangling link), and through a chain of two links.
func TestWritePNGThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(real, "map.png")
	os.WriteFile(target, []byte("old"), 0o644)
	for _, c := range []struct{ link, dest, want string }{
		{"abs.png", target, target},
		{"rel.png", "real/map.png", target},
		{"dangling.png", "real/new.png", filepath.Join(real, "new.png")},
		{"chain.png", "abs.png", target},
	} {
		link := filepath.Join(dir, c.link)
		if err := os.Symlink(c.dest, link); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(c.want, []byte("old"), 0o644)
		if c.link == "dangling.png" {
			os.Remove(c.want)
		}
		if err := WritePNG(link, testmaps.Small(), Options{Scale: 1, Now: fixedNow}); err != nil {
			t.Fatalf("%s: %v", c.link, err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%s: the link was replaced (%v, %v)", c.link, fi.Mode(), err)
		}
		if b, _ := os.ReadFile(c.want); !decodes(b) {
			t.Fatalf("%s: its target %s does not hold the image", c.link, c.want)
		}
	}
	for _, d := range []string{dir, real} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if filepath.Ext(e.Name()) == ".tmp" {
				t.Fatalf("left behind %s", e.Name())
			}
		}
	}
}

// TestWritePNGIntoFIFO exports to a named pipe, a file that is not a regular one (as a
// device is): it writes into it, and the pipe is still a pipe afterwards.
func TestWritePNGIntoFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until the export opens it for writing
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	err := WritePNG(fifo, testmaps.Small(), Options{Scale: 1, Now: fixedNow})
	if fi, lerr := os.Lstat(fifo); lerr != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced by a file (mode %v, %v; export: %v)", fi.Mode(), lerr, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-got:
		if !decodes(b) {
			t.Fatalf("the pipe carried %d bytes, not a PNG", len(b))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing came through the pipe")
	}
}

// TestWritePNGToWriter writes the export to a stream (standard output for -o -): the same
// bytes as the file.
func TestWritePNGToWriter(t *testing.T) {
	var b bytes.Buffer
	opt := Options{Scale: 1, Now: fixedNow}
	if err := WritePNGTo(&b, testmaps.Small(), opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "m.png")
	if err := WritePNG(path, testmaps.Small(), opt); err != nil {
		t.Fatal(err)
	}
	if f, _ := os.ReadFile(path); !bytes.Equal(f, b.Bytes()) {
		t.Fatal("the stream and the file differ")
	}
}

// TestStaleTempsRemoved leaves what killed exports leave (.map.png.NNN.tmp beside map.png)
// and exports map.png again: the stale ones go; a temporary file another export is still
// writing (held open and locked) stays, and so do those of other files.
func TestStaleTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.png")
	stale := []string{".map.png.123456.tmp", ".map.png.9.tmp"}
	keep := []string{".other.png.123.tmp", ".map.png.notes.tmp", "map.png.1.tmp", ".map.png.1.tmp.bak"}
	for _, n := range append(append([]string{}, stale...), keep...) {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("half a PNG"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	live := filepath.Join(dir, ".map.png.777.tmp")
	f, err := os.Create(live)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := lockTemp(f); err != nil {
		t.Fatal(err)
	}
	if !tempsLocked {
		// Without file locks a temporary file counts as stale only once it is old.
		old := time.Now().Add(-2 * staleAge)
		for _, n := range append(append([]string{}, stale...), keep...) {
			os.Chtimes(filepath.Join(dir, n), old, old)
		}
	}
	if err := WritePNG(out, testmaps.Small(), Options{Scale: 1, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	for _, n := range stale {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			t.Errorf("the stale %s is still there", n)
		}
	}
	for _, n := range append(keep, filepath.Base(live)) {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed: %v", n, err)
		}
	}
}
