package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// maxPlacementFocus bounds the length of a placement's focus.
const maxPlacementFocus = 2000

// Placement dates lie within these, so that the dates derived from them
// (the default end, the milestones) stay four-digit years: dates are
// stored as YYYY-MM-DD text, compared and read back as such.
var (
	minPlacementDate = tracker.NewDate(1900, 1, 1)
	maxPlacementDate = tracker.NewDate(2999, 12, 31)
)

// NewPlacement is the input of CreatePlacement. A zero BranchID means the
// intern's branch; a zero EndDate means tracker.DefaultEnd(StartDate).
type NewPlacement struct {
	InternID     int64
	BranchID     int64
	SupervisorID int64
	StartDate    tracker.Date
	EndDate      tracker.Date
	Focus        string
}

// PlacementPatch is the input of UpdatePlacement; nil fields are left
// alone. The intern and the branch of a placement never change.
type PlacementPatch struct {
	SupervisorID *int64
	StartDate    *tracker.Date
	EndDate      *tracker.Date
	Focus        *string
}

// PlacementFilter narrows a placement list. State is upcoming, active or
// ended on the store's today.
type PlacementFilter struct {
	InternID     int64
	SupervisorID int64
	BranchID     int64
	State        string
	Page         Page
}

var placementSorts = map[string]string{
	"start_date": "placements.start_date", "end_date": "placements.end_date", "created_at": "placements.created_at",
}

// CreatePlacement places an intern in a branch under a supervisor and
// creates the placement's three milestones in the same transaction.
func (s *Store) CreatePlacement(ctx context.Context, actor *tracker.User, in NewPlacement) (*tracker.Placement, error) {
	// An admin manages every branch and a supervisor their own: asking
	// about the actor's own branch tells whether they manage any.
	if !actor.CanManagePlacements(branchOf(actor)) {
		return nil, tracker.Forbidden("only an admin or a supervisor may place interns")
	}
	if in.BranchID != 0 && !actor.CanManagePlacements(in.BranchID) {
		return nil, tracker.Forbidden("you may place interns only in your own branch")
	}
	p := tracker.Placement{InternID: in.InternID, BranchID: in.BranchID, SupervisorID: in.SupervisorID,
		StartDate: in.StartDate, EndDate: in.EndDate, Focus: strings.TrimSpace(in.Focus), Version: 1}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := checkNewPlacement(tx, actor, &p); err != nil {
			return err
		}
		if !actor.CanManagePlacements(p.BranchID) {
			return tracker.Forbidden("you may place interns only in your own branch")
		}
		if err := checkPlacementOverlap(tx, &p); err != nil {
			return err
		}
		if err := tx.Create(&p).Error; err != nil {
			return err
		}
		err := record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityPlacement, p.ID, &p.BranchID, &p.InternID, created(map[string]any{
			"intern_id": p.InternID, "branch_id": p.BranchID, "supervisor_id": p.SupervisorID,
			"start_date": p.StartDate.String(), "end_date": p.EndDate.String(), "focus": nullStr(p.Focus)}))
		if err != nil {
			return err
		}
		if err := s.createMilestones(tx, actor, &p); err != nil {
			return err
		}
		if err := s.createEvaluations(tx, actor, &p); err != nil {
			return err
		}
		if err := s.createChecklist(tx, actor, &p); err != nil {
			return err
		}
		return describePlacements(tx, s.Today(), &p)
	})
	if err != nil {
		return nil, fmt.Errorf("store: create placement: %w", err)
	}
	return &p, nil
}

// checkNewPlacement validates a new placement in tx and fills its branch
// and default end date.
func checkNewPlacement(tx *gorm.DB, actor *tracker.User, p *tracker.Placement) error {
	probs := tracker.Problems{}
	// The intern's row is locked so that two placements of one intern
	// cannot both pass the overlap check on PostgreSQL.
	intern := placementUser(tx.Clauses(clause.Locking{Strength: "UPDATE"}), actor, p.InternID)
	switch {
	case p.InternID == 0:
		probs.Add("intern_id", "is required")
	case intern == nil || intern.Role != tracker.RoleIntern || intern.BranchID == nil:
		probs.Add("intern_id", "no such intern")
	case !intern.Active:
		probs.Add("intern_id", "the intern's account is disabled")
	case p.BranchID == 0:
		p.BranchID = *intern.BranchID
	case p.BranchID != *intern.BranchID:
		probs.Add("branch_id", "must be the intern's branch")
	}
	if p.BranchID != 0 {
		checkPlacementSupervisor(tx, actor, probs, p.SupervisorID, p.BranchID)
	}
	if p.StartDate.IsZero() {
		probs.Add("start_date", "is required")
	} else if p.EndDate.IsZero() {
		p.EndDate = tracker.DefaultEnd(p.StartDate)
	}
	checkPlacementFields(probs, p)
	return probs.Err()
}

