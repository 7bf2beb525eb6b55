package canvas

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"journeycanvas/assets"
	"journeycanvas/canvas/geometry"
)

// Theme modes the user can pick in the View menu.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

var (
	fontRegular = fyne.NewStaticResource("NotoSans-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSans-Bold.ttf", assets.FontBold)
)

// appTheme is Fyne's default theme with the embedded Noto Sans (the font the geometry measures
// and the export draws) and a light/dark choice that can override the system's.
type appTheme struct {
	mode string // themeSystem, themeLight or themeDark
}

func (t *appTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	if n == theme.ColorNameDisabled {
		// Fyne's disabled text is all but invisible (#39393a on #171717 in the dark variant):
		// a read-only workspace's inspector must stay readable. These greys are dimmer than
		// the text, and still 4.5:1 against the background.
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x8c, G: 0x8c, B: 0x90, A: 0xff}
		}
		return color.NRGBA{R: 0x74, G: 0x74, B: 0x78, A: 0xff}
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// boardThemeName returns "dark" or "light": the palette the board and export use for the
// theme now showing.
func boardThemeName(a fyne.App, mode string) string {
	switch mode {
	case themeLight, themeDark:
		return mode
	}
	if a != nil && a.Settings().ThemeVariant() == theme.VariantDark {
		return themeDark
	}
	return themeLight
}

// palette returns the geometry palette of a theme name.
func palette(name string) geometry.Palette { return geometry.Theme(name) }
