package interchange

import (
	"fmt"
	"strings"
	"testing"

	"journeycanvas/data"
)

func TestReadCSVGood(t *testing.T) {
	cases := []struct {
		name, file, text string
		title            string
		stages, lanes    string // names joined by |
		kinds            string // lane kinds joined by |
		cards            string // card titles in reading order, joined by |
		warnings         int
		check            func(t *testing.T, m *data.Map)
	}{
		{name: "minimal", file: "Hành trình.csv",
			text:  "stage,lane,title\nAwareness,Actions,See an ad\nDecision,Actions,Buy\nAwareness,Touchpoints,Facebook ad\n",
			title: "Hành trình", stages: "Awareness|Decision", lanes: "Actions|Touchpoints", kinds: "steps|touchpoints",
			cards: "See an ad|Facebook ad|Buy"},
		{name: "vietnamese NFD", file: "vi.csv",
			text:   nfd("Stage, Lane ,TITLE,Notes,Channel,Emotion\nNhận thức,Điểm chạm,Quảng cáo,ỳ ữ ặ đ,Facebook,1\nQuyết định,Nỗi đau,Thanh toán lỗi,,Website,-2\nNhận thức,Hành động,Thấy quảng cáo,,,\nGiữ chân,Cơ hội,Email cảm ơn,,,0.5\nTrung thành,KPI,NPS,,,\n"),
			title:  "vi",
			stages: "Nhận thức|Quyết định|Giữ chân|Trung thành", lanes: "Điểm chạm|Nỗi đau|Hành động|Cơ hội|KPI",
			kinds: "touchpoints|pains|steps|opportunities|metrics",
			cards: "Quảng cáo|Thấy quảng cáo|Thanh toán lỗi|Email cảm ơn|NPS",
			check: func(t *testing.T, m *data.Map) {
				if m.Cards[0].Notes != "ỳ ữ ặ đ" || m.Cards[0].Channel != "Facebook" || *m.Cards[0].Emotion != 1 || m.Cards[1].Emotion != nil {
					t.Errorf("first cards: %+v %+v", m.Cards[0], m.Cards[1])
				}
			}},
		{name: "BOM, CRLF, quotes, blank rows", file: "x.csv",
			text:  "\uFEFFstage,lane,title,notes\r\nA,Thoughts,\"Hmm, \"\"really\"\"?\",\"line one\r\nline two\"\r\n,,,\r\n\r\nA,Thoughts,Second,\r\n",
			title: "x", stages: "A", lanes: "Thoughts", kinds: "thoughts", cards: `Hmm, "really"?|Second`,
			check: func(t *testing.T, m *data.Map) {
				if m.Cards[0].Notes != "line one\nline two" || m.Cards[1].Position != 1 {
					t.Errorf("notes %q position %d", m.Cards[0].Notes, m.Cards[1].Position)
				}
			}},
		{name: "semicolons", file: "semi.csv",
			text:  "stage;lane;title;emotion;tags\nA;Pain points;Slow, very slow;-1,5;\"x; y\"\n",
			title: "semi", stages: "A", lanes: "Pain points", kinds: "pains", cards: "Slow, very slow",
			check: func(t *testing.T, m *data.Map) {
				if *m.Cards[0].Emotion != -1.5 || strings.Join(m.Cards[0].Tags, "|") != "x|y" {
					t.Errorf("card %+v", m.Cards[0])
				}
			}},
		{name: "every column, unknown ones", file: "all.csv",
			text: "stage,lane,title,owner,presence,pain,opportunity,moment_of_truth,evidence,tags,colour,metric,metric_value,metric_target,metric_unit,Priority\n" +
				"A,Metrics,Open rate,Lan,Online,x,no,yes,Researched,email; ;loyalty,#3366cc,Email open rate,24,30,%,high\n" +
				"A,Metrics,Bounce,Lan,offline,,,,,,,Bounce rate,40,,%,\n",
			title: "all", stages: "A", lanes: "Metrics", kinds: "metrics", cards: "Open rate|Bounce", warnings: 1,
			check: func(t *testing.T, m *data.Map) {
				c := m.Cards[0]
				if c.Presence != data.Online || !c.Pain || c.Opportunity || !c.MomentOfTruth || c.Evidence != data.EvidenceResearched ||
					strings.Join(c.Tags, "|") != "email|loyalty" || c.Colour != "#3366cc" || c.Metric == nil ||
					c.Metric.Name != "Email open rate" || c.Metric.Value != 24 || *c.Metric.Target != 30 || c.Metric.Unit != "%" || !c.Metric.UpIsGood {
					t.Errorf("card %+v metric %+v", c, c.Metric)
				}
				if m.Cards[1].Metric.Target != nil || m.Cards[1].Presence != data.Offline {
					t.Errorf("second card %+v", m.Cards[1])
				}
			}},
		{name: "header only", file: "empty.csv", text: "stage,lane,title\n", title: "empty", warnings: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, warnings, err := ReadCSV(strings.NewReader(c.text), c.file)
			if err != nil {
				t.Fatal(err)
			}
			if err := checkMap(m); err != nil {
				t.Fatal(err)
			}
			var kinds, lanes []string
			for _, l := range m.Lanes {
				kinds = append(kinds, string(l.Kind))
				lanes = append(lanes, l.Name)
			}
			got := []string{m.Title, strings.Join(stageNames(m), "|"), strings.Join(lanes, "|"), strings.Join(kinds, "|"), strings.Join(cardTitles(m), "|")}
			want := []string{c.title, c.stages, c.lanes, c.kinds, c.cards}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("got %q, want %q", got[i], want[i])
				}
			}
			if len(warnings) != c.warnings {
				t.Errorf("warnings %q", warnings)
			}
			if m.Type != data.CurrentState || m.Status != data.Draft || m.Scale.Min != -2 {
				t.Errorf("defaults %v %v %+v", m.Type, m.Status, m.Scale)
			}
			if c.check != nil {
				c.check(t, m)
			}
		})
	}
	_, warnings, _ := ReadCSV(strings.NewReader("stage,lane,title,Priority,owner\nA,B,C,1,2\n"), "w.csv")
	if len(warnings) != 1 || !strings.Contains(warnings[0], `"Priority", "owner"`) {
		t.Errorf("one warning naming the columns: %q", warnings)
	}
}

