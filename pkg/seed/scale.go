package seed

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// ScalePassword is the password of every account of a synthetic history.
// Like the demo's, it is printed: scale data is for benchmarks only.
const ScalePassword = "scale-tracker-2026"

// ScaleAdminEmail signs in as the admin of a synthetic history; the load
// generator uses it.
const ScaleAdminEmail = "admin@scale.tracker"

// ScaleFormat names the shape of the synthetic history; it changes
// whenever Scale would write a different history for the same N and day,
// so that benchmarks caching a seeded database know to seed again.
const ScaleFormat = 1

// MaxScale bounds N: a hundred years of a division is already far past any
// real one.
const MaxScale = 100

// The size of one unit of scale: about a year of the division.
const (
	internsPerUnit  = 25
	tasksPerUnit    = 1500
	projectsPerUnit = 40
	logsPerTask     = 10 // on average, over every task
)

// ScaleOptions says what synthetic history to write.
type ScaleOptions struct {
	// N is the scale: 1 is about a year of the division (25 interns,
	// 1,500 tasks, 15,000 progress logs and their activity); dates spread
	// over the last N years.
	N float64
	// Now is the day the history ends.
	Now time.Time
	// Hasher hashes the one password every account shares.
	Hasher auth.Hasher
	// Progress, when set, hears how far the writing is, in rows: done of
	// total, and the table being written.
	Progress func(stage string, done, total int)
}

// ScaleSummary counts the rows a synthetic history wrote.
type ScaleSummary struct {
	Users, Placements, Projects, Tasks, ProgressLogs, Activities int
}

// Scale writes a synthetic history of scale o.N into the empty, migrated
// database at url: users, placements with milestones, projects, tasks that
// move through the workflow, progress logs, and the activity trail of all
// of it. Rows go in by batches inside one transaction per table, so that
// N=10 takes seconds, not hours; the same N and day always give the same
// history.
func Scale(ctx context.Context, url string, o ScaleOptions) (*ScaleSummary, error) {
	if !(o.N > 0 && o.N <= MaxScale) {
		return nil, fmt.Errorf("seed: scale must be above 0 and at most %d (got %g)", MaxScale, o.N)
	}
	st, err := store.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	_, total, err := st.Users(ctx, &tracker.User{Role: tracker.RoleAdmin}, store.UserFilter{})
	if err != nil {
		return nil, err
	}
	if total > 0 {
		return nil, ErrNotEmpty
	}
	hash, err := o.Hasher.Hash(ScalePassword)
	if err != nil {
		return nil, err
	}
	now := o.Now.UTC().Truncate(time.Second)
	days := max(60, int(math.Round(365*o.N)))
	sc := &scaler{
		st: st, rng: rand.New(rand.NewPCG(uint64(o.N*1000), 2026)), now: now,
		today: tracker.DateOf(now), from: tracker.DateOf(now).AddDays(-days), days: days,
		nInterns: max(2, int(math.Round(internsPerUnit*o.N))), nTasks: max(10, int(math.Round(tasksPerUnit*o.N))),
		nProjects: max(6, int(math.Round(projectsPerUnit*o.N))), progress: o.Progress,
	}
	if err := sc.reference(ctx); err != nil {
		return nil, err
	}
	if err := sc.write(ctx, hash); err != nil {
		return nil, err
	}
	return &sc.sum, nil
}

// scaler carries one synthetic history while it is planned and written.
type scaler struct {
	st       *store.Store
	rng      *rand.Rand
	now      time.Time
	today    tracker.Date
	from     tracker.Date // the first day of the history
	days     int
	progress func(stage string, done, total int)

	nInterns, nTasks, nProjects int
	branches, streams, tags     []int64

	admin      tracker.User
	sups       map[int64][]*tracker.User // by branch
	interns    []*tracker.User
	placements []*tracker.Placement
	projects   map[int64][]*tracker.Project // by branch, oldest first
	plans      []*taskPlan
	acts       []activityRow
	sum        ScaleSummary
	done, rows int // for progress: rows written, rows planned
}

// activityRow is one row of the trail with its changes already in JSON.
type activityRow struct {
	ID         int64 `gorm:"primaryKey"`
	ActorID    *int64
	Action     string
	EntityType string
	EntityID   int64
	BranchID   *int64
	SubjectID  *int64
	Changes    string
	CreatedAt  time.Time
}

// linkRow is one row of task_tags.
type linkRow struct{ TaskID, TagID int64 }

func (sc *scaler) reference(ctx context.Context) error {
	bs, err := sc.st.Branches(ctx)
	if err != nil {
		return err
	}
	for _, b := range bs {
		sc.branches = append(sc.branches, b.ID)
	}
	ss, err := sc.st.Streams(ctx)
	if err != nil {
		return err
	}
	for _, s := range ss {
		sc.streams = append(sc.streams, s.ID)
	}
	ts, err := sc.st.Tags(ctx, store.TagFilter{})
	if err != nil {
		return err
	}
	for _, t := range ts {
		sc.tags = append(sc.tags, t.ID)
	}
	if len(sc.branches) == 0 || len(sc.streams) == 0 {
		return fmt.Errorf("seed: scale: the database has no branches or streams; migrate it first")
	}
	return nil
}

