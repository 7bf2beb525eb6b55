package canvas

import (
	"errors"
	"fmt"
	"image"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
	"journeycanvas/export"
)

// exportChoice is what the export dialog's options say.
type exportChoice struct {
	opt      export.Options
	perStage bool
	format   string               // "png", "pdf" or "svg"
	vec      export.VectorOptions // for PDF and SVG
}

// exportForm is File › Export PNG, PDF or SVG…: the options, a preview, and the size the file will have.
type exportForm struct {
	u       *ui
	m       *data.Map
	from    *widget.Select
	to      *widget.Select
	size    *widget.RadioGroup
	width   *widget.Entry
	theme   *widget.RadioGroup
	transp  *widget.Check
	notes   *widget.Check // the comment badges on cards
	slides  *widget.Check
	format  *widget.RadioGroup // PNG, PDF, SVG
	paper   *widget.Select     // the size of the map, or a paper
	landsc  *widget.Check
	tiles   *widget.Select // no tiles, or the paper to tile on
	info    *widget.Label
	preview *canvas.Image
	gen     int // the preview being drawn; older ones are dropped
	shown   int // the preview and size shown are those of this generation
	ok      bool
}

const (
	size1x, size2x, size4x = "1×", "2×", "4×"
)

// newExportForm builds the dialog's options for the shown map, set as last time: the whole
// map, 2×, the board's theme.
func (u *ui) newExportForm() *exportForm {
	f := &exportForm{u: u, m: u.m}
	var names []string
	for i, st := range u.m.Stages {
		names = append(names, fmt.Sprintf("%d. %s", i+1, st.Name))
	}
	f.from = widget.NewSelect(names, nil)
	f.to = widget.NewSelect(names, nil)
	if len(names) > 0 {
		f.from.SetSelectedIndex(0)
		f.to.SetSelectedIndex(len(names) - 1)
	}
	f.size = widget.NewRadioGroup([]string{size1x, size2x, size4x, lang.L("Width in pixels")}, nil)
	f.size.Horizontal = true
	f.size.SetSelected(size2x)
	f.width = widget.NewEntry()
	f.width.SetPlaceHolder("2400")
	f.theme = widget.NewRadioGroup([]string{lang.L("Light"), lang.L("Dark")}, nil)
	f.theme.Horizontal = true
	if u.board.theme == themeDark {
		f.theme.SetSelected(lang.L("Dark"))
	} else {
		f.theme.SetSelected(lang.L("Light"))
	}
	f.transp = widget.NewCheck(lang.L("Transparent background"), nil)
	f.notes = widget.NewCheck(lang.L("Comment counts on cards"), nil)
	f.slides = widget.NewCheck(lang.L("One slide per stage (16:9), into a folder"), nil)
	f.format = widget.NewRadioGroup([]string{"PNG", "PDF", "SVG"}, nil)
	f.format.Horizontal = true
	f.format.SetSelected("PNG")
	f.paper = widget.NewSelect(append([]string{lang.L("Size of the map")}, export.PaperNames...), nil)
	f.paper.SetSelectedIndex(0)
	f.landsc = widget.NewCheck(lang.L("Landscape"), nil)
	f.tiles = widget.NewSelect(append([]string{lang.L("No tiles")}, export.PaperNames...), nil)
	f.tiles.SetSelectedIndex(0)
	f.info = widget.NewLabel("")
	f.info.Wrapping = fyne.TextWrapWord
	f.preview = canvas.NewImageFromImage(nil)
	f.preview.FillMode = canvas.ImageFillContain
	f.preview.SetMinSize(fyne.NewSize(440, 260))
	changed := func() { f.update() }
	f.from.OnChanged = func(string) { changed() }
	f.to.OnChanged = func(string) { changed() }
	f.size.OnChanged = func(string) { changed() }
	f.width.OnChanged = func(string) { changed() }
	f.theme.OnChanged = func(string) { changed() }
	f.transp.OnChanged = func(bool) { changed() }
	f.notes.OnChanged = func(bool) { changed() }
	f.slides.OnChanged = func(bool) { changed() }
	f.format.OnChanged = func(string) { changed() }
	f.paper.OnChanged = func(string) { changed() }
	f.landsc.OnChanged = func(bool) { changed() }
	f.tiles.OnChanged = func(string) { changed() }
	return f
}

