package interchange

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"journeycanvas/assets"
	"journeycanvas/data"
)

// lossKind is one thing a format cannot carry.
type lossKind int

const (
	lossLanes        lossKind = iota // Mermaid: no lanes
	lossLinks                        // Mermaid, CSV, XLSX: no links
	lossPersona                      // Mermaid, CSV, XLSX
	lossCardDetails                  // Mermaid: notes, channels, flags…
	lossUnscored                     // Mermaid: every task has a score
	lossStageDetails                 // Mermaid, CSV: colours, descriptions, metrics
	lossMapDetails                   // Mermaid, CSV, XLSX: goal, audience, owner…
	lossCharacters                   // Mermaid: ":" "#" ";" in names
	lossEmpty                        // CSV, XLSX card list: stages and lanes without cards
	lossLaneKinds                    // CSV, XLSX: kinds guessed again from names
	lossLaneOrder                    // CSV: lanes in the order the cards show them
	lossRescaled                     // Mermaid, CSV, XLSX: scores moved onto another scale
	lossCommas                       // Mermaid: commas in actors
	lossUntitled                     // CSV, XLSX: cards without a title; Mermaid: written as …
	lossRenamed                      // CSV, XLSX: stages and lanes without a name, or sharing one
	lossSemicolons                   // CSV, XLSX: tags with ";" (the separator) or empty
	lossControl                      // XLSX: control characters (XML cannot hold them)
	lossLongCells                    // XLSX: texts past a cell's 32,767 characters
)

// Loss is one thing a format cannot carry of a given map, with how many things it affects.
type Loss struct {
	kind   lossKind
	n      int
	fields []string // lossMapDetails: which of the map's fields
}

// Text says what is lost in lang ("vi" or "en"), as the app shows it and the command line
// prints it (in English).
func (l Loss) Text(lang string) string {
	switch l.kind {
	case lossLanes:
		return fmt.Sprintf(assets.Word(lang, "lanes (%d): each stage's cards follow one another"), l.n)
	case lossLinks:
		return fmt.Sprintf(assets.Word(lang, "links between cards (%d)"), l.n)
	case lossPersona:
		return assets.Word(lang, "the persona")
	case lossCardDetails:
		return fmt.Sprintf(assets.Word(lang, "notes, channels, flags, colours and metrics of cards (%d)"), l.n)
	case lossUnscored:
		return fmt.Sprintf(assets.Word(lang, "cards without a score (%d; given the middle score)"), l.n)
	case lossStageDetails:
		return assets.Word(lang, "the stages' colours, descriptions and metrics")
	case lossMapDetails:
		var names []string
		for _, f := range l.fields {
			var w string
			switch f {
			case "goal":
				w = assets.Word(lang, "Goal")
			case "audience":
				w = assets.Word(lang, "Audience")
			case "owner":
				w = assets.Word(lang, "Owner")
			case "type":
				w = assets.Word(lang, "Type")
			case "status":
				w = assets.Word(lang, "Status")
			case "notes":
				w = assets.Word(lang, "Notes")
			}
			r := []rune(w) // "Đối tượng" → "đối tượng": a letter, not a byte
			names = append(names, strings.ToLower(string(r[:1]))+string(r[1:]))
		}
		return fmt.Sprintf(assets.Word(lang, "the map's %s"), strings.Join(names, ", "))
	case lossCharacters:
		return fmt.Sprintf(assets.Word(lang, "names with : # or ; (%d; written with look-alike characters)"), l.n)
	case lossEmpty:
		return fmt.Sprintf(assets.Word(lang, "stages and lanes without cards (%d)"), l.n)
	case lossLaneKinds:
		return fmt.Sprintf(assets.Word(lang, "lane kinds (%d; guessed again from the names)"), l.n)
	case lossLaneOrder:
		return assets.Word(lang, "the order of the lanes (read back in the order the cards show them)")
	case lossRescaled:
		return assets.Word(lang, "the exact scores (moved onto the format's scale)")
	case lossUntitled:
		return fmt.Sprintf(assets.Word(lang, "cards without a title (%d)"), l.n)
	case lossRenamed:
		return fmt.Sprintf(assets.Word(lang, "stages and lanes without a name, or with the same name as another (%d; named apart)"), l.n)
	case lossSemicolons:
		return fmt.Sprintf(assets.Word(lang, "tags that are empty or hold ; (%d)"), l.n)
	case lossControl:
		return fmt.Sprintf(assets.Word(lang, "control characters in %d texts (replaced)"), l.n)
	case lossLongCells:
		return fmt.Sprintf(assets.Word(lang, "texts longer than a cell holds, 32,767 characters (%d; cut)"), l.n)
	case lossCommas:
		return fmt.Sprintf(assets.Word(lang, "tags with commas (%d; written with a look-alike)"), l.n)
	}
	return ""
}

