// Package data holds the journey-map model, the SQLite store that keeps it in a .journey file,
// the edit commands with their undo history, named versions and the interchange formats.
//
// Nothing here imports Fyne or gg: the UI and the exporter read these plain Go values.
package data

import "time"

// MapType says what a journey map describes.
type MapType string

// The map types users know: the current state, a day in the life, the future state, and the
// service blueprint (with backstage lanes).
const (
	CurrentState     MapType = "current"
	DayInTheLife     MapType = "day"
	FutureState      MapType = "future"
	ServiceBlueprint MapType = "blueprint"
)

// MapLangs lists the languages a map's drawn words may be set to; "" means detect.
var MapLangs = []string{"", "vi", "en"}

// MaxNoteLines is the most lines of a card's notes its face can show.
const MaxNoteLines = 3

// MapTypes lists the map types in the order menus show them.
var MapTypes = []MapType{CurrentState, DayInTheLife, FutureState, ServiceBlueprint}

// Label returns the English name of the map type.
func (t MapType) Label() string {
	switch t {
	case CurrentState:
		return "Current state"
	case DayInTheLife:
		return "Day in the life"
	case FutureState:
		return "Future state"
	case ServiceBlueprint:
		return "Service blueprint"
	}
	return string(t)
}

// Status is where a map is in its review.
type Status string

// The review states of a map.
const (
	Draft    Status = "draft"
	InReview Status = "review"
	Approved Status = "approved"
)

// Statuses lists the review states in order.
var Statuses = []Status{Draft, InReview, Approved}

// LaneKind says what a lane (row) of the board holds.
type LaneKind string

// The lane kinds a map carries: the customer's steps, touchpoints, channels, thoughts and
// emotions, pain points and opportunities, content and metrics, the backstage rows of a
// service blueprint (people, technology, policies, processes), and lanes of the user's own.
const (
	LaneSteps         LaneKind = "steps"
	LaneTouchpoints   LaneKind = "touchpoints"
	LaneChannels      LaneKind = "channels"
	LaneThoughts      LaneKind = "thoughts"
	LaneEmotions      LaneKind = "emotions"
	LanePainPoints    LaneKind = "pains"
	LaneOpportunities LaneKind = "opportunities"
	LaneContent       LaneKind = "content"
	LaneMetrics       LaneKind = "metrics"
	LanePeople        LaneKind = "backstage-people"
	LaneTechnology    LaneKind = "backstage-technology"
	LanePolicies      LaneKind = "backstage-policies"
	LaneProcesses     LaneKind = "backstage-processes"
	LaneCustom        LaneKind = "custom"
)

// LaneKinds lists every lane kind in the order menus show them.
var LaneKinds = []LaneKind{LaneSteps, LaneTouchpoints, LaneChannels, LaneThoughts, LaneEmotions,
	LanePainPoints, LaneOpportunities, LaneContent, LaneMetrics, LanePeople, LaneTechnology,
	LanePolicies, LaneProcesses, LaneCustom}

// Evidence says how well a card is known.
type Evidence string

// The evidence levels of a card.
const (
	EvidenceNone       Evidence = ""
	EvidenceResearched Evidence = "researched"
	EvidenceAssumed    Evidence = "assumed"
	EvidenceProposed   Evidence = "proposed"
)

// Presence says whether a touchpoint happens online or offline.
type Presence string

// The presence values of a card.
const (
	PresenceUnset Presence = ""
	Online        Presence = "online"
	Offline       Presence = "offline"
)

// CurveMode says how the emotion curve samples a map.
type CurveMode string

// The emotion-curve modes.
const (
	CurvePerCard  CurveMode = "cards"  // one point per card with a score, in reading order
	CurvePerStage CurveMode = "stages" // one point per stage: the average of its cards
)

// Scale is a map's emotion scale: whole steps from Min to Max, one label per step.
type Scale struct {
	Min    int      `json:"min"`
	Max    int      `json:"max"`
	Labels []string `json:"labels,omitempty"`
}

// DefaultScale is the −2..+2 scale new maps get.
func DefaultScale() Scale {
	return Scale{Min: -2, Max: 2, Labels: []string{"Very negative", "Negative", "Neutral", "Positive", "Very positive"}}
}

// Contains reports whether score lies on the scale.
func (s Scale) Contains(score float64) bool {
	return score >= float64(s.Min) && score <= float64(s.Max)
}

// MapFrom maps v from the range lo..hi linearly onto the scale.
func (s Scale) MapFrom(v, lo, hi float64) float64 {
	if hi == lo {
		return float64(s.Min+s.Max) / 2
	}
	return float64(s.Min) + (v-lo)/(hi-lo)*float64(s.Max-s.Min)
}

