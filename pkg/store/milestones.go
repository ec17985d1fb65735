package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// MilestonePatch is the input of UpdateMilestone; nil fields are left
// alone. Done true marks the milestone done now; false reopens it.
type MilestonePatch struct {
	Done    *bool
	DueDate *tracker.Date
}

// createMilestones adds the three milestones of a new placement p.
func (s *Store) createMilestones(tx *gorm.DB, actor *tracker.User, p *tracker.Placement) error {
	ms := p.Milestones()
	if err := tx.Create(&ms).Error; err != nil {
		return err
	}
	for _, m := range ms {
		err := record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityMilestone, m.ID, &p.BranchID, &p.InternID,
			created(map[string]any{"placement_id": m.PlacementID, "kind": m.Kind, "due_date": m.DueDate.String()}))
		if err != nil {
			return err
		}
	}
	return nil
}

// redateMilestones moves the due dates of p's milestones not yet done to
// where p's new dates put them.
func (s *Store) redateMilestones(tx *gorm.DB, actor *tracker.User, p *tracker.Placement) error {
	due := map[string]tracker.Date{}
	for _, m := range p.Milestones() {
		due[m.Kind] = m.DueDate
	}
	var ms []tracker.Milestone
	if err := tx.Where("placement_id = ? AND done_at IS NULL", p.ID).Order("id").Find(&ms).Error; err != nil {
		return err
	}
	for i := range ms {
		m := &ms[i]
		nd, ok := due[m.Kind]
		if !ok {
			continue
		}
		d := diff{}
		d.date("due_date", &m.DueDate, tracker.Of(nd))
		if err := s.update(tx, actor, "milestones", tracker.EntityMilestone, m.ID, m.Version, d, &m.Version, &p.BranchID, &p.InternID); err != nil {
			return err
		}
	}
	return nil
}

// Milestones returns the milestones of a placement actor may read, by due
// date.
func (s *Store) Milestones(ctx context.Context, actor *tracker.User, placementID int64) ([]tracker.Milestone, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	var out []tracker.Milestone
	if err := db.Where("placement_id = ?", placementID).Order("due_date, id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("store: milestones: %w", err)
	}
	return out, nil
}

// Milestone returns milestone id of a placement actor may read. A
// milestone of another placement is not found.
func (s *Store) Milestone(ctx context.Context, actor *tracker.User, placementID, id int64) (*tracker.Milestone, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	var m tracker.Milestone
	if err := db.Where("placement_id = ?", placementID).First(&m, id).Error; err != nil {
		return nil, notFound(err, "milestone")
	}
	return &m, nil
}

// UpdateMilestone marks a milestone done or not done, or moves its due
// date within the placement, if its version is still version.
func (s *Store) UpdateMilestone(ctx context.Context, actor *tracker.User, placementID, id, version int64, in MilestonePatch) (*tracker.Milestone, error) {
	var m tracker.Milestone
	err := s.write(ctx, func(tx *gorm.DB) error {
		var p tracker.Placement
		if err := loadPlacement(tx, actor, placementID, &p); err != nil {
			return err
		}
		if err := tx.Where("placement_id = ?", placementID).First(&m, id).Error; err != nil {
			return notFound(err, "milestone")
		}
		if !actor.CanManagePlacements(p.BranchID) {
			return tracker.Forbidden("only an admin or a supervisor of the branch may change milestones")
		}
		if err := ensurePlacementOpen(&p); err != nil {
			return err
		}
		if in.DueDate != nil && (in.DueDate.IsZero() || in.DueDate.Before(p.StartDate) || in.DueDate.After(p.EndDate)) {
			return tracker.Invalid("due_date", "must be a date within the placement, "+p.StartDate.String()+" to "+p.EndDate.String())
		}
		d := diff{}
		if in.DueDate != nil {
			d.date("due_date", &m.DueDate, tracker.Of(*in.DueDate))
		}
		if in.Done != nil && *in.Done != (m.DoneAt != nil) {
			var after any
			var doneAt *time.Time
			if *in.Done {
				// The database keeps microseconds; answer what it keeps.
				now := s.Now().Truncate(time.Microsecond)
				doneAt, after = &now, now
			}
			d.put("done_at", timeOrNil(m.DoneAt), after)
			m.DoneAt = doneAt
		}
		return s.update(tx, actor, "milestones", tracker.EntityMilestone, id, version, d, &m.Version, &p.BranchID, &p.InternID)
	})
	if err != nil {
		return nil, fmt.Errorf("store: update milestone: %w", err)
	}
	return &m, nil
}

// timeOrNil returns *t, or nil for a nil t, for the activity trail.
func timeOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}
