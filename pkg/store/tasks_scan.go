package store

import (
	"database/sql"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// taskColumns are the columns scanTasks reads, in its order: a task row and
// its assignee's name, from tasks LEFT JOIN users AS assignee.
const taskColumns = "tasks.id, tasks.project_id, tasks.stream_id, tasks.branch_id, tasks.title, tasks.description, " +
	"tasks.assignee_id, tasks.status, tasks.priority, tasks.start_date, tasks.due_date, tasks.progress, " +
	"tasks.estimate_hours, tasks.created_by, tasks.status_since, tasks.completed_at, tasks.version, " +
	"tasks.created_at, tasks.updated_at, assignee.name"

// withAssignee joins each task of q to its assignee, for taskColumns.
func withAssignee(q *gorm.DB) *gorm.DB {
	return q.Select(taskColumns).Joins("LEFT JOIN users assignee ON assignee.id = tasks.assignee_id")
}

// scanTasks reads the rows of a taskColumns query. The task list is the
// busiest read of the API: scanning its page field by field costs a fifth
// of what GORM's reflective scan does (docs/performance.md).
func scanTasks(rows *sql.Rows) ([]tracker.Task, error) {
	defer rows.Close()
	var out []tracker.Task
	for rows.Next() {
		var (
			t                tracker.Task
			status, priority string
			assignee         sql.NullInt64
			estimate         sql.NullFloat64
			completed        sql.NullTime
			name             sql.NullString
		)
		err := rows.Scan(&t.ID, &t.ProjectID, &t.StreamID, &t.BranchID, &t.Title, &t.Description,
			&assignee, &status, &priority, &t.StartDate, &t.DueDate, &t.Progress,
			&estimate, &t.CreatedBy, &t.StatusSince, &completed, &t.Version,
			&t.CreatedAt, &t.UpdatedAt, &name)
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
		if completed.Valid {
			t.CompletedAt = &completed.Time
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
