package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jnode is one value of a decoded JSON document with its path from the root. v is nil, bool,
// json.Number, string, []any or map[string]any; ok is false when the member is absent.
type jnode struct {
	path string
	v    any
	ok   bool
}

// jsonReader walks a decoded document, keeping the first fault found (later calls then do
// nothing useful but do no harm, so a reader checks err only at its milestones).
type jsonReader struct {
	file string
	err  error
}

func (d *jsonReader) fail(path, format string, args ...any) {
	if d.err == nil {
		d.err = &ParseError{File: d.file, Path: path, Msg: fmt.Sprintf(format, args...)}
	}
}

// decodeJSON parses b as one JSON value. Invalid UTF-8 is refused with the path of the string
// that holds it (encoding/json would silently replace it).
func decodeJSON(b []byte, file string) (jnode, error) {
	// Windows editors often save UTF-8 with a byte-order mark; it is not part of the JSON text.
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if !utf8.Valid(b) {
		off := invalidOffset(b)
		return jnode{}, &ParseError{File: file, Line: lineAt(b, off), Path: pathAt(b, off),
			Msg: fmt.Sprintf("invalid UTF-8 text (byte 0x%02x); save the file as UTF-8", b[off])}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return jnode{}, jsonSyntaxError(b, file, err, dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		off := dec.InputOffset()
		return jnode{}, &ParseError{File: file, Line: lineAt(b, int(off)), Msg: "unexpected text after the end of the JSON document"}
	}
	return jnode{v: v, ok: true}, nil
}

func jsonSyntaxError(b []byte, file string, err error, off int64) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		if len(bytes.TrimSpace(b)) == 0 {
			return &ParseError{File: file, Msg: "the file is empty; expected a JSON document"}
		}
		return &ParseError{File: file, Line: lineAt(b, len(b)), Msg: "the JSON document ends too early"}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	return &ParseError{File: file, Line: lineAt(b, int(off)), Msg: "not valid JSON: " + msg}
}

func invalidOffset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineAt is the 1-based line of byte offset off.
func lineAt(b []byte, off int) int {
	off = min(max(off, 0), len(b))
	return bytes.Count(b[:off], []byte{'\n'}) + 1
}

// pathAt finds the JSON path of the value (or member name) that holds byte offset off, by
// walking the tokens before it. It returns "" for the root or when it cannot tell.
func pathAt(b []byte, off int) string {
	type frame struct {
		obj       bool
		key       string
		idx       int
		expectKey bool
	}
	var stack []frame
	path := func() string {
		var sb strings.Builder
		for _, f := range stack {
			switch {
			case !f.obj:
				sb.WriteString("[" + strconv.Itoa(f.idx) + "]")
			case !f.expectKey:
				sb.WriteString(memberPath(sb.String(), f.key)[sb.Len():])
			}
		}
		return sb.String()
	}
	advance := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].obj {
				stack[n-1].expectKey = true
			} else {
				stack[n-1].idx++
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return path()
		}
		end := int(dec.InputOffset())
		if d, isDelim := tok.(json.Delim); isDelim {
			switch d {
			case '{', '[':
				if off < end {
					return path()
				}
				stack = append(stack, frame{obj: d == '{', expectKey: d == '{'})
			default:
				if off < end {
					return path()
				}
				stack = stack[:len(stack)-1]
				advance()
			}
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].obj && stack[n-1].expectKey {
			stack[n-1].key, _ = tok.(string)
			stack[n-1].expectKey = false
			if off < end {
				return path()
			}
			continue
		}
		if off < end {
			return path()
		}
		advance()
	}
}

