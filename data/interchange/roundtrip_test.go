package interchange

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"journeycanvas/data"
)

// randomMap builds a valid map with random content: the kind of map the store hands to
// WriteJSON, with store-like ids.
func randomMap(r *rand.Rand, photo []byte) *data.Map {
	pieces := []string{"Nhận thức", "Quyết định", "ỳ ữ ặ đ", "a", " ", "\n", "\"", "\\", "<b>&</b>", "\u2028",
		"😀", "\t", "", "Trung thành", "%", "e\u0301", "\x00", "日本"}
	text := func(n int) string {
		var sb strings.Builder
		for i := r.IntN(n + 1); i > 0; i-- {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		return norm.NFC.String(sb.String())
	}
	num := func() float64 {
		switch r.IntN(4) {
		case 0:
			return float64(r.IntN(200) - 100)
		case 1:
			return r.NormFloat64() * 1e6
		case 2:
			return math.Copysign(0, -1)
		}
		return r.Float64() / 3
	}
	lo := r.IntN(10) - 5
	sc := data.Scale{Min: lo, Max: lo + 1 + r.IntN(20)}
	if r.IntN(2) == 0 {
		for i := sc.Min; i <= sc.Max; i++ {
			sc.Labels = append(sc.Labels, text(3))
		}
	}
	m := &data.Map{ID: r.Int64N(1000), Title: "T" + text(5), Goal: text(8), Audience: text(4), Owner: text(2),
		Type: data.MapTypes[r.IntN(len(data.MapTypes))], Status: data.Statuses[r.IntN(len(data.Statuses))],
		Curve: []data.CurveMode{data.CurvePerCard, data.CurvePerStage}[r.IntN(2)], Scale: sc}
	if r.IntN(2) == 0 {
		m.Created = time.Unix(r.Int64N(4e9), r.Int64N(1e9)).In(time.FixedZone("", 3600*(r.IntN(20)-10)))
		m.Updated = m.Created.Add(time.Duration(r.Int64N(1e15)))
	}
	if r.IntN(2) == 0 {
		m.Persona = &data.Persona{ID: 9, Name: "P" + text(3), Summary: text(5), Goals: text(2), InfoNeeds: text(2)}
		if r.IntN(2) == 0 {
			m.Persona.Photo = photo
		}
	}
	ids := r.Perm(100) // unique ids, not in order
	next := func() int64 { id := int64(ids[0] + 1); ids = ids[1:]; return id }
	for i := r.IntN(6); i > 0; i-- {
		m.Stages = append(m.Stages, data.Stage{ID: next(), MapID: m.ID, Position: len(m.Stages), Name: text(3), Description: text(4),
			Colour: []string{"", "#4C6EF5", "#e64980"}[r.IntN(3)]})
		for k := r.IntN(3); k > 0; k-- {
			mt := data.Metric{Name: text(2), Value: float64(r.IntN(1000)) / 10, Unit: []string{"", "%", "₫"}[r.IntN(3)], UpIsGood: r.IntN(2) == 0}
			if r.IntN(2) == 0 {
				tg := float64(r.IntN(100))
				mt.Target = &tg
			}
			m.Stages[len(m.Stages)-1].Metrics = append(m.Stages[len(m.Stages)-1].Metrics, mt)
		}
	}
	for i := r.IntN(5); i > 0; i-- {
		m.Lanes = append(m.Lanes, data.Lane{ID: next(), MapID: m.ID, Position: len(m.Lanes), Name: text(3),
			Kind: data.LaneKinds[r.IntN(len(data.LaneKinds))]})
	}
	if r.IntN(2) == 0 {
		m.Lang, m.NoteLines = data.MapLangs[r.IntN(len(data.MapLangs))], r.IntN(data.MaxNoteLines+1)
	}
	if len(m.Stages) == 0 || len(m.Lanes) == 0 {
		return m
	}
	for i := r.IntN(30); i > 0; i-- {
		c := data.Card{ID: next(), MapID: m.ID, StageID: m.Stages[r.IntN(len(m.Stages))].ID, LaneID: m.Lanes[r.IntN(len(m.Lanes))].ID,
			Position: r.IntN(5), Title: text(4), Notes: text(10), Channel: text(2),
			Presence: []data.Presence{"", data.Online, data.Offline}[r.IntN(3)], Pain: r.IntN(2) == 0,
			Opportunity: r.IntN(2) == 0, MomentOfTruth: r.IntN(3) == 0,
			Evidence: []data.Evidence{"", data.EvidenceResearched, data.EvidenceAssumed, data.EvidenceProposed}[r.IntN(4)],
			Colour:   []string{"", "#123abc"}[r.IntN(2)]}
		if r.IntN(3) > 0 {
			e := float64(sc.Min) + r.Float64()*float64(sc.Max-sc.Min)
			if r.IntN(2) == 0 {
				e = math.Round(e)
			}
			c.Emotion = &e
		}
		for j := r.IntN(4); j > 0; j-- {
			c.Tags = append(c.Tags, text(2))
		}
		if r.IntN(3) == 0 {
			c.Metric = &data.Metric{Name: text(2), Value: num(), Unit: text(1), UpIsGood: r.IntN(2) == 0}
			if r.IntN(2) == 0 {
				t := num()
				c.Metric.Target = &t
			}
		}
		m.Cards = append(m.Cards, c)
	}
	for i := r.IntN(4); i > 0 && len(m.Cards) > 1; i-- {
		a, b := r.IntN(len(m.Cards)), r.IntN(len(m.Cards))
		if a != b {
			m.Links = append(m.Links, data.Link{ID: next(), MapID: m.ID, FromID: m.Cards[a].ID, ToID: m.Cards[b].ID, Label: text(2)})
		}
	}
	return m
}

// TestJSONRoundTripRandom checks the round-trip property on many random valid maps:
// WriteJSON(ReadJSON(WriteJSON(m))) is WriteJSON(m), byte for byte.
func TestJSONRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	photo := tinyPNG(t)
	n := 500
	if testing.Short() {
		n = 50
	}
	for i := 0; i < n; i++ {
		m := randomMap(r, photo)
		first := writeJSON(t, m)
		back, err := ReadJSON(bytes.NewReader(first), "random.json")
		if err != nil {
			t.Fatalf("map %d: %v\n%s", i, err, first)
		}
		if err := checkMap(back); err != nil {
			t.Fatalf("map %d: %v", i, err)
		}
		if second := writeJSON(t, back); !bytes.Equal(first, second) {
			t.Fatalf("map %d: write → read → write differs:\n%s\n---\n%s", i, first, second)
		}
		if len(back.Cards) != len(m.Cards) || len(back.Links) != len(m.Links) || len(back.Stages) != len(m.Stages) {
			t.Fatalf("map %d: counts differ", i)
		}
	}
}
