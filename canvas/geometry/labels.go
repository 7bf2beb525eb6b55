package geometry

import (
	"journeycanvas/data"
)

// Labels are the few words the geometry and the export add to a map of their own: the name
// of an automatic emotion lane, header captions, the legend and the footer.
type Labels struct {
	Emotions      string // name of the automatic emotion lane
	Goal          string
	Persona       string
	Target        string // "target" in a metric line
	PainPoint     string
	Opportunity   string
	MomentOfTruth string
	Researched    string
	Assumed       string
	Proposed      string
	Positive      string
	Neutral       string
	Negative      string
	Curve         string // legend caption of the curve
	Exported      string // footer: Exported + date
	Link          string // legend caption of a link arrow
	Lowest        string // curve legend: the lowest point's mark
	SharpDrop     string // curve legend: a sharp drop's mark
}

// LabelsFor returns the labels in "vi" or, for anything else, English.
func LabelsFor(lang string) Labels {
	if lang == "vi" {
		return Labels{
			Emotions: "Cảm xúc", Goal: "Mục tiêu", Persona: "Chân dung khách hàng", Target: "mục tiêu",
			PainPoint: "Nỗi đau", Opportunity: "Cơ hội", MomentOfTruth: "Khoảnh khắc quyết định",
			Researched: "Đã nghiên cứu", Assumed: "Giả định", Proposed: "Đề xuất",
			Positive: "Tích cực", Neutral: "Trung lập", Negative: "Tiêu cực",
			Curve: "Đường cảm xúc", Exported: "Xuất ngày", Link: "Đường nối",
			Lowest: "Điểm thấp nhất", SharpDrop: "Tụt mạnh",
		}
	}
	return Labels{
		Emotions: "Emotions", Goal: "Goal", Persona: "Persona", Target: "target",
		PainPoint: "Pain point", Opportunity: "Opportunity", MomentOfTruth: "Moment of truth",
		Researched: "Researched", Assumed: "Assumed", Proposed: "Proposed",
		Positive: "Positive", Neutral: "Neutral", Negative: "Negative",
		Curve: "Emotion curve", Exported: "Exported", Link: "Link",
		Lowest: "Lowest point", SharpDrop: "Sharp drop",
	}
}

// MapTypeLabel names a map type in "vi" or English.
func MapTypeLabel(t data.MapType, lang string) string {
	if lang == "vi" {
		switch t {
		case data.CurrentState:
			return "Hiện trạng"
		case data.DayInTheLife:
			return "Một ngày của khách hàng"
		case data.FutureState:
			return "Trạng thái tương lai"
		case data.ServiceBlueprint:
			return "Bản thiết kế dịch vụ"
		}
	}
	return t.Label()
}

// DetectLang returns "vi" when the map's title, stage or lane names use letters only
// Vietnamese writes (ă â đ ê ô ơ ư and the tone-marked vowels), else "en".
func DetectLang(m *data.Map) string {
	texts := []string{m.Title, m.Goal}
	for _, s := range m.Stages {
		texts = append(texts, s.Name)
	}
	for _, l := range m.Lanes {
		texts = append(texts, l.Name)
	}
	for _, t := range texts {
		for _, r := range NFC(t) {
			if isVietnamese(r) {
				return "vi"
			}
		}
	}
	return "en"
}

func isVietnamese(r rune) bool {
	switch r {
	case 'ă', 'Ă', 'â', 'Â', 'đ', 'Đ', 'ê', 'Ê', 'ô', 'Ô', 'ơ', 'Ơ', 'ư', 'Ư':
		return true
	}
	return r >= 0x1EA0 && r <= 0x1EF9
}
