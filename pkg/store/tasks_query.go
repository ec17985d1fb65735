package store

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TaskFilter narrows a task list. Statuses matches any of them; Overdue
// nil matches every task.
type TaskFilter struct {
	AssigneeID, ProjectID, StreamID, BranchID, TagID int64
	Statuses                                         []tracker.Status
	Priority                                         string
	DueFrom, DueTo                                   tracker.Date
	Overdue                                          *bool
	Q                                                string
	Page                                             Page
}

// Priorities and statuses sort in their natural order, not by their names.
const (
	priorityRank = "(CASE tasks.priority WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END)"
	statusRank   = "(CASE tasks.status WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'blocked' THEN 2 WHEN 'in_review' THEN 3 ELSE 4 END)"
)

var taskSorts = map[string]string{
	"due_date": "tasks.due_date", "priority": priorityRank, "title": "tasks.title", "status": statusRank,
	"progress": "tasks.progress", "created_at": "tasks.created_at", "updated_at": "tasks.updated_at",
}

// Tasks lists the tasks actor may read, each with its tags and whether it
// is overdue.
func (s *Store) Tasks(ctx context.Context, actor *tracker.User, f TaskFilter) ([]tracker.Task, int64, error) {
	db := s.read(ctx)
	q := filterTasks(workOfReader(db.Table("tasks"), actor, "tasks"), f, s.Today())
	total, page, ord, err := pageOf(q, f.Page, "due_date", taskSorts, "tasks")
	var out []tracker.Task
	if err == nil && total > 0 {
		var rows *sql.Rows
		if rows, err = pageWithNames(db, page, ord, f.Page.Normalize().Page == 1).Rows(); err == nil {
			out, err = scanTasks(rows, s.Today(), f.Page.Normalize().PerPage)
		}
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: tasks: %w", err)
	}
	return out, total, nil
}

// whereOverdue narrows q to the tasks that are (or are not) overdue on
// today, by the rule of tracker.Task.IsOverdue.
func whereOverdue(q *gorm.DB, overdue bool, today tracker.Date) *gorm.DB {
	if overdue {
		return q.Where("tasks.status <> ? AND tasks.due_date IS NOT NULL AND tasks.due_date < ?", string(tracker.StatusDone), today)
	}
	return q.Where("(tasks.status = ? OR tasks.due_date IS NULL OR tasks.due_date >= ?)", string(tracker.StatusDone), today)
}

// fillTasks sets the derived fields of a page of tasks: their tags and
// their assignees' names, in one query each, and whether each is overdue.
func (s *Store) fillTasks(db *gorm.DB, tasks []tracker.Task) error {
	if err := s.tagTasks(db, tasks); err != nil {
		return err
	}
	return new(namer).tasks(ptrs(tasks)...).fill(db)
}

// tagTasks sets the tags of a page of tasks, in one query, and whether
// each is overdue.
func (s *Store) tagTasks(db *gorm.DB, tasks []tracker.Task) error {
	if len(tasks) == 0 {
		return nil
	}
	ids := make([]int64, len(tasks))
	for i, t := range tasks {
		ids[i] = t.ID
	}
	tags, err := taskTags.of(db, ids)
	if err != nil {
		return err
	}
	today := s.Today()
	for i := range tasks {
		tasks[i].TagIDs = tags[tasks[i].ID]
		tasks[i].Overdue = tasks[i].IsOverdue(today)
	}
	return nil
}
