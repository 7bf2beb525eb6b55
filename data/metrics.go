package data

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// MetricSuggestion is a metric teams commonly track at a stage of a given kind (ad impressions
// at awareness, conversion rate at acquisition, repurchase likelihood at retention…), named in
// English and Vietnamese.
type MetricSuggestion struct {
	Name     [2]string // English, Vietnamese
	Unit     string
	UpIsGood bool
}

// NameIn returns the suggestion's name in lang ("vi" or "en").
func (s MetricSuggestion) NameIn(lang string) string { return s.Name[langIndex(lang)] }

// The stage kinds metrics are suggested for.
const (
	KindAwareness   = "awareness"
	KindAcquisition = "acquisition"
	KindOnboarding  = "onboarding"
	KindEngagement  = "engagement"
	KindRetention   = "retention"
	KindAdvocacy    = "advocacy"
)

// StageKinds lists the kinds in journey order.
var StageKinds = []string{KindAwareness, KindAcquisition, KindOnboarding, KindEngagement, KindRetention, KindAdvocacy}

// MetricSuggestions are the metrics of each stage kind.
var MetricSuggestions = map[string][]MetricSuggestion{
	KindAwareness: {
		{[2]string{"Ad impressions", "Lượt hiển thị quảng cáo"}, "", true},
		{[2]string{"Ad clicks", "Lượt nhấp quảng cáo"}, "", true},
		{[2]string{"Search volume", "Lượng tìm kiếm"}, "", true},
		{[2]string{"Social mentions", "Lượt nhắc đến trên mạng xã hội"}, "", true},
		{[2]string{"Share of voice", "Thị phần thảo luận"}, "%", true},
		{[2]string{"Social engagement", "Tương tác mạng xã hội"}, "", true},
		{[2]string{"Domain authority", "Điểm uy tín tên miền"}, "", true},
		{[2]string{"Ad quality score", "Điểm chất lượng quảng cáo"}, "", true},
		{[2]string{"Brand mentions", "Lượt nhắc đến thương hiệu"}, "", true},
	},
	KindAcquisition: {
		{[2]string{"Site traffic", "Lưu lượng truy cập"}, "", true},
		{[2]string{"New visitors", "Khách truy cập mới"}, "%", true},
		{[2]string{"List growth rate", "Tốc độ tăng danh sách"}, "%", true},
		{[2]string{"Email open rate", "Tỉ lệ mở email"}, "%", true},
		{[2]string{"Click-through rate", "Tỉ lệ nhấp"}, "%", true},
		{[2]string{"Bounce rate", "Tỉ lệ thoát"}, "%", false},
		{[2]string{"Conversion rate", "Tỉ lệ chuyển đổi"}, "%", true},
		{[2]string{"Customer acquisition cost", "Chi phí có được khách hàng"}, "", false},
		{[2]string{"Referral traffic", "Lưu lượng giới thiệu"}, "", true},
		{[2]string{"Usability score", "Điểm khả dụng"}, "", true},
		{[2]string{"Cart abandonment rate", "Tỉ lệ bỏ giỏ hàng"}, "%", false},
		{[2]string{"Market share", "Thị phần"}, "%", true},
	},
	KindOnboarding: {
		{[2]string{"Accounts created", "Tài khoản được tạo"}, "", true},
		{[2]string{"Features accessed", "Tính năng được dùng"}, "", true},
		{[2]string{"Content engagement", "Tương tác với nội dung"}, "", true},
		{[2]string{"Support requests", "Yêu cầu hỗ trợ"}, "", false},
	},
	KindEngagement: {
		{[2]string{"Time in the product", "Thời gian sử dụng"}, "min", true},
		{[2]string{"Email open rate over time", "Tỉ lệ mở email theo thời gian"}, "%", true},
		{[2]string{"Transactions", "Số giao dịch"}, "", true},
	},
	KindRetention: {
		{[2]string{"Customer satisfaction", "Mức độ hài lòng"}, "%", true},
		{[2]string{"Customer lifetime value", "Giá trị vòng đời khách hàng"}, "", true},
		{[2]string{"Renewals and reorders", "Gia hạn và mua lại"}, "", true},
		{[2]string{"Repurchase likelihood", "Khả năng mua lại"}, "%", true},
		{[2]string{"Unsubscribe rate", "Tỉ lệ hủy đăng ký"}, "%", false},
		{[2]string{"Returns and cancellations", "Trả hàng và hủy đơn"}, "%", false},
	},
	KindAdvocacy: {
		{[2]string{"Net Promoter Score", "Chỉ số NPS"}, "", true},
		{[2]string{"Content shares", "Lượt chia sẻ nội dung"}, "", true},
		{[2]string{"Referrals", "Lượt giới thiệu"}, "", true},
		{[2]string{"Reviews", "Đánh giá"}, "", true},
		{[2]string{"Influencer endorsements", "Lời giới thiệu của người ảnh hưởng"}, "", true},
	},
}

// stageKindWords are words in stage names (English and Vietnamese, without marks) that tell
// a stage's kind.
var stageKindWords = map[string][]string{
	KindAwareness:   {"awareness", "attention", "discover", "nhan thuc", "chu y", "kham pha"},
	KindAcquisition: {"consideration", "acquisition", "interest", "desire", "decision", "purchase", "action", "research", "can nhac", "quan tam", "mong muon", "quyet dinh", "mua", "hanh dong"},
	KindOnboarding:  {"onboarding", "first use", "setup", "bat dau", "lam quen"},
	KindEngagement:  {"engagement", "use", "usage", "gan ket", "su dung"},
	KindRetention:   {"retention", "service", "support", "giu chan", "duy tri", "cham soc"},
	KindAdvocacy:    {"advocacy", "loyalty", "referral", "ung ho", "trung thanh", "gioi thieu"},
}

// StageKind guesses the kind of a stage from its name ("" when nothing matches).
func StageKind(name string) string {
	n := " " + fold(name) + " "
	for _, k := range StageKinds {
		for _, w := range stageKindWords[k] {
			if strings.Contains(n, w) {
				return k
			}
		}
	}
	return ""
}

// SuggestMetrics returns the metrics suggested for a stage: those of its kind, or of every
// kind when its name tells none.
func SuggestMetrics(stageName string) []MetricSuggestion {
	if k := StageKind(stageName); k != "" {
		return MetricSuggestions[k]
	}
	var all []MetricSuggestion
	for _, k := range StageKinds {
		all = append(all, MetricSuggestions[k]...)
	}
	return all
}

// fold lower-cases s and takes the marks off its letters (đ → d).
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r == 'đ':
			b.WriteRune('d')
		case r >= 0x300 && r <= 0x36f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
