package canvas

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// wheelNotch is how far one notch of a mouse wheel scrolls in a Fyne scroll event (the
// desktop driver's scroll speed); Ctrl+wheel zooms 10 % a notch.
const wheelNotch = 25

// keyModifiers reports the modifier keys held now. The desktop driver knows them; tests,
// whose driver does not, replace it.
var keyModifiers = func() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// zoomText is the zoom as the toolbar shows it: "125 %".
func zoomText(z float64) string { return fmt.Sprintf("%d %%", int(z*100+0.5)) }

// zoomChanged shows the board's zoom in the toolbar and keeps it in the workspace, whatever
// changed it (toolbar, menu, keys, Ctrl+wheel, pinch).
func (u *ui) zoomChanged() {
	if u.zoomLbl != nil && u.zoomLbl.Text != zoomText(u.board.zoom) {
		u.zoomLbl.SetText(zoomText(u.board.zoom))
	}
	u.st.SetSetting(settingZoom, strconv.FormatFloat(u.board.zoom, 'f', 2, 64))
	u.placeName()
}

// actualSize is Ctrl+0: 100 % and the start (top-left) of the map.
func (u *ui) actualSize() {
	u.setZoom(1)
	u.board.scrollToOffset(fyne.Position{})
}

// fitMap is Ctrl+1 and the toolbar's Fit: the whole map in the view, from its start.
func (u *ui) fitMap() {
	u.setZoom(u.board.fitZoom())
	u.board.scrollToOffset(fyne.Position{})
}
