package geometry

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"journeycanvas/data"
)

// measureCard lays a card out at the origin; placeCard moves it.
// noteLines lines of the notes show under the title (0: none). tints remembers the tint of
// each colour met so far in this layout.
func measureCard(c *data.Card, scale data.Scale, cardW float64, maxLines, noteLines, comments int, lb Labels, pal *Palette, tints map[string]CardTint) CardBox {
	tint, ok := tints[c.Colour]
	if !ok {
		tint = pal.CardTint(c.Colour)
		tints[c.Colour] = tint
	}
	cb := CardBox{ID: c.ID, StageID: c.StageID, LaneID: c.LaneID, Tint: tint}
	inner := cardW - 2*CardPad
	y := CardPad
	title, trunc := Wrap(c.Title, inner, TitleSize, false, maxLines)
	cb.Truncated = trunc
	for _, t := range title {
		cb.Title = append(cb.Title, line(t, CardPad, y, TitleLineH, TitleSize, false))
		y += TitleLineH
	}
	if len(title) == 0 {
		y += TitleLineH // an untitled card keeps the height of one line
	}
	if noteLines > 0 && strings.TrimSpace(c.Notes) != "" {
		notes, _ := Wrap(noteText(c.Notes), inner, NoteSize, false, noteLines)
		y += 3
		cb.Notes = make([]TextLine, 0, len(notes))
		for _, t := range notes {
			cb.Notes = append(cb.Notes, line(t, CardPad, y, NoteLineH, NoteSize, false))
			y += NoteLineH
		}
	}
	switch {
	case c.Pain:
		cb.Accent = pal.Pain
	case c.Opportunity:
		cb.Accent = pal.Opportunity
	case c.MomentOfTruth:
		cb.Accent = pal.MomentTruth
	}
	if mt := c.Metric; mt != nil {
		y += 4
		ml := &MetricLine{}
		dot := 8.0
		ml.Dot = Rect{X: CardPad, Y: y + (SmallLineH-dot)/2, W: dot, H: dot}
		text := metricText(mt, lb)
		if mt.Target != nil {
			good := mt.Value >= *mt.Target
			if !mt.UpIsGood {
				good = mt.Value <= *mt.Target
			}
			ml.State = MetricOffTarget
			if good {
				ml.State = MetricOnTarget
			}
		}
		lines, _ := Wrap(text, inner-dot-5, SmallSize, false, 2)
		for _, t := range lines {
			ml.Lines = append(ml.Lines, line(t, CardPad+dot+5, y, SmallLineH, SmallSize, false))
			y += SmallLineH
		}
		cb.Metric = ml
	}
	if len(c.Tags) > 0 {
		if below := layoutTags(&cb, c.Tags, inner, y+6); len(cb.Tags) > 0 {
			y = below
		}
	}
	// Footer: channel on the left, markers and the face on the right.
	var kinds []MarkerKind
	if c.Pain {
		kinds = append(kinds, MarkerPain)
	}
	if c.Opportunity {
		kinds = append(kinds, MarkerOpportunity)
	}
	if c.MomentOfTruth {
		kinds = append(kinds, MarkerMomentOfTruth)
	}
	switch c.Evidence {
	case data.EvidenceResearched:
		kinds = append(kinds, MarkerResearched)
	case data.EvidenceAssumed:
		kinds = append(kinds, MarkerAssumed)
	case data.EvidenceProposed:
		kinds = append(kinds, MarkerProposed)
	}
	channel := strings.TrimSpace(c.Channel)
	scored := c.Emotion != nil && !math.IsNaN(*c.Emotion) && !math.IsInf(*c.Emotion, 0)
	if scored && channel == "" && len(kinds) == 0 && comments == 0 {
		// A face alone sits at the end of the card's last line of text when there is room:
		// scoring a card then does not make it, and its lane, taller.
		top, lineH, end := CardPad, TitleLineH, CardPad
		if mt := cb.Metric; mt != nil && len(mt.Lines) > 0 {
			l := mt.Lines[len(mt.Lines)-1]
			top, lineH, end = l.Y-Baseline(SmallLineH, SmallSize, false), SmallLineH, l.X+l.W
		} else if len(cb.Title) > 0 {
			l := cb.Title[len(cb.Title)-1]
			top, end = l.Y-Baseline(TitleLineH, TitleSize, false), l.X+l.W
		}
		if end+6+2*FaceR <= CardPad+inner {
			s := *c.Emotion
			cb.Face = &FaceBox{X: CardPad + inner - FaceR, Y: top + lineH/2, R: FaceR, Score: s, Norm: normScore(s, scale)}
			scored = false // placed: no footer line for it
		}
	}
	if channel != "" || len(kinds) > 0 || scored || comments > 0 {
		y += 6
		const rowH = 2 * FaceR
		right := CardPad + inner
		if scored {
			s := *c.Emotion
			cb.Face = &FaceBox{X: right - FaceR, Y: y + rowH/2, R: FaceR, Score: s, Norm: normScore(s, scale)}
			right -= 2*FaceR + 5
		}
		for i := len(kinds) - 1; i >= 0; i-- {
			r := Rect{X: right - MarkerSize, Y: y + (rowH-MarkerSize)/2, W: MarkerSize, H: MarkerSize}
			cb.Markers = append(cb.Markers, MarkerBox{Kind: kinds[i], Rect: r})
			right -= MarkerSize + 3
		}
		if comments > 0 {
			cb.Comments = commentBadge(comments, right, y+rowH/2)
			right = cb.Comments.Rect.X - 4
		}
		// Markers were added right to left; put them back in reading order.
		for i, j := 0, len(cb.Markers)-1; i < j; i, j = i+1, j-1 {
			cb.Markers[i], cb.Markers[j] = cb.Markers[j], cb.Markers[i]
		}
		if channel != "" {
			room := right - 4 - CardPad
			if room > 20 {
				t, _ := Ellipsize(channel, room, SmallSize, false)
				cb.Channel = line(t, CardPad, y+(rowH-SmallLineH)/2, SmallLineH, SmallSize, false)
			}
		}
		y += rowH
	}
	y += CardPad
	cb.Rect = Rect{W: cardW, H: math.Ceil(y)}
	return cb
}

