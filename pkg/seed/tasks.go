package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// stepKind says what one step of a task's story does.
type stepKind int

const (
	stepNote    stepKind = iota // the intern logs progress
	stepBlock                   // the intern logs what blocks the task and moves it to blocked
	stepUnblock                 // the intern moves it back to in_progress and logs why
	stepReview                  // the intern asks for review
	stepBack                    // the supervisor comments and sends it back to in_progress
	stepAccept                  // the supervisor accepts it, with an optional comment
	stepRemark                  // the supervisor comments
	stepReply                   // the intern comments
)

// step is one step of a task's story. pct is the progress a log reports;
// 0 lets planning spread the logs evenly towards the task's target.
type step struct {
	kind stepKind
	text string
	pct  int
}

func note(text string) step            { return step{kind: stepNote, text: text} }
func noteAt(pct int, text string) step { return step{kind: stepNote, text: text, pct: pct} }
func block(text string) step           { return step{kind: stepBlock, text: text} }
func unblock(text string) step         { return step{kind: stepUnblock, text: text} }
func review() step                     { return step{kind: stepReview} }
func back(text string) step            { return step{kind: stepBack, text: text} }
func accept(text string) step          { return step{kind: stepAccept, text: text} }
func remark(text string) step          { return step{kind: stepRemark, text: text} }
func reply(text string) step           { return step{kind: stepReply, text: text} }

// Short names for the priorities of the task tables.
const (
	low    = tracker.PriorityLow
	medium = tracker.PriorityMedium
	high   = tracker.PriorityHigh
	urgent = tracker.PriorityUrgent
)

// span places a task in days counted from the start of its intern's
// placement (from today for a task nobody has yet, or whose intern has not
// started): when it is given, when it is due, and when its story ends.
type span struct{ start, due, end int }

// task is one demo task and its story, in the order it happens.
type task struct {
	project string
	title   string
	desc    string
	prio    tracker.Priority
	est     float64 // hours; 0 for no estimate
	days    span
	tags    []string
	steps   []step
}

// work is the tasks of one intern; intern "" holds tasks nobody has yet.
type work struct {
	intern string
	tasks  []task
}

// hoursLogged is the time the interns book on logs of tasks without an
// estimate, in turn.
var hoursLogged = []float64{2, 3.5, 1.5, 4, 2.5, 3, 1, 5, 2}

// spentFactor varies the hours booked on a task with an estimate around
// the share of the estimate that the log's progress stands for.
var spentFactor = []float64{0.8, 1.2, 1, 0.9, 1.3, 1.1, 0.7}

// hours returns the hours booked by the log step k of a task (seed varies
// them): for a task with an estimate, the share of it that the progress
// gained since the last log stands for, give or take, in half hours
// between half an hour and a working day.
func hours(est float64, gained, seed, k int) float64 {
	if est <= 0 {
		return hoursLogged[(seed+k)%len(hoursLogged)]
	}
	h := est * float64(gained) / 100 * spentFactor[(seed+k)%len(spentFactor)]
	return min(8, max(0.5, float64(int(h*2+0.5))/2))
}

