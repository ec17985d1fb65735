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
	noChecklists(e) // the figures show the task rule alone
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

// bdFigures are the derived fields of a placement.
type bdFigures struct {
	State    tracker.PlacementState
	Month    int
	Elapsed  int
	Progress int
	Health   tracker.Health
}

func figures(p tracker.Placement) bdFigures {
	return bdFigures{p.State, p.Month, p.ElapsedPct, p.ProgressPct, p.Health}
}

func TestPlacementFigures(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		s := bdSetup(e)
		check := func(t *testing.T, want map[int64]bdFigures) {
			var l struct{ Items []tracker.Placement }
			e.as(uLeader).get("/api/v1/placements?per_page=100").want(200).decode(&l)
			if len(l.Items) != len(want) {
				t.Fatalf("list has %d placements, want %d", len(l.Items), len(want))
			}
			for _, p := range l.Items {
				var one tracker.Placement
				e.as(uAdmin).get(plPath(p)).want(200).decode(&one)
				if got := figures(p); got != want[p.ID] || figures(one) != got {
					t.Errorf("placement %d: list %+v, get %+v, want %+v", p.ID, got, figures(one), want[p.ID])
				}
			}
		}
		t.Run("Today", func(t *testing.T) {
			check(t, map[int64]bdFigures{
				// (30h done + 1 task at 40%) / 41 weight = 74%, ahead of the
				// calendar, but one task overdue and one blocked.
				s.cpp.ID: {tracker.PlacementActive, 4, 50, 74, tracker.HealthAtRisk},
				// No work at half-time: 50 points behind.
				s.cpp2.ID: {tracker.PlacementActive, 4, 50, 0, tracker.HealthOffTrack},
				// 150 of 171 days past, 90% done, logged today.
				s.mc.ID: {tracker.PlacementActive, 5, 88, 90, tracker.HealthOnTrack},
			})
		})
		t.Run("TwentyThreeDaysLater", func(t *testing.T) {
			e.DB.Clock.Advance(23 * 24 * time.Hour)
			e.tokens = map[string]string{} // the access tokens expired meanwhile
			check(t, map[int64]bdFigures{
				// Still ahead of the calendar, but 23 days without a log.
				// 8 April: the fourth month since 14 December runs to 13 April.
				s.cpp.ID:  {tracker.PlacementActive, 4, 63, 74, tracker.HealthOffTrack},
				s.cpp2.ID: {tracker.PlacementActive, 4, 63, 0, tracker.HealthOffTrack},
				// Ended 3 days ago, 90% done, its task now overdue: at risk.
				// Silence no longer counts, or 23 days would be off track.
				s.mc.ID: {tracker.PlacementEnded, 6, 100, 90, tracker.HealthAtRisk},
			})
		})
	})
}

func TestTimeline(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		s := bdSetup(e)
		var tl store.Timeline
		e.as(uInternCPP).get(plPath(s.cpp) + "/timeline").want(200).decode(&tl)
		if tl.Placement.ID != s.cpp.ID || tl.Placement.ProgressPct != 74 || len(tl.Milestones) != 3 {
			t.Fatalf("timeline placement %+v with %d milestones", tl.Placement, len(tl.Milestones))
		}
		// Dated tasks first, by due date; then the undated.
		want := []struct {
			id      int64
			status  tracker.Status
			overdue bool
		}{{s.late.ID, tracker.StatusTodo, true}, {s.blocked.ID, tracker.StatusBlocked, false}, {s.done.ID, tracker.StatusDone, false}}
		if len(tl.Tasks) != len(want) {
			t.Fatalf("timeline tasks = %+v", tl.Tasks)
		}
		for i, w := range want {
			if got := tl.Tasks[i]; got.ID != w.id || got.Status != w.status || got.Overdue != w.overdue {
				t.Errorf("task %d = %+v, want id %d %s overdue %v", i, got, w.id, w.status, w.overdue)
			}
		}
		var empty store.Timeline
		e.as(uSupCPP2).get(plPath(s.cpp2) + "/timeline").want(200).decode(&empty)
		if len(empty.Tasks) != 0 || empty.Placement.ProgressPct != 0 {
			t.Fatalf("timeline without work = %+v", empty)
		}
	})
}

