package geometry

import (
	"image/color"
	"math"
	"sync"
)

// CardTint holds the colours of a card's face in one theme: the card's own colour turned into
// a sticky-note tint (light theme) or a dark, muted version of it (dark theme), with text
// colours chosen to read on it. A card without a colour gets the theme's plain card colours.
type CardTint struct {
	Fill     color.NRGBA // the face
	Border   color.NRGBA // the outline: a slightly darker (dark theme: lighter) shade of the hue
	Text     color.NRGBA // the title
	Muted    color.NRGBA // notes, channel, metric text
	Chip     color.NRGBA // tag chip fill
	ChipText color.NRGBA // tag chip text
}

// MinContrast is the WCAG contrast ratio every text colour of a CardTint keeps against the
// fill it sits on (AA for normal text).
const MinContrast = 4.5

// Fixed choices of the tints. Fills aim at a relative luminance (light: clearly coloured yet
// light enough for dark text; dark: a little above the plain dark card) by mixing the hue
// into the plain card fill; the mix stays within the bounds so that very light or very dark
// colours still look like a tint rather than the raw colour.
const (
	tintLightL, tintLightMin, tintLightMax = 0.70, 0.22, 0.62
	tintDarkL, tintDarkMin, tintDarkMax    = 0.075, 0.16, 0.45
	mutedContrast                          = 5.0 // muted text keeps a little more than the minimum
)

type tintKey struct {
	dark                           bool
	fill, border, text, muted, col color.NRGBA
	coloured                       bool
}

var tintCache sync.Map // tintKey → CardTint

// CardTint returns the face colours of a card whose colour is hex ("#rrggbb"; "" or anything
// unreadable for none). Results are remembered: a map's cards share a handful of colours.
func (p *Palette) CardTint(hex string) CardTint {
	col, ok := ParseColour(hex)
	k := tintKey{p.Dark, p.CardFill, p.CardBorder, p.Text, p.Muted, col, ok}
	if v, hit := tintCache.Load(k); hit {
		return v.(CardTint)
	}
	t := p.cardTint(col, ok)
	tintCache.Store(k, t)
	return t
}

func (p *Palette) cardTint(col color.NRGBA, coloured bool) CardTint {
	t := CardTint{Fill: p.CardFill, Border: p.CardBorder, Text: p.Text, Muted: p.Muted}
	if coloured {
		if p.Dark {
			t.Fill = mixToLuminance(p.CardFill, col, tintDarkL, tintDarkMin, tintDarkMax)
			t.Border = Mix(t.Fill, col, 0.42)
		} else {
			t.Fill = mixToLuminance(p.CardFill, col, tintLightL, tintLightMin, tintLightMax)
			t.Border = Mix(t.Fill, Mix(col, color.NRGBA{0, 0, 0, 255}, 0.3), 0.5)
		}
		t.Text = readableText(p.Text, t.Fill)
		t.Muted = softest(t.Text, t.Fill, 0.42, mutedContrast)
	}
	switch {
	case coloured && !p.Dark:
		t.Chip = Mix(t.Fill, color.NRGBA{255, 255, 255, 255}, 0.6)
	case p.Dark:
		t.Chip = Mix(t.Fill, t.Text, 0.11)
	default:
		t.Chip = Mix(t.Fill, t.Text, 0.065)
	}
	t.ChipText = softest(readableText(t.Text, t.Chip), t.Chip, 0.3, mutedContrast)
	if Contrast(t.Muted, t.Fill) < MinContrast {
		t.Muted = softest(t.Text, t.Fill, 0.42, mutedContrast)
	}
	return t
}

// mixToLuminance mixes col into base by the amount (within lo..hi) that brings the result's
// relative luminance nearest to target.
func mixToLuminance(base, col color.NRGBA, target, lo, hi float64) color.NRGBA {
	lb, lc := Luminance(base), Luminance(col)
	if (lc-target)*(lb-target) > 0 && math.Abs(lc-target) < math.Abs(lb-target) {
		// Both on the same side of the target and col nearer: mix as much as allowed.
		return Mix(base, col, hi)
	}
	if (lc-target)*(lb-target) > 0 {
		return Mix(base, col, lo)
	}
	a, b := 0.0, 1.0
	for range 14 {
		m := (a + b) / 2
		if (Luminance(Mix(base, col, m))-target)*(lb-target) > 0 {
			a = m
		} else {
			b = m
		}
	}
	return Mix(base, col, math.Max(lo, math.Min(hi, (a+b)/2)))
}

// readableText returns text if it keeps MinContrast on bg, else near-black or near-white,
// whichever reads better.
func readableText(text, bg color.NRGBA) color.NRGBA {
	if Contrast(text, bg) >= MinContrast+0.5 {
		return text
	}
	dark, light := rgb(0x161B22), rgb(0xF8F9FA)
	if Contrast(dark, bg) >= Contrast(light, bg) {
		return dark
	}
	return light
}

// softest moves fg toward bg by at most most, as far as keeps a contrast of want against bg.
func softest(fg, bg color.NRGBA, most, want float64) color.NRGBA {
	if Contrast(fg, bg) < want {
		return fg
	}
	a, b := 0.0, most
	if Contrast(Mix(fg, bg, b), bg) >= want {
		return Mix(fg, bg, b)
	}
	for range 12 {
		m := (a + b) / 2
		if Contrast(Mix(fg, bg, m), bg) >= want {
			a = m
		} else {
			b = m
		}
	}
	return Mix(fg, bg, a)
}

var linear = func() (t [256]float64) {
	for i := range t {
		c := float64(i) / 255
		if c <= 0.04045 {
			t[i] = c / 12.92
		} else {
			t[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return t
}()

// Luminance returns the WCAG relative luminance of an opaque colour: 0 for black, 1 for white.
func Luminance(c color.NRGBA) float64 {
	return 0.2126*linear[c.R] + 0.7152*linear[c.G] + 0.0722*linear[c.B]
}

// Contrast returns the WCAG contrast ratio of two opaque colours, 1 … 21.
func Contrast(a, b color.NRGBA) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
