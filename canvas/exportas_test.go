package canvas

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
	"journeycanvas/data/interchange"
)

// labelsIn gathers the text of every label under o.
func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *widget.Label:
		out = append(out, v.Text)
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, labelsIn(c)...)
		}
	case fyne.Widget:
		r := v.CreateRenderer()
		for _, c := range r.Objects() {
			out = append(out, labelsIn(c)...)
		}
	}
	return out
}

// File › Export as…: the user picks a format, reads what it cannot carry of the map, and
// exports; the file is written (an existing one replaced) and the notice names it and the
// losses again.
func TestExportAs(t *testing.T) {
	u, w := newTestUI(t, data.SampleMap("vi"))
	f := u.openExportAs()
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
	if !strings.Contains(f.losses.Text, "OpenJourney (.ojf) keeps everything") {
		t.Errorf("OJF: %q", f.losses.Text)
	}
	f.format.SetSelected("Mermaid journey (.mmd)")
	if f.chosen.Name != "mermaid" || !strings.Contains(f.losses.Text, "Mermaid journey (.mmd) cannot carry:") ||
		!strings.Contains(f.losses.Text, "each stage's cards follow one another") || !strings.Contains(f.losses.Text, "the persona") {
		t.Fatalf("Mermaid: %q", f.losses.Text)
	}
	if dialogText := strings.Join(labelsIn(w.Canvas().Overlays().Top()), "\n"); !strings.Contains(dialogText, "the persona") {
		t.Errorf("the dialog shows %q", dialogText)
	}
	if p := os.Getenv("JC_CAPTURE"); p != "" {
		writePNG(t, p, w.Canvas().Capture())
	}
	out := filepath.Join(t.TempDir(), "map.mmd")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	u.runExportAs(out, u.m, f.chosen, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "journey\n    title "+u.m.Title+"\n") {
		t.Fatalf("wrote %q (%v)", b, err)
	}
	if u.msg.d == nil {
		t.Fatal("no notice")
	}
	notice := strings.Join(labelsIn(w.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(notice, out) || !strings.Contains(notice, "cannot carry") {
		t.Errorf("notice %q", notice)
	}

	// A folder cannot be replaced: refused with a message, nothing written.
	dir := t.TempDir()
	xlsx, _ := interchange.FormatNamed("xlsx")
	u.runExportAs(dir, u.m, xlsx, func(err error) { done <- err })
	if err := <-done; err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("exporting onto a folder: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %v in the folder", entries)
	}
}

// The map's own notes, where an imported file's fields without a home are kept, show in the
// map's inspector and can be edited there.
func TestInspectorMapNotes(t *testing.T) {
	m, _, err := interchange.ReadFile("../data/interchange/testdata/ecommerce.ojf")
	if err != nil {
		t.Fatal(err)
	}
	u, w := newTestUI(t, m)
	u.board.setSelection(selection{})
	in := u.insp
	notes, ok := in.fields["Notes"].(*field)
	if in.title != "Map" || !ok || !strings.Contains(notes.Text, "exportedBy: OpenJourney editor 2.3") {
		t.Fatalf("inspector %q, notes field %v", in.title, in.fields["Notes"])
	}
	typeIn(w, notes, "Reviewed with the CRM team")
	if got := reloadMap(t, u).Notes; got != "Reviewed with the CRM team" {
		t.Fatalf("notes after the edit %q", got)
	}
}