// choice reads the options; an error names the option at fault.
func (f *exportForm) choice() (exportChoice, error) {
	var c exportChoice
	c.perStage = f.slides.Checked
	c.opt.Theme = "light"
	if f.theme.Selected == lang.L("Dark") {
		c.opt.Theme = "dark"
	}
	c.opt.Transparent = f.transp.Checked
	c.opt.Comments = f.notes.Checked
	c.opt.Compare = f.u.board.compareMap()
	switch f.size.Selected {
	case size1x:
		c.opt.Scale = 1
	case size4x:
		c.opt.Scale = 4
	case size2x, "":
		c.opt.Scale = 2
	default:
		w, err := strconv.Atoi(strings.TrimSpace(f.width.Text))
		if err != nil || w < 100 {
			return c, errors.New(lang.L("Give a width of at least 100 pixels."))
		}
		c.opt.Width = w
	}
	from, to := f.from.SelectedIndex(), f.to.SelectedIndex()
	if from > to {
		return c, errors.New(lang.L("The first stage comes after the last one."))
	}
	if from > 0 || to < len(f.m.Stages)-1 {
		c.opt.StageFrom, c.opt.StageTo = from+1, to+1
	}
	c.format = strings.ToLower(f.format.Selected)
	if c.format == "pdf" || c.format == "svg" {
		// A deck is a PDF of 16:9 pages; an SVG is one page, without tiles.
		c.perStage = c.perStage && c.format == "pdf"
		c.vec = export.VectorOptions{Options: c.opt, Format: c.format, PerStage: c.perStage}
		c.vec.Scale, c.vec.Width = 0, 0
		if i := f.paper.SelectedIndex(); i > 0 && !c.perStage {
			c.vec.Paper, c.vec.Landscape = export.PaperNames[i-1], f.landsc.Checked
		}
		if i := f.tiles.SelectedIndex(); i > 0 && !c.perStage && c.format == "pdf" {
			c.vec.Tile, c.vec.Landscape = export.PaperNames[i-1], f.landsc.Checked
		}
		if _, err := export.VectorPages(f.m, c.vec); err != nil {
			return c, err
		}
		return c, nil
	}
	c.format = "png"
	if c.perStage {
		w := 1920
		if c.opt.Width > 0 {
			w = c.opt.Width
		}
		c.opt = export.Options{Theme: c.opt.Theme, Compare: c.opt.Compare, Width: w}
	}
	return c, nil
}

// update checks the options, says what the file will be, and draws a new preview off the
// UI thread.
func (f *exportForm) update() {
	c, err := f.choice()
	vector := f.format.Selected == "PDF" || f.format.Selected == "SVG"
	f.width.Hidden = f.size.Selected != lang.L("Width in pixels") || vector
	f.width.Refresh()
	pdf, svg := f.format.Selected == "PDF", f.format.Selected == "SVG"
	enable(f.size, !vector)
	enable(f.slides, !svg)
	enable(f.paper, vector && !(pdf && f.slides.Checked))
	enable(f.landsc, vector && !(pdf && f.slides.Checked))
	enable(f.tiles, pdf && !f.slides.Checked)
	if err != nil {
		f.ok = false
		f.gen++
		f.shown = f.gen
		f.info.SetText(err.Error())
		return
	}
	f.gen++
	gen := f.gen
	f.ok = false
	m := f.m
	go func() {
		var img image.Image
		var msg string
		var ok bool
		if c.format != "png" {
			// The picture is the PNG's (the same drawing); the words say the pages.
			msg = vectorSummary(m, c.vec)
		}
		if c.perStage {
			r, err := export.RenderSlide(m, min(1, len(m.Stages)-1), export.SlideOptions{Width: 640, Height: 360, Theme: c.opt.Theme, Compare: c.opt.Compare})
			if err != nil {
				msg = err.Error()
			} else {
				img, ok = r, true
				if w := c.opt.Width; c.format == "png" {
					msg = fmt.Sprintf(lang.L("%d slides of %d × %d px"), export.SlideCount(m), w, (w*9+8)/16)
				}
			}
		} else {
			w, h, err := export.Size(m, c.opt)
			if err != nil {
				msg = err.Error()
			} else {
				small := c.opt
				small.Scale, small.Width = 0, min(720, w)
				r, err := export.Render(m, small)
				if err != nil {
					msg = err.Error()
				} else {
					img, ok = r, true
					if c.format == "png" {
						msg = fmt.Sprintf(lang.L("%d × %d px, %d dpi"), w, h, int(math.Round(96*scaleOf(c.opt, w, m))))
					}
				}
			}
		}
		fyne.Do(func() {
			if gen != f.gen {
				return
			}
			f.shown = gen
			f.ok = ok
			f.info.SetText(msg)
			if img != nil {
				f.preview.Image = img
				f.preview.Refresh()
			}
		})
	}()
}

// enable enables or disables a widget.
func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// vectorSummary says the pages a PDF or SVG export will have: how many and their size.
func vectorSummary(m *data.Map, o export.VectorOptions) string {
	pages, err := export.VectorPages(m, o)
	if err != nil {
		return err.Error()
	}
	if len(pages) == 1 {
		return fmt.Sprintf(lang.L("1 page, %.0f × %.0f mm"), pages[0][0], pages[0][1])
	}
	return fmt.Sprintf(lang.L("%d pages, each %.0f × %.0f mm"), len(pages), pages[0][0], pages[0][1])
}

