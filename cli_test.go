package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"journeycanvas/data/pgtest"
)

var binPath string

// TestMain builds the real binary once; the tests run it as a user would, without a display.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jc-cli")
	if err != nil {
		panic(err)
	}
	binPath = filepath.Join(dir, "journeycanvas")
	out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	pgtest.Stop() // the PostgreSQL server of cli_postgres_test.go, if one was started
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs the binary with no display and returns stdout, stderr and the exit status.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Env = append(filteredEnv(), "HOME="+t.TempDir())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// filteredEnv is the environment without DISPLAY: headless commands must not need one.
func filteredEnv() []string {
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "DISPLAY=") && !strings.HasPrefix(e, "WAYLAND_DISPLAY=") {
			env = append(env, e)
		}
	}
	return env
}

const samples = "data/interchange/testdata/"

func TestImportListDumpRoundTrip(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "w.journey")
	for _, src := range []string{"ecommerce.csv", "ecommerce.ojf", "ecommerce.mmd", "vietnamese.mmd", "sample.json"} {
		out, errOut, code := run(t, "import", ws, samples+src)
		if code != 0 {
			t.Fatalf("import %s: %d %s", src, code, errOut)
		}
		id, title, ok := strings.Cut(strings.TrimSpace(out), "\t")
		if !ok || id == "" || title == "" || strings.Contains(out, "\n\n") {
			t.Fatalf("import %s printed %q", src, out)
		}
	}
	out, _, code := run(t, "list", ws)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 5 {
		t.Fatalf("list: %d %q", code, out)
	}
	for _, l := range lines {
		if f := strings.Split(l, "\t"); len(f) != 5 || !strings.HasSuffix(f[3], "stages") || !strings.HasSuffix(f[4], "cards") {
			t.Fatalf("list line %q", l)
		}
	}
	if !strings.Contains(out, "Nhận thức") && !strings.Contains(out, "\t") {
		t.Fatalf("list: %q", out)
	}
	// dump → import → dump gives the same map.
	id := strings.Split(lines[0], "\t")[0]
	dump1, errOut, code := run(t, "dump", ws, "--map", id)
	if code != 0 || !json.Valid([]byte(dump1)) {
		t.Fatalf("dump: %d %s", code, errOut)
	}
	f := filepath.Join(t.TempDir(), "again.json")
	os.WriteFile(f, []byte(dump1), 0o644)
	ws2 := filepath.Join(t.TempDir(), "w2.journey")
	out, _, code = run(t, "import", ws2, f)
	if code != 0 {
		t.Fatal("re-import failed")
	}
	id2 := strings.Split(strings.TrimSpace(out), "\t")[0]
	dump2, _, _ := run(t, "dump", ws2, "--map", id2)
	if dump1 != dump2 {
		t.Fatalf("dump → import → dump differs:\n%s\n---\n%s", dump1, dump2)
	}
	// A map can be named by its title too, when the title is unique;
	// a title two maps share is refused with both ids named.
	titles := map[string][]string{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		titles[f[1]] = append(titles[f[1]], f[0])
	}
	for title, ids := range titles {
		d, errOut, code := run(t, "dump", ws, "--map", title)
		if len(ids) == 1 {
			want, _, _ := run(t, "dump", ws, "--map", ids[0])
			if code != 0 || d != want {
				t.Fatalf("dump by title %q: %d %s", title, code, errOut)
			}
			continue
		}
		if code != 1 || d != "" || !strings.Contains(errOut, ids[0]) || !strings.Contains(errOut, ids[1]) {
			t.Fatalf("ambiguous title %q: %d %q", title, code, errOut)
		}
	}
}

func TestCommandLineErrors(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.journey")
	run(t, "import", ws, samples+"ecommerce.mmd")
	notSQLite := filepath.Join(dir, "notes.journey")
	os.WriteFile(notSQLite, bytes.Repeat([]byte("not a database "), 20), 0o644)
	badMmd := filepath.Join(dir, "bad.mmd")
	os.WriteFile(badMmd, []byte("journey\ntitle X\nsection A\n  Task: high: Me\n"), 0o644)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"list"}, 2, "usage"},
		{[]string{"frobnicate", "x"}, 2, "unknown"},
		{[]string{"dump", ws}, 2, "--map"},
		{[]string{"list", filepath.Join(dir, "missing.journey")}, 1, "missing.journey"},
		{[]string{"list", notSQLite}, 1, "not a Journey Canvas workspace"},
		{[]string{"dump", ws, "--map", "No such map"}, 1, "No such map"},
		{[]string{"import", ws, badMmd}, 1, "bad.mmd:4"},
		{[]string{"import", ws, filepath.Join(dir, "x.txt")}, 1, "x.txt"},
		{[]string{"export", ws, "--map", "1"}, 2, "-o"},
		{[]string{"export", ws, "--map", "1", "-o", filepath.Join(dir, "o.png"), "--scale", "9"}, 2, "--scale"},
		{[]string{"export", ws, "--map", "1", "-o", filepath.Join(dir, "o.png"), "--scale", "0.2"}, 2, "--scale"},
		{[]string{"export", ws, "--map", "1", "-o", filepath.Join(dir, "o.png"), "--scale", "0"}, 2, "--scale"},
		{[]string{"export", ws, "--map", "1", "-o", filepath.Join(dir, "o.png"), "--width", "0"}, 2, "--width"},
		{[]string{"export", ws, "--map", "1", "-o", filepath.Join(dir, "o.png"), "--width", "1"}, 2, "--width"},
		{[]string{"export", ws, "--map", "1", "-o", filepath.Join(dir, "o.png"), "--width", "99"}, 2, "--width"},
		{[]string{"export", ws, "--map", "1", "--per-stage", "-o", filepath.Join(dir, "deck"), "--width", "1"}, 2, "--width"},
		{[]string{"export", ws, "--map", "1", "-o", filepath.Join(dir, "o.png"), "--width", "800", "--scale", "1"}, 2, "not both"},
	}
	for _, c := range cases {
		_, errOut, code := run(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", c.args, code, c.code, errOut, c.want)
		}
		if c.code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: error is not one line: %q", c.args, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "o.png")); err == nil {
		t.Error("a refused --scale or --width wrote the image")
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.journey")); err == nil {
		t.Error("list created a missing workspace")
	}
	// The refused import wrote nothing.
	out, _, _ := run(t, "list", ws)
	if strings.Count(out, "\n") != 1 {
		t.Errorf("a refused import changed the workspace: %q", out)
	}
}

