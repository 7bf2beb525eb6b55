package canvas

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// usedKeys collects the catalogue keys the code uses: the literal first argument of every
// lang.L call in the package's non-test files, and dynamicKeys.
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	for _, k := range dynamicKeys {
		keys[k] = true
	}
	files, _ := filepath.Glob("*.go")
	// The words drawn on maps come from the same catalogue through assets.Word.
	for _, dir := range []string{"geometry", "draw", "../export", "../data", "../data/interchange"} {
		more, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		files = append(files, more...)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if ok && sel.Sel.Name == "Word" && len(call.Args) == 2 {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "assets" {
					lit, ok := call.Args[1].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						t.Errorf("%s: assets.Word with a key that is not a literal", fset.Position(call.Pos()))
						return true
					}
					k, _ := strconv.Unquote(lit.Value)
					keys[k] = true
					return true
				}
			}
			if !ok || sel.Sel.Name != "L" {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: lang.L with a key that is not a literal: use tr and list it in dynamicKeys", fset.Position(call.Pos()))
				return true
			}
			k, _ := strconv.Unquote(lit.Value)
			keys[k] = true
			return true
		})
	}
	return keys
}

// TestCatalogues fails when a key the code uses is missing from the English or Vietnamese
// catalogue, when a catalogue holds a key nobody uses, or when a translation is empty or
// loses a %-verb of its key.
func TestCatalogues(t *testing.T) {
	used := usedKeys(t)
	for _, name := range []string{"en.json", "vi.json"} {
		b, err := os.ReadFile(filepath.Join("..", "assets", "translations", name))
		if err != nil {
			t.Fatal(err)
		}
		cat := map[string]string{}
		if err := json.Unmarshal(b, &cat); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var missing, unused []string
		for k := range used {
			if _, ok := cat[k]; !ok {
				missing = append(missing, k)
			}
		}
		for k, v := range cat {
			if !used[k] {
				unused = append(unused, k)
			}
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %q has an empty translation", name, k)
			}
			for _, verb := range []string{"%d", "%s", "%q", "%v"} {
				if strings.Count(k, verb) != strings.Count(v, verb) {
					t.Errorf("%s: %q → %q changes the number of %s", name, k, v, verb)
				}
			}
		}
		sort.Strings(missing)
		sort.Strings(unused)
		if len(missing) > 0 {
			t.Errorf("%s lacks %d keys: %q", name, len(missing), missing)
		}
		if len(unused) > 0 {
			t.Errorf("%s has %d keys no code uses: %q", name, len(unused), unused)
		}
	}
}

// TestSwitchToVietnamese switches the interface to Vietnamese from View › Language and
// back: the menus, the inspector and the undo label speak it, the map and zoom stay.
func TestSwitchToVietnamese(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	u, w := newTestUI(t, data.SampleMap("vi"))
	u.setZoom(1.5)
	mapID := u.mapID
	u.addStage()
	menuItem := func(menu, label string) *fyne.MenuItem {
		for _, m := range w.MainMenu().Items {
			for _, it := range m.Items {
				if it.Label == label || strings.HasPrefix(it.Label, label) {
					return it
				}
			}
		}
		t.Fatalf("no menu item %q in %s", label, menu)
		return nil
	}
	var vi *fyne.MenuItem
	for _, it := range menuItem("View", "Language").ChildMenu.Items {
		if it.Label == "Tiếng Việt" {
			vi = it
		}
	}
	if vi == nil {
		t.Fatal("no Tiếng Việt in View › Language")
	}
	vi.Action()
	if got := w.MainMenu().Items[0].Label; got != "Tệp" {
		t.Fatalf("after View › Language › Tiếng Việt the File menu reads %q", got)
	}
	nu := u.switchLanguage("vi") // the same again, to hold the new window state
	if uiLang() != "vi" || lang.L("Undo") != "Hoàn tác" {
		t.Fatalf("Vietnamese not in use: %q, %q", uiLang(), lang.L("Undo"))
	}
	if got := w.MainMenu().Items[0].Label; got != "Tệp" {
		t.Fatalf("the File menu reads %q", got)
	}
	if nu.insp.title != "Giai đoạn" || nu.mapID != mapID || nu.board.zoom != 1.5 {
		t.Fatalf("after the switch: inspector %q, map %d (want %d), zoom %v", nu.insp.title, nu.mapID, mapID, nu.board.zoom)
	}
	if got := nu.undoItem.Label; got != "Hoàn tác: Thêm giai đoạn" {
		t.Fatalf("undo reads %q", got)
	}
	if nu.app.Preferences().String(prefLanguage) != "vi" {
		t.Fatal("the choice is not kept")
	}
	en := nu.switchLanguage("en")
	if got := w.MainMenu().Items[0].Label; got != "File" || en.undoItem.Label != "Undo: Add stage" {
		t.Fatalf("back in English: menu %q, undo %q", got, en.undoItem.Label)
	}
}

