// Package storetest gives tests a fresh, migrated store on a real database:
// a temporary SQLite file always, and an isolated PostgreSQL schema as well
// when TRACKER_TEST_POSTGRES_URL is set. Each store reads a fixed clock.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/intern-tracker/tracker/pkg/store"
)

// PostgresEnv names the variable that turns on the PostgreSQL pass.
const PostgresEnv = "TRACKER_TEST_POSTGRES_URL"

// Epoch is where every test clock starts: a Monday in the middle of a
// placement season.
var Epoch = time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)

// Clock is a settable clock, safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock reading Epoch.
func NewClock() *Clock { return &Clock{t: Epoch} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// DB is one database a test runs against.
type DB struct {
	Name  string // "sqlite" or "postgres"
	URL   string // a TRACKER_DATABASE_URL for it
	Clock *Clock
	Store *store.Store
}

// Each runs fn as a subtest on a fresh migrated SQLite store, and again on
// a fresh PostgreSQL schema when TRACKER_TEST_POSTGRES_URL is set.
func Each(t *testing.T, fn func(t *testing.T, db *DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, New(t, "sqlite")) })
	if os.Getenv(PostgresEnv) != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, New(t, "postgres")) })
	}
}

// New returns a fresh migrated store of the named kind, closed and removed
// when the test ends.
func New(t testing.TB, kind string) *DB {
	t.Helper()
	u := URL(t, kind)
	clock := NewClock()
	s, err := store.Open(context.Background(), u, store.WithClock(clock.Now))
	if err != nil {
		t.Fatalf("storetest: open %s: %v", kind, err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatalf("storetest: migrate %s: %v", kind, err)
	}
	return &DB{Name: kind, URL: u, Clock: clock, Store: s}
}

// URL returns the address of a fresh, empty database of the named kind:
// a file in the test's temporary folder, or a new PostgreSQL schema that is
// dropped when the test ends. It skips the test when PostgreSQL is asked for
// but not configured.
func URL(t testing.TB, kind string) string {
	t.Helper()
	if kind == "sqlite" {
		return "sqlite:" + filepath.Join(t.TempDir(), "tracker.db")
	}
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skipf("%s is not set", PostgresEnv)
	}
	schema := "t_" + randomHex(8)
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatalf("storetest: connect postgres: %v", err)
	}
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		t.Fatalf("storetest: create schema: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		if sdb, err := admin.DB(); err == nil {
			sdb.Close()
		}
	})
	pu, err := url.Parse(base)
	if err != nil {
		t.Fatalf("storetest: %s: %v", PostgresEnv, err)
	}
	q := pu.Query()
	q.Set("search_path", schema)
	pu.RawQuery = q.Encode()
	return pu.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("storetest: random: %v", err))
	}
	return hex.EncodeToString(b)
}
