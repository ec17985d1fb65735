package seed_test

import (
	"context"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// checkReports checks that the demo's weekly reports show every state,
// that the supervisors have a queue, and that exactly one active
// placement is stale, on purpose: Jonas Becker's.
func checkReports(t *testing.T, st *store.Store) {
	ctx := context.Background()
	rs, total, err := st.AllReports(ctx, admin, store.ReportFilter{Page: store.Page{PerPage: 100}})
	if err != nil {
		t.Fatal(err)
	}
	states := map[tracker.ReportState]int{}
	for _, r := range rs {
		states[r.State]++
	}
	for _, st := range tracker.ReportStates {
		if states[st] == 0 {
			t.Errorf("no demo report is %s: %v of %d", st, states, total)
		}
	}
	ps, _, err := st.Placements(ctx, admin, store.PlacementFilter{State: "active", Page: store.Page{PerPage: 100}})
	if err != nil {
		t.Fatal(err)
	}
	var stale []string
	for _, p := range ps {
		if p.Stale {
			stale = append(stale, p.InternName)
		}
	}
	if len(stale) != 1 || stale[0] != "Jonas Becker" {
		t.Errorf("stale placements %v, want Jonas Becker's only", stale)
	}
}
