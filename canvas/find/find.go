// Package find matches what the user types in a search field against text the way people
// search Vietnamese and other accented text: accents and case do not count, so "dat hang"
// finds "Đặt hàng" and "NHAN THUC" finds "Nhận thức". It is pure Go (no Fyne).
package find

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s as the matcher compares it: decomposed (NFD), without combining marks
// (unicode.Mn: the accents, the horn of ơ and ư, the breve of ă), đ and Đ as d, in lower
// case. ASCII text is only lowered.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for _, r := range s {
		if int(r) < len(table) {
			sb.WriteString(table[r])
		} else {
			sb.WriteString(foldRune(r))
		}
	}
	return sb.String()
}

// table holds the folding of every rune below U+2000 (Latin, Latin Extended, Vietnamese,
// Greek, Cyrillic and the combining marks), worked out once: folding a rune on its own gives
// the same text as folding it in a string, since decomposition is per rune and the marks
// reordering would move are dropped.
var table = func() (t [0x2000]string) {
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return t
}()

// foldRune folds one rune: its decomposition without combining marks, đ as d, lower case.
func foldRune(r rune) string {
	var sb strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, d):
			continue
		case d == 'đ' || d == 'Đ':
			d = 'd'
		default:
			d = unicode.ToLower(d)
		}
		sb.WriteRune(d)
	}
	return sb.String()
}

// Query is a parsed search: the folded words the user typed. The zero Query is empty and
// matches nothing.
type Query struct {
	words []string
}

// Parse folds a query and splits it into words at white space.
func Parse(q string) Query {
	return Query{words: strings.Fields(Fold(q))}
}

// Empty reports whether the query has no words.
func (q Query) Empty() bool { return len(q.words) == 0 }

// Words returns the folded words of the query.
func (q Query) Words() []string { return append([]string(nil), q.words...) }

// Match reports whether every word of the query occurs in folded (text already passed through
// Fold). An empty query matches nothing.
func (q Query) Match(folded string) bool {
	if len(q.words) == 0 {
		return false
	}
	for _, w := range q.words {
		if !strings.Contains(folded, w) {
			return false
		}
	}
	return true
}

// MatchText folds text and reports whether every word of the query occurs in it.
func (q Query) MatchText(text string) bool { return q.Match(Fold(text)) }

// Join folds several fields into one text for Match, each field apart from the others, so a
// word of the query cannot run from the end of one field into the next.
func Join(fields ...string) string {
	var sb strings.Builder
	for i, f := range fields {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(Fold(f))
	}
	return sb.String()
}
