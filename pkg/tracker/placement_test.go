package tracker_test

import (
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

func d(y int, m time.Month, day int) tracker.Date { return tracker.NewDate(y, m, day) }

func TestDefaultEnd(t *testing.T) {
	for _, c := range []struct {
		name        string
		start, want tracker.Date
	}{
		{"MidMonth", d(2026, 3, 16), d(2026, 9, 15)},
		{"FirstOfMonth", d(2026, 1, 1), d(2026, 6, 30)},
		{"ThirtyFirstIntoThirty", d(2026, 3, 31), d(2026, 9, 30)},
		// Six months after 31 August is "31 February", which does not
		// exist: the placement ends on the last day of February.
		{"ThirtyFirstIntoFebruary", d(2026, 8, 31), d(2027, 2, 28)},
		{"AcrossLeapDay", d(2027, 9, 1), d(2028, 2, 29)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tracker.DefaultEnd(c.start); got != c.want {
				t.Fatalf("DefaultEnd(%s) = %s, want %s", c.start, got, c.want)
			}
		})
	}
}

func TestStateOn(t *testing.T) {
	p := tracker.Placement{StartDate: d(2026, 3, 16), EndDate: d(2026, 9, 15)}
	for _, c := range []struct {
		name  string
		today tracker.Date
		want  tracker.PlacementState
	}{
		{"DayBeforeStart", d(2026, 3, 15), tracker.PlacementUpcoming},
		{"FirstDay", d(2026, 3, 16), tracker.PlacementActive},
		{"LastDay", d(2026, 9, 15), tracker.PlacementActive},
		{"DayAfterEnd", d(2026, 9, 16), tracker.PlacementEnded},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := p.StateOn(c.today); got != c.want {
				t.Fatalf("StateOn(%s) = %s, want %s", c.today, got, c.want)
			}
		})
	}
}

func TestMonthOn(t *testing.T) {
	mid := tracker.Placement{StartDate: d(2026, 3, 16), EndDate: d(2026, 9, 15)}
	late := tracker.Placement{StartDate: d(2026, 1, 31), EndDate: d(2026, 7, 30)}
	for _, c := range []struct {
		name  string
		p     tracker.Placement
		today tracker.Date
		want  int
	}{
		{"BeforeStart", mid, d(2026, 1, 1), 1},
		{"FirstDay", mid, d(2026, 3, 16), 1},
		{"LastDayOfFirstMonth", mid, d(2026, 4, 15), 1},
		{"FirstDayOfSecondMonth", mid, d(2026, 4, 16), 2},
		{"MidTerm", mid, d(2026, 6, 16), 4},
		{"FirstDayOfSixthMonth", mid, d(2026, 8, 16), 6},
		{"LastDay", mid, d(2026, 9, 15), 6},
		{"LongAfterEnd", mid, d(2027, 3, 16), 6},
		// A start on the 31st: months without a 31st end on their last
		// day, and the next month begins on the 1st.
		{"ThirtyFirstStartEndOfFebruary", late, d(2026, 2, 28), 1},
		{"ThirtyFirstStartFirstOfMarch", late, d(2026, 3, 1), 2},
		{"ThirtyFirstStartThirtiethOfApril", late, d(2026, 4, 30), 3},
		{"ThirtyFirstStartFirstOfMay", late, d(2026, 5, 1), 4},
		{"ThirtyFirstStartLastDay", late, d(2026, 7, 30), 6},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.MonthOn(c.today); got != c.want {
				t.Fatalf("MonthOn(%s) for a start on %s = %d, want %d", c.today, c.p.StartDate, got, c.want)
			}
		})
	}
}

func TestElapsedOn(t *testing.T) {
	// 100 days: 1 January to 10 April 2026.
	p := tracker.Placement{StartDate: d(2026, 1, 1), EndDate: d(2026, 4, 10)}
	for _, c := range []struct {
		name  string
		today tracker.Date
		want  float64
	}{
		{"BeforeStart", d(2025, 12, 1), 0},
		{"FirstDay", d(2026, 1, 1), 0},
		{"SecondDay", d(2026, 1, 2), 0.01},
		{"Halfway", d(2026, 2, 20), 0.5},
		{"LastDay", d(2026, 4, 10), 0.99},
		{"DayAfterEnd", d(2026, 4, 11), 1},
		{"LongAfterEnd", d(2027, 1, 1), 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := p.ElapsedOn(c.today); got < c.want-1e-9 || got > c.want+1e-9 {
				t.Fatalf("ElapsedOn(%s) = %v, want %v", c.today, got, c.want)
			}
		})
	}
	t.Run("ThirtyFirstStart", func(t *testing.T) {
		q := tracker.Placement{StartDate: d(2026, 1, 31), EndDate: tracker.DefaultEnd(d(2026, 1, 31))}
		if got := q.ElapsedOn(q.EndDate.AddDays(1)); got != 1 {
			t.Fatalf("ElapsedOn(day after end) = %v, want 1", got)
		}
		if got := q.ElapsedOn(q.StartDate); got != 0 {
			t.Fatalf("ElapsedOn(first day) = %v, want 0", got)
		}
	})
}

func TestMilestones(t *testing.T) {
	p := tracker.Placement{ID: 7, StartDate: d(2026, 3, 16), EndDate: d(2026, 9, 15)}
	ms := p.Milestones()
	want := []struct {
		kind string
		due  tracker.Date
	}{
		{tracker.MilestoneOnboarding, d(2026, 3, 29)},
		// 183 days from start to end: the middle is 91 days in.
		{tracker.MilestoneMidterm, d(2026, 6, 15)},
		{tracker.MilestoneFinal, d(2026, 9, 2)},
	}
	if len(ms) != len(want) {
		t.Fatalf("got %d milestones, want %d", len(ms), len(want))
	}
	for i, w := range want {
		m := ms[i]
		if m.Kind != w.kind || m.DueDate != w.due || m.PlacementID != 7 || m.Version != 1 || m.DoneAt != nil {
			t.Errorf("milestone %d = %+v, want kind %s due %s of placement 7 at version 1, not done", i, m, w.kind, w.due)
		}
	}
}

func TestWeightedProgress(t *testing.T) {
	h := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		name  string
		items []tracker.WorkItem
		want  int
	}{
		{"NoWork", nil, 0},
		{"OneTask", []tracker.WorkItem{{Progress: 40}}, 40},
		{"UnweightedMean", []tracker.WorkItem{{Progress: 0}, {Progress: 50}, {Progress: 100}}, 50},
		{"DoneCountsAsFull", []tracker.WorkItem{{Progress: 30, Done: true}, {Progress: 0}}, 50},
		{"WeightedByEstimate", []tracker.WorkItem{{Progress: 100, EstimateHours: h(30)}, {Progress: 0, EstimateHours: h(10)}}, 75},
		{"ZeroEstimateWeighsOne", []tracker.WorkItem{{Progress: 100, EstimateHours: h(0)}, {Progress: 0}}, 50},
		{"Rounds", []tracker.WorkItem{{Progress: 1}, {Progress: 0}}, 1},
		{"RoundsDown", []tracker.WorkItem{{Progress: 1}, {Progress: 0}, {Progress: 0}}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tracker.WeightedProgress(c.items); got != c.want {
				t.Fatalf("WeightedProgress = %d, want %d", got, c.want)
			}
		})
	}
}