// checkPlacementFields checks what a placement's fields must satisfy
// whatever else changed.
func checkPlacementFields(probs tracker.Problems, p *tracker.Placement) {
	if !p.StartDate.IsZero() && !p.EndDate.IsZero() && !p.EndDate.After(p.StartDate) {
		probs.Add("end_date", "must be after start_date")
	}
	for field, d := range map[string]tracker.Date{"start_date": p.StartDate, "end_date": p.EndDate} {
		if !d.IsZero() && (d.Before(minPlacementDate) || d.After(maxPlacementDate)) {
			probs.Add(field, "must be a date from "+minPlacementDate.String()+" to "+maxPlacementDate.String())
		}
	}
	if len(p.Focus) > maxPlacementFocus {
		probs.Add("focus", fmt.Sprintf("must be at most %d characters", maxPlacementFocus))
	}
}

// placementUser returns user id if it exists and actor may see it, else nil.
func placementUser(tx *gorm.DB, actor *tracker.User, id int64) *tracker.User {
	if id == 0 {
		return nil
	}
	var u tracker.User
	if err := tx.First(&u, id).Error; err != nil || !actor.CanReadUser(&u) {
		return nil
	}
	return &u
}

// checkPlacementSupervisor records a problem unless id is an active
// supervisor of branch whom actor may see.
func checkPlacementSupervisor(tx *gorm.DB, actor *tracker.User, probs tracker.Problems, id, branch int64) {
	if id == 0 {
		probs.Add("supervisor_id", "is required")
		return
	}
	u := placementUser(tx, actor, id)
	if u == nil || u.Role != tracker.RoleSupervisor || !u.Active || !u.InBranch(branch) {
		probs.Add("supervisor_id", "no such active supervisor in the placement's branch")
	}
}

// checkPlacementOverlap refuses a placement whose dates meet another
// placement of the same intern.
func checkPlacementOverlap(tx *gorm.DB, p *tracker.Placement) error {
	q := tx.Model(&tracker.Placement{}).
		Where("intern_id = ? AND start_date <= ? AND end_date >= ?", p.InternID, p.EndDate, p.StartDate)
	if p.ID != 0 {
		q = q.Where("id <> ?", p.ID)
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		msg := "overlaps another placement of this intern"
		return &tracker.Error{Code: tracker.ECodeConflict, Message: "the intern has another placement in these dates",
			Fields: map[string]string{"start_date": msg}}
	}
	return nil
}

// loadPlacement reads placement id into p; a placement actor may not read
// is not found.
func loadPlacement(db *gorm.DB, actor *tracker.User, id int64, p *tracker.Placement) error {
	if err := db.First(p, id).Error; err != nil {
		return notFound(err, "placement")
	}
	if !actor.CanReadPlacement(p) {
		return tracker.NotFound("placement")
	}
	return nil
}

// UpdatePlacement changes a placement whose version is still version.
// Moving its dates re-dates the milestones not yet done.
func (s *Store) UpdatePlacement(ctx context.Context, actor *tracker.User, id, version int64, in PlacementPatch) (*tracker.Placement, error) {
	var p tracker.Placement
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := loadPlacement(tx, actor, id, &p); err != nil {
			return err
		}
		if !actor.CanManagePlacements(p.BranchID) {
			return tracker.Forbidden("only an admin or a supervisor of the branch may change this placement")
		}
		if err := ensurePlacementOpen(&p); err != nil {
			return err
		}
		d, err := placementDiff(tx, actor, &p, in)
		if err != nil {
			return err
		}
		_, startMoved := d.cols["start_date"]
		_, endMoved := d.cols["end_date"]
		if startMoved || endMoved {
			if err := checkPlacementOverlap(tx, &p); err != nil {
				return err
			}
		}
		if err := s.update(tx, actor, "placements", tracker.EntityPlacement, id, version, d, &p.Version, &p.BranchID, &p.InternID); err != nil {
			return err
		}
		if !d.empty() {
			p.UpdatedAt = s.Now().Truncate(time.Microsecond)
		}
		if startMoved || endMoved {
			if err := s.redateMilestones(tx, actor, &p); err != nil {
				return err
			}
			if err := s.redateChecklist(tx, actor, &p); err != nil {
				return err
			}
		}
		return describePlacements(tx, s.Today(), &p)
	})
	if err != nil {
		return nil, fmt.Errorf("store: update placement: %w", err)
	}
	return &p, nil
}

// placementDiff validates in against p, applies it to p and returns the
// columns to write.
func placementDiff(tx *gorm.DB, actor *tracker.User, p *tracker.Placement, in PlacementPatch) (diff, error) {
	probs := tracker.Problems{}
	if in.SupervisorID != nil && *in.SupervisorID != p.SupervisorID {
		checkPlacementSupervisor(tx, actor, probs, *in.SupervisorID, p.BranchID)
	}
	if in.StartDate != nil && in.StartDate.IsZero() {
		probs.Add("start_date", "must be a date")
	}
	if in.EndDate != nil && in.EndDate.IsZero() {
		probs.Add("end_date", "must be a date")
	}
	var focus *string
	if in.Focus != nil {
		f := strings.TrimSpace(*in.Focus)
		focus = &f
	}
	d := diff{}
	set(&d, "supervisor_id", &p.SupervisorID, in.SupervisorID)
	if in.StartDate != nil && !in.StartDate.IsZero() {
		d.date("start_date", &p.StartDate, tracker.Of(*in.StartDate))
	}
	if in.EndDate != nil && !in.EndDate.IsZero() {
		d.date("end_date", &p.EndDate, tracker.Of(*in.EndDate))
	}
	d.str("focus", &p.Focus, focus)
	checkPlacementFields(probs, p)
	return d, probs.Err()
}