// write plans the history and writes it table by table. People go first:
// the rest of the plan names them by id.
func (sc *scaler) write(ctx context.Context, hash string) error {
	users := sc.planUsers(hash)
	// An estimate until the plan is made, then the exact count.
	sc.rows = len(users) + sc.nInterns*8 + sc.nProjects*2 + sc.nTasks*(3+3*logsPerTask+4)
	if err := sc.insert(ctx, "users", users); err != nil {
		return err
	}
	sc.planPlacements()
	sc.planProjects()
	sc.planTasks()
	var logs []*tracker.ProgressLog
	nActs, nLinks := len(sc.placements)*4+sc.nProjects, 0
	for _, p := range sc.plans {
		logs = append(logs, p.logs...)
		nActs += 1 + len(p.moves) + 2*len(p.logs)
		nLinks += len(p.tags)
	}
	sort.SliceStable(logs, func(i, j int) bool { return logs[i].CreatedAt.Before(logs[j].CreatedAt) })
	sc.rows = len(users) + len(sc.placements)*4 + sc.nProjects + len(sc.plans) + nLinks + len(logs) + nActs

	if err := sc.insert(ctx, "placements", sc.placements); err != nil {
		return err
	}
	var ms []tracker.Milestone
	for _, p := range sc.placements {
		ms = append(ms, sc.milestones(p)...)
	}
	if err := sc.insert(ctx, "milestones", ms); err != nil {
		return err
	}
	var projects []*tracker.Project
	for _, b := range sc.branches {
		projects = append(projects, sc.projects[b]...)
	}
	if err := sc.insert(ctx, "projects", projects); err != nil {
		return err
	}
	tasks := make([]*tracker.Task, len(sc.plans))
	for i, p := range sc.plans {
		p.t.ProjectID = p.project.ID
		tasks[i] = &p.t
	}
	if err := sc.insert(ctx, "tasks", tasks); err != nil {
		return err
	}
	links := make([]linkRow, 0, nLinks)
	for _, p := range sc.plans {
		for _, tag := range p.tags {
			links = append(links, linkRow{p.t.ID, tag})
		}
		for _, l := range p.logs {
			l.TaskID = p.t.ID
		}
	}
	if err := sc.insert(ctx, "task_tags", links); err != nil {
		return err
	}
	if err := sc.insert(ctx, "progress_logs", logs); err != nil {
		return err
	}
	sc.placementActivity(ms)
	sc.projectActivity(projects)
	for _, p := range sc.plans {
		sc.walk(p, true)
	}
	sort.SliceStable(sc.acts, func(i, j int) bool { return sc.acts[i].CreatedAt.Before(sc.acts[j].CreatedAt) })
	if err := sc.insert(ctx, "activities", sc.acts); err != nil {
		return err
	}
	sc.sum = ScaleSummary{Users: len(users), Placements: len(sc.placements), Projects: len(projects),
		Tasks: len(tasks), ProgressLogs: len(logs), Activities: len(sc.acts)}
	return nil
}

// insert writes rows into table in batches, telling progress as it goes.
func (sc *scaler) insert(ctx context.Context, table string, rows any) error {
	before := sc.done
	var n int
	err := sc.st.BulkInsert(ctx, table, rows, 400, func(k int) {
		n = k
		sc.done = before + k
		if sc.progress != nil {
			sc.progress(table, min(sc.done, sc.rows), sc.rows)
		}
	})
	sc.done = before + n
	return err
}

// record plans one row of the trail.
func (sc *scaler) record(at time.Time, actor int64, action, entity string, id int64, branch, subject *int64, changes map[string]tracker.Change) {
	b, _ := json.Marshal(changes)
	sc.acts = append(sc.acts, activityRow{ActorID: &actor, Action: action, EntityType: entity, EntityID: id,
		BranchID: branch, SubjectID: subject, Changes: string(b), CreatedAt: at.UTC().Truncate(time.Microsecond)})
}

// day returns the date i days into the history.
func (sc *scaler) day(i int) tracker.Date { return sc.from.AddDays(i) }

// clamp keeps t strictly in the past.
func (sc *scaler) clamp(t time.Time) time.Time {
	if limit := sc.now.Add(-time.Minute); t.After(limit) {
		return limit
	}
	return t
}

// office returns a moment in working hours of a working day on or after d.
func (sc *scaler) office(d tracker.Date) time.Time {
	return workday(at(d, 8+sc.rng.IntN(9), sc.rng.IntN(60))).Add(time.Duration(sc.rng.IntN(60)) * time.Second)
}

func ptrTo[T any](v T) *T { return &v }
