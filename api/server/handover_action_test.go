package server_test

import (
	"net/http"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func TestHandOver(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		ending := endingPlacement(&cell{w: w, e: e, s: scopeOwn})
		leaver := e.Users[""]
		for name, u := range e.Users {
			if u.ID == ending.InternID {
				leaver = e.Users[name]
			}
		}
		open1 := w.newTask(e, w.projCPP, leaver.Name)
		open2 := w.newTask(e, w.projCPP, leaver.Name)
		done := w.newTask(e, w.projCPP, leaver.Name)
		for _, st := range []tracker.Status{tracker.StatusInProgress, tracker.StatusInReview, tracker.StatusDone} {
			next, err := e.DB.Store.UpdateTask(fixtureCtx, w.adm, done.ID, done.Version, store.TaskInput{Status: &st})
			mustFixture(e, "move", err)
			done = *next
		}
		path := v1("/placements/%d/handover", ending.ID)
		succ := e.id(uInternCPP)
		before := unread(e, uInternCPP)
		var h store.Handover

		t.Run("ErrTooEarly", func(t *testing.T) {
			e.on(t).as(uSupCPP).post(v1("/placements/%d/handover", w.pl[uInternCPP2].ID), map[string]any{"successor_id": nil}).
				wantProblem(http.StatusConflict, tracker.ECodeConflict)
		})
		t.Run("OK", func(t *testing.T) {
			e := e.on(t)
			e.as(uSupCPP).post(path, map[string]any{"successor_id": succ, "note": "  Carry on with the EU paper.  "}).want(http.StatusOK).decode(&h)
			r := h.Record
			if r == nil || r.SuccessorID == nil || *r.SuccessorID != succ || r.Note != "Carry on with the EU paper." ||
				r.CreatedBy != e.id(uSupCPP) || r.InternID != leaver.ID || r.SuccessorName == nil || *r.SuccessorName != uInternCPP {
				t.Fatalf("record %+v", r)
			}
			if len(r.Tasks) != 2 || len(h.OpenTasks) != 2 || h.Placement.HandedOverAt == nil {
				t.Fatalf("tasks %+v, open %d, handed over at %v", r.Tasks, len(h.OpenTasks), h.Placement.HandedOverAt)
			}
			for _, id := range []int64{open1.ID, open2.ID} {
				if tk := w.taskNow(e, id); tk.AssigneeID == nil || *tk.AssigneeID != succ {
					t.Errorf("task %d assignee %v, want the successor", id, tk.AssigneeID)
				}
			}
			if tk := w.taskNow(e, done.ID); *tk.AssigneeID != leaver.ID {
				t.Errorf("the done task moved to %v", *tk.AssigneeID)
			}
			if got := unread(e, uInternCPP); got != before+2 {
				t.Errorf("successor has %d unread, want %d (one per task)", got, before+2)
			}
			// Closed: its work went on, so it no longer needs attention.
			var p tracker.Placement
			e.as(uSupCPP).get(v1("/placements/%d", ending.ID)).want(http.StatusOK).decode(&p)
			if p.Health != tracker.HealthOnTrack || p.Stale || p.DaysQuiet != 0 {
				t.Errorf("handed-over placement: health %s, stale %v, %d quiet days", p.Health, p.Stale, p.DaysQuiet)
			}
		})
		t.Run("Activity", func(t *testing.T) {
			e := e.on(t)
			var l struct {
				Items []tracker.Activity `json:"items"`
			}
			e.as(uAdmin).get(v1("/activity?entity_type=placement&entity_id=%d", ending.ID)).want(http.StatusOK).decode(&l)
			if len(l.Items) == 0 || l.Items[0].Changes["handed_over_at"].After == nil {
				t.Fatalf("no activity row for the handover: %+v", l.Items)
			}
			e.as(uAdmin).get(v1("/activity?entity_type=task&entity_id=%d", open1.ID)).want(http.StatusOK).decode(&l)
			if len(l.Items) == 0 || l.Items[0].Changes["assignee_id"].After == nil {
				t.Fatalf("no activity row for the reassignment: %+v", l.Items)
			}
		})
		t.Run("ReadOnly", func(t *testing.T) {
			e := e.on(t)
			var p tracker.Placement
			e.as(uSupCPP).get(v1("/placements/%d", ending.ID)).want(http.StatusOK).decode(&p)
			if p.HandedOverAt == nil {
				t.Fatal("placement not marked handed over")
			}
			e.as(uSupCPP).patch(v1("/placements/%d", ending.ID), p.Version, map[string]any{"focus": "more"}).
				wantProblem(http.StatusConflict, tracker.ECodeHandedOver)
			ms, err := e.DB.Store.Milestones(fixtureCtx, w.adm, ending.ID)
			mustFixture(e, "milestones", err)
			e.as(uAdmin).patch(v1("/placements/%d/milestones/%d", ending.ID, ms[0].ID), ms[0].Version, map[string]any{"done": true}).
				wantProblem(http.StatusConflict, tracker.ECodeHandedOver)
			e.as(uAdmin).del(v1("/placements/%d", ending.ID)).wantProblem(http.StatusConflict, tracker.ECodeHandedOver)
			e.as(uAdmin).post(path, map[string]any{"successor_id": nil}).wantProblem(http.StatusConflict, tracker.ECodeHandedOver)
		})
		t.Run("StoredReport", func(t *testing.T) {
			e := e.on(t)
			title := "Renamed after the handover"
			_, err := e.DB.Store.UpdateTask(fixtureCtx, w.adm, done.ID, w.taskNow(e, done.ID).Version, store.TaskInput{Title: &title})
			mustFixture(e, "rename", err)
			var got store.Handover
			e.as(uSupCPP).get(path).want(http.StatusOK).decode(&got)
			if got.Record == nil || got.Record.ID != h.Record.ID || !got.GeneratedAt.Equal(h.GeneratedAt) {
				t.Fatalf("GET handover is not the stored one: %+v", got.Record)
			}
			for _, s := range got.Streams {
				for _, tk := range s.Tasks {
					if tk.Title == title {
						t.Fatal("the stored report changed with the task")
					}
				}
			}
		})
		t.Run("Successor", func(t *testing.T) {
			e := e.on(t)
			var l struct {
				Items []store.HandoverRecord `json:"items"`
			}
			e.as(uInternCPP).get(v1("/me/handovers")).want(http.StatusOK).decode(&l)
			if len(l.Items) != 1 || l.Items[0].ID != h.Record.ID || len(l.Items[0].Tasks) != 2 {
				t.Fatalf("received %+v", l.Items)
			}
			e.as(uInternCPP).get(v1("/handovers/%d", h.Record.ID)).want(http.StatusOK)
			e.as(uInternCPP2).get(v1("/handovers/%d", h.Record.ID)).want(http.StatusNotFound)
			e.as(uInternCPP2).get(v1("/me/handovers")).want(http.StatusOK).decode(&l)
			if len(l.Items) != 0 {
				t.Fatalf("internCPP2 received %+v", l.Items)
			}
		})
		t.Run("BackToSupervisor", func(t *testing.T) {
			e := e.on(t)
			p := endingPlacement(&cell{w: w, e: e, s: scopeSame})
			var intern string
			for name, u := range e.Users {
				if u.ID == p.InternID {
					intern = name
				}
			}
			tk := w.newTask(e, w.projCPP, intern)
			var got store.Handover
			e.as(uAdmin).post(v1("/placements/%d/handover", p.ID), map[string]any{"successor_id": nil}).want(http.StatusOK).decode(&got)
			if got.Record.SuccessorID != nil || len(got.Record.Tasks) != 1 {
				t.Fatalf("record %+v", got.Record)
			}
			if now := w.taskNow(e, tk.ID); now.AssigneeID != nil {
				t.Fatalf("task still assigned to %d", *now.AssigneeID)
			}
		})
	})
}

// unread is name's unread notification count, through the API.
func unread(e *apiEnv, name string) int64 {
	e.t.Helper()
	var c struct {
		Unread int64 `json:"unread"`
	}
	e.as(name).get(v1("/notifications/count")).want(http.StatusOK).decode(&c)
	return c.Unread
}
