//go:build !unix

package data

// dirWritable reports whether new files can be made in dir. On Windows a folder's read-only
// attribute does not stop that, and the file's own check is what matters.
func dirWritable(dir string) error { return nil }
