// Package testmaps builds journey maps in code for the tests and benchmarks of the geometry,
// the drawing routines and the export. The maps are fixed: the same call gives the same map.
package testmaps

import (
	"fmt"
	"math/rand/v2"
	"time"

	"journeycanvas/data"
)

func score(v float64) *float64 { return &v }

// Vietnamese is the five-stage e-commerce journey of data.SampleMap in Vietnamese: six lanes with
// an emotion lane, sixteen cards with scores, pain points, opportunities, a moment of truth,
// evidence of every kind, a metric and two links.
func Vietnamese() *data.Map {
	m := &data.Map{
		ID: 1, Title: "Mua mỹ phẩm trực tuyến — hành trình của khách hàng mới",
		Goal:     "Tăng tỉ lệ mua lại trong 90 ngày và giảm lỗi thanh toán ở bước đặt hàng",
		Audience: "Đội marketing và thương mại điện tử",
		Type:     data.CurrentState, Status: data.Draft, Scale: data.DefaultScale(), Curve: data.CurvePerCard,
		Created: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC),
		Persona: &data.Persona{ID: 1, Name: "Chị Hương, 29 tuổi, nhân viên văn phòng",
			Summary: "Mua sắm trên điện thoại buổi tối; tin đánh giá hơn quảng cáo; ghét chờ giao hàng lâu."},
		PersonaID: 1,
	}
	stages := []string{"Nhận thức", "Cân nhắc", "Quyết định", "Giữ chân", "Trung thành"}
	colours := []string{"#4C6EF5", "#15AABF", "#40C057", "#FAB005", "#E64980"}
	for i, s := range stages {
		m.Stages = append(m.Stages, data.Stage{ID: int64(10 + i), MapID: 1, Position: i, Name: s, Colour: colours[i]})
	}
	m.Stages[2].Description = "Đặt hàng và thanh toán"
	lanes := []struct {
		name string
		kind data.LaneKind
	}{{"Hành động", data.LaneSteps}, {"Điểm chạm", data.LaneTouchpoints}, {"Suy nghĩ", data.LaneThoughts},
		{"Cảm xúc", data.LaneEmotions}, {"Nỗi đau", data.LanePainPoints}, {"Cơ hội", data.LaneOpportunities}}
	for i, l := range lanes {
		m.Lanes = append(m.Lanes, data.Lane{ID: int64(20 + i), MapID: 1, Position: i, Name: l.name, Kind: l.kind})
	}
	type c struct {
		stage, lane int
		title, ch   string
		e           *float64
		pain, opp   bool
		mot         bool
		ev          data.Evidence
	}
	cards := []c{
		{0, 0, "Thấy quảng cáo serum trên mạng xã hội", "Facebook", score(1), false, false, false, data.EvidenceResearched},
		{0, 1, "Bài đăng được tài trợ, video ngắn của người có ảnh hưởng", "TikTok", nil, false, false, false, data.EvidenceResearched},
		{0, 2, "“Liệu có hợp với da mình không?”", "", nil, false, false, false, data.EvidenceAssumed},
		{1, 0, "Tìm kiếm và đọc đánh giá trên trang của cửa hàng", "Website", score(0), false, false, false, data.EvidenceResearched},
		{1, 0, "So sánh giá với hai sàn thương mại điện tử khác", "Shopee", score(-1), false, false, false, data.EvidenceAssumed},
		{1, 1, "Trang sản phẩm, đánh giá, hỏi đáp", "Website", nil, false, false, false, data.EvidenceNone},
		{1, 4, "Khó lọc đánh giá theo loại da", "Website", nil, true, false, false, data.EvidenceResearched},
		{2, 0, "Nhận email giảm 10% và đặt hàng", "Email", score(2), false, false, true, data.EvidenceResearched},
		{2, 0, "Thanh toán lỗi lần đầu", "Ứng dụng", score(-2), true, false, false, data.EvidenceResearched},
		{2, 2, "“Tiền đã bị trừ chưa? Có nên thử lại không?”", "", nil, false, false, false, data.EvidenceAssumed},
		{2, 5, "Tự lưu giỏ hàng và thử thanh toán lại", "Ứng dụng", nil, false, true, false, data.EvidenceProposed},
		{3, 0, "Nhận email cảm ơn và hướng dẫn sử dụng", "Email", score(1), false, false, false, data.EvidenceResearched},
		{3, 4, "Giao hàng chậm hai ngày so với dự kiến", "Giao hàng", score(-1), true, false, false, data.EvidenceResearched},
		{3, 5, "Gửi thông báo theo dõi đơn hàng theo thời gian thực", "", nil, false, true, false, data.EvidenceProposed},
		{4, 0, "Tham gia chương trình thành viên và mua lại", "Ứng dụng", score(2), false, false, false, data.EvidenceResearched},
		{4, 5, "Thưởng khi giới thiệu bạn bè", "", nil, false, true, false, data.EvidenceProposed},
	}
	pos := map[[2]int]int{}
	for i, x := range cards {
		k := [2]int{x.stage, x.lane}
		m.Cards = append(m.Cards, data.Card{ID: int64(100 + i), MapID: 1, StageID: int64(10 + x.stage), LaneID: int64(20 + x.lane),
			Position: pos[k], Title: x.title, Channel: x.ch, Emotion: x.e, Pain: x.pain, Opportunity: x.opp,
			MomentOfTruth: x.mot, Evidence: x.ev, Presence: data.Online})
		pos[k]++
	}
	target := 40.0
	m.Cards[7].Metric = &data.Metric{Name: "Tỉ lệ mở email", Value: 32, Target: &target, Unit: "%", UpIsGood: true}
	nps := 30.0
	m.Cards[14].Metric = &data.Metric{Name: "NPS", Value: 42, Target: &nps, UpIsGood: true}
	m.Links = []data.Link{
		{ID: 1, MapID: 1, FromID: 108, ToID: 107, Label: "thử lại"},
		{ID: 2, MapID: 1, FromID: 114, ToID: 103, Label: "mua lại"},
	}
	return m
}