// losses lists what format cannot carry of m; nothing for the native JSON and OJF.
func losses(format string, m *data.Map) []Loss {
	var out []Loss
	add := func(k lossKind, n int) {
		if n > 0 {
			out = append(out, Loss{kind: k, n: n})
		}
	}
	flag := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	list := format == "csv" || format == "xlsx"
	if format != "mermaid" && !list {
		return nil
	}
	if format == "mermaid" {
		lanes := len(m.Lanes)
		if lanes == 1 && m.Lanes[0].Kind == data.LaneSteps && nameSteps.isDefault(m.Lanes[0].Name) {
			lanes = 0
		}
		add(lossLanes, lanes)
	}
	add(lossLinks, len(m.Links))
	add(lossPersona, flag(m.Persona != nil))
	details, unscored, changed, commas := 0, 0, 0, 0
	for _, c := range m.Cards {
		if c.Notes != "" || c.Channel != "" || c.Pain || c.Opportunity || c.MomentOfTruth || c.Colour != "" ||
			c.Metric != nil || c.Presence != "" || c.Evidence != "" {
			details++
		}
		if c.Emotion == nil {
			unscored++
		}
		changed += flag(mermaidChanged(c.Title))
		for _, t := range c.Tags {
			changed += flag(mermaidChanged(t))
			commas += flag(strings.Contains(t, ","))
		}
	}
	stageDetails := false
	for _, s := range m.Stages {
		stageDetails = stageDetails || s.Colour != "" || s.Description != "" || len(s.Metrics) > 0
		changed += flag(mermaidChanged(s.Name))
	}
	changed += flag(mermaidChanged(m.Title))
	if format == "mermaid" {
		add(lossCardDetails, details)
		add(lossUnscored, unscored)
		add(lossCharacters, changed)
		add(lossCommas, commas)
	}
	add(lossStageDetails, flag(stageDetails))
	if list || format == "mermaid" {
		var fields []string
		for _, f := range []struct {
			name string
			has  bool
		}{{"goal", format == "csv" && m.Goal != ""}, {"audience", m.Audience != ""}, {"owner", format != "xlsx" && m.Owner != ""},
			{"type", m.Type != "" && m.Type != data.CurrentState && m.Type != data.ServiceBlueprint || format != "mermaid" && m.Type == data.ServiceBlueprint},
			{"status", m.Status != "" && m.Status != data.Draft}, {"notes", m.Notes != ""}} {
			if f.has {
				fields = append(fields, f.name)
			}
		}
		if len(fields) > 0 {
			out = append(out, Loss{kind: lossMapDetails, n: 1, fields: fields})
		}
	}
	sc := m.Scale
	target := cardListScale
	if format == "mermaid" {
		target = data.Scale{Min: 1, Max: 5}
	}
	if (sc.Min != 0 || sc.Max != 0) && !(format != "mermaid" && sc.Min == target.Min && sc.Max == target.Max) {
		inexact := 0
		for _, c := range m.Cards {
			if c.Emotion != nil {
				there := mapScore(*c.Emotion, float64(sc.Min), float64(sc.Max), target)
				if back := mapScore(there, float64(target.Min), float64(target.Max), cardListScale); back != exactScore(*c.Emotion) || exactScore(*c.Emotion) != *c.Emotion {
					inexact++
				}
			}
		}
		add(lossRescaled, flag(inexact > 0))
	}
	untitled, semis := 0, 0
	for _, c := range m.Cards {
		untitled += flag(strings.TrimSpace(c.Title) == "")
		for _, t := range c.Tags {
			semis += flag(strings.TrimSpace(t) == "" || strings.Contains(t, ";"))
		}
	}
	add(lossUntitled, untitled)
	if format == "xlsx" {
		add(lossControl, countTexts(m, hasControl))
		add(lossLongCells, countTexts(m, func(s string) bool { return len(utf16.Encode([]rune(s))) > 32767 }))
	}
	if format == "mermaid" {
		add(lossRenamed, countStrings(stageNamesOf(m), func(s string) bool { return strings.TrimSpace(s) == "" }))
	}
	if list {
		add(lossSemicolons, semis)
		renamed := 0
		for _, names := range [][]string{stageNamesOf(m), laneNamesOf(m)} {
			seen := map[string]bool{}
			for _, n := range names {
				n = strings.TrimSpace(n)
				renamed += flag(n == "" || seen[n])
				seen[n] = true
			}
		}
		add(lossRenamed, renamed)
		used := map[int64]bool{}
		for _, c := range m.Cards {
			used[c.StageID], used[c.LaneID+1<<40] = true, true
		}
		empty := 0
		for _, s := range m.Stages {
			empty += flag(!used[s.ID])
		}
		for _, l := range m.Lanes {
			empty += flag(!used[l.ID+1<<40])
		}
		add(lossEmpty, empty)
		kinds := 0
		for _, l := range m.Lanes {
			kinds += flag(GuessLaneKind(l.Name) != l.Kind)
		}
		add(lossLaneKinds, kinds)
		if !lanesInCardOrder(m) {
			add(lossLaneOrder, 1)
		}
	}
	return out
}

