package canvas

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"journeycanvas/assets"
	"journeycanvas/data"
)

// The catalogues are assets/translations/en.json and vi.json, one key per visible string
// (the English text), shared with the words drawn on maps (assets.Word) and checked complete
// and used by TestCatalogues. Fyne's own words (dialog buttons…) are in fyne.vi.json, as
// Fyne has no Vietnamese of its own.

// prefLanguage is the app preference holding the interface language: "" follows the system.
const prefLanguage = "language"

// languageChoices are the languages the interface speaks, with their names in themselves.
var languageChoices = []struct{ Code, Name string }{{"", "Follow the system"}, {"en", "English"}, {"vi", "Tiếng Việt"}}

// systemLocale is the locale the process started with, before any choice of ours.
var systemLocale = os.Getenv("LC_ALL")

// setLanguage makes the interface speak code ("en", "vi", or "" for the system's language)
// from now on: widgets built afterwards use it.
func setLanguage(code string) {
	if code == "" {
		os.Setenv("LC_ALL", systemLocale)
	} else {
		os.Setenv("LC_ALL", code)
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("loading the interface's translations", err)
	}
}

// uiLang is the language the interface speaks now: "vi" or "en". Maps made from templates
// and the first-run sample are written in it.
func uiLang() string {
	if strings.HasPrefix(lang.L("language-code"), "vi") {
		return "vi"
	}
	return "en"
}

// dynamicKeys are catalogue keys that reach tr from data rather than from a literal in the
// code: the labels of map types, statuses, lane kinds, evidence, of edits in the history,
// and the persona questions.
var dynamicKeys = []string{
	"Current state", "Day in the life", "Future state", "Service blueprint",
	"Draft", "In review", "Approved",
	"Steps / actions", "Touchpoints", "Channels", "Thoughts and questions", "Emotions",
	"Pain points", "Opportunities", "Content", "Metrics", "Backstage: people",
	"Backstage: technology", "Backstage: policies", "Backstage: processes", "Custom",
	"Add card", "Add lane", "Add link", "Add stage", "Create map", "Delete lane", "Delete link",
	"Delete map", "Delete persona", "Delete stage", "Edit card", "Edit lane", "Edit link",
	"Edit map", "Edit stage", "Move lane", "Move stage", "Restore version", "Edit persona",
	"Add persona", "Move card", "Move %d cards", "Delete card", "Delete %d cards",
	"Comment", "Reply", "Resolve comment", "Reopen comment", "Edit comment", "Delete comment",
	"field.title", "field.name", "field.notes", "field.channel", "field.emotion-score",
	"field.description", "field.tags", "field.text", "field.colour", "field.place",
	"Name", "Summary", "Demographics", "A day in their life", "Goals", "Challenges",
	"What excites them", "What frustrates them", "Channels they use", "What makes them buy",
	"Problems we solve", "Information they lack",
	"colour.yellow", "colour.orange", "colour.red", "colour.pink", "colour.purple", "colour.blue",
	"colour.teal", "colour.green", "colour.grey",
}

// tr translates a key from dynamicKeys.
func tr(key string) string { return lang.Localize(key) }

var digits = regexp.MustCompile(`\d+`)

// trLabel translates an edit's label from the history, counts included ("Move 3 cards").
func trLabel(label string) string {
	n := digits.FindString(label)
	if n == "" {
		return tr(label)
	}
	k, _ := strconv.Atoi(n)
	return fmt.Sprintf(tr(digits.ReplaceAllString(label, "%d")), k)
}

// statusKey is the catalogue key of a review status.
func statusKey(s data.Status) string {
	switch s {
	case data.InReview:
		return "In review"
	case data.Approved:
		return "Approved"
	}
	return "Draft"
}

// laneKindKey is the catalogue key of a lane kind.
func laneKindKey(k data.LaneKind) string {
	switch k {
	case data.LaneSteps:
		return "Steps / actions"
	case data.LaneTouchpoints:
		return "Touchpoints"
	case data.LaneChannels:
		return "Channels"
	case data.LaneThoughts:
		return "Thoughts and questions"
	case data.LaneEmotions:
		return "Emotions"
	case data.LanePainPoints:
		return "Pain points"
	case data.LaneOpportunities:
		return "Opportunities"
	case data.LaneContent:
		return "Content"
	case data.LaneMetrics:
		return "Metrics"
	case data.LanePeople:
		return "Backstage: people"
	case data.LaneTechnology:
		return "Backstage: technology"
	case data.LanePolicies:
		return "Backstage: policies"
	case data.LaneProcesses:
		return "Backstage: processes"
	}
	return "Custom"
}

// languageMenu is View › Language: follow the system, English or Tiếng Việt. The choice is
// kept in the app's preferences and takes effect at once: the window is built again in it.
func (u *ui) languageMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L("Language"), nil)
	cur := u.app.Preferences().String(prefLanguage)
	var items []*fyne.MenuItem
	for _, c := range languageChoices {
		name := c.Name
		if c.Code == "" {
			name = lang.L("Follow the system")
		}
		it := fyne.NewMenuItem(name, func() { u.switchEveryWindow(c.Code) })
		it.Checked = c.Code == cur
		items = append(items, it)
	}
	item.ChildMenu = fyne.NewMenu("", items...)
	return item
}

// switchEveryWindow switches the language of this window, then of the program's other
// windows (File › New window): one program speaks one language.
func (u *ui) switchEveryWindow(code string) {
	var others []*ui
	for o := range watching {
		if o != u && !o.retired && o.win != u.win {
			others = append(others, o)
		}
	}
	u.switchLanguage(code)
	for _, o := range others {
		o.switchLanguage(code)
	}
}

// switchLanguage keeps code as the interface language and builds the window's content and
// menus again in it, on the same workspace, map, zoom and selection. It returns the new
// window state; the old one is retired.
func (u *ui) switchLanguage(code string) *ui {
	u.flush()
	u.app.Preferences().SetString(prefLanguage, code)
	setLanguage(code)
	u.board.commitTitle()
	sel := u.board.sel
	u.board.stopAutoscroll()
	u.savePanels() // the new window state opens the panels as wide as they are
	u.retired = true
	u.unwatch() // the new window state watches the store; two watchers would both redraw
	nu := newUI(u.app, u.win, u.st, u.th)
	nu.install()
	if nu.mapID == u.mapID {
		nu.board.setSelection(sel)
	}
	return nu
}

// fmtNum writes a number as the interface language does: 2.5 in English, 2,5 in Vietnamese.
// parseNum reads both.
func fmtNum(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if uiLang() == "vi" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// fmtTime writes a date and time as the interface language does.
func fmtTime(t time.Time) string {
	if uiLang() == "vi" {
		return t.Format("15:04 02/01/2006")
	}
	return t.Format("2 Jan 2006 15:04")
}
