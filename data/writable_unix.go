//go:build unix

package data

import "syscall"

// dirWritable reports whether new files can be made in dir (access(2), which knows about
// read-only mounts and, for root too, about immutable folders).
func dirWritable(dir string) error {
	const wOK = 2
	return syscall.Access(dir, wOK)
}
