package localeenv

import (
	"os"
	"testing"
)

// TestKeepCharset: the language reads as C, the character type stays UTF-8 (the input
// method's Vietnamese letters need it).
func TestKeepCharset(t *testing.T) {
	for _, c := range []struct {
		k, v, base                   string
		ctype, lcAll, messages, lang string
	}{
		{"LC_ALL", "C.UTF-8", "C", "C.UTF-8", "", "C", "C"},
		{"LANG", "C.UTF-8", "C", "C.UTF-8", "", "", "C"},
		{"LANG", "POSIX.utf8", "POSIX", "POSIX.utf8", "", "", "POSIX"},
	} {
		for _, e := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LC_CTYPE"} {
			t.Setenv(e, "")
			os.Unsetenv(e)
		}
		os.Setenv(c.k, c.v)
		keepCharset(c.k, c.v, c.base)
		got := []string{os.Getenv("LC_CTYPE"), os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG")}
		want := []string{c.ctype, c.lcAll, c.messages, c.lang}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s=%s: LC_CTYPE, LC_ALL, LC_MESSAGES, LANG are %q, want %q", c.k, c.v, got, want)
				break
			}
		}
	}
}