func TestReadCSVFaults(t *testing.T) {
	h := "stage,lane,title,notes,emotion\n"
	cases := []struct {
		name, text string
		line       int
		want       string
	}{
		{"empty", "", 0, "empty"},
		{"no title column", "stage,lane,name\nA,B,C\n", 1, `no "title" column`},
		{"column twice", "stage,lane,title,Stage\n", 1, `"stage" twice`},
		{"too few fields", h + "A,B,C,,1\nA,B,C\n", 3, "3 fields; the header has 5"},
		{"too many fields", h + "A,B,C,,1,extra\n", 2, "6 fields"},
		{"empty title", h + "A,B,C,,\nA,B, ,x,\n", 3, "title is empty"},
		{"empty stage", h + "\"\",B,C,,\n", 2, "stage is empty"},
		{"emotion word", h + "A,B,C,,\nA,B,D,,\nA,B,E,,happy\n", 4, `emotion "happy" is not a number`},
		{"emotion NaN", h + "A,B,C,,NaN\n", 2, "not a number"},
		{"emotion off scale", h + "A,B,C,,4\n", 2, "outside the map's scale -2..2"},
		{"bad quote", h + "A,B,\"C,,\n", 2, "not valid CSV"},
		{"bare quote", h + "A,B,C\"x,,\n", 2, "not valid CSV"},
		{"invalid UTF-8", h + "A,B,C,,\nA,B,Nh\xe1n,,\n", 3, "invalid UTF-8"},
		{"long title", h + "A,B," + strings.Repeat("ữ", 2345) + ",,\n", 2, "title: 2,345 characters, the limit is 2,000"},
		{"bad flag", "stage,lane,title,pain\nA,B,C,maybe\n", 2, `pain "maybe" is not yes or no`},
		{"bad presence", "stage,lane,title,presence\nA,B,C,both\n", 2, `presence "both"`},
		{"bad evidence", "stage,lane,title,evidence\nA,B,C,rumour\n", 2, `evidence "rumour"`},
		{"bad colour", "stage,lane,title,colour\nA,B,C,red\n", 2, `colour "red"`},
		{"bad metric", "stage,lane,title,metric,metric_value\nA,B,C,NPS,lots\n", 2, `metric value "lots"`},
		{"too many tags", "stage,lane,title,tags\nA,B,C," + strings.Repeat("t;", 101) + "\n", 2, "101 tags"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := ReadCSV(strings.NewReader(c.text), "cards.csv")
			wantParseError(t, err, c.line, "", c.want)
			if c.line > 0 && err != nil && !strings.HasPrefix(err.Error(), fmt.Sprintf("cards.csv:%d: ", c.line)) {
				t.Errorf("error %q does not start with FILE:LINE", err)
			}
		})
	}
}

