package canvas

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// overlayTexts is every text shown in the window's top overlay (an open dialog).
func overlayTexts(w fyne.Window) []string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var out []string
	for _, o := range test.LaidOutObjects(top) {
		switch t := o.(type) {
		case *canvas.Text:
			out = append(out, t.Text)
		case *widget.Label:
			out = append(out, t.Text)
		}
	}
	return out
}

// TestFileDialogsStartInDocuments opens each file dialog of the app as a user would (File ›
// Open…, New workspace…, Save a copy…, Import…) in a home whose Documents folder holds a map,
// and checks the dialog lists that folder; once a folder was chosen, dialogs start there.
func TestFileDialogsStartInDocuments(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	docs := filepath.Join(home, "Documents")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "Bản đồ khách hàng.journey"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	u, w := newTestUI(t, nil)
	for _, c := range []struct {
		name string
		open func()
	}{
		{"open", u.openDialog},
		{"new workspace", u.newWorkspace},
		{"save a copy", u.saveCopy},
		{"import", u.importDialog},
	} {
		c.open()
		texts := strings.Join(overlayTexts(w), "|")
		if !strings.Contains(texts, "Bản đồ khách hàng") {
			t.Errorf("%s: the dialog does not list Documents; it shows %q", c.name, texts)
		}
		w.Canvas().Overlays().Top().Hide()
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
	// A folder chosen in a dialog is where the next one starts.
	other := filepath.Join(home, "Khác")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "Hành trình.journey"), nil, 0o644)
	u.app.Preferences().SetString(fyneLastFolder, "file://"+other)
	u.openDialog()
	if texts := strings.Join(overlayTexts(w), "|"); !strings.Contains(texts, "Hành trình") {
		t.Errorf("the dialog does not start in the folder last chosen; it shows %q", texts)
	}
}
