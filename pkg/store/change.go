package store

import (
	"fmt"
	"maps"
	"reflect"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// diff gathers the columns an update sets and the before/after of each, for
// the activity trail.
type diff struct {
	cols    map[string]any
	changes map[string]tracker.Change
}

func (d *diff) put(col string, before, after any) {
	if d.cols == nil {
		d.cols, d.changes = map[string]any{}, map[string]tracker.Change{}
	}
	d.cols[col] = after
	d.changes[col] = tracker.Change{Before: before, After: after}
}

// set applies v to *dst when v is given and differs.
func set[T comparable](d *diff, col string, dst *T, v *T) {
	if v == nil || *v == *dst {
		return
	}
	d.put(col, *dst, *v)
	*dst = *v
}

// str is set for strings.
func (d *diff) str(col string, dst *string, v *string) { set(d, col, dst, v) }

// date applies a date; dates compare by their text.
func (d *diff) date(col string, dst *tracker.Date, v tracker.Nullable[tracker.Date]) {
	if !v.Set {
		return
	}
	var nv tracker.Date
	if v.Value != nil {
		nv = *v.Value
	}
	if nv.String() == dst.String() {
		return
	}
	d.put(col, nullStr(dst.String()), nullStr(nv.String()))
	d.cols[col] = nv
	*dst = nv
}

// ptr applies a nullable value.
func ptr[T comparable](d *diff, col string, dst **T, v tracker.Nullable[T]) {
	if !v.Set {
		return
	}
	if (*dst == nil && v.Value == nil) || (*dst != nil && v.Value != nil && **dst == *v.Value) {
		return
	}
	var before, after any
	if *dst != nil {
		before = **dst
	}
	if v.Value != nil {
		after = *v.Value
	}
	d.put(col, before, after)
	*dst = v.Value
}

func (d *diff) empty() bool { return len(d.cols) == 0 }

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// tablesWithUpdatedAt are the tables that keep an updated_at column.
var tablesWithUpdatedAt = map[string]bool{
	"users": true, "placements": true, "projects": true, "tasks": true, "comments": true, "weekly_reports": true,
}

// update writes d to the row id of table if its version is still version,
// bumps the version (into *ver) and records the activity. A stale version
// is refused before and, atomically, in the UPDATE itself.
func (s *Store) update(tx *gorm.DB, actor *tracker.User, table, entity string, id, version int64, d diff, ver *int64, branch, subject *int64) error {
	if *ver != version {
		return staleVersion(*ver)
	}
	if d.empty() {
		return nil
	}
	cols := maps.Clone(d.cols)
	cols["version"] = gorm.Expr("version + 1")
	if tablesWithUpdatedAt[table] {
		cols["updated_at"] = s.Now()
	}
	res := tx.Table(table).Where("id = ? AND version = ?", id, version).Updates(cols)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return staleVersion(*ver)
	}
	*ver = version + 1
	return record(tx, s.Now(), actor, tracker.ActionUpdate, entity, id, branch, subject, d.changes)
}

func staleVersion(current int64) error {
	return tracker.Errorf(tracker.ECodeVersionMismatch, "the item changed since you read it (now at version %d); reload it and apply your change again", current)
}

// activityRow is how an Activity is stored.
type activityRow = tracker.Activity

// record appends one row to the activity trail.
func record(tx *gorm.DB, now time.Time, actor *tracker.User, action, entity string, id int64, branch, subject *int64, changes map[string]tracker.Change) error {
	a := activityRow{Action: action, EntityType: entity, EntityID: id, BranchID: branch, SubjectID: subject, Changes: changes, CreatedAt: now}
	if actor != nil {
		a.ActorID = &actor.ID
	}
	if a.Changes == nil {
		a.Changes = map[string]tracker.Change{}
	}
	if err := tx.Table("activities").Create(&a).Error; err != nil {
		return fmt.Errorf("record activity: %w", err)
	}
	return nil
}

// created and deleted turn a set of fields into changes from or to nothing.
func created(fields map[string]any) map[string]tracker.Change {
	out := map[string]tracker.Change{}
	for k, v := range fields {
		if v == nil || (reflect.ValueOf(v).Kind() == reflect.Pointer && reflect.ValueOf(v).IsNil()) {
			continue
		}
		out[k] = tracker.Change{After: v}
	}
	return out
}

func deleted(fields map[string]any) map[string]tracker.Change {
	out := map[string]tracker.Change{}
	for k, v := range fields {
		out[k] = tracker.Change{Before: v}
	}
	return out
}

// uniqueAs turns a unique violation into a conflict naming field.
func uniqueAs(err error, field, msg string) error {
	if isUnique(err) {
		return &tracker.Error{Code: tracker.ECodeConflict, Message: msg, Fields: map[string]string{field: msg}}
	}
	return err
}
