package data

import "testing"

// Two stores on one file: each sees the other's commits in its data version, never its own.
func TestDataVersionSeesOthersOnly(t *testing.T) {
	if onPostgres() {
		t.Skip("PRAGMA data_version is SQLite's; on PostgreSQL others' changes are to come through LISTEN/NOTIFY")
	}
	s1, path := openTemp(t)
	s2, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	v1, _ := s1.DataVersion()
	id, err := s1.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := s1.DataVersion(); v != v1 {
		t.Fatal("a store's own edit changed its data version")
	}
	v2, _ := s2.DataVersion()
	m, _ := s2.LoadMap(id)
	c := m.Cards[0]
	c.Title = "Đổi từ cửa sổ khác"
	if err := s2.UpdateCard(c); err != nil {
		t.Fatal(err)
	}
	if v, _ := s2.DataVersion(); v != v2 {
		t.Fatal("the writer's own data version changed")
	}
	if v, _ := s1.DataVersion(); v == v1 {
		t.Fatal("the other store's edit did not change this store's data version")
	}
	got, _ := s1.LoadMap(id)
	if got.Card(c.ID).Title != c.Title {
		t.Fatal("the other store's edit is not read")
	}
}
