package interchange

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"journeycanvas/data"
)

func TestReadMermaidGood(t *testing.T) {
	cases := []struct {
		name, file, text string
		title, goal      string
		stages, cards    string
		scores           string // card scores on the map's scale, "-" for none
		tags             string // tags of each card joined by "," and cards by "|"
	}{
		{name: "mermaid docs example", file: "day.mmd",
			text:   "journey\n    title My working day\n    section Go to work\n      Make tea: 5: Me\n      Go upstairs: 3: Me\n      Do work: 1: Me, Cat\n    section Go home\n      Go downstairs: 5: Me\n      Sit down: 5: Me\n",
			title:  "My working day",
			stages: "Go to work|Go home", cards: "Make tea|Go upstairs|Do work|Go downstairs|Sit down",
			scores: "2 0 -2 2 2", tags: "Me|Me|Me,Cat|Me|Me"},
		{name: "vietnamese NFD", file: "vi.mmd",
			text:   nfd("journey\ntitle Mua mỹ phẩm\nsection Nhận thức\n  Thấy quảng cáo: 4: Chị Hương\nsection Quyết định\n  Đặt hàng: 5: Chị Hương, ỳ ữ ặ đ\n"),
			title:  "Mua mỹ phẩm",
			stages: "Nhận thức|Quyết định", cards: "Thấy quảng cáo|Đặt hàng", scores: "1 2", tags: "Chị Hương|Chị Hương,ỳ ữ ặ đ"},
		{name: "no actors, empty actors, decimals, tasks before a section", file: "dir/Loose.MMD",
			text:  "%% a comment\n\n  JOURNEY  \n  Early: 2\n  Earlier:\t3:\nSection Later\n  Half: 2.5: , Me ,, Me\n  Top: 5.0 :\n",
			title: "Loose", stages: "|Later", cards: "Early|Earlier|Half|Top", scores: "-1 0 -0.5 2", tags: "||Me|"},
		{name: "accessibility, breaks, CRLF, comments", file: "acc.mmd",
			text:  "journey\r\n  accTitle: Checkout<br>journey\r\n  accDescr {\r\n    Find the pain\r\n    in checkout\r\n  }\r\n  %% section Hidden\r\n  section Pay<BR />now\r\n    Pay: 1: Me\r\n",
			title: "Checkout\njourney", goal: "Find the pain\nin checkout",
			stages: "Pay\nnow", cards: "Pay", scores: "-2", tags: "Me"},
		{name: "front matter, one-line accDescr, title wins over accTitle", file: "fm.mmd",
			text:  "---\ntitle: From front matter\nconfig:\n  theme: forest\n---\njourney\naccTitle: Acc\naccDescr: One line\nsection S\nTask named Title: 3\n",
			title: "From front matter", goal: "One line", stages: "S", cards: "Task named Title", scores: "0", tags: ""},
		{name: "a task called title", file: "t.mmd",
			text:  "journey\ntitle Real\nsection S\nTitle: 3: Me\nsection: 4\n",
			title: "Real", stages: "S", cards: "Title|section", scores: "0 1", tags: "Me|"},
		{name: "sections without tasks", file: "e.mmd", text: "journey\nsection A\nsection B\n", title: "e", stages: "A|B"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, _, err := ReadMermaid(strings.NewReader(c.text), c.file)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkMap(m); err != nil {
				t.Fatal(err)
			}
			var scores, tags []string
			for _, cd := range m.Cards {
				s := "-"
				if cd.Emotion != nil {
					s = fmt.Sprint(math.Round(*cd.Emotion*1e9) / 1e9)
				}
				scores = append(scores, s)
				tags = append(tags, strings.Join(cd.Tags, ","))
			}
			got := []string{m.Title, m.Goal, strings.Join(stageNames(m), "|"), strings.Join(cardTitles(m), "|"), strings.Join(scores, " "), strings.Join(tags, "|")}
			want := []string{c.title, c.goal, c.stages, c.cards, c.scores, c.tags}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("got %q, want %q", got[i], want[i])
				}
			}
			if len(m.Lanes) != 1 || !nameSteps.isDefault(m.Lanes[0].Name) || m.Lanes[0].Kind != data.LaneSteps {
				t.Errorf("lanes %+v", m.Lanes)
			}
			if m.Type != data.CurrentState || m.Scale.Min != -2 || m.Curve != data.CurvePerCard {
				t.Errorf("defaults %v %+v %v", m.Type, m.Scale, m.Curve)
			}
		})
	}
}

func TestReadMermaidFaults(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		want       string
	}{
		{"empty", "", 0, `no "journey" line`},
		{"comments only", "%% nothing\n\n", 0, `no "journey" line`},
		{"flowchart", "%% c\n\ngraph TD\n  A --> B\n", 3, `expected "journey", found "graph TD"`},
		{"word score", "journey\ntitle X\nsection A\n  Task: high: Me\n", 4, `score "high" is not a number from 1 to 5`},
		{"score too high", "journey\nsection A\n  Task: 7: Me\n", 3, `score "7"`},
		{"score zero", "journey\nsection A\n  Task: 0\n", 3, `score "0"`},
		{"score hex", "journey\nsection A\n  Task: 0x3\n", 3, `score "0x3"`},
		{"no score", "journey\nsection A\n  Task:\n", 3, "has no score"},
		{"no colon", "journey\nsection A\n  Just words\n", 3, "expected a task like"},
		{"no name", "journey\nsection A\n  : 3: Me\n", 3, "no name"},
		{"section colon", "journey\nsection A: b\n", 2, "section name cannot contain"},
		{"empty title", "journey\ntitle\n", 2, "title is empty"},
		{"open accDescr", "journey\naccDescr {\n  text\nsection A\n", 2, "never closed"},
		{"text after block", "journey\naccDescr {\n  text\n} more\n", 4, "after the }"},
		{"open front matter", "---\ntitle: x\njourney\n", 1, "never closed"},
		{"invalid UTF-8", "journey\nsection A\n  T\xe1sk: 3\n", 3, "invalid UTF-8"},
		{"long name", "journey\nsection A\n  " + strings.Repeat("ặ", 2345) + ": 3\n", 3, "task name: 2,345 characters, the limit is 2,000"},
		{"long title", "journey\ntitle " + strings.Repeat("ặ", 2001) + "\n", 2, "title: 2,001 characters"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadMermaid(strings.NewReader(c.text), "bad.mmd")
			wantParseError(t, err, c.line, "", c.want)
		})
	}
}

// A Vietnamese journey gets its lane named in Vietnamese, and exact scores.
func TestReadMermaidVietnameseLane(t *testing.T) {
	m, _, err := ReadFile("testdata/vietnamese.mmd")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Lanes) != 1 || m.Lanes[0].Name != "Các bước" {
		t.Errorf("lanes %+v", m.Lanes)
	}
	for _, c := range m.Cards {
		if v := *c.Emotion; v*100 != float64(int(v*100)) {
			t.Errorf("inexact score %v of %q", v, c.Title)
		}
	}
}
