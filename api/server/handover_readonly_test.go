package server_test

import (
	"net/http"
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TestHandedOverPlacementIsReadOnly checks that, once a placement is
// handed over, what issue 7 keeps per placement refuses every write with
// 409 placement_handed_over: its objectives, evaluations, weekly reports
// and checklist (the placement and its milestones are TestHandOver's).
func TestHandedOverPlacementIsReadOnly(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		p := endingPlacement(&cell{w: w, e: e, s: scopeOwn})
		leaver := ""
		for name, u := range e.Users {
			if u.ID == p.InternID {
				leaver = name
			}
		}
		var o tracker.Objective
		e.as(uSupCPP).post(v1("/placements/%d/objectives", p.ID), map[string]any{"title": "Write the OSCE brief"}).
			want(http.StatusCreated).decode(&o)
		var evals struct {
			Items []tracker.Evaluation `json:"items"`
		}
		e.as(uAdmin).get(v1("/placements/%d/evaluations", p.ID)).want(http.StatusOK).decode(&evals)
		var items struct {
			Items []tracker.ChecklistItem `json:"items"`
		}
		e.as(uAdmin).get(v1("/placements/%d/checklist", p.ID)).want(http.StatusOK).decode(&items)
		if len(evals.Items) == 0 || len(items.Items) == 0 {
			t.Fatalf("the placement has %d evaluations and %d checklist items", len(evals.Items), len(items.Items))
		}
		e.as(uSupCPP).post(v1("/placements/%d/handover", p.ID), map[string]any{"successor_id": nil}).want(http.StatusOK)

		ev, it := evals.Items[0], items.Items[0]
		for _, c := range []struct {
			name string
			send func(e *apiEnv) *resp
		}{
			{"CreateObjective", func(e *apiEnv) *resp {
				return e.as(uSupCPP).post(v1("/placements/%d/objectives", p.ID), map[string]any{"title": "Another"})
			}},
			{"UpdateObjective", func(e *apiEnv) *resp {
				return e.as(uSupCPP).patch(v1("/placements/%d/objectives/%d", p.ID, o.ID), o.Version, map[string]any{"title": "Renamed"})
			}},
			{"DeleteObjective", func(e *apiEnv) *resp {
				return e.as(uAdmin).del(v1("/placements/%d/objectives/%d", p.ID, o.ID))
			}},
			{"UpdateEvaluation", func(e *apiEnv) *resp {
				return e.as(uSupCPP).patch(v1("/placements/%d/evaluations/%d", p.ID, ev.ID), ev.Version, map[string]any{"state": "submitted"})
			}},
			{"CreateReport", func(e *apiEnv) *resp {
				return e.as(leaver).post(v1("/placements/%d/reports", p.ID), map[string]any{"done": "Finished the brief"})
			}},
			{"TickChecklist", func(e *apiEnv) *resp {
				return e.as(leaver).patch(v1("/placements/%d/checklist/%d", p.ID, it.ID), it.Version, map[string]any{"done": true})
			}},
		} {
			t.Run(c.name, func(t *testing.T) {
				c.send(e.on(t)).wantProblem(http.StatusConflict, tracker.ECodeHandedOver)
			})
		}
	})
}
