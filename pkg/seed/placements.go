package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// When a demo placement falls, relative to the day the demo is seeded for.
const (
	startedAgo = iota // started months and days ago
	endedAgo          // ended days ago, after six months
	startsNext        // starts on the first of next month
)

// stay is one intern's placement in the demo; the months and days match
// the notes of people ("month 5" started a little over four months ago).
type stay struct {
	intern, supervisor string
	kind, months, days int
	focus              string
}

var stays = []stay{
	{"int_cpp5", "sup_cpp1", endedAgo, 0, 21, "EU–NATO cooperation; inventory of the partnership tools"},
	{"int_cpp1", "sup_cpp1", startedAgo, 4, 12, "EU and UN cooperation: options papers and staff-talk preparation; Mediterranean Dialogue plan"},
	{"int_mc1", "sup_mc1", startedAgo, 4, 6, "Ukraine tailored support; Cooperative Security concept review"},
	{"int_cpp2", "sup_cpp2", startedAgo, 5, 12, "UN peacekeeping and African Union capacity-building support"},
	{"int_mc2", "sup_mc2", startedAgo, 3, 15, "Georgia interoperability programme; partner needs survey 2026"},
	{"int_cpp3", "sup_cpp1", startedAgo, 2, 9, "Mediterranean Dialogue programme; partnership tools study"},
	{"int_mc3", "sup_mc1", startedAgo, 2, 2, "Cooperative Security concept review; OSCE and Russia briefs"},
	{"int_mc4", "sup_mc2", startedAgo, 1, 12, "GCC engagement concept; Istanbul Cooperation Initiative partners"},
	{"int_mc6", "sup_mc2", startedAgo, 1, 4, "Partner needs survey 2026; Partners Across the Globe"},
	{"int_mc5", "sup_mc1", startedAgo, 0, 20, "Ukraine support package tracking"},
	{"int_cpp4", "sup_cpp2", startedAgo, 0, 8, "EU–NATO staff talks; partnership tools study"},
	{"int_cpp6", "sup_cpp2", startsNext, 0, 0, "UN and African Union liaison; Mediterranean Dialogue activity plan"},
}

// window is a planned placement: its dates, when it is created, the
// latest moment its intern's work may be dated (the end of the placement,
// or just before now), and the placement once created.
type window struct {
	stay
	start, end     tracker.Date
	created, limit time.Time
	placement      *tracker.Placement
}

// planWindow dates s relative to the demo's today.
func (d *demo) planWindow(s stay) *window {
	w := &window{stay: s, limit: d.now.Add(-30 * time.Minute)}
	t := d.today.Time()
	switch s.kind {
	case endedAgo:
		w.end = d.today.AddDays(-s.days)
		w.start = w.end.AddDays(1).AddMonths(-tracker.PlacementMonths)
		if l := at(w.end, 17, 30); l.Before(w.limit) {
			w.limit = l
		}
	case startsNext:
		w.start = tracker.NewDate(t.Year(), t.Month()+1, 1)
		w.end = tracker.DefaultEnd(w.start)
	default:
		w.start = d.today.AddMonths(-s.months).AddDays(-s.days)
		w.end = tracker.DefaultEnd(w.start)
	}
	return w
}

// planPlacements plans each placement, created by its supervisor about
// two weeks before it starts, and its milestones, marked done by the
// supervisor when they fell due before today.
func (d *demo) planPlacements() {
	d.windows = map[string]*window{}
	for i, s := range stays {
		w := d.planWindow(s)
		d.windows[s.intern] = w
		day := w.start.AddDays(-12)
		if latest := d.today.AddDays(-4); day.After(latest) {
			day = latest
		}
		w.created = workday(at(day, 10, (i*7)%60))
		d.add(w.created, "placement of "+s.intern, func(ctx context.Context) error {
			p, err := d.st.CreatePlacement(ctx, d.users[s.supervisor], store.NewPlacement{
				InternID: d.users[s.intern].ID, SupervisorID: d.users[s.supervisor].ID,
				StartDate: w.start, EndDate: w.end, Focus: s.focus})
			if err != nil {
				return err
			}
			w.placement = p
			return nil
		})
		proto := tracker.Placement{StartDate: w.start, EndDate: w.end}
		for k, m := range proto.Milestones() {
			if !m.DueDate.Before(d.today) {
				continue
			}
			done := workday(at(m.DueDate, 15, 10*k+i))
			if done.After(w.limit) {
				done = w.limit
			}
			kind := m.Kind
			d.add(done, fmt.Sprintf("%s milestone of %s", kind, s.intern), func(ctx context.Context) error {
				return d.milestoneDone(ctx, w, kind)
			})
		}
	}
}

// milestoneDone marks the milestone kind of w's placement done, as its
// supervisor.
func (d *demo) milestoneDone(ctx context.Context, w *window, kind string) error {
	sup := d.users[w.supervisor]
	ms, err := d.st.Milestones(ctx, sup, w.placement.ID)
	if err != nil {
		return err
	}
	done := true
	for _, m := range ms {
		if m.Kind == kind {
			_, err := d.st.UpdateMilestone(ctx, sup, w.placement.ID, m.ID, m.Version, store.MilestonePatch{Done: &done})
			return err
		}
	}
	return fmt.Errorf("no %s milestone", kind)
}