func TestGuessLaneKind(t *testing.T) {
	for name, want := range map[string]data.LaneKind{
		"Touchpoints": data.LaneTouchpoints, "Điểm chạm": data.LaneTouchpoints, "Diem cham": data.LaneTouchpoints,
		"Pain points": data.LanePainPoints, "Nỗi đau": data.LanePainPoints, "Actions": data.LaneSteps,
		"Customer steps / actions": data.LaneSteps, "Hành động": data.LaneSteps, "Thoughts": data.LaneThoughts,
		"Suy nghĩ": data.LaneThoughts, "Opportunities": data.LaneOpportunities, "Cơ hội": data.LaneOpportunities,
		"Metrics": data.LaneMetrics, "KPI": data.LaneMetrics, "Emotions": data.LaneEmotions, "Cảm xúc": data.LaneEmotions,
		"Channel": data.LaneChannels, "Support processes": data.LaneTechnology, "Backstage": data.LaneProcesses,
		"Policies": data.LanePolicies, "Staff": data.LanePeople, "Ghi chú": data.LaneCustom, "Spain": data.LaneCustom,
	} {
		if got := GuessLaneKind(name); got != want {
			t.Errorf("GuessLaneKind(%q) = %s, want %s", name, got, want)
		}
		if got := GuessLaneKind(nfd(name)); got != want {
			t.Errorf("GuessLaneKind(NFD %q) = %s, want %s", name, got, want)
		}
	}
}

// bigCSV is a 1,000-row table of 12 stages and 6 lanes, in Vietnamese.
func bigCSV() string {
	var sb strings.Builder
	sb.WriteString("stage,lane,title,notes,channel,emotion\n")
	lanes := []string{"Hành động", "Điểm chạm", "Suy nghĩ", "Cảm xúc", "Nỗi đau", "Cơ hội"}
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&sb, "Giai đoạn %d,%s,Điểm chạm số %d,\"Ghi chú, có dấu phẩy\",Website,%d\n", i%12+1, lanes[i/12%6], i, i%5-2)
	}
	return sb.String()
}

func TestReadBigCSV(t *testing.T) {
	m, _, err := ReadCSV(strings.NewReader(bigCSV()), "big.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Cards) != 1000 || len(m.Stages) != 12 || len(m.Lanes) != 6 {
		t.Fatalf("%d cards, %d stages, %d lanes", len(m.Cards), len(m.Stages), len(m.Lanes))
	}
	if err := checkMap(m); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkReadCSV1000(b *testing.B) {
	text := bigCSV()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ReadCSV(strings.NewReader(text), "big.csv"); err != nil {
			b.Fatal(err)
		}
	}
}

