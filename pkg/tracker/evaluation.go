package tracker

import "time"

// Evaluation kinds: one of each per placement, due on its milestone.
const (
	EvalMidterm = "midterm"
	EvalFinal   = "final"
)

// EvalKindOf maps the milestone an evaluation is scheduled from to its
// kind; ok is false for a milestone that schedules none.
func EvalKindOf(milestoneKind string) (kind string, ok bool) {
	switch milestoneKind {
	case MilestoneMidterm:
		return EvalMidterm, true
	case MilestoneFinal:
		return EvalFinal, true
	}
	return "", false
}

// EvalState is where an evaluation stands.
type EvalState string

// Evaluation states, in order.
const (
	EvalDraft     EvalState = "draft"
	EvalSubmitted EvalState = "submitted"
	EvalReviewed  EvalState = "reviewed"
	EvalSigned    EvalState = "signed"
)

// Valid reports whether s is an evaluation state.
func (s EvalState) Valid() bool {
	switch s {
	case EvalDraft, EvalSubmitted, EvalReviewed, EvalSigned:
		return true
	}
	return false
}

// ECodeEvaluationSigned refuses every write to a signed evaluation (409).
const ECodeEvaluationSigned = "evaluation_signed"

// Competencies is the evaluation rubric, in the order it is shown. The
// names are keys: the SPA translates them.
var Competencies = []string{"analysis", "writing", "initiative", "teamwork", "subject_knowledge", "reliability"}

// ValidCompetency reports whether c is on the rubric.
func ValidCompetency(c string) bool {
	for _, v := range Competencies {
		if v == c {
			return true
		}
	}
	return false
}

// The four steps of the rubric's scale.
const (
	ScoreBelow      = 1 // below expectations
	ScoreDeveloping = 2
	ScoreMeets      = 3
	ScoreExceeds    = 4
)

// ValidScore reports whether n is a step of the scale.
func ValidScore(n int) bool { return n >= ScoreBelow && n <= ScoreExceeds }

// Rating is one competency's score (nil until given) and comment.
type Rating struct {
	Competency string `json:"competency"`
	Score      *int   `json:"score"`
	Comment    string `json:"comment"`
}

// Assessment is one side's view: a rating per competency, in rubric
// order, and an overall comment.
type Assessment struct {
	Ratings []Rating `json:"ratings"`
	Comment string   `json:"comment"`
}

// Complete reports whether every competency has a score.
func (a *Assessment) Complete() bool {
	for _, r := range a.Ratings {
		if r.Score == nil {
			return false
		}
	}
	return len(a.Ratings) == len(Competencies)
}

// EmptyAssessment returns an assessment with every competency unscored.
func EmptyAssessment() Assessment {
	a := Assessment{Ratings: make([]Rating, len(Competencies))}
	for i, c := range Competencies {
		a.Ratings[i] = Rating{Competency: c}
	}
	return a
}

// Evaluation is the mid-term or final evaluation of a placement: the
// intern's self-assessment beside the supervisor's. Its due date is its
// milestone's, read by join. A side the reader may not see yet is nil.
type Evaluation struct {
	ID          int64       `json:"id"`
	PlacementID int64       `json:"placement_id"`
	MilestoneID int64       `json:"milestone_id"`
	Kind        string      `json:"kind"`
	State       EvalState   `json:"state"`
	DueDate     Date        `json:"due_date"`
	Overdue     bool        `json:"overdue"`
	Self        *Assessment `json:"self"`
	Supervisor  *Assessment `json:"supervisor"`
	SubmittedAt *time.Time  `json:"submitted_at"`
	ReviewedAt  *time.Time  `json:"reviewed_at"`
	SignedAt    *time.Time  `json:"signed_at"`
	SignedBy    *int64      `json:"signed_by"`
	Version     int64       `json:"version"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`

	InternID       int64  `json:"intern_id"`
	InternName     string `json:"intern_name"`
	BranchID       int64  `json:"branch_id"`
	SupervisorID   int64  `json:"supervisor_id"`
	SupervisorName string `json:"supervisor_name"`
	SignedByName   string `json:"signed_by_name"`
}

// EvalDueDays is how far ahead an evaluation not yet signed counts as due.
const EvalDueDays = 14

// EvalSide is whose assessment a caller writes on an evaluation.
type EvalSide int

// The two sides: the placement's intern, and a reviewer (a supervisor of
// the placement's branch, or an admin).
const (
	EvalSelf EvalSide = iota + 1
	EvalReviewer
)

// EvalSideOf says in which capacity u acts on an evaluation of p; ok is
// false when u may write neither side (leadership, other supervisors).
func (u *User) EvalSideOf(p *Placement) (EvalSide, bool) {
	switch {
	case u.Role == RoleIntern && p.InternID == u.ID:
		return EvalSelf, true
	case u.CanManagePlacements(p.BranchID):
		return EvalReviewer, true
	}
	return 0, false
}

type evalMove struct{ from, to EvalState }

// evalMoves says who makes each move: the intern submits their
// self-assessment; a reviewer sends it back, marks it reviewed and signs.
var evalMoves = map[evalMove]EvalSide{
	{EvalDraft, EvalSubmitted}:    EvalSelf,
	{EvalSubmitted, EvalDraft}:    EvalReviewer,
	{EvalSubmitted, EvalReviewed}: EvalReviewer,
	{EvalReviewed, EvalSigned}:    EvalReviewer,
}

// EvalMove checks a state change made by side: nil when allowed, a
// forbidden error when the move exists but is the other side's, and an
// invalid_transition error when the workflow has no such move. Every
// change of a signed evaluation is refused with evaluation_signed.
func EvalMove(side EvalSide, from, to EvalState) error {
	if from == EvalSigned {
		return SignedErr()
	}
	who, ok := evalMoves[evalMove{from, to}]
	switch {
	case !ok:
		return Errorf(ECodeInvalidTransition, "an evaluation cannot go from %s to %s", from, to)
	case who != side && who == EvalSelf:
		return Forbidden("only the intern submits their self-assessment")
	case who != side:
		return Forbidden("only a supervisor of the branch or an admin may move an evaluation from %s to %s", from, to)
	}
	return nil
}

// SignedErr is the error of any write to a signed evaluation.
func SignedErr() *Error {
	return Errorf(ECodeEvaluationSigned, "the evaluation is signed and can no longer change")
}

// EvalEditable checks that side may change its own assessment in state s:
// the intern while a draft, a reviewer until reviewed.
func EvalEditable(side EvalSide, s EvalState) error {
	switch {
	case s == EvalSigned:
		return SignedErr()
	case side == EvalSelf && s != EvalDraft:
		return Errorf(ECodeInvalidTransition, "the self-assessment can change only while the evaluation is a draft")
	case side == EvalReviewer && s != EvalDraft && s != EvalSubmitted:
		return Errorf(ECodeInvalidTransition, "the supervisor's assessment can change only until the evaluation is reviewed")
	}
	return nil
}

// EvalVisible says which sides reader sees of an evaluation in state s of
// placement p: the intern sees the supervisor's assessment once reviewed;
// everyone else sees the self-assessment once submitted (a draft is the
// intern's own).
func (u *User) EvalVisible(p *Placement, s EvalState) (self, supervisor bool) {
	if u.Role == RoleIntern && p.InternID == u.ID {
		return true, s == EvalReviewed || s == EvalSigned
	}
	return s != EvalDraft, true
}

// EntityEvaluation names evaluations in the activity trail.
const EntityEvaluation = "evaluation"
