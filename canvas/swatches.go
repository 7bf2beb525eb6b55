package canvas

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/canvas/geometry"
)

// colourPicker chooses a colour from the named palette with one click, or takes any
// "#RRGGBB" typed (or picked from the full colour dialog). A click saves at once.
type colourPicker struct {
	in       *inspector
	hex      *field
	swatches []*swatch
	chosen   string // set by a click since the last save
	clicked  bool
}

func (in *inspector) colourPicker(val, name string) *colourPicker {
	p := &colourPicker{in: in}
	p.hex = in.text(name, val, false).validated(func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil
		}
		if _, ok := geometry.ParseColour(s); !ok || s[0] != '#' {
			return fmt.Errorf(lang.L("%q is not a colour like #3366cc"), s)
		}
		return nil
	})
	p.hex.SetPlaceHolder(lang.L("#rrggbb or empty"))
	none := newSwatch("", lang.L("No colour"), func() { p.pick("") })
	p.swatches = append(p.swatches, none)
	for _, c := range geometry.CardColours {
		c := c
		p.swatches = append(p.swatches, newSwatch(c.Hex, tr(c.Key), func() { p.pick(c.Hex) }))
	}
	p.mark(val)
	in.colours = p
	return p
}

// pick chooses a colour and saves it.
func (p *colourPicker) pick(hex string) {
	if p.in.readOnly {
		return
	}
	p.chosen, p.clicked = hex, true
	p.in.building = true
	p.hex.SetText(hex)
	p.in.building = false
	p.mark(hex)
	p.in.chose()
}

// value is the colour to save, and whether it changed since the last save.
func (p *colourPicker) value() (string, bool) {
	if p.clicked {
		p.clicked = false
		return p.chosen, true
	}
	if p.hex.dirty && p.hex.valid() {
		v := strings.ToUpper(strings.TrimSpace(p.hex.Text))
		p.mark(v)
		return v, true
	}
	return "", false
}

func (p *colourPicker) mark(hex string) {
	for _, s := range p.swatches {
		s.setChosen(strings.EqualFold(s.hex, strings.TrimSpace(hex)))
	}
}

func (p *colourPicker) content() fyne.CanvasObject {
	row := container.NewGridWrap(fyne.NewSize(26, 26))
	for _, s := range p.swatches {
		row.Add(s)
	}
	more := widget.NewButton("…", func() {
		d := dialog.NewColorPicker(lang.L("Colour"), "", func(c color.Color) {
			n := toNRGBA(c)
			p.pick(fmt.Sprintf("#%02X%02X%02X", n.R, n.G, n.B))
		}, p.in.u.win)
		d.Advanced = true
		if c, ok := geometry.ParseColour(p.hex.Text); ok {
			d.SetColor(c)
		}
		d.Show()
	})
	if p.in.readOnly {
		more.Disable()
	}
	return container.NewVBox(row, container.NewBorder(nil, nil, nil, more, p.hex))
}

// swatch is one colour to click; "" is no colour (drawn crossed out).
type swatch struct {
	widget.BaseWidget
	hex    string
	name   string
	tap    func()
	fill   *canvas.Rectangle
	ring   *canvas.Rectangle
	cross  *canvas.Line
	chosen bool
}

func newSwatch(hex, name string, tap func()) *swatch {
	s := &swatch{hex: hex, name: name, tap: tap}
	s.fill = canvas.NewRectangle(color.White)
	s.fill.CornerRadius = 11
	s.fill.StrokeWidth = 1
	s.fill.StrokeColor = color.NRGBA{0x86, 0x8E, 0x96, 0xFF}
	if c, ok := geometry.ParseColour(hex); ok {
		s.fill.FillColor = c
	}
	s.ring = canvas.NewRectangle(color.Transparent)
	s.ring.CornerRadius = 13
	s.cross = canvas.NewLine(color.NRGBA{0xE0, 0x31, 0x31, 0xFF})
	s.cross.StrokeWidth = 2
	if hex != "" {
		s.cross.Hide()
	}
	s.ExtendBaseWidget(s)
	return s
}

func (s *swatch) setChosen(on bool) {
	s.chosen = on
	if on {
		s.ring.StrokeColor = theme.Color(theme.ColorNamePrimary)
		s.ring.StrokeWidth = 2
	} else {
		s.ring.StrokeColor = color.Transparent
		s.ring.StrokeWidth = 0
	}
	s.ring.Refresh()
}

// Tapped chooses the colour.
func (s *swatch) Tapped(*fyne.PointEvent) { s.tap() }

func (s *swatch) CreateRenderer() fyne.WidgetRenderer {
	return &swatchRenderer{s: s}
}

type swatchRenderer struct{ s *swatch }

func (r *swatchRenderer) Layout(size fyne.Size) {
	r.s.ring.Resize(size)
	r.s.fill.Move(fyne.NewPos(3, 3))
	r.s.fill.Resize(fyne.NewSize(size.Width-6, size.Height-6))
	r.s.cross.Position1 = fyne.NewPos(7, size.Height-7)
	r.s.cross.Position2 = fyne.NewPos(size.Width-7, 7)
}
func (r *swatchRenderer) MinSize() fyne.Size { return fyne.NewSize(26, 26) }
func (r *swatchRenderer) Refresh() {
	r.s.fill.Refresh()
	r.s.ring.Refresh()
	r.s.cross.Refresh()
}
func (r *swatchRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.s.ring, r.s.fill, r.s.cross}
}
func (r *swatchRenderer) Destroy() {}
