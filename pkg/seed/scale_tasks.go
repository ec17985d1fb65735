package seed

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"time"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// taskPlan is one task of a synthetic history and everything that happens
// to it: the moves through the workflow and the progress logs.
type taskPlan struct {
	t       tracker.Task
	project *tracker.Project
	creator int64
	tags    []int64
	moves   []statusMove
	logs    []*tracker.ProgressLog
}

// statusMove is one change of a task's status.
type statusMove struct {
	at       time.Time
	actor    int64
	from, to tracker.Status
}

var scalePriorities = []tracker.Priority{tracker.PriorityLow, tracker.PriorityMedium, tracker.PriorityMedium,
	tracker.PriorityMedium, tracker.PriorityHigh, tracker.PriorityHigh, tracker.PriorityUrgent}

// planTasks plans the tasks, spread over the placements in time order: one
// in ten is left unassigned in todo; the others are worked on by their
// intern, logged about ten times, and most of those due long enough ago
// are done. A few are blocked, a few stall past their due date.
func (sc *scaler) planTasks() {
	for k := range sc.nTasks {
		pl := sc.placements[k*len(sc.placements)/sc.nTasks]
		// Work is handed out from ten days before the start until a month
		// before the end, and never so late that none of it could be done.
		window := min(150, max(10, pl.StartDate.DaysUntil(sc.today)-14))
		created := sc.clamp(sc.office(pl.StartDate.AddDays(sc.rng.IntN(window+10) - 10)))
		start := tracker.DateOf(created).AddDays(sc.rng.IntN(4))
		creator := sc.sups[pl.BranchID][sc.rng.IntN(len(sc.sups[pl.BranchID]))].ID
		p := &taskPlan{project: sc.projectNear(pl.BranchID, start), creator: creator}
		p.t = tracker.Task{StreamID: p.project.StreamID, BranchID: pl.BranchID,
			Title:       fmt.Sprintf("%s %s #%d", scaleVerbs[sc.rng.IntN(len(scaleVerbs))], scaleSubjects[sc.rng.IntN(len(scaleSubjects))], k+1),
			Description: "Synthetic task of the scale history.", Status: tracker.StatusTodo,
			Priority: scalePriorities[sc.rng.IntN(len(scalePriorities))], StartDate: start, DueDate: start.AddDays(7 + sc.rng.IntN(40)),
			CreatedBy: creator, StatusSince: created, Version: 1, CreatedAt: created, UpdatedAt: created}
		if sc.rng.IntN(2) == 0 {
			p.t.EstimateHours = ptrTo(float64(4 + 2*sc.rng.IntN(18)))
		}
		for range sc.rng.IntN(3) {
			if len(sc.tags) > 0 {
				p.tags = appendUnique(p.tags, sc.tags[sc.rng.IntN(len(sc.tags))])
			}
		}
		if k%10 != 9 {
			p.t.AssigneeID = ptrTo(pl.InternID)
			sc.planWork(p, pl)
		}
		sc.walk(p, false)
		sc.plans = append(sc.plans, p)
	}
	sort.SliceStable(sc.plans, func(i, j int) bool { return sc.plans[i].t.CreatedAt.Before(sc.plans[j].t.CreatedAt) })
}

// planWork plans the logs and moves of an assigned task, and leaves the
// task as they leave it.
func (sc *scaler) planWork(p *taskPlan, pl *tracker.Placement) {
	intern := pl.InternID
	begin := sc.office(p.t.StartDate.AddDays(sc.rng.IntN(3)))
	if !begin.After(p.t.CreatedAt) {
		begin = p.t.CreatedAt.Add(time.Hour)
	}
	if !begin.Before(sc.now) {
		return // not started yet
	}
	finish := sc.office(p.t.DueDate.AddDays(sc.rng.IntN(18) - 7))
	if !finish.After(begin.Add(48 * time.Hour)) {
		finish = begin.Add(72 * time.Hour)
	}
	done := finish.Before(sc.now) && sc.rng.IntN(100) < 93
	planned := 7 + sc.rng.IntN(11)
	last := finish.Add(-30 * time.Hour) // the last log, before the review
	n := planned
	if !done {
		frac := math.Min(1, float64(sc.now.Sub(begin))/float64(finish.Sub(begin)))
		n = max(1, int(math.Round(frac*float64(planned))))
		if last.After(sc.now) {
			last = sc.now.Add(-2 * time.Hour)
		}
	}
	step := last.Sub(begin) / time.Duration(max(1, n-1))
	for j := range n {
		at := begin.Add(time.Duration(j) * step)
		if j > 0 && j < n-1 {
			at = at.Add(time.Duration(sc.rng.Int64N(int64(step/2)+1)) - step/4)
		}
		hours := float64(1+sc.rng.IntN(12)) / 2
		p.logs = append(p.logs, &tracker.ProgressLog{AuthorID: intern, Note: scaleNotes[sc.rng.IntN(len(scaleNotes))],
			Progress: min(95, 5*int(math.Round(20*float64(j+1)/float64(planned+1)))), Hours: &hours,
			CreatedAt: at.UTC().Truncate(time.Microsecond)})
	}
	end := p.logs[len(p.logs)-1].CreatedAt
	// A blocked spell between two logs of one task in eight.
	if n >= 3 && sc.rng.IntN(8) == 0 {
		a, b := p.logs[n/2].CreatedAt, p.logs[n/2+1].CreatedAt
		if b.Sub(a) > 4*time.Hour {
			p.moves = append(p.moves, statusMove{a.Add(time.Hour), intern, tracker.StatusInProgress, tracker.StatusBlocked},
				statusMove{b.Add(-time.Hour), intern, tracker.StatusBlocked, tracker.StatusInProgress})
		}
	}
	switch {
	case done:
		review := end.Add(time.Duration(2+sc.rng.IntN(20)) * time.Hour)
		accept := review.Add(time.Duration(2+sc.rng.IntN(60)) * time.Hour)
		if accept.After(sc.now) {
			accept = sc.now.Add(-time.Minute)
			review = end.Add(accept.Sub(end) / 2)
		}
		p.moves = append(p.moves, statusMove{review, intern, tracker.StatusInProgress, tracker.StatusInReview},
			statusMove{accept, pl.SupervisorID, tracker.StatusInReview, tracker.StatusDone})
	case sc.rng.IntN(5) == 0: // blocked now, since some time after the last log
		if at := end.Add(time.Duration(1+sc.rng.IntN(72)) * time.Hour); at.Before(sc.now) {
			p.moves = append(p.moves, statusMove{at, intern, tracker.StatusInProgress, tracker.StatusBlocked})
		}
	case sc.rng.IntN(4) == 0 && p.logs[len(p.logs)-1].Progress >= 60:
		if at := end.Add(time.Duration(1+sc.rng.IntN(24)) * time.Hour); at.Before(sc.now) {
			p.moves = append(p.moves, statusMove{at, intern, tracker.StatusInProgress, tracker.StatusInReview})
		}
	}
}

