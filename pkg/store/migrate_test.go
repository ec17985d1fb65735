package store_test

import (
	"context"
	"testing"

	"github.com/intern-tracker/tracker/pkg/storetest"
)

func TestMigrateFromEmpty(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		ctx := context.Background()
		// Running again applies nothing and fails nothing.
		if err := db.Store.Migrate(ctx); err != nil {
			t.Fatalf("second migrate: %v", err)
		}
		branches, err := db.Store.Branches(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(branches) != 2 || branches[0].Code != "CPP" || branches[1].Code != "MC" {
			t.Fatalf("branches = %+v, want CPP and MC", branches)
		}
		streams, err := db.Store.Streams(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(streams) != 3 {
			t.Fatalf("streams = %d, want 3", len(streams))
		}
	})
}