// Persona is the customer a map is drawn for. Personas belong to the workspace; a map names one.
type Persona struct {
	ID      int64  `json:"-"`
	Name    string `json:"name"`
	Summary string `json:"summary,omitempty"`
	// Photo is an optional PNG or JPEG picture, at most MaxPhotoBytes.
	Photo []byte `json:"photo,omitempty"`
	// The questions a persona answers (who they are, their day, goals, challenges, what
	// excites and frustrates them, channels, buying triggers, problems solved, information
	// needs), one field each.
	Demographics   string `json:"demographics,omitempty"`
	DayInLife      string `json:"dayInLife,omitempty"`
	Goals          string `json:"goals,omitempty"`
	Challenges     string `json:"challenges,omitempty"`
	Excites        string `json:"excites,omitempty"`
	Frustrates     string `json:"frustrates,omitempty"`
	Channels       string `json:"channels,omitempty"`
	BuyingTriggers string `json:"buyingTriggers,omitempty"`
	ProblemsSolved string `json:"problemsSolved,omitempty"`
	InfoNeeds      string `json:"infoNeeds,omitempty"`

	photoHash string // the stored picture's hash; set by the store, never by callers
}

// Stage is a column of the board: a step of the journey's timeline.
type Stage struct {
	ID          int64
	MapID       int64
	Position    int
	Name        string
	Colour      string // "#rrggbb", or empty for the theme's default
	Description string
	Metrics     []Metric // the stage's KPIs, shown in its footer
}

// Lane is a row of the board.
type Lane struct {
	ID       int64
	MapID    int64
	Position int
	Name     string
	Kind     LaneKind
}

// Metric is a measured value attached to a card or a stage.
type Metric struct {
	Name     string   `json:"name"`
	Value    float64  `json:"value"`
	Target   *float64 `json:"target,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	UpIsGood bool     `json:"upIsGood"`
}

// Card is a touchpoint, step, thought, pain point… in one cell (stage × lane) of the board.
type Card struct {
	ID            int64
	MapID         int64
	StageID       int64
	LaneID        int64
	Position      int // order within its cell, from 0
	Title         string
	Notes         string
	Channel       string
	Presence      Presence
	Emotion       *float64 // on the map's scale; nil when the card has no score
	Pain          bool
	Opportunity   bool
	MomentOfTruth bool
	Evidence      Evidence
	Tags          []string
	Colour        string
	Metric        *Metric
}

// Link joins two cards: an alternative path or a loop.
type Link struct {
	ID     int64
	MapID  int64
	FromID int64
	ToID   int64
	Label  string
}

// Map is one journey map with everything on it.
type Map struct {
	ID        int64
	Title     string
	Goal      string
	Audience  string
	Type      MapType
	Owner     string
	Status    Status
	Scale     Scale
	Curve     CurveMode
	PersonaID int64 // 0 when the map has no persona
	// Lang is the language of the words drawn on the map ("vi" or "en"); "" means detect it from the map's text.
	Lang string `json:"lang,omitempty"`
	// NoteLines is how many first lines of a card's notes its face shows (0: none, at most 3).
	NoteLines int `json:"note_lines,omitempty"`
	// Notes is free text about the map itself: what a file it was imported from carried
	// that has no other home (fields of another tool's format), or the team's own remarks.
	Notes   string `json:"notes,omitempty"`
	Created time.Time
	Updated time.Time

	Persona *Persona // loaded with the map; nil when PersonaID is 0
	Stages  []Stage  // in position order
	Lanes   []Lane   // in position order
	Cards   []Card   // in reading order: stage, lane, position
	Links   []Link
	// Comments are the comments of the map's threads, in the order they were written (see
	// Threads).
	Comments []Comment
}

// MapSummary is one line of a workspace's list of maps.
type MapSummary struct {
	ID      int64
	Title   string
	Type    MapType
	Stages  int
	Cards   int
	Updated time.Time
}

// Stage returns the stage with the given id, or nil.
func (m *Map) Stage(id int64) *Stage {
	for i := range m.Stages {
		if m.Stages[i].ID == id {
			return &m.Stages[i]
		}
	}
	return nil
}

// Lane returns the lane with the given id, or nil.
func (m *Map) Lane(id int64) *Lane {
	for i := range m.Lanes {
		if m.Lanes[i].ID == id {
			return &m.Lanes[i]
		}
	}
	return nil
}

// Card returns the card with the given id, or nil.
func (m *Map) Card(id int64) *Card {
	for i := range m.Cards {
		if m.Cards[i].ID == id {
			return &m.Cards[i]
		}
	}
	return nil
}

// CellCards returns the cards of one cell in their order.
func (m *Map) CellCards(stageID, laneID int64) []Card {
	var out []Card
	for _, c := range m.Cards {
		if c.StageID == stageID && c.LaneID == laneID {
			out = append(out, c)
		}
	}
	return out
}

// PhotoHash is the SHA-256 (lower-case hex) of the persona's picture as the workspace keeps it,
// or "" for a persona not read from a workspace: a key for caches of the decoded picture, so
// that nothing hashes the picture again on every repaint.
func (p *Persona) PhotoHash() string { return p.photoHash }
