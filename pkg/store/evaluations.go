package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Bounds of an assessment's free text.
const (
	maxRatingComment  = 2000
	maxOverallComment = 5000
)

// RatingPatch changes one competency of the caller's side. An absent
// score is left alone, null clears it; a nil comment is left alone.
type RatingPatch struct {
	Competency string
	Score      tracker.Nullable[int]
	Comment    *string
}

// AssessmentPatch changes the caller's own side of an evaluation.
type AssessmentPatch struct {
	Ratings []RatingPatch
	Comment *string
}

// EvaluationPatch is the input of UpdateEvaluation: Self is the intern's
// side, Supervisor a reviewer's; State, when set, moves the evaluation
// after the edits are applied.
type EvaluationPatch struct {
	Self       *AssessmentPatch
	Supervisor *AssessmentPatch
	State      *tracker.EvalState
}

// EvaluationFilter narrows the evaluation list. Due keeps those not yet
// signed whose due date is within tracker.EvalDueDays or past.
type EvaluationFilter struct {
	Due         bool
	State       tracker.EvalState
	PlacementID int64
	Page        Page
}

// Evaluation rows of the activity trail concern one intern: they are read
// like placement and milestone rows (the branch's supervisors, the intern).
// Registered here so that the shared lists in activity.go stay as they are.
func init() {
	EntityTypes = append(EntityTypes, tracker.EntityEvaluation)
	personEntities = append(personEntities, tracker.EntityEvaluation)
}

// evalRow is how an evaluation is stored, with what the read joins in.
type evalRow struct {
	ID                   int64
	PlacementID          int64
	MilestoneID          int64
	Kind                 string
	State                tracker.EvalState
	SelfAssessment       string
	SupervisorAssessment string
	SubmittedAt          *time.Time
	ReviewedAt           *time.Time
	SignedAt             *time.Time
	SignedBy             *int64
	Version              int64
	CreatedAt            time.Time
	UpdatedAt            time.Time

	DueDate      tracker.Date `gorm:"->"`
	InternID     int64        `gorm:"->"`
	BranchID     int64        `gorm:"->"`
	SupervisorID int64        `gorm:"->"`
}

var evaluationSorts = map[string]string{"due_date": "milestones.due_date", "state": "evaluations.state", "kind": "evaluations.kind"}

// evalQuery selects evaluations with their due date and placement.
func evalQuery(db *gorm.DB) *gorm.DB {
	return db.Table("evaluations").
		Select("evaluations.*, milestones.due_date, placements.intern_id, placements.branch_id, placements.supervisor_id").
		Joins("JOIN milestones ON milestones.id = evaluations.milestone_id").
		Joins("JOIN placements ON placements.id = evaluations.placement_id")
}

// visibleEvals keeps the evaluations of placements actor may read.
func visibleEvals(q *gorm.DB, actor *tracker.User) *gorm.DB {
	switch actor.Role {
	case tracker.RoleAdmin, tracker.RoleLeadership:
		return q
	case tracker.RoleSupervisor:
		return q.Where("placements.branch_id = ?", branchOf(actor))
	}
	return q.Where("placements.intern_id = ?", actor.ID)
}

// dueBefore keeps the evaluations not signed and due by day + EvalDueDays.
func dueBefore(q *gorm.DB, day tracker.Date) *gorm.DB {
	return q.Where("evaluations.state <> ? AND milestones.due_date <= ?", tracker.EvalSigned, day.AddDays(tracker.EvalDueDays))
}

