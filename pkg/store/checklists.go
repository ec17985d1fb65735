package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// maxChecklistTitle bounds the title of a checklist item.
const maxChecklistTitle = 200

// ChecklistTemplateInput is the input of CreateChecklistTemplateItem (all
// fields required) and UpdateChecklistTemplateItem (nil fields are left
// alone).
type ChecklistTemplateInput struct {
	Title      *string
	Phase      *string
	Anchor     *string
	OffsetDays *int
}

// ChecklistTemplate lists the checklist template of branch, by phase, due
// offset and id: leadership and admins read every branch's, a supervisor
// their own.
func (s *Store) ChecklistTemplate(ctx context.Context, actor *tracker.User, branch int64) ([]tracker.ChecklistTemplateItem, error) {
	db := s.read(ctx)
	if err := templateBranch(db, actor, branch, false); err != nil {
		return nil, err
	}
	var out []tracker.ChecklistTemplateItem
	if err := db.Where("branch_id = ?", branch).Order(templateOrder).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("store: checklist template: %w", err)
	}
	return out, nil
}

// templateOrder sorts onboarding before offboarding, then by anchor and
// offset, as a reader expects a checklist.
const templateOrder = "phase DESC, anchor DESC, offset_days, id"

// templateBranch checks that branch exists and that actor may read (or,
// with write, change) its checklist template.
func templateBranch(db *gorm.DB, actor *tracker.User, branch int64, write bool) error {
	var n int64
	if err := db.Model(&tracker.Branch{}).Where("id = ?", branch).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return tracker.NotFound("branch")
	}
	if !actor.CanReadChecklistTemplate(branch) {
		return tracker.Forbidden("only leadership, admins and the branch's supervisors may read its checklist template")
	}
	if write && !actor.CanManageUsers() {
		return tracker.Forbidden("only an admin may change a checklist template")
	}
	return nil
}

// loadTemplateItem reads template item id of branch.
func loadTemplateItem(db *gorm.DB, actor *tracker.User, branch, id int64, write bool) (*tracker.ChecklistTemplateItem, error) {
	if err := templateBranch(db, actor, branch, write); err != nil {
		return nil, err
	}
	var t tracker.ChecklistTemplateItem
	if err := db.Where("branch_id = ?", branch).First(&t, id).Error; err != nil {
		return nil, notFound(err, "checklist template item")
	}
	return &t, nil
}

// ChecklistTemplateItem returns item id of branch's checklist template.
func (s *Store) ChecklistTemplateItem(ctx context.Context, actor *tracker.User, branch, id int64) (*tracker.ChecklistTemplateItem, error) {
	return loadTemplateItem(s.read(ctx), actor, branch, id, false)
}

// checkTemplateInput validates in; required says every field must be set.
func checkTemplateInput(in ChecklistTemplateInput, required bool) error {
	p := tracker.Problems{}
	in.Title = trimmed(in.Title)
	checkText(p, "title", in.Title, maxChecklistTitle, required)
	switch {
	case in.Phase == nil && required:
		p.Add("phase", "is required")
	case in.Phase != nil && !tracker.ValidPhase(*in.Phase):
		p.Add("phase", "must be onboarding or offboarding")
	}
	switch {
	case in.Anchor == nil && required:
		p.Add("anchor", "is required")
	case in.Anchor != nil && !tracker.ValidAnchor(*in.Anchor):
		p.Add("anchor", "must be start or end")
	}
	switch {
	case in.OffsetDays == nil && required:
		p.Add("offset_days", "is required")
	case in.OffsetDays != nil && (*in.OffsetDays < -tracker.MaxChecklistOffset || *in.OffsetDays > tracker.MaxChecklistOffset):
		p.Add("offset_days", fmt.Sprintf("must be from %d to %d", -tracker.MaxChecklistOffset, tracker.MaxChecklistOffset))
	}
	return p.Err()
}

// CreateChecklistTemplateItem adds an item to branch's checklist template;
// placements created from now on get it. Admins only.
func (s *Store) CreateChecklistTemplateItem(ctx context.Context, actor *tracker.User, branch int64, in ChecklistTemplateInput) (*tracker.ChecklistTemplateItem, error) {
	var t tracker.ChecklistTemplateItem
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := templateBranch(tx, actor, branch, true); err != nil {
			return err
		}
		if err := checkTemplateInput(in, true); err != nil {
			return err
		}
		now := s.Now().Truncate(time.Microsecond)
		t = tracker.ChecklistTemplateItem{BranchID: branch, Title: strings.TrimSpace(*in.Title), Phase: *in.Phase,
			Anchor: *in.Anchor, OffsetDays: *in.OffsetDays, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(&t).Error; err != nil {
			return err
		}
		return record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityChecklistTemplate, t.ID, &branch, nil,
			created(map[string]any{"branch_id": branch, "title": t.Title, "phase": t.Phase, "anchor": t.Anchor, "offset_days": t.OffsetDays}))
	})
	if err != nil {
		return nil, fmt.Errorf("store: create checklist template item: %w", err)
	}
	return &t, nil
}

// UpdateChecklistTemplateItem changes a template item whose version is
// still version. The items already copied into placements stay as they
// were.
func (s *Store) UpdateChecklistTemplateItem(ctx context.Context, actor *tracker.User, branch, id, version int64, in ChecklistTemplateInput) (*tracker.ChecklistTemplateItem, error) {
	var t *tracker.ChecklistTemplateItem
	err := s.write(ctx, func(tx *gorm.DB) error {
		var err error
		if t, err = loadTemplateItem(tx, actor, branch, id, true); err != nil {
			return err
		}
		if err := checkTemplateInput(in, false); err != nil {
			return err
		}
		d := diff{}
		d.str("title", &t.Title, trimmed(in.Title))
		d.str("phase", &t.Phase, in.Phase)
		d.str("anchor", &t.Anchor, in.Anchor)
		set(&d, "offset_days", &t.OffsetDays, in.OffsetDays)
		if !d.empty() {
			now := s.Now().Truncate(time.Microsecond)
			d.cols["updated_at"] = now
			t.UpdatedAt = now
		}
		return s.update(tx, actor, "checklist_template_items", tracker.EntityChecklistTemplate, id, version, d, &t.Version, &branch, nil)
	})
	if err != nil {
		return nil, fmt.Errorf("store: update checklist template item: %w", err)
	}
	return t, nil
}

// DeleteChecklistTemplateItem removes an item from branch's template; the
// placements that copied it keep their item.
func (s *Store) DeleteChecklistTemplateItem(ctx context.Context, actor *tracker.User, branch, id int64) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		t, err := loadTemplateItem(tx, actor, branch, id, true)
		if err != nil {
			return err
		}
		if err := tx.Model(&tracker.ChecklistItem{}).Where("template_id = ?", id).Update("template_id", nil).Error; err != nil {
			return err
		}
		if err := tx.Delete(&tracker.ChecklistTemplateItem{}, id).Error; err != nil {
			return err
		}
		return record(tx, s.Now(), actor, tracker.ActionDelete, tracker.EntityChecklistTemplate, id, &branch, nil,
			deleted(map[string]any{"branch_id": branch, "title": t.Title, "phase": t.Phase, "anchor": t.Anchor, "offset_days": t.OffsetDays}))
	})
	if err != nil {
		return fmt.Errorf("store: delete checklist template item: %w", err)
	}
	return nil
}
