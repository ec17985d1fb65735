package server_test

import (
	"net/http"
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// noChecklists removes both branches' checklist templates through the
// API, so that placements created next get no checklist.
func noChecklists(e *apiEnv) {
	e.t.Helper()
	for _, b := range []int64{branchCPP, branchMC} {
		var l struct {
			Items []tracker.ChecklistTemplateItem
		}
		e.as(uAdmin).get(v1("/branches/%d/checklist", b)).want(http.StatusOK).decode(&l)
		for _, t := range l.Items {
			e.as(uAdmin).del(v1("/branches/%d/checklist/%d", b, t.ID)).want(http.StatusNoContent)
		}
	}
}

// clItems reads the checklist of placement p as who.
func clItems(e *apiEnv, who string, p int64) []tracker.ChecklistItem {
	e.t.Helper()
	var l struct{ Items []tracker.ChecklistItem }
	e.as(who).get(v1("/placements/%d/checklist", p)).want(http.StatusOK).decode(&l)
	return l.Items
}

func TestChecklistTemplate(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		t.Run("SeededForEachBranch", func(t *testing.T) {
			e := e.on(t)
			var l struct {
				Items []tracker.ChecklistTemplateItem
			}
			e.as(uSupMC).get(v1("/branches/%d/checklist", branchMC)).want(http.StatusOK).decode(&l)
			if len(l.Items) != 5 || l.Items[0].Phase != tracker.PhaseOnboarding || l.Items[4].Phase != tracker.PhaseOffboarding ||
				l.Items[0].OffsetDays != 1 || l.Items[4].Anchor != tracker.AnchorEnd {
				t.Fatalf("MC template %+v", l.Items)
			}
		})
		var added tracker.ChecklistTemplateItem
		t.Run("AdminAddsAndNewPlacementGetsIt", func(t *testing.T) {
			e := e.on(t)
			e.as(uAdmin).post(v1("/branches/%d/checklist", branchCPP),
				map[string]any{"title": " Library card ", "phase": "onboarding", "anchor": "start", "offset_days": 7}).
				want(http.StatusCreated).decode(&added)
			if added.Title != "Library card" || added.BranchID != branchCPP || added.Version != 1 {
				t.Fatalf("added %+v", added)
			}
			p := plCreate(e, uSupCPP, plBody(e, uInternCPP, uSupCPP, e.day(10), "end_date", e.day(190)))
			items := clItems(e, uInternCPP, p.ID)
			if len(items) != 6 {
				t.Fatalf("checklist has %d items, want 6: %+v", len(items), items)
			}
			var got *tracker.ChecklistItem
			for i := range items {
				if items[i].TemplateID != nil && *items[i].TemplateID == added.ID {
					got = &items[i]
				}
			}
			if got == nil || got.DueDate.String() != e.day(17) || got.DoneAt != nil || got.Overdue {
				t.Fatalf("copied item %+v, want due %s", got, e.day(17))
			}
			// The other branch's placements are not concerned.
			q := plCreate(e, uSupMC, plBody(e, uInternMC, uSupMC, e.day(10)))
			if n := len(clItems(e, uAdmin, q.ID)); n != 5 {
				t.Fatalf("MC placement has %d items, want 5", n)
			}
		})
		t.Run("EditVersioned", func(t *testing.T) {
			e := e.on(t)
			path := v1("/branches/%d/checklist/%d", branchCPP, added.ID)
			e.as(uAdmin).patch(path, 0, map[string]any{"offset_days": 8}).wantProblem(http.StatusPreconditionRequired, "precondition_required")
			e.as(uAdmin).patch(path, 7, map[string]any{"offset_days": 8}).wantProblem(http.StatusPreconditionFailed, "version_mismatch")
			var up tracker.ChecklistTemplateItem
			r := e.as(uAdmin).patch(path, 1, map[string]any{"offset_days": -8, "anchor": "end", "phase": "offboarding"}).want(http.StatusOK).decode(&up)
			if up.Version != 2 || r.etag() != 2 || up.OffsetDays != -8 || up.Anchor != tracker.AnchorEnd {
				t.Fatalf("updated %+v", up)
			}
			// Another branch's item through this branch: not found.
			e.as(uAdmin).get(v1("/branches/%d/checklist/%d", branchMC, added.ID)).want(http.StatusNotFound)
		})
		t.Run("DeleteKeepsCopies", func(t *testing.T) {
			e := e.on(t)
			e.as(uAdmin).del(v1("/branches/%d/checklist/%d", branchCPP, added.ID)).want(http.StatusNoContent)
			var l struct{ Items []tracker.Placement }
			e.as(uAdmin).get(v1("/placements?intern_id=%d", e.id(uInternCPP))).want(http.StatusOK).decode(&l)
			if len(l.Items) != 1 || len(clItems(e, uAdmin, l.Items[0].ID)) != 6 {
				t.Fatalf("placements %+v lost their copy", l.Items)
			}
		})
	})
}

