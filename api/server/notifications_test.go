package server_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/mail/mailtest"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// notes lists name's notifications through the API, newest first.
func notes(e *apiEnv, name, query string) []tracker.Notification {
	e.t.Helper()
	var l struct {
		Items []tracker.Notification `json:"items"`
	}
	e.as(name).get(v1("/notifications%s", query)).want(http.StatusOK).decode(&l)
	return l.Items
}

func TestNotificationEvents(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		for _, u := range []string{uInternCPP, uInternCPP2, uSupCPP, uSupCPP2, uSupMC, uAdmin} {
			e.as(u).post(v1("/notifications/read-all"), nil).want(http.StatusNoContent)
		}
		// newOnes returns name's notifications since the last call.
		newOnes := func(e *apiEnv, name string) []tracker.Notification {
			all := notes(e, name, "?unread=true")
			e.as(name).post(v1("/notifications/read-all"), nil).want(http.StatusNoContent)
			return all
		}
		var tk tracker.Task
		t.Run("AssignedOnCreate", func(t *testing.T) {
			e := e.on(t)
			e.as(uSupCPP).post(v1("/tasks"), map[string]any{"project_id": w.projCPP.ID, "title": "Draft the OSCE note",
				"assignee_id": e.id(uInternCPP)}).want(http.StatusCreated).decode(&tk)
			got := newOnes(e, uInternCPP)
			if len(got) != 1 || got[0].Kind != tracker.NotifyAssigned || *got[0].TaskID != tk.ID || *got[0].ActorID != e.id(uSupCPP) ||
				*got[0].ActorName != uSupCPP || got[0].Subject != "Draft the OSCE note" || got[0].ReadAt != nil {
				t.Fatalf("intern got %+v", got)
			}
			if n := newOnes(e, uSupCPP); len(n) != 0 {
				t.Fatalf("the actor was notified: %+v", n)
			}
		})
		t.Run("FeedbackOnComment", func(t *testing.T) {
			e := e.on(t)
			e.as(uInternCPP).post(v1("/tasks/%d/comments", tk.ID), map[string]any{"body": "Started"}).want(http.StatusCreated)
			if n := newOnes(e, uInternCPP); len(n) != 0 {
				t.Fatalf("own comment notified: %+v", n)
			}
			e.as(uSupCPP2).post(v1("/tasks/%d/comments", tk.ID), map[string]any{"body": "Cite the 2024 report"}).want(http.StatusCreated)
			if n := newOnes(e, uInternCPP); len(n) != 1 || n[0].Kind != tracker.NotifyFeedback {
				t.Fatalf("intern got %+v", n)
			}
		})
		t.Run("ReviewRequested", func(t *testing.T) {
			e := e.on(t)
			for _, st := range []tracker.Status{tracker.StatusInProgress, tracker.StatusInReview} {
				e.as(uInternCPP).patch(v1("/tasks/%d", tk.ID), w.taskNow(e, tk.ID).Version, map[string]any{"status": st}).want(http.StatusOK)
			}
			for _, sup := range []string{uSupCPP, uSupCPP2} {
				if n := newOnes(e, sup); len(n) != 1 || n[0].Kind != tracker.NotifyReviewRequested || *n[0].ActorID != e.id(uInternCPP) {
					t.Errorf("%s got %+v", sup, n)
				}
			}
			if n := newOnes(e, uSupMC); len(n) != 0 {
				t.Errorf("MC's supervisor got %+v", n)
			}
		})
		t.Run("SentBack", func(t *testing.T) {
			e := e.on(t)
			e.as(uSupCPP).patch(v1("/tasks/%d", tk.ID), w.taskNow(e, tk.ID).Version, map[string]any{"status": "in_progress"}).want(http.StatusOK)
			if n := newOnes(e, uInternCPP); len(n) != 1 || n[0].Kind != tracker.NotifyFeedback {
				t.Fatalf("intern got %+v", n)
			}
		})
		t.Run("Reassigned", func(t *testing.T) {
			e := e.on(t)
			e.as(uSupCPP).patch(v1("/tasks/%d", tk.ID), w.taskNow(e, tk.ID).Version, map[string]any{"assignee_id": e.id(uInternCPP2)}).
				want(http.StatusOK)
			if n := newOnes(e, uInternCPP2); len(n) != 1 || n[0].Kind != tracker.NotifyAssigned || *n[0].TaskID != tk.ID {
				t.Fatalf("new assignee got %+v", n)
			}
		})
		t.Run("MarkRead", func(t *testing.T) {
			e := e.on(t)
			e.as(uSupCPP).post(v1("/tasks/%d/comments", tk.ID), map[string]any{"body": "Nice"}).want(http.StatusCreated)
			e.as(uSupCPP).post(v1("/tasks/%d/comments", tk.ID), map[string]any{"body": "Nicer"}).want(http.StatusCreated)
			if got := unread(e, uInternCPP2); got != 2 {
				t.Fatalf("unread %d, want 2", got)
			}
			n := notes(e, uInternCPP2, "?unread=true")
			var read tracker.Notification
			e.as(uInternCPP2).post(v1("/notifications/%d/read", n[0].ID), nil).want(http.StatusOK).decode(&read)
			if read.ReadAt == nil || unread(e, uInternCPP2) != 1 || len(notes(e, uInternCPP2, "?unread=true")) != 1 {
				t.Fatalf("after one read: %+v, %d unread", read, unread(e, uInternCPP2))
			}
			e.as(uInternCPP2).post(v1("/notifications/%d/read", n[0].ID), map[string]any{}).want(http.StatusOK)
			e.as(uInternCPP).post(v1("/notifications/%d/read", n[1].ID), nil).want(http.StatusNotFound)
			e.as(uAdmin).post(v1("/notifications/%d/read", n[1].ID), nil).want(http.StatusNotFound)
			e.as(uInternCPP2).post(v1("/notifications/read-all"), nil).want(http.StatusNoContent)
			if unread(e, uInternCPP2) != 0 {
				t.Fatal("read-all left unread ones")
			}
		})
	})
}

