package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// PersonalExport is everything the tracker holds about one person that
// they may still read: their account (never its password hash or
// secrets), their placements with milestones, the tasks assigned to them
// with those tasks' progress logs and comments, the progress logs and
// comments they wrote anywhere they can still read, and the activity
// about them or by them.
type PersonalExport struct {
	GeneratedAt  time.Time             `json:"generated_at"`
	Account      tracker.User          `json:"account"`
	Placements   []ExportedPlacement   `json:"placements"`
	Tasks        []ExportedTask        `json:"tasks"`
	ProgressLogs []tracker.ProgressLog `json:"progress_logs"`
	Comments     []tracker.Comment     `json:"comments"`
	Activity     []tracker.Activity    `json:"activity"`
	// Truncated says a section held more than MaxExportRows rows and was cut.
	Truncated bool `json:"truncated"`
}

// ExportedPlacement is a placement with its milestones.
type ExportedPlacement struct {
	Placement  tracker.Placement   `json:"placement"`
	Milestones []tracker.Milestone `json:"milestones"`
}

// ExportedTask is a task assigned to the person, with its whole progress
// log and its comments, by whoever wrote them.
type ExportedTask struct {
	Task         tracker.Task          `json:"task"`
	ProgressLogs []tracker.ProgressLog `json:"progress_logs"`
	Comments     []tracker.Comment     `json:"comments"`
}

// exporter is the state the sections of one export share.
type exporter struct {
	tx    *gorm.DB
	me    *tracker.User
	today tracker.Date
	out   *PersonalExport
}

// exportSection fills one part of a personal export.
type exportSection func(x *exporter) error

// personalSections are the parts of a personal export, in order. A new
// kind of personal record adds its field to PersonalExport (and to the
// PersonalExport schema of docs/openapi.yaml) and one section here.
var personalSections = []exportSection{
	exportAccount,
	exportPlacements,
	exportAssignedTasks,
	exportOwnProgress,
	exportOwnComments,
	exportActivity,
}

