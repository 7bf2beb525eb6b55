// Package assets embeds the files the app and the exporter share: the Noto Sans fonts (full
// Vietnamese coverage), used by the Fyne theme on screen and by gg in the PNG export, so text
// looks the same in both.
package assets

import _ "embed"

// FontRegular is Noto Sans Regular (TTF).
//
//go:embed NotoSans-Regular.ttf
var FontRegular []byte

// FontBold is Noto Sans Bold (TTF).
//
//go:embed NotoSans-Bold.ttf
var FontBold []byte