// TestNumbersAndDatesFollowTheLanguage checks the number and date forms of both languages.
// View › Language in one window speaks the new language in the program's other windows too,
// and each window keeps a single watcher of the workspace.
func TestLanguageReachesEveryWindow(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	u, w := newTestUI(t, data.SampleMap("vi"))
	nu := u.newWindow()
	if nu == nil {
		t.Fatal("no second window")
	}
	defer nu.win.Close()
	var vi *fyne.MenuItem
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Language" {
				for _, c := range it.ChildMenu.Items {
					if c.Label == "Tiếng Việt" {
						vi = c
					}
				}
			}
		}
	}
	if vi == nil {
		t.Fatal("no View › Language › Tiếng Việt")
	}
	vi.Action()
	for _, win := range []fyne.Window{w, nu.win} {
		if got := win.MainMenu().Items[0].Label; got != "Tệp" {
			t.Fatalf("window %q: the File menu reads %q after Tiếng Việt in the first window", win.Title(), got)
		}
	}
	live := map[fyne.Window]int{}
	for o := range watching {
		if o.win == w || o.win == nu.win {
			live[o.win]++
			if o.retired {
				t.Fatal("a replaced window state still watches the workspace")
			}
		}
	}
	if live[w] != 1 || live[nu.win] != 1 {
		t.Fatalf("watchers per window: %d and %d, want 1 each", live[w], live[nu.win])
	}
}

func TestNumbersAndDatesFollowTheLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	at := time.Date(2026, 11, 23, 9, 5, 0, 0, time.UTC)
	setLanguage("en")
	if fmtNum(2.5) != "2.5" || fmtTime(at) != "23 Nov 2026 09:05" {
		t.Fatalf("English: %q %q", fmtNum(2.5), fmtTime(at))
	}
	setLanguage("vi")
	if fmtNum(2.5) != "2,5" || fmtTime(at) != "09:05 23/11/2026" {
		t.Fatalf("Vietnamese: %q %q", fmtNum(2.5), fmtTime(at))
	}
	if v, err := parseNum(fmtNum(-1.25)); err != nil || *v != -1.25 {
		t.Fatalf("a Vietnamese number does not read back: %v %v", v, err)
	}
}

// The words drawn on a map follow the map's language, a map setting defaulted from its text;
// the inspector shows the steps of the scale as the curve draws them; the interface keeps
// its own language.
func TestWordsOnTheMapFollowTheMap(t *testing.T) {
	u, _ := newTestUI(t, data.SampleMap("vi"))
	b := u.board
	if b.lay.Lang != "vi" || b.lay.Curve == nil {
		t.Fatalf("a Vietnamese map is laid out in %q", b.lay.Lang)
	}
	b.setSelection(selection{})
	labels := u.insp.fields["Scale labels"].(*field)
	if labels.Text != "Rất tệ, Tệ, Bình thường, Tốt, Rất tốt" {
		t.Fatalf("the inspector's steps %q differ from the curve's", labels.Text)
	}
	if got := b.lay.Curve.StepName(2, b.lay.Lang); got != "Rất tốt" {
		t.Fatalf("the curve names +2 %q", got)
	}
	// Switch the map's words to English: the board follows, the file keeps the setting.
	sel := u.insp.fields["Words on the map"].(*widget.Select)
	sel.SetSelectedIndex(1)
	if m := reloadMap(t, u); m.Lang != "en" {
		t.Fatalf("map language in the file %q", m.Lang)
	}
	if b.lay.Lang != "en" || b.lay.Curve.StepName(2, b.lay.Lang) != "Very positive" {
		t.Fatalf("the board did not follow the map's language: %q", b.lay.Lang)
	}
	if got := u.insp.fields["Scale labels"].(*field).Text; got != "Very negative, Negative, Neutral, Positive, Very positive" {
		t.Fatalf("inspector steps %q", got)
	}
	// New stages are named in the map's language, whatever the interface's.
	u.addStage()
	if got := reloadMap(t, u).Stages[len(u.m.Stages)-1].Name; !strings.HasPrefix(got, "Stage ") {
		t.Fatalf("new stage on an English map %q", got)
	}
	u.board.setSelection(selection{})
	u.insp.fields["Words on the map"].(*widget.Select).SetSelectedIndex(2)
	u.addLane()
	if got := reloadMap(t, u).Lanes[len(u.m.Lanes)-1].Name; !strings.HasPrefix(got, "Làn ") {
		t.Fatalf("new lane on a Vietnamese map %q", got)
	}
}

// The map setting "Cards show" puts the first lines of every card's notes on its face, on the
// board and in the file.
func TestNoteLinesSetting(t *testing.T) {
	m := data.SampleMap("en")
	m.Cards[0].Notes = "Saw it twice on Instagram\nthen searched the brand\nand read three reviews"
	u, _ := newTestUI(t, m)
	id := u.board.lay.Cards[0].ID
	if len(u.board.lay.Card(id).Notes) != 0 {
		t.Fatal("notes show before the setting")
	}
	u.board.setSelection(selection{})
	u.insp.fields["Cards show"].(*widget.Select).SetSelectedIndex(2)
	if got := reloadMap(t, u).NoteLines; got != 2 {
		t.Fatalf("note lines in the file: %d", got)
	}
	if got := len(u.board.lay.Card(id).Notes); got != 2 {
		t.Fatalf("the card shows %d lines of notes, want 2", got)
	}
}
