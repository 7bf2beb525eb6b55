package interchange

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"journeycanvas/data"
)

// laneWords are the words that give a lane's kind away, in English and Vietnamese, folded
// (lower case, without accents, đ as d). A word matches at the start of a word of the name,
// so "touchpoint" matches "Touchpoints". The first kind with a matching word wins.
var laneWords = []struct {
	kind  data.LaneKind
	words []string
}{
	{data.LaneTouchpoints, []string{"touchpoint", "touch point", "diem cham", "diem tiep xuc"}},
	{data.LanePainPoints, []string{"pain", "noi dau", "diem dau", "van de", "problem", "kho khan"}},
	{data.LaneOpportunities, []string{"opportunit", "co hoi", "giai phap", "solution", "improvement", "cai thien"}},
	{data.LaneSteps, []string{"action", "step", "doing", "activit", "task", "hanh dong", "buoc", "hoat dong"}},
	{data.LaneThoughts, []string{"thought", "thinking", "question", "suy nghi", "cau hoi"}},
	{data.LaneEmotions, []string{"emotion", "feeling", "mood", "cam xuc", "cam nhan"}},
	{data.LaneChannels, []string{"channel", "kenh"}},
	{data.LaneContent, []string{"content", "noi dung"}},
	{data.LaneMetrics, []string{"metric", "kpi", "measure", "chi so", "do luong"}},
	{data.LanePeople, []string{"people", "staff", "employee", "onstage", "front stage", "frontstage", "nhan su", "nhan vien"}},
	{data.LaneTechnology, []string{"technolog", "system", "support", "cong nghe", "he thong", "ho tro"}},
	{data.LanePolicies, []string{"polic", "rule", "chinh sach", "quy dinh"}},
	{data.LaneProcesses, []string{"process", "backstage", "quy trinh", "hau truong"}},
}

// GuessLaneKind guesses a lane's kind from its name, in English or Vietnamese, with or without
// accents: "Touchpoints" and "Điểm chạm" are touchpoints, "Pain points" and "Nỗi đau" pains,
// "Actions", "Steps" and "Hành động" steps, "Thoughts" and "Suy nghĩ" thoughts,
// "Opportunities" and "Cơ hội" opportunities, "Metrics" and "KPI" metrics. A name it does not
// recognise gives data.LaneCustom.
func GuessLaneKind(name string) data.LaneKind {
	f := " " + fold(name)
	for _, lw := range laneWords {
		for _, w := range lw.words {
			if strings.Contains(f, " "+w) {
				return lw.kind
			}
		}
	}
	return data.LaneCustom
}

// fold lowers s, drops its accents and spells đ as d; punctuation becomes spaces.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, strings.ToLower(s))
	if err != nil {
		out = strings.ToLower(s)
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == 'đ':
			return 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return r
		}
		return ' '
	}, out)
}