// DeletePlacement removes a placement and its milestones.
func (s *Store) DeletePlacement(ctx context.Context, actor *tracker.User, id int64) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		var p tracker.Placement
		if err := loadPlacement(tx, actor, id, &p); err != nil {
			return err
		}
		if !actor.CanManagePlacements(p.BranchID) {
			return tracker.Forbidden("only an admin or a supervisor of the branch may delete this placement")
		}
		if err := ensurePlacementOpen(&p); err != nil {
			return err
		}
		if err := tx.Where("placement_id = ?", id).Delete(&tracker.Milestone{}).Error; err != nil {
			return err
		}
		if err := tx.Where("placement_id = ?", id).Delete(&tracker.ChecklistItem{}).Error; err != nil {
			return err
		}
		if err := tx.Delete(&p).Error; err != nil {
			return err
		}
		return record(tx, s.Now(), actor, tracker.ActionDelete, tracker.EntityPlacement, id, &p.BranchID, &p.InternID, deleted(map[string]any{
			"intern_id": p.InternID, "supervisor_id": p.SupervisorID, "start_date": p.StartDate.String(), "end_date": p.EndDate.String()}))
	})
	if err != nil {
		return fmt.Errorf("store: delete placement: %w", err)
	}
	return nil
}

// Placement returns placement id, with its derived fields, if actor may
// read it.
func (s *Store) Placement(ctx context.Context, actor *tracker.User, id int64) (*tracker.Placement, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, id, &p); err != nil {
		return nil, err
	}
	if err := describePlacements(db, s.Today(), &p); err != nil {
		return nil, fmt.Errorf("store: placement: %w", err)
	}
	return &p, nil
}

// Placements lists the placements actor may read, newest start first by
// default, with the derived fields of the whole page filled by grouped
// queries.
func (s *Store) Placements(ctx context.Context, actor *tracker.User, f PlacementFilter) ([]tracker.Placement, int64, error) {
	db := s.read(ctx)
	today := s.Today()
	q, err := placementQuery(db, actor, f, today)
	if err != nil {
		return nil, 0, err
	}
	var out []tracker.Placement
	total, err := list(ctx, q, f.Page, "-start_date", placementSorts, "placements", &out)
	if err != nil {
		return nil, 0, fmt.Errorf("store: placements: %w", err)
	}
	if err := describePlacements(db, today, ptrs(out)...); err != nil {
		return nil, 0, fmt.Errorf("store: placements: %w", err)
	}
	return out, total, nil
}

// placementQuery scopes the placements to what actor may read and applies
// f's filters; an id in f that names nothing actor may see is invalid.
func placementQuery(db *gorm.DB, actor *tracker.User, f PlacementFilter, today tracker.Date) (*gorm.DB, error) {
	q := db.Model(&tracker.Placement{})
	switch actor.Role {
	case tracker.RoleAdmin, tracker.RoleLeadership:
	case tracker.RoleSupervisor:
		q = q.Where("placements.branch_id = ?", branchOf(actor))
	default:
		q = q.Where("placements.intern_id = ?", actor.ID)
	}
	probs := tracker.Problems{}
	if f.InternID != 0 {
		if placementUser(db, actor, f.InternID) == nil {
			probs.Add("intern_id", "no such intern")
		}
		q = q.Where("placements.intern_id = ?", f.InternID)
	}
	if f.SupervisorID != 0 {
		if placementUser(db, actor, f.SupervisorID) == nil {
			probs.Add("supervisor_id", "no such supervisor")
		}
		q = q.Where("placements.supervisor_id = ?", f.SupervisorID)
	}
	if f.BranchID != 0 {
		var n int64
		if err := db.Table("branches").Where("id = ?", f.BranchID).Count(&n).Error; err != nil {
			return nil, err
		}
		if n == 0 {
			probs.Add("branch_id", "no such branch")
		}
		q = q.Where("placements.branch_id = ?", f.BranchID)
	}
	switch tracker.PlacementState(f.State) {
	case "":
	case tracker.PlacementUpcoming:
		q = q.Where("placements.start_date > ?", today)
	case tracker.PlacementActive:
		q = q.Where("placements.start_date <= ? AND placements.end_date >= ?", today, today)
	case tracker.PlacementEnded:
		q = q.Where("placements.end_date < ?", today)
	default:
		probs.Add("state", "must be upcoming, active or ended")
	}
	return q, probs.Err()
}
