package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakePlaces is a platform's places with the given environment, home folder and folders that
// exist (the Windows known folder is "" unless given).
func fakePlaces(goos string, env map[string]string, home string, known string, dirs ...string) places {
	return places{
		goos:   goos,
		getenv: func(k string) string { return env[k] },
		home: func() (string, error) {
			if home == "" {
				return "", errors.New("$HOME is not defined")
			}
			return home, nil
		},
		known: func() string { return known },
		exists: func(p string) bool {
			for _, d := range dirs {
				if d == p {
					return true
				}
			}
			return false
		},
	}
}

// TestDataDirPerPlatform checks where each platform's rule puts the workspace.
func TestDataDirPerPlatform(t *testing.T) {
	for _, c := range []struct {
		name, goos string
		env        map[string]string
		home, want string
		fails      bool
	}{
		{"windows APPDATA", "windows", map[string]string{"APPDATA": `C:\Users\Hương\AppData\Roaming`}, `C:\Users\Hương`,
			`C:\Users\Hương\AppData\Roaming\Journey Canvas`, false},
		{"windows without APPDATA", "windows", nil, `C:\Users\Lan`, `C:\Users\Lan\AppData\Roaming\Journey Canvas`, false},
		{"windows with nothing", "windows", nil, "", "", true},
		{"macOS", "darwin", map[string]string{"XDG_DATA_HOME": "/ignored"}, "/Users/huong",
			"/Users/huong/Library/Application Support/Journey Canvas", false},
		{"linux XDG_DATA_HOME", "linux", map[string]string{"XDG_DATA_HOME": "/data/x"}, "/home/h", "/data/x/journeycanvas", false},
		{"linux relative XDG_DATA_HOME is ignored", "linux", map[string]string{"XDG_DATA_HOME": "rel"}, "/home/h",
			"/home/h/.local/share/journeycanvas", false},
		{"linux default", "linux", nil, "/home/h", "/home/h/.local/share/journeycanvas", false},
		{"freebsd default", "freebsd", nil, "/home/h", "/home/h/.local/share/journeycanvas", false},
		{"linux without home", "linux", nil, "", "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := fakePlaces(c.goos, c.env, c.home, "").dataDir()
			if c.fails {
				if err == nil {
					t.Fatalf("gave %q, want an error", got)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

// TestDocumentsPerPlatform checks where file dialogs start on each platform, and that a
// Documents folder that does not exist gives the home folder.
func TestDocumentsPerPlatform(t *testing.T) {
	for _, c := range []struct {
		name, goos string
		env        map[string]string
		home       string
		known      string
		dirs       []string
		want       string
	}{
		{"windows known folder (moved to OneDrive)", "windows", nil, `C:\Users\Hương`, `C:\Users\Hương\OneDrive\Tài liệu`,
			[]string{`C:\Users\Hương\OneDrive\Tài liệu`}, `C:\Users\Hương\OneDrive\Tài liệu`},
		{"windows without the known folder", "windows", map[string]string{"USERPROFILE": `C:\Users\Lan`}, `C:\Users\Lan`, "",
			[]string{`C:\Users\Lan\Documents`}, `C:\Users\Lan\Documents`},
		{"macOS", "darwin", nil, "/Users/h", "", []string{"/Users/h/Documents"}, "/Users/h/Documents"},
		{"macOS without Documents", "darwin", nil, "/Users/h", "", nil, "/Users/h"},
		{"linux from the environment", "linux", map[string]string{"XDG_DOCUMENTS_DIR": "/home/h/Tài liệu"}, "/home/h", "",
			[]string{"/home/h/Tài liệu"}, "/home/h/Tài liệu"},
		{"linux default", "linux", map[string]string{"XDG_CONFIG_HOME": "/nowhere"}, "/home/h", "", []string{"/home/h/Documents"}, "/home/h/Documents"},
		{"linux without Documents", "linux", map[string]string{"XDG_CONFIG_HOME": "/nowhere"}, "/home/h", "", nil, "/home/h"},
		{"no home at all", "linux", nil, "", "", nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := fakePlaces(c.goos, c.env, c.home, c.known, c.dirs...).documents()
			if got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestDocumentsFromUserDirs reads the folder a Vietnamese desktop names in user-dirs.dirs.
func TestDocumentsFromUserDirs(t *testing.T) {
	home := t.TempDir()
	conf := filepath.Join(home, ".config")
	docs := filepath.Join(home, "Tài liệu")
	for _, d := range []string{conf, docs} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	dirs := "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Màn hình nền\"\nXDG_DOCUMENTS_DIR=\"$HOME/Tài liệu\"\n"
	if err := os.WriteFile(filepath.Join(conf, "user-dirs.dirs"), []byte(dirs), 0o644); err != nil {
		t.Fatal(err)
	}
	p := hostPlaces()
	p.goos = "linux"
	p.getenv = func(string) string { return "" }
	p.home = func() (string, error) { return home, nil }
	if got := p.documents(); got != docs {
		t.Fatalf("got %q, want %q", got, docs)
	}
	// An entry naming the home folder itself means there is no such folder.
	if err := os.WriteFile(filepath.Join(conf, "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := p.documents(); got != home {
		t.Fatalf("with Documents set to the home folder: got %q, want %q", got, home)
	}
}

// TestDefaultPathCreatesItsFolder runs the rule of this machine: the workspace's folder is
// made, and the file itself is left for Open to create.
func TestDefaultPathCreatesItsFolder(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	t.Setenv("APPDATA", dir)
	t.Setenv("HOME", dir)
	got, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, dir) || filepath.Base(got) != "workspace.journey" {
		t.Fatalf("DefaultPath %q, not a workspace.journey under %s", got, dir)
	}
	if fi, err := os.Stat(filepath.Dir(got)); err != nil || !fi.IsDir() {
		t.Fatalf("its folder was not created: %v", err)
	}
	if _, err := os.Stat(got); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the file itself should not exist yet: %v", err)
	}
}
