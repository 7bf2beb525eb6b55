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
	return theme.DefaultTheme().Color(n, t.variant(v))
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