func TestNotificationsTimeBased(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		today := tracker.DateOf(e.DB.Clock.Now())
		// A placement whose mid-term review is due in 3 days, and one ending
		// in 10 days (both under supCPP2).
		mid := w.freshIntern(e, branchCPP)
		e.Users[mid.Name] = mid
		pm, err := e.DB.Store.CreatePlacement(fixtureCtx, w.adm, store.NewPlacement{InternID: mid.ID, SupervisorID: e.id(uSupCPP2),
			StartDate: today.AddMonths(-3).AddDays(3)})
		mustFixture(e, "placement", err)
		end := w.freshIntern(e, branchCPP)
		e.Users[end.Name] = end
		pe, err := e.DB.Store.CreatePlacement(fixtureCtx, w.adm, store.NewPlacement{InternID: end.ID, SupervisorID: e.id(uSupCPP2),
			StartDate: today.AddDays(-100), EndDate: today.AddDays(10)})
		mustFixture(e, "placement", err)

		// Several processes counting at once write each notification once.
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _ = e.DB.Store.UnreadNotifications(context.Background(), e.Users[uSupCPP2])
			}()
		}
		wg.Wait()

		t.Run("EvaluationDue", func(t *testing.T) {
			e := e.on(t)
			n := notes(e, mid.Name, "")
			if len(n) != 1 || n[0].Kind != tracker.NotifyEvaluationDue || *n[0].PlacementID != pm.ID || n[0].MilestoneID == nil ||
				n[0].ActorID != nil || n[0].Subject != mid.Name {
				t.Fatalf("intern got %+v", n)
			}
		})
		t.Run("PlacementEnding", func(t *testing.T) {
			e := e.on(t)
			n := notes(e, end.Name, "")
			kinds := map[string]int{}
			for _, x := range n {
				kinds[x.Kind]++
			}
			if kinds[tracker.NotifyPlacementEnding] != 1 || *n[0].PlacementID != pe.ID {
				t.Fatalf("intern got %+v", n)
			}
		})
		t.Run("SupervisorOnce", func(t *testing.T) {
			e := e.on(t)
			for range 2 {
				kinds := map[string]int{}
				for _, x := range notes(e, uSupCPP2, "") {
					kinds[x.Kind]++
				}
				// The ending placement's final review is due too (end - 14
				// days or so) only if within 7 days; count at least ours.
				if kinds[tracker.NotifyEvaluationDue] < 1 || kinds[tracker.NotifyPlacementEnding] != 1 {
					t.Fatalf("supervisor got %v", kinds)
				}
			}
			if err := e.DB.Store.SweepNotifications(fixtureCtx); err != nil {
				t.Fatal(err)
			}
			kinds := map[string]int{}
			for _, x := range notes(e, uSupCPP2, "") {
				kinds[x.Kind]++
			}
			if kinds[tracker.NotifyPlacementEnding] != 1 || len(notes(e, end.Name, "?unread=true")) != len(notes(e, end.Name, "")) {
				t.Fatalf("after the sweep: %v", kinds)
			}
		})
		t.Run("NotAfterHandover", func(t *testing.T) {
			e := e.on(t)
			_, err := e.DB.Store.HandOver(fixtureCtx, w.adm, pm.ID, store.HandoverInput{})
			if tracker.ErrorCode(err) != tracker.ECodeConflict {
				t.Fatalf("hand over mid-placement: %v", err)
			}
		})
	})
}

