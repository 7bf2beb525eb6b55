package geometry

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"journeycanvas/data"
)

func layoutHeader(m *data.Map, lang string, lb Labels, x, y, w float64) *HeaderBox {
	h := &HeaderBox{Rect: Rect{X: x, Y: y, W: w}}
	leftW := w
	var persona *PersonaBox
	const personaW = 340.0
	side := m.Persona != nil && w >= 2*personaW
	if side {
		leftW = w - personaW - 32
	}
	ty := y
	title := strings.TrimSpace(m.Title)
	titles, _ := Wrap(title, leftW, HeaderSize, true, 3)
	for _, t := range titles {
		h.Title = append(h.Title, line(t, x, ty, HeaderLineH, HeaderSize, true))
		ty += HeaderLineH
	}
	ty += 8
	// Map type badge.
	label := MapTypeLabel(m.Type, lang)
	if label != "" {
		const bh = 22.0
		bw := TextWidth(NFC(label), SmallSize, true) + 20
		h.Badge = Rect{X: x, Y: ty, W: bw, H: bh}
		h.BadgeText = line(NFC(label), x+10, ty, bh, SmallSize, true)
		ty += bh + 12
	}
	if goal := strings.TrimSpace(m.Goal); goal != "" {
		h.GoalLabel = line(NFC(lb.Goal), x, ty, BodyLineH, BodySize, true)
		gx := x + h.GoalLabel.W + 8
		goals, _ := Wrap(goal, leftW-(gx-x), BodySize, false, 3)
		for _, t := range goals {
			h.Goal = append(h.Goal, line(t, gx, ty, BodyLineH, BodySize, false))
			ty += BodyLineH
		}
	}
	if m.Persona != nil {
		px, py, pw := x, ty+12, w
		if side {
			px, py, pw = x+w-personaW, y, personaW
		}
		persona = layoutPersona(m.Persona, lb, px, py, pw)
		h.Persona = persona
		if !side {
			ty = persona.Rect.Bottom()
		}
	}
	bottom := ty
	if persona != nil {
		bottom = max(bottom, persona.Rect.Bottom())
	}
	h.RuleY = bottom + 20
	h.Rect.H = h.RuleY + 24 - y
	return h
}

func layoutPersona(p *data.Persona, lb Labels, x, y, w float64) *PersonaBox {
	pb := &PersonaBox{Rect: Rect{X: x, Y: y, W: w}}
	const pad, av = 14.0, 44.0
	pb.Avatar = Rect{X: x + pad, Y: y + pad, W: av, H: av}
	pb.Photo = p.Photo
	pb.PhotoKey = photoKey(p)
	initials := Initials(p.Name)
	iw := TextWidth(initials, 16, true)
	pb.Initials = TextLine{Text: initials, X: pb.Avatar.X + (av-iw)/2, Y: pb.Avatar.Y + Baseline(av, 16, true), W: iw, Size: 16, Bold: true}
	tx := x + pad + av + 12
	tw := w - (tx - x) - pad
	ty := y + pad - 2
	pb.Caption = line(NFC(strings.ToUpper(lb.Persona)), tx, ty, SmallLineH, 10, true)
	ty += SmallLineH
	names, _ := Wrap(p.Name, tw, 14, true, 2)
	for _, t := range names {
		pb.Name = append(pb.Name, line(t, tx, ty, 19, 14, true))
		ty += 19
	}
	if s := strings.TrimSpace(p.Summary); s != "" {
		ty += 2
		sums, _ := Wrap(s, tw, 12, false, 4)
		for _, t := range sums {
			pb.Summary = append(pb.Summary, line(t, tx, ty, 17, 12, false))
			ty += 17
		}
	}
	pb.Rect.H = max(ty, pb.Avatar.Bottom()) + pad - y
	return pb
}

// Initials returns up to two letters standing for a name: the first letters of its first and
// last words ("Chị Hương, 29 tuổi" → "CH"), upper case.
func Initials(name string) string {
	words := strings.FieldsFunc(NFC(name), func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == ')' || r == '-' || r == '/'
	})
	var letters []rune
	for _, w := range words {
		r := []rune(w)[0]
		if r >= '0' && r <= '9' {
			break
		}
		letters = append(letters, r)
	}
	switch {
	case len(letters) == 0:
		return "?"
	case len(letters) > 2:
		letters = []rune{letters[0], letters[len(letters)-1]}
	}
	return strings.ToUpper(string(letters))
}

// photoKey is the persona picture's content key: the hash the workspace keeps, else (a persona
// read from a file of another kind) the hash of the bytes.
func photoKey(p *data.Persona) string {
	if len(p.Photo) == 0 {
		return ""
	}
	if h := p.PhotoHash(); h != "" {
		return h
	}
	return fmt.Sprintf("%x", sha256.Sum256(p.Photo))
}
