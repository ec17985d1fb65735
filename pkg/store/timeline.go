package store

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Timeline is what the six-month Gantt of a placement shows: the placement
// with its derived fields, its milestones and the intern's tasks in the
// placement's branch.
type Timeline struct {
	Placement  tracker.Placement   `json:"placement"`
	Milestones []tracker.Milestone `json:"milestones"`
	Tasks      []TimelineTask      `json:"tasks"`
}

// TimelineTask is one bar of the Gantt.
type TimelineTask struct {
	ID        int64          `json:"id"`
	ProjectID int64          `json:"project_id"`
	StreamID  int64          `json:"stream_id"`
	Title     string         `json:"title"`
	Status    tracker.Status `json:"status"`
	StartDate tracker.Date   `json:"start_date"`
	DueDate   tracker.Date   `json:"due_date"`
	Progress  int            `json:"progress"`
	Overdue   bool           `json:"overdue" gorm:"-"`
}

// Timeline returns the Gantt of a placement actor may read.
func (s *Store) Timeline(ctx context.Context, actor *tracker.User, placementID int64) (*Timeline, error) {
	db := s.read(ctx)
	today := s.Today()
	t := Timeline{Milestones: []tracker.Milestone{}, Tasks: []TimelineTask{}}
	if err := loadPlacement(db, actor, placementID, &t.Placement); err != nil {
		return nil, err
	}
	err := describePlacements(db, today, &t.Placement)
	if err == nil {
		err = db.Where("placement_id = ?", placementID).Order("due_date, id").Find(&t.Milestones).Error
	}
	if err == nil {
		err = db.Table("tasks").
			Select("id, project_id, stream_id, title, status, start_date, due_date, progress").
			Where("assignee_id = ? AND branch_id = ?", t.Placement.InternID, t.Placement.BranchID).
			Order("CASE WHEN start_date IS NULL THEN 1 ELSE 0 END, start_date, " +
				"CASE WHEN due_date IS NULL THEN 1 ELSE 0 END, due_date, id").
			Find(&t.Tasks).Error
	}
	if err != nil {
		return nil, fmt.Errorf("store: timeline: %w", err)
	}
	for i := range t.Tasks {
		task := tracker.Task{Status: t.Tasks[i].Status, DueDate: t.Tasks[i].DueDate}
		t.Tasks[i].Overdue = task.IsOverdue(today)
	}
	return &t, nil
}

// placementWorkGroup is a group of an intern's tasks in one branch that
// weigh and count alike: same status, progress and estimate.
type placementWorkGroup struct {
	AssigneeID    int64
	BranchID      int64
	Status        tracker.Status
	Progress      int
	EstimateHours *float64
	N             int64
	Overdue       int64
}

// placementWork is what health needs about an intern's work in a branch.
type placementWork struct {
	items            []tracker.WorkItem
	overdue, blocked int
}

type internBranch struct{ intern, branch int64 }

// lastLogRow is when an intern last logged progress.
type lastLogRow struct {
	AuthorID int64
	LastAt   aggTime
}

// aggTime is a time read back from an aggregate such as MAX. PostgreSQL
// hands it back as a time; SQLite as the stored text, since a computed
// column has no declared type for the driver to parse it by.
type aggTime time.Time

// aggTimeLayouts are the forms SQLite's driver writes times in.
var aggTimeLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00", "2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999",
}

// Scan reads a time, or the text of one.
func (t *aggTime) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*t = aggTime{}
		return nil
	case time.Time:
		*t = aggTime(v.UTC())
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("store: cannot scan %T into a time", src)
	}
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range aggTimeLayouts {
		if v, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			*t = aggTime(v.UTC())
			return nil
		}
	}
	return fmt.Errorf("store: %q is not a time", s)
}

// describePlacements fills everything a placement is sent with beside its
// columns: the derived fields as of today and the names of its intern and
// supervisor.
func describePlacements(db *gorm.DB, today tracker.Date, ps ...*tracker.Placement) error {
	if err := derivePlacements(db, today, ps); err != nil {
		return err
	}
	return new(namer).placements(ps...).fill(db)
}

