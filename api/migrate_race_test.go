package main

import (
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store/migrations"
	"github.com/intern-tracker/tracker/pkg/storetest"
)

// TestMigrationRace is the starting-together test (issue 6, point 3): 4
// `tracker migrate` and 2 `tracker serve` processes are started at once
// against one empty PostgreSQL schema, three times. Every process must
// succeed (each migrate exits 0 saying "migrations applied", each serve
// becomes ready and stops cleanly); schema_migrations must then hold each
// step of migrations.All exactly once and nothing else; and the schema
// (tables, columns, constraints, indexes) and the row count of every table
// must equal those of a schema migrated by one process alone.
func TestMigrationRace(t *testing.T) {
	needPostgres(t)
	ref := storetest.URL(t, "postgres")
	if _, stderr, err := runCLI(t, map[string]string{"TRACKER_DATABASE_URL": ref}, "", "migrate"); err != nil {
		t.Fatalf("tracker migrate alone: %v\n%s", err, stderr)
	}
	want := schemaOf(t, ref)
	var ids []string
	for _, m := range migrations.All {
		ids = append(ids, m.ID)
	}
	if !slices.Equal(want.applied, ids) {
		t.Fatalf("one tracker migrate recorded %v, want %v", want.applied, ids)
	}
	for round := range 3 {
		u := storetest.URL(t, "postgres")
		vars := map[string]string{"TRACKER_DATABASE_URL": u, "TRACKER_LOG_LEVEL": "warn",
			"TRACKER_JWT_SECRET": "0123456789abcdef0123456789abcdef-migration-race"}
		var migrators, servers []*proc
		start := time.Now()
		for i := range 6 {
			if i%3 == 2 {
				v := maps.Clone(vars)
				v["TRACKER_ADDR"] = freeAddr(t)
				servers = append(servers, launch(t, v, "serve"))
			} else {
				migrators = append(migrators, launch(t, vars, "migrate"))
			}
		}
		for _, p := range migrators {
			if err := p.wait(60 * time.Second); err != nil {
				t.Errorf("round %d: tracker migrate: %v\n%s", round+1, err, p.output())
			} else if !strings.Contains(p.output(), "migrations applied") {
				t.Errorf("round %d: tracker migrate printed %q", round+1, p.output())
			}
		}
		for _, p := range servers {
			p.waitReady()
			p.stop()
			p.checkLogs()
		}
		t.Logf("round %d: 4 migrate and 2 serve processes done in %s", round+1, time.Since(start).Round(time.Millisecond))
		got := schemaOf(t, u)
		if !slices.Equal(got.applied, want.applied) {
			t.Errorf("round %d: schema_migrations holds %v, want each of %v once", round+1, got.applied, want.applied)
		}
		if !slices.Equal(got.shape, want.shape) {
			t.Errorf("round %d: the schema differs from one migrated by a single process:\n%s", round+1,
				strings.Join(diffLines(want.shape, got.shape), "\n"))
		}
		if t.Failed() {
			t.FailNow()
		}
	}
}

// migratedSchema is what the migrations left in one PostgreSQL schema.
type migratedSchema struct {
	applied []string // schema_migrations ids, in order, duplicates kept
	shape   []string // one line per table, column, constraint, index and table row count
}

// schemaOf reads the schema that the search_path of the database URL u
// names.
func schemaOf(t *testing.T, u string) migratedSchema {
	t.Helper()
	db, err := sql.Open("pgx", u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var s migratedSchema
	query(t, db, "SELECT id FROM schema_migrations ORDER BY id", func(r scanner) {
		var id string
		must(t, r.Scan(&id))
		s.applied = append(s.applied, id)
	})
	var schema string
	must(t, db.QueryRow("SELECT current_schema()").Scan(&schema))
	lines := func(q string) {
		query(t, db, q, func(r scanner) {
			var line string
			must(t, r.Scan(&line))
			// Index definitions name the schema; schemas differ by test.
			s.shape = append(s.shape, strings.ReplaceAll(line, schema+".", ""))
		})
	}
	lines(`SELECT concat_ws(' ', 'column', table_name, column_name, data_type, is_nullable, column_default)
		FROM information_schema.columns WHERE table_schema = current_schema()`)
	lines(`SELECT concat_ws(' ', 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid))
		FROM pg_constraint WHERE connamespace = current_schema()::regnamespace`)
	lines(`SELECT concat_ws(' ', 'index', indexdef) FROM pg_indexes WHERE schemaname = current_schema()`)
	var tables []string
	query(t, db, `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
		func(r scanner) {
			var name string
			must(t, r.Scan(&name))
			tables = append(tables, name)
		})
	for _, tb := range tables {
		var n int64
		must(t, db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM %q`, tb)).Scan(&n))
		s.shape = append(s.shape, fmt.Sprintf("rows %s %d", tb, n))
	}
	slices.Sort(s.shape)
	return s
}

// diffLines lists the lines that only one of want and got has, or says
// that they differ in how often some line appears.
func diffLines(want, got []string) []string {
	out := []string{}
	for _, l := range want {
		if !slices.Contains(got, l) {
			out = append(out, "missing: "+l)
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			out = append(out, "unexpected: "+l)
		}
	}
	if len(out) == 0 {
		out = append(out, fmt.Sprintf("the same lines, %d of them here, %d there", len(got), len(want)))
	}
	return out
}
