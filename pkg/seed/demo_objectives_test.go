package seed_test

import (
	"context"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
)

// checkObjectives checks that every active demo placement has two or
// three objectives, each with linked tasks of the intern, and the others
// none.
func checkObjectives(t *testing.T, st *store.Store) {
	ctx := context.Background()
	ps, _, err := st.Placements(ctx, admin, store.PlacementFilter{Page: store.Page{PerPage: 100}})
	if err != nil {
		t.Fatal(err)
	}
	active := 0
	for _, p := range ps {
		os, err := st.Objectives(ctx, admin, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.State != "active" {
			if len(os) != 0 {
				t.Errorf("placement %d (%s) has %d objectives", p.ID, p.State, len(os))
			}
			continue
		}
		active++
		if len(os) < 2 || len(os) > 3 {
			t.Errorf("active placement %d has %d objectives, want 2 or 3", p.ID, len(os))
		}
		for _, o := range os {
			if o.TaskCount == 0 || o.Description == "" {
				t.Errorf("placement %d objective %q: %d tasks, description %q", p.ID, o.Title, o.TaskCount, o.Description)
			}
		}
	}
	if active < 5 {
		t.Fatalf("only %d active placements", active)
	}
}
