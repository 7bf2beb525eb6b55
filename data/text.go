package data

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits on text the store accepts. A longer text is refused with a message, never cut.
const (
	MaxShortRunes = 2000    // titles, names, channels, tags, labels
	MaxLongBytes  = 2 << 20 // notes, descriptions, persona answers
	MaxPhotoBytes = 10 << 20
	MaxTags       = 100
)

// FieldError says which field of which thing is wrong and why.
type FieldError struct {
	Field string // e.g. "card title"
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

var colourRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// cleaner normalises text to NFC and collects the first fault found.
type cleaner struct{ err error }

func (c *cleaner) fail(field, format string, args ...any) {
	if c.err == nil {
		c.err = &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
	}
}

func (c *cleaner) text(field string, s *string, long bool) {
	if !utf8.ValidString(*s) {
		c.fail(field, "is not valid UTF-8 text")
		return
	}
	*s = norm.NFC.String(*s)
	if long {
		if len(*s) > MaxLongBytes {
			c.fail(field, "is %d bytes long; the limit is %d", len(*s), MaxLongBytes)
		}
		return
	}
	if n := utf8.RuneCountInString(*s); n > MaxShortRunes {
		c.fail(field, "is %d characters long; the limit is %d", n, MaxShortRunes)
	}
}

func (c *cleaner) required(field string, s string) {
	if s == "" {
		c.fail(field, "must not be empty")
	}
}

func (c *cleaner) colour(field, s string) {
	if s != "" && !colourRE.MatchString(s) {
		c.fail(field, "%q is not a colour like #3366cc", s)
	}
}

func oneOf[T comparable](c *cleaner, field string, v T, allowed ...T) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	c.fail(field, "%v is not one of %v", v, allowed)
}

func (c *cleaner) number(field string, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		c.fail(field, "is not a number")
	}
}

func cleanMap(m *Map) error {
	var c cleaner
	c.text("map title", &m.Title, false)
	c.required("map title", m.Title)
	c.text("map goal", &m.Goal, true)
	c.text("map audience", &m.Audience, true)
	c.text("map notes", &m.Notes, true)
	c.text("map owner", &m.Owner, false)
	if m.Type == "" {
		m.Type = CurrentState
	}
	if m.Status == "" {
		m.Status = Draft
	}
	if m.Curve == "" {
		m.Curve = CurvePerCard
	}
	oneOf(&c, "map type", m.Type, MapTypes...)
	oneOf(&c, "map status", m.Status, Statuses...)
	oneOf(&c, "map curve", m.Curve, CurvePerCard, CurvePerStage)
	if !slices.Contains(MapLangs, m.Lang) {
		c.fail("map language", "%q is not one of \"vi\", \"en\" or \"\" (detect from the text)", m.Lang)
	}
	if m.NoteLines < 0 || m.NoteLines > MaxNoteLines {
		c.fail("map note lines", "%d is not between 0 and %d", m.NoteLines, MaxNoteLines)
	}
	if m.Scale.Min == 0 && m.Scale.Max == 0 {
		m.Scale = DefaultScale()
	}
	if m.Scale.Min >= m.Scale.Max || m.Scale.Max-m.Scale.Min > 20 {
		c.fail("emotion scale", "%d..%d must run upwards over at most 20 steps", m.Scale.Min, m.Scale.Max)
	}
	if n := len(m.Scale.Labels); n != 0 && n != m.Scale.Max-m.Scale.Min+1 {
		c.fail("emotion scale labels", "there are %d; the scale %d..%d needs %d", n, m.Scale.Min, m.Scale.Max, m.Scale.Max-m.Scale.Min+1)
	}
	for i := range m.Scale.Labels {
		c.text("emotion scale label", &m.Scale.Labels[i], false)
	}
	return c.err
}

func cleanPersona(p *Persona) error {
	var c cleaner
	c.text("persona name", &p.Name, false)
	c.required("persona name", p.Name)
	for _, f := range []struct {
		name string
		s    *string
	}{{"persona summary", &p.Summary}, {"persona demographics", &p.Demographics},
		{"persona day in the life", &p.DayInLife}, {"persona goals", &p.Goals},
		{"persona challenges", &p.Challenges}, {"persona excitements", &p.Excites},
		{"persona frustrations", &p.Frustrates}, {"persona channels", &p.Channels},
		{"persona buying triggers", &p.BuyingTriggers}, {"persona problems solved", &p.ProblemsSolved},
		{"persona information needs", &p.InfoNeeds}} {
		c.text(f.name, f.s, true)
	}
	p.photoHash = "" // only the store sets it, from the photo itself (tx.checkPhoto)
	return c.err
}

func cleanStage(st *Stage) error {
	var c cleaner
	c.text("stage name", &st.Name, false)
	c.text("stage description", &st.Description, true)
	c.colour("stage colour", st.Colour)
	if len(st.Metrics) > MaxTags {
		c.fail("stage metrics", "there are %d; the limit is %d", len(st.Metrics), MaxTags)
	}
	st.Metrics = append([]Metric(nil), st.Metrics...)
	for i := range st.Metrics {
		cleanMetric(&c, &st.Metrics[i])
	}
	return c.err
}

func cleanLane(l *Lane) error {
	var c cleaner
	c.text("lane name", &l.Name, false)
	if l.Kind == "" {
		l.Kind = LaneCustom
	}
	oneOf(&c, "lane kind", l.Kind, LaneKinds...)
	return c.err
}

func cleanCard(cd *Card, sc Scale) error {
	var c cleaner
	c.text("card title", &cd.Title, false)
	c.text("card notes", &cd.Notes, true)
	c.text("card channel", &cd.Channel, false)
	oneOf(&c, "card presence", cd.Presence, PresenceUnset, Online, Offline)
	oneOf(&c, "card evidence", cd.Evidence, EvidenceNone, EvidenceResearched, EvidenceAssumed, EvidenceProposed)
	c.colour("card colour", cd.Colour)
	if cd.Emotion != nil {
		c.number("card emotion", *cd.Emotion)
		if !sc.Contains(*cd.Emotion) {
			c.fail("card emotion", "%g is outside the map's scale %d..%d", *cd.Emotion, sc.Min, sc.Max)
		}
	}
	if len(cd.Tags) > MaxTags {
		c.fail("card tags", "there are %d; the limit is %d", len(cd.Tags), MaxTags)
	}
	for i := range cd.Tags {
		c.text("card tag", &cd.Tags[i], false)
	}
	if m := cd.Metric; m != nil {
		cleanMetric(&c, m)
	}
	return c.err
}

func cleanMetric(c *cleaner, m *Metric) {
	c.text("metric name", &m.Name, false)
	c.text("metric unit", &m.Unit, false)
	c.number("metric value", m.Value)
	if m.Target != nil {
		c.number("metric target", *m.Target)
	}
}

func cleanLink(l *Link) error {
	var c cleaner
	c.text("link label", &l.Label, false)
	if l.FromID == l.ToID {
		c.fail("link", "a card cannot link to itself")
	}
	return c.err
}
