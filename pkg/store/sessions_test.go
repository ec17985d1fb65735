package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TestAuthenticate checks the hand-scanned read of every request against
// GORM's read of the same user, and that a revoked session, another
// user's session and a disabled user authenticate no one.
func TestAuthenticate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		live := func(u *tracker.User, family, hash string) {
			t.Helper()
			err := db.Store.CreateSession(ctx, store.Session{FamilyID: family, UserID: u.ID, TokenHash: hash,
				ExpiresAt: db.Clock.Now().Add(time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
		}
		live(w.admin, "fam-admin", "hash-admin")
		live(w.intern, "fam-intern", "hash-intern")
		for _, u := range []*tracker.User{w.admin, w.intern} {
			family := map[int64]string{w.admin.ID: "fam-admin", w.intern.ID: "fam-intern"}[u.ID]
			got, err := db.Store.Authenticate(ctx, u.ID, family)
			if err != nil {
				t.Fatalf("%s: %v", u.Name, err)
			}
			want, err := db.Store.UserByID(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) || !got.CreatedAt.Equal(want.CreatedAt) {
				t.Errorf("Authenticate(%s) = %+v\nGORM reads %+v", u.Name, got, want)
			}
		}
		denied := func(what string, id int64, family string) {
			t.Helper()
			if u, err := db.Store.Authenticate(ctx, id, family); tracker.ErrorCode(err) != tracker.ECodeNotFound {
				t.Errorf("%s: Authenticate = %v, %v; want not found", what, u, err)
			}
		}
		denied("another user's session", w.intern.ID, "fam-admin")
		denied("unknown family", w.intern.ID, "fam-none")
		if err := db.Store.RevokeFamily(ctx, "fam-admin"); err != nil {
			t.Fatal(err)
		}
		denied("revoked session", w.admin.ID, "fam-admin")
		inactive := false
		if _, err := db.Store.UpdateUser(ctx, w.admin, w.intern.ID, w.intern.Version, store.UserPatch{Active: &inactive}); err != nil {
			t.Fatal(err)
		}
		denied("disabled user", w.intern.ID, "fam-intern")
	})
}