// derivePlacements fills the derived fields of ps as of today: state,
// month, elapsed, progress, health and when the intern last logged
// progress. It asks two grouped queries for the whole slice, whatever its
// length.
func derivePlacements(db *gorm.DB, today tracker.Date, ps []*tracker.Placement) error {
	if len(ps) == 0 {
		return nil
	}
	interns := make([]int64, 0, len(ps))
	seen := map[int64]bool{}
	for _, p := range ps {
		if !seen[p.InternID] {
			seen[p.InternID] = true
			interns = append(interns, p.InternID)
		}
	}
	work, err := placementWorkOf(db, today, interns)
	if err != nil {
		return err
	}
	// Only what was written by the end of today counts: the board as of a
	// past day derives its placements as they stood that day.
	end := today.AddDays(1).Time()
	var logs []lastLogRow
	err = db.Table("progress_logs").Select("author_id, MAX(created_at) AS last_at").
		Where("author_id IN ? AND created_at < ?", interns, end).Group("author_id").Find(&logs).Error
	if err != nil {
		return fmt.Errorf("last progress logs: %w", err)
	}
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	checklist, err := checklistOverdue(db, today, ids)
	if err != nil {
		return err
	}
	last := map[int64]*time.Time{}
	for _, l := range logs {
		if at := time.Time(l.LastAt); !at.IsZero() {
			last[l.AuthorID] = &at
		}
	}
	reported, err := lastReports(db, ps, end)
	if err != nil {
		return err
	}
	for _, p := range ps {
		p.ChecklistOverdue = checklist[p.ID]
		fillPlacement(p, today, work[internBranch{p.InternID, p.BranchID}], last[p.InternID], reported[p.ID])
	}
	return nil
}

// placementWorkOf groups the tasks of interns by assignee and branch.
// Tasks alike in status, progress and estimate come back as one row with
// their count, so the row count stays small whatever the history.
func placementWorkOf(db *gorm.DB, today tracker.Date, interns []int64) (map[internBranch]*placementWork, error) {
	var groups []placementWorkGroup
	err := db.Table("tasks").
		Select("assignee_id, branch_id, status, progress, estimate_hours, COUNT(*) AS n, "+
			"SUM(CASE WHEN status <> ? AND due_date < ? THEN 1 ELSE 0 END) AS overdue", string(tracker.StatusDone), today).
		Where("assignee_id IN ?", interns).
		Group("assignee_id, branch_id, status, progress, estimate_hours").
		Find(&groups).Error
	if err != nil {
		return nil, fmt.Errorf("placement work: %w", err)
	}
	out := map[internBranch]*placementWork{}
	for _, g := range groups {
		k := internBranch{g.AssigneeID, g.BranchID}
		w := out[k]
		if w == nil {
			w = &placementWork{}
			out[k] = w
		}
		// WeightedProgress weighs a task by its estimate, or 1 without one;
		// n alike tasks weigh as one task n times as heavy.
		weight := float64(g.N)
		if g.EstimateHours != nil && *g.EstimateHours > 0 {
			weight = *g.EstimateHours * float64(g.N)
		}
		w.items = append(w.items, tracker.WorkItem{Progress: g.Progress, EstimateHours: &weight, Done: g.Status == tracker.StatusDone})
		w.overdue += int(g.Overdue)
		if g.Status == tracker.StatusBlocked {
			w.blocked += int(g.N)
		}
	}
	return out, nil
}

// fillPlacement sets p's derived fields from its work, when the intern
// last logged progress and when they last submitted a weekly report of p
// (nil when never).
func fillPlacement(p *tracker.Placement, today tracker.Date, w *placementWork, lastLog, lastReport *time.Time) {
	if w == nil {
		w = &placementWork{}
	}
	p.State = p.StateOn(today)
	p.Month = p.MonthOn(today)
	p.ElapsedPct = int(math.Round(p.ElapsedOn(today) * 100))
	p.ProgressPct = tracker.WeightedProgress(w.items)
	p.LastLogAt = nil
	if lastLog != nil {
		at := *lastLog
		p.LastLogAt = &at
	}
	p.LastReportAt = nil
	if lastReport != nil {
		at := *lastReport
		p.LastReportAt = &at
	}
	// Silence counts from the start of the placement, or from the last log
	// or submitted weekly report made since, whichever is later.
	since := p.StartDate
	for _, at := range []*time.Time{lastLog, lastReport} {
		if at != nil && tracker.DateOf(*at).After(since) {
			since = tracker.DateOf(*at)
		}
	}
	in := tracker.HealthInput{
		State: p.State, ElapsedPct: p.ElapsedPct, ProgressPct: p.ProgressPct,
		Overdue: w.overdue, Blocked: w.blocked,
		DaysIn: p.StartDate.DaysUntil(today), DaysSinceLog: since.DaysUntil(today),
		ChecklistOverdue: p.ChecklistOverdue,
		// As of a past day, a later handover has not happened yet.
		HandedOver: p.HandedOverAt != nil && !tracker.DateOf(*p.HandedOverAt).After(today),
	}
	p.Health = tracker.PlacementHealth(in)
	p.DaysQuiet, p.Stale = in.QuietDays(), in.Stale()
}
