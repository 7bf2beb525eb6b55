package data

import (
	"path/filepath"
	"reflect"
	"testing"
)

// TestStageMetrics attaches metrics to a stage, reads them back after reopening, undoes and
// redoes the edit, and migrates a schema-2 file (its stages get no metrics, and a backup).
func TestStageMetrics(t *testing.T) {
	path := newWorkspace(t)
	s, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateMap(SampleMap("vi"))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.LoadMap(id)
	st := m.Stages[2]
	target := 3.0
	st.Metrics = []Metric{{Name: "Tỉ lệ chuyển đổi", Value: 2.4, Target: &target, Unit: "%", UpIsGood: true},
		{Name: "Giỏ hàng bỏ dở", Value: 68, Unit: "%"}}
	if err := s.UpdateStage(st); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path, OpenOptions{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, _ = s.LoadMap(id)
	if !reflect.DeepEqual(m.Stages[2].Metrics, st.Metrics) {
		t.Fatalf("metrics after reopening: %+v", m.Stages[2].Metrics)
	}
	if _, ok, err := s.Undo(id); err != nil || !ok {
		t.Fatal(err)
	}
	if m, _ = s.LoadMap(id); len(m.Stages[2].Metrics) != 0 {
		t.Fatalf("undo left %+v", m.Stages[2].Metrics)
	}
	if _, ok, err := s.Redo(id); err != nil || !ok {
		t.Fatal(err)
	}
	if m, _ = s.LoadMap(id); len(m.Stages[2].Metrics) != 2 {
		t.Fatal("redo did not bring the metrics back")
	}
	bad := m.Stages[2]
	bad.Metrics = []Metric{{Name: string(make([]byte, 3000)), Value: 1}}
	if err := s.UpdateStage(bad); err == nil {
		t.Fatal("a metric name of 3000 characters was stored")
	}

	// From schema 2.
	if onPostgres() {
		return // a database is never in a format older than the first that had PostgreSQL
	}
	old := filepath.Join(t.TempDir(), "v2.journey")
	if err := MigrateTo(old, 2); err != nil {
		t.Fatal(err)
	}
	raw := &Store{path: old, busy: DefaultBusyTimeout}
	if err := raw.connect(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO maps(id,title,created,updated) VALUES(1,'Cũ','2025-01-01T00:00:00Z','2025-01-01T00:00:00Z')`,
		`INSERT INTO stages(id,map_id,position,name) VALUES(1,1,0,'Nhận thức')`,
	} {
		if _, err := raw.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.db.Close()
	s2, err := Open(old, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.Backup == "" {
		t.Fatal("no backup before migrating schema 2")
	}
	if m, err := s2.LoadMap(1); err != nil || len(m.Stages) != 1 || m.Stages[0].Metrics != nil {
		t.Fatalf("migrated: %+v %v", m, err)
	}
}
