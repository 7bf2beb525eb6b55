package geometry

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestVietnameseCoverage(t *testing.T) {
	runes := []rune{'Ơ', 'ơ', 'Ư', 'ư', 'Đ', 'đ', 'Ă', 'ă', 'Â', 'â', 'Ê', 'ê', 'Ô', 'ô', '…', '“', '”', '·'}
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		runes = append(runes, r)
	}
	for _, bold := range []bool{false, true} {
		for _, r := range runes {
			if !HasGlyph(r, bold) {
				t.Errorf("bold=%v: no glyph for %U %c", bold, r, r)
			}
			if RuneAdvance(r, 13, bold) <= 0 {
				t.Errorf("bold=%v: %U has no advance", bold, r)
			}
		}
	}
}

func TestTextWidthScales(t *testing.T) {
	s := "Quyết định mua hàng"
	a, b := TextWidth(s, 13, false), TextWidth(s, 26, false)
	if a <= 0 || b != 2*a {
		t.Fatalf("width at 13 = %v, at 26 = %v; want exactly double", a, b)
	}
	if TextWidth(s, 13, true) <= a {
		t.Fatal("bold is not wider than regular")
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		width     float64
		max       int
		want      []string
		truncated bool
	}{
		{"empty", "", 100, 0, nil, false},
		{"spaces only", "   ", 100, 0, nil, false},
		{"fits", "Nhận thức", 200, 0, []string{"Nhận thức"}, false},
		{"collapses spaces", "a   b\tc", 200, 0, []string{"a b c"}, false},
		{"hard break", "one\ntwo", 200, 0, []string{"one", "two"}, false},
		{"blank line kept", "one\n\ntwo", 200, 0, []string{"one", "", "two"}, false},
		{"by word", "Thanh toán lỗi lần đầu tiên", 80, 0, []string{"Thanh toán", "lỗi lần đầu", "tiên"}, false},
		{"truncates", "one two three four five six", 40, 2, []string{"one", "two…"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, trunc := Wrap(tt.in, tt.width, 13, false, tt.max)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || trunc != tt.truncated {
				t.Fatalf("Wrap(%q, %v) = %q, %v; want %q, %v", tt.in, tt.width, got, trunc, tt.want, tt.truncated)
			}
			for _, l := range got {
				if w := TextWidth(l, 13, false); w > tt.width {
					t.Errorf("line %q is %v wide, more than %v", l, w, tt.width)
				}
			}
		})
	}
}

func TestWrapLongWordBreaksByRune(t *testing.T) {
	word := strings.Repeat("nghiêng", 12)
	lines, trunc := Wrap(word, 100, 13, false, 0)
	if trunc || len(lines) < 3 {
		t.Fatalf("got %q", lines)
	}
	if strings.Join(lines, "") != word {
		t.Fatalf("runes lost: %q", lines)
	}
	for _, l := range lines {
		if w := TextWidth(l, 13, false); w > 100 {
			t.Errorf("line %q is %v wide", l, w)
		}
	}
	// Too narrow for even one rune: one rune per line, never an empty line or a loop.
	lines, _ = Wrap("ĐĐĐ", 1, 13, true, 0)
	if len(lines) != 3 {
		t.Fatalf("narrow: %q", lines)
	}
}

func TestWrapTruncationFits(t *testing.T) {
	long := strings.Repeat("Khách hàng đọc đánh giá trên trang của cửa hàng. ", 10)
	for _, w := range []float64{60, 120, 180} {
		lines, trunc := Wrap(long, w, 13, false, 3)
		if !trunc || len(lines) != 3 || !strings.HasSuffix(lines[2], Ellipsis) {
			t.Fatalf("width %v: %q %v", w, lines, trunc)
		}
		for _, l := range lines {
			if TextWidth(l, 13, false) > w {
				t.Errorf("line %q overflows %v", l, w)
			}
		}
	}
}

func TestWrapNormalisesToNFC(t *testing.T) {
	nfd := norm.NFD.String("Quyết định")
	if nfd == "Quyết định" {
		t.Fatal("test string did not decompose")
	}
	lines, _ := Wrap(nfd, 500, 13, false, 0)
	if len(lines) != 1 || lines[0] != "Quyết định" {
		t.Fatalf("got %q", lines)
	}
	if utf8.RuneCountInString(lines[0]) != 10 {
		t.Fatal("not composed")
	}
	e, cut := Ellipsize(nfd, 500, 13, false)
	if cut || e != "Quyết định" {
		t.Fatalf("Ellipsize: %q %v", e, cut)
	}
}

func TestEllipsize(t *testing.T) {
	s, cut := Ellipsize("Chương trình khách hàng thân thiết", 90, 11, false)
	if !cut || !strings.HasSuffix(s, Ellipsis) || TextWidth(s, 11, false) > 90 {
		t.Fatalf("%q %v", s, cut)
	}
	if s, cut := Ellipsize("Email", 90, 11, false); cut || s != "Email" {
		t.Fatalf("%q %v", s, cut)
	}
}

func TestInitials(t *testing.T) {
	for in, want := range map[string]string{
		"Chị Hương, 29 tuổi, nhân viên văn phòng": "CH",
		"Alex Tran":     "AT",
		"đức":           "Đ",
		"":              "?",
		"Anna Maria Ng": "AN",
	} {
		if got := Initials(in); got != want {
			t.Errorf("Initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkWrap(b *testing.B) {
	s := "Tìm kiếm và đọc đánh giá trên trang của cửa hàng trước khi quyết định mua"
	for b.Loop() {
		Wrap(s, 180, 13, false, 4)
	}
}
