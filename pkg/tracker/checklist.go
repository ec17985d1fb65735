package tracker

import "time"

// Checklist phases: an item belongs to the start or to the end of a
// placement.
const (
	PhaseOnboarding  = "onboarding"
	PhaseOffboarding = "offboarding"
)

// Checklist anchors: the placement date an item's due date counts from.
const (
	AnchorStart = "start"
	AnchorEnd   = "end"
)

// MaxChecklistOffset bounds how many days before or after its anchor an
// item may fall: a placement lasts about six months.
const MaxChecklistOffset = 366

// ValidPhase reports whether p is a checklist phase.
func ValidPhase(p string) bool { return p == PhaseOnboarding || p == PhaseOffboarding }

// ValidAnchor reports whether a is a checklist anchor.
func ValidAnchor(a string) bool { return a == AnchorStart || a == AnchorEnd }

// ChecklistTemplateItem is one item of a branch's checklist template, which
// every new placement of the branch copies.
type ChecklistTemplateItem struct {
	ID         int64     `json:"id" gorm:"primaryKey"`
	BranchID   int64     `json:"branch_id"`
	Title      string    `json:"title"`
	Phase      string    `json:"phase"`
	Anchor     string    `json:"anchor"`
	OffsetDays int       `json:"offset_days"`
	Version    int64     `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// ChecklistItem is one item of a placement's onboarding or offboarding
// checklist, copied from the branch's template when the placement was
// created. DueDate follows the placement's dates while the item is not
// done.
type ChecklistItem struct {
	ID          int64      `json:"id" gorm:"primaryKey"`
	PlacementID int64      `json:"placement_id"`
	TemplateID  *int64     `json:"template_id"`
	Title       string     `json:"title"`
	Phase       string     `json:"phase"`
	Anchor      string     `json:"anchor"`
	OffsetDays  int        `json:"offset_days"`
	DueDate     Date       `json:"due_date"`
	DoneAt      *time.Time `json:"done_at"`
	DoneBy      *int64     `json:"done_by"`
	Version     int64      `json:"version"`

	// Overdue is derived: not done and due before today.
	Overdue bool `json:"overdue" gorm:"-"`
	// DoneByName names who ticked the item, for readers who may not read
	// that user.
	DoneByName *string `json:"done_by_name" gorm:"-"`
}

// ChecklistDue is the due date of an item anchored at anchor, offset days
// after it (before it when negative).
func (p *Placement) ChecklistDue(anchor string, offset int) Date {
	if anchor == AnchorEnd {
		return p.EndDate.AddDays(offset)
	}
	return p.StartDate.AddDays(offset)
}

// CanReadChecklistTemplate reports whether u may read the checklist
// template of branch: leadership and admins all, a supervisor their own.
func (u *User) CanReadChecklistTemplate(branch int64) bool {
	return u.IsStaffReader() || (u.Role == RoleSupervisor && u.InBranch(branch))
}

// CanTickChecklist reports whether u may tick or untick the checklist items
// of p: its intern, a supervisor of its branch, or an admin.
func (u *User) CanTickChecklist(p *Placement) bool {
	return u.CanManagePlacements(p.BranchID) || (u.Role == RoleIntern && p.InternID == u.ID)
}

// ChecklistOffTrack is how many overdue checklist items put a placement off
// track; one puts it at risk. Documented with the health rule in
// docs/architecture.md.
const ChecklistOffTrack = 3
