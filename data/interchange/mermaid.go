package interchange

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"journeycanvas/data"
)

// ReadMermaid reads a Mermaid user-journey diagram:
//
//	journey
//	    title My working day
//	    accDescr: How a day at the office feels
//	    section Go to work
//	      Make tea: 5: Me
//	      Do work: 1: Me, Cat
//
// The first line that is neither blank nor a %% comment must be "journey" (front matter
// between "---" lines may come before it; its title is used). Each section is a stage; each
// task "NAME: SCORE: ACTOR, ACTOR" is a card in one lane of steps, named in the map's
// language ("Steps", "Các bước"), with its score (1..5, decimals allowed) mapped linearly and
// exactly (two decimals) onto the map's scale and its actors as tags. Tasks before
// the first section go to a first stage with an empty name. The title is the map's title
// (else accTitle, else the file's base name); accDescr, on one line or in an
// accDescr { … } block, is the map's goal. <br> in names and titles is a line break.
// Keywords are matched in any case, as Mermaid does.
func ReadMermaid(r io.Reader, name string) (*data.Map, []string, error) {
	b, err := readInput(r, name)
	if err != nil {
		return nil, nil, err
	}
	if err := checkUTF8Lines(b, name); err != nil {
		return nil, nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	p := &mermaidReader{file: name, m: newMap("")}
	if err := p.read(strings.Split(string(b), "\n")); err != nil {
		return nil, nil, err
	}
	return p.m, p.warnings, nil
}

type mermaidReader struct {
	file     string
	m        *data.Map
	warnings []string
	title    string // from title, else front matter
	accTitle string
	front    bool  // the front matter has been read
	stage    int64 // the current stage's id; 0 before the first
	lane     int64

	titleLine, accTitleLine int // where the title and accTitle came from, for messages
}

func (p *mermaidReader) fail(line int, format string, args ...any) error {
	return &ParseError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (p *mermaidReader) read(lines []string) error {
	m := p.m
	started := false
	descrStart := 0 // the line of an open accDescr { block
	var descr []string
	for i := 0; i < len(lines); i++ {
		ln := i + 1
		line := strings.TrimSpace(strings.TrimSuffix(lines[i], "\r"))
		if descrStart > 0 {
			before, _, closed := strings.Cut(line, "}")
			if closed {
				if rest := strings.TrimSpace(line[len(before)+1:]); rest != "" {
					return p.fail(ln, "unexpected text %q after the } that ends accDescr", clip(rest))
				}
				descrStart = 0
			}
			descr = append(descr, strings.TrimSpace(before))
			if closed {
				if err := p.setGoal(ln, strings.TrimSpace(strings.Join(descr, "\n"))); err != nil {
					return err
				}
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "%%") {
			continue
		}
		if !started {
			if line == "---" && !p.front {
				end, err := p.frontMatter(lines, i)
				if err != nil {
					return err
				}
				i = end
				continue
			}
			if !strings.EqualFold(line, "journey") {
				return p.fail(ln, "expected \"journey\", found %q: this is not a Mermaid user-journey diagram", clip(line))
			}
			started = true
			continue
		}
		word, after := leadingWord(line)
		rest := strings.TrimSpace(after)
		spaced := after == "" || after[0] == ' ' || after[0] == '\t'
		switch lw := strings.ToLower(word); {
		case lw == "title" && spaced:
			if rest == "" {
				return p.fail(ln, "the title is empty")
			}
			if p.title != "" && p.title != rest {
				p.warnings = append(p.warnings, fmt.Sprintf("line %d: a second title replaces %q", ln, clip(p.title)))
			}
			p.title, p.titleLine = rest, ln
			continue
		case lw == "acctitle" && strings.HasPrefix(rest, ":"):
			p.accTitle, p.accTitleLine = strings.TrimSpace(rest[1:]), ln
			continue
		case lw == "accdescr" && strings.HasPrefix(rest, ":"):
			if err := p.setGoal(ln, strings.TrimSpace(rest[1:])); err != nil {
				return err
			}
			continue
		case lw == "accdescr" && strings.HasPrefix(rest, "{"):
			before, tail, closed := strings.Cut(rest[1:], "}")
			if !closed {
				descrStart, descr = ln, []string{strings.TrimSpace(before)}
				continue
			}
			if strings.TrimSpace(tail) != "" {
				return p.fail(ln, "unexpected text %q after the } that ends accDescr", clip(strings.TrimSpace(tail)))
			}
			if err := p.setGoal(ln, strings.TrimSpace(before)); err != nil {
				return err
			}
			continue
		case lw == "section" && spaced:
			if strings.Contains(rest, ":") {
				return p.fail(ln, "a section name cannot contain \":\"")
			}
			name, err := p.clean(ln, "section name", rest, short)
			if err != nil {
				return err
			}
			p.stage = int64(len(m.Stages) + 1)
			m.Stages = append(m.Stages, data.Stage{ID: p.stage, Position: len(m.Stages), Name: name})
			continue
		}
		if err := p.task(ln, line); err != nil {
			return err
		}
	}
	switch {
	case descrStart > 0:
		return p.fail(descrStart, "accDescr { is never closed with }")
	case !started:
		return p.fail(0, "no \"journey\" line: this is not a Mermaid user-journey diagram")
	}
	title, line := p.title, p.titleLine
	if title == "" {
		title, line = p.accTitle, p.accTitleLine
	}
	if title == "" {
		title = titleFromName(p.file)
	}
	t, err := p.clean(line, "title", title, short)
	if err != nil {
		return err
	}
	m.Title = t
	if p.lane == 0 {
		p.lane = 1
		m.Lanes = append(m.Lanes, data.Lane{ID: 1, Kind: data.LaneSteps})
	}
	nameLanes(m, map[int64]defaultName{p.lane: nameSteps})
	sortCards(m)
	return nil
}

// task reads "NAME: SCORE", "NAME: SCORE:" or "NAME: SCORE: ACTOR, ACTOR".
func (p *mermaidReader) task(ln int, line string) error {
	m := p.m
	name, rest, ok := strings.Cut(line, ":")
	if !ok {
		return p.fail(ln, "expected a task like \"Make tea: 5: Me\", found %q", clip(line))
	}
	title, err := p.clean(ln, "task name", strings.TrimSpace(name), short)
	if err != nil {
		return err
	}
	if title == "" {
		return p.fail(ln, "the task has no name")
	}
	scoreText, actors, _ := strings.Cut(rest, ":")
	scoreText = strings.TrimSpace(scoreText)
	score, ok := parseDecimal(scoreText)
	if !ok || score < 1 || score > 5 {
		if scoreText == "" {
			return p.fail(ln, "task %q has no score; give one from 1 to 5", clip(title))
		}
		return p.fail(ln, "task %q: score %q is not a number from 1 to 5", clip(title), clip(scoreText))
	}
	e := mapScore(score, 1, 5, m.Scale)
	c := data.Card{ID: int64(len(m.Cards) + 1), Title: title, Emotion: &e}
	seen := map[string]bool{}
	for _, a := range strings.Split(actors, ",") {
		a, err := p.clean(ln, "actor", strings.TrimSpace(a), short)
		if err != nil {
			return err
		}
		if a != "" && !seen[a] {
			seen[a] = true
			c.Tags = append(c.Tags, a)
		}
	}
	if len(c.Tags) > MaxTags {
		return p.fail(ln, "%d actors, the limit is %d", len(c.Tags), MaxTags)
	}
	if p.stage == 0 {
		p.stage = int64(len(m.Stages) + 1)
		m.Stages = append(m.Stages, data.Stage{ID: p.stage, Position: len(m.Stages)})
	}
	if p.lane == 0 {
		p.lane = 1
		m.Lanes = append(m.Lanes, data.Lane{ID: 1, Kind: data.LaneSteps}) // named in the map's language at the end
	}
	c.StageID, c.LaneID = p.stage, p.lane
	m.Cards = append(m.Cards, c)
	return nil
}

func (p *mermaidReader) setGoal(ln int, s string) error {
	g, err := p.clean(ln, "accDescr", s, long)
	if err != nil {
		return err
	}
	if p.m.Goal != "" {
		p.warnings = append(p.warnings, fmt.Sprintf("line %d: a second accDescr replaces the first", ln))
	}
	p.m.Goal = g
	return nil
}

func (p *mermaidReader) clean(ln int, what, s string, kind textKind) (string, error) {
	s, msg := cleanText(breakLines(s), kind)
	if msg != "" {
		return "", p.fail(ln, "%s: %s", what, msg)
	}
	return s, nil
}

// frontMatter skips the YAML front matter that opens at lines[start], taking its title. It
// returns the index of the closing "---".
func (p *mermaidReader) frontMatter(lines []string, start int) (int, error) {
	p.front = true
	for i := start + 1; i < len(lines); i++ {
		line := strings.TrimSpace(strings.TrimSuffix(lines[i], "\r"))
		if line == "---" {
			return i, nil
		}
		if t, ok := strings.CutPrefix(line, "title:"); ok && lines[i] == strings.TrimLeft(lines[i], " \t") {
			p.title, p.titleLine = strings.Trim(strings.TrimSpace(t), `"'`), i+1
		}
	}
	return 0, p.fail(start+1, "the front matter that starts here is never closed with ---")
}

// leadingWord splits a line after its leading ASCII letters.
func leadingWord(line string) (string, string) {
	i := 0
	for i < len(line) && (line[i] >= 'a' && line[i] <= 'z' || line[i] >= 'A' && line[i] <= 'Z') {
		i++
	}
	return line[:i], line[i:]
}

// clip shortens s for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
