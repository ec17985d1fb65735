package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// feedHash stands for the server's keyed derivation: any function of the
// nonce that the store cannot invert.
func feedHash(key string) func(string) string {
	return func(nonce string) string { return key + ":" + nonce }
}

// A feed is made once and kept; rotating replaces it at once; a changed
// key re-hashes it; concurrent first uses leave one feed.
func TestCalendarFeedLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		h := feedHash("k1")
		n1, err := w.s.CalendarFeed(ctx, w.intern, h)
		if err != nil || len(n1) != 43 {
			t.Fatalf("first use: %q, %v", n1, err)
		}
		if again, _ := w.s.CalendarFeed(ctx, w.intern, h); again != n1 {
			t.Fatalf("second use made a new feed: %q, %q", again, n1)
		}
		if cal, err := w.s.CalendarBySecret(ctx, h(n1)); err != nil || cal.Owner != w.intern.Name {
			t.Fatalf("feed by secret: %+v, %v", cal, err)
		}
		n2, err := w.s.RotateCalendarFeed(ctx, w.intern, h)
		if err != nil || n2 == n1 {
			t.Fatalf("rotate: %q, %v", n2, err)
		}
		if _, err := w.s.CalendarBySecret(ctx, h(n1)); tracker.ErrorCode(err) != tracker.ECodeNotFound {
			t.Fatalf("the rotated secret still opens the feed: %v", err)
		}
		k2 := feedHash("k2")
		if n3, err := w.s.CalendarFeed(ctx, w.intern, k2); err != nil || n3 != n2 {
			t.Fatalf("new key: %q, %v", n3, err)
		}
		if _, err := w.s.CalendarBySecret(ctx, h(n2)); tracker.ErrorCode(err) != tracker.ECodeNotFound {
			t.Fatalf("the old key's secret still opens the feed: %v", err)
		}
		if _, err := w.s.CalendarBySecret(ctx, k2(n2)); err != nil {
			t.Fatalf("the new key's secret: %v", err)
		}

		const n = 8
		got := make([]string, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { got[i], errs[i] = w.s.CalendarFeed(ctx, w.intern2, h) })
		}
		wg.Wait()
		for i := range n {
			if errs[i] != nil || got[i] != got[0] {
				t.Fatalf("concurrent first uses: %q, %v; the first %q", got[i], errs[i], got[0])
			}
		}
		if _, err := w.s.CalendarBySecret(ctx, h(got[0])); err != nil {
			t.Fatalf("after concurrent first uses: %v", err)
		}
	})
}
