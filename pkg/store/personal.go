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
// comments they wrote anywhere they can still read, the objectives,
// evaluations (the sides they may see), weekly reports and checklists of
// their placements, their notifications, the handovers of their
// placements and those they received, and the activity about them or by
// them.
type PersonalExport struct {
	GeneratedAt  time.Time             `json:"generated_at"`
	Account      tracker.User          `json:"account"`
	Placements   []ExportedPlacement   `json:"placements"`
	Tasks        []ExportedTask        `json:"tasks"`
	ProgressLogs []tracker.ProgressLog `json:"progress_logs"`
	Comments     []tracker.Comment     `json:"comments"`
	Activity     []tracker.Activity    `json:"activity"`
	Objectives   []tracker.Objective   `json:"objectives"`
	// Evaluations hold the sides the person may see, as the evaluations
	// pages show them: their own, and the supervisor's once reviewed.
	Evaluations    []tracker.Evaluation    `json:"evaluations"`
	WeeklyReports  []tracker.WeeklyReport  `json:"weekly_reports"`
	ChecklistItems []tracker.ChecklistItem `json:"checklist_items"`
	Notifications  []tracker.Notification  `json:"notifications"`
	// Handovers are those of the person's placements and those they
	// received as successor, oldest first.
	Handovers []HandoverRecord `json:"handovers"`
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
	s     *Store
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
	exportObjectives,
	exportEvaluations,
	exportReports,
	exportChecklist,
	exportNotifications,
	exportHandovers,
}

// PersonalExport gathers actor's own record, in one read transaction so
// that its sections agree with each other.
func (s *Store) PersonalExport(ctx context.Context, actor *tracker.User) (*PersonalExport, error) {
	out := PersonalExport{GeneratedAt: s.Now().UTC().Truncate(time.Microsecond)}
	err := s.read(ctx).Transaction(func(tx *gorm.DB) error {
		x := &exporter{s: s, tx: tx, me: actor, today: s.Today(), out: &out}
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

// ownPlacements is the condition on a table with a placement_id column
// that keeps the rows of the exporter's placements.
func (x *exporter) ownPlacements(table string) (string, int64) {
	return table + ".placement_id IN (SELECT id FROM placements WHERE intern_id = ?)", x.me.ID
}

func exportObjectives(x *exporter) error {
	var objs []tracker.Objective
	where, me := x.ownPlacements("objectives")
	if err := x.tx.Where(where, me).Order("placement_id, id").Limit(MaxExportRows + 1).Find(&objs).Error; err != nil {
		return err
	}
	x.out.Objectives = nonNil(capRows(x, objs))
	return describeObjectives(x.tx, ptrs(x.out.Objectives)...)
}

// exportEvaluations goes through evalsOut, so that the person sees the
// sides the evaluations feature shows them and no more.
func exportEvaluations(x *exporter) error {
	var rows []evalRow
	where, me := x.ownPlacements("evaluations")
	q := visibleEvals(evalQuery(x.tx), x.me).Where(where, me).Order("evaluations.placement_id, milestones.due_date, evaluations.id")
	if err := q.Limit(MaxExportRows + 1).Find(&rows).Error; err != nil {
		return err
	}
	evs, err := x.s.evalsOut(x.tx, x.me, capRows(x, rows))
	x.out.Evaluations = nonNil(evs)
	return err
}

func exportReports(x *exporter) error {
	var rs []tracker.WeeklyReport
	where, me := x.ownPlacements("weekly_reports")
	if err := x.tx.Where(where, me).Order("placement_id, week, id").Limit(MaxExportRows + 1).Find(&rs).Error; err != nil {
		return err
	}
	x.out.WeeklyReports = nonNil(capRows(x, rs))
	return nameReports(x.tx, ptrs(x.out.WeeklyReports)...)
}

func exportChecklist(x *exporter) error {
	var items []tracker.ChecklistItem
	where, me := x.ownPlacements("checklist_items")
	if err := x.tx.Where(where, me).Order("placement_id, due_date, id").Limit(MaxExportRows + 1).Find(&items).Error; err != nil {
		return err
	}
	x.out.ChecklistItems = nonNil(capRows(x, items))
	return describeChecklist(x.tx, x.today, ptrs(x.out.ChecklistItems)...)
}

func exportNotifications(x *exporter) error {
	var ns []tracker.Notification
	q := x.tx.Where("user_id = ?", x.me.ID).Order("created_at, id")
	if err := q.Limit(MaxExportRows + 1).Find(&ns).Error; err != nil {
		return err
	}
	x.out.Notifications = nonNil(capRows(x, ns))
	return describeNotifications(x.tx, ptrs(x.out.Notifications)...)
}

// exportHandovers takes the handovers of the person's placements and
// those they received, without the stored report (its parts are in the
// other sections; /handovers/{id} serves it).
func exportHandovers(x *exporter) error {
	var hs []HandoverRecord
	where, me := x.ownPlacements("handovers")
	q := x.tx.Omit("report").Where("("+where+" OR handovers.successor_id = ?)", me, me).Order("created_at, id")
	if err := q.Limit(MaxExportRows + 1).Find(&hs).Error; err != nil {
		return err
	}
	x.out.Handovers = nonNil(capRows(x, hs))
	return describeHandovers(x.tx, ptrs(x.out.Handovers)...)
}

// nonNil answers an empty slice for nil, so that JSON says [] not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
