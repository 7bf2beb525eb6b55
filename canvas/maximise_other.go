//go:build android || ios || wasm || js || test_web_driver || mobile

package canvas

import "fyne.io/fyne/v2"

func maximiseOnShow() {}

func maximiseDone() {}

func screenArea() (fyne.Size, bool) { return fyne.Size{}, false }
