package interchange

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"journeycanvas/assets"
	"journeycanvas/data"
)

// mermaidUnsafe replaces the characters Mermaid's journey grammar does not allow in a title,
// a section or a task (":" "#" ";", and "%%", which starts a comment anywhere) by
// look-alikes, and line breaks by <br>.
var mermaidUnsafe = strings.NewReplacer(":", "：", "#", "＃", ";", "；", "%%", "％％", "\r\n", "<br>", "\n", "<br>", "\r", "<br>")

// mermaidChanged reports whether s holds characters Mermaid cannot take as they are, or
// would start a task line with a keyword or a comment.
func mermaidChanged(s string) bool {
	return strings.ContainsAny(s, ":#;") || strings.Contains(s, "%%") || mermaidKeyword(s)
}

// mermaidKeyword reports whether a task named s would read as a keyword line ("title …",
// "section …", "accTitle", "accDescr").
func mermaidKeyword(s string) bool {
	word, after := leadingWord(s)
	switch strings.ToLower(word) {
	case "title", "section":
		return after == "" || after[0] == ' ' || after[0] == '\t'
	case "acctitle", "accdescr":
		return true
	}
	return false
}

// mermaidTask is a card's title as a task name: look-alikes for the characters Mermaid
// refuses, and a zero-width space before a keyword so that the line stays a task.
func mermaidTask(s string) string {
	if mermaidKeyword(s) {
		s = "\u200b" + s
	}
	return mermaidUnsafe.Replace(s)
}

// WriteMermaid writes m as a Mermaid user-journey diagram (ReadMermaid reads it back): the
// title, the goal as accDescr, a section per stage, and a task per card in reading order,
// its score moved onto Mermaid's 1..5 (the middle, 3, for a card without one) and its tags
// as the task's actors. Mermaid has no lanes, links, notes or persona: Losses names what is
// left out. A stage without a name is named "Stage N" in the map's language; characters
// Mermaid's grammar refuses in names (":" "#" ";") become look-alikes (： ＃ ；) and line
// breaks <br>.
func WriteMermaid(w io.Writer, m *data.Map) error {
	f, err := toFile(m)
	if err != nil {
		return err
	}
	lang := mapLang(m)
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintln(bw, "journey")
	fmt.Fprintf(bw, "    title %s\n", mermaidUnsafe.Replace(f.Title))
	if g := strings.ReplaceAll(strings.TrimSpace(f.Goal), "%%", "％％"); g != "" {
		if strings.ContainsAny(g, "\r\n") {
			fmt.Fprintln(bw, "    accDescr {")
			for _, line := range strings.Split(strings.ReplaceAll(g, "\r\n", "\n"), "\n") {
				fmt.Fprintf(bw, "        %s\n", strings.ReplaceAll(line, "}", ")"))
			}
			fmt.Fprintln(bw, "    }")
		} else {
			fmt.Fprintf(bw, "    accDescr: %s\n", g)
		}
	}
	byStage := map[string][]fileCard{}
	for _, c := range f.Cards {
		byStage[c.Stage] = append(byStage[c.Stage], c)
	}
	for i, st := range f.Stages {
		name := strings.TrimSpace(st.Name)
		if name == "" {
			name = fmt.Sprintf(assets.Word(lang, "Stage %d"), i+1)
		}
		fmt.Fprintf(bw, "    section %s\n", mermaidUnsafe.Replace(name))
		for _, c := range byStage[st.Ref] {
			title := strings.TrimSpace(c.Title)
			if title == "" {
				title = "…"
			}
			score := 3.0
			if c.Emotion != nil {
				score = mapScore(*c.Emotion, float64(f.Scale.Min), float64(f.Scale.Max), data.Scale{Min: 1, Max: 5})
			}
			var actors []string
			for _, t := range c.Tags {
				if t = strings.TrimSpace(strings.ReplaceAll(mermaidUnsafe.Replace(t), ",", "，")); t != "" {
					actors = append(actors, t)
				}
			}
			fmt.Fprintf(bw, "      %s: %s", mermaidTask(title), formatNumber(score))
			if len(actors) > 0 {
				fmt.Fprintf(bw, ": %s", strings.Join(actors, ", "))
			}
			fmt.Fprintln(bw)
		}
	}
	return bw.Flush()
}
