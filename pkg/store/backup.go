package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/intern-tracker/tracker/pkg/config"
)

// ErrBackupPostgres says that PostgreSQL is backed up with its own tools.
var ErrBackupPostgres = errors.New("backup: the database is PostgreSQL; use pg_dump (see docs/operations.md)")

// Backup writes a consistent copy of a live SQLite database to path with
// VACUUM INTO (writers go on meanwhile), checks the copy with
// integrity_check and flushes it to disk. The file must not exist yet; it
// is created readable by its owner only, as it holds password hashes.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.driver != config.DriverSQLite {
		return ErrBackupPostgres
	}
	// VACUUM INTO fills an empty file and keeps its mode.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("backup: %s already exists", path)
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	f.Close()
	if err := s.vacuumInto(ctx, path); err != nil {
		os.Remove(path)
		return err
	}
	if err := CheckSQLiteFile(ctx, path); err != nil {
		os.Remove(path)
		return err
	}
	// SQLite does not fsync the file VACUUM INTO writes.
	if err := syncFile(path); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

func (s *Store) vacuumInto(ctx context.Context, path string) error {
	// The readers are query_only and the writer must stay free for writes:
	// VACUUM INTO runs on a connection of its own, inside one read
	// transaction, so writers go on meanwhile.
	src, err := gorm.Open(sqlite.Open("file:"+s.path+"?_busy_timeout=10000"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return fmt.Errorf("backup: open %s: %w", s.path, err)
	}
	sdb, _ := src.DB()
	defer sdb.Close()
	if err := src.WithContext(ctx).Exec("VACUUM INTO ?", path).Error; err != nil {
		return fmt.Errorf("backup: vacuum into %s: %w", path, err)
	}
	return nil
}

// syncFile flushes the file at path, and the folder that lists it, to disk.
func syncFile(path string) error {
	for _, p := range []string{path, filepath.Dir(path)} {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("backup: sync %s: %w", p, err)
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("backup: sync %s: %w", p, err)
		}
	}
	return nil
}

// CheckSQLiteFile runs integrity_check and foreign_key_check on the SQLite
// file at path.
func CheckSQLiteFile(ctx context.Context, path string) error {
	db, err := gorm.Open(sqlite.Open("file:"+path+"?mode=ro"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	sdb, _ := db.DB()
	defer sdb.Close()
	var res []string
	if err := db.WithContext(ctx).Raw("PRAGMA integrity_check").Scan(&res).Error; err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	if len(res) != 1 || res[0] != "ok" {
		return fmt.Errorf("check %s: integrity_check: %v", path, res)
	}
	var fk []map[string]any
	if err := db.WithContext(ctx).Raw("PRAGMA foreign_key_check").Scan(&fk).Error; err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	if len(fk) > 0 {
		return fmt.Errorf("check %s: %d foreign key violations", path, len(fk))
	}
	return nil
}