// walk runs through a task's history in time order, its progress logs and
// moves, and leaves the task's row as that history leaves it: status,
// progress, completion, version. With record, it also writes the trail the
// store would have written: the creation, and for each log the log's row
// and the task's update. Planning walks without recording (the ids are not
// known yet); writing the trail walks again, to the same end.
func (sc *scaler) walk(p *taskPlan, record bool) {
	t := &p.t
	b := &t.BranchID
	t.Status, t.Progress, t.Version, t.CompletedAt = tracker.StatusTodo, 0, 1, nil
	t.StatusSince, t.UpdatedAt = t.CreatedAt, t.CreatedAt
	rec := func(at time.Time, actor int64, action, entity string, id int64, ch map[string]tracker.Change) {
		if record {
			sc.record(at, actor, action, entity, id, b, t.AssigneeID, ch)
		}
	}
	rec(t.CreatedAt, p.creator, tracker.ActionCreate, tracker.EntityTask, t.ID, created(map[string]any{
		"project_id": t.ProjectID, "title": t.Title, "assignee_id": t.AssigneeID, "status": tracker.StatusTodo,
		"priority": t.Priority, "start_date": t.StartDate.String(), "due_date": t.DueDate.String(),
		"estimate_hours": t.EstimateHours, "tag_ids": p.tags}))
	li, mi := 0, 0
	for li < len(p.logs) || mi < len(p.moves) {
		var at time.Time
		var actor int64
		var ch map[string]tracker.Change
		if mi >= len(p.moves) || (li < len(p.logs) && !p.moves[mi].at.Before(p.logs[li].CreatedAt)) {
			l := p.logs[li]
			li++
			at, actor = l.CreatedAt, l.AuthorID
			rec(at, actor, tracker.ActionCreate, tracker.EntityProgress, l.ID, created(map[string]any{
				"task_id": t.ID, "progress": l.Progress, "hours": l.Hours, "note": nullIfEmpty(l.Note)}))
			ch = map[string]tracker.Change{"progress": {Before: t.Progress, After: l.Progress}}
			t.Progress = l.Progress
			if t.Status == tracker.StatusTodo {
				ch["status"] = tracker.Change{Before: t.Status, After: tracker.StatusInProgress}
				t.Status, t.StatusSince = tracker.StatusInProgress, at
			}
		} else {
			m := p.moves[mi]
			mi++
			at, actor = m.at.UTC().Truncate(time.Microsecond), m.actor
			ch = map[string]tracker.Change{"status": {Before: t.Status, After: m.to}}
			if m.to == tracker.StatusDone {
				ch["progress"] = tracker.Change{Before: t.Progress, After: 100}
				t.Progress, t.CompletedAt = 100, &at
			}
			t.Status, t.StatusSince = m.to, at
		}
		rec(at, actor, tracker.ActionUpdate, tracker.EntityTask, t.ID, ch)
		t.Version++
		t.UpdatedAt = at
	}
}

// created turns a set of fields into changes from nothing, leaving out
// those without a value, like the store's trail.
func created(fields map[string]any) map[string]tracker.Change {
	out := map[string]tracker.Change{}
	for k, v := range fields {
		if v == nil {
			continue
		}
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			continue
		}
		out[k] = tracker.Change{After: v}
	}
	return out
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func appendUnique(xs []int64, x int64) []int64 {
	for _, v := range xs {
		if v == x {
			return xs
		}
	}
	return append(xs, x)
}
