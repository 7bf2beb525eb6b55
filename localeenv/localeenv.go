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
			keepCharset(k, v, base)
		}
		return
	}
}

// keepCharset makes the locale variable k read as base for Fyne's language lookup, keeping the
// character type v (C.UTF-8). GLFW sets the C library's LC_CTYPE from the environment, and an
// X input method (ibus, fcitx5 over XIM) converts the text it commits to that charset: under a
// plain "C" a Vietnamese letter cannot be converted, and nothing typed with Unikey or Bamboo
// reached the window. LC_ALL would override LC_CTYPE, so it gives way to LANG and LC_MESSAGES.
func keepCharset(k, v, base string) {
	if k == "LC_ALL" {
		os.Unsetenv("LC_ALL")
		os.Setenv("LC_MESSAGES", base)
		os.Setenv("LANG", base)
		os.Setenv("LC_CTYPE", v)
		return
	}
	os.Setenv(k, base)
	if k == "LANG" && os.Getenv("LC_CTYPE") == "" {
		os.Setenv("LC_CTYPE", v)
	}
}
