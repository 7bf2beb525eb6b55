package canvas

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
	"journeycanvas/export"
)

// presentation is the window while a map is presented: full screen, no menus, panels or
// toolbar, one slide at a time: each stage in context (the others dimmed, the curve drawn
// up to it, its pain points and opportunities called out in large type), then the whole map
// with the lowest points of the curve. The slides are drawn by export.RenderSlide, the
// routine of `export --per-stage`, so the deck and the room see the same thing.
type presentation struct {
	u    *ui
	m    *data.Map
	step int
	img  *canvas.Image
	bg   *canvas.Rectangle
	view *presentView
	// what the window was, to put back on leaving
	content    fyne.CanvasObject
	menu       *fyne.MainMenu
	fullScreen bool
	// slides drawn so far, by step, for the size they were drawn at
	cache     map[int]image.Image
	cacheSize fyne.Size
}

// presentView fills the window with the current slide: a click steps forward, a right
// click steps back.
type presentView struct {
	widget.BaseWidget
	p *presentation
}

func (v *presentView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(v.p.bg, v.p.img))
}

// Tapped steps forward.
func (v *presentView) Tapped(*fyne.PointEvent) { v.p.go2(v.p.step + 1) }

// TappedSecondary steps back.
func (v *presentView) TappedSecondary(*fyne.PointEvent) { v.p.go2(v.p.step - 1) }

// Resize draws the slide again for the new size.
func (v *presentView) Resize(s fyne.Size) {
	v.BaseWidget.Resize(s)
	if v.p != nil && v.p.u.presenting {
		v.p.show()
	}
}

// present enters presentation mode on the shown map, or leaves it.
func (u *ui) present() {
	u.flush()
	if u.presenting {
		u.leavePresentation()
		return
	}
	if u.m == nil || len(u.m.Stages) == 0 {
		return
	}
	u.board.commitTitle()
	u.board.cancelDrag()
	u.hideMessage() // nothing stays on top of the slides
	p := &presentation{u: u, m: u.m, content: u.win.Content(), menu: u.win.MainMenu(),
		fullScreen: u.win.FullScreen(), cache: map[int]image.Image{}}
	p.bg = canvas.NewRectangle(color.Black)
	p.img = canvas.NewImageFromImage(nil)
	p.img.FillMode = canvas.ImageFillContain
	p.img.ScaleMode = canvas.ImageScaleSmooth
	p.view = &presentView{p: p}
	p.view.ExtendBaseWidget(p.view)
	u.pres = p
	u.presenting = true
	u.win.SetMainMenu(nil)
	u.win.SetContent(p.view)
	u.win.SetFullScreen(true)
	p.show()
}

// leavePresentation puts the window back as it was: content, menus, full screen or not;
// the board, its zoom, scroll and selection were never touched.
func (u *ui) leavePresentation() {
	p := u.pres
	u.presenting = false
	u.pres = nil
	if p == nil {
		return
	}
	u.win.SetFullScreen(p.fullScreen)
	u.win.SetMainMenu(p.menu)
	u.win.SetContent(p.content)
	u.flushMessage() // an export that finished meanwhile
}

// presentKey handles a key while presenting: → Space ↓ PageDown forward, ← ↑ PageUp
// Backspace back, Home and End to the first and last step, Esc and F5 leave.
func (u *ui) presentKey(k fyne.KeyName) {
	p := u.pres
	if p == nil {
		return
	}
	switch k {
	case fyne.KeyRight, fyne.KeySpace, fyne.KeyDown, fyne.KeyPageDown, fyne.KeyReturn, fyne.KeyEnter:
		p.go2(p.step + 1)
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyBackspace:
		p.go2(p.step - 1)
	case fyne.KeyHome:
		p.go2(0)
	case fyne.KeyEnd:
		p.go2(export.SlideCount(p.m) - 1)
	case fyne.KeyEscape, fyne.KeyF5:
		u.leavePresentation()
	}
}

// go2 shows step i, kept within the steps.
func (p *presentation) go2(i int) {
	i = max(0, min(i, export.SlideCount(p.m)-1))
	if i == p.step && p.img.Image != nil {
		return
	}
	p.step = i
	p.show()
}

// show draws the current step for the window's size in device pixels (drawn once per step
// and size).
func (p *presentation) show() {
	c := p.u.win.Canvas()
	size := c.Size()
	if size.Width < 16 || size.Height < 16 {
		size = fyne.NewSize(1280, 720)
	}
	if size != p.cacheSize {
		p.cache = map[int]image.Image{}
		p.cacheSize = size
	}
	img, ok := p.cache[p.step]
	if !ok {
		sc := c.Scale()
		if sc <= 0 {
			sc = 1
		}
		w, h := int(float32(size.Width)*sc+0.5), int(float32(size.Height)*sc+0.5)
		r, err := export.RenderSlide(p.m, p.step, export.SlideOptions{Width: w, Height: h,
			Theme: p.u.board.theme, Compare: p.u.board.compareMap()})
		if err != nil {
			p.u.showError(err)
			return
		}
		img = r
		p.cache[p.step] = img
	}
	p.bg.FillColor = img.At(0, 0)
	p.bg.Refresh()
	p.img.Image = img
	p.img.Refresh()
}
