package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// createChecklist copies the checklist template of p's branch into p's
// checklist, dated from p's dates.
func (s *Store) createChecklist(tx *gorm.DB, actor *tracker.User, p *tracker.Placement) error {
	var tpl []tracker.ChecklistTemplateItem
	if err := tx.Where("branch_id = ?", p.BranchID).Order(templateOrder).Find(&tpl).Error; err != nil {
		return err
	}
	for _, t := range tpl {
		it := tracker.ChecklistItem{PlacementID: p.ID, TemplateID: &t.ID, Title: t.Title, Phase: t.Phase, Anchor: t.Anchor,
			OffsetDays: t.OffsetDays, DueDate: p.ChecklistDue(t.Anchor, t.OffsetDays), Version: 1}
		if err := tx.Create(&it).Error; err != nil {
			return err
		}
		err := record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityChecklistItem, it.ID, &p.BranchID, &p.InternID,
			created(map[string]any{"placement_id": p.ID, "title": it.Title, "phase": it.Phase, "due_date": it.DueDate.String()}))
		if err != nil {
			return err
		}
	}
	return nil
}

// redateChecklist moves the due dates of p's checklist items not yet done
// to where p's new dates put them.
func (s *Store) redateChecklist(tx *gorm.DB, actor *tracker.User, p *tracker.Placement) error {
	var items []tracker.ChecklistItem
	if err := tx.Where("placement_id = ? AND done_at IS NULL", p.ID).Order("id").Find(&items).Error; err != nil {
		return err
	}
	for i := range items {
		it := &items[i]
		d := diff{}
		d.date("due_date", &it.DueDate, tracker.Of(p.ChecklistDue(it.Anchor, it.OffsetDays)))
		if err := s.update(tx, actor, "checklist_items", tracker.EntityChecklistItem, it.ID, it.Version, d, &it.Version, &p.BranchID, &p.InternID); err != nil {
			return err
		}
	}
	return nil
}

// describeChecklist fills the derived fields of items as of today.
func describeChecklist(db *gorm.DB, today tracker.Date, items ...*tracker.ChecklistItem) error {
	n := new(namer)
	for _, it := range items {
		it.Overdue = it.DoneAt == nil && it.DueDate.Before(today)
		n.nullable(it.DoneBy, &it.DoneByName)
	}
	return n.fill(db)
}

// Checklist lists the checklist of a placement actor may read, by due
// date.
func (s *Store) Checklist(ctx context.Context, actor *tracker.User, placementID int64) ([]tracker.ChecklistItem, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	var out []tracker.ChecklistItem
	err := db.Where("placement_id = ?", placementID).Order("due_date, id").Find(&out).Error
	if err == nil {
		err = describeChecklist(db, s.Today(), ptrs(out)...)
	}
	if err != nil {
		return nil, fmt.Errorf("store: checklist: %w", err)
	}
	return out, nil
}

// ChecklistItem returns item id of a placement actor may read; an item of
// another placement is not found.
func (s *Store) ChecklistItem(ctx context.Context, actor *tracker.User, placementID, id int64) (*tracker.ChecklistItem, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	var it tracker.ChecklistItem
	if err := db.Where("placement_id = ?", placementID).First(&it, id).Error; err != nil {
		return nil, notFound(err, "checklist item")
	}
	if err := describeChecklist(db, s.Today(), &it); err != nil {
		return nil, fmt.Errorf("store: checklist item: %w", err)
	}
	return &it, nil
}

// checklistWriter loads, for a write, item id of placement placementID and
// the placement, after checking that actor may tick its checklist. Every
// write to a placement's checklist goes through it, so that a rule about
// when a placement's checklist may change lives in one place.
func checklistWriter(tx *gorm.DB, actor *tracker.User, placementID, id int64) (*tracker.Placement, *tracker.ChecklistItem, error) {
	var p tracker.Placement
	if err := loadPlacement(tx, actor, placementID, &p); err != nil {
		return nil, nil, err
	}
	var it tracker.ChecklistItem
	if err := tx.Where("placement_id = ?", placementID).First(&it, id).Error; err != nil {
		return nil, nil, notFound(err, "checklist item")
	}
	if !actor.CanTickChecklist(&p) {
		return nil, nil, tracker.Forbidden("only the intern, a supervisor of the branch or an admin may tick this checklist")
	}
	if err := ensurePlacementOpen(&p); err != nil {
		return nil, nil, err
	}
	return &p, &it, nil
}

// TickChecklistItem marks a checklist item done by actor now (done true)
// or not done (false), if its version is still version.
func (s *Store) TickChecklistItem(ctx context.Context, actor *tracker.User, placementID, id, version int64, done bool) (*tracker.ChecklistItem, error) {
	var it *tracker.ChecklistItem
	err := s.write(ctx, func(tx *gorm.DB) error {
		p, loaded, err := checklistWriter(tx, actor, placementID, id)
		if err != nil {
			return err
		}
		it = loaded
		d := diff{}
		if done != (it.DoneAt != nil) {
			var doneAt *time.Time
			var doneBy *int64
			var after, by any
			if done {
				// The database keeps microseconds; answer what it keeps.
				now := s.Now().Truncate(time.Microsecond)
				doneAt, doneBy, after, by = &now, &actor.ID, now, actor.ID
			}
			d.put("done_at", timeOrNil(it.DoneAt), after)
			d.put("done_by", int64OrNil(it.DoneBy), by)
			it.DoneAt, it.DoneBy = doneAt, doneBy
		}
		if err := s.update(tx, actor, "checklist_items", tracker.EntityChecklistItem, id, version, d, &it.Version, &p.BranchID, &p.InternID); err != nil {
			return err
		}
		return describeChecklist(tx, s.Today(), it)
	})
	if err != nil {
		return nil, fmt.Errorf("store: tick checklist item: %w", err)
	}
	return it, nil
}

// int64OrNil returns *v, or nil for a nil v, for the activity trail.
func int64OrNil(v *int64) any {
	if v == nil {
		return nil
	}
	return *v
}

// checklistOverdue counts, per placement of ids, the checklist items not
// done and due before today.
func checklistOverdue(db *gorm.DB, today tracker.Date, ids []int64) (map[int64]int, error) {
	var rows []struct {
		PlacementID int64
		N           int64
	}
	err := db.Table("checklist_items").Select("placement_id, COUNT(*) AS n").
		Where("placement_id IN ? AND done_at IS NULL AND due_date < ?", ids, today).
		Group("placement_id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("checklist overdue: %w", err)
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.PlacementID] = int(r.N)
	}
	return out, nil
}
