package data

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
)

// places finds the folders each platform keeps things in. Its fields are the process's by
// default (see hostPlaces); a test gives its own to check every platform's rule on any one.
type places struct {
	goos   string              // runtime.GOOS, or the platform under test
	getenv func(string) string // os.Getenv
	home   func() (string, error)
	// known is the Windows known folder for documents (SHGetKnownFolderPath), "" elsewhere.
	known func() string
	// exists says whether a folder exists.
	exists func(string) bool
}

// hostPlaces is the places of the machine the program runs on.
func hostPlaces() places {
	return places{goos: runtime.GOOS, getenv: os.Getenv, home: os.UserHomeDir, known: knownDocuments,
		exists: func(p string) bool {
			fi, err := os.Stat(p)
			return err == nil && fi.IsDir()
		}}
}

// join joins path elements with the separator of the platform under test, so the Windows rule
// gives C:\… even when a test checks it on Linux.
func (p places) join(elem ...string) string {
	if p.goos == runtime.GOOS {
		return filepath.Join(elem...)
	}
	if p.goos == "windows" {
		for i := range elem {
			elem[i] = strings.TrimRight(elem[i], `\/`)
		}
		return strings.Join(elem, `\`)
	}
	return path.Join(elem...)
}

// dataDir is the folder the app keeps its workspace in: %APPDATA%\Journey Canvas on Windows,
// ~/Library/Application Support/Journey Canvas on macOS, $XDG_DATA_HOME/journeycanvas
// (~/.local/share/journeycanvas) elsewhere.
func (p places) dataDir() (string, error) {
	switch p.goos {
	case "windows":
		if d := p.getenv("APPDATA"); d != "" {
			return p.join(d, "Journey Canvas"), nil
		}
		home, err := p.home()
		if err != nil {
			return "", fmt.Errorf("find the application data folder (%%APPDATA%% is not set): %w", err)
		}
		return p.join(home, "AppData", "Roaming", "Journey Canvas"), nil
	case "darwin", "ios":
		home, err := p.home()
		if err != nil {
			return "", fmt.Errorf("find the home folder: %w", err)
		}
		return p.join(home, "Library", "Application Support", "Journey Canvas"), nil
	}
	dir := p.getenv("XDG_DATA_HOME")
	if dir == "" || !strings.HasPrefix(dir, "/") { // the spec says to ignore a relative one
		home, err := p.home()
		if err != nil {
			return "", fmt.Errorf("find the home folder: %w", err)
		}
		dir = p.join(home, ".local", "share")
	}
	return p.join(dir, "journeycanvas"), nil
}

// documents is the user's Documents folder, where file dialogs start: the known folder on
// Windows (which may be redirected, to OneDrive for one), ~/Documents on macOS, the XDG user
// directory elsewhere (XDG_DOCUMENTS_DIR, from the environment or user-dirs.dirs). When that
// folder does not exist, the home folder; "" when there is no home either.
func (p places) documents() string {
	home, err := p.home()
	if err != nil {
		home = ""
	}
	var doc string
	switch p.goos {
	case "windows":
		if doc = p.known(); doc == "" {
			if u := p.getenv("USERPROFILE"); u != "" {
				home = u
			}
			if home != "" {
				doc = p.join(home, "Documents")
			}
		}
	case "darwin", "ios":
		if home != "" {
			doc = p.join(home, "Documents")
		}
	default:
		doc = p.xdgDocuments(home)
	}
	if doc != "" && p.exists(doc) {
		return doc
	}
	return home
}

// xdgDocuments reads XDG_DOCUMENTS_DIR as xdg-user-dir does: from the environment, else from
// $XDG_CONFIG_HOME/user-dirs.dirs (a shell fragment: XDG_DOCUMENTS_DIR="$HOME/Documents"),
// else ~/Documents.
func (p places) xdgDocuments(home string) string {
	if d := p.getenv("XDG_DOCUMENTS_DIR"); strings.HasPrefix(d, "/") {
		return d
	}
	conf := p.getenv("XDG_CONFIG_HOME")
	if conf == "" && home != "" {
		conf = p.join(home, ".config")
	}
	if conf != "" {
		if d := userDirsEntry(p.join(conf, "user-dirs.dirs"), "XDG_DOCUMENTS_DIR", home); d != "" {
			return d
		}
	}
	if home == "" {
		return ""
	}
	return p.join(home, "Documents")
}

// userDirsEntry is one entry of a user-dirs.dirs file, with $HOME expanded; "" when the file
// or the entry is missing, or the entry names the home folder itself (no such folder, says
// the spec).
func userDirsEntry(file, key, home string) string {
	f, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		v, ok := strings.CutPrefix(line, key+"=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			if home == "" {
				return ""
			}
			v = home + rest
		}
		if !strings.HasPrefix(v, "/") || strings.TrimRight(v, "/") == strings.TrimRight(home, "/") {
			return ""
		}
		return v
	}
	return ""
}

// DefaultPath is the default workspace, workspace.journey in the folder each platform keeps
// application data in (%APPDATA%, ~/Library/Application Support, XDG); the folder is created
// on first use.
func DefaultPath() (string, error) {
	dir, err := hostPlaces().dataDir()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", dir, err)
	}
	return filepath.Join(dir, "workspace.journey"), nil
}

// DocumentsDir is the user's Documents folder (the home folder when there is none), where the
// app's file dialogs start; "" when not even the home folder is known.
func DocumentsDir() string { return hostPlaces().documents() }

// RuntimeDir is a folder private to the user for the app's local socket: $XDG_RUNTIME_DIR
// on Linux when set, else the app's data folder (created here, readable by the user only).
func RuntimeDir() (string, error) {
	p := hostPlaces()
	if d := p.getenv("XDG_RUNTIME_DIR"); d != "" && p.goos != "windows" && p.goos != "darwin" && p.exists(d) {
		return filepath.Join(d, "journeycanvas"), mkPrivate(filepath.Join(d, "journeycanvas"))
	}
	dir, err := p.dataDir()
	if err != nil {
		return "", err
	}
	return dir, mkPrivate(dir)
}

// mkPrivate creates a folder only its owner can enter, if it is missing.
func mkPrivate(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	return nil
}
