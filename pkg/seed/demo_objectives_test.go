package seed_test

import (
	"context"
	"testing"

	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/seed"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
)

// TestDemoObjectives checks that every active demo placement has two or
// three objectives, each with linked tasks of the intern, and the others
// none.
func TestDemoObjectives(t *testing.T) {
	db := storetest.New(t, "sqlite")
	ctx := context.Background()
	if err := seed.Demo(ctx, db.URL, auth.FastHasher(), storetest.Epoch); err != nil {
		t.Fatalf("Demo: %v", err)
	}
	ps, _, err := db.Store.Placements(ctx, admin, store.PlacementFilter{Page: store.Page{PerPage: 100}})
	if err != nil {
		t.Fatal(err)
	}
	active := 0
	for _, p := range ps {
		os, err := db.Store.Objectives(ctx, admin, p.ID)
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
