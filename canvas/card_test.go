package canvas

import (
	"image/color"
	"math"
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"

	"journeycanvas/canvas/geometry"
	"journeycanvas/canvas/geometry/testmaps"
)

// sameFaceByReflection is the reference for sameFace: a walk over every field, so it can
// never forget one.
func sameFaceByReflection(a, b *geometry.CardBox) bool {
	dx, dy := b.Rect.X-a.Rect.X, b.Rect.Y-a.Rect.Y
	va, vb := reflect.ValueOf(*a), reflect.ValueOf(*b)
	t := va.Type()
	for i := 0; i < t.NumField(); i++ {
		switch t.Field(i).Name {
		case "ID", "StageID", "LaneID", "Index":
			continue
		}
		if !sameShifted(va.Field(i), vb.Field(i), "", dx, dy) {
			return false
		}
	}
	return true
}

func sameShifted(a, b reflect.Value, name string, dx, dy float64) bool {
	switch a.Kind() {
	case reflect.Float64, reflect.Float32:
		d := 0.0
		switch name {
		case "X":
			d = dx
		case "Y":
			d = dy
		}
		return math.Abs(a.Float()+d-b.Float()) < 1e-6
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !sameShifted(a.Field(i), b.Field(i), a.Type().Field(i).Name, dx, dy) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameShifted(a.Elem(), b.Elem(), name, dx, dy)
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !sameShifted(a.Index(i), b.Index(i), name, dx, dy) {
				return false
			}
		}
		return true
	}
	return a.Equal(b)
}

// fieldPaths lists every leaf field of a type, as dotted paths.
func fieldPaths(t reflect.Type, prefix string, out *[]string) {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		fieldPaths(t.Elem(), prefix, out)
		return
	case reflect.Struct:
		if t == reflect.TypeOf(color.NRGBA{}) {
			break
		}
		for i := 0; i < t.NumField(); i++ {
			fieldPaths(t.Field(i).Type, prefix+"."+t.Field(i).Name, out)
		}
		return
	}
	*out = append(*out, prefix)
}

// TestSameFaceCoversEveryField fails when CardBox changes shape: sameFace compares field by
// field and must then be taught the new field.
func TestSameFaceCoversEveryField(t *testing.T) {
	var got []string
	fieldPaths(reflect.TypeOf(geometry.CardBox{}), "", &got)
	sort.Strings(got)
	want := ".Accent .Channel.Bold .Channel.Size .Channel.Text .Channel.W .Channel.X .Channel.Y .Comments.Label.Bold .Comments.Label.Size .Comments.Label.Text .Comments.Label.W .Comments.Label.X .Comments.Label.Y .Comments.Rect.H .Comments.Rect.W .Comments.Rect.X .Comments.Rect.Y .Comments.Tail.X .Comments.Tail.Y .Face.Norm .Face.R .Face.Score .Face.X .Face.Y .ID .Index .LaneID .Markers.Kind .Markers.Rect.H .Markers.Rect.W .Markers.Rect.X .Markers.Rect.Y .Metric.Dot.H .Metric.Dot.W .Metric.Dot.X .Metric.Dot.Y .Metric.Lines.Bold .Metric.Lines.Size .Metric.Lines.Text .Metric.Lines.W .Metric.Lines.X .Metric.Lines.Y .Metric.State .Notes.Bold .Notes.Size .Notes.Text .Notes.W .Notes.X .Notes.Y .Rect.H .Rect.W .Rect.X .Rect.Y .StageID .Tags.Label.Bold .Tags.Label.Size .Tags.Label.Text .Tags.Label.W .Tags.Label.X .Tags.Label.Y .Tags.Rect.H .Tags.Rect.W .Tags.Rect.X .Tags.Rect.Y .Tint.Border .Tint.Chip .Tint.ChipText .Tint.Fill .Tint.Muted .Tint.Text .Title.Bold .Title.Size .Title.Text .Title.W .Title.X .Title.Y .Truncated"
	if g := strings.Join(got, " "); g != want {
		t.Fatalf("CardBox changed: teach sameFace the new fields, then update this list.\n got %s\nwant %s", g, want)
	}
}

// TestSameFaceAgreesWithReflection compares sameFace with the reflective reference on the
// cards of a big map: each against itself shifted, and against every kind of change.
func TestSameFaceAgreesWithReflection(t *testing.T) {
	lay := geometry.Compute(testmaps.Big(300, 6, 5), geometry.Options{})
	rng := rand.New(rand.NewSource(1))
	mutations := []func(c *geometry.CardBox){
		func(c *geometry.CardBox) {},
		func(c *geometry.CardBox) { c.Rect.W++ },
		func(c *geometry.CardBox) { c.Accent.R++ },
		func(c *geometry.CardBox) { c.Tint.Fill.G++ },
		func(c *geometry.CardBox) { c.Tint.ChipText.B++ },
		func(c *geometry.CardBox) { c.Notes = append(c.Notes, geometry.TextLine{Text: "note"}) },
		func(c *geometry.CardBox) {
			c.Tags = append(c.Tags, geometry.TagChip{Label: geometry.TextLine{Text: "tag"}})
		},
		func(c *geometry.CardBox) { c.Truncated = !c.Truncated },
		func(c *geometry.CardBox) { c.Channel.Text += "x" },
		func(c *geometry.CardBox) {
			if len(c.Title) > 0 {
				c.Title[0].X += 0.5
			}
		},
		func(c *geometry.CardBox) { c.Markers = append(c.Markers, geometry.MarkerBox{}) },
		func(c *geometry.CardBox) {
			if c.Face != nil {
				f := *c.Face
				f.Norm += 0.1
				c.Face = &f
			}
		},
		func(c *geometry.CardBox) {
			if c.Metric != nil {
				m := *c.Metric
				m.State++
				c.Metric = &m
			} else {
				c.Metric = &geometry.MetricLine{}
			}
		},
		func(c *geometry.CardBox) { c.Comments = &geometry.CommentBadge{Label: geometry.TextLine{Text: "2"}} },
	}
	for i := range lay.Cards {
		a := lay.Cards[i]
		for k, mutate := range mutations {
			b := a
			b.Title = append([]geometry.TextLine(nil), a.Title...)
			b.Markers = append([]geometry.MarkerBox(nil), a.Markers...)
			mutate(&b)
			dx, dy := float64(rng.Intn(300)-150), float64(rng.Intn(300)-150)
			b.Rect.X += dx
			b.Rect.Y += dy
			for j := range b.Title {
				b.Title[j].X += dx
				b.Title[j].Y += dy
			}
			b.Channel.X += dx
			b.Channel.Y += dy
			for j := range b.Markers {
				b.Markers[j].Rect.X += dx
				b.Markers[j].Rect.Y += dy
			}
			if b.Face != nil {
				f := *b.Face
				f.X += dx
				f.Y += dy
				b.Face = &f
			}
			if b.Metric != nil {
				m := *b.Metric
				m.Dot.X += dx
				m.Dot.Y += dy
				m.Lines = append([]geometry.TextLine(nil), m.Lines...)
				for j := range m.Lines {
					m.Lines[j].X += dx
					m.Lines[j].Y += dy
				}
				b.Metric = &m
			}
			if got, want := sameFace(&a, &b), sameFaceByReflection(&a, &b); got != want {
				t.Fatalf("card %d, mutation %d: sameFace %v, reflection %v", a.ID, k, got, want)
			}
		}
	}
}