func TestBoard(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		s := bdSetup(e)
		// The last change is about the MC intern: only those who read MC
		// placements see it in the recent activity.
		ms := plMilestones(e, s.mc)
		e.as(uSupMC).patch(plPath(s.mc)+"/milestones/"+itoa(ms[2].ID), 1, map[string]any{"done": true}).want(200)
		cell := func(stream, branch, todo, inProgress, blocked, done, overdue, total int64) store.BoardCell {
			return store.BoardCell{StreamID: stream, BranchID: branch, Todo: todo, InProgress: inProgress, Blocked: blocked,
				Done: done, Overdue: overdue, Total: total}
		}
		ioCPP := cell(streamIO, branchCPP, 1, 0, 1, 1, 1, 3)
		ioCPP.BlockedSince = &s.blocked.StatusSince
		partnersMC := cell(streamPartners, branchMC, 0, 1, 0, 0, 0, 1)
		strategyCPP, strategyMC := cell(streamStrategy, branchCPP, 0, 0, 0, 0, 0, 0), cell(streamStrategy, branchMC, 1, 0, 0, 0, 1, 1)
		all := []store.BoardCell{ioCPP, cell(streamIO, branchMC, 0, 0, 0, 0, 0, 0), cell(streamPartners, branchCPP, 0, 0, 0, 0, 0, 0),
			partnersMC, strategyCPP, strategyMC}
		for _, tc := range []struct {
			name, who, query string
			cells            []store.BoardCell
			active, soon     []tracker.Placement
			seesMCMilestone  bool // the last change, on an MC milestone
		}{
			{"OKAdmin", uAdmin, "", all, []tracker.Placement{s.mc, s.cpp, s.cpp2}, []tracker.Placement{s.mc}, true},
			{"OKLeadership", uLeader, "", all, []tracker.Placement{s.mc, s.cpp, s.cpp2}, []tracker.Placement{s.mc}, true},
			{"OKSupervisorCPP", uSupCPP, "", all, []tracker.Placement{s.cpp, s.cpp2}, nil, false},
			{"OKSupervisorMC", uSupMC, "", all, []tracker.Placement{s.mc}, []tracker.Placement{s.mc}, true},
			{"OKBranch", uLeader, "?branch_id=1", []store.BoardCell{ioCPP, all[2], strategyCPP}, []tracker.Placement{s.cpp, s.cpp2}, nil, false},
			{"OKStream", uLeader, "?stream_id=3", []store.BoardCell{strategyCPP, strategyMC}, []tracker.Placement{s.mc, s.cpp, s.cpp2}, []tracker.Placement{s.mc}, true},
			{"OKBranchAndStream", uAdmin, "?branch_id=2&stream_id=3", []store.BoardCell{strategyMC}, []tracker.Placement{s.mc}, []tracker.Placement{s.mc}, true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var b store.Board
				e.as(tc.who).get("/api/v1/board" + tc.query).want(200).decode(&b)
				bdCheck(t, b, tc.cells, tc.active, tc.soon, tc.seesMCMilestone, ms[2].ID)
			})
		}
		board := func(name, who, query string, status int, code, field string) plCase {
			return plCase{name: name, who: who, method: http.MethodGet, path: "/api/v1/board" + query, status: status, code: code, field: field}
		}
		runCases(t, e, []plCase{
			board("ErrIntern", uInternCPP, "", 403, "forbidden", ""),
			board("ErrAnonymous", "", "", 401, "unauthenticated", ""),
			board("ErrNoSuchBranch", uAdmin, "?branch_id=99", 422, "validation_failed", "branch_id"),
			board("ErrNoSuchStream", uAdmin, "?stream_id=9", 422, "validation_failed", "stream_id"),
			board("ErrBadStream", uAdmin, "?stream_id=io", 400, "bad_request", "stream_id"),
		})
	})
}

