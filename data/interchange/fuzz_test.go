package interchange

import (
	"bytes"
	"errors"
	"testing"

	"journeycanvas/data"
)

// The fuzz targets feed any bytes to a reader. A reader must not panic; it either refuses the
// input with a *ParseError or returns a map that keeps the contract (checkMap) and survives
// the native format unchanged: write → read → write gives the same bytes.
// Seeds live in testdata/fuzz/FuzzXxx; plain `go test` runs them.

func FuzzReadJSON(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadJSON(bytes.NewReader(b), "fuzz.json")
		checkResult(t, m, err)
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := ReadCSV(bytes.NewReader(b), "fuzz.csv")
		checkResult(t, m, err)
	})
}

func FuzzReadOJF(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := ReadOJF(bytes.NewReader(b), "fuzz.ojf")
		checkResult(t, m, err)
	})
}

func FuzzReadMermaid(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := ReadMermaid(bytes.NewReader(b), "fuzz.mmd")
		checkResult(t, m, err)
	})
}

func checkResult(t *testing.T, m *data.Map, err error) {
	t.Helper()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) || pe.File == "" || pe.Msg == "" {
			t.Fatalf("error %v (%T) is not a full *ParseError", err, err)
		}
		if m != nil {
			t.Fatal("a map and an error")
		}
		return
	}
	if err := checkMap(m); err != nil {
		t.Fatalf("invalid map: %v", err)
	}
	var first bytes.Buffer
	if err := WriteJSON(&first, m); err != nil {
		t.Fatal(err)
	}
	back, err := ReadJSON(bytes.NewReader(first.Bytes()), "again.json")
	if err != nil {
		t.Fatalf("cannot read back what WriteJSON wrote: %v\n%s", err, first.Bytes())
	}
	var second bytes.Buffer
	if err := WriteJSON(&second, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatalf("write → read → write differs:\n%s\n---\n%s", first.Bytes(), second.Bytes())
	}
}