// lanesInCardOrder reports whether the lanes that hold cards come in the order the cards
// (stage by stage) first show them, as ReadCSV makes them.
func lanesInCardOrder(m *data.Map) bool {
	f, err := toFile(m)
	if err != nil {
		return false
	}
	seen := map[string]bool{}
	var order []string
	for _, c := range f.Cards {
		if !seen[c.Lane] {
			seen[c.Lane] = true
			order = append(order, c.Lane)
		}
	}
	i := 0
	for _, l := range f.Lanes {
		if seen[l.Ref] {
			if order[i] != l.Ref {
				return false
			}
			i++
		}
	}
	return true
}

func stageNamesOf(m *data.Map) []string {
	out := make([]string, len(m.Stages))
	for i, s := range m.Stages {
		out[i] = s.Name
	}
	return out
}

func laneNamesOf(m *data.Map) []string {
	out := make([]string, len(m.Lanes))
	for i, l := range m.Lanes {
		out[i] = l.Name
	}
	return out
}

// hasControl reports whether s holds a control character other than tab and line breaks,
// which XML, and so a workbook, cannot hold.
func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r == 0xfffe || r == 0xffff {
			return true
		}
	}
	return false
}

// countTexts counts the texts of m a card list writes (names, titles, notes, channels, tags,
// metric names and units) for which test holds.
func countTexts(m *data.Map, test func(string) bool) int {
	n := 0
	count := func(ss ...string) {
		for _, s := range ss {
			if test(s) {
				n++
			}
		}
	}
	count(m.Title, m.Goal, m.Owner)
	count(stageNamesOf(m)...)
	count(laneNamesOf(m)...)
	for _, c := range m.Cards {
		count(c.Title, c.Notes, c.Channel)
		count(c.Tags...)
		if c.Metric != nil {
			count(c.Metric.Name, c.Metric.Unit)
		}
	}
	return n
}

func countStrings(ss []string, test func(string) bool) int {
	n := 0
	for _, s := range ss {
		if test(s) {
			n++
		}
	}
	return n
}
