//go:build !android && !ios && !wasm && !js && !test_web_driver && !mobile

package canvas

import (
	"runtime"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Fyne 2.7 has no way to maximise a window (fyne.Window has no Maximize, and its driver
// keeps the GLFW window to itself; fyne-io/fyne#776). GLFW, which the desktop driver runs
// on, creates a window maximised when asked with a window hint before the window is made,
// and the driver makes the window when it is first shown. These run on the main thread,
// with GLFW initialised (after app.NewWindow, before ShowAndRun).

// maximiseOnShow asks GLFW to create the next window maximised.
func maximiseOnShow() { glfw.WindowHint(glfw.Maximized, glfw.True) }

// maximiseDone stops later windows (a version opened read-only) from opening maximised.
func maximiseDone() { glfw.WindowHint(glfw.Maximized, glfw.False) }

// screenArea is the primary monitor's work area (without the task bar) in Fyne units.
func screenArea() (fyne.Size, bool) {
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return fyne.Size{}, false
	}
	_, _, w, h := mon.GetWorkarea()
	sc, _ := mon.GetContentScale()
	if runtime.GOOS == "darwin" || sc <= 0 { // macOS measures the screen in points already
		sc = 1
	}
	if w <= 0 || h <= 0 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(w)/sc, float32(h)/sc), true
}
