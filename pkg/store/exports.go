package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// MaxExportRows caps the rows of one export; an export that matched more
// says it was truncated.
const MaxExportRows = 10000

// TaskExportRow is one task as the CSV export shows it: names and codes
// in place of the ids a spreadsheet reader cannot resolve.
type TaskExportRow struct {
	ID            int64
	Title         string
	Status        tracker.Status
	Priority      tracker.Priority
	Progress      int
	StartDate     tracker.Date
	DueDate       tracker.Date
	Overdue       bool `gorm:"-"`
	CompletedAt   *time.Time
	EstimateHours *float64
	AssigneeName  *string
	ProjectTitle  string
	StreamCode    string
	BranchCode    string
	TagCodes      []string `gorm:"-"`
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// ExportTasks returns the tasks of f (every page, in f.Page.Sort's order)
// that actor may read, exactly as Tasks filters them, up to limit rows
// (at most MaxExportRows); truncated says more matched.
func (s *Store) ExportTasks(ctx context.Context, actor *tracker.User, f TaskFilter, limit int) (rows []TaskExportRow, truncated bool, err error) {
	if limit < 1 || limit > MaxExportRows {
		limit = MaxExportRows
	}
	db := s.read(ctx)
	today := s.Today()
	ord, err := order(f.Page.Sort, "due_date", taskSorts, "tasks")
	if err != nil {
		return nil, false, err
	}
	q := filterTasks(workOfReader(db.Table("tasks"), actor, "tasks"), f, today).
		Select("tasks.id, tasks.title, tasks.status, tasks.priority, tasks.progress, tasks.start_date, tasks.due_date, " +
			"tasks.completed_at, tasks.estimate_hours, users.name AS assignee_name, projects.title AS project_title, " +
			"streams.code AS stream_code, branches.code AS branch_code, tasks.created_at, tasks.updated_at").
		Joins("JOIN projects ON projects.id = tasks.project_id").
		Joins("JOIN streams ON streams.id = tasks.stream_id").
		Joins("JOIN branches ON branches.id = tasks.branch_id").
		Joins("LEFT JOIN users ON users.id = tasks.assignee_id")
	if err := q.Order(ord).Limit(limit + 1).Scan(&rows).Error; err != nil {
		return nil, false, fmt.Errorf("store: export tasks: %w", err)
	}
	if len(rows) > limit {
		rows, truncated = rows[:limit], true
	}
	if err := exportTags(db, rows); err != nil {
		return nil, false, fmt.Errorf("store: export tasks: %w", err)
	}
	for i := range rows {
		t := tracker.Task{Status: rows[i].Status, DueDate: rows[i].DueDate}
		rows[i].Overdue = t.IsOverdue(today)
	}
	return rows, truncated, nil
}

// filterTasks narrows q (over tasks) by every filter of f but the page:
// the same filters as the task list, which TestExportTasksMatchesList
// holds to.
func filterTasks(q *gorm.DB, f TaskFilter, today tracker.Date) *gorm.DB {
	q = whereIDs(q, "tasks", idEq{"assignee_id", f.AssigneeID}, idEq{"project_id", f.ProjectID},
		idEq{"stream_id", f.StreamID}, idEq{"branch_id", f.BranchID})
	if f.TagID != 0 {
		q = taskTags.hasTag(q, "tasks", f.TagID)
	}
	if len(f.Statuses) > 0 {
		st := make([]string, len(f.Statuses))
		for i, v := range f.Statuses {
			st[i] = string(v)
		}
		q = q.Where("tasks.status IN ?", st)
	}
	if f.Priority != "" {
		q = q.Where("tasks.priority = ?", f.Priority)
	}
	if !f.DueFrom.IsZero() {
		q = q.Where("tasks.due_date >= ?", f.DueFrom)
	}
	if !f.DueTo.IsZero() {
		q = q.Where("tasks.due_date <= ?", f.DueTo)
	}
	if f.Overdue != nil {
		q = whereOverdue(q, *f.Overdue, today)
	}
	if f.Q != "" {
		q = searchText(q, "tasks", f.Q)
	}
	return q
}

// exportTagChunk bounds the ids of one IN list, well under both
// databases' limits on bound parameters.
const exportTagChunk = 1000

// exportTags fills the tag codes of rows, sorted, a query per thousand rows.
func exportTags(db *gorm.DB, rows []TaskExportRow) error {
	at := make(map[int64]int, len(rows))
	ids := make([]int64, len(rows))
	for i, r := range rows {
		at[r.ID], ids[i] = i, r.ID
		rows[i].TagCodes = []string{}
	}
	for start := 0; start < len(ids); start += exportTagChunk {
		chunk := ids[start:min(start+exportTagChunk, len(ids))]
		var links []struct {
			TaskID int64
			Code   string
		}
		err := db.Table("task_tags").Select("task_tags.task_id, tags.code").
			Joins("JOIN tags ON tags.id = task_tags.tag_id").
			Where("task_tags.task_id IN ?", chunk).Order("task_tags.task_id, tags.code").Scan(&links).Error
		if err != nil {
			return fmt.Errorf("tags: %w", err)
		}
		for _, l := range links {
			i := at[l.TaskID]
			rows[i].TagCodes = append(rows[i].TagCodes, l.Code)
		}
	}
	return nil
}

// BoardExportRow is one cell of the status board with its stream and
// branch named.
type BoardExportRow struct {
	StreamCode, StreamName, BranchCode, BranchName string
	BoardCell
}

// ExportBoard returns the cells of the status board as actor sees it
// (Board's rights and filters), each with its stream and branch named.
func (s *Store) ExportBoard(ctx context.Context, actor *tracker.User, f BoardFilter) (*Board, []BoardExportRow, error) {
	b, err := s.Board(ctx, actor, f)
	if err != nil {
		return nil, nil, err
	}
	db := s.read(ctx)
	var streams []tracker.Stream
	var branches []tracker.Branch
	if err := db.Find(&streams).Error; err != nil {
		return nil, nil, fmt.Errorf("store: export board: %w", err)
	}
	if err := db.Find(&branches).Error; err != nil {
		return nil, nil, fmt.Errorf("store: export board: %w", err)
	}
	st := make(map[int64]tracker.Stream, len(streams))
	for _, v := range streams {
		st[v.ID] = v
	}
	br := make(map[int64]tracker.Branch, len(branches))
	for _, v := range branches {
		br[v.ID] = v
	}
	rows := make([]BoardExportRow, len(b.Cells))
	for i, c := range b.Cells {
		rows[i] = BoardExportRow{StreamCode: st[c.StreamID].Code, StreamName: st[c.StreamID].Name,
			BranchCode: br[c.BranchID].Code, BranchName: br[c.BranchID].Name, BoardCell: c}
	}
	return b, rows, nil
}