// TestBoardAsOf runs ten days of changes after the scene of bdSetup and
// reads the board live and as of earlier days: the tasks as they stood
// (status, overdue judged on that day, blocked since when, deleted tasks
// still there before their deletion), the completions of each ISO week,
// and the placements and activity that existed by then.
func TestBoardAsOf(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		s, w := bdSetup(e), bdWork{e} // Monday 16 March 2026
		day0 := e.day(0)
		partners := w.project(branchMC, streamPartners)
		mcDone := w.task(partners, uInternMC, ptr(12), nil, tracker.StatusInProgress, tracker.StatusInReview)
		e.DB.Clock.Advance(10 * 24 * time.Hour) // Thursday 26 March
		e.tokens = map[string]string{}
		w.move(s.done.ID, tracker.StatusInProgress) // reopened
		w.move(s.blocked.ID, tracker.StatusInProgress)
		if err := e.DB.Store.DeleteTask(context.Background(), e.Users[uAdmin], s.late.ID); err != nil {
			t.Fatal(err)
		}
		w.task(w.project(branchCPP, streamIO), uInternCPP, nil, nil)
		w.move(mcDone.ID, tracker.StatusDone)
		cell := func(stream, branch, todo, inProgress, blocked, inReview, done, overdue, total int64) store.BoardCell {
			return store.BoardCell{StreamID: stream, BranchID: branch, Todo: todo, InProgress: inProgress, Blocked: blocked,
				InReview: inReview, Done: done, Overdue: overdue, Total: total}
		}
		ioThen := cell(streamIO, branchCPP, 1, 0, 1, 0, 1, 1, 3)
		ioThen.BlockedSince = &s.blocked.StatusSince
		ioWeek := cell(streamIO, branchCPP, 1, 0, 1, 0, 1, 2, 3)
		ioWeek.BlockedSince = ioThen.BlockedSince
		// s.blocked, due on the 21st and back in progress, is now overdue.
		ioNow := cell(streamIO, branchCPP, 1, 2, 0, 0, 0, 1, 3)
		for _, tc := range []struct {
			name, query, asOf, lastWeek string
			io, partnersMC              store.BoardCell
			completed                   map[int]int64 // by index in weekly_completions
			active                      int
		}{
			{"OKLive", "", "2026-03-26", "2026-W13", ioNow, cell(streamPartners, branchMC, 0, 1, 0, 0, 1, 0, 2), map[int]int64{25: 1}, 3},
			{"OKToday", "?as_of=2026-03-26", "2026-03-26", "2026-W13", ioNow, cell(streamPartners, branchMC, 0, 1, 0, 0, 1, 0, 2), map[int]int64{25: 1}, 3},
			{"OKTenDaysAgo", "?as_of=" + day0, day0, "2026-W12", ioThen, cell(streamPartners, branchMC, 0, 1, 0, 1, 0, 0, 2), map[int]int64{25: 1}, 3},
			// A week on, the blocked task is overdue and the done one still done.
			{"OKAWeekLater", "?as_of=2026-03-23", "2026-03-23", "2026-W13", ioWeek, cell(streamPartners, branchMC, 0, 1, 0, 1, 0, 0, 2), map[int]int64{24: 1}, 3},
			{"OKBeforeAnything", "?as_of=2026-03-15", "2026-03-15", "2026-W11", cell(streamIO, branchCPP, 0, 0, 0, 0, 0, 0, 0),
				cell(streamPartners, branchMC, 0, 0, 0, 0, 0, 0, 0), nil, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var b store.Board
				e.as(uLeader).get("/api/v1/board" + tc.query).want(200).decode(&b)
				if b.AsOf.String() != tc.asOf || !sameCell(b.Cells[0], tc.io) || !sameCell(b.Cells[3], tc.partnersMC) {
					t.Fatalf("as of %s: io %+v, partners MC %+v; want as of %s: %+v, %+v", b.AsOf, b.Cells[0], b.Cells[3], tc.asOf, tc.io, tc.partnersMC)
				}
				if n := len(b.WeeklyCompletions); n != store.BoardWeeks || b.WeeklyCompletions[n-1].Week != tc.lastWeek {
					t.Fatalf("weekly_completions = %+v, want %d weeks to %s", b.WeeklyCompletions, store.BoardWeeks, tc.lastWeek)
				}
				for i, wk := range b.WeeklyCompletions {
					if wk.Completed != tc.completed[i] || wk.Start.Time().Weekday() != time.Monday ||
						(i > 0 && wk.Start != b.WeeklyCompletions[i-1].Start.AddDays(7)) {
						t.Errorf("week %d = %+v, want %d completed", i, wk, tc.completed[i])
					}
				}
				end := b.AsOf.AddDays(1).Time()
				for _, a := range b.RecentActivity {
					if !a.CreatedAt.Before(end) {
						t.Errorf("activity %d of %s shown as of %s", a.ID, a.CreatedAt, b.AsOf)
					}
				}
				if len(b.ActivePlacements) != tc.active {
					t.Errorf("%d active placements, want %d", len(b.ActivePlacements), tc.active)
				}
			})
		}
		board := func(name, query string, status int, code string) plCase {
			return plCase{name: name, who: uLeader, method: http.MethodGet, path: "/api/v1/board" + query, status: status, code: code, field: "as_of"}
		}
		runCases(t, e, []plCase{
			board("ErrAsOfTomorrow", "?as_of=2026-03-27", 422, "validation_failed"),
			board("ErrAsOfNotADate", "?as_of=2026-13-01", 400, "bad_request"),
		})
	})
}

