package data

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// The tables and columns each format has, found by running its migrations on an empty
// in-memory database once per format.
var (
	schemasMu sync.Mutex
	schemas   = map[int]map[string][]string{}
)

func expectedSchema(version int) (map[string][]string, error) {
	schemasMu.Lock()
	defer schemasMu.Unlock()
	if sc, ok := schemas[version]; ok {
		return sc, nil
	}
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for v := 0; v < version; v++ {
		if err := runMigration(db, v); err != nil {
			return nil, fmt.Errorf("format %d: %w", v+1, err)
		}
	}
	sc, err := tableColumns(db)
	if err != nil {
		return nil, err
	}
	schemas[version] = sc
	return sc, nil
}

// tableColumns lists the columns of every table of db.
func tableColumns(q querier) (map[string][]string, error) {
	return columnsBy(q, `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type='table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`)
}

// columnsBy gathers table and column names, in that order, from a query giving both.
func columnsBy(q querier, query string) (map[string][]string, error) {
	rows, err := q.Query(query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			return nil, err
		}
		out[t] = append(out[t], c)
	}
	return out, rows.Err()
}

// checkSchema refuses a workspace that lacks a table or a column of its format (a table dropped
// by another tool, say), naming the first one missing.
func (s *Store) checkSchema(q querier, version int) error {
	want, err := expectedSchema(version)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	tables := tableColumns
	if s.pg {
		tables = pgTableColumns
	}
	have, err := tables(q)
	if err != nil {
		return s.wrap("open", err)
	}
	names := make([]string, 0, len(want))
	for t := range want {
		names = append(names, t)
	}
	sort.Strings(names)
	for _, t := range names {
		cols, ok := have[t]
		if !ok {
			return fmt.Errorf("open %s: %w: table %s is missing", s.path, ErrCorrupt, t)
		}
		got := "," + strings.Join(cols, ",") + ","
		for _, c := range want[t] {
			if !strings.Contains(got, ","+c+",") {
				return fmt.Errorf("open %s: %w: column %s.%s is missing", s.path, ErrCorrupt, t, c)
			}
		}
	}
	return nil
}