// memberPath is the path of member key of the object at path: "cards[2].title", or
// `persona["odd key"]` when the key is not a plain name.
func memberPath(path, key string) string {
	plain := key != ""
	for i, r := range key {
		if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			plain = false
			break
		}
	}
	if !plain {
		return path + "[" + strconv.Quote(clip(key)) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// typeName names the JSON type of v for messages.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "true or false"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// get returns member key of object n (n must be an object or absent).
func (n jnode) get(key string) jnode {
	o, _ := n.v.(map[string]any)
	v, ok := o[key]
	return jnode{path: memberPath(n.path, key), v: v, ok: ok}
}

// given reports whether n is present and not null.
func (n jnode) given() bool { return n.ok && n.v != nil }

// object checks that n is an object whose member names are all in allowed (all names are
// allowed when allowed is nil). An absent or null n is an error only when required.
func (d *jsonReader) object(n jnode, required bool, allowed ...string) bool {
	if !n.given() {
		if required {
			d.fail(n.path, "expected an object, found %s", missingOr(n))
		}
		return false
	}
	o, isObj := n.v.(map[string]any)
	if !isObj {
		d.fail(n.path, "expected an object, found %s", typeName(n.v))
		return false
	}
	if allowed != nil {
		for _, k := range sortedKeys(o) {
			if !contains(allowed, k) {
				d.fail(memberPath(n.path, k), "unknown field %q; expected one of %s", clip(k), strings.Join(allowed, ", "))
				return false
			}
		}
	}
	return true
}

func missingOr(n jnode) string {
	if !n.ok {
		return "nothing (the field is missing)"
	}
	return "null"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys(o map[string]any) []string {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// array returns the elements of array n; absent or null gives none.
func (d *jsonReader) array(n jnode) []jnode {
	if !n.given() {
		return nil
	}
	a, ok := n.v.([]any)
	if !ok {
		d.fail(n.path, "expected an array, found %s", typeName(n.v))
		return nil
	}
	out := make([]jnode, len(a))
	for i, v := range a {
		out[i] = jnode{path: n.path + "[" + strconv.Itoa(i) + "]", v: v, ok: true}
	}
	return out
}

// str returns string n; absent or null gives "".
func (d *jsonReader) str(n jnode) string {
	if !n.given() {
		return ""
	}
	s, ok := n.v.(string)
	if !ok {
		d.fail(n.path, "expected a string, found %s", typeName(n.v))
	}
	return s
}

// text returns string n NFC-normalised, refusing it beyond its limit.
func (d *jsonReader) text(n jnode, kind textKind) string {
	s, msg := cleanText(d.str(n), kind)
	if msg != "" {
		d.fail(n.path, "%s", msg)
	}
	return s
}

// boolean returns n; absent or null gives false.
func (d *jsonReader) boolean(n jnode) bool {
	if !n.given() {
		return false
	}
	b, ok := n.v.(bool)
	if !ok {
		d.fail(n.path, "expected true or false, found %s", typeName(n.v))
	}
	return b
}

// number returns n and whether it is given.
func (d *jsonReader) number(n jnode) (float64, bool) {
	if !n.given() {
		return 0, false
	}
	num, ok := n.v.(json.Number)
	if !ok {
		d.fail(n.path, "expected a number, found %s", typeName(n.v))
		return 0, false
	}
	v, err := strconv.ParseFloat(string(num), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		d.fail(n.path, "the number %s is out of range", num)
		return 0, false
	}
	return v, true
}

// integer returns whole number n and whether it is given.
func (d *jsonReader) integer(n jnode, lo, hi int) (int, bool) {
	if !n.given() {
		return 0, false
	}
	num, ok := n.v.(json.Number)
	if !ok {
		d.fail(n.path, "expected a whole number, found %s", typeName(n.v))
		return 0, false
	}
	v, err := strconv.ParseInt(string(num), 10, 64)
	if err != nil {
		d.fail(n.path, "expected a whole number, found %s", num)
		return 0, false
	}
	if v < int64(lo) || v > int64(hi) {
		d.fail(n.path, "%d is out of range %d..%d", v, lo, hi)
		return 0, false
	}
	return int(v), true
}

// oneOf returns string n when it is one of allowed, else def when n is absent or empty.
func oneOf[T ~string](d *jsonReader, n jnode, def T, allowed ...T) T {
	s := d.str(n)
	if !n.given() || s == "" && def != "" {
		return def
	}
	for _, a := range allowed {
		if string(a) == s {
			return a
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = strconv.Quote(string(a))
	}
	d.fail(n.path, "%q is not one of %s", clip(s), strings.Join(names, ", "))
	return def
}

// quoted renders any JSON value for a message: strings quoted, the rest as JSON.
func quoted(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return compact(v)
}

// compact renders any JSON value as one line of text: strings as they are, the rest as JSON.
func compact(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return "null"
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
