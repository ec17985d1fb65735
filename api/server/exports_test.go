package server_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/intern-tracker/tracker/pkg/config"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// csvExport is a CSV answer, checked for its framing and parsed.
type csvExport struct {
	header []string
	rows   []map[string]string
}

// readCSV checks that r is a UTF-8 CSV attachment opening with a byte
// order mark and parses it.
func readCSV(t *testing.T, r *resp) csvExport {
	t.Helper()
	r.want(http.StatusOK)
	if ct := r.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Fatalf("%s: content type %q", r.what, ct)
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="`) || !strings.HasSuffix(cd, `.csv"`) {
		t.Fatalf("%s: content disposition %q", r.what, cd)
	}
	body, ok := bytes.CutPrefix(r.Body, []byte("\xef\xbb\xbf"))
	if !ok {
		t.Fatalf("%s: no UTF-8 byte order mark: % x", r.what, r.Body[:min(8, len(r.Body))])
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("%s: not CSV: %v", r.what, err)
	}
	out := csvExport{header: recs[0]}
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range out.header {
			row[h] = rec[i]
		}
		out.rows = append(out.rows, row)
	}
	return out
}

// ids returns the id column, in order.
func (x csvExport) ids(t *testing.T) []int64 {
	t.Helper()
	out := []int64{}
	for _, r := range x.rows {
		id, err := strconv.ParseInt(r["id"], 10, 64)
		if err != nil {
			t.Fatalf("id %q: %v", r["id"], err)
		}
		out = append(out, id)
	}
	return out
}

// byID returns the row of task id.
func (x csvExport) byID(id int64) map[string]string {
	for _, r := range x.rows {
		if r["id"] == strconv.FormatInt(id, 10) {
			return r
		}
	}
	return nil
}

// listIDs returns the ids of GET path (one page, which must be whole).
func listIDs(t *testing.T, c *client, path string) []int64 {
	t.Helper()
	var l struct {
		Items []struct{ ID int64 } `json:"items"`
		Total int64                `json:"total"`
	}
	c.get(path).want(http.StatusOK).decode(&l)
	if int64(len(l.Items)) != l.Total {
		t.Fatalf("%s: a partial page", path)
	}
	out := []int64{}
	for _, it := range l.Items {
		out = append(out, it.ID)
	}
	return out
}

func TestExportTasksCSV(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		tag := w.newTag(e)
		plus := "+" + tag.Code
		_, err := e.DB.Store.UpdateTag(fixtureCtx, w.adm, tag.ID, tag.Version, store.RefInput{Code: &plus})
		mustFixture(e, "tag code", err)
		evil := `=HYPERLINK("http://x.example","click")`
		due := tracker.Of(tracker.DateOf(e.DB.Clock.Now()).AddDays(-2))
		tk := w.newTask(e, w.projCPP, uInternCPP)
		high := tracker.PriorityHigh
		est := 2.5
		_, err = e.DB.Store.UpdateTask(fixtureCtx, w.adm, tk.ID, tk.Version, store.TaskInput{Title: &evil, DueDate: due,
			Priority: &high, EstimateHours: tracker.Of(est), TagIDs: &[]int64{tag.ID}})
		mustFixture(e, "evil task", err)
		mc := w.newTask(e, w.projMC, uInternMC)

		t.Run("Framing", func(t *testing.T) {
			e := e.on(t)
			x := readCSV(t, e.as(uAdmin).get(v1("/tasks.csv")))
			want := []string{"id", "title", "status", "priority", "progress", "start_date", "due_date", "overdue", "completed_at",
				"estimate_hours", "assignee_name", "project_title", "stream_code", "branch_code", "tags", "created_at", "updated_at"}
			if !slices.Equal(x.header, want) {
				t.Fatalf("header %v", x.header)
			}
			if len(x.rows) != 5 {
				t.Fatalf("%d rows, want 5", len(x.rows))
			}
			if !bytes.Contains(e.as(uAdmin).get(v1("/tasks.csv")).Body, []byte("\r\n")) {
				t.Fatal("no CRLF line ends")
			}
		})
		t.Run("NamesAndInjection", func(t *testing.T) {
			e := e.on(t)
			r := readCSV(t, e.as(uSupCPP).get(v1("/tasks.csv"))).byID(tk.ID)
			want := map[string]string{"title": "'" + evil, "status": "todo", "priority": "high", "due_date": due.Value.String(),
				"overdue": "true", "estimate_hours": "2.5", "assignee_name": uInternCPP, "project_title": w.projCPP.Title,
				"stream_code": "io", "branch_code": "CPP", "tags": "'" + plus, "completed_at": ""}
			for k, v := range want {
				if r[k] != v {
					t.Errorf("%s = %q, want %q", k, r[k], v)
				}
			}
		})
		t.Run("SameRowsAsTheList", func(t *testing.T) {
			e := e.on(t)
			for _, who := range []string{uAdmin, uSupMC, uInternCPP, uInternMC} {
				for _, f := range []string{"", "status=todo", "status=todo,in_progress", "branch_id=2", "stream_id=1", "q=hyperlink",
					"overdue=true", "overdue=false", fmt.Sprintf("tag_id=%d", tag.ID), fmt.Sprintf("assignee_id=%d", e.id(uInternCPP)),
					fmt.Sprintf("project_id=%d", w.projCPP.ID), "priority=high", "sort=-title", "sort=status,-created_at",
					"due_from=" + e.day(-5) + "&due_to=" + e.day(0)} {
					got := readCSV(t, e.as(who).get(v1("/tasks.csv?%s", f))).ids(t)
					if want := listIDs(t, e.as(who), v1("/tasks?per_page=100&%s", f)); !slices.Equal(got, want) {
						t.Errorf("%s with %q: CSV %v, list %v", who, f, got, want)
					}
				}
			}
		})
		t.Run("InternOwnBranchOnly", func(t *testing.T) {
			e := e.on(t)
			x := readCSV(t, e.as(uInternCPP).get(v1("/tasks.csv")))
			if x.byID(mc.ID) != nil || x.byID(w.task[uInternMC].ID) != nil || x.byID(tk.ID) == nil {
				t.Fatalf("intern of CPP exports %v", x.ids(t))
			}
			for _, r := range x.rows {
				if r["branch_code"] != "CPP" {
					t.Fatalf("a row of another branch: %v", r)
				}
			}
			if x := readCSV(t, e.as(uInternCPP).get(v1("/tasks.csv?branch_id=%d", branchMC))); len(x.rows) != 0 {
				t.Fatalf("intern of CPP exports MC: %v", x.ids(t))
			}
		})
		t.Run("BadQuery", func(t *testing.T) {
			e := e.on(t)
			e.as(uAdmin).get(v1("/tasks.csv?status=nope")).want(http.StatusBadRequest).wantField("status")
			e.as(uAdmin).get(v1("/tasks.csv?priority=top")).want(http.StatusBadRequest).wantField("priority")
			e.as(uAdmin).get(v1("/tasks.csv?sort=secret")).want(http.StatusUnprocessableEntity).wantField("sort")
			e.as("").get(v1("/tasks.csv")).want(http.StatusUnauthorized)
		})
	})
}

// rawDB opens a writable connection of its own to the test database, for
// bulk rows no API call would make fast enough.
func rawDB(t *testing.T, url string) *gorm.DB {
	t.Helper()
	driver, dsn, err := config.ParseDatabaseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &gorm.Config{Logger: logger.Discard}
	var db *gorm.DB
	if driver == config.DriverSQLite {
		db, err = gorm.Open(sqlite.Open("file:"+dsn+"?_busy_timeout=10000&_foreign_keys=on"), cfg)
	} else {
		db, err = gorm.Open(postgres.Open(dsn), cfg)
	}
	if err != nil {
		t.Fatal(err)
	}
	sdb, _ := db.DB()
	t.Cleanup(func() { sdb.Close() })
	return db
}

// TestExportTasksCap: an export that matches more than 10,000 tasks sends
// the first 10,000 and says so in X-Truncated; one that does not, not.
func TestExportTasksCap(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		now := e.DB.Clock.Now()
		err := rawDB(t, e.DB.URL).Exec(`INSERT INTO tasks (project_id, stream_id, branch_id, title, description, status, priority,
  progress, created_by, status_since, version, created_at, updated_at)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
SELECT ?, ?, ?, 'Bulk', '', 'todo', 'low', 0, ?, ?, 1, ?, ? FROM n`,
			store.MaxExportRows, w.projCPP.ID, w.projCPP.StreamID, w.projCPP.BranchID, w.adm.ID, now, now, now).Error
		if err != nil {
			t.Fatal(err)
		}
		r := e.as(uAdmin).get(v1("/tasks.csv"))
		if x := readCSV(t, r); len(x.rows) != store.MaxExportRows || r.Header.Get("X-Truncated") != "true" {
			t.Fatalf("%d rows, X-Truncated %q", len(x.rows), r.Header.Get("X-Truncated"))
		}
		r = e.as(uAdmin).get(v1("/tasks.csv?q=bulk"))
		if x := readCSV(t, r); len(x.rows) != store.MaxExportRows || r.Header.Get("X-Truncated") != "" {
			t.Fatalf("exactly the cap: %d rows, X-Truncated %q", len(x.rows), r.Header.Get("X-Truncated"))
		}
	})
}

func TestExportBoardCSV(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		code, name := "X1", "=cmd|' /C calc'!A0"
		_, err := e.DB.Store.CreateBranch(fixtureCtx, w.adm, store.RefInput{Code: &code, Name: &name})
		mustFixture(e, "branch", err)
		blocked := w.newTask(e, w.projMC, uInternMC)
		for _, st := range []tracker.Status{tracker.StatusInProgress, tracker.StatusBlocked} {
			next, err := e.DB.Store.UpdateTask(fixtureCtx, w.adm, blocked.ID, blocked.Version, store.TaskInput{Status: &st})
			mustFixture(e, "block", err)
			blocked = *next
		}

		t.Run("CellsAsTheBoard", func(t *testing.T) {
			e := e.on(t)
			for _, f := range []string{"", "branch_id=2", "stream_id=1", "branch_id=1&stream_id=1", "as_of=" + e.day(-1)} {
				x := readCSV(t, e.as(uSupCPP).get(v1("/board.csv?%s", f)))
				var b store.Board
				e.as(uSupCPP).get(v1("/board?%s", f)).want(http.StatusOK).decode(&b)
				if len(x.rows) != len(b.Cells) {
					t.Fatalf("%q: %d rows, %d cells", f, len(x.rows), len(b.Cells))
				}
				for i, c := range b.Cells {
					r := x.rows[i]
					got := strings.Join([]string{r["todo"], r["in_progress"], r["blocked"], r["in_review"], r["done"], r["overdue"], r["total"]}, " ")
					want := fmt.Sprintf("%d %d %d %d %d %d %d", c.Todo, c.InProgress, c.Blocked, c.InReview, c.Done, c.Overdue, c.Total)
					since := ""
					if c.BlockedSince != nil {
						since = c.BlockedSince.UTC().Format(time.RFC3339)
					}
					if got != want || r["stream_code"] == "" || r["branch_code"] == "" || r["as_of"] != b.AsOf.String() ||
						r["blocked_since"] != since {
						t.Fatalf("%q: row %d %v, cell %+v", f, i, r, c)
					}
				}
			}
		})
		t.Run("Names", func(t *testing.T) {
			e := e.on(t)
			x := readCSV(t, e.as(uLeader).get(v1("/board.csv?branch_id=%d", branchMC)))
			if len(x.rows) != 3 {
				t.Fatalf("%d rows, want one per stream", len(x.rows))
			}
			total, since := 0, ""
			for _, r := range x.rows {
				if r["branch_code"] != "MC" || r["branch_name"] == "" || r["stream_name"] == "" {
					t.Fatalf("row %v", r)
				}
				since += r["blocked_since"]
				n, _ := strconv.Atoi(r["total"])
				total += n
			}
			if total != 2 || since != blocked.StatusSince.UTC().Format(time.RFC3339) {
				t.Fatalf("MC counts %d tasks, want 2; blocked since %q, want %v", total, since, blocked.StatusSince)
			}
		})
		t.Run("Injection", func(t *testing.T) {
			e := e.on(t)
			x := readCSV(t, e.as(uAdmin).get(v1("/board.csv")))
			found := false
			for _, r := range x.rows {
				if r["branch_code"] == code {
					found = true
					if r["branch_name"] != "'"+name {
						t.Fatalf("branch_name %q is not defused", r["branch_name"])
					}
				}
			}
			if !found {
				t.Fatal("no row of the new branch")
			}
		})
		t.Run("Refused", func(t *testing.T) {
			e := e.on(t)
			e.as(uInternCPP).get(v1("/board.csv")).wantProblem(http.StatusForbidden, tracker.ECodeForbidden)
			e.as(uAdmin).get(v1("/board.csv?branch_id=99")).want(http.StatusUnprocessableEntity).wantField("branch_id")
			e.as(uAdmin).get(v1("/board.csv?as_of=yesterday")).want(http.StatusBadRequest).wantField("as_of")
		})
	})
}
