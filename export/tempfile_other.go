//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package export

import (
	"os"
	"time"
)

// tempsLocked is false here: without flock, staleness is judged by age.
const tempsLocked = false

// lockTemp does nothing where flock is missing. (On Windows a file being written cannot be
// removed anyway, so a live export's temporary file survives a clean-up.)
func lockTemp(*os.File) error { return nil }

// isStale reports whether the temporary file at path is older than staleAge: no export of a
// size MaxSide allows takes that long.
func isStale(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && time.Since(fi.ModTime()) > staleAge
}