// createEvaluations adds the mid-term and final evaluations of a new
// placement p, one per milestone that schedules one.
func (s *Store) createEvaluations(tx *gorm.DB, actor *tracker.User, p *tracker.Placement) error {
	var ms []tracker.Milestone
	if err := tx.Where("placement_id = ?", p.ID).Order("id").Find(&ms).Error; err != nil {
		return err
	}
	now := s.Now()
	for _, m := range ms {
		kind, ok := tracker.EvalKindOf(m.Kind)
		if !ok {
			continue
		}
		r := evalRow{PlacementID: p.ID, MilestoneID: m.ID, Kind: kind, State: tracker.EvalDraft, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := tx.Table("evaluations").Create(&r).Error; err != nil {
			return err
		}
		err := record(tx, now, actor, tracker.ActionCreate, tracker.EntityEvaluation, r.ID, &p.BranchID, &p.InternID,
			created(map[string]any{"placement_id": p.ID, "kind": kind, "state": string(tracker.EvalDraft)}))
		if err != nil {
			return err
		}
	}
	return nil
}

// Evaluations returns the evaluations of a placement actor may read,
// mid-term first.
func (s *Store) Evaluations(ctx context.Context, actor *tracker.User, placementID int64) ([]tracker.Evaluation, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	var rows []evalRow
	if err := evalQuery(db).Where("evaluations.placement_id = ?", placementID).Order("milestones.due_date, evaluations.id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("store: evaluations: %w", err)
	}
	return s.evalsOut(db, actor, rows)
}

// Evaluation returns evaluation id of placement placementID; one of
// another placement is not found.
func (s *Store) Evaluation(ctx context.Context, actor *tracker.User, placementID, id int64) (*tracker.Evaluation, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	r, err := loadEval(db, placementID, id)
	if err != nil {
		return nil, err
	}
	out, err := s.evalsOut(db, actor, []evalRow{*r})
	if err != nil {
		return nil, fmt.Errorf("store: evaluation: %w", err)
	}
	return &out[0], nil
}

// EvaluationList lists the evaluations of the placements actor may read,
// soonest due first.
func (s *Store) EvaluationList(ctx context.Context, actor *tracker.User, f EvaluationFilter) ([]tracker.Evaluation, int64, error) {
	db := s.read(ctx)
	q := visibleEvals(evalQuery(db), actor)
	if f.Due {
		q = dueBefore(q, s.Today())
	}
	if f.State != "" {
		q = q.Where("evaluations.state = ?", f.State)
	}
	if f.PlacementID != 0 {
		q = q.Where("evaluations.placement_id = ?", f.PlacementID)
	}
	var rows []evalRow
	total, err := list(ctx, q, f.Page, "due_date", evaluationSorts, "evaluations", &rows)
	if err != nil {
		return nil, 0, fmt.Errorf("store: evaluation list: %w", err)
	}
	out, err := s.evalsOut(db, actor, rows)
	if err != nil {
		return nil, 0, fmt.Errorf("store: evaluation list: %w", err)
	}
	return out, total, nil
}

func loadEval(db *gorm.DB, placementID, id int64) (*evalRow, error) {
	var r evalRow
	err := evalQuery(db).Where("evaluations.id = ? AND evaluations.placement_id = ?", id, placementID).Take(&r).Error
	if err != nil {
		return nil, notFound(err, "evaluation")
	}
	return &r, nil
}

// evaluationForWrite is the one loader of every write to an evaluation:
// the placement must be readable by actor (else not found), the
// evaluation must belong to it and not be signed (read-only for
// everyone), and actor must write a side of it.
func evaluationForWrite(tx *gorm.DB, actor *tracker.User, placementID, id int64) (*tracker.Placement, *evalRow, tracker.EvalSide, error) {
	var p tracker.Placement
	if err := loadPlacement(tx, actor, placementID, &p); err != nil {
		return nil, nil, 0, err
	}
	r, err := loadEval(tx, placementID, id)
	if err != nil {
		return nil, nil, 0, err
	}
	if r.State == tracker.EvalSigned {
		return nil, nil, 0, tracker.SignedErr()
	}
	side, ok := actor.EvalSideOf(&p)
	if !ok {
		return nil, nil, 0, tracker.Forbidden("only the intern, a supervisor of the branch or an admin may change an evaluation")
	}
	if err := ensurePlacementOpen(&p); err != nil {
		return nil, nil, 0, err
	}
	return &p, r, side, nil
}

// UpdateEvaluation applies the caller's side of in, then its state move,
// if the evaluation's version is still version.
func (s *Store) UpdateEvaluation(ctx context.Context, actor *tracker.User, placementID, id, version int64, in EvaluationPatch) (*tracker.Evaluation, error) {
	var out *tracker.Evaluation
	err := s.write(ctx, func(tx *gorm.DB) error {
		p, r, side, err := evaluationForWrite(tx, actor, placementID, id)
		if err != nil {
			return err
		}
		d := diff{}
		if err := s.evalEdits(&d, r, side, in); err != nil {
			return err
		}
		if in.State != nil && *in.State != r.State {
			if err := s.evalMove(&d, actor, r, side, *in.State); err != nil {
				return err
			}
		}
		if !d.empty() {
			d.cols["updated_at"] = s.Now()
		}
		if err := s.update(tx, actor, "evaluations", tracker.EntityEvaluation, id, version, d, &r.Version, &p.BranchID, &p.InternID); err != nil {
			return err
		}
		fresh, err := loadEval(tx, placementID, id)
		if err != nil {
			return err
		}
		evs, err := s.evalsOut(tx, actor, []evalRow{*fresh})
		if err == nil {
			out = &evs[0]
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: update evaluation: %w", err)
	}
	return out, nil
}

// evalEdits puts into d the changes of the caller's side; the other
// side's is forbidden.
func (s *Store) evalEdits(d *diff, r *evalRow, side tracker.EvalSide, in EvaluationPatch) error {
	mine, theirs, col, field := in.Self, in.Supervisor, "self_assessment", "self"
	stored := &r.SelfAssessment
	if side == tracker.EvalReviewer {
		mine, theirs, col, field = in.Supervisor, in.Self, "supervisor_assessment", "supervisor"
		stored = &r.SupervisorAssessment
	}
	if theirs != nil {
		if side == tracker.EvalSelf {
			return tracker.Forbidden("only a supervisor of the branch or an admin writes the supervisor's assessment")
		}
		return tracker.Forbidden("only the intern writes the self-assessment")
	}
	if mine == nil {
		return nil
	}
	if err := tracker.EvalEditable(side, r.State); err != nil {
		return err
	}
	a := decodeAssessment(*stored)
	if err := applyAssessment(&a, mine, field); err != nil {
		return err
	}
	raw, err := json.Marshal(a)
	if err != nil {
		return err
	}
	if string(raw) != *stored && !(string(raw) == emptyAssessmentJSON() && *stored == "") {
		// The trail names what changed, not the scores and comments: its
		// readers include the side that may not see them yet.
		d.put(col, nil, assessmentChanges(decodeAssessment(*stored), a))
		d.cols[col] = string(raw)
		*stored = string(raw)
	}
	return nil
}

// assessmentChanges names the competencies (and "comment") whose score or
// comment differ between a and b.
func assessmentChanges(a, b tracker.Assessment) string {
	var out []string
	for i, r := range b.Ratings {
		o := a.Ratings[i]
		if r.Comment != o.Comment || (r.Score == nil) != (o.Score == nil) || (r.Score != nil && *r.Score != *o.Score) {
			out = append(out, r.Competency)
		}
	}
	if a.Comment != b.Comment {
		out = append(out, "comment")
	}
	return strings.Join(out, ", ")
}

// applyAssessment applies patch to a, checking it; field names the side
// in error messages.
func applyAssessment(a *tracker.Assessment, patch *AssessmentPatch, field string) error {
	probs := tracker.Problems{}
	seen := map[string]bool{}
	for i, rp := range patch.Ratings {
		at := fmt.Sprintf("%s.ratings[%d]", field, i)
		if !tracker.ValidCompetency(rp.Competency) {
			probs.Add(at+".competency", "must be one of "+strings.Join(tracker.Competencies, ", "))
			continue
		}
		if seen[rp.Competency] {
			probs.Add(at+".competency", "appears twice")
			continue
		}
		seen[rp.Competency] = true
		var dst *tracker.Rating
		for j := range a.Ratings {
			if a.Ratings[j].Competency == rp.Competency {
				dst = &a.Ratings[j]
			}
		}
		if rp.Score.Set {
			if rp.Score.Value != nil && !tracker.ValidScore(*rp.Score.Value) {
				probs.Add(at+".score", "must be 1, 2, 3 or 4, or null")
			} else {
				dst.Score = rp.Score.Value
			}
		}
		if rp.Comment != nil {
			checkText(probs, at+".comment", rp.Comment, maxRatingComment, false)
			dst.Comment = strings.TrimSpace(*rp.Comment)
		}
	}
	if patch.Comment != nil {
		checkText(probs, field+".comment", patch.Comment, maxOverallComment, false)
		a.Comment = strings.TrimSpace(*patch.Comment)
	}
	return probs.Err()
}

// evalMove puts into d the move of r to state to, with its time stamps.
func (s *Store) evalMove(d *diff, actor *tracker.User, r *evalRow, side tracker.EvalSide, to tracker.EvalState) error {
	if !to.Valid() {
		return tracker.Invalid("state", "must be draft, submitted, reviewed or signed")
	}
	if err := tracker.EvalMove(side, r.State, to); err != nil {
		return err
	}
	switch to {
	case tracker.EvalSubmitted:
		if a := decodeAssessment(r.SelfAssessment); r.State == tracker.EvalDraft && !a.Complete() {
			return tracker.Invalid("self", "score every competency before submitting")
		}
	case tracker.EvalReviewed:
		if a := decodeAssessment(r.SupervisorAssessment); !a.Complete() {
			return tracker.Invalid("supervisor", "score every competency before marking the evaluation reviewed")
		}
	}
	// The database keeps microseconds; answer what it keeps.
	now := s.Now().Truncate(time.Microsecond)
	d.put("state", string(r.State), string(to))
	switch to {
	case tracker.EvalSubmitted:
		d.put("submitted_at", timeOrNil(r.SubmittedAt), now)
	case tracker.EvalReviewed:
		d.put("reviewed_at", timeOrNil(r.ReviewedAt), now)
	case tracker.EvalSigned:
		d.put("signed_at", nil, now)
		d.put("signed_by", nil, actor.ID)
	}
	r.State = to
	return nil
}

func emptyAssessmentJSON() string {
	raw, _ := json.Marshal(tracker.EmptyAssessment())
	return string(raw)
}

// decodeAssessment reads a stored side: every competency of the rubric,
// in order, whatever the stored text holds.
func decodeAssessment(raw string) tracker.Assessment {
	a := tracker.EmptyAssessment()
	if raw == "" {
		return a
	}
	var st tracker.Assessment
	if json.Unmarshal([]byte(raw), &st) != nil {
		return a
	}
	a.Comment = st.Comment
	for _, r := range st.Ratings {
		for i := range a.Ratings {
			if a.Ratings[i].Competency == r.Competency {
				a.Ratings[i] = r
			}
		}
	}
	return a
}

// evalsOut turns rows into evaluations as actor sees them: the sides
// actor may not see yet are nil, and the people are named.
func (s *Store) evalsOut(db *gorm.DB, actor *tracker.User, rows []evalRow) ([]tracker.Evaluation, error) {
	today := s.Today()
	out := make([]tracker.Evaluation, len(rows))
	n := new(namer)
	for i, r := range rows {
		e := &out[i]
		*e = tracker.Evaluation{ID: r.ID, PlacementID: r.PlacementID, MilestoneID: r.MilestoneID, Kind: r.Kind, State: r.State,
			DueDate: r.DueDate, Overdue: r.State != tracker.EvalSigned && r.DueDate.Before(today),
			SubmittedAt: r.SubmittedAt, ReviewedAt: r.ReviewedAt, SignedAt: r.SignedAt, SignedBy: r.SignedBy,
			Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
			InternID: r.InternID, BranchID: r.BranchID, SupervisorID: r.SupervisorID}
		p := tracker.Placement{InternID: r.InternID, BranchID: r.BranchID}
		self, sup := actor.EvalVisible(&p, r.State)
		if self {
			a := decodeAssessment(r.SelfAssessment)
			e.Self = &a
		}
		if sup {
			a := decodeAssessment(r.SupervisorAssessment)
			e.Supervisor = &a
		}
		n.name(r.InternID, &e.InternName)
		n.name(r.SupervisorID, &e.SupervisorName)
		if r.SignedBy != nil {
			n.name(*r.SignedBy, &e.SignedByName)
		}
	}
	if err := n.fill(db); err != nil {
		return nil, err
	}
	return out, nil
}

// EvaluationDue is an evaluation not yet signed that is due within
// tracker.EvalDueDays or overdue, as the board lists it.
type EvaluationDue struct {
	EvaluationID int64             `json:"evaluation_id"`
	PlacementID  int64             `json:"placement_id"`
	InternID     int64             `json:"intern_id"`
	InternName   string            `json:"intern_name"`
	BranchID     int64             `json:"branch_id"`
	Kind         string            `json:"kind"`
	DueDate      tracker.Date      `json:"due_date"`
	Overdue      bool              `json:"overdue"`
	State        tracker.EvalState `json:"state"`
}

// boardEvaluations returns, in one query, the evaluations due on day of
// the placements actor may read (in f's branch), soonest first. Their
// states are today's, also on a board as of a past day.
func boardEvaluations(db *gorm.DB, actor *tracker.User, day tracker.Date, f BoardFilter, asOf bool, end time.Time) ([]EvaluationDue, error) {
	q := db.Table("evaluations").
		Select(`evaluations.id AS evaluation_id, evaluations.placement_id, placements.intern_id, users.name AS intern_name,
placements.branch_id, evaluations.kind, milestones.due_date, evaluations.state,
CASE WHEN milestones.due_date < ? THEN 1 ELSE 0 END AS overdue`, day).
		Joins("JOIN milestones ON milestones.id = evaluations.milestone_id").
		Joins("JOIN placements ON placements.id = evaluations.placement_id").
		Joins("JOIN users ON users.id = placements.intern_id")
	q = dueBefore(visibleEvals(q, actor), day)
	if f.BranchID != 0 {
		q = q.Where("placements.branch_id = ?", f.BranchID)
	}
	if asOf {
		q = q.Where("placements.created_at < ?", end)
	}
	var rows []struct {
		EvaluationID, PlacementID, InternID, BranchID int64
		InternName, Kind                              string
		DueDate                                       tracker.Date
		State                                         tracker.EvalState
		Overdue                                       int
	}
	if err := q.Order("milestones.due_date, evaluations.id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("board evaluations: %w", err)
	}
	out := make([]EvaluationDue, len(rows))
	for i, r := range rows {
		out[i] = EvaluationDue{EvaluationID: r.EvaluationID, PlacementID: r.PlacementID, InternID: r.InternID, InternName: r.InternName,
			BranchID: r.BranchID, Kind: r.Kind, DueDate: r.DueDate, Overdue: r.Overdue == 1, State: r.State}
	}
	return out, nil
}
