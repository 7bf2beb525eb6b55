package data

import "fmt"

// Template is a starting point for a new map, in English and Vietnamese.
type Template struct {
	ID          string
	Name        [2]string // English, Vietnamese
	Description [2]string
	build       func(t tr) *Map
}

// tr picks the English or Vietnamese of a pair.
type tr bool

func (vi tr) s(en, v string) string {
	if vi {
		return v
	}
	return en
}

func langIndex(lang string) int {
	if lang == "vi" {
		return 1
	}
	return 0
}

// NameIn returns the template's name in lang ("vi" or "en").
func (t Template) NameIn(lang string) string { return t.Name[langIndex(lang)] }

// DescriptionIn returns the template's description in lang.
func (t Template) DescriptionIn(lang string) string { return t.Description[langIndex(lang)] }

// Build returns a new, unsaved map from the template in lang ("vi" or "en").
func (t Template) Build(lang string) *Map {
	m := t.build(tr(lang == "vi"))
	if m.Scale.Labels == nil {
		m.Scale = ScaleIn(lang)
	}
	return m
}

// ScaleIn is the default −2..+2 scale with its labels in lang.
func ScaleIn(lang string) Scale {
	s := DefaultScale()
	if lang == "vi" {
		s.Labels = []string{"Rất tệ", "Tệ", "Bình thường", "Tốt", "Rất tốt"}
	}
	return s
}

// TemplateByID finds a template.
func TemplateByID(id string) (Template, error) {
	for _, t := range Templates {
		if t.ID == id {
			return t, nil
		}
	}
	return Template{}, fmt.Errorf("no template %q: %w", id, ErrNotFound)
}

type pair = [2]string

// skeleton builds a map from stage names, lanes and cards given as (stage, lane, text) triples
// with 1-based stage and lane numbers.
func skeleton(vi tr, title pair, typ MapType, stages []pair, lanes []struct {
	n    pair
	kind LaneKind
}, cards []tcard) *Map {
	m := &Map{Title: vi.s(title[0], title[1]), Type: typ}
	palette := []string{"#4C6EF5", "#15AABF", "#40C057", "#FAB005", "#E64980", "#7950F2", "#FD7E14", "#12B886"}
	for i, s := range stages {
		m.Stages = append(m.Stages, Stage{ID: int64(i + 1), Position: i, Name: vi.s(s[0], s[1]), Colour: palette[i%len(palette)]})
	}
	for i, l := range lanes {
		m.Lanes = append(m.Lanes, Lane{ID: int64(i + 1), Position: i, Name: vi.s(l.n[0], l.n[1]), Kind: l.kind})
	}
	for i, c := range cards {
		m.Cards = append(m.Cards, Card{ID: int64(i + 1), StageID: int64(c.stage), LaneID: int64(c.lane),
			Title: vi.s(c.text[0], c.text[1]), Emotion: c.emotion, Pain: c.pain, Opportunity: c.opp})
	}
	m.SortCards()
	return m
}

type tcard struct {
	stage, lane int
	text        pair
	emotion     *float64
	pain, opp   bool
}

type laneDef = struct {
	n    pair
	kind LaneKind
}

var (
	lnActions  = laneDef{pair{"Actions", "Hành động"}, LaneSteps}
	lnTouch    = laneDef{pair{"Touchpoints", "Điểm chạm"}, LaneTouchpoints}
	lnThoughts = laneDef{pair{"Thoughts & questions", "Suy nghĩ & câu hỏi"}, LaneThoughts}
	lnEmotions = laneDef{pair{"Emotions", "Cảm xúc"}, LaneEmotions}
	lnPains    = laneDef{pair{"Pain points", "Điểm đau"}, LanePainPoints}
	lnOpps     = laneDef{pair{"Opportunities", "Cơ hội"}, LaneOpportunities}
	lnMetrics  = laneDef{pair{"Metrics", "Chỉ số"}, LaneMetrics}
	lnContent  = laneDef{pair{"Content", "Nội dung"}, LaneContent}
	standard   = []laneDef{lnActions, lnTouch, lnThoughts, lnEmotions, lnPains, lnOpps}
)

