package tracker

import (
	"time"
)

// ReportState is where a weekly report stands in its review.
type ReportState string

// Weekly report states.
const (
	ReportDraft         ReportState = "draft"
	ReportSubmitted     ReportState = "submitted"
	ReportAccepted      ReportState = "accepted"
	ReportNeedsRevision ReportState = "needs_revision"
)

// ReportStates lists the states of a weekly report, in workflow order.
var ReportStates = []ReportState{ReportDraft, ReportSubmitted, ReportAccepted, ReportNeedsRevision}

// Valid reports whether s is a state of the report workflow.
func (s ReportState) Valid() bool {
	for _, v := range ReportStates {
		if s == v {
			return true
		}
	}
	return false
}

// Editable reports whether the intern may still change a report's text in
// state s.
func (s ReportState) Editable() bool { return s == ReportDraft || s == ReportNeedsRevision }

// WeeklyReport is an intern's short summary of one ISO week of a
// placement: what was done, what comes next, what blocks. Week is the
// Monday of that week; a placement has at most one report per week.
type WeeklyReport struct {
	ID            int64       `json:"id" gorm:"primaryKey"`
	PlacementID   int64       `json:"placement_id"`
	InternID      int64       `json:"intern_id"`
	BranchID      int64       `json:"branch_id"`
	Week          Date        `json:"week"`
	Done          string      `json:"done"`
	Next          string      `json:"next"`
	Blockers      string      `json:"blockers"`
	State         ReportState `json:"state"`
	ReviewComment string      `json:"review_comment"`
	ReviewerID    *int64      `json:"reviewer_id"`
	SubmittedAt   *time.Time  `json:"submitted_at"`
	ReviewedAt    *time.Time  `json:"reviewed_at"`
	Version       int64       `json:"version"`
	CreatedAt     time.Time   `json:"created_at"`
	UpdatedAt     time.Time   `json:"updated_at"`

	InternName   string  `json:"intern_name" gorm:"-"`
	ReviewerName *string `json:"reviewer_name" gorm:"-"`
}

// TableName is the table of weekly reports.
func (WeeklyReport) TableName() string { return "weekly_reports" }

// ReportActor is the capacity in which someone acts on a weekly report.
type ReportActor int

// Report actors: the placement's intern writes and submits; a reviewer (a
// supervisor of the placement's branch, or an admin) accepts or sends
// back; everyone else who may read the report only reads.
const (
	ReportReader ReportActor = iota
	ReportAuthor
	ReportReviewer
)

// reportMoves is the report workflow: for each move, who may make it.
var reportMoves = map[[2]ReportState]ReportActor{
	{ReportDraft, ReportSubmitted}:         ReportAuthor,
	{ReportNeedsRevision, ReportSubmitted}: ReportAuthor,
	{ReportSubmitted, ReportAccepted}:      ReportReviewer,
	{ReportSubmitted, ReportNeedsRevision}: ReportReviewer,
}

// ReportActorFor says in which capacity u acts on a report of placement p.
func (u *User) ReportActorFor(p *Placement) ReportActor {
	switch {
	case u.Role == RoleIntern && p.InternID == u.ID:
		return ReportAuthor
	case u.CanManagePlacements(p.BranchID):
		return ReportReviewer
	}
	return ReportReader
}

// MoveReport checks that a moves a report from one state to another: a
// move outside the workflow is an invalid transition, a move of the
// workflow made by the wrong person is forbidden.
func MoveReport(from, to ReportState, a ReportActor) error {
	who, ok := reportMoves[[2]ReportState{from, to}]
	if !ok {
		return Errorf(ECodeInvalidTransition, "a weekly report cannot go from %s to %s", from, to)
	}
	if who != a {
		if who == ReportAuthor {
			return Forbidden("only the intern submits their weekly report")
		}
		return Forbidden("only a supervisor of the branch or an admin reviews a weekly report")
	}
	return nil
}

// WeekOf returns the Monday of d's ISO week.
func WeekOf(d Date) Date {
	wd := int(d.Time().Weekday()+6) % 7 // Monday 0 ... Sunday 6
	return d.AddDays(-wd)
}
