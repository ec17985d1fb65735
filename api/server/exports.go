package server

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// utf8BOM opens every CSV export, so that spreadsheets read it as UTF-8
// rather than the system's legacy code page.
const utf8BOM = "\ufeff"

// taskCSVHeader names the columns of GET /tasks.csv.
var taskCSVHeader = []string{"id", "title", "status", "priority", "progress", "start_date", "due_date", "overdue",
	"completed_at", "estimate_hours", "assignee_name", "project_title", "stream_code", "branch_code", "tags",
	"created_at", "updated_at"}

// exportTasks answers the tasks of the list's filters as CSV, every page
// up to store.MaxExportRows, with X-Truncated: true when more matched.
func (s *Server) exportTasks(c echo.Context) error {
	f, err := taskFilter(c, false)
	if err != nil {
		return err
	}
	rows, truncated, err := s.store.ExportTasks(c.Request().Context(), actor(c), f, store.MaxExportRows)
	if err != nil {
		return err
	}
	out := make([][]string, 0, len(rows)+1)
	out = append(out, taskCSVHeader)
	for _, r := range rows {
		assignee := ""
		if r.AssigneeName != nil {
			assignee = *r.AssigneeName
		}
		est := ""
		if r.EstimateHours != nil {
			est = strconv.FormatFloat(*r.EstimateHours, 'f', -1, 64)
		}
		out = append(out, []string{strconv.FormatInt(r.ID, 10), r.Title, string(r.Status), string(r.Priority),
			strconv.Itoa(r.Progress), r.StartDate.String(), r.DueDate.String(), strconv.FormatBool(r.Overdue),
			csvTime(r.CompletedAt), est, assignee, r.ProjectTitle, r.StreamCode, r.BranchCode, strings.Join(r.TagCodes, "; "),
			csvTime(&r.CreatedAt), csvTime(&r.UpdatedAt)})
	}
	return s.csv(c, "tasks", truncated, out)
}

// taskFilter reads the task list's filters and sort from the query, and
// its page when paged (the CSV export takes every row up to its cap).
func taskFilter(c echo.Context, paged bool) (store.TaskFilter, error) {
	q := newQuery(c)
	f := store.TaskFilter{AssigneeID: q.int("assignee_id"), ProjectID: q.int("project_id"), StreamID: q.int("stream_id"),
		BranchID: q.int("branch_id"), TagID: q.int("tag_id"), Statuses: q.statuses("status"), Priority: q.str("priority"),
		DueFrom: q.date("due_from"), DueTo: q.date("due_to"), Overdue: q.boolPtr("overdue"), Q: q.str("q"),
		Page: store.Page{Sort: q.str("sort")}}
	if paged {
		f.Page = q.page()
	}
	if f.Priority != "" && !tracker.Priority(f.Priority).Valid() {
		q.errs.Add("priority", "must be low, medium, high or urgent")
	}
	return f, q.err()
}

// boardCSVHeader names the columns of GET /board.csv.
var boardCSVHeader = []string{"as_of", "stream_code", "stream_name", "branch_code", "branch_name", "todo", "in_progress",
	"blocked", "in_review", "done", "overdue", "total", "blocked_since"}

// exportBoard answers the status board's cells as CSV, under the board's
// rights and filters (as_of included).
func (s *Server) exportBoard(c echo.Context) error {
	q := newQuery(c)
	f := store.BoardFilter{BranchID: q.int("branch_id"), StreamID: q.int("stream_id"), AsOf: q.date("as_of")}
	if err := q.err(); err != nil {
		return err
	}
	b, rows, err := s.store.ExportBoard(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	out := [][]string{boardCSVHeader}
	for _, r := range rows {
		out = append(out, []string{b.AsOf.String(), r.StreamCode, r.StreamName, r.BranchCode, r.BranchName, n(r.Todo),
			n(r.InProgress), n(r.Blocked), n(r.InReview), n(r.Done), n(r.Overdue), n(r.Total), csvTime(r.BlockedSince)})
	}
	return s.csv(c, "board", false, out)
}

// csv answers rows as an attachment named after what and today: UTF-8
// with a byte order mark, CRLF line ends, every cell defused against
// formula injection.
func (s *Server) csv(c echo.Context, what string, truncated bool, rows [][]string) error {
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	for _, r := range rows {
		for i := range r {
			r[i] = defuseCell(r[i])
		}
		if err := w.Write(r); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	h := c.Response().Header()
	name := what + "-" + tracker.DateOf(s.now()).String() + ".csv"
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	if truncated {
		h.Set("X-Truncated", "true")
	}
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}

// defuseCell keeps a spreadsheet from reading a cell as a formula: a cell
// starting with =, +, -, @, a tab or a carriage return is prefixed with a
// single quote, which spreadsheets show as text (OWASP's advice on CSV
// injection).
func defuseCell(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + v
	}
	return v
}

// csvTime writes a time as RFC 3339 in UTC, or nothing for nil.
func csvTime(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
