package server_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Stream ids as seeded by the migration.
const (
	streamIO       int64 = 1
	streamPartners int64 = 2
	streamStrategy int64 = 3
)

// bdWork builds projects and tasks through the store, as admin.
type bdWork struct{ e *apiEnv }

func (w bdWork) project(branch, stream int64) int64 {
	w.e.t.Helper()
	p, err := w.e.DB.Store.CreateProject(context.Background(), w.e.Users[uAdmin],
		store.ProjectInput{StreamID: &stream, BranchID: &branch, Title: ptr("Project")})
	if err != nil {
		w.e.t.Fatalf("create project: %v", err)
	}
	return p.ID
}

// task adds a task to project, assigned to intern unless "", due in dueIn
// days unless nil, weighing estimate hours unless nil, and moves it
// through the statuses given.
func (w bdWork) task(project int64, intern string, dueIn *int, estimate *float64, moves ...tracker.Status) tracker.Task {
	w.e.t.Helper()
	in := store.TaskInput{ProjectID: &project, Title: ptr("Task")}
	if intern != "" {
		in.AssigneeID = tracker.Of(w.e.id(intern))
	}
	if dueIn != nil {
		due, _ := tracker.ParseDate(w.e.day(*dueIn))
		in.DueDate = tracker.Of(due)
	}
	if estimate != nil {
		in.EstimateHours = tracker.Of(*estimate)
	}
	t, err := w.e.DB.Store.CreateTask(context.Background(), w.e.Users[uAdmin], in)
	if err != nil {
		w.e.t.Fatalf("create task: %v", err)
	}
	return w.move(t.ID, moves...)
}

// move moves task id through the statuses given, as admin.
func (w bdWork) move(id int64, moves ...tracker.Status) tracker.Task {
	w.e.t.Helper()
	ctx, admin := context.Background(), w.e.Users[uAdmin]
	t, err := w.e.DB.Store.Task(ctx, admin, id)
	for _, s := range moves {
		if err == nil {
			t, err = w.e.DB.Store.UpdateTask(ctx, admin, id, t.Version, store.TaskInput{Status: &s})
		}
	}
	if err != nil {
		w.e.t.Fatalf("move task: %v", err)
	}
	return *t
}

// log records progress on task by intern.
func (w bdWork) log(intern string, task int64, progress int) {
	w.e.t.Helper()
	if _, _, err := w.e.DB.Store.AddProgress(context.Background(), w.e.Users[intern], task, store.NewProgress{Progress: &progress}); err != nil {
		w.e.t.Fatalf("log progress: %v", err)
	}
}

// bdScene is a division at work: two CPP interns half-way through their
// placements, the first with done, overdue and blocked work, the second
// with none; an MC intern ending in 20 days with work in progress; an
// unassigned MC task.
type bdScene struct {
	cpp, cpp2, mc       tracker.Placement
	done, late, blocked tracker.Task
}

func bdSetup(e *apiEnv) bdScene {
	e.t.Helper()
	var s bdScene
	// 184 days of which 92 are past: elapsed 50%.
	s.cpp = plCreate(e, uAdmin, plBody(e, uInternCPP, uSupCPP, e.day(-92), "end_date", e.day(91)))
	s.cpp2 = plCreate(e, uAdmin, plBody(e, uInternCPP2, uSupCPP2, e.day(-92), "end_date", e.day(91)))
	s.mc = plCreate(e, uAdmin, plBody(e, uInternMC, uSupMC, e.day(-150), "end_date", e.day(20)))
	w := bdWork{e}
	io, partners, strategy := w.project(branchCPP, streamIO), w.project(branchMC, streamPartners), w.project(branchMC, streamStrategy)
	s.done = w.task(io, uInternCPP, nil, ptr(30.0), tracker.StatusInProgress, tracker.StatusInReview, tracker.StatusDone)
	s.late = w.task(io, uInternCPP, ptr(-1), ptr(10.0))
	s.blocked = w.task(io, uInternCPP, ptr(5), nil)
	w.log(uInternCPP, s.blocked.ID, 40)
	s.blocked = w.move(s.blocked.ID, tracker.StatusBlocked)
	mcTask := w.task(partners, uInternMC, ptr(10), nil)
	w.log(uInternMC, mcTask.ID, 90)
	w.task(strategy, "", ptr(-3), nil)
	return s
}
