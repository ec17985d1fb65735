package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TestEvaluationsBackfill checks that the evaluations migration gives the
// placements already there their mid-term and final evaluations, due on
// their milestones: it undoes the step on a database holding a placement
// and applies it again. (On SQLite; the DDL runs on PostgreSQL in every
// other test of the suite.)
func TestEvaluationsBackfill(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	s, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "t.db"), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	branch := int64(1)
	mk := func(name string, role tracker.Role, b *int64) *tracker.User {
		u, err := s.CreateUserUnchecked(ctx, NewUser{Email: name + "@example.org", Name: name, Role: role, BranchID: b, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	admin, sup, intern := mk("admin", tracker.RoleAdmin, nil), mk("sup", tracker.RoleSupervisor, &branch), mk("intern", tracker.RoleIntern, &branch)
	p, err := s.CreatePlacement(ctx, admin, NewPlacement{InternID: intern.ID, SupervisorID: sup.ID, StartDate: tracker.NewDate(2026, 9, 1)})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP TABLE evaluations", "DELETE FROM schema_migrations WHERE id = '2026120102_evaluations'"} {
		if err := s.w.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate again: %v", err)
	}
	evs, err := s.Evaluations(ctx, admin, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := s.Milestones(ctx, admin, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	due := map[string]string{}
	for _, m := range ms {
		due[m.Kind] = m.DueDate.String()
	}
	if len(evs) != 2 || evs[0].Kind != tracker.EvalMidterm || evs[1].Kind != tracker.EvalFinal ||
		evs[0].DueDate.String() != due[tracker.MilestoneMidterm] || evs[1].DueDate.String() != due[tracker.MilestoneFinal] ||
		evs[0].State != tracker.EvalDraft || evs[0].Version != 1 {
		t.Fatalf("backfilled evaluations %+v, milestones %v", evs, due)
	}
}
