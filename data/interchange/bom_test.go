package interchange

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestByteOrderMark reads JSON and OJF files that start with a UTF-8 byte-order mark, as
// Windows editors save them: the mark is skipped, the map is the same as without it, and a
// fault after it is still reported at the right line and path.
func TestByteOrderMark(t *testing.T) {
	bom := []byte("\uFEFF")
	dir := t.TempDir()
	for _, src := range []string{"testdata/sample.json", "testdata/ecommerce.ojf"} {
		plain, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		withBOM := filepath.Join(dir, "bom"+filepath.Ext(src))
		if err := os.WriteFile(withBOM, append(append([]byte{}, bom...), plain...), 0o644); err != nil {
			t.Fatal(err)
		}
		want, _, err := ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := ReadFile(withBOM)
		if err != nil {
			t.Fatalf("%s with a byte-order mark: %v", src, err)
		}
		want.Title, got.Title = "", ""
		if a, b := writeJSON(t, want), writeJSON(t, got); !bytes.Equal(a, b) {
			t.Fatalf("%s: the map read with a byte-order mark differs:\n%s\n---\n%s", src, b, a)
		}
	}
	bad := append(append([]byte{}, bom...), "{\n  \"format\": \"journeycanvas-map\",\n  \"version\": 1,\n  \"title\": 7\n}"...)
	_, err := ReadJSON(bytes.NewReader(bad), "bad.json")
	wantParseError(t, err, 0, "title", "expected a string")
	broken := append(append([]byte{}, bom...), "{\n  \"format\": \"journeycanvas-map\",\n  \"version\" 1\n}"...)
	_, err = ReadJSON(bytes.NewReader(broken), "broken.json")
	wantParseError(t, err, 3, "", "not valid JSON")
}
