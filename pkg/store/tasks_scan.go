package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// taskColumns are the columns scanTasks reads, in its order: a task row,
// its assignee's name (from tasks LEFT JOIN users AS assignee) and its tag
// ids as sorted comma-separated text (string_agg with ORDER BY: PostgreSQL,
// and SQLite since 3.44). The timestamps are read as text on SQLite
// (storedTime).
func taskColumns(dialect string) string {
	ts := func(column string) string { return sqliteText(dialect, "tasks."+column) }
	return "tasks.id, tasks.project_id, tasks.stream_id, tasks.branch_id, tasks.title, tasks.description, " +
		"tasks.assignee_id, tasks.status, tasks.priority, tasks.start_date, tasks.due_date, tasks.progress, " +
		"tasks.estimate_hours, tasks.created_by, " + ts("status_since") + ", " + ts("completed_at") + ", tasks.version, " +
		ts("created_at") + ", " + ts("updated_at") + ", assignee.name, " +
		"(SELECT string_agg(CAST(tt.tag_id AS TEXT), ',' ORDER BY tt.tag_id) FROM task_tags tt WHERE tt.task_id = tasks.id)"
}

// taskColumnsOf holds taskColumns for each dialect.
var taskColumnsOf = map[string]string{"sqlite": taskColumns("sqlite"), "postgres": taskColumns("postgres")}

// pageWithNames reads taskColumns for the tasks of page, a query of task
// rows already filtered, sorted by ord and limited to one page. On the
// first page the assignee and the tags are read in the page query itself:
// SQLite walks the index in order and stops after the page, with nothing
// to sort again. On later pages they are looked up in an outer query over
// the page's rows only: in the page query they would be computed for every
// row the OFFSET skips too (docs/performance.md).
func pageWithNames(db *gorm.DB, page *gorm.DB, ord string, first bool) *gorm.DB {
	cols := taskColumnsOf[db.Dialector.Name()]
	if first {
		return page.Select(cols).Joins("LEFT JOIN users assignee ON assignee.id = tasks.assignee_id")
	}
	return db.Table("(?) AS tasks", page.Select("tasks.*")).Select(cols).
		Joins("LEFT JOIN users assignee ON assignee.id = tasks.assignee_id").Order(ord)
}

// scanTasks reads the rows of a taskColumns query (a page of perPage at
// most), setting whether each task is overdue on today. The task list is
// the busiest read of the API: one query, scanned field by field, costs a
// fraction of GORM's reflective scan and a second query for the tags
// (docs/performance.md).
func scanTasks(rows *sql.Rows, today tracker.Date, perPage int) ([]tracker.Task, error) {
	defer rows.Close()
	out := make([]tracker.Task, 0, perPage)
	for rows.Next() {
		var (
			t                                        tracker.Task
			status, priority                         string
			assignee                                 sql.NullInt64
			estimate                                 sql.NullFloat64
			name, tags                               sql.NullString
			statusSince, completed, created, updated storedTime
		)
		err := rows.Scan(&t.ID, &t.ProjectID, &t.StreamID, &t.BranchID, &t.Title, &t.Description,
			&assignee, &status, &priority, &t.StartDate, &t.DueDate, &t.Progress,
			&estimate, &t.CreatedBy, &statusSince, &completed, &t.Version,
			&created, &updated, &name, &tags)
		if err != nil {
			return nil, err
		}
		t.Status, t.Priority = tracker.Status(status), tracker.Priority(priority)
		if assignee.Valid {
			t.AssigneeID, t.AssigneeName = &assignee.Int64, &name.String
		}
		if estimate.Valid {
			t.EstimateHours = &estimate.Float64
		}
		t.StatusSince, t.CreatedAt, t.UpdatedAt = statusSince.Time, created.Time, updated.Time
		if completed.Valid {
			t.CompletedAt = &completed.Time
		}
		if t.TagIDs, err = tagList(tags.String); err != nil {
			return nil, err
		}
		t.Overdue = t.IsOverdue(today)
		out = append(out, t)
	}
	return out, rows.Err()
}

// tagList reads the comma-separated tag ids of taskColumns.
func tagList(s string) ([]int64, error) {
	out := []int64{}
	for s != "" {
		part, rest, _ := strings.Cut(s, ",")
		id, err := strconv.ParseInt(part, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("tag ids %q: %w", s, err)
		}
		out, s = append(out, id), rest
	}
	return out, nil
}
