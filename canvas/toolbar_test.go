package canvas

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// toolbarButtons returns the toolbar's buttons as drawn, in order.
func toolbarButtons(t *testing.T, u *ui) []*widget.Button {
	t.Helper()
	var out []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b)
			return
		}
		if b, ok := o.(*toolButton); ok {
			out = append(out, &b.Button)
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(w).Objects() {
				walk(k)
			}
		}
	}
	walk(u.toolbar)
	return out
}

// TestToolbarZoomAndUndo clicks the toolbar's zoom buttons and its undo button, and checks
// the board, the zoom label and the file.
func TestToolbarZoomAndUndo(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("en"))
	btns := toolbarButtons(t, u)
	var zoomIn, undo *widget.Button
	for _, b := range btns {
		if b.Icon == nil {
			continue // a button with words
		}
		switch b.Icon.Name() {
		case "foreground_view-zoom-in.svg":
			zoomIn = b
		case "foreground_content-undo.svg":
			undo = b
		}
	}
	if zoomIn == nil || undo == nil || len(btns) < 12 {
		t.Fatalf("toolbar has %d buttons; zoom in %v, undo %v", len(btns), zoomIn != nil, undo != nil)
	}
	test.Tap(zoomIn)
	if u.board.zoom != 1.25 || u.zoomLbl.Text != "125 %" {
		t.Fatalf("after zoom in: zoom %v, label %q", u.board.zoom, u.zoomLbl.Text)
	}
	before := len(reloadMap(t, u).Stages)
	u.addStage()
	if n := len(reloadMap(t, u).Stages); n != before+1 {
		t.Fatalf("add stage: %d stages, want %d", n, before+1)
	}
	test.Tap(undo)
	if n := len(reloadMap(t, u).Stages); n != before || len(u.board.lay.Stages) != before {
		t.Fatalf("undo from the toolbar: %d stages in the file, %d on the board, want %d", n, len(u.board.lay.Stages), before)
	}
}
