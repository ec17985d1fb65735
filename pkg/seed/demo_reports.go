package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Weekly reports in the demo.
const (
	// demoReportWeeks is how many past weeks of reports each active intern
	// has filed.
	demoReportWeeks = 6
	// demoStaleIntern files no report for the last weeks and logs nothing
	// either: the demo shows what a stale placement looks like.
	demoStaleIntern = "int_cpp2"
	// demoSentBack has the report of two weeks ago sent back, not yet
	// revised.
	demoSentBack = "int_mc2"
	// demoRevised had a report sent back, revised and accepted.
	demoRevised = "int_cpp1"
)

// demoReportText is what the demo's reports say, by stream of work.
var demoReportText = [][3]string{
	{"Drafted the options paper on staff-to-staff talks with the EU.", "Circulate the draft to the branch for comments.", ""},
	{"Compiled the partner needs survey answers received so far.", "Chase the partners that have not answered.", "Two partners still have no point of contact."},
	{"Prepared the briefing notes for the Mediterranean Dialogue meeting.", "Turn the meeting notes into the activity plan.", ""},
	{"Reviewed the partnership tools inventory against the concept.", "Write up the gaps found for the supervisor.", "Waiting for access to last year's evaluation."},
	{"Updated the Ukraine support package tracker.", "Reconcile the tracker with the branch's figures.", ""},
}

// planReports plans the weekly reports of the active placements: each
// intern writes on Friday afternoon and submits; the supervisor reviews on
// Monday morning. Last week's reports of every other intern, and reviews
// that would fall after the demo's now, are left for the supervisors'
// queues.
func (d *demo) planReports() {
	for i, s := range stays {
		if s.kind != startedAgo {
			continue
		}
		w := d.windows[s.intern]
		this := tracker.WeekOf(d.today)
		for k := demoReportWeeks; k >= 0; k-- {
			week := this.AddDays(-7 * k)
			if week.AddDays(4).Before(w.start) || (s.intern == demoStaleIntern && k < 4) {
				continue
			}
			text := demoReportText[(i+k)%len(demoReportText)]
			written := at(week.AddDays(4), 15, (i*5)%60)
			if k == 0 {
				// This week's report is a draft, written this morning.
				written = w.limit.Add(-20 * time.Minute)
				if i%2 == 1 || tracker.WeekOf(tracker.DateOf(written)) != this || written.Before(at(w.start, 9, 0)) {
					continue
				}
			}
			d.planReport(w, week, written, text, k, i)
		}
	}
}

// planReport plans one report of w for week, written at written; k weeks
// ago.
func (d *demo) planReport(w *window, week tracker.Date, written time.Time, text [3]string, k, i int) {
	if written.After(w.limit) {
		return
	}
	var r *tracker.WeeklyReport
	intern, sup := d.users[w.intern], d.users[w.supervisor]
	name := fmt.Sprintf("report of %s for %s", w.intern, week)
	move := func(who *tracker.User, to tracker.ReportState, comment string, edit *string) func(ctx context.Context) error {
		return func(ctx context.Context) error {
			patch := store.ReportPatch{State: &to, Done: edit}
			if comment != "" {
				patch.ReviewComment = &comment
			}
			next, err := d.st.UpdateReport(ctx, who, w.placement.ID, r.ID, r.Version, patch)
			r = next
			return err
		}
	}
	d.add(written, name, func(ctx context.Context) error {
		var err error
		r, err = d.st.CreateReport(ctx, intern, w.placement.ID, store.NewReport{Week: week, Done: text[0], Next: text[1], Blockers: text[2]})
		return err
	})
	if k == 0 {
		return
	}
	plan := func(t time.Time, what string, do func(ctx context.Context) error) bool {
		if t.After(w.limit) {
			return false
		}
		d.add(t, name+": "+what, do)
		return true
	}
	plan(written.Add(40*time.Minute), "submitted", move(intern, tracker.ReportSubmitted, "", nil))
	monday := at(week.AddDays(7), 10, (i*7)%60)
	switch {
	case w.intern == demoSentBack && k == 2:
		plan(monday, "sent back", move(sup, tracker.ReportNeedsRevision, "Say which partners answered and which did not.", nil))
	case w.intern == demoRevised && k == 3:
		revised := text[0] + " Added the EU Military Staff's remarks."
		if plan(monday, "sent back", move(sup, tracker.ReportNeedsRevision, "Please add what the EU Military Staff said.", nil)) &&
			plan(monday.Add(26*time.Hour), "revised", move(intern, tracker.ReportSubmitted, "", &revised)) {
			plan(monday.Add(48*time.Hour), "accepted", move(sup, tracker.ReportAccepted, "Thanks, much clearer.", nil))
		}
	case k == 1 && i%2 == 0:
		// Left for the supervisor's queue, whatever the day.
	default:
		plan(monday, "accepted", move(sup, tracker.ReportAccepted, "", nil))
	}
}
