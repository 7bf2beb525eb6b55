package geometry

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"journeycanvas/data"
)

// notLengths are the float fields of a layout that are not lengths and keep their value at
// every zoom (scores on the emotion scale, normalised scores). Every other float64 reachable
// from a Layout is a length or a position and must be multiplied by the zoom: Layout.scale
// does that by hand, and this test fails when a new field is left out.
var notLengths = map[string]bool{
	"Score": true, "Norm": true, "Zoom": true, "Drop": true,
}

// TestScaleReachesEveryLength lays the same dressed map out at 100 % and at 250 % and walks
// both layouts field by field: every length of the second is 2.5 times the first's.
func TestScaleReachesEveryLength(t *testing.T) {
	m := dressedMap()
	a := Compute(m, Options{Zoom: 1, Header: true, NoteLines: 2})
	b := Compute(m, Options{Zoom: 2.5, Header: true, NoteLines: 2})
	if a.Header == nil || a.Header.Persona == nil || len(a.Links) == 0 || a.Curve == nil || len(a.Blueprint) == 0 {
		t.Fatal("the map does not reach every part of the layout")
	}
	var bad []string
	compareScaled(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem(), 2.5, "Layout", &bad)
	if len(bad) > 0 {
		if len(bad) > 20 {
			bad = append(bad[:20], fmt.Sprintf("… and %d more", len(bad)-20))
		}
		t.Fatalf("lengths not scaled by the zoom (Layout.scale misses them):\n%s", strings.Join(bad, "\n"))
	}
}

func compareScaled(a, b reflect.Value, z float64, path string, bad *[]string) {
	switch a.Kind() {
	case reflect.Float64:
		name := path[strings.LastIndex(path, ".")+1:]
		if notLengths[name] {
			return
		}
		want := a.Float() * z
		if math.Abs(b.Float()-want) > 1e-6*math.Max(1, math.Abs(want)) {
			*bad = append(*bad, fmt.Sprintf("%s: %g at 100 %%, %g at %g×", path, a.Float(), b.Float(), z))
		}
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			compareScaled(a.Field(i), b.Field(i), z, path+"."+a.Type().Field(i).Name, bad)
		}
	case reflect.Slice, reflect.Array:
		if a.Kind() == reflect.Slice && a.Type().Elem().Kind() == reflect.Uint8 {
			return // bytes (a picture)
		}
		if a.Len() != b.Len() {
			*bad = append(*bad, fmt.Sprintf("%s: %d items at 100 %%, %d zoomed", path, a.Len(), b.Len()))
			return
		}
		for i := 0; i < a.Len(); i++ {
			compareScaled(a.Index(i), b.Index(i), z, fmt.Sprintf("%s[%d]", path, i), bad)
		}
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return
		}
		compareScaled(a.Elem(), b.Elem(), z, path, bad)
	}
}

// dressedMap is a service blueprint with every kind of thing a layout holds: a persona, a
// goal, stage metrics, links, scored cards with notes, tags, metrics and marks.
func dressedMap() *data.Map {
	m := data.SampleMap("vi")
	m.Type = data.ServiceBlueprint
	m.Lanes = append(m.Lanes, data.Lane{ID: 901, Name: "Quy trình", Kind: data.LaneProcesses})
	for i := range m.Cards {
		c := &m.Cards[i]
		c.Notes = "Ghi chú dòng một\ndòng hai"
		c.Tags = []string{"zalo", "khách mới"}
		c.Colour = "#4DABF7"
	}
	m.Cards = append(m.Cards, data.Card{ID: 9001, StageID: m.Stages[0].ID, LaneID: 901, Title: "Xử lý đơn"})
	target := 30.0
	m.Stages[0].Metrics = []data.Metric{{Name: "Tỉ lệ chuyển đổi", Value: 2.5, Target: &target, Unit: "%", UpIsGood: true}}
	return m
}

// A map's language is what most of its words are written in: a few Vietnamese cards or a
// Vietnamese stage on an English map leave it English; a Vietnamese map is Vietnamese even
// though many of its words carry no mark.
func TestDetectLangWeighsTheWords(t *testing.T) {
	en := data.SampleMap("en")
	en.Stages[0].Name = "Nhận thức"
	for i := 0; i < 5; i++ {
		en.Cards = append(en.Cards, data.Card{ID: int64(900 + i), StageID: en.Stages[0].ID, LaneID: en.Lanes[0].ID, Title: "Đặt hàng qua Zalo"})
	}
	if got := DetectLang(en); got != "en" {
		t.Fatalf("an English map with a few Vietnamese items is %q", got)
	}
	if got := DetectLang(data.SampleMap("vi")); got != "vi" {
		t.Fatalf("the Vietnamese sample is %q", got)
	}
	if got := DetectLang(&data.Map{Title: "Mua sắm trên Shopee"}); got != "vi" {
		t.Fatalf("a short Vietnamese title is %q", got)
	}
	if got := DetectLang(&data.Map{Title: "Online shopping"}); got != "en" {
		t.Fatalf("an English title is %q", got)
	}
}
