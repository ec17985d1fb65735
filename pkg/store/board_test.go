package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// bhDays is how many days of work bhPlay plays: ten weeks.
const bhDays = 70

// bhRun is what one database made of the same ten weeks of work: the day
// each snapshot was taken, the live board's counts at the end of that day,
// and the store to ask afterwards.
type bhRun struct {
	db    *storetest.DB
	w     *wkWorld
	days  []tracker.Date
	live  map[tracker.Date]bhCounts
	tasks int
}

// bhCounts are the parts of a board computed from the tasks.
type bhCounts struct {
	Cells  []store.BoardCell `json:"cells"`
	Weekly []store.BoardWeek `json:"weekly_completions"`
}

func countsOf(b *store.Board) bhCounts { return bhCounts{b.Cells, b.WeeklyCompletions} }

// bhTask is what the script remembers of a task it made.
type bhTask struct {
	id, version int64
	status      tracker.Status
	assignee    *tracker.User
}

// bhPlay plays ten weeks of a division at work on db with a fixed random
// sequence, so that every database receives the same operations in the
// same order: tasks created in every (stream, branch), moved through the
// workflow (blocked, sent back, done, reopened), progress logged, due dates
// changed, tasks deleted, and projects moved to another stream, which moves
// their tasks. At the end of each day it takes the live board's counts.
func bhPlay(t *testing.T, db *storetest.DB) *bhRun {
	t.Helper()
	ctx, w := context.Background(), wkSetup(t, db)
	r := &bhRun{db: db, w: w, live: map[tracker.Date]bhCounts{}}
	rng := rand.New(rand.NewPCG(5, 2026))
	interns := map[int64][]*tracker.User{1: {w.intern, w.intern2}, 2: {w.internMC}}
	type proj struct{ id, version, branch int64 }
	var projects []proj
	for _, branch := range []int64{1, 2} {
		for _, stream := range []int64{1, 2, 3} {
			p, err := w.s.CreateProject(ctx, w.admin, store.ProjectInput{StreamID: &stream, BranchID: &branch, Title: wkPtr("P")})
			if err != nil {
				t.Fatal(err)
			}
			projects = append(projects, proj{p.ID, p.Version, branch})
		}
	}
	var tasks []*bhTask
	keep := func(tk *tracker.Task, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range tasks {
			if x.id == tk.ID {
				x.version, x.status = tk.Version, tk.Status
			}
		}
	}
	next := map[tracker.Status][]tracker.Status{
		tracker.StatusTodo:       {tracker.StatusInProgress},
		tracker.StatusInProgress: {tracker.StatusBlocked, tracker.StatusInReview, tracker.StatusInReview, tracker.StatusTodo},
		tracker.StatusBlocked:    {tracker.StatusInProgress, ""},
		tracker.StatusInReview:   {tracker.StatusDone, tracker.StatusDone, tracker.StatusInProgress},
		tracker.StatusDone:       {tracker.StatusInProgress, "", "", "", ""},
	}
	for day := range bhDays {
		tick := func() { db.Clock.Advance(7 * time.Minute) }
		for range 3 {
			p := projects[rng.IntN(len(projects))]
			in := store.TaskInput{}
			if n := rng.IntN(6); n > 0 {
				in.DueDate = tracker.Of(db.Store.Today().AddDays(rng.IntN(21) - 5))
			}
			var who *tracker.User
			if rng.IntN(5) > 0 {
				who = interns[p.branch][rng.IntN(len(interns[p.branch]))]
			}
			tk := w.task(p.id, who, in)
			tasks = append(tasks, &bhTask{id: tk.ID, version: tk.Version, status: tk.Status, assignee: who})
			tick()
		}
		for range 8 {
			x := tasks[rng.IntN(len(tasks))]
			to := next[x.status][rng.IntN(len(next[x.status]))]
			switch {
			case to == tracker.StatusInProgress && x.status == tracker.StatusTodo && x.assignee != nil:
				_, tk, err := w.s.AddProgress(ctx, x.assignee, x.id, store.NewProgress{Progress: wkPtr(rng.IntN(50))})
				keep(tk, err)
			case to != "":
				keep(w.s.UpdateTask(ctx, w.admin, x.id, x.version, store.TaskInput{Status: &to}))
			}
			tick()
		}
		if day%5 == 2 {
			x := tasks[rng.IntN(len(tasks))]
			due := tracker.Nullable[tracker.Date]{Set: true}
			if rng.IntN(4) > 0 {
				due.Value = wkPtr(db.Store.Today().AddDays(rng.IntN(10) - 7))
			}
			keep(w.s.UpdateTask(ctx, w.admin, x.id, x.version, store.TaskInput{DueDate: due}))
			tick()
		}
		if day%7 == 6 {
			i := rng.IntN(len(tasks))
			if err := w.s.DeleteTask(ctx, w.admin, tasks[i].id); err != nil {
				t.Fatal(err)
			}
			tasks = slices.Delete(tasks, i, i+1)
			tick()
		}
		if day == 30 || day == 45 {
			p := &projects[day%len(projects)]
			stream := int64(3 - day%3)
			pr, err := w.s.UpdateProject(ctx, w.admin, p.id, p.version, store.ProjectInput{StreamID: &stream})
			if err != nil {
				t.Fatal(err)
			}
			p.version = pr.Version
			for _, x := range tasks { // the move bumped their versions
				if tk, err := w.s.Task(ctx, w.admin, x.id); err == nil {
					x.version = tk.Version
				}
			}
		}
		b, err := w.s.Board(ctx, w.leader, store.BoardFilter{})
		if err != nil {
			t.Fatal(err)
		}
		today := db.Store.Today()
		r.days, r.live[today] = append(r.days, today), countsOf(b)
		db.Clock.Set(storetest.Epoch.AddDate(0, 0, day+1))
	}
	r.tasks = len(tasks)
	return r
}

