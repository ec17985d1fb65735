package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// ActivityFilter narrows the activity trail.
type ActivityFilter struct {
	EntityType                  string
	EntityID, ActorID, BranchID int64
	Page                        Page
}

// EntityTypes lists the entity types the activity trail names.
var EntityTypes = []string{
	tracker.EntityUser, tracker.EntityBranch, tracker.EntityTag, tracker.EntityPlacement, tracker.EntityMilestone,
	tracker.EntityProject, tracker.EntityTask, tracker.EntityProgress, tracker.EntityComment,
	tracker.EntityObjective,
	tracker.EntityReport,
	tracker.EntityChecklistTemplate, tracker.EntityChecklistItem,
}

// The entity types of the trail, by who may read their rows.
var (
	// workEntities are read by whoever reads the work of their branch.
	workEntities = []string{tracker.EntityProject, tracker.EntityTask, tracker.EntityProgress, tracker.EntityComment}
	// personEntities concern one person: the user, or the intern of a
	// placement, milestone or checklist item (the row's subject); or one
	// branch's own settings, its checklist template (no subject), read by
	// that branch's supervisors.
	personEntities = []string{tracker.EntityUser, tracker.EntityPlacement, tracker.EntityMilestone,
		tracker.EntityObjective, tracker.EntityReport, tracker.EntityChecklistItem, tracker.EntityChecklistTemplate}
	// referenceEntities are the division's reference data, read by all.
	referenceEntities = []string{tracker.EntityTag, tracker.EntityBranch}
)

var activitySorts = map[string]string{"created_at": "activities.created_at", "id": "activities.id"}

// visibleActivity narrows q to the rows of the trail actor may read,
// following the rights to read the entities themselves.
func visibleActivity(q *gorm.DB, actor *tracker.User) *gorm.DB {
	switch actor.Role {
	case tracker.RoleAdmin, tracker.RoleLeadership:
		return q
	case tracker.RoleSupervisor:
		return q.Where("(activities.entity_type IN ? OR activities.entity_type IN ? OR "+
			"(activities.entity_type IN ? AND (activities.branch_id = ? OR activities.subject_id = ?)))",
			workEntities, referenceEntities, personEntities, branchOf(actor), actor.ID)
	}
	return q.Where("((activities.entity_type IN ? AND activities.branch_id = ?) OR activities.entity_type IN ? OR "+
		"(activities.entity_type IN ? AND activities.subject_id = ?))",
		workEntities, branchOf(actor), referenceEntities, personEntities, actor.ID)
}

// Activity lists the rows of the activity trail actor may read, newest
// first.
func (s *Store) Activity(ctx context.Context, actor *tracker.User, f ActivityFilter) ([]tracker.Activity, int64, error) {
	db := s.read(ctx)
	q := visibleActivity(db.Model(&tracker.Activity{}), actor)
	if f.EntityType != "" {
		q = q.Where("activities.entity_type = ?", f.EntityType)
	}
	q = whereIDs(q, "activities", idEq{"entity_id", f.EntityID}, idEq{"actor_id", f.ActorID}, idEq{"branch_id", f.BranchID})
	var out []tracker.Activity
	total, err := list(ctx, q, f.Page, "-created_at,-id", activitySorts, "activities", &out)
	if err == nil {
		err = new(namer).activity(ptrs(out)...).fill(db)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: activity: %w", err)
	}
	return out, total, nil
}
