package data

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// unwritable says why the workspace at path cannot be written, or "" when it can: the file
// (when it exists) must open for writing and its folder must take new files (SQLite keeps its
// -wal and -shm beside the file). Nothing is written to find out.
func unwritable(path string) string {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	switch {
	case err == nil:
		f.Close()
	case errors.Is(err, os.ErrNotExist):
	default:
		return whyUnwritable(err, "the file")
	}
	if err := dirWritable(filepath.Dir(path)); err != nil {
		return whyUnwritable(err, "its folder")
	}
	return ""
}

func whyUnwritable(err error, what string) string {
	switch {
	case errors.Is(err, syscall.EROFS):
		return "the file system it is on is mounted read-only"
	case errors.Is(err, os.ErrNotExist):
		return what + " does not exist"
	case errors.Is(err, syscall.EPERM):
		return what + " is locked against changes"
	}
	return what + " cannot be written"
}
