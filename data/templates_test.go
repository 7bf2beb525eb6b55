package data

import (
	"strings"
	"testing"
)

// Every template, in both languages, makes a valid map that the store accepts whole.
func TestEveryTemplateInBothLanguages(t *testing.T) {
	s, _ := openTemp(t)
	ids := map[string]bool{}
	for _, tp := range Templates {
		if ids[tp.ID] {
			t.Fatalf("template id %q twice", tp.ID)
		}
		ids[tp.ID] = true
		for _, lang := range []string{"en", "vi"} {
			m := tp.Build(lang)
			if tp.NameIn(lang) == "" || tp.DescriptionIn(lang) == "" || m.Title == "" || len(m.Stages) == 0 || len(m.Lanes) == 0 {
				t.Fatalf("%s/%s: incomplete", tp.ID, lang)
			}
			id, err := s.CreateMap(m)
			if err != nil {
				t.Fatalf("%s/%s: %v", tp.ID, lang, err)
			}
			got, err := s.LoadMap(id)
			if err != nil || len(got.Stages) != len(m.Stages) || len(got.Cards) != len(m.Cards) {
				t.Fatalf("%s/%s: stored %d stages %d cards, built %d %d", tp.ID, lang, len(got.Stages), len(got.Cards), len(m.Stages), len(m.Cards))
			}
			if len(got.Scale.Labels) != 5 {
				t.Fatalf("%s/%s: scale labels %v", tp.ID, lang, got.Scale.Labels)
			}
		}
		en, vi := tp.Build("en"), tp.Build("vi")
		if en.Stages[0].Name == vi.Stages[0].Name && tp.ID != "aida" {
			t.Errorf("%s: first stage %q is not translated", tp.ID, en.Stages[0].Name)
		}
	}
	for _, want := range []string{"blank", "five-stages", "lifecycle", "aida", "b2b", "detailed-14", "ecommerce", "restaurant", "day-in-life", "service-blueprint"} {
		if !ids[want] {
			t.Errorf("missing template %s", want)
		}
	}
	five, _ := TemplateByID("five-stages")
	var names []string
	for _, st := range five.Build("vi").Stages {
		names = append(names, st.Name)
	}
	if strings.Join(names, " · ") != "Nhận thức · Cân nhắc · Quyết định · Giữ chân · Trung thành" {
		t.Fatalf("five stages in Vietnamese: %v", names)
	}
	if len(Templates[6].Build("en").Cards) < 10 {
		t.Fatal("e-commerce example has no story")
	}
}