// board returns the board of r's store as of day (live when zero) for the
// filter.
func (r *bhRun) board(t *testing.T, who *tracker.User, f store.BoardFilter) *store.Board {
	t.Helper()
	b, err := r.db.Store.Board(context.Background(), who, f)
	if err != nil {
		t.Fatalf("%s: board %+v: %v", r.db.Name, f, err)
	}
	return b
}

// TestBoardHistoryOnSQLiteAndPostgres plays the same ten weeks of work on
// SQLite and on PostgreSQL (when configured). On each, the board rebuilt
// from the trail as of every past day must show the counts the live board
// showed at the end of that day; then the two databases' boards must agree
// field by field: live, as of every week, filtered, and as each role sees
// them.
func TestBoardHistoryOnSQLiteAndPostgres(t *testing.T) {
	lite := bhPlay(t, storetest.New(t, "sqlite"))
	t.Run("SQLiteReplaysLive", func(t *testing.T) { bhReplay(t, lite) })
	pg := bhPlay(t, storetest.New(t, "postgres")) // skips the rest when PostgreSQL is not configured
	t.Run("PostgresReplaysLive", func(t *testing.T) { bhReplay(t, pg) })
	t.Run("Same", func(t *testing.T) {
		filters := []store.BoardFilter{{}, {BranchID: 2}, {StreamID: 3}, {BranchID: 1, StreamID: 2}}
		for i := 0; i < len(lite.days); i += 7 {
			filters = append(filters, store.BoardFilter{AsOf: lite.days[i]}, store.BoardFilter{AsOf: lite.days[i], BranchID: 1})
		}
		for _, f := range filters {
			for _, who := range []string{"leader", "sup", "supMC"} {
				pick := func(w *wkWorld) *tracker.User {
					return map[string]*tracker.User{"leader": w.leader, "sup": w.sup, "supMC": w.supMC}[who]
				}
				a, b := lite.board(t, pick(lite.w), f), pg.board(t, pick(pg.w), f)
				if diffs := jsonDiff(a, b); len(diffs) > 0 {
					t.Errorf("%s, filter %+v: SQLite and PostgreSQL differ:\n%s", who, f, joinLines(diffs))
				}
			}
		}
	})
}

// bhReplay checks that the board as of each day of r equals the live
// board taken at the end of that day.
func bhReplay(t *testing.T, r *bhRun) {
	t.Helper()
	done := 0
	for _, day := range r.days {
		got := countsOf(r.board(t, r.w.leader, store.BoardFilter{AsOf: day}))
		if diffs := jsonDiff(r.live[day], got); len(diffs) > 0 {
			t.Errorf("as of %s differs from the live board of that day:\n%s", day, joinLines(diffs))
		}
		done += int(got.Weekly[store.BoardWeeks-1].Completed)
	}
	if done == 0 || r.tasks < 100 {
		t.Fatalf("the script completed %d tasks in their last week and kept %d: it tests too little", done, r.tasks)
	}
}

// jsonDiff compares a and b as JSON, field by field, and returns a line for
// each path where they differ.
func jsonDiff(a, b any) []string {
	var x, y any
	for _, p := range []struct {
		v   any
		out *any
	}{{a, &x}, {b, &y}} {
		raw, err := json.Marshal(p.v)
		if err != nil {
			return []string{err.Error()}
		}
		if err := json.Unmarshal(raw, p.out); err != nil {
			return []string{err.Error()}
		}
	}
	var out []string
	var walk func(path string, x, y any)
	walk = func(path string, x, y any) {
		switch xv := x.(type) {
		case map[string]any:
			yv, ok := y.(map[string]any)
			if !ok {
				break
			}
			keys := map[string]bool{}
			for k := range xv {
				keys[k] = true
			}
			for k := range yv {
				keys[k] = true
			}
			sorted := make([]string, 0, len(keys))
			for k := range keys {
				sorted = append(sorted, k)
			}
			sort.Strings(sorted)
			for _, k := range sorted {
				walk(path+"."+k, xv[k], yv[k])
			}
			return
		case []any:
			yv, ok := y.([]any)
			if !ok || len(xv) != len(yv) {
				break
			}
			for i := range xv {
				walk(fmt.Sprintf("%s[%d]", path, i), xv[i], yv[i])
			}
			return
		}
		if !reflect.DeepEqual(x, y) {
			out = append(out, fmt.Sprintf("  %s: %v != %v", path, short(x), short(y)))
		}
	}
	walk("", x, y)
	return out
}

func short(v any) string {
	s := fmt.Sprint(v)
	if len(s) > 120 {
		return s[:120] + "..."
	}
	return s
}

func joinLines(lines []string) string {
	if len(lines) > 20 {
		lines = append(lines[:20], fmt.Sprintf("  ... and %d more", len(lines)-20))
	}
	s := ""
	for _, l := range lines {
		s += l + "\n"
	}
	return s
}
