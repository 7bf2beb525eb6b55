// Package assets embeds the files the app and the exporter share: the Noto Sans fonts (full
// Vietnamese coverage), used by the Fyne theme on screen and by gg in the PNG export, so text
// looks the same in both.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"sync"
)

// FontRegular is Noto Sans Regular (TTF).
//
//go:embed NotoSans-Regular.ttf
var FontRegular []byte

// FontBold is Noto Sans Bold (TTF).
//
//go:embed NotoSans-Bold.ttf
var FontBold []byte

// Translations holds the one catalogue per language (translations/en.json, vi.json) of every
// word the user reads: the interface's (loaded into Fyne's lang by the app) and the words
// drawn on maps by the geometry, the board and every export (Word).
//
//go:embed translations/*.json
var Translations embed.FS

var (
	catalogueOnce sync.Once
	catalogues    map[string]map[string]string
)

// Word returns the catalogue's word for key in a language ("vi" or "en"); a language without
// the key falls back to English, and English to the key itself.
func Word(lang, key string) string {
	catalogueOnce.Do(func() {
		catalogues = map[string]map[string]string{}
		for _, l := range []string{"en", "vi"} {
			b, err := Translations.ReadFile("translations/" + l + ".json")
			if err != nil {
				panic(err) // embedded at build time
			}
			m := map[string]string{}
			if err := json.Unmarshal(b, &m); err != nil {
				panic(fmt.Sprintf("translations/%s.json: %v", l, err)) // checked by the tests
			}
			catalogues[l] = m
		}
	})
	if w, ok := catalogues[lang][key]; ok {
		return w
	}
	if w, ok := catalogues["en"][key]; ok {
		return w
	}
	return key
}
