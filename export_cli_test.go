package main

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.journey")
	if _, e, code := run(t, "new", ws, "--template", "ecommerce", "--lang", "vi"); code != 0 {
		t.Fatal(e)
	}
	out := filepath.Join(dir, "map.png")
	if _, e, code := run(t, "export", ws, "--map", "1", "-o", out); code != 0 {
		t.Fatalf("export: %s", e)
	}
	f, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	w2 := img.Bounds().Dx()
	// --scale 1 is half the default 2×; --width sets the width; --stages crops to a range.
	one := filepath.Join(dir, "one.png")
	if _, e, code := run(t, "export", ws, "--map", "Mua mỹ phẩm trực tuyến", "-o", one, "--scale", "1", "--theme", "dark"); code != 0 {
		t.Fatal(e)
	}
	if b := decodeSize(t, one); b[0] < w2/2-2 || b[0] > w2/2+2 {
		t.Fatalf("scale 1 width %d, scale 2 width %d", b[0], w2)
	}
	wide := filepath.Join(dir, "wide.png")
	if _, e, code := run(t, "export", ws, "--map", "1", "-o", wide, "--width", "3000"); code != 0 {
		t.Fatal(e)
	}
	if b := decodeSize(t, wide); b[0] != 3000 {
		t.Fatalf("--width 3000 gave %d", b[0])
	}
	part := filepath.Join(dir, "part.png")
	if _, e, code := run(t, "export", ws, "--map", "1", "-o", part, "--stages", "2..3", "--scale", "1"); code != 0 {
		t.Fatal(e)
	}
	if b := decodeSize(t, part); b[0] >= w2/2 {
		t.Fatalf("two stages (%d px) not narrower than five (%d px)", b[0], w2/2)
	}
	// Straight from a source file, without a workspace.
	mm := filepath.Join(dir, "mm.png")
	if _, e, code := run(t, "export", "testdata/mermaid-example.mmd", "-o", mm); code != 0 {
		t.Fatal(e)
	}
	decodeSize(t, mm)
	// Too large: refused with advice, nothing written.
	huge := filepath.Join(dir, "huge.png")
	_, e, code := run(t, "export", ws, "--map", "1", "-o", huge, "--width", "20000")
	if code != 1 || !strings.Contains(e, "smaller") {
		t.Fatalf("huge export: %d %s", code, e)
	}
	if _, err := os.Stat(huge); err == nil {
		t.Fatal("a refused export wrote a file")
	}
	_, e, code = run(t, "export", ws, "--map", "1", "-o", part, "--stages", "4..9")
	if code != 1 || !strings.Contains(e, "5 stages") {
		t.Fatalf("stage range past the end: %d %s", code, e)
	}
	// Deterministic: the same map and options give the same bytes.
	again := filepath.Join(dir, "again.png")
	run(t, "export", ws, "--map", "1", "-o", again)
	if a, _ := os.ReadFile(again); !bytes.Equal(a, f) {
		t.Fatal("two exports of the same map differ")
	}
}

func decodeSize(t *testing.T, path string) [2]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return [2]int{cfg.Width, cfg.Height}
}

// BenchmarkExportMermaidCommand runs the whole command on a Mermaid journey of 7 tasks in 5
// sections, as a user would: process start, parse, layout, draw, encode, write. Budget: 100 ms.
func BenchmarkExportMermaidCommand(b *testing.B) {
	out := filepath.Join(b.TempDir(), "out.png")
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(binPath, "export", "testdata/mermaid-example.mmd", "-o", out)
		cmd.Env = filteredEnv()
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, msg)
		}
	}
}