// scaleOf is the device pixels per board unit of an export w pixels wide.
func scaleOf(o export.Options, w int, m *data.Map) float64 {
	if o.Scale > 0 {
		return o.Scale
	}
	one, _, err := export.Size(m, export.Options{Scale: 1, StageFrom: o.StageFrom, StageTo: o.StageTo})
	if err != nil || one == 0 {
		return 1
	}
	return float64(w) / float64(one)
}

// exportDialog is File › Export PNG, PDF or SVG… (Ctrl+E): options and a preview; Export asks where to
// save (a file, or a folder for slides) and exports there off the UI thread.
func (u *ui) exportDialog() {
	u.flush()
	if u.m == nil {
		return
	}
	f := u.newExportForm()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Format"), f.format),
		widget.NewFormItem(lang.L("From stage"), f.from),
		widget.NewFormItem(lang.L("To stage"), f.to),
		widget.NewFormItem(lang.L("Size"), container.NewVBox(f.size, f.width)),
		widget.NewFormItem(lang.L("Theme"), f.theme),
		widget.NewFormItem("", f.transp),
		widget.NewFormItem("", f.notes),
		widget.NewFormItem("", f.slides),
		widget.NewFormItem(lang.L("Paper"), container.NewBorder(nil, nil, nil, f.landsc, f.paper)),
		widget.NewFormItem(lang.L("Tiles"), f.tiles),
	)
	// The preview takes the room the window has beside the form (a 1024-pixel window too); in
	// a window too narrow for both, the sizes stand one under another (Vietnamese words are
	// longer) to leave the preview its room.
	room := func() float32 {
		return u.win.Canvas().Size().Width - form.MinSize().Width - 40*theme.Padding() // the dialog's own margins
	}
	if room() < 200 {
		f.size.Horizontal = false
		f.size.Refresh()
		form.Refresh()
	}
	f.preview.SetMinSize(fyne.NewSize(max(160, min(440, room())), 260))
	content := container.NewBorder(nil, f.info, nil, nil, container.NewHBox(form, f.preview))
	d := dialog.NewCustomConfirm(lang.L("Export PNG, PDF or SVG"), lang.L("Export…"), lang.L("Cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		c, err := f.choice()
		if err != nil {
			u.showError(err)
			return
		}
		u.askExportPath(f.m, c)
	}, u.win)
	f.update()
	d.SetOnClosed(func() { u.dismiss, u.dismissOn = nil, nil })
	d.Show()
	u.dismiss, u.dismissOn = d.Hide, u.win.Canvas().Overlays().Top() // Esc cancels
}

// askExportPath asks where the export goes: a file for one PNG, PDF or SVG (a deck is one
// PDF), a folder for PNG slides.
func (u *ui) askExportPath(m *data.Map, c exportChoice) {
	ext := "." + c.format
	if c.perStage && c.format == "png" {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if dir != nil {
				u.runExport(filepath.Join(dir.Path(), safeName(m.Title)), m, c, nil)
			}
		}, u.win)
		u.startInDocuments(d)
		d.Show()
		return
	}
	u.askSavePath(safeName(m.Title)+ext, ext, func(path string) { u.runExport(path, m, c, nil) })
}

// runExport writes the export to path (a PNG file, or a folder of slides) off the UI
// thread with a progress dialog, then says where it went, or what went wrong (nothing is
// left half-written: the PNG is renamed into place whole). done, when set, is called on the
// UI thread at the end (for tests).
func (u *ui) runExport(path string, m *data.Map, c exportChoice, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(lang.L("Exporting…"), container.NewVBox(widget.NewLabel(filepath.Base(path)), bar), u.win)
	prog.Show()
	go func() {
		var err error
		var msg string
		switch {
		case c.format == "pdf" || c.format == "svg":
			err = export.WriteVector(path, m, c.vec)
			msg = fmt.Sprintf(lang.L("The map was exported to %s"), path)
		case c.perStage:
			var files []string
			so := export.SlideOptions{Theme: c.opt.Theme, Compare: c.opt.Compare, Width: c.opt.Width, Height: (c.opt.Width*9 + 8) / 16}
			files, err = export.WriteSlides(path, m, so)
			msg = fmt.Sprintf(lang.L("%d slides were written to %s"), len(files), path)
		default:
			err = export.WritePNG(path, m, c.opt)
			msg = fmt.Sprintf(lang.L("The map was exported to %s"), path)
		}
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				u.showError(err)
			} else {
				u.showMessage(lang.L("Exported"), msg) // Return closes it; it waits while presenting
			}
			if done != nil {
				done(err)
			}
		})
	}()
}