// placeCard moves a card measured at the origin to (x, y).
func placeCard(cb *CardBox, x, y float64) {
	cb.Rect.X, cb.Rect.Y = x, y
	for i := range cb.Title {
		cb.Title[i].X += x
		cb.Title[i].Y += y
	}
	if cb.Channel.Text != "" {
		cb.Channel.X += x
		cb.Channel.Y += y
	}
	for i := range cb.Notes {
		cb.Notes[i].X += x
		cb.Notes[i].Y += y
	}
	for i := range cb.Tags {
		t := &cb.Tags[i]
		t.Rect.X += x
		t.Rect.Y += y
		t.Label.X += x
		t.Label.Y += y
	}
	if mt := cb.Metric; mt != nil {
		mt.Dot.X += x
		mt.Dot.Y += y
		for i := range mt.Lines {
			mt.Lines[i].X += x
			mt.Lines[i].Y += y
		}
	}
	for i := range cb.Markers {
		cb.Markers[i].Rect.X += x
		cb.Markers[i].Rect.Y += y
	}
	if f := cb.Face; f != nil {
		f.X += x
		f.Y += y
	}
	if b := cb.Comments; b != nil {
		b.Rect.X += x
		b.Rect.Y += y
		b.Label.X += x
		b.Label.Y += y
		for i := range b.Tail {
			b.Tail[i].X += x
			b.Tail[i].Y += y
		}
	}
}

// noteText is the notes as they start a card: trimmed, blank lines left out.
func noteText(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l)
		}
	}
	return b.String()
}

// maxTagRows is how many rows of tag chips a card shows; the tags past them are counted in a
// last "+N" chip.
const maxTagRows = 2

// layoutTags lays the tags out as chips from top, left to right, wrapping to a second row;
// what does not fit in two rows is counted in a "+N" chip. It returns the y under the chips.
// Maps repeat the same tags on many cards: the chips of a set of tags at a width are
// remembered, laid out at the origin.
func layoutTags(cb *CardBox, tags []string, inner, top float64) float64 {
	k := tagKey{strings.Join(tags, "\x00"), inner}
	tagCache.Lock()
	r, ok := tagCache.m[k]
	tagCache.Unlock()
	if !ok {
		r.chips, r.h = tagChips(tags, inner)
		tagCache.Lock()
		if tagCache.m == nil || len(tagCache.m) >= tagCacheMax {
			tagCache.m = make(map[tagKey]tagResult, 256)
		}
		tagCache.m[k] = r
		tagCache.Unlock()
	}
	if len(r.chips) == 0 {
		return top
	}
	cb.Tags = make([]TagChip, len(r.chips))
	for i, ch := range r.chips {
		ch.Rect.Y += top
		ch.Label.Y += top
		cb.Tags[i] = ch
	}
	return top + r.h
}

type tagKey struct {
	tags  string
	inner float64
}

type tagResult struct {
	chips []TagChip
	h     float64
}

// tagCacheMax bounds the cache of chip layouts: when full it starts again empty.
const tagCacheMax = 4096

var tagCache struct {
	sync.Mutex
	m map[tagKey]tagResult
}

