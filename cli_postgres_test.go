package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"journeycanvas/data/pgtest"
)

// The command line takes a PostgreSQL database where it takes a file: import, list, dump and
// export work on it, and the same map exported from a file and from the database is the same
// PNG, byte for byte.
func TestCommandsOnPostgres(t *testing.T) {
	db := pgtest.DB(t)
	file := filepath.Join(t.TempDir(), "w.journey")
	ids := map[string]string{}
	for _, ws := range []string{file, db} {
		for _, src := range []string{"ecommerce.csv", "vietnamese.mmd", "sample.json"} {
			out, errOut, code := run(t, "import", ws, samples+src)
			if code != 0 {
				t.Fatalf("import %s into %s: %d %s", src, ws, code, errOut)
			}
			id, title, _ := strings.Cut(strings.TrimSpace(out), "\t")
			ids[ws+" "+src] = id
			if title == "" {
				t.Fatalf("import %s printed %q", src, out)
			}
		}
	}
	lists := map[string]string{}
	for _, ws := range []string{file, db} {
		out, errOut, code := run(t, "list", ws)
		if code != 0 || strings.Count(out, "\n") != 3 {
			t.Fatalf("list %s: %d %q %s", ws, code, out, errOut)
		}
		lists[ws] = out
	}
	// Both list the same maps in the same order (the ids too: both number from 1).
	if lists[file] != lists[db] {
		t.Fatalf("list of the file:\n%s\nof the database:\n%s", lists[file], lists[db])
	}
	if !strings.Contains(lists[db], "\t") || !strings.Contains(lists[db], "stages") {
		t.Fatalf("list: %q", lists[db])
	}
	for _, src := range []string{"ecommerce.csv", "vietnamese.mmd", "sample.json"} {
		fromFile, _, code1 := run(t, "dump", file, "--map", ids[file+" "+src])
		fromDB, errOut, code2 := run(t, "dump", db, "--map", ids[db+" "+src])
		if code1 != 0 || code2 != 0 || withoutTimes(fromFile) != withoutTimes(fromDB) {
			t.Fatalf("dump of %s: %d %d %s\nfile:\n%.400s\ndatabase:\n%.400s", src, code1, code2, errOut, fromFile, fromDB)
		}
		// Plain, and with a curve laid over (--compare reads a second map from the workspace).
		for _, extra := range [][]string{nil, {"--compare", "1"}} {
			var pngs [2][]byte
			for i, ws := range []string{file, db} {
				out := filepath.Join(t.TempDir(), "map.png")
				args := append([]string{"export", ws, "--map", ids[ws+" "+src], "-o", out}, extra...)
				if _, errOut, code := run(t, args...); code != 0 {
					t.Fatalf("export %v: %s", args, errOut)
				}
				pngs[i], _ = os.ReadFile(out)
			}
			if len(pngs[0]) < 1000 || !bytes.Equal(pngs[0], pngs[1]) {
				t.Fatalf("%s %v: the PNG from the file (%d bytes) and from the database (%d bytes) differ", src, extra, len(pngs[0]), len(pngs[1]))
			}
		}
	}
}

// A role that may only read exports, and an import through it is refused with a clear message;
// a password given in the URL never appears in what the command prints.
func TestCommandsOnPostgresAsReader(t *testing.T) {
	db := pgtest.DB(t)
	if _, errOut, code := run(t, "import", db, samples+"sample.json"); code != 0 {
		t.Fatal(errOut)
	}
	role, readerURL := pgtest.Reader(t, db, "secret-in-url")
	reader := strings.Replace(readerURL, role+"@", role+":secret-in-url@", 1) // the password given in the URL
	png := filepath.Join(t.TempDir(), "map.png")
	if _, errOut, code := run(t, "export", reader, "--map", "1", "-o", png); code != 0 {
		t.Fatalf("export as a reader: %s", errOut)
	}
	if b, _ := os.ReadFile(png); len(b) < 1000 {
		t.Fatal("no PNG written")
	}
	_, errOut, code := run(t, "import", reader, samples+"ecommerce.csv")
	if code != 1 || !strings.Contains(errOut, "read-only") || !strings.Contains(errOut, role+" may only read") ||
		strings.Contains(errOut, "secret-in-url") {
		t.Fatalf("import as a reader: %d %q", code, errOut)
	}
	out, _, _ := run(t, "list", db)
	if strings.Count(out, "\n") != 1 {
		t.Fatalf("a refused import changed the maps: %q", out)
	}
}

// withoutTimes is a dump without its created and updated times, which are those of the import.
func withoutTimes(dump string) string {
	var keep []string
	for _, l := range strings.Split(dump, "\n") {
		if f := strings.TrimSpace(l); !strings.HasPrefix(f, `"created"`) && !strings.HasPrefix(f, `"updated"`) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}
