package geometry

import "strings"

// NamedColour is a colour of the card palette: a catalogue key for its name and its hex value.
type NamedColour struct{ Key, Hex string }

// CardColours are the named colours offered for cards and stages; a card may still carry any
// other "#RRGGBB".
var CardColours = []NamedColour{
	{"colour.yellow", "#FFD43B"}, {"colour.orange", "#FF922B"}, {"colour.red", "#FF6B6B"},
	{"colour.pink", "#F783AC"}, {"colour.purple", "#9775FA"}, {"colour.blue", "#4DABF7"},
	{"colour.teal", "#38D9A9"}, {"colour.green", "#69DB7C"}, {"colour.grey", "#ADB5BD"},
}

// ColourName finds the named colour of a stored hex value, ignoring case.
func ColourName(hex string) (key string, ok bool) {
	for _, c := range CardColours {
		if strings.EqualFold(c.Hex, strings.TrimSpace(hex)) {
			return c.Key, true
		}
	}
	return "", false
}
