package canvas

import (
	"os"
	"testing"

	"journeycanvas/data/pgtest"
)

// TestMain stops the private PostgreSQL server the tests may have started (connect_test.go).
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
