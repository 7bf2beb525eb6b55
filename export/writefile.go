package export

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a file through write, the way WritePNG writes an image: to a temporary
// file beside path, renamed into place, so that path is either the old file or the whole new
// one (an existing file is replaced atomically). A symbolic link is followed: the file it
// points at is replaced and the link stays. A device, pipe or socket is written into, never
// replaced. When write fails, nothing is left behind and the old file stays as it was. Errors
// name path.
func WriteFile(path string, write func(io.Writer) error) error {
	dest, special, err := outputTarget(path)
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if special {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("export %s: %w", path, err)
		}
		bw := bufio.NewWriterSize(f, 1<<20)
		err = write(bw)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("export %s: %w", path, err)
		}
		return nil
	}
	removeStaleTemps(dest)
	f, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("export %s: %w", path, err)
	}
	lockTemp(f) // see writeImage
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := write(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}
