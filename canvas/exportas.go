package canvas

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
	"journeycanvas/data/interchange"
	"journeycanvas/export"
)

// exportAsForm is the content of File › Export as…: the format, and what it cannot carry of
// the map on the board.
type exportAsForm struct {
	m      *data.Map
	format *widget.Select
	losses *widget.Label
	chosen interchange.Format
}

func (u *ui) newExportAsForm() *exportAsForm {
	f := &exportAsForm{m: u.m, losses: widget.NewLabel("")}
	f.losses.Wrapping = fyne.TextWrapWord
	var labels []string
	for _, fm := range interchange.Formats {
		labels = append(labels, fm.LabelIn(uiLang()))
	}
	f.format = widget.NewSelect(labels, func(s string) {
		for i, l := range labels {
			if l == s {
				f.chosen = interchange.Formats[i]
			}
		}
		f.losses.SetText(lossText(f.chosen, f.m))
	})
	f.format.SetSelectedIndex(0)
	return f
}

// lossText says in the interface's language what format cannot carry of m, one line each.
func lossText(format interchange.Format, m *data.Map) string {
	ls := format.Losses(m)
	if len(ls) == 0 {
		return fmt.Sprintf(lang.L("%s keeps everything on this map."), format.LabelIn(uiLang()))
	}
	lines := []string{fmt.Sprintf(lang.L("%s cannot carry:"), format.LabelIn(uiLang()))}
	for _, l := range ls {
		lines = append(lines, "• "+l.Text(uiLang()))
	}
	return strings.Join(lines, "\n")
}

// exportAsDialog is File › Export as…: the map in another tool's format (OJF, Mermaid, CSV,
// XLSX) or the native JSON, saying first what the format cannot carry of it.
func (u *ui) exportAsDialog() { u.openExportAs() }

// openExportAs shows File › Export as… and returns its form (nil without a map).
func (u *ui) openExportAs() *exportAsForm {
	u.flush()
	if u.m == nil {
		return nil
	}
	f := u.newExportAsForm()
	form := widget.NewForm(widget.NewFormItem(lang.L("Format"), f.format))
	content := container.NewBorder(form, nil, nil, nil, container.NewVScroll(f.losses))
	d := dialog.NewCustomConfirm(lang.L("Export as"), lang.L("Export…"), lang.L("Cancel"), content, func(ok bool) {
		if ok {
			u.askExportAsPath(f.m, f.chosen)
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 360))
	d.Show()
	return f
}

// askExportAsPath asks where the file goes, then writes it.
func (u *ui) askExportAsPath(m *data.Map, format interchange.Format) {
	u.askSavePath(safeName(m.Title)+format.Ext, format.Ext, func(path string) { u.runExportAs(path, m, format, nil) })
}

// runExportAs writes m in format to path off the UI thread (an existing file is replaced
// whole or not at all), then says where it went and what the format could not carry, or
// what went wrong. done, when set, is called on the UI thread at the end (for tests).
func (u *ui) runExportAs(path string, m *data.Map, format interchange.Format, done func(error)) {
	go func() {
		err := export.WriteFile(path, func(w io.Writer) error { return format.Write(w, m) })
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
			} else {
				msg := fmt.Sprintf(lang.L("The map was exported to %s"), path)
				if len(format.Losses(m)) > 0 {
					msg += "\n\n" + lossText(format, m)
				}
				u.showMessage(lang.L("Exported"), msg)
			}
			if done != nil {
				done(err)
			}
		})
	}()
}
