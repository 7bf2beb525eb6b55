package canvas

import (
	"image"
	"strings"
	"sync"

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

// previews holds the rendered thumbnail of each template in each language, made once.
var previews struct {
	sync.Mutex
	m map[string]image.Image
}

// templatePreview returns the thumbnail of a template in lang, drawing it the first time (the
// same drawing as an export, 480 px wide).
func templatePreview(t data.Template, lang string) image.Image {
	key := t.ID + "/" + lang
	previews.Lock()
	img, ok := previews.m[key]
	previews.Unlock()
	if ok {
		return img
	}
	r, err := export.Render(t.Build(lang), export.Options{Width: 480, Lang: lang})
	if err != nil {
		return nil
	}
	previews.Lock()
	if previews.m == nil {
		previews.m = map[string]image.Image{}
	}
	previews.m[key] = r
	previews.Unlock()
	return r
}

// gallery is the "New map" dialog: every template with a preview, its name and what it is
// for, in the chosen language.
type gallery struct {
	u      *ui
	grid   *widget.GridWrap
	lang   *widget.RadioGroup
	title  *widget.Entry
	chosen int
	imgs   map[int]*canvas.Image
}

func (g *gallery) langCode() string {
	if g.lang.Selected == "Tiếng Việt" {
		return "vi"
	}
	return "en"
}

// newGallery builds the gallery's content; the previews are drawn off the UI thread.
func (u *ui) newGallery() *gallery {
	g := &gallery{u: u, imgs: map[int]*canvas.Image{}}
	g.title = widget.NewEntry()
	g.title.SetPlaceHolder(lang.L("Title (optional)"))
	g.lang = widget.NewRadioGroup([]string{"English", "Tiếng Việt"}, func(string) {
		if g.grid != nil {
			g.grid.Refresh()
			g.drawPreviews()
		}
	})
	g.lang.Horizontal = true
	if uiLang() == "vi" {
		g.lang.SetSelected("Tiếng Việt")
	} else {
		g.lang.SetSelected("English")
	}
	g.grid = widget.NewGridWrap(func() int { return len(data.Templates) },
		func() fyne.CanvasObject {
			img := canvas.NewImageFromImage(nil)
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(fyne.NewSize(240, 130))
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			desc := widget.NewLabel("")
			desc.Wrapping = fyne.TextWrapWord
			desc.SizeName = theme.SizeNameCaptionText
			return container.NewBorder(img, nil, nil, nil, container.NewVBox(name, container.NewGridWrap(fyne.NewSize(240, 56), desc)))
		},
		func(i widget.GridWrapItemID, o fyne.CanvasObject) {
			t := data.Templates[i]
			b := o.(*fyne.Container)
			img := b.Objects[1].(*canvas.Image)
			texts := b.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(t.NameIn(g.langCode()))
			texts.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(t.DescriptionIn(g.langCode()))
			g.imgs[i] = img
			previews.Lock()
			img.Image = previews.m[t.ID+"/"+g.langCode()]
			previews.Unlock()
			img.Refresh()
		})
	g.grid.OnSelected = func(i widget.GridWrapItemID) { g.chosen = i }
	g.grid.Select(0)
	g.drawPreviews()
	return g
}

// drawPreviews renders the thumbnails of the chosen language in the background and shows
// each as it is ready.
func (g *gallery) drawPreviews() {
	code := g.langCode()
	go func() {
		for i, t := range data.Templates {
			img := templatePreview(t, code)
			i := i
			fyne.Do(func() {
				if g.langCode() != code {
					return
				}
				if c := g.imgs[i]; c != nil && c.Image != img {
					c.Image = img
					c.Refresh()
				}
			})
		}
	}()
}

// create makes the chosen template into a new map of the workspace and opens it.
func (g *gallery) create() {
	g.u.side.create(strings.TrimSpace(g.title.Text), g.chosen, g.langCode())
}

// galleryDialog is Map › New map… and the list's +: choose a template, its language and
// optionally a title.
func (u *ui) galleryDialog() {
	if u.st.ReadOnly() {
		u.refuseReadOnly()
		return
	}
	g := u.newGallery()
	top := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Language")), nil, g.lang)
	content := container.NewBorder(container.NewVBox(top, g.title), nil, nil, nil, g.grid)
	d := dialog.NewCustomConfirm(lang.L("New map"), lang.L("Create"), lang.L("Cancel"), content, func(ok bool) {
		if ok {
			g.create()
		}
	}, u.win)
	d.Resize(fyne.NewSize(860, 640))
	d.Show()
}