// PersonalExport gathers actor's own record, in one read transaction so
// that its sections agree with each other.
func (s *Store) PersonalExport(ctx context.Context, actor *tracker.User) (*PersonalExport, error) {
	out := PersonalExport{GeneratedAt: s.Now().UTC().Truncate(time.Microsecond)}
	err := s.read(ctx).Transaction(func(tx *gorm.DB) error {
		x := &exporter{tx: tx, me: actor, today: s.Today(), out: &out}
		for _, section := range personalSections {
			if err := section(x); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: personal export: %w", err)
	}
	return &out, nil
}

// capRows cuts a section at MaxExportRows and says so.
func capRows[T any](x *exporter, rows []T) []T {
	if len(rows) > MaxExportRows {
		x.out.Truncated = true
		return rows[:MaxExportRows]
	}
	return rows
}

func exportAccount(x *exporter) error {
	return x.tx.First(&x.out.Account, x.me.ID).Error
}

func exportPlacements(x *exporter) error {
	var ps []tracker.Placement
	if err := x.tx.Where("intern_id = ?", x.me.ID).Order("start_date, id").Find(&ps).Error; err != nil {
		return err
	}
	if err := describePlacements(x.tx, x.today, ptrs(ps)...); err != nil {
		return err
	}
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	byPlacement := map[int64][]tracker.Milestone{}
	if len(ids) > 0 {
		var ms []tracker.Milestone
		if err := x.tx.Where("placement_id IN ?", ids).Order("due_date, id").Find(&ms).Error; err != nil {
			return err
		}
		for _, m := range ms {
			byPlacement[m.PlacementID] = append(byPlacement[m.PlacementID], m)
		}
	}
	x.out.Placements = make([]ExportedPlacement, len(ps))
	for i, p := range ps {
		x.out.Placements[i] = ExportedPlacement{Placement: p, Milestones: nonNil(byPlacement[p.ID])}
	}
	return nil
}

func exportAssignedTasks(x *exporter) error {
	var ts []tracker.Task
	q := workOfReader(x.tx.Model(&tracker.Task{}), x.me, "tasks").Where("tasks.assignee_id = ?", x.me.ID)
	if err := q.Order("tasks.id").Limit(MaxExportRows + 1).Find(&ts).Error; err != nil {
		return err
	}
	ts = capRows(x, ts)
	ids := make([]int64, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	tags, err := taskTags.of(x.tx, ids)
	if err != nil {
		return err
	}
	for i := range ts {
		ts[i].TagIDs = nonNil(tags[ts[i].ID])
		ts[i].Overdue = ts[i].IsOverdue(x.today)
	}
	var logs []tracker.ProgressLog
	var comments []tracker.Comment
	if len(ids) > 0 {
		if err := x.tx.Where("task_id IN ?", ids).Order("created_at, id").Find(&logs).Error; err != nil {
			return err
		}
		if err := x.tx.Where("task_id IN ?", ids).Order("created_at, id").Find(&comments).Error; err != nil {
			return err
		}
	}
	n := new(namer).tasks(ptrs(ts)...).logs(ptrs(logs)...).comments(ptrs(comments)...)
	if err := n.fill(x.tx); err != nil {
		return err
	}
	logsOf, commentsOf := map[int64][]tracker.ProgressLog{}, map[int64][]tracker.Comment{}
	for _, l := range logs {
		logsOf[l.TaskID] = append(logsOf[l.TaskID], l)
	}
	for _, c := range comments {
		commentsOf[c.TaskID] = append(commentsOf[c.TaskID], c)
	}
	x.out.Tasks = make([]ExportedTask, len(ts))
	for i, t := range ts {
		x.out.Tasks[i] = ExportedTask{Task: t, ProgressLogs: nonNil(logsOf[t.ID]), Comments: nonNil(commentsOf[t.ID])}
	}
	return nil
}

// readableTasks narrows q, over a table with a task_id column, to the
// rows on tasks the exporter may still read.
func (x *exporter) readableTasks(q *gorm.DB, table string) *gorm.DB {
	q = q.Joins("JOIN tasks ON tasks.id = " + table + ".task_id")
	return workOfReader(q, x.me, "tasks")
}

func exportOwnProgress(x *exporter) error {
	var logs []tracker.ProgressLog
	q := x.readableTasks(x.tx.Model(&tracker.ProgressLog{}), "progress_logs").
		Where("progress_logs.author_id = ?", x.me.ID).Order("progress_logs.created_at, progress_logs.id")
	if err := q.Limit(MaxExportRows + 1).Find(&logs).Error; err != nil {
		return err
	}
	x.out.ProgressLogs = nonNil(capRows(x, logs))
	return new(namer).logs(ptrs(x.out.ProgressLogs)...).fill(x.tx)
}

func exportOwnComments(x *exporter) error {
	var cs []tracker.Comment
	q := x.readableTasks(x.tx.Model(&tracker.Comment{}), "comments").
		Where("comments.author_id = ?", x.me.ID).Order("comments.created_at, comments.id")
	if err := q.Limit(MaxExportRows + 1).Find(&cs).Error; err != nil {
		return err
	}
	x.out.Comments = nonNil(capRows(x, cs))
	return new(namer).comments(ptrs(x.out.Comments)...).fill(x.tx)
}

// exportActivity takes the rows of the trail about the person (their
// account, their placements) or by them, among those they may read.
func exportActivity(x *exporter) error {
	var as []tracker.Activity
	q := visibleActivity(x.tx.Model(&tracker.Activity{}), x.me).
		Where("(activities.subject_id = ? OR activities.actor_id = ? OR (activities.entity_type = ? AND activities.entity_id = ?))",
			x.me.ID, x.me.ID, tracker.EntityUser, x.me.ID).
		Order("activities.created_at, activities.id")
	if err := q.Limit(MaxExportRows + 1).Find(&as).Error; err != nil {
		return err
	}
	x.out.Activity = nonNil(capRows(x, as))
	return new(namer).activity(ptrs(x.out.Activity)...).fill(x.tx)
}

// nonNil answers an empty slice for nil, so that JSON says [] not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