// TestQuietInCUTF8 runs a command under C.UTF-8, the default locale of Debian containers:
// the toolkit must not clutter stderr with locale errors.
func TestQuietInCUTF8(t *testing.T) {
	for _, loc := range []string{"C.UTF-8", "POSIX", "C"} {
		cmd := exec.Command(binPath, "templates")
		var env []string
		for _, e := range filteredEnv() {
			if !strings.HasPrefix(e, "LANG=") && !strings.HasPrefix(e, "LC_") && !strings.HasPrefix(e, "LANGUAGE=") {
				env = append(env, e)
			}
		}
		cmd.Env = append(env, "LANG="+loc)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Fatalf("LANG=%s: %v, stderr %q", loc, err, stderr.String())
		}
	}
}

// runWithStdout runs the binary with no display and its standard output going to out (a
// file, a device); it returns stderr and the exit status.
func runWithStdout(t *testing.T, out *os.File, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Env = append(filteredEnv(), "HOME="+t.TempDir())
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return errb.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return errb.String(), 0
}

// TestStdoutFull sends standard output to /dev/full (a full disk): every command that prints
// exits 1 with one line saying standard output could not be written, and import and new,
// whose map was made, name its id there so it is not lost.
func TestStdoutFull(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.journey")
	if _, e, code := run(t, "new", ws, "--template", "ecommerce"); code != 0 {
		t.Fatal(e)
	}
	for _, c := range []struct {
		args []string
		want []string // each must appear on the one line of stderr
	}{
		{[]string{"list", ws}, []string{"standard output"}},
		{[]string{"templates"}, []string{"standard output"}},
		{[]string{"dump", ws, "--map", "1"}, []string{"standard output"}},
		{[]string{"--help"}, []string{"standard output"}},
		{[]string{"import", ws, samples + "ecommerce.mmd"}, []string{"standard output", "map 2 ", ws}},
		{[]string{"new", ws, "--template", "ecommerce"}, []string{"standard output", "map 3 ", ws}},
	} {
		e, code := runWithStdout(t, full, c.args...)
		if code != 1 || strings.Count(strings.TrimSpace(e), "\n") != 0 {
			t.Errorf("%v > /dev/full: exit %d, stderr %q; want 1 and one line", c.args, code, e)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(e, w) {
				t.Errorf("%v > /dev/full: stderr %q does not name %q", c.args, e, w)
			}
		}
	}
	// The maps were made all the same: the message told the truth.
	out, _, _ := run(t, "list", ws)
	if n := strings.Count(out, "\n"); n != 3 {
		t.Errorf("the workspace holds %d maps, want 3: %q", n, out)
	}
}

// TestNoDisplay starts the desktop app (no argument, and a workspace argument) with neither
// DISPLAY nor WAYLAND_DISPLAY, in an empty home and data folder: it says what to do on one
// line, exits 1, and creates nothing (no data folder, no workspace, no settings).
func TestNoDisplay(t *testing.T) {
	for _, args := range [][]string{nil, {"w.journey"}} {
		home, xdg, cwd := t.TempDir(), t.TempDir(), t.TempDir()
		cmd := exec.Command(binPath, args...)
		cmd.Dir = cwd
		var env []string
		for _, e := range filteredEnv() {
			if !strings.HasPrefix(e, "XDG_") && !strings.HasPrefix(e, "HOME=") {
				env = append(env, e)
			}
		}
		cmd.Env = append(env, "HOME="+home, "XDG_DATA_HOME="+xdg, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Errorf("%v without a display: %v, want exit 1; stderr %q", args, err, errb.String())
		}
		e := strings.TrimSpace(errb.String())
		if e != "journeycanvas: no display: set DISPLAY, or use a sub-command" || out.Len() != 0 {
			t.Errorf("%v without a display: stderr %q, stdout %q", args, errb.String(), out.String())
		}
		for _, d := range []string{home, xdg, cwd} {
			if entries, _ := os.ReadDir(d); len(entries) != 0 {
				t.Errorf("%v without a display created %s in %s", args, entries[0].Name(), d)
			}
		}
	}
}

func TestDisplayMissing(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		goos    string
		getenv  func(string) string
		missing bool
	}{
		{"linux", env(), true},
		{"freebsd", env(), true},
		{"linux", env("DISPLAY", ":0"), false},
		{"linux", env("WAYLAND_DISPLAY", "wayland-0"), false},
		{"openbsd", env("DISPLAY", ":1"), false},
		{"windows", env(), false},
		{"darwin", env(), false},
	} {
		if got := displayMissing(c.goos, c.getenv); got != c.missing {
			t.Errorf("%s: displayMissing = %v, want %v", c.goos, got, c.missing)
		}
	}
}
