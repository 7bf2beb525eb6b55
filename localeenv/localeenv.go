// Package localeenv makes a "C.UTF-8" or "POSIX.UTF-8" locale read as plain "C" before the
// toolkit looks at it.
//
// Fyne's lang package reads the locale in its own init and logs three lines of "Fyne error"
// for C.UTF-8 (the default of Debian containers and many servers), which would clutter every
// command's stderr. Plain "C" means English to it, as C.UTF-8 means to the user. This
// package is a module of its own with an import path that sorts before fyne.io, so that Go
// initialises it first (packages are initialised in import-path order, dependencies first).
package localeenv

import (
	"os"
	"strings"
)

func init() {
	// The variables in the order gettext (and Fyne's locale lookup) consult them.
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(k)
		if v == "" {
			continue
		}
		if base, _, _ := strings.Cut(strings.SplitN(v, "@", 2)[0], "."); v != base && (base == "C" || base == "POSIX") {
			os.Setenv(k, base)
		}
		return
	}
}
