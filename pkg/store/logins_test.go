package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
)

var testLimits = store.LoginLimits{Window: 15 * time.Minute, PerAccount: 3, PerIP: 5}

func fail(t *testing.T, db *storetest.DB, email, ip string, n int) {
	t.Helper()
	for range n {
		if err := db.Store.RecordLoginFailure(context.Background(), email, ip, testLimits); err != nil {
			t.Fatal(err)
		}
	}
}

func wait(t *testing.T, db *storetest.DB, email, ip string, lim store.LoginLimits) time.Duration {
	t.Helper()
	w, err := db.Store.LoginWait(context.Background(), email, ip, lim)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestLoginFailures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		// Each case starts a fresh window.
		fresh := func() { db.Clock.Advance(time.Hour) }
		t.Run("AccountLimitCountsNormalisedEmail", func(t *testing.T) {
			fresh()
			fail(t, db, "Ann@Example.org", "10.0.0.1", 1)
			fail(t, db, " ann@example.org ", "10.0.0.2", 1)
			if w := wait(t, db, "ann@example.org", "10.0.0.9", testLimits); w != 0 {
				t.Fatalf("after 2 of 3 failures wait = %s, want 0", w)
			}
			db.Clock.Advance(time.Minute)
			fail(t, db, "ANN@example.org", "10.0.0.3", 1)
			// The oldest failure is 1 minute old: it leaves the window in 14.
			if w := wait(t, db, "ann@example.org", "10.0.0.9", testLimits); w != 14*time.Minute {
				t.Fatalf("after 3 failures wait = %s, want 14m", w)
			}
			if w := wait(t, db, "bob@example.org", "10.0.0.9", testLimits); w != 0 {
				t.Fatalf("another account waits %s", w)
			}
		})
		t.Run("IPLimitAcrossAccounts", func(t *testing.T) {
			fresh()
			for i := range 5 {
				fail(t, db, fmt.Sprintf("u%d@example.org", i), "10.0.0.5", 1)
			}
			if w := wait(t, db, "new@example.org", "10.0.0.5", testLimits); w != 15*time.Minute {
				t.Fatalf("address over its limit waits %s, want 15m", w)
			}
			if w := wait(t, db, "new@example.org", "10.0.0.6", testLimits); w != 0 {
				t.Fatalf("another address waits %s", w)
			}
		})
		t.Run("WindowPasses", func(t *testing.T) {
			fresh()
			fail(t, db, "carl@example.org", "10.0.0.7", 3)
			db.Clock.Advance(15*time.Minute - time.Second)
			if w := wait(t, db, "carl@example.org", "10.0.0.7", testLimits); w != time.Second {
				t.Fatalf("one second before the window ends wait = %s", w)
			}
			db.Clock.Advance(time.Second)
			if w := wait(t, db, "carl@example.org", "10.0.0.7", testLimits); w != 0 {
				t.Fatalf("after the window wait = %s", w)
			}
		})
		t.Run("ClearForgetsAccountOnly", func(t *testing.T) {
			fresh()
			fail(t, db, "dora@example.org", "10.0.0.8", 3)
			fail(t, db, "eve@example.org", "10.0.0.8", 2)
			if err := db.Store.ClearLoginFailures(context.Background(), "DORA@example.org"); err != nil {
				t.Fatal(err)
			}
			if w := wait(t, db, "dora@example.org", "10.0.0.99", testLimits); w != 0 {
				t.Fatalf("cleared account waits %s", w)
			}
			if w := wait(t, db, "x@example.org", "10.0.0.8", testLimits); w == 0 {
				t.Fatal("clearing an account cleared the address's failures")
			}
		})
		t.Run("OldRowsPruned", func(t *testing.T) {
			fresh()
			fail(t, db, "fred@example.org", "10.0.0.10", 3)
			db.Clock.Advance(20 * time.Minute)
			fail(t, db, "fred@example.org", "10.0.0.10", 1)
			// Read with a longer window: the three old rows are gone.
			long := store.LoginLimits{Window: time.Hour, PerAccount: 2, PerIP: 2}
			if w := wait(t, db, "fred@example.org", "10.0.0.10", long); w != 0 {
				t.Fatalf("old failures still counted (wait %s): not pruned", w)
			}
		})
		t.Run("ZeroLimitIsOff", func(t *testing.T) {
			fresh()
			fail(t, db, "gil@example.org", "10.0.0.11", 5)
			off := store.LoginLimits{Window: testLimits.Window}
			if w := wait(t, db, "gil@example.org", "10.0.0.11", off); w != 0 {
				t.Fatalf("limits off but wait = %s", w)
			}
		})
	})
}
