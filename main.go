// Command journeycanvas draws customer journey maps: with no sub-command it opens the desktop
// app (on Linux and the BSDs it refuses, creating nothing, when there is no display); the
// sub-commands import, list, dump, export, templates and new work without a display.
package main

import (
	"os"

	_ "env.journeycanvas/localeenv" // before Fyne reads the locale: see its doc

	"journeycanvas/canvas"
)

func main() {
	code, workspace := runCLI(os.Args[1:], os.Stdout, os.Stderr)
	if workspace == "" {
		os.Exit(code)
	}
	if len(os.Args) == 1 { // the default workspace
		os.Exit(canvas.RunDefault(workspace, os.Stderr))
	}
	os.Exit(canvas.Run(workspace, os.Stderr))
}