// TestExportOutputs exports to standard output (-o -), through a symbolic link to a file (the
// link stays) and through a link to /dev/stdout (the device is written into, not replaced).
func TestExportOutputs(t *testing.T) {
	dir := t.TempDir()
	src := "testdata/mermaid-example.mmd"
	file := filepath.Join(dir, "file.png")
	if _, e, code := run(t, "export", src, "-o", file); code != 0 {
		t.Fatal(e)
	}
	want, _ := os.ReadFile(file)

	out, e, code := run(t, "export", src, "-o", "-")
	if code != 0 || out != string(want) {
		t.Fatalf("-o -: exit %d, %d bytes on stdout (want %d), stderr %q", code, len(out), len(want), e)
	}

	target := filepath.Join(dir, "target.png")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.png")
	if err := os.Symlink("target.png", link); err != nil {
		t.Fatal(err)
	}
	if _, e, code := run(t, "export", src, "-o", link); code != 0 {
		t.Fatal(e)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("-o LINK replaced the link: %v %v", fi.Mode(), err)
	}
	if got, _ := os.ReadFile(target); !bytes.Equal(got, want) {
		t.Fatal("-o LINK did not write the image into the link's target")
	}

	toStdout := filepath.Join(dir, "stdout.png")
	if err := os.Symlink("/dev/stdout", toStdout); err != nil {
		t.Fatal(err)
	}
	out, e, code = run(t, "export", src, "-o", toStdout)
	if code != 0 || out != string(want) {
		t.Fatalf("-o link to /dev/stdout: exit %d, %d bytes on stdout (want %d), stderr %q", code, len(out), len(want), e)
	}
	if fi, err := os.Lstat(toStdout); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link to /dev/stdout was replaced: %v %v", fi.Mode(), err)
	}
	if fi, err := os.Stat("/dev/stdout"); err != nil || fi.Mode().IsRegular() {
		t.Fatalf("/dev/stdout is now %v (%v)", fi.Mode(), err)
	}

	if _, e, code := run(t, "export", src, "--per-stage", "-o", "-"); code != 2 || !strings.Contains(e, "-o") {
		t.Fatalf("--per-stage -o -: exit %d, %q", code, e)
	}
}

// adviceRe finds the scale and width a refused export advises.
var adviceRe = regexp.MustCompile(`--scale \(([0-9.]+) fits\) or --width \(([0-9]+) px fits\)`)

