package data

import (
	"encoding/json"
	"errors"
	"testing"
)

func ptr[T any](v T) *T { return &v }

// openTemp opens a new workspace: a file in a temporary folder, or on the PostgreSQL run of the
// suite a fresh database (stores_test.go). It returns the store and where it is.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := newWorkspace(t)
	s, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// sampleMap is the e-commerce journey of SampleMap, with Vietnamese text, every field set.
func sampleMap() *Map {
	m := &Map{
		Title: "Mua mỹ phẩm trực tuyến", Goal: "Tăng doanh thu", Audience: "Phụ nữ 25–35",
		Type: CurrentState, Owner: "Lan", Status: InReview, Scale: DefaultScale(), Curve: CurvePerCard,
		Persona: &Persona{Name: "Chị Hương", Summary: "Nhân viên văn phòng, mua sắm trên điện thoại",
			Photo: encodePNG(4, 4), Goals: "Da đẹp", Frustrates: "Giao hàng chậm"},
	}
	for i, n := range []string{"Nhận thức", "Cân nhắc", "Quyết định", "Giữ chân", "Trung thành"} {
		m.Stages = append(m.Stages, Stage{ID: int64(i + 1), Name: n, Colour: "#3366cc", Description: "giai đoạn " + n})
	}
	for i, n := range []string{"Hành động", "Điểm chạm", "Nỗi đau"} {
		m.Lanes = append(m.Lanes, Lane{ID: int64(i + 1), Name: n, Kind: []LaneKind{LaneSteps, LaneTouchpoints, LanePainPoints}[i]})
	}
	m.Cards = []Card{
		{ID: 1, StageID: 1, LaneID: 1, Title: "Thấy quảng cáo trên mạng xã hội", Channel: "Facebook", Presence: Online, Emotion: ptr(1.0), Tags: []string{"ads"}},
		{ID: 2, StageID: 2, LaneID: 1, Title: "Đọc đánh giá", Notes: "ỳ ữ ặ đ", Emotion: ptr(0.0), Evidence: EvidenceResearched},
		{ID: 3, StageID: 3, LaneID: 1, Title: "Nhận email giảm 10%", MomentOfTruth: true, Emotion: ptr(2.0),
			Metric: &Metric{Name: "Tỉ lệ mở email", Value: 32, Target: ptr(40.0), Unit: "%", UpIsGood: true}},
		{ID: 4, StageID: 3, LaneID: 3, Title: "Thanh toán lỗi", Pain: true, Emotion: ptr(-2.0), Colour: "#ff0000"},
		{ID: 5, StageID: 4, LaneID: 2, Title: "Email cảm ơn", Presence: Offline, Opportunity: true},
	}
	m.Links = []Link{{ID: 1, FromID: 4, ToID: 2, Label: "quay lại"}}
	return m
}

// state is a map's content as comparable text, without its ids' and times' noise.
func state(t testing.TB, s *Store, id int64) string {
	t.Helper()
	m, err := s.LoadMap(id)
	if errors.Is(err, ErrNotFound) {
		return "absent"
	}
	if err != nil {
		t.Fatal(err)
	}
	m.Updated = m.Created
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
