// Package store keeps the tracker's data in SQLite or PostgreSQL through
// GORM. One exported method is one transaction; callers pass the request's
// context and the acting user, and get domain types and domain errors back.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/intern-tracker/tracker/pkg/config"
	"github.com/intern-tracker/tracker/pkg/store/migrations"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Store is the tracker's database. On SQLite it holds one writer connection
// (transactions begin IMMEDIATE, so writers queue instead of failing) and a
// pool of read-only readers; on PostgreSQL both are the same pool.
type Store struct {
	w, r   *gorm.DB
	driver string
	path   string // the SQLite file
	now    func() time.Time
	send   func(tracker.Notice)     // the e-mail outbox; nil: no e-mail
	auth   atomic.Pointer[sql.Stmt] // Authenticate's statement, prepared on first use
}

// Option changes how Open sets up the store.
type Option func(*Store)

// WithClock makes the store read the time from now (tests use a fixed clock).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// Open connects to the database named by a TRACKER_DATABASE_URL. It does not
// migrate: call Migrate.
func Open(ctx context.Context, url string, opts ...Option) (*Store, error) {
	driver, dsn, err := config.ParseDatabaseURL(url)
	if err != nil {
		return nil, err
	}
	s := &Store{driver: driver, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	gcfg := &gorm.Config{
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return s.now().UTC().Truncate(time.Microsecond) },
		SkipDefaultTransaction: true,
		TranslateError:         true,
	}
	switch driver {
	case config.DriverSQLite:
		err = s.openSQLite(dsn, gcfg)
	default:
		err = s.openPostgres(dsn, gcfg)
	}
	if err != nil {
		return nil, err
	}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) openSQLite(path string, gcfg *gorm.Config) error {
	s.path = path
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return fmt.Errorf("store: create data folder: %w", err)
		}
	}
	// _mutex=no: database/sql never shares a connection between goroutines,
	// so SQLite's own per-connection locks are pure cost.
	// _stmt_cache_size: each connection keeps its last 128 compiled
	// statements (go-sqlite3's own cache; statements of several parts are
	// never kept). GORM's prepared statements cannot help the writer: inside
	// a transaction they are prepared again every time, and compiling its
	// six or seven statements was a fifth of a progress log's time on the
	// one writer connection (docs/performance.md).
	base := "file:" + path + "?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_synchronous=NORMAL&_mutex=no&_stmt_cache_size=128"
	w, err := gorm.Open(sqlite.Open(base+"&_txlock=immediate"), gcfg)
	if err != nil {
		return fmt.Errorf("store: open sqlite writer: %w", err)
	}
	wdb, _ := w.DB()
	wdb.SetMaxOpenConns(1)
	wdb.SetMaxIdleConns(1)
	wdb.SetConnMaxLifetime(0)
	// The writer creates the file and switches it to WAL before any reader
	// opens it.
	if err := wdb.Ping(); err != nil {
		return fmt.Errorf("store: open sqlite writer: %w", err)
	}
	// The readers keep their prepared statements (a bounded cache): the
	// busy reads are the same few statements over and over.
	rcfg := *gcfg
	rcfg.PrepareStmt, rcfg.PrepareStmtMaxSize, rcfg.PrepareStmtTTL = true, 256, time.Hour
	r, err := gorm.Open(sqlite.Open(base+"&_query_only=true"), &rcfg)
	if err != nil {
		wdb.Close()
		return fmt.Errorf("store: open sqlite readers: %w", err)
	}
	rdb, _ := r.DB()
	n := max(4, 2*runtime.NumCPU())
	rdb.SetMaxOpenConns(n)
	rdb.SetMaxIdleConns(n)
	s.w, s.r = w, r
	return nil
}

func (s *Store) openPostgres(dsn string, gcfg *gorm.Config) error {
	db, err := gorm.Open(postgres.Open(dsn), gcfg)
	if err != nil {
		return fmt.Errorf("store: open postgres: %w", err)
	}
	sdb, _ := db.DB()
	sdb.SetMaxOpenConns(20)
	sdb.SetMaxIdleConns(10)
	sdb.SetConnMaxIdleTime(5 * time.Minute)
	s.w, s.r = db, db
	return nil
}

// Driver returns "sqlite" or "postgres".
func (s *Store) Driver() string { return s.driver }

// Now returns the store's clock reading.
func (s *Store) Now() time.Time { return s.now().UTC() }

// Today returns the store's calendar date.
func (s *Store) Today() tracker.Date { return tracker.DateOf(s.now()) }

// Ping checks that the database answers, for /readyz.
func (s *Store) Ping(ctx context.Context) error {
	for _, db := range []*gorm.DB{s.w, s.r} {
		sdb, err := db.DB()
		if err != nil {
			return err
		}
		if err := sdb.PingContext(ctx); err != nil {
			return fmt.Errorf("store: ping: %w", err)
		}
	}
	return nil
}

// Close closes every connection.
func (s *Store) Close() error {
	var errs []error
	if stmt := s.auth.Load(); stmt != nil {
		errs = append(errs, stmt.Close())
	}
	for i, db := range []*gorm.DB{s.w, s.r} {
		if i == 1 && s.r == s.w {
			break
		}
		if sdb, err := db.DB(); err == nil {
			errs = append(errs, sdb.Close())
		}
	}
	return errors.Join(errs...)
}

// Parallelism is how many requests the store serves well at once. On
// SQLite the queries run on this machine's cores, inside the process: one
// request per core (at least two) keeps them busy, and more only queue
// inside SQLite and the scheduler (docs/performance.md). On PostgreSQL the
// queries run in the database server: as many as the pool's connections.
func (s *Store) Parallelism() int {
	if s.driver == config.DriverSQLite {
		return max(2, runtime.GOMAXPROCS(0))
	}
	if rdb, err := s.r.DB(); err == nil {
		return rdb.Stats().MaxOpenConnections
	}
	return 1
}

// PoolStats returns the connection pool statistics of the writer and
// reader pools, for /metrics.
func (s *Store) PoolStats() map[string]sql.DBStats {
	out := map[string]sql.DBStats{}
	for name, db := range map[string]*gorm.DB{"writer": s.w, "reader": s.r} {
		if sdb, err := db.DB(); err == nil {
			out[name] = sdb.Stats()
		}
	}
	return out
}

// Migrate applies every migration not yet applied.
func (s *Store) Migrate(ctx context.Context) error {
	return migrations.Run(ctx, s.w, s.driver)
}

// read returns the reader pool bound to ctx.
func (s *Store) read(ctx context.Context) *gorm.DB { return s.r.WithContext(ctx) }

// write runs fn in one transaction on the writer; the notifications it
// wrote go to the outbox once it has committed.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return s.writeNotify(ctx, fn)
}

// notFound turns gorm's not-found into the domain's.
func notFound(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return tracker.NotFound(what)
	}
	return err
}

// isUnique reports whether err is a unique-constraint violation.
func isUnique(err error) bool {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") || strings.Contains(msg, "duplicate key value")
}
