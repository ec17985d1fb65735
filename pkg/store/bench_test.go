package store_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/seed"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/store/migrations"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// benchScale is the N of tracker seed --scale that the benchmarks read:
// ten years of the division (15,000 tasks, about 160,000 progress logs,
// 360,000 activity rows).
const benchScale = 10

// benchKey names a seeded benchmark database: the scale, the shape of the
// history and the schema version. A database seeded under another key is
// never reused.
func benchKey() string {
	last := migrations.All[len(migrations.All)-1].ID
	return fmt.Sprintf("n%d_f%d_%s", benchScale, seed.ScaleFormat, strings.ToLower(last))
}

var benchDBs sync.Map // kind -> *store.Store

// benchStore returns a store on a database seeded at benchScale, seeding it
// once and keeping it between runs: a file under os.TempDir() for SQLite, a
// schema for PostgreSQL (when TRACKER_TEST_POSTGRES_URL is set). Seeding
// takes seconds; reading it again, none.
func benchStore(b *testing.B, kind string) *store.Store {
	b.Helper()
	if st, ok := benchDBs.Load(kind); ok {
		return st.(*store.Store)
	}
	ctx := context.Background()
	var u string
	var fresh bool
	var err error
	if kind == "sqlite" {
		u, fresh, err = benchSQLite()
	} else {
		u, fresh, err = benchPostgres(b)
	}
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(ctx, u)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if fresh {
		began := time.Now()
		if _, err := seed.Scale(ctx, u, seed.ScaleOptions{N: benchScale, Now: time.Now(), Hasher: auth.FastHasher()}); err != nil {
			b.Fatal(err)
		}
		if kind == "sqlite" {
			// Only a complete database gets the name that is reused.
			st.Close()
			path := strings.TrimPrefix(u, "sqlite:")
			if err := os.Rename(path, strings.TrimSuffix(path, ".seeding")); err != nil {
				b.Fatal(err)
			}
			u = strings.TrimSuffix(u, ".seeding")
			if st, err = store.Open(ctx, u); err != nil {
				b.Fatal(err)
			}
		} else if err := markSeeded(u); err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: seeded scale %d in %s", kind, benchScale, time.Since(began).Round(time.Millisecond))
	}
	benchDBs.Store(kind, st)
	return st
}

// benchSQLite returns the URL of the cached SQLite database, or of a new
// file to seed (fresh) that is renamed into place once complete.
func benchSQLite() (string, bool, error) {
	path := filepath.Join(os.TempDir(), "tracker-bench-"+benchKey()+".db")
	if _, err := os.Stat(path); err == nil {
		return "sqlite:" + path, false, nil
	}
	tmp := path + ".seeding"
	for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(f)
	}
	return "sqlite:" + tmp, true, nil
}

// benchPostgres returns the URL of the cached PostgreSQL schema, dropping
// and recreating it (fresh) when a previous seeding did not finish.
func benchPostgres(b *testing.B) (string, bool, error) {
	base := os.Getenv(storetest.PostgresEnv)
	if base == "" {
		b.Skipf("%s is not set", storetest.PostgresEnv)
	}
	schema := "bench_" + strings.NewReplacer("-", "_", ".", "_").Replace(benchKey())
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return "", false, err
	}
	if sdb, err := admin.DB(); err == nil {
		defer sdb.Close()
	}
	var ready int64
	admin.Raw("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'bench_seeded'", schema).Scan(&ready)
	pu, err := url.Parse(base)
	if err != nil {
		return "", false, err
	}
	q := pu.Query()
	q.Set("search_path", schema)
	pu.RawQuery = q.Encode()
	if ready > 0 {
		return pu.String(), false, nil
	}
	if err := admin.Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE").Error; err != nil {
		return "", false, err
	}
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		return "", false, err
	}
	return pu.String(), true, nil
}

// markSeeded records in the schema at u that its seeding finished, and
// refreshes the planner's statistics as autovacuum would, later.
func markSeeded(u string) error {
	db, err := gorm.Open(postgres.Open(u), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return err
	}
	if sdb, err := db.DB(); err == nil {
		defer sdb.Close()
	}
	if err := db.Exec("ANALYZE").Error; err != nil {
		return err
	}
	return db.Exec("CREATE TABLE bench_seeded (at TIMESTAMPTZ NOT NULL DEFAULT now())").Error
}

// benchUser returns the seeded account with e-mail email.
func benchUser(b *testing.B, st *store.Store, email string) *tracker.User {
	b.Helper()
	u, err := st.UserByEmail(context.Background(), email)
	if err != nil {
		b.Fatalf("%s: %v", email, err)
	}
	return u
}

// eachBenchDB runs fn on the seeded SQLite database and, when configured,
// on the seeded PostgreSQL schema.
func eachBenchDB(b *testing.B, fn func(b *testing.B, st *store.Store)) {
	for _, kind := range []string{"sqlite", "postgres"} {
		b.Run(kind, func(b *testing.B) { fn(b, benchStore(b, kind)) })
	}
}

// BenchmarkBoard reads the whole status board as an admin, today and as it
// stood a year ago (rebuilt from the activity trail), and one branch's
// board as a supervisor of it.
func BenchmarkBoard(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, st *store.Store) {
		ctx := context.Background()
		admin := benchUser(b, st, seed.ScaleAdminEmail)
		sup := benchUser(b, st, "sup-1-1@scale.tracker")
		b.Run("All", func(b *testing.B) {
			for b.Loop() {
				if _, err := st.Board(ctx, admin, store.BoardFilter{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("AsOfYearAgo", func(b *testing.B) {
			f := store.BoardFilter{AsOf: st.Today().AddDays(-365)}
			for b.Loop() {
				if _, err := st.Board(ctx, admin, f); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("Branch", func(b *testing.B) {
			for b.Loop() {
				if _, err := st.Board(ctx, sup, store.BoardFilter{BranchID: *sup.BranchID}); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

// BenchmarkTasks reads the first page of 50 of the task list: everything
// by the default sort (what GET /api/v1/tasks?per_page=50 does), one
// branch's open tasks, and the overdue ones.
func BenchmarkTasks(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, st *store.Store) {
		ctx := context.Background()
		admin := benchUser(b, st, seed.ScaleAdminEmail)
		intern := benchUser(b, st, "intern-0001@scale.tracker")
		overdue := true
		cases := []struct {
			name  string
			actor *tracker.User
			f     store.TaskFilter
		}{
			{"Default", admin, store.TaskFilter{}},
			{"BranchOpen", admin, store.TaskFilter{BranchID: *intern.BranchID,
				Statuses: []tracker.Status{tracker.StatusTodo, tracker.StatusInProgress, tracker.StatusBlocked}}},
			{"Overdue", admin, store.TaskFilter{Overdue: &overdue}},
			{"AsIntern", intern, store.TaskFilter{}},
			{"Page100", admin, store.TaskFilter{Page: store.Page{Page: 100}}},
		}
		for _, c := range cases {
			c.f.Page.PerPage = 50
			b.Run(c.name, func(b *testing.B) {
				for b.Loop() {
					if _, _, err := st.Tasks(ctx, c.actor, c.f); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	})
}