func TestNotificationMail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		smtp := mailtest.Start(t)
		cfg := testConfig(db.URL)
		cfg.SMTPAddr, cfg.SMTPFrom, cfg.PublicURL = smtp.Addr, "tracker@example.org", "https://tracker.example"
		srv, err := server.New(server.Deps{Config: cfg, Store: db.Store, Hasher: auth.FastHasher(), Now: db.Clock.Now, Spec: []byte("openapi: 3.1.0\n")})
		if err != nil {
			t.Fatal(err)
		}
		e := &apiEnv{t: t, DB: db, Server: srv, h: srv.Handler(), Users: map[string]*tracker.User{}, tokens: map[string]string{}}
		cpp := branchCPP
		e.Users[uAdmin] = e.addUser(uAdmin, tracker.RoleAdmin, nil)
		e.Users[uSupCPP] = e.addUser(uSupCPP, tracker.RoleSupervisor, &cpp)
		fr, err := db.Store.CreateUserUnchecked(fixtureCtx, store.NewUser{Email: "amelie@example.org", Name: "Amélie", Role: tracker.RoleIntern,
			BranchID: &cpp, Locale: "fr", PasswordHash: "x"})
		mustFixture(e, "user", err)
		_, err = db.Store.CreatePlacement(fixtureCtx, e.Users[uAdmin], store.NewPlacement{InternID: fr.ID, SupervisorID: e.id(uSupCPP),
			StartDate: tracker.DateOf(db.Clock.Now()).AddDays(-20)})
		mustFixture(e, "placement", err)
		stream := int64(1)
		title := "Mail project"
		proj, err := db.Store.CreateProject(fixtureCtx, e.Users[uAdmin], store.ProjectInput{StreamID: &stream, BranchID: &cpp, Title: &title})
		mustFixture(e, "project", err)

		var tk tracker.Task
		e.as(uSupCPP).post(v1("/tasks"), map[string]any{"project_id": proj.ID, "title": "Brief on the GCC", "assignee_id": fr.ID}).
			want(http.StatusCreated).decode(&tk)
		msgs := smtp.Wait(1, 10*time.Second)
		srv.CloseMail(context.Background())
		if len(msgs) != 1 {
			t.Fatalf("%d messages, want 1", len(msgs))
		}
		m := msgs[0]
		if len(m.To) != 1 || m.To[0] != "amelie@example.org" {
			t.Fatalf("sent to %v", m.To)
		}
		if !strings.Contains(m.Data, "Subject: =?utf-8?q?T=C3=A2che_qui_vous_est_confi=C3=A9e_:_Brief_on_the_GCC?=") &&
			!strings.Contains(m.Data, "Tâche qui vous est confiée : Brief on the GCC") {
			t.Fatalf("no French subject naming the task:\n%s", m.Data)
		}
		if !strings.Contains(m.Data, "https://tracker.example/tasks/"+itoa(tk.ID)) {
			t.Fatalf("no link to the task:\n%s", m.Data)
		}
	})
}

func TestNoMailWithoutSMTP(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		smtp := mailtest.Start(t)
		w := newWorld(t, e)
		w.newTask(e, w.projCPP, uInternCPP)
		if n := len(smtp.Wait(1, 300*time.Millisecond)); n != 0 {
			t.Fatalf("%d messages sent without SMTP configured", n)
		}
		if unread(e, uInternCPP) == 0 {
			t.Fatal("no in-app notification either")
		}
	})
}

// TestEvaluationDueFollowsTheEvaluation checks that "evaluation due" is
// about the evaluation: once it is signed nobody is reminded of it, even
// though its milestone is not ticked; the other one still reminds.
func TestEvaluationDueFollowsTheEvaluation(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		today := tracker.DateOf(e.DB.Clock.Now())
		cpp := int64(branchCPP)
		signed, open := "dueSignedIntern", "dueOpenIntern"
		var mids []tracker.Evaluation
		for _, name := range []string{signed, open} {
			e.Users[name] = e.addUser(name, tracker.RoleIntern, &cpp)
			// The mid-term review is due in 3 days.
			p, err := e.DB.Store.CreatePlacement(fixtureCtx, e.Users[uAdmin], store.NewPlacement{InternID: e.id(name),
				SupervisorID: e.id(uSupCPP), StartDate: today.AddMonths(-3).AddDays(3)})
			mustFixture(e, "placement", err)
			evs, err := e.DB.Store.Evaluations(fixtureCtx, e.Users[uAdmin], p.ID)
			mustFixture(e, "evaluations", err)
			mids = append(mids, evs[0])
		}
		reach(e, signed, mids[0], tracker.EvalSigned)
		due := func(name string) int {
			n := 0
			for _, x := range notes(e, name, "") {
				if x.Kind == tracker.NotifyEvaluationDue {
					n++
				}
			}
			return n
		}
		if n := due(signed); n != 0 {
			t.Errorf("the intern of a signed evaluation got %d evaluation-due notifications", n)
		}
		if n := due(open); n != 1 {
			t.Errorf("the intern of an open evaluation got %d evaluation-due notifications, want 1", n)
		}
	})
}
