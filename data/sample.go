package data

// SampleMap returns the sample e-commerce journey (a beauty product seen in a social
// ad, bought with an email discount, loved enough to join the loyalty programme), in
// Vietnamese ("vi") or English. New workspaces start with it so a user sees a real map at once.
func SampleMap(lang string) *Map {
	vi := lang == "vi"
	t := func(en, v string) string {
		if vi {
			return v
		}
		return en
	}
	score := func(v float64) *float64 { return &v }
	m := &Map{
		Title:    t("Buying a beauty product online", "Mua mỹ phẩm trực tuyến"),
		Goal:     t("Raise repeat purchases", "Tăng tỉ lệ mua lại"),
		Audience: t("Marketing and e-commerce teams", "Đội marketing và thương mại điện tử"),
		Type:     CurrentState, Status: Draft, Scale: DefaultScale(), Curve: CurvePerCard,
		Persona: &Persona{Name: t("Hương, 29, office worker", "Chị Hương, 29 tuổi, nhân viên văn phòng"),
			Summary: t("Shops on her phone in the evening; trusts reviews more than ads.",
				"Mua sắm trên điện thoại buổi tối; tin đánh giá hơn quảng cáo."),
			Goals:      t("Healthy skin without spending hours comparing", "Da khỏe mà không mất hàng giờ so sánh"),
			Frustrates: t("Slow delivery, checkout errors", "Giao hàng chậm, lỗi thanh toán"),
			Channels:   t("Facebook, TikTok, e-mail", "Facebook, TikTok, email")},
	}
	stages := [][2]string{{"Awareness", "Nhận thức"}, {"Consideration", "Cân nhắc"}, {"Decision", "Quyết định"},
		{"Retention", "Giữ chân"}, {"Loyalty", "Trung thành"}}
	colours := []string{"#4C6EF5", "#15AABF", "#40C057", "#FAB005", "#E64980"}
	for i, s := range stages {
		m.Stages = append(m.Stages, Stage{ID: int64(i + 1), Position: i, Name: t(s[0], s[1]), Colour: colours[i]})
	}
	lanes := []struct {
		en, vi string
		kind   LaneKind
	}{{"Actions", "Hành động", LaneSteps}, {"Touchpoints", "Điểm chạm", LaneTouchpoints},
		{"Thoughts", "Suy nghĩ", LaneThoughts}, {"Emotions", "Cảm xúc", LaneEmotions},
		{"Pain points", "Điểm đau", LanePainPoints}, {"Opportunities", "Cơ hội", LaneOpportunities}}
	for i, l := range lanes {
		m.Lanes = append(m.Lanes, Lane{ID: int64(i + 1), Position: i, Name: t(l.en, l.vi), Kind: l.kind})
	}
	type c struct {
		stage, lane int64
		en, vi      string
		ch          string
		e           *float64
		pain, opp   bool
		mot         bool
	}
	cards := []c{
		{1, 1, "Sees a social-media ad for a serum", "Thấy quảng cáo serum trên mạng xã hội", "Facebook", score(1), false, false, false},
		{1, 2, "Sponsored post", "Bài đăng được tài trợ", "Facebook", nil, false, false, false},
		{1, 3, "\"Would this suit my skin?\"", "“Liệu có hợp với da mình không?”", "", nil, false, false, false},
		{2, 1, "Searches and reads reviews on the shop's site", "Tìm kiếm và đọc đánh giá trên trang của cửa hàng", "Website", score(0), false, false, false},
		{2, 2, "Product page, reviews", "Trang sản phẩm, đánh giá", "Website", nil, false, false, false},
		{2, 5, "Reviews are hard to filter by skin type", "Khó lọc đánh giá theo loại da", "Website", nil, true, false, false},
		{3, 1, "Gets an email with a 10% discount and orders", "Nhận email giảm 10% và đặt hàng", "Email", score(2), false, false, true},
		{3, 1, "Checkout fails on the first try", "Thanh toán lỗi lần đầu", "App", score(-2), true, false, false},
		{3, 6, "Save the cart and retry payment by itself", "Tự lưu giỏ hàng và thử thanh toán lại", "", nil, false, true, false},
		{4, 1, "Gets a thank-you email and a how-to guide", "Nhận email cảm ơn và hướng dẫn sử dụng", "Email", score(1), false, false, false},
		{4, 3, "\"Am I using it right?\"", "“Mình dùng đúng cách chưa?”", "", nil, false, false, false},
		{5, 1, "Joins the loyalty programme and buys again", "Tham gia chương trình thành viên và mua lại", "App", score(2), false, false, false},
		{5, 6, "Referral reward for friends", "Thưởng khi giới thiệu bạn bè", "", nil, false, true, false},
	}
	for i, x := range cards {
		m.Cards = append(m.Cards, Card{ID: int64(i + 1), StageID: x.stage, LaneID: x.lane, Title: t(x.en, x.vi),
			Channel: x.ch, Emotion: x.e, Pain: x.pain, Opportunity: x.opp, MomentOfTruth: x.mot,
			Evidence: EvidenceResearched, Presence: Online})
	}
	target := 40.0
	m.Cards[6].Metric = &Metric{Name: t("Email open rate", "Tỉ lệ mở email"), Value: 32, Target: &target, Unit: "%", UpIsGood: true}
	m.Links = []Link{{ID: 1, FromID: 8, ToID: 7, Label: t("retry", "thử lại")}}
	m.SortCards() // cells in reading order, with their order within each cell kept
	return m
}