// CSV as spreadsheets write it in other locales: tabs, semicolons, Vietnamese headers,
// decimal commas, a byte-order mark, CRLF and cells over several lines.
func TestReadCSVLocales(t *testing.T) {
	cases := []struct {
		name, text string
		check      func(t *testing.T, m *data.Map)
	}{
		{"Vietnamese headers, tabs, BOM, CRLF",
			"\uFEFFGiai đoạn\tLàn\tTiêu đề\tGhi chú\tKênh\tCảm xúc\tHiện diện\tNỗi đau\tCơ hội\tKhoảnh khắc quyết định\tBằng chứng\tThẻ\tMàu\tChỉ số\tGiá trị\tMục tiêu\tĐơn vị\r\n" +
				"Nhận thức\tĐiểm chạm\tQuảng cáo\t\"dòng một\r\ndòng hai\"\tFacebook\t1,5\tTrực tuyến\tcó\tkhông\tx\tĐã nghiên cứu\tquảng cáo; mạng xã hội\t#3366cc\tTỉ lệ nhấp\t2,5\t3\t%\r\n",
			func(t *testing.T, m *data.Map) {
				c := m.Cards[0]
				if m.Stages[0].Name != "Nhận thức" || m.Lanes[0].Name != "Điểm chạm" || c.Title != "Quảng cáo" || c.Notes != "dòng một\ndòng hai" ||
					c.Channel != "Facebook" || *c.Emotion != 1.5 || c.Presence != data.Online || !c.Pain || c.Opportunity || !c.MomentOfTruth ||
					c.Evidence != data.EvidenceResearched || strings.Join(c.Tags, "|") != "quảng cáo|mạng xã hội" || c.Colour != "#3366cc" ||
					c.Metric == nil || c.Metric.Name != "Tỉ lệ nhấp" || c.Metric.Value != 2.5 || *c.Metric.Target != 3 || c.Metric.Unit != "%" {
					t.Errorf("card %+v metric %+v", c, c.Metric)
				}
			}},
		{"accents left out, semicolons, thousands",
			"giai doan;lan;tieu de;cam xuc;gia tri;chi so\nA;Steps;Go;-0,25;1.500,75;Visits\n",
			func(t *testing.T, m *data.Map) {
				if c := m.Cards[0]; *c.Emotion != -0.25 || c.Metric.Value != 1500.75 {
					t.Errorf("card %+v metric %+v", c, c.Metric)
				}
			}},
		{"commas with quoted decimal commas",
			"stage,lane,title,emotion,metric,metric_value\nA,Steps,Go,\"1,5\",Visits,\"1,500\"\nA,Steps,Two,\"-2,0\",Rate,\"0,75\"\n",
			func(t *testing.T, m *data.Map) {
				if *m.Cards[0].Emotion != 1.5 || m.Cards[0].Metric.Value != 1500 || *m.Cards[1].Emotion != -2 || m.Cards[1].Metric.Value != 0.75 {
					t.Errorf("cards %+v %+v", m.Cards[0].Metric, m.Cards[1].Metric)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, warnings, err := ReadCSV(strings.NewReader(c.text), "t.csv")
			if err != nil {
				t.Fatal(err)
			}
			if err := checkMap(m); err != nil {
				t.Fatal(err)
			}
			if len(warnings) != 0 {
				t.Errorf("warnings %q", warnings)
			}
			c.check(t, m)
		})
	}
	_, _, err := ReadCSV(strings.NewReader("giai đoạn\tlàn\tcảm xúc\nA\tB\t1\n"), "t.csv")
	wantParseError(t, err, 1, "", `no "title" column; it needs stage, lane and title (giai đoạn, làn, tiêu đề)`)
	_, _, err = ReadCSV(strings.NewReader("stage,lane,title,emotion\nA,B,C,\"1,2,3\"\n"), "t.csv")
	wantParseError(t, err, 2, "", `emotion "1,2,3" is not a number`)
}
