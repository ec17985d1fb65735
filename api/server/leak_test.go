package server_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/intern-tracker/tracker/pkg/config"
)

// What an error body must never carry: SQL, driver and database text, file
// paths, Go types and package names, and stack traces. The patterns are
// written so that the plain English of our own messages does not match.
var leakPatterns = []*regexp.Regexp{
	regexp.MustCompile(`\b(SELECT|INSERT|UPDATE|DELETE FROM|WHERE|RETURNING|VALUES)\b`),
	regexp.MustCompile(`(?i)sqlite|\bpq:|pgx|SQLSTATE|constraint|duplicate key|violates|no such (table|column)|syntax error|database is locked`),
	regexp.MustCompile(`\.go\b|/work/|/root/|/home/|/tmp/`),
	regexp.MustCompile(`\*?\btracker\.[A-Z]|\bgorm\.|\becho\.|\bstruct\b|\bruntime\.|\bstrconv\.|\bjson:|\bstore:|\bmain\.`),
	regexp.MustCompile(`goroutine|panic:|\[recovered\]`),
}

// checkNoLeak fails t when r is an error whose body tells internals, and
// when a 5xx carries more than the request id.
func checkNoLeak(t *testing.T, r *resp) {
	t.Helper()
	if r.Code < 400 {
		return
	}
	body := string(r.Body)
	for _, p := range leakPatterns {
		if m := p.FindString(body); m != "" {
			t.Errorf("%s: error %d tells internals (%q): %s", r.what, r.Code, m, clipBody(r.Body))
		}
	}
	if r.Code >= 500 {
		p := r.problem()
		if p.Code != "internal" || p.RequestID == "" || len(p.Errors) != 0 ||
			p.Detail != "an internal error occurred; quote the request id when reporting it" {
			t.Errorf("%s: a %d says more than the request id: %s", r.what, r.Code, clipBody(r.Body))
		}
	}
}

// dbState is every row of every table of a database, as text and sorted;
// the append-only activity trail is kept as its size and last id.
type dbState map[string][]string

// dbWatch reads a test database on a connection of its own, read-only for
// SQLite, to tell whether a request changed anything.
type dbWatch struct {
	db     *gorm.DB
	tables []string
}

