package export

import (
	"fmt"
	"time"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/paint"
	"journeycanvas/data"
)

// What the export adds below the board: a legend of the marks the map uses and a footer with
// the date. Laid out in layout units like the rest, then scaled.

type iconKind int

const (
	iconMarker iconKind = iota
	iconFace
	iconCurve
	iconLink
)

type legendItem struct {
	icon   iconKind
	marker geometry.MarkerKind
	norm   float64
	box    geometry.Rect
	label  geometry.TextLine
}

type extras struct {
	items     []legendItem
	ruleY     float64
	ruleX     float64
	ruleW     float64
	left      geometry.TextLine
	right     geometry.TextLine
	bottom    float64
	legendBox geometry.Rect
}

const (
	legendSize  = 12.0
	legendLineH = 24.0
	footerSize  = 11.0
)

func layoutExtras(m *data.Map, lay *geometry.Layout, now time.Time) *extras {
	lb := geometry.LabelsFor(lay.Lang)
	ex := &extras{}
	x0 := lay.Grid.X
	width := lay.Width - 2*geometry.MarginExport
	y := lay.ContentBottom + 24

	// Which marks occur, in the order of the legend.
	var has [6]bool
	faces := false
	for i := range lay.Cards {
		for _, mk := range lay.Cards[i].Markers {
			has[mk.Kind] = true
		}
		if lay.Cards[i].Face != nil {
			faces = true
		}
	}
	if lay.Curve != nil && len(lay.Curve.Points) > 0 {
		faces = true
	}
	type entry struct {
		icon   iconKind
		marker geometry.MarkerKind
		norm   float64
		label  string
		iconW  float64
	}
	var entries []entry
	names := []string{lb.PainPoint, lb.Opportunity, lb.MomentOfTruth, lb.Researched, lb.Assumed, lb.Proposed}
	for k, ok := range has {
		if ok {
			entries = append(entries, entry{icon: iconMarker, marker: geometry.MarkerKind(k), label: names[k], iconW: geometry.MarkerSize})
		}
	}
	if faces {
		entries = append(entries,
			entry{icon: iconFace, norm: 1, label: lb.Positive, iconW: 2 * geometry.FaceR},
			entry{icon: iconFace, norm: 0, label: lb.Neutral, iconW: 2 * geometry.FaceR},
			entry{icon: iconFace, norm: -1, label: lb.Negative, iconW: 2 * geometry.FaceR})
	}
	if lay.Curve != nil && len(lay.Curve.Points) > 1 {
		entries = append(entries, entry{icon: iconCurve, label: lb.Curve, iconW: 30})
	}
	if len(lay.Links) > 0 {
		entries = append(entries, entry{icon: iconLink, label: lb.Link, iconW: 30})
	}
	if len(entries) > 0 {
		x := x0
		top := y
		for _, e := range entries {
			label := geometry.NFC(e.label)
			w := e.iconW + 7 + geometry.TextWidth(label, legendSize, false)
			if x > x0 && x+w > x0+width {
				x = x0
				y += legendLineH
			}
			it := legendItem{icon: e.icon, marker: e.marker, norm: e.norm}
			ih := min(e.iconW, 2*geometry.FaceR)
			it.box = geometry.Rect{X: x, Y: y + (legendLineH-ih)/2, W: e.iconW, H: ih}
			it.label = geometry.TextLine{Text: label, X: x + e.iconW + 7, Y: y + geometry.Baseline(legendLineH, legendSize, false),
				W: geometry.TextWidth(label, legendSize, false), Size: legendSize}
			ex.items = append(ex.items, it)
			x += w + 22
		}
		y += legendLineH
		ex.legendBox = geometry.Rect{X: x0, Y: top, W: width, H: y - top}
		y += 12
	}

	// Footer: a rule, the program's name on the left, the date on the right.
	y += 8
	ex.ruleX, ex.ruleY, ex.ruleW = x0, y, width
	y += 10
	left := geometry.NFC("Journey Canvas · " + title(m))
	left, _ = geometry.Ellipsize(left, width*0.7, footerSize, false)
	ex.left = geometry.TextLine{Text: left, X: x0, Y: y + geometry.Baseline(16, footerSize, false), W: geometry.TextWidth(left, footerSize, false), Size: footerSize}
	date := lb.Exported + " " + formatDate(now, lay.Lang)
	dw := geometry.TextWidth(date, footerSize, false)
	ex.right = geometry.TextLine{Text: date, X: x0 + width - dw, Y: ex.left.Y, W: dw, Size: footerSize}
	ex.bottom = y + 16
	return ex
}

func title(m *data.Map) string {
	if m.Title == "" {
		return "—"
	}
	return m.Title
}

func formatDate(t time.Time, lang string) string {
	if lang == "vi" {
		return fmt.Sprintf("%02d/%02d/%d", t.Day(), int(t.Month()), t.Year())
	}
	return t.Format("2 January 2006")
}

func (ex *extras) paint(c *paint.Canvas) {
	p := c.Pal
	if !c.Visible(geometry.Rect{X: ex.ruleX, Y: ex.legendBox.Y, W: ex.ruleW, H: ex.bottom - ex.legendBox.Y}, 4) &&
		!c.Visible(geometry.Rect{X: ex.ruleX, Y: ex.ruleY, W: ex.ruleW, H: ex.bottom - ex.ruleY}, 4) {
		return
	}
	for _, it := range ex.items {
		b := it.box
		switch it.icon {
		case iconMarker:
			c.Marker(it.marker, b)
		case iconFace:
			c.Face(b.X+b.W/2, b.Y+b.H/2, b.W/2, it.norm)
		case iconCurve:
			mid := b.Y + b.H/2
			c.Bezier(paint.Stroke{Width: 2.5, Colour: p.CurveLine}, [4]geometry.Point{
				{X: b.X + 2, Y: mid + 5}, {X: b.X + b.W*0.45, Y: mid + 5}, {X: b.X + b.W*0.55, Y: mid - 5}, {X: b.Right() - 2, Y: mid - 5}})
		case iconLink:
			mid := b.Y + b.H/2
			c.Link(&geometry.LinkPath{Segments: [][4]geometry.Point{{
				{X: b.X + 2, Y: mid}, {X: b.X + b.W/3, Y: mid}, {X: b.X + 2*b.W/3, Y: mid}, {X: b.Right(), Y: mid}}}})
		}
		c.Text(it.label, p.Muted)
	}
	c.FillRect(geometry.Rect{X: ex.ruleX, Y: ex.ruleY, W: ex.ruleW, H: 1}, p.CardBorder)
	c.Text(ex.left, p.Muted)
	c.Text(ex.right, p.Muted)
}