// tagChips lays tags out as chips at the origin (x from CardPad, y from 0) and returns them
// with the height of their rows.
func tagChips(tags []string, inner float64) ([]TagChip, float64) {
	var out []TagChip
	chipW := func(text string) (string, float64) {
		t, _ := Ellipsize(text, inner-2*TagPadX, TagSize, false)
		return t, TextWidth(t, TagSize, false) + 2*TagPadX
	}
	type chip struct {
		text string
		w    float64
		row  int
		x    float64
	}
	chips := make([]chip, 0, 16)
	row, x := 0, 0.0
	shown := 0
	total := 0
	for _, tag := range tags {
		if strings.TrimSpace(tag) != "" {
			total++
		}
	}
	overflow := false
	for _, tag := range tags {
		tag = strings.TrimSpace(tag)
		if tag == "" {
			continue
		}
		text, w := chipW(tag)
		if x > 0 && x+w > inner {
			row, x = row+1, 0
		}
		if row >= maxTagRows {
			overflow = true
			break
		}
		chips = append(chips, chip{text, w, row, x})
		x += w + TagGap
		shown++
	}
	if overflow {
		// Make room for "+N" at the end of the last row, taking chips back as needed.
		for {
			text, w := chipW("+" + strconv.Itoa(total-shown))
			last := chips[len(chips)-1]
			end := last.x + last.w + TagGap
			if last.row == maxTagRows-1 && end+w <= inner {
				chips = append(chips, chip{text, w, last.row, end})
				break
			}
			if last.row < maxTagRows-1 {
				chips = append(chips, chip{text, w, last.row + 1, 0})
				break
			}
			chips = chips[:len(chips)-1]
			shown--
			if len(chips) == 0 {
				chips = append(chips, chip{text, w, 0, 0})
				break
			}
		}
	}
	rows := 0
	top := 0.0
	for _, ch := range chips {
		ty := top + float64(ch.row)*(TagH+TagGap)
		out = append(out, TagChip{
			Rect:  Rect{X: CardPad + ch.x, Y: ty, W: ch.w, H: TagH},
			Label: line(ch.text, CardPad+ch.x+TagPadX, ty, TagH, TagSize, false),
		})
		rows = max(rows, ch.row+1)
	}
	if rows == 0 {
		return nil, 0
	}
	return out, float64(rows)*TagH + float64(rows-1)*TagGap
}

// metricText reads "Open rate 32% · target 40%".
func metricText(mt *data.Metric, lb Labels) string {
	val := func(v float64) string {
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if math.Abs(v) >= 1 && math.Abs(v-math.Round(v)) > 0 {
			s = strconv.FormatFloat(v, 'f', 2, 64)
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		s = strings.Replace(s, "-", "–", 1)
		u := strings.TrimSpace(mt.Unit)
		switch {
		case u == "":
		case u == "%" || u == "‰" || strings.HasPrefix(u, "/"):
			s += u
		default:
			s += " " + u
		}
		return s
	}
	text := val(mt.Value)
	if name := strings.TrimSpace(mt.Name); name != "" {
		text = name + " " + text
	}
	if mt.Target != nil {
		text += " · " + lb.Target + " " + val(*mt.Target)
	}
	return text
}

// normScore maps a score on the scale to −1 … +1 around the scale's middle.
func normScore(s float64, sc data.Scale) float64 {
	half := float64(sc.Max-sc.Min) / 2
	if half <= 0 {
		return 0
	}
	n := (s - float64(sc.Min+sc.Max)/2) / half
	return math.Max(-1, math.Min(1, n))
}

// CommentBadge is the count of comments in a card's open threads: a speech bubble in the
// card's footer, left of its markers.
type CommentBadge struct {
	Rect  Rect    // the bubble's body, fully rounded
	Tail  []Point // the bubble's tail under its left end
	Label TextLine
}

// commentBadge lays out the bubble of n comments, its right end at right, its middle at y.
func commentBadge(n int, right, y float64) *CommentBadge {
	const h, size = 14.0, SmallSize - 1
	text := strconv.Itoa(n)
	if n > 99 {
		text = "99+"
	}
	tw := TextWidth(text, size, true)
	bw := max(h+2, tw+9)
	r := Rect{X: right - bw, Y: y - h/2 - 1, W: bw, H: h}
	tail := []Point{{r.X + 3, r.Bottom() - 3}, {r.X + 9, r.Bottom() - 1}, {r.X + 2, r.Bottom() + 3}}
	lbl := line(text, r.X+(bw-tw)/2, r.Y, h, size, true)
	return &CommentBadge{Rect: r, Tail: tail, Label: lbl}
}
