package server_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// allActivity reads every page of the trail visible to who.
func allActivity(e *apiEnv, who, query string) []tracker.Activity {
	var out []tracker.Activity
	for page := 1; ; page++ {
		var l workPage[tracker.Activity]
		e.as(who).get(fmt.Sprintf("/api/v1/activity?per_page=100&page=%d%s", page, query)).want(200).decode(&l)
		out = append(out, l.Items...)
		if len(out) >= int(l.Total) || len(l.Items) == 0 {
			return out
		}
	}
}

// mayReadActivity is the contract's visibility rule for the trail, for the
// fixture users the test asks about.
func mayReadActivity(e *apiEnv, who string, a tracker.Activity) bool {
	self, cpp := e.id(who), branchCPP
	person := a.EntityType == tracker.EntityUser || a.EntityType == tracker.EntityPlacement || a.EntityType == tracker.EntityMilestone ||
		a.EntityType == tracker.EntityChecklistItem || a.EntityType == tracker.EntityChecklistTemplate
	// Evaluations (issue 7) are read like their placement.
	person = person || a.EntityType == tracker.EntityEvaluation
	switch who {
	case uAdmin, uLeader:
		return true
	case uSupCPP:
		return !person || sameID(a.BranchID, &cpp) || sameID(a.SubjectID, &self)
	}
	switch {
	case person:
		return sameID(a.SubjectID, &self)
	case a.EntityType == tracker.EntityTag || a.EntityType == tracker.EntityBranch:
		return true
	}
	return sameID(a.BranchID, &cpp)
}

// activityWorld makes some history in both branches: a task in each, a
// move, a progress log, a comment and a tag change. It returns the tasks.
func activityWorld(e *apiEnv) (tc, tm tracker.Task) {
	k := newWorkKit(e.t, e)
	tc = k.task(k.project(uSupCPP, branchCPP, nil).ID, uInternCPP, nil)
	tm = k.task(k.project(uSupMC, branchMC, nil).ID, uInternMC, nil)
	e.as(uInternCPP).patch(taskPath(tc.ID), 1, map[string]any{"status": "in_progress"}).want(200)
	e.as(uInternCPP).post(progressPath(tc.ID), map[string]any{"progress": 40, "note": "half way"}).want(201)
	e.as(uInternMC).post(commentsPath(tm.ID), map[string]any{"body": "started"}).want(201)
	e.as(uAdmin).patch("/api/v1/tags/1", 1, map[string]any{"description": "The EU"}).want(200)
	return tc, tm
}

func TestActivityVisibility(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		_, tm := activityWorld(e)
		everything := allActivity(e, uAdmin, "")
		for _, who := range []string{uAdmin, uLeader, uSupCPP, uInternCPP} {
			subtest(t, e, "Visibility_"+who, func(t *testing.T) {
				got := allActivity(e, who, "")
				var want []int64
				for _, a := range everything {
					if mayReadActivity(e, who, a) {
						want = append(want, a.ID)
					}
				}
				ids := make([]int64, len(got))
				for i, a := range got {
					ids[i] = a.ID
				}
				if !slices.Equal(ids, want) {
					t.Fatalf("%s sees %v, want %v", who, ids, want)
				}
			})
		}
		subtest(t, e, "EachRoleSeesItsShare", func(t *testing.T) {
			count := func(who, query string) int { return len(allActivity(e, who, query)) }
			if n := count(uInternCPP, "&entity_type=task&entity_id="+fmt.Sprint(tm.ID)); n != 0 {
				t.Fatalf("internCPP sees %d rows of an MC task", n)
			}
			if n := count(uInternCPP, "&entity_type=placement"); n != 1 {
				t.Fatalf("internCPP sees %d placement rows, want its own 1", n)
			}
			if n := count(uSupCPP, "&entity_type=placement"); n != 2 {
				t.Fatalf("supCPP sees %d placement rows, want the 2 of CPP", n)
			}
			if n := count(uSupCPP, "&entity_type=task&entity_id="+fmt.Sprint(tm.ID)); n != 1 {
				t.Fatalf("supCPP sees %d rows of the MC task, want 1", n)
			}
			if n := count(uInternCPP, "&entity_type=tag"); n != 1 {
				t.Fatalf("internCPP sees %d tag rows, want 1", n)
			}
		})
		runWorkCases(t, e, []workCase{
			{"ErrUnauthenticated", "", func(c *client) *resp { return c.get("/api/v1/activity") }, 401, tracker.ECodeUnauthenticated, ""},
			{"ErrBadEntityType", uAdmin, func(c *client) *resp { return c.get("/api/v1/activity?entity_type=robot") }, 400, "bad_request", "entity_type"},
			{"ErrBadActor", uAdmin, func(c *client) *resp { return c.get("/api/v1/activity?actor_id=-1") }, 400, "bad_request", "actor_id"},
		})
	})
}

func TestActivityRows(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		tc, _ := activityWorld(e)
		self, cpp := e.id(uInternCPP), branchCPP
		subtest(t, e, "TaskRowsCarryBranchAndAssignee", func(t *testing.T) {
			rows := allActivity(e, uAdmin, "&entity_type=task&entity_id="+fmt.Sprint(tc.ID))
			// newest first: the progress update, the move, the creation
			if len(rows) != 3 || rows[2].Action != tracker.ActionCreate || rows[0].Changes["progress"].After != float64(40) ||
				rows[1].Changes["status"].After != "in_progress" {
				t.Fatalf("rows = %+v", rows)
			}
			for _, a := range rows {
				if !sameID(a.BranchID, &cpp) || !sameID(a.SubjectID, &self) || a.ActorID == nil {
					t.Fatalf("row %+v lacks branch, subject or actor", a)
				}
			}
			logs := allActivity(e, uAdmin, "&entity_type=progress_log")
			if len(logs) != 1 || logs[0].Changes["note"].After != "half way" || !sameID(logs[0].SubjectID, &self) {
				t.Fatalf("progress rows = %+v", logs)
			}
		})
		subtest(t, e, "Filters", func(t *testing.T) {
			for _, a := range allActivity(e, uAdmin, "&actor_id="+fmt.Sprint(e.id(uInternMC))) {
				if *a.ActorID != e.id(uInternMC) {
					t.Fatalf("actor filter let through %+v", a)
				}
			}
			for _, a := range allActivity(e, uLeader, "&branch_id=2") {
				if *a.BranchID != branchMC {
					t.Fatalf("branch filter let through %+v", a)
				}
			}
			if n := len(allActivity(e, uAdmin, "&entity_type=comment")); n != 1 {
				t.Fatalf("comment rows = %d, want 1", n)
			}
		})
	})
}

// sameID reports whether two optional ids are set and equal.
func sameID(a, b *int64) bool { return a != nil && b != nil && *a == *b }