// Small is a two-stage, three-lane English map for golden images: every marker kind, a face
// of every mood, a metric, a truncated title and a link.
func Small() *data.Map {
	m := &data.Map{ID: 2, Title: "Reference map", Goal: "Check every mark the exporter draws",
		Type: data.FutureState, Scale: data.DefaultScale(), Curve: data.CurvePerCard,
		Persona: &data.Persona{Name: "Alex Tran", Summary: "Plans trips on a laptop."}}
	m.Stages = []data.Stage{{ID: 1, Name: "Discover", Colour: "#4C6EF5"}, {ID: 2, Position: 1, Name: "Book"}}
	m.Lanes = []data.Lane{{ID: 1, Name: "Steps", Kind: data.LaneSteps}, {ID: 2, Position: 1, Name: "Emotions", Kind: data.LaneEmotions},
		{ID: 3, Position: 2, Name: "Pains", Kind: data.LanePainPoints}}
	t := 5.0
	m.Cards = []data.Card{
		{ID: 1, StageID: 1, LaneID: 1, Title: "Reads a travel blog", Channel: "Web", Emotion: score(1), Evidence: data.EvidenceResearched},
		{ID: 2, StageID: 1, LaneID: 1, Position: 1, Title: "A very long title that keeps going and going well past the four lines a card shows, so it must end with an ellipsis after the fourth line of text", Emotion: score(0), Evidence: data.EvidenceAssumed, MomentOfTruth: true},
		{ID: 3, StageID: 1, LaneID: 3, Title: "Too many tabs", Pain: true},
		{ID: 4, StageID: 2, LaneID: 1, Title: "Books a room", Channel: "App", Emotion: score(2), Opportunity: true, Evidence: data.EvidenceProposed,
			Metric: &data.Metric{Name: "Conversion", Value: 3.2, Target: &t, Unit: "%", UpIsGood: true}},
		{ID: 5, StageID: 2, LaneID: 3, Title: "Payment declined", Channel: "App", Emotion: score(-2), Pain: true},
	}
	m.Links = []data.Link{{ID: 1, FromID: 5, ToID: 4, Label: "retry"}}
	return m
}

var words = []string{"customer", "reads", "reviews", "email", "discount", "checkout", "app", "store",
	"support", "call", "waits", "delivery", "tracking", "loyalty", "points", "refund", "search",
	"compares", "prices", "khách", "hàng", "đặt", "thanh toán", "giao", "nhanh", "đánh giá", "ưu đãi"}

var channels = []string{"", "Web", "App", "Email", "Store", "Facebook", "Hotline"}

// Big is a map of n cards spread over the given numbers of stages and lanes (one of them an
// emotion lane), with titles of one or two lines, about a third of them scored, some pain
// points, opportunities, metrics and links.
func Big(n, stages, lanes int) *data.Map {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	m := &data.Map{ID: 3, Title: fmt.Sprintf("Large map: %d cards", n), Goal: "Stress the layout and the export",
		Type: data.CurrentState, Scale: data.DefaultScale(), Curve: data.CurvePerCard}
	for i := 0; i < stages; i++ {
		m.Stages = append(m.Stages, data.Stage{ID: int64(i + 1), Position: i, Name: fmt.Sprintf("Stage %d", i+1)})
	}
	for i := 0; i < lanes; i++ {
		kind := data.LaneSteps
		if i == 2 {
			kind = data.LaneEmotions
		}
		m.Lanes = append(m.Lanes, data.Lane{ID: int64(100 + i), Position: i, Name: fmt.Sprintf("Lane %d", i+1), Kind: kind})
	}
	// Cards in reading order: stage, lane, position, spread evenly over the cells outside the
	// emotion lane (a stress test of volume, not of one overfull cell).
	per := make([]int, stages*lanes)
	var cells []int
	for i := range per {
		if i%lanes != 2 || lanes == 1 {
			cells = append(cells, i)
		}
	}
	for i := 0; i < n; i++ {
		per[cells[i%len(cells)]]++
	}
	id := int64(1000)
	for s := 0; s < stages; s++ {
		for l := 0; l < lanes; l++ {
			for p := 0; p < per[s*lanes+l]; p++ {
				nw := 2 + r.IntN(5)
				title := ""
				for w := 0; w < nw; w++ {
					if w > 0 {
						title += " "
					}
					title += words[r.IntN(len(words))]
				}
				c := data.Card{ID: id, StageID: int64(s + 1), LaneID: int64(100 + l), Position: p, Title: title,
					Channel: channels[r.IntN(len(channels))], Pain: r.IntN(12) == 0, Opportunity: r.IntN(15) == 0,
					MomentOfTruth: r.IntN(40) == 0}
				if r.IntN(3) == 0 {
					c.Emotion = score(float64(r.IntN(5) - 2))
				}
				if r.IntN(25) == 0 {
					c.Metric = &data.Metric{Name: "Rate", Value: float64(r.IntN(100)), Unit: "%", UpIsGood: true}
				}
				m.Cards = append(m.Cards, c)
				id++
			}
		}
	}
	for i := 0; i < n/50; i++ {
		a, b := m.Cards[r.IntN(len(m.Cards))].ID, m.Cards[r.IntN(len(m.Cards))].ID
		if a != b {
			m.Links = append(m.Links, data.Link{ID: int64(i + 1), FromID: a, ToID: b})
		}
	}
	return m
}
