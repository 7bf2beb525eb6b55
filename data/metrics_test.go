package data

import "testing"

func TestStageKindAndSuggestions(t *testing.T) {
	for name, want := range map[string]string{
		"Awareness": KindAwareness, "Nhận thức": KindAwareness, "Cân nhắc": KindAcquisition,
		"Quyết định": KindAcquisition, "Giữ chân": KindRetention, "Trung thành": KindAdvocacy,
		"Loyalty": KindAdvocacy, "Onboarding": KindOnboarding, "Phase 7": "",
	} {
		if got := StageKind(name); got != want {
			t.Errorf("StageKind(%q) = %q, want %q", name, got, want)
		}
	}
	if s := SuggestMetrics("Trung thành"); len(s) == 0 || s[0].NameIn("vi") != "Chỉ số NPS" {
		t.Fatalf("advocacy suggestions %+v", s)
	}
	n := 0
	for _, k := range StageKinds {
		n += len(MetricSuggestions[k])
		for _, s := range MetricSuggestions[k] {
			if s.Name[0] == "" || s.Name[1] == "" {
				t.Fatalf("%s: a suggestion lacks a name: %+v", k, s)
			}
		}
	}
	if got := len(SuggestMetrics("Phase 7")); got != n {
		t.Fatalf("an unknown stage gets %d suggestions, want all %d", got, n)
	}
}
