package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"journeycanvas/data"
)

// mapRefs are the maps named by repeated --map options, each an id or a title.
type mapRefs []string

func (r *mapRefs) String() string { return strings.Join(*r, ", ") }

func (r *mapRefs) Set(v string) error {
	*r = append(*r, v)
	return nil
}

// cmdCopy copies maps, with their versions and comments, from the workspace SOURCE into the
// workspace DEST (a .journey file or a PostgreSQL database either side; DEST is made when it is
// a new file or an empty database, as import does). Without --map every map is copied, and the
// personas no map uses; each --map names one map of SOURCE as dump's does. Every copy is added
// to DEST as a new map, and one line per map, its new id and title, is printed (data.CopyMaps
// says what is and is not copied). The maps are named, and SOURCE and DEST told apart, before
// DEST is opened: a refused copy leaves DEST as it was, or not made at all.
func cmdCopy(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("copy", flag.ContinueOnError)
	var refs mapRefs
	fs.Var(&refs, "map", "map id or title (repeatable)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError{"copy needs SOURCE and DEST"}
	}
	src, err := openExisting(pos[0])
	if err != nil {
		return err
	}
	defer src.Close()
	var ids []int64
	seen := map[int64]bool{}
	for _, ref := range refs {
		id, err := src.FindMap(ref)
		if err != nil {
			return err
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if sameFile(pos[0], pos[1]) || data.IsURL(pos[0]) && pos[0] == pos[1] {
		return fmt.Errorf("copy %s into %s: the destination %w", src.Path(), data.WithoutPassword(pos[1]), data.ErrSameWorkspace)
	}
	dst, err := openToWrite(pos[1])
	if err != nil {
		return err
	}
	defer dst.Close()
	copied, err := data.CopyMaps(src, dst, ids)
	if perr := printCopied(stdout, dst.Path(), copied); perr != nil && err == nil {
		return perr
	}
	return err
}

// printCopied prints the id and title of each map copied; when standard output cannot take
// them, the error names the maps so the user can find them.
func printCopied(stdout io.Writer, dest string, copied []data.Copied) error {
	if len(copied) == 0 {
		return nil
	}
	var b strings.Builder
	names := make([]string, len(copied))
	for i, c := range copied {
		fmt.Fprintf(&b, "%d\t%s\n", c.ID, c.Title)
		names[i] = fmt.Sprintf("%d (%q)", c.ID, c.Title)
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		what := "map " + names[0] + " was"
		if len(names) > 1 {
			what = "maps " + strings.Join(names, ", ") + " were"
		}
		return stdoutError{what: fmt.Sprintf("%s added to %s", what, dest), err: err}
	}
	return nil
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) bool {
	if data.IsURL(a) || data.IsURL(b) {
		return false
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