func TestChecklistTicking(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		// Started 3 days ago: accounts (start+1) and the security briefing
		// (start+2) are overdue, meeting the stream leads (start+5) is not.
		p := plCreate(e, uSupCPP, plBody(e, uInternCPP, uSupCPP, e.day(-3)))
		items := clItems(e, uInternCPP, p.ID)
		if len(items) != 5 || !items[0].Overdue || !items[1].Overdue || items[2].Overdue {
			t.Fatalf("checklist %+v", items)
		}
		figures := func(t *testing.T) (int, tracker.Health) {
			var got tracker.Placement
			e.on(t).as(uLeader).get(plPath(p)).want(http.StatusOK).decode(&got)
			return got.ChecklistOverdue, got.Health
		}
		if n, h := figures(t); n != 2 || h != tracker.HealthAtRisk {
			t.Fatalf("2 overdue items: checklist_overdue %d, health %s; want 2, at_risk", n, h)
		}
		item := func(i int) string { return v1("/placements/%d/checklist/%d", p.ID, items[i].ID) }
		t.Run("InternTicks", func(t *testing.T) {
			e := e.on(t)
			var it tracker.ChecklistItem
			e.as(uInternCPP).patch(item(0), 1, map[string]any{"done": true}).want(http.StatusOK).decode(&it)
			if it.DoneAt == nil || it.DoneBy == nil || *it.DoneBy != e.id(uInternCPP) || it.DoneByName == nil ||
				*it.DoneByName != uInternCPP || it.Overdue || it.Version != 2 {
				t.Fatalf("ticked %+v", it)
			}
			if n, h := figures(t); n != 1 || h != tracker.HealthAtRisk {
				t.Fatalf("checklist_overdue %d, health %s; want 1, at_risk", n, h)
			}
			var acts workPage[tracker.Activity]
			e.as(uInternCPP).get(v1("/activity?entity_type=checklist_item&entity_id=%d", it.ID)).want(http.StatusOK).decode(&acts)
			if len(acts.Items) != 2 || acts.Items[0].Action != tracker.ActionUpdate || acts.Items[0].ActorID == nil ||
				*acts.Items[0].ActorID != e.id(uInternCPP) {
				t.Fatalf("activity %+v", acts.Items)
			}
		})
		t.Run("SupervisorTicksAndUnticks", func(t *testing.T) {
			e := e.on(t)
			var it tracker.ChecklistItem
			e.as(uSupCPP2).patch(item(1), 1, map[string]any{"done": true}).want(http.StatusOK).decode(&it)
			if *it.DoneBy != e.id(uSupCPP2) {
				t.Fatalf("ticked %+v", it)
			}
			if n, h := figures(t); n != 0 {
				t.Fatalf("checklist_overdue %d (%s), want 0", n, h)
			}
			e.as(uSupCPP).patch(item(1), 2, map[string]any{"done": false}).want(http.StatusOK).decode(&it)
			if it.DoneAt != nil || it.DoneBy != nil || it.DoneByName != nil || !it.Overdue || it.Version != 3 {
				t.Fatalf("unticked %+v", it)
			}
		})
		t.Run("Refused", func(t *testing.T) {
			e := e.on(t)
			e.as(uInternCPP).patch(item(2), 0, map[string]any{"done": true}).wantProblem(http.StatusPreconditionRequired, "precondition_required")
			e.as(uInternCPP).patch(item(2), 5, map[string]any{"done": true}).wantProblem(http.StatusPreconditionFailed, "version_mismatch")
			e.as(uLeader).patch(item(2), 1, map[string]any{"done": true}).wantProblem(http.StatusForbidden, "forbidden")
			e.as(uInternCPP2).patch(item(2), 1, map[string]any{"done": true}).want(http.StatusNotFound)
			e.as(uSupMC).patch(item(2), 1, map[string]any{"done": true}).want(http.StatusNotFound)
		})
		t.Run("ThreeOverdueIsOffTrack", func(t *testing.T) {
			e := e.on(t)
			// Six days in: start+1, +2 and +5 are all past.
			q := plCreate(e, uSupCPP2, plBody(e, uInternCPP2, uSupCPP2, e.day(-6)))
			if q.ChecklistOverdue != 3 || q.Health != tracker.HealthOffTrack {
				t.Fatalf("checklist_overdue %d, health %s; want 3, off_track", q.ChecklistOverdue, q.Health)
			}
			first := clItems(e, uInternCPP2, q.ID)[0]
			e.as(uInternCPP2).patch(v1("/placements/%d/checklist/%d", q.ID, first.ID), 1, map[string]any{"done": true}).want(http.StatusOK)
			var got tracker.Placement
			e.as(uSupCPP).get(plPath(q)).want(http.StatusOK).decode(&got)
			if got.ChecklistOverdue != 2 || got.Health != tracker.HealthAtRisk {
				t.Fatalf("checklist_overdue %d, health %s; want 2, at_risk", got.ChecklistOverdue, got.Health)
			}
		})
		t.Run("RedatedWithThePlacement", func(t *testing.T) {
			e := e.on(t)
			e.as(uSupCPP).patch(item(2), 1, map[string]any{"done": true}).want(http.StatusOK)
			var cur tracker.Placement
			r := e.as(uAdmin).get(plPath(p)).want(http.StatusOK).decode(&cur)
			e.as(uSupCPP).patch(plPath(p), r.etag(), map[string]any{"start_date": e.day(7), "end_date": e.day(190)}).want(http.StatusOK)
			got := map[int64]tracker.ChecklistItem{}
			for _, it := range clItems(e, uAdmin, p.ID) {
				got[it.ID] = it
			}
			if d := got[items[1].ID].DueDate.String(); d != e.day(9) {
				t.Errorf("open start+2 item due %s, want %s", d, e.day(9))
			}
			for _, i := range []int{0, 2} {
				if d := got[items[i].ID].DueDate.String(); d != items[i].DueDate.String() {
					t.Errorf("ticked item %d moved to %s, want it left at %s", i, d, items[i].DueDate)
				}
			}
			if d := got[items[4].ID].DueDate.String(); d != e.day(190) {
				t.Errorf("end+0 item due %s, want %s", d, e.day(190))
			}
		})
	})
}
