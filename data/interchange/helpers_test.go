package interchange

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"journeycanvas/data"
)

// checkMap reports the first way m breaks the contract of a reader's result: local ids,
// references that resolve, positions, reading order, enum values, scores on the scale, text
// that is valid UTF-8, NFC and within the limits.
func checkMap(m *data.Map) error {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	text := func(what, s string, kind textKind) {
		switch {
		case !utf8.ValidString(s):
			bad("%s is not valid UTF-8", what)
		case !norm.NFC.IsNormalString(s):
			bad("%s %q is not NFC", what, s)
		case kind == short && utf8.RuneCountInString(s) > MaxTitleRunes:
			bad("%s is too long", what)
		case kind == long && len(s) > MaxNotesBytes:
			bad("%s is too long", what)
		}
	}
	if m.ID != 0 || m.PersonaID != 0 {
		bad("map has ids %d, %d", m.ID, m.PersonaID)
	}
	text("title", m.Title, short)
	if m.Title == "" {
		bad("empty title")
	}
	text("goal", m.Goal, long)
	text("audience", m.Audience, long)
	text("owner", m.Owner, short)
	if !contains([]string{"current", "day", "future", "blueprint"}, string(m.Type)) {
		bad("type %q", m.Type)
	}
	if !contains([]string{"draft", "review", "approved"}, string(m.Status)) {
		bad("status %q", m.Status)
	}
	if m.Curve != data.CurvePerCard && m.Curve != data.CurvePerStage {
		bad("curve %q", m.Curve)
	}
	sc := m.Scale
	if sc.Min >= sc.Max || sc.Max-sc.Min > 20 || len(sc.Labels) != 0 && len(sc.Labels) != sc.Max-sc.Min+1 {
		bad("scale %+v", sc)
	}
	for i, l := range sc.Labels {
		text(fmt.Sprintf("scale label %d", i), l, short)
	}
	if p := m.Persona; p != nil {
		if p.ID != 0 || p.Name == "" {
			bad("persona id %d name %q", p.ID, p.Name)
		}
		text("persona name", p.Name, short)
		for _, s := range []string{p.Summary, p.Demographics, p.DayInLife, p.Goals, p.Challenges, p.Excites,
			p.Frustrates, p.Channels, p.BuyingTriggers, p.ProblemsSolved, p.InfoNeeds} {
			text("persona answer", s, long)
		}
	}
	stagePos := map[int64]int{}
	for i, st := range m.Stages {
		if st.ID <= 0 || st.MapID != 0 || st.Position != i {
			bad("stage %d: id %d map %d position %d", i, st.ID, st.MapID, st.Position)
		}
		if _, dup := stagePos[st.ID]; dup {
			bad("stage id %d twice", st.ID)
		}
		stagePos[st.ID] = i
		text("stage name", st.Name, short)
		text("stage description", st.Description, long)
		if st.Colour != "" && !isColour(st.Colour) {
			bad("stage colour %q", st.Colour)
		}
	}
	lanePos := map[int64]int{}
	for i, l := range m.Lanes {
		if l.ID <= 0 || l.MapID != 0 || l.Position != i {
			bad("lane %d: id %d map %d position %d", i, l.ID, l.MapID, l.Position)
		}
		if _, dup := lanePos[l.ID]; dup {
			bad("lane id %d twice", l.ID)
		}
		lanePos[l.ID] = i
		text("lane name", l.Name, short)
		if !contains(laneKindNames(), string(l.Kind)) {
			bad("lane kind %q", l.Kind)
		}
	}
	cardIDs := map[int64]bool{}
	cell := map[[2]int64]int{}
	prev := [3]int{-1, -1, -1}
	for i, c := range m.Cards {
		where := fmt.Sprintf("card %d", i+1)
		sp, okS := stagePos[c.StageID]
		lp, okL := lanePos[c.LaneID]
		if !okS || !okL {
			bad("%s: stage %d lane %d do not exist", where, c.StageID, c.LaneID)
			continue
		}
		if c.ID <= 0 || cardIDs[c.ID] || c.MapID != 0 {
			bad("%s: id %d map %d", where, c.ID, c.MapID)
		}
		cardIDs[c.ID] = true
		k := [2]int64{c.StageID, c.LaneID}
		if c.Position != cell[k] {
			bad("%s: position %d, want %d", where, c.Position, cell[k])
		}
		cell[k]++
		cur := [3]int{sp, lp, c.Position}
		if cur[0] < prev[0] || cur[0] == prev[0] && (cur[1] < prev[1] || cur[1] == prev[1] && cur[2] < prev[2]) {
			bad("%s: not in reading order", where)
		}
		prev = cur
		text(where+" title", c.Title, short)
		text(where+" notes", c.Notes, long)
		text(where+" channel", c.Channel, short)
		if c.Presence != "" && c.Presence != data.Online && c.Presence != data.Offline {
			bad("%s: presence %q", where, c.Presence)
		}
		if !contains([]string{"", "researched", "assumed", "proposed"}, string(c.Evidence)) {
			bad("%s: evidence %q", where, c.Evidence)
		}
		if c.Emotion != nil && (math.IsNaN(*c.Emotion) || !sc.Contains(*c.Emotion)) {
			bad("%s: emotion %g outside %d..%d", where, *c.Emotion, sc.Min, sc.Max)
		}
		if len(c.Tags) > MaxTags {
			bad("%s: %d tags", where, len(c.Tags))
		}
		for _, t := range c.Tags {
			text(where+" tag", t, short)
		}
		if c.Colour != "" && !isColour(c.Colour) {
			bad("%s: colour %q", where, c.Colour)
		}
		if mt := c.Metric; mt != nil {
			text(where+" metric name", mt.Name, short)
			text(where+" metric unit", mt.Unit, short)
			if math.IsNaN(mt.Value) || math.IsInf(mt.Value, 0) || mt.Target != nil && (math.IsNaN(*mt.Target) || math.IsInf(*mt.Target, 0)) {
				bad("%s: metric numbers", where)
			}
		}
	}
	for i, l := range m.Links {
		if !cardIDs[l.FromID] || !cardIDs[l.ToID] || l.FromID == l.ToID || l.MapID != 0 {
			bad("link %d: %d → %d", i+1, l.FromID, l.ToID)
		}
		text("link label", l.Label, short)
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

// wantParseError checks that err is a *ParseError at the given line and path whose message
// contains want.
func wantParseError(t *testing.T, err error, line int, path, want string) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v (%T), want a *ParseError", err, err)
	}
	if pe.Line != line || pe.Path != path {
		t.Errorf("error %q: at line %d path %q, want line %d path %q", err, pe.Line, pe.Path, line, path)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}

// nfd decomposes s, as macOS file names and some editors do.
func nfd(s string) string { return norm.NFD.String(s) }

// cardTitles lists the titles of m's cards in order.
func cardTitles(m *data.Map) []string {
	var out []string
	for _, c := range m.Cards {
		out = append(out, c.Title)
	}
	return out
}

func stageNames(m *data.Map) []string {
	var out []string
	for _, s := range m.Stages {
		out = append(out, s.Name)
	}
	return out
}