// TestExportScaleAdvice: any scale from 0.25 to 8 is taken, and a too-large export advises a
// --scale and a --width that work when given back; when one stage alone is too tall it
// advises --per-stage, not fewer stages.
func TestExportScaleAdvice(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.journey")
	if _, e, code := run(t, "new", ws, "--template", "ecommerce"); code != 0 {
		t.Fatal(e)
	}
	one := filepath.Join(dir, "one.png")
	if _, e, code := run(t, "export", ws, "--map", "1", "-o", one, "--scale", "1"); code != 0 {
		t.Fatal(e)
	}
	w1 := decodeSize(t, one)[0]
	for _, s := range []string{"0.25", "0.5", "2.25", "3", "8"} {
		out := filepath.Join(dir, "s"+s+".png")
		if _, e, code := run(t, "export", ws, "--map", "1", "-o", out, "--scale", s); code != 0 {
			t.Fatalf("--scale %s: %s", s, e)
		}
		f, _ := strconv.ParseFloat(s, 64)
		if w := decodeSize(t, out)[0]; float64(w) < float64(w1)*f-f-1 || float64(w) > float64(w1)*f+f+1 {
			t.Fatalf("--scale %s: %d px wide, 1× is %d", s, w, w1)
		}
	}

	// A map with one stage of 300 cards (too tall even at 1×) and one small stage.
	csv := filepath.Join(dir, "tall.csv")
	var b strings.Builder
	b.WriteString("stage,lane,title\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "Crowded,Steps,Card number %d with a title long enough to wrap onto two lines\n", i)
	}
	b.WriteString("Quiet,Steps,Only card\n")
	os.WriteFile(csv, []byte(b.String()), 0o644)
	// And one of 40 stages of a card each: too wide at 2×, where a few stages fit.
	wide := filepath.Join(dir, "wide.csv")
	b.Reset()
	b.WriteString("stage,lane,title\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "Stage %d,Steps,Card %d\n", i+1, i+1)
	}
	os.WriteFile(wide, []byte(b.String()), 0o644)
	for _, c := range []struct {
		args   []string
		stages bool // advises fewer stages
		slides bool // advises --per-stage
	}{
		{[]string{wide, "--scale", "2"}, true, false},
		{[]string{csv, "--scale", "1"}, false, true},
	} {
		out := filepath.Join(dir, filepath.Base(c.args[0])+".png")
		_, e, code := run(t, append(append([]string{"export"}, c.args...), "-o", out)...)
		if code != 1 || strings.Count(strings.TrimSpace(e), "\n") != 0 || !strings.Contains(e, out) {
			t.Fatalf("%v: exit %d, %q", c.args, code, e)
		}
		if strings.Contains(e, "--stages") != c.stages || strings.Contains(e, "--per-stage") != c.slides {
			t.Fatalf("%v: advice %q (want --stages %v, --per-stage %v)", c.args, e, c.stages, c.slides)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%v: a refused export wrote its file", c.args)
		}
		m := adviceRe.FindStringSubmatch(e)
		if m == nil {
			t.Fatalf("%v: no --scale and --width advised in %q", c.args, e)
		}
		src := c.args[:len(c.args)-2]
		if _, e, code := run(t, append(append([]string{"export"}, src...), "-o", out, "--scale", m[1])...); code != 0 {
			t.Fatalf("the advised --scale %s: %s", m[1], e)
		}
		if _, e, code := run(t, append(append([]string{"export"}, src...), "-o", out, "--width", m[2])...); code != 0 {
			t.Fatalf("the advised --width %s: %s", m[2], e)
		}
		if c.slides {
			if _, e, code := run(t, append(append([]string{"export"}, src...), "--per-stage", "-o", filepath.Join(dir, "deck"), "--width", "640")...); code != 0 {
				t.Fatalf("the advised --per-stage: %s", e)
			}
		}
	}
}

// TestKilledExportLeftovers kills an export while it writes its temporary file, then exports
// the same file again: the killed export's .NAME.NNN.tmp is gone and the image is whole.
func TestKilledExportLeftovers(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "big.csv")
	var b strings.Builder
	b.WriteString("stage,lane,title\n")
	for i := 0; i < 900; i++ {
		fmt.Fprintf(&b, "Stage %d,Lane %d,Card %d with a title that wraps onto a second line\n", i%6+1, i/6%5+1, i)
	}
	os.WriteFile(src, []byte(b.String()), 0o644)
	out := filepath.Join(dir, "map.png")
	temps := func() []string {
		m, _ := filepath.Glob(filepath.Join(dir, ".map.png.*.tmp"))
		return m
	}
	killed := false
	for try := 0; try < 5 && !killed; try++ {
		cmd := exec.Command(binPath, "export", src, "-o", out, "--scale", "1.5")
		cmd.Env = filteredEnv()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		deadline := time.After(30 * time.Second)
	watch:
		for {
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("the export failed before it could be killed: %v %s", err, stderr.String())
				}
				break watch // finished before it could be caught writing
			case <-deadline:
				cmd.Process.Kill()
				<-done
				t.Fatal("the export took more than 30 s")
			default:
			}
			if len(temps()) > 0 {
				cmd.Process.Kill()
				<-done
				killed = true
				break
			}
			time.Sleep(time.Millisecond)
		}
		os.Remove(out)
	}
	if !killed || len(temps()) == 0 {
		t.Skip("could not catch the export while it wrote its temporary file")
	}
	left := temps()
	if _, e, code := run(t, "export", src, "-o", out, "--scale", "1"); code != 0 {
		t.Fatal(e)
	}
	if now := temps(); len(now) != 0 {
		t.Fatalf("the killed export's %v is still there after the next export", now)
	}
	decodeSize(t, out)
	t.Logf("removed %v", left)
}
