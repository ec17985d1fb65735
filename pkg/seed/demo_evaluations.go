package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// demoEvaluation is how far one intern's mid-term evaluation got in the
// demo, with the scores each side gave (in rubric order).
type demoEvaluation struct {
	intern, supervisor string
	reach              tracker.EvalState
	self, sup          []int
	selfNote, supNote  string
}

var demoEvaluations = []demoEvaluation{
	{"int_cpp1", "sup_cpp1", tracker.EvalSigned, []int{3, 3, 4, 3, 2, 4}, []int{3, 4, 4, 3, 3, 4},
		"Learned a lot on EU staff talks; my drafting still needs more iterations than I would like.",
		"Strong analytical drafts and reliable delivery; subject knowledge growing quickly."},
	{"int_mc1", "sup_mc1", tracker.EvalSubmitted, []int{3, 2, 3, 4, 3, 3}, nil,
		"Good grasp of the Ukraine package; I want to get faster at writing briefs.", ""},
	{"int_mc2", "sup_mc2", tracker.EvalReviewed, []int{2, 3, 3, 3, 2, 3}, []int{3, 3, 2, 4, 2, 3},
		"Still building my knowledge of the Georgia programme.", "Works very well with the desk officers; take more initiative on the survey."},
	// int_cpp2's mid-term stays a draft: months past its due date, overdue.
}

// evaluations fills in the mid-term evaluations of a few placements: one
// signed, one submitted and awaiting its supervisor, one reviewed and
// awaiting signature; the others stay drafts (some overdue).
func (d *demo) evaluations(ctx context.Context) error {
	saved := d.clock.t
	defer func() { d.clock.t = saved }()
	// After the planned history, whose last writes fall half an hour ago.
	d.clock.t = d.now.Add(-10 * time.Minute)
	for _, de := range demoEvaluations {
		if err := d.evaluation(ctx, de); err != nil {
			return fmt.Errorf("seed: evaluation of %s: %w", de.intern, err)
		}
	}
	return nil
}

func (d *demo) evaluation(ctx context.Context, de demoEvaluation) error {
	w := d.windows[de.intern]
	if w == nil || w.placement == nil {
		return nil
	}
	intern, sup := d.users[de.intern], d.users[de.supervisor]
	evs, err := d.st.Evaluations(ctx, sup, w.placement.ID)
	if err != nil || len(evs) == 0 {
		return err
	}
	ev := evs[0]
	up := func(who *tracker.User, in store.EvaluationPatch) error {
		next, err := d.st.UpdateEvaluation(ctx, who, ev.PlacementID, ev.ID, ev.Version, in)
		if err == nil {
			ev = *next
		}
		return err
	}
	scored := func(scores []int, note string) *store.AssessmentPatch {
		p := &store.AssessmentPatch{Comment: &note}
		for i, c := range tracker.Competencies {
			p.Ratings = append(p.Ratings, store.RatingPatch{Competency: c, Score: tracker.Of(scores[i])})
		}
		return p
	}
	submitted := tracker.EvalSubmitted
	if err := up(intern, store.EvaluationPatch{Self: scored(de.self, de.selfNote), State: &submitted}); err != nil {
		return err
	}
	for _, st := range []tracker.EvalState{tracker.EvalReviewed, tracker.EvalSigned} {
		if ev.State == de.reach {
			break
		}
		in := store.EvaluationPatch{State: &st}
		if st == tracker.EvalReviewed {
			in.Supervisor = scored(de.sup, de.supNote)
		}
		if err := up(sup, in); err != nil {
			return err
		}
	}
	return nil
}