// percents returns the progress each log step of steps reports: explicit
// ones as given, notes spread evenly towards 100 when the task goes to
// review and towards a partial target otherwise, blockers at the progress
// already reached; never decreasing.
func percents(steps []step) []int {
	n, reviewed := 0, false
	for _, s := range steps {
		n += b2i(s.kind == stepNote)
		reviewed = reviewed || s.kind == stepReview
	}
	target := min(85, 25*n)
	if reviewed {
		target = 100
	}
	out := make([]int, len(steps))
	k, last := 0, 0
	for i, s := range steps {
		switch s.kind {
		case stepNote:
			k++
			out[i] = max(5, (target*k/n+2)/5*5)
		case stepBlock, stepUnblock:
			out[i] = last
		default:
			continue
		}
		if s.pct > 0 {
			out[i] = s.pct
		}
		out[i] = max(out[i], last)
		last = out[i]
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// planTasks plans every task of the tables.
func (d *demo) planTasks() error {
	n := 0
	for _, table := range [][]work{cppWork, mcWork, openWork} {
		for _, w := range table {
			for _, t := range w.tasks {
				if err := d.planTask(n, w.intern, t); err != nil {
					return fmt.Errorf("seed: task %q: %w", t.title, err)
				}
				n++
			}
		}
	}
	return nil
}

// planTask plans task t of intern who: created and assigned by the
// intern's supervisor (the project's owner when nobody has it), then its
// story, step by step. seed varies the hours of day.
func (d *demo) planTask(seed int, who string, t task) error {
	pp, ok := d.projects[t.project]
	if !ok {
		return fmt.Errorf("no project %q", t.project)
	}
	tags, err := d.tagIDs(t.tags)
	if err != nil {
		return err
	}
	base, limit, earliest, sup := d.today, d.now.Add(-30*time.Minute), pp.at, pp.owner
	var w *window
	if who != "" {
		if w = d.windows[who]; w == nil {
			return fmt.Errorf("no placement for %s", who)
		}
		sup, limit = w.supervisor, w.limit
		if w.start.Before(d.today) {
			base = w.start
		}
		if w.created.After(earliest) {
			earliest = w.created
		}
	}
	ts := spread(base.AddDays(t.days.start), base.AddDays(t.days.end), len(t.steps), seed, limit)
	if earliest = earliest.Add(time.Hour); ts[0].Before(earliest) {
		ts[0] = earliest
		ordered(ts, limit)
	}
	start, due := base.AddDays(t.days.start), base.AddDays(t.days.due)
	if w != nil && start.Before(w.start) {
		start = w.start
	}
	var id int64
	d.add(ts[0], "create", func(ctx context.Context) error {
		in := store.TaskInput{ProjectID: &pp.id, Title: &t.title, Priority: &t.prio,
			StartDate: tracker.Of(start), DueDate: tracker.Of(due), TagIDs: &tags}
		if t.desc != "" {
			in.Description = &t.desc
		}
		if t.est > 0 {
			in.EstimateHours = tracker.Of(t.est)
		}
		if who != "" {
			in.AssigneeID = tracker.Of(d.users[who].ID)
		}
		created, err := d.st.CreateTask(ctx, d.users[sup], in)
		if err != nil {
			return err
		}
		id = created.ID
		return nil
	})
	pcts, last := percents(t.steps), 0
	for k, s := range t.steps {
		if who == "" && s.kind != stepRemark {
			return fmt.Errorf("step %d: only remarks on a task nobody has", k)
		}
		a := actors{intern: d.users[who], sup: d.users[sup]}
		h := hours(t.est, pcts[k]-last, seed, k)
		last = max(last, pcts[k])
		for j, do := range d.stepWrites(s, a, &id, pcts[k], h) {
			d.add(ts[k+1].Add(time.Duration(j)*time.Minute), fmt.Sprintf("step %d of %q", k, t.title), do)
		}
	}
	return nil
}

// actors are who act on a task: its intern and their supervisor.
type actors struct{ intern, sup *tracker.User }

// stepWrites returns the writes of step s on the task whose id *id will
// hold, a minute apart.
func (d *demo) stepWrites(s step, a actors, id *int64, pct int, hours float64) []func(context.Context) error {
	logs := func(u *tracker.User, h float64) func(context.Context) error {
		return func(ctx context.Context) error {
			_, _, err := d.st.AddProgress(ctx, u, *id, store.NewProgress{Note: s.text, Progress: &pct, Hours: &h})
			return err
		}
	}
	says := func(u *tracker.User) func(context.Context) error {
		return func(ctx context.Context) error {
			_, err := d.st.AddComment(ctx, u, *id, s.text)
			return err
		}
	}
	moves := func(u *tracker.User, to tracker.Status) func(context.Context) error {
		return func(ctx context.Context) error { return d.move(ctx, u, *id, to) }
	}
	switch s.kind {
	case stepNote:
		return []func(context.Context) error{logs(a.intern, hours)}
	case stepBlock:
		return []func(context.Context) error{logs(a.intern, 0.5), moves(a.intern, tracker.StatusBlocked)}
	case stepUnblock:
		return []func(context.Context) error{moves(a.intern, tracker.StatusInProgress), logs(a.intern, 1)}
	case stepReview:
		return []func(context.Context) error{moves(a.intern, tracker.StatusInReview)}
	case stepBack:
		return []func(context.Context) error{says(a.sup), moves(a.sup, tracker.StatusInProgress)}
	case stepAccept:
		if s.text == "" {
			return []func(context.Context) error{moves(a.sup, tracker.StatusDone)}
		}
		return []func(context.Context) error{says(a.sup), moves(a.sup, tracker.StatusDone)}
	case stepRemark:
		return []func(context.Context) error{says(a.sup)}
	default:
		return []func(context.Context) error{says(a.intern)}
	}
}

// move moves task id to status to, as u, at its current version.
func (d *demo) move(ctx context.Context, u *tracker.User, id int64, to tracker.Status) error {
	t, err := d.st.Task(ctx, u, id)
	if err != nil {
		return err
	}
	_, err = d.st.UpdateTask(ctx, u, id, t.Version, store.TaskInput{Status: &to})
	return err
}
