package seed

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// event is one dated write of the demo's history.
type event struct {
	at   time.Time
	what string
	do   func(ctx context.Context) error
}

// add plans a write at time at; what names it in errors.
func (d *demo) add(at time.Time, what string, do func(ctx context.Context) error) {
	d.events = append(d.events, event{at: at, what: what, do: do})
}

// replay runs the planned writes oldest first with the store's clock set
// to each one's time, so that every row and its activity trail carry the
// time the story gives them and the clock only ever moves forward. Writes
// planned for the same moment keep the order they were planned in.
func (d *demo) replay(ctx context.Context) error {
	sort.SliceStable(d.events, func(i, j int) bool { return d.events[i].at.Before(d.events[j].at) })
	defer func() { d.clock.t = d.now }()
	for _, e := range d.events {
		if e.at.After(d.now) {
			return fmt.Errorf("seed: %s: planned in the future (%s)", e.what, e.at.Format(time.RFC3339))
		}
		d.clock.t = e.at
		if err := e.do(ctx); err != nil {
			return fmt.Errorf("seed: %s: %w", e.what, err)
		}
	}
	return nil
}

// at returns the moment hour:minute UTC on day.
func at(day tracker.Date, hour, minute int) time.Time {
	return day.Time().Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute)
}

// workday moves a Saturday or Sunday to the Monday after: nobody in the
// demo logs work at weekends.
func workday(t time.Time) time.Time {
	switch t.Weekday() {
	case time.Saturday:
		return t.AddDate(0, 0, 2)
	case time.Sunday:
		return t.AddDate(0, 0, 1)
	}
	return t
}

// gap is the least time between two writes of one story.
const gap = 20 * time.Minute

// ordered makes ts strictly increasing, gap apart at least, and none later
// than limit (the last ones are pulled back before limit, keeping their
// order), so that a story planned in days always replays forwards and
// never in the future.
func ordered(ts []time.Time, limit time.Time) {
	for i := 1; i < len(ts); i++ {
		if least := ts[i-1].Add(gap); ts[i].Before(least) {
			ts[i] = least
		}
	}
	for i := len(ts) - 1; i >= 0; i-- {
		if last := limit.Add(-time.Duration(len(ts)-1-i) * gap); ts[i].After(last) {
			ts[i] = last
		}
	}
}

// spread returns n+1 moments for a story of n steps: when it starts, on
// day first, then the steps spread evenly until day last, each in working
// hours of a working day. seed varies the hours from story to story.
func spread(first, last tracker.Date, n, seed int, limit time.Time) []time.Time {
	if !last.After(first) {
		last = first.AddDays(n)
	}
	span := first.DaysUntil(last)
	ts := make([]time.Time, n+1)
	ts[0] = workday(at(first, 9+seed%3, (seed*13)%60))
	for k := 1; k <= n; k++ {
		day := first.AddDays(span * k / n)
		ts[k] = workday(at(day, 10+(seed+3*k)%7, (seed*7+k*11)%60))
	}
	ordered(ts, limit)
	return ts
}