// watchDB opens url for reading and lists its tables.
func watchDB(t *testing.T, url string) *dbWatch {
	t.Helper()
	driver, dsn, err := config.ParseDatabaseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &gorm.Config{Logger: logger.Discard}
	var db *gorm.DB
	var list string
	if driver == config.DriverSQLite {
		db, err = gorm.Open(sqlite.Open("file:"+dsn+"?mode=ro&_query_only=true&_busy_timeout=10000"), cfg)
		list = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
	} else {
		db, err = gorm.Open(postgres.Open(dsn), cfg)
		list = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`
	}
	if err != nil {
		t.Fatalf("watch database: %v", err)
	}
	sdb, _ := db.DB()
	sdb.SetMaxOpenConns(1)
	t.Cleanup(func() { sdb.Close() })
	w := &dbWatch{db: db}
	if err := db.Raw(list).Scan(&w.tables).Error; err != nil || len(w.tables) < 10 {
		t.Fatalf("watch database: tables %v: %v", w.tables, err)
	}
	return w
}

// state reads every table.
func (w *dbWatch) state(t *testing.T) dbState {
	t.Helper()
	out := dbState{}
	for _, table := range w.tables {
		if table == "activities" {
			var n, last int64
			row := w.db.Raw(`SELECT COUNT(*), COALESCE(MAX(id), 0) FROM activities`).Row()
			if err := row.Scan(&n, &last); err != nil {
				t.Fatalf("read activities: %v", err)
			}
			out[table] = []string{fmt.Sprintf("%d rows, last %d", n, last)}
			continue
		}
		out[table] = w.rows(t, table)
	}
	return out
}

func (w *dbWatch) rows(t *testing.T, table string) []string {
	t.Helper()
	rows, err := w.db.Raw(`SELECT * FROM ` + table).Rows()
	if err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var out []string
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("read %s: %v", table, err)
		}
		var b strings.Builder
		for i, v := range vals {
			if s, ok := v.([]byte); ok {
				v = string(s)
			}
			fmt.Fprintf(&b, "%s=%v ", cols[i], v)
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	slices.Sort(out)
	return out
}

// unchanged fails t, naming the rows, when the database differs from
// before in any table but those a refused request may still write.
func (w *dbWatch) unchanged(t *testing.T, what string, before dbState, mayTouch ...string) {
	t.Helper()
	after := w.state(t)
	for _, table := range w.tables {
		if slices.Contains(mayTouch, table) || slices.Equal(before[table], after[table]) {
			continue
		}
		var gone, added []string
		for _, r := range before[table] {
			if !slices.Contains(after[table], r) {
				gone = append(gone, r)
			}
		}
		for _, r := range after[table] {
			if !slices.Contains(before[table], r) {
				added = append(added, r)
			}
		}
		t.Errorf("%s was refused but changed table %s:\n  before: %v\n  after:  %v", what, table, gone, added)
	}
}

// TestErrorBodiesLeakNothing provokes every kind of error the API makes
// from input (malformed and mistyped bodies, bad query parameters, ids out
// of range, unique and reference conflicts, SQL-looking text) and checks
// that no answer tells internals.
func TestErrorBodiesLeakNothing(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		task, pl := w.task[uInternCPP], w.pl[uInternCPP]
		type call struct {
			who, method, path string
			body              any
			hdr               []string
		}
		calls := []call{
			{uAdmin, "POST", v1("/users"), `{"email":`, nil},
			{uAdmin, "POST", v1("/users"), `{"email": 5, "name": [], "role": {}, "password": true}`, nil},
			{uAdmin, "POST", v1("/users"), map[string]any{"email": e.Users[uInternCPP].Email, "name": "Dup", "role": "intern", "branch_id": 1, "password": "a long enough password"}, nil},
			{uAdmin, "POST", v1("/branches"), map[string]any{"code": "CPP", "name": "Dup"}, nil},
			{uAdmin, "POST", v1("/tags"), map[string]any{"code": "x' OR '1'='1", "name": "; DROP TABLE users; --", "kind": "' OR 1=1 --"}, nil},
			{uAdmin, "POST", v1("/tags"), `[1, 2, 3]`, nil},
			{uAdmin, "POST", v1("/tasks"), map[string]any{"project_id": int64(1) << 62, "title": "x"}, nil},
			{uAdmin, "POST", v1("/tasks"), `{"project_id": 1e400, "title": "x"}`, nil},
			{uAdmin, "POST", v1("/tasks"), map[string]any{"project_id": w.projCPP.ID, "title": "x", "due_date": "2026-02-30"}, nil},
			{uAdmin, "POST", v1("/tasks"), map[string]any{"project_id": w.projCPP.ID, "title": "x", "tag_ids": []any{"1"}}, nil},
			{uAdmin, "POST", v1("/projects"), map[string]any{"stream_id": 1, "branch_id": 99, "title": "x"}, nil},
			{uAdmin, "POST", v1("/placements"), map[string]any{"intern_id": e.id(uInternCPP), "supervisor_id": e.id(uSupCPP), "start_date": e.day(0)}, nil},
			{uAdmin, "DELETE", v1("/projects/%d", w.projCPP.ID), nil, nil},
			{uAdmin, "PATCH", v1("/tasks/%d", task.ID), `{"title": "x"}`, []string{"If-Match", `"999"`}},
			{uAdmin, "PATCH", v1("/tasks/%d", task.ID), `{"title": "x"}`, []string{"If-Match", `"1; DROP TABLE tasks"`}},
			{uAdmin, "PATCH", v1("/tasks/%d", task.ID), `{"title": "x"}`, nil},
			{uAdmin, "PATCH", v1("/tasks/%d", task.ID), `{"status": "finished"}`, []string{"If-Match", `"1"`}},
			{uAdmin, "PATCH", v1("/tasks/%d", task.ID), `{"title": "x"}`, []string{"If-Match", `"1"`, "Content-Type", "text/xml"}},
			{uAdmin, "GET", v1("/tasks/99999999999999999999"), nil, nil},
			{uAdmin, "GET", v1("/tasks/-1"), nil, nil},
			{uAdmin, "GET", v1("/tasks/1%%27%%20OR%%201=1"), nil, nil},
			{uAdmin, "GET", v1("/tasks?sort=id%%3BDROP%%20TABLE%%20tasks"), nil, nil},
			{uAdmin, "GET", v1("/tasks?sort=-password_hash"), nil, nil},
			{uAdmin, "GET", v1("/tasks?per_page=abc&page=-3&due_from=yesterday&overdue=perhaps"), nil, nil},
			{uAdmin, "GET", v1("/tasks?status=todo,done%%27--&priority=%%27"), nil, nil},
			{uAdmin, "GET", v1("/users?q=%%25%%27%%22%%5C&role=root"), nil, nil},
			{uAdmin, "GET", v1("/activity?entity_type=sessions"), nil, nil},
			{uSupCPP, "GET", v1("/placements?intern_id=%d&state=gone", e.id(uInternMC)), nil, nil},
			{uAdmin, "GET", v1("/placements/%d/milestones/abc", pl.ID), nil, nil},
			{uInternCPP, "GET", v1("/board?branch_id=x"), nil, nil},
			{uInternCPP, "PUT", v1("/me/password"), map[string]any{"current_password": "wrong", "new_password": "x"}, nil},
			{"", "POST", v1("/auth/refresh"), map[string]any{"refresh_token": strings.Repeat("A", 300)}, nil},
			{"", "POST", v1("/auth/login"), `{"email": "a@b.c", "password": "x", "email": null}`, nil},
			{"", "GET", v1("/nothing/here"), nil, nil},
			{uAdmin, "DELETE", v1("/me"), nil, nil},
		}
		seen := 0
		for i, c := range calls {
			t.Run(fmt.Sprintf("%02d_%s", i, c.method), func(t *testing.T) {
				r := e.on(t).as(c.who).do(c.method, c.path, c.body, c.hdr...)
				if r.Code < 400 {
					t.Fatalf("%s answered %d; the case is meant to provoke an error", r.what, r.Code)
				}
				checkNoLeak(t, r)
				seen++
			})
		}
		if seen != len(calls) {
			t.Fatalf("only %d of %d calls were checked", seen, len(calls))
		}
	})
}
