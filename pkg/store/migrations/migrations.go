// Package migrations holds the tracker's schema history: versioned,
// append-only steps, each applied once in its own transaction and recorded
// in schema_migrations. A step never changes after it has shipped; a new
// need is a new step. Steps declare their own snapshot structs for the
// rows they write, so later changes to live types cannot alter history.
package migrations

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Migration is one step of the schema history.
type Migration struct {
	ID string // sortable: YYYYMMDDNN_name
	Up func(tx *gorm.DB, d Dialect) error
}

// Dialect fills the few type names that differ between SQLite and
// PostgreSQL into portable DDL.
type Dialect string

// SQL replaces {{id}}, {{time}}, {{float}} and {{text}} in ddl with the
// dialect's column types.
func (d Dialect) SQL(ddl string) string {
	r := map[string]string{
		"{{id}}": "INTEGER PRIMARY KEY AUTOINCREMENT", "{{time}}": "DATETIME", "{{float}}": "REAL", "{{text}}": "TEXT",
	}
	if d == "postgres" {
		r = map[string]string{
			"{{id}}": "BIGSERIAL PRIMARY KEY", "{{time}}": "TIMESTAMPTZ", "{{float}}": "DOUBLE PRECISION", "{{text}}": "TEXT",
		}
	}
	for k, v := range r {
		ddl = strings.ReplaceAll(ddl, k, v)
	}
	return ddl
}

// Exec runs each statement of a portable DDL script in tx.
func (d Dialect) Exec(tx *gorm.DB, script string) error {
	for _, stmt := range strings.Split(d.SQL(script), ";") {
		if strings.TrimSpace(stmt) == "" {
			continue
		}
		if err := tx.Exec(stmt).Error; err != nil {
			return fmt.Errorf("%w in %s", err, strings.TrimSpace(stmt))
		}
	}
	return nil
}

// All is the schema history in order. Append only.
var All = []Migration{
	{ID: "2026112701_initial", Up: initial},
	{ID: "2026112702_reference_data", Up: referenceData},
	{ID: "2026112801_login_failures", Up: loginFailures},
	{ID: "2026112902_calendar_secrets", Up: calendarSecrets},
	{ID: "2026112903_list_indexes", Up: listIndexes},
	{ID: "2026120101_objectives", Up: objectives},
	{ID: "2026120102_evaluations", Up: evaluations},
	{ID: "2026120103_weekly_reports", Up: weeklyReports},
	{ID: "2026120104_checklists", Up: checklists},
	{ID: "2026120105_handover_notifications", Up: handoverNotifications},
	{ID: "2026120106_personal_data", Up: personalData},
}

// advisoryLockKey serialises migrations across processes on PostgreSQL.
const advisoryLockKey = 727274001

type appliedRow struct {
	ID        string `gorm:"primaryKey"`
	AppliedAt time.Time
}

func (appliedRow) TableName() string { return "schema_migrations" }

// Run applies the migrations of All not yet recorded, each in its own
// transaction. On PostgreSQL a transaction-scoped advisory lock makes
// processes started together apply each step exactly once; on SQLite the
// writer's IMMEDIATE transactions do the same.
func Run(ctx context.Context, db *gorm.DB, driver string) error {
	d := Dialect(driver)
	db = db.WithContext(ctx)
	// Under the lock too: PostgreSQL's CREATE TABLE IF NOT EXISTS is not
	// safe against itself, and two processes creating the table at once
	// can fail on pg_type's unique index.
	err := db.Transaction(func(tx *gorm.DB) error {
		if err := d.lock(tx); err != nil {
			return err
		}
		return d.Exec(tx, `CREATE TABLE IF NOT EXISTS schema_migrations (id VARCHAR(64) PRIMARY KEY, applied_at {{time}} NOT NULL)`)
	})
	if err != nil {
		return fmt.Errorf("migrations: bookkeeping table: %w", err)
	}
	for _, m := range All {
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := d.lock(tx); err != nil {
				return err
			}
			var n int64
			if err := tx.Model(&appliedRow{}).Where("id = ?", m.ID).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if err := m.Up(tx, d); err != nil {
				return err
			}
			return tx.Create(&appliedRow{ID: m.ID, AppliedAt: time.Now().UTC()}).Error
		})
		if err != nil {
			return fmt.Errorf("migrations: %s: %w", m.ID, err)
		}
	}
	return nil
}

// lock takes, on PostgreSQL, the advisory lock that serialises migrations
// across processes until tx ends; SQLite's IMMEDIATE transactions need
// none.
func (d Dialect) lock(tx *gorm.DB) error {
	if d != "postgres" {
		return nil
	}
	return tx.Exec("SELECT pg_advisory_xact_lock(?)", advisoryLockKey).Error
}

// Applied returns the ids of the applied migrations, oldest first.
func Applied(ctx context.Context, db *gorm.DB) ([]string, error) {
	var ids []string
	err := db.WithContext(ctx).Model(&appliedRow{}).Order("id").Pluck("id", &ids).Error
	return ids, err
}