func metricCards(stage int, names ...pair) []tcard {
	var out []tcard
	for _, n := range names {
		out = append(out, tcard{stage: stage, lane: 7, text: n}) // lane 7: Metrics
	}
	return out
}

var fiveStages = []pair{{"Awareness", "Nhận thức"}, {"Consideration", "Cân nhắc"}, {"Decision", "Quyết định"},
	{"Retention", "Giữ chân"}, {"Loyalty", "Trung thành"}}

// Templates lists every template, in the order the gallery shows them.
var Templates = []Template{
	{ID: "blank", Name: pair{"Blank map", "Bản đồ trống"},
		Description: pair{"Three stages and two lanes to start from.", "Ba giai đoạn và hai làn để bắt đầu."},
		build: func(vi tr) *Map {
			return skeleton(vi, pair{"New journey", "Hành trình mới"}, CurrentState,
				[]pair{{"Stage 1", "Giai đoạn 1"}, {"Stage 2", "Giai đoạn 2"}, {"Stage 3", "Giai đoạn 3"}},
				[]laneDef{lnActions, lnTouch}, nil)
		}},
	{ID: "five-stages", Name: pair{"Five stages", "Năm giai đoạn"},
		Description: pair{"Awareness → Consideration → Decision → Retention → Loyalty with the usual lanes.",
			"Nhận thức → Cân nhắc → Quyết định → Giữ chân → Trung thành với các làn thường dùng."},
		build: func(vi tr) *Map {
			return skeleton(vi, pair{"Customer journey", "Hành trình khách hàng"}, CurrentState, fiveStages, standard, nil)
		}},
	{ID: "lifecycle", Name: pair{"Six-stage lifecycle", "Vòng đời sáu giai đoạn"},
		Description: pair{"Awareness to advocacy, with the metrics to watch at each stage.",
			"Từ nhận thức đến ủng hộ thương hiệu, kèm chỉ số cần theo dõi ở mỗi giai đoạn."},
		build: func(vi tr) *Map {
			var cards []tcard
			cards = append(cards, metricCards(1, pair{"Ad impressions and clicks", "Lượt hiển thị và nhấp quảng cáo"},
				pair{"Search volume", "Lượng tìm kiếm"}, pair{"Share of voice", "Thị phần thảo luận"}, pair{"Brand mentions", "Lượt nhắc thương hiệu"})...)
			cards = append(cards, metricCards(2, pair{"Site traffic by channel", "Lưu lượng truy cập theo kênh"},
				pair{"Conversion rate", "Tỉ lệ chuyển đổi"}, pair{"Customer acquisition cost", "Chi phí có khách hàng (CAC)"},
				pair{"Cart abandonment rate", "Tỉ lệ bỏ giỏ hàng"})...)
			cards = append(cards, metricCards(3, pair{"Accounts created", "Số tài khoản tạo mới"},
				pair{"Features accessed", "Tính năng được dùng"}, pair{"Support requests", "Yêu cầu hỗ trợ"})...)
			cards = append(cards, metricCards(4, pair{"Time using the product", "Thời gian sử dụng"},
				pair{"Email open rate over time", "Tỉ lệ mở email theo thời gian"}, pair{"Transactions", "Dữ liệu giao dịch"})...)
			cards = append(cards, metricCards(5, pair{"Customer satisfaction", "Mức độ hài lòng"},
				pair{"Customer lifetime value", "Giá trị vòng đời khách hàng"}, pair{"Renewals and reorders", "Gia hạn và mua lại"})...)
			cards = append(cards, metricCards(5, pair{"Unsubscribe rate", "Tỉ lệ hủy đăng ký"})...)
			cards = append(cards, metricCards(6, pair{"Net Promoter Score", "Chỉ số NPS"},
				pair{"Referrals", "Lượt giới thiệu"}, pair{"Reviews and content shares", "Đánh giá và chia sẻ nội dung"})...)
			return skeleton(vi, pair{"Customer lifecycle", "Vòng đời khách hàng"}, CurrentState,
				[]pair{{"Awareness", "Tạo nhận thức"}, {"Acquisition", "Tiếp cận"}, {"Onboarding", "Onboard"},
					{"Engagement", "Thu hút / gắn kết"}, {"Retention", "Giữ chân"}, {"Advocacy", "Ủng hộ thương hiệu"}},
				append(append([]laneDef{}, standard...), lnMetrics), cards)
		}},
	{ID: "aida", Name: pair{"AIDA", "AIDA"},
		Description: pair{"Attention · Interest · Desire · Action.", "Chú ý · Quan tâm · Mong muốn · Hành động."},
		build: func(vi tr) *Map {
			return skeleton(vi, pair{"AIDA journey", "Hành trình AIDA"}, CurrentState,
				[]pair{{"Attention", "Chú ý"}, {"Interest", "Quan tâm"}, {"Desire", "Mong muốn"}, {"Action", "Hành động"}},
				[]laneDef{lnActions, lnTouch, lnContent, lnThoughts, lnEmotions, lnOpps}, nil)
		}},
	{ID: "b2b", Name: pair{"B2B buying", "Mua hàng B2B"},
		Description: pair{"Research to purchase, with the questions the buyer asks at each stage.",
			"Từ tìm hiểu đến mua, kèm câu hỏi người mua đặt ra ở mỗi giai đoạn."},
		build: func(vi tr) *Map {
			q := func(stage int, en, v string) tcard { return tcard{stage: stage, lane: 3, text: pair{en, v}} }
			return skeleton(vi, pair{"B2B buying journey", "Hành trình mua hàng B2B"}, CurrentState,
				[]pair{{"Research", "Tìm hiểu"}, {"Comparison", "So sánh"}, {"Doubt", "Nghi ngờ"},
					{"Hesitation", "Do dự"}, {"Purchase or rejection", "Mua hoặc từ chối"}},
				standard, []tcard{
					q(1, "What is causing our problem?", "Điều gì gây ra vấn đề của chúng tôi?"),
					q(1, "Who solves this kind of problem?", "Ai giải quyết loại vấn đề này?"),
					q(2, "How do the vendors differ?", "Các nhà cung cấp khác nhau thế nào?"),
					q(2, "What does it cost in total?", "Tổng chi phí là bao nhiêu?"),
					q(3, "Will it work with our systems?", "Có chạy được với hệ thống của chúng tôi không?"),
					q(3, "Who else like us uses it?", "Doanh nghiệp nào giống chúng tôi đang dùng?"),
					q(4, "What if it fails?", "Nếu thất bại thì sao?"),
					q(4, "Can we get approval internally?", "Nội bộ có duyệt không?"),
					q(5, "Is the contract fair?", "Hợp đồng có hợp lý không?"),
					q(5, "How fast can we start?", "Bao lâu thì bắt đầu được?"),
				})
		}},
	{ID: "detailed-14", Name: pair{"Detailed 14-step journey", "Hành trình chi tiết 14 bước"},
		Description: pair{"From identifying the need to deciding to continue or stop.",
			"Từ nhận ra nhu cầu đến quyết định tiếp tục hay dừng."},
		build: func(vi tr) *Map {
			return skeleton(vi, pair{"Detailed journey", "Hành trình chi tiết"}, CurrentState, []pair{
				{"Identify the need", "Nhận ra nhu cầu"}, {"Search online", "Tìm kiếm trực tuyến"},
				{"Visit brand websites", "Xem trang web thương hiệu"}, {"Learn features and benefits", "Tìm hiểu tính năng và lợi ích"},
				{"Compare brands and prices", "So sánh thương hiệu và giá"}, {"Decide to buy", "Quyết định mua"},
				{"Unboxing", "Mở hộp"}, {"First use", "Dùng lần đầu"}, {"Continued use", "Tiếp tục sử dụng"},
				{"Run into a problem", "Gặp sự cố"}, {"Need an upgrade or change", "Cần nâng cấp hoặc thay đổi"},
				{"Research upgrade options", "Tìm hiểu lựa chọn nâng cấp"}, {"Compare again", "So sánh lại"},
				{"Continue or stop", "Tiếp tục hay dừng"}}, standard, nil)
		}},
	{ID: "ecommerce", Name: pair{"E-commerce example", "Ví dụ thương mại điện tử"},
		Description: pair{"A beauty product: social ad, reviews, discount email, loyalty programme — with emotions.",
			"Mỹ phẩm: quảng cáo mạng xã hội, đánh giá, email giảm giá, chương trình thành viên — kèm cảm xúc."},
		build: func(vi tr) *Map {
			if vi {
				return SampleMap("vi")
			}
			return SampleMap("en")
		}},
	{ID: "restaurant", Name: pair{"Restaurant", "Nhà hàng"},
		Description: pair{"Choosing where to eat, ordering, the meal, paying and coming back.",
			"Chọn nơi ăn, gọi món, dùng bữa, thanh toán và quay lại."},
		build: func(vi tr) *Map {
			e := func(v float64) *float64 { return &v }
			return skeleton(vi, pair{"Restaurant visit", "Đi ăn nhà hàng"}, CurrentState,
				[]pair{{"Choose", "Chọn quán"}, {"Arrive & order", "Đến và gọi món"}, {"Meal", "Dùng bữa"},
					{"Pay", "Thanh toán"}, {"Return", "Quay lại"}},
				[]laneDef{lnActions, lnTouch, lnEmotions, lnPains, {pair{"What the restaurant does", "Nhà hàng cần làm"}, LanePeople}},
				[]tcard{
					{stage: 1, lane: 1, text: pair{"Looks up places nearby on a map app", "Tìm quán gần đây trên ứng dụng bản đồ"}, emotion: e(0)},
					{stage: 2, lane: 1, text: pair{"Waits for a table", "Chờ bàn"}, emotion: e(-1)},
					{stage: 2, lane: 4, text: pair{"No queue information", "Không biết phải chờ bao lâu"}, pain: true},
					{stage: 3, lane: 1, text: pair{"Enjoys the dish", "Thưởng thức món ăn"}, emotion: e(2)},
					{stage: 4, lane: 1, text: pair{"Waits for the bill", "Chờ hóa đơn"}, emotion: e(-1)},
					{stage: 4, lane: 5, text: pair{"Pay at the table by QR code", "Thanh toán tại bàn bằng mã QR"}, opp: true},
					{stage: 5, lane: 1, text: pair{"Comes back with friends", "Quay lại cùng bạn bè"}, emotion: e(1)},
				})
		}},
	{ID: "day-in-life", Name: pair{"Day in the life", "Một ngày của khách hàng"},
		Description: pair{"A customer's ordinary day, to find needs the product does not meet yet.",
			"Một ngày bình thường của khách hàng, để tìm nhu cầu chưa được đáp ứng."},
		build: func(vi tr) *Map {
			m := skeleton(vi, pair{"A day in the life", "Một ngày của khách hàng"}, DayInTheLife,
				[]pair{{"Morning", "Buổi sáng"}, {"Commute", "Đi làm"}, {"Work", "Làm việc"}, {"Lunch", "Buổi trưa"},
					{"Afternoon", "Buổi chiều"}, {"Evening", "Buổi tối"}},
				[]laneDef{lnActions, {pair{"Tools & places", "Công cụ & địa điểm"}, LaneChannels}, lnThoughts, lnEmotions, lnPains, lnOpps}, nil)
			return m
		}},
	{ID: "service-blueprint", Name: pair{"Service blueprint", "Bản thiết kế dịch vụ"},
		Description: pair{"Customer actions, frontstage, backstage and support processes, with the lines of interaction, visibility and internal interaction.",
			"Hành động khách hàng, tiền sảnh, hậu trường và quy trình hỗ trợ, với các đường tương tác, hiển thị và tương tác nội bộ."},
		build: func(vi tr) *Map {
			return skeleton(vi, pair{"Service blueprint", "Bản thiết kế dịch vụ"}, ServiceBlueprint, fiveStages,
				[]laneDef{{pair{"Customer actions", "Hành động khách hàng"}, LaneSteps},
					{pair{"Frontstage", "Tiền sảnh"}, LanePeople},
					{pair{"Backstage", "Hậu trường"}, LaneTechnology},
					{pair{"Support processes", "Quy trình hỗ trợ"}, LaneProcesses},
					{pair{"Policies", "Chính sách"}, LanePolicies}}, nil)
		}},
}