// bdCheck compares a board with what it must show.
func bdCheck(t *testing.T, b store.Board, cells []store.BoardCell, active, soon []tracker.Placement, seesMC bool, milestone int64) {
	t.Helper()
	if len(b.Cells) != len(cells) {
		t.Fatalf("cells = %+v, want %+v", b.Cells, cells)
	}
	for i := range cells {
		if !sameCell(b.Cells[i], cells[i]) {
			t.Errorf("cell %d = %+v, want %+v", i, b.Cells[i], cells[i])
		}
	}
	samePlacements := func(what string, got, want []tracker.Placement) {
		if len(got) != len(want) {
			t.Fatalf("%s: %d placements, want %d", what, len(got), len(want))
		}
		for i := range want {
			if got[i].ID != want[i].ID || got[i].Health == "" {
				t.Errorf("%s[%d] = placement %d (health %q), want %d", what, i, got[i].ID, got[i].Health, want[i].ID)
			}
		}
	}
	samePlacements("active_placements", b.ActivePlacements, active)
	samePlacements("ending_soon", b.EndingSoon, soon)
	if n := len(b.RecentActivity); n == 0 || n > store.BoardRecentActivity {
		t.Fatalf("recent_activity has %d rows", n)
	}
	saw := false
	for i, a := range b.RecentActivity {
		if i > 0 && (a.ID >= b.RecentActivity[i-1].ID || a.CreatedAt.After(b.RecentActivity[i-1].CreatedAt)) {
			t.Fatalf("recent_activity not newest first at %d: %+v", i, b.RecentActivity)
		}
		saw = saw || (a.EntityType == tracker.EntityMilestone && a.EntityID == milestone)
	}
	if saw != seesMC {
		t.Fatalf("recent_activity shows the MC milestone change: %v, want %v", saw, seesMC)
	}
}

// sameCell reports whether two cells hold the same counts and the same
// blocked_since.
func sameCell(a, b store.BoardCell) bool {
	at, bt := a.BlockedSince, b.BlockedSince
	a.BlockedSince, b.BlockedSince = nil, nil
	return a == b && (at == nil) == (bt == nil) && (at == nil || at.Equal(*bt))
}
