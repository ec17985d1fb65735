package server_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func TestHandover(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		// internCPP's work: the matrix task (stream 1, one log), a task of
		// stream 2 with two logs a minute apart, and a done task (stream 1).
		// internCPP2's and internMC's tasks are not in the report.
		stream := int64(2)
		title := "Partners project"
		branch := branchCPP
		p2, err := e.DB.Store.CreateProject(fixtureCtx, w.adm, store.ProjectInput{StreamID: &stream, BranchID: &branch, Title: &title})
		mustFixture(e, "project", err)
		partners := w.newTask(e, *p2, uInternCPP)
		for i, who := range []string{uInternCPP, uSupCPP} {
			e.DB.Clock.Advance(time.Minute) // well within the access tokens' life
			pct := 30 * (i + 1)
			_, _, err := e.DB.Store.AddProgress(fixtureCtx, e.Users[who], partners.ID, store.NewProgress{Note: "note by " + who, Progress: &pct})
			mustFixture(e, "log", err)
		}
		done := w.inReview(e, uInternCPP)
		st := tracker.StatusDone
		_, err = e.DB.Store.UpdateTask(fixtureCtx, w.adm, done.ID, done.Version, store.TaskInput{Status: &st})
		mustFixture(e, "accept", err)
		pl := w.pl[uInternCPP]

		t.Run("Content", func(t *testing.T) {
			e := e.on(t)
			var h store.Handover
			e.as(uSupCPP).get(v1("/placements/%d/handover", pl.ID)).want(http.StatusOK).decode(&h)
			if h.Placement.ID != pl.ID || h.Placement.InternName != uInternCPP || h.GeneratedAt.IsZero() {
				t.Fatalf("placement %+v at %v", h.Placement, h.GeneratedAt)
			}
			if len(h.Streams) != 2 || h.Streams[0].StreamID != 1 || h.Streams[1].StreamID != 2 || h.Streams[1].StreamName == "" {
				t.Fatalf("streams %+v", h.Streams)
			}
			got := map[int64]store.HandoverTask{}
			for _, s := range h.Streams {
				for _, tk := range s.Tasks {
					got[tk.ID] = tk
				}
			}
			if len(got) != 3 || got[w.task[uInternCPP].ID].Title == "" || got[done.ID].Status != tracker.StatusDone ||
				got[done.ID].CompletedAt == nil {
				t.Fatalf("tasks %+v", got)
			}
			notes := got[partners.ID].Notes
			if len(notes) != 2 || notes[0].AuthorName != uSupCPP || notes[0].Progress != 60 || notes[0].Note != "note by "+uSupCPP ||
				notes[1].AuthorName != uInternCPP || !notes[0].CreatedAt.After(notes[1].CreatedAt) {
				t.Fatalf("notes, newest first: %+v", notes)
			}
			if n := got[w.task[uInternCPP].ID].Notes; len(n) != 1 || n[0].Note != "started" {
				t.Fatalf("matrix task notes %+v", n)
			}
			open := map[int64]tracker.Task{}
			for _, tk := range h.OpenTasks {
				open[tk.ID] = tk
			}
			if len(open) != 2 || open[done.ID].ID != 0 || open[partners.ID].AssigneeName == nil ||
				*open[partners.ID].AssigneeName != uInternCPP {
				t.Fatalf("open tasks %+v", h.OpenTasks)
			}
		})
		t.Run("ReadersOfThePlacement", func(t *testing.T) {
			e := e.on(t)
			for _, who := range []string{uInternCPP, uSupCPP2, uLeader, uAdmin} {
				e.as(who).get(v1("/placements/%d/handover", pl.ID)).want(http.StatusOK)
			}
		})
		t.Run("HiddenIsNotFound", func(t *testing.T) {
			e := e.on(t)
			for _, who := range []string{uInternCPP2, uSupMC, uInternMC} {
				e.as(who).get(v1("/placements/%d/handover", pl.ID)).wantProblem(http.StatusNotFound, tracker.ECodeNotFound)
			}
			e.as(uAdmin).get(v1("/placements/999999/handover")).wantProblem(http.StatusNotFound, tracker.ECodeNotFound)
			e.as(uAdmin).get(v1("/placements/x/handover")).wantProblem(http.StatusNotFound, tracker.ECodeNotFound)
		})
		t.Run("EmptyPlacement", func(t *testing.T) {
			e := e.on(t)
			fresh := w.place(e, w.freshIntern(e, branchMC), uSupMC)
			var h store.Handover
			r := e.as(uSupMC).get(v1("/placements/%d/handover", fresh.ID)).want(http.StatusOK)
			r.decode(&h)
			if len(h.Streams) != 0 || len(h.OpenTasks) != 0 {
				t.Fatalf("an empty placement's report %+v", h)
			}
		})
	})
}
