//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package export

import (
	"os"
	"syscall"
)

// tempsLocked says an export holds a lock on its temporary file while it writes it, so a
// temporary file nobody holds is known to be stale, whatever its age.
const tempsLocked = true

// lockTemp takes an exclusive lock on a temporary file being written; the system releases it
// when the file is closed or the process ends, killed or not.
func lockTemp(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// isStale reports whether the temporary file at path was left by an export that is no longer
// running: nobody holds its lock.
func isStale(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
