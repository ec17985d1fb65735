package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// formerIntern is a CPP intern whose one placement ended monthsAgo months
// before the test clock's today, with work that fills the board: a task
// they finished with progress notes, hours and a comment, and one left
// in progress. Their name, e-mail and every text they wrote carry marker,
// so a test can search the database for what anonymising must remove.
type formerIntern struct {
	user      *tracker.User
	placement tracker.Placement
	done, wip tracker.Task
	// during is a day of the placement, for the board as of then.
	during string
}

func newFormerIntern(e *apiEnv, marker string, monthsAgo int) formerIntern {
	e.t.Helper()
	ctx, adm := context.Background(), e.Users[uAdmin]
	today := e.DB.Clock.Now()
	start := tracker.DateOf(today).AddMonths(-monthsAgo - 6)
	e.DB.Clock.Set(start.Time().Add(9 * time.Hour))
	defer e.DB.Clock.Set(today)

	u := e.addUser(marker, tracker.RoleIntern, ptr(branchCPP))
	e.Users[marker] = u
	p, err := e.DB.Store.CreatePlacement(ctx, adm, store.NewPlacement{InternID: u.ID, SupervisorID: e.id(uSupCPP),
		StartDate: start, Focus: "Focus of " + marker})
	mustFixture(e, "placement", err)
	w := bdWork{e}
	proj := w.project(branchCPP, streamPartners)
	x := formerIntern{user: u, placement: *p, during: start.AddDays(20).String()}
	x.done = w.task(proj, marker, ptr(10), ptr(8.0))
	x.wip = w.task(proj, marker, ptr(40), nil)
	e.DB.Clock.Advance(48 * time.Hour)
	for _, t := range []tracker.Task{x.done, x.wip} {
		_, _, err := e.DB.Store.AddProgress(ctx, u, t.ID, store.NewProgress{Note: "Note by " + marker, Progress: ptr(60), Hours: ptr(3.5)})
		mustFixture(e, "progress", err)
		_, err = e.DB.Store.AddComment(ctx, u, t.ID, "Comment by "+marker)
		mustFixture(e, "comment", err)
	}
	e.DB.Clock.Advance(72 * time.Hour)
	cur, err := e.DB.Store.Task(ctx, adm, x.done.ID)
	mustFixture(e, "task", err)
	for _, st := range []tracker.Status{tracker.StatusInReview, tracker.StatusDone} {
		cur, err = e.DB.Store.UpdateTask(ctx, adm, cur.ID, cur.Version, store.TaskInput{Status: ptr(st)})
		mustFixture(e, "move task", err)
	}
	_, err = e.DB.Store.AddComment(ctx, e.Users[uSupCPP], x.done.ID, "Well done")
	mustFixture(e, "supervisor comment", err)
	return x
}

// addPersonalRecords gives x's placement a weekly report of its second
// week sent back with a review comment (during that week: a board as of
// a day before a report's submission is not what this test is about), both sides of its mid-term evaluation
// with comments, an objective with a description and, last, its handover
// with a note, to successor (nil: back to the supervisor): free text
// about x, each carrying marker. It returns the handover's id.
func addPersonalRecords(e *apiEnv, x formerIntern, marker string, successor *int64) int64 {
	e.t.Helper()
	ctx, adm, me := context.Background(), e.Users[uAdmin], x.user
	pid := x.placement.ID
	today := e.DB.Clock.Now()
	e.DB.Clock.Set(x.placement.StartDate.AddDays(11).Time().Add(10 * time.Hour))
	r, err := e.DB.Store.CreateReport(ctx, me, pid, store.NewReport{Week: x.placement.StartDate.AddDays(7),
		Done: "Done by " + marker, Next: "Next by " + marker, Blockers: "Blocked " + marker})
	mustFixture(e, "report", err)
	r, err = e.DB.Store.UpdateReport(ctx, me, pid, r.ID, r.Version, store.ReportPatch{State: ptr(tracker.ReportSubmitted)})
	mustFixture(e, "submit report", err)
	_, err = e.DB.Store.UpdateReport(ctx, adm, pid, r.ID, r.Version, store.ReportPatch{State: ptr(tracker.ReportNeedsRevision),
		ReviewComment: ptr("Review of " + marker)})
	mustFixture(e, "review report", err)
	e.DB.Clock.Set(today)

	evs, err := e.DB.Store.Evaluations(ctx, adm, pid)
	mustFixture(e, "evaluations", err)
	if len(evs) == 0 {
		e.t.Fatal("the placement has no evaluation")
	}
	side := func(who string) *store.AssessmentPatch {
		return &store.AssessmentPatch{Comment: ptr(who + " overall on " + marker),
			Ratings: []store.RatingPatch{{Competency: "analysis", Score: tracker.Of(3), Comment: ptr(who + " on " + marker)}}}
	}
	ev, err := e.DB.Store.UpdateEvaluation(ctx, me, pid, evs[0].ID, evs[0].Version, store.EvaluationPatch{Self: side("Self")})
	mustFixture(e, "self-assessment", err)
	_, err = e.DB.Store.UpdateEvaluation(ctx, adm, pid, ev.ID, ev.Version, store.EvaluationPatch{Supervisor: side("Supervisor")})
	mustFixture(e, "supervisor's assessment", err)

	_, err = e.DB.Store.CreateObjective(ctx, adm, pid, store.ObjectiveInput{Title: ptr("Learn the trade"),
		Description: ptr("What " + marker + " should learn"), TaskIDs: &[]int64{x.done.ID}})
	mustFixture(e, "objective", err)
	h, err := e.DB.Store.HandOver(ctx, adm, pid, store.HandoverInput{Note: "Handover note on " + marker, SuccessorID: successor})
	mustFixture(e, "handover", err)
	return h.Record.ID
}

func TestPersonalExport(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		x := newFormerIntern(e, "ExportIntern", 1)
		other := newFormerIntern(e, "OtherIntern", 1)

		r := e.on(t).as("ExportIntern").get(v1("/me/export")).want(http.StatusOK)
		if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="my-data-`) {
			t.Errorf("Content-Disposition = %q", cd)
		}
		for _, secret := range []string{"password", "$argon2", "nonce", "secret_hash", "OtherIntern"} {
			if strings.Contains(string(r.Body), secret) {
				t.Errorf("the export holds %q", secret)
			}
		}
		var got store.PersonalExport
		r.decode(&got)
		if got.Account.ID != x.user.ID || got.Account.Email != x.user.Email {
			t.Errorf("account = %+v", got.Account)
		}
		if len(got.Placements) != 1 || got.Placements[0].Placement.ID != x.placement.ID || len(got.Placements[0].Milestones) != 3 {
			t.Errorf("placements = %+v", got.Placements)
		}
		if len(got.Tasks) != 2 || got.Tasks[0].Task.ID != x.done.ID || got.Tasks[1].Task.ID != x.wip.ID {
			t.Fatalf("tasks = %+v", got.Tasks)
		}
		if d := got.Tasks[0]; len(d.ProgressLogs) != 1 || len(d.Comments) != 2 || d.Comments[1].Body != "Well done" {
			t.Errorf("the finished task's log and comments = %+v / %+v", d.ProgressLogs, d.Comments)
		}
		if len(got.ProgressLogs) != 2 || len(got.Comments) != 2 || got.Comments[0].AuthorID != x.user.ID {
			t.Errorf("own logs %d, own comments %d", len(got.ProgressLogs), len(got.Comments))
		}
		about := map[string]bool{}
		for _, a := range got.Activity {
			about[a.EntityType] = true
		}
		for _, kind := range []string{tracker.EntityUser, tracker.EntityPlacement, tracker.EntityProgress, tracker.EntityComment} {
			if !about[kind] {
				t.Errorf("the export's activity has no %s row: %v", kind, about)
			}
		}
		if got.Truncated {
			t.Error("a small record says it was truncated")
		}
		if len(got.ChecklistItems) == 0 {
			t.Error("the export has no checklist item")
		}
		for _, it := range got.ChecklistItems {
			if it.PlacementID != x.placement.ID {
				t.Errorf("checklist item of placement %d", it.PlacementID)
			}
		}
		if len(got.Notifications) == 0 {
			t.Error("the export has no notification (the tasks were assigned to the intern)")
		}

		// Then the placement gets its objective, report, evaluation and
		// handover (which passes the open task on).
		handover := addPersonalRecords(e, x, "ExportIntern", nil)
		// OtherIntern's placement goes to uInternCPP, placed from today.
		_, err := e.DB.Store.CreatePlacement(context.Background(), e.Users[uAdmin], store.NewPlacement{InternID: e.id(uInternCPP),
			SupervisorID: e.id(uSupCPP), StartDate: tracker.DateOf(e.DB.Clock.Now())})
		mustFixture(e.on(t), "successor's placement", err)
		received := addPersonalRecords(e, other, "OtherIntern", ptr(e.id(uInternCPP)))
		r = e.on(t).as("ExportIntern").get(v1("/me/export")).want(http.StatusOK)
		// The supervisor's side of a draft evaluation is not the intern's
		// to read yet, in the export as on the evaluations page.
		for _, secret := range []string{"OtherIntern", "Supervisor on ExportIntern", "Supervisor overall"} {
			if strings.Contains(string(r.Body), secret) {
				t.Errorf("the export holds %q", secret)
			}
		}
		got = store.PersonalExport{}
		r.decode(&got)
		if len(got.Objectives) != 1 || got.Objectives[0].Description != "What ExportIntern should learn" ||
			len(got.Objectives[0].TaskIDs) != 1 {
			t.Errorf("objectives = %+v", got.Objectives)
		}
		if len(got.Evaluations) != 2 || got.Evaluations[0].Self == nil || got.Evaluations[0].Self.Comment != "Self overall on ExportIntern" ||
			got.Evaluations[0].Supervisor != nil {
			t.Errorf("evaluations = %+v", got.Evaluations)
		}
		if len(got.WeeklyReports) != 1 || got.WeeklyReports[0].Done != "Done by ExportIntern" ||
			got.WeeklyReports[0].ReviewComment != "Review of ExportIntern" {
			t.Errorf("weekly reports = %+v", got.WeeklyReports)
		}
		if len(got.Handovers) != 1 || got.Handovers[0].ID != handover || got.Handovers[0].Note != "Handover note on ExportIntern" ||
			len(got.Handovers[0].Tasks) != 1 {
			t.Errorf("handovers = %+v", got.Handovers)
		}
		// The successor's export holds the handover they received.
		var succ store.PersonalExport
		e.on(t).as(uInternCPP).get(v1("/me/export")).want(http.StatusOK).decode(&succ)
		if len(succ.Handovers) != 1 || succ.Handovers[0].ID != received || len(succ.Handovers[0].Tasks) != 1 {
			t.Errorf("the successor's handovers = %+v", succ.Handovers)
		}

		// A supervisor's own export holds their comment, not the
		// interns' placements or tasks.
		var sup store.PersonalExport
		e.on(t).as(uSupCPP).get(v1("/me/export")).want(http.StatusOK).decode(&sup)
		if len(sup.Placements) != 0 || len(sup.Tasks) != 0 || len(sup.Comments) != 2 {
			t.Errorf("supervisor's export: %d placements, %d tasks, %d comments", len(sup.Placements), len(sup.Tasks), len(sup.Comments))
		}
		e.on(t).as("").get(v1("/me/export")).want(http.StatusUnauthorized)
	})
}

func TestAnonymiseCandidatesAndRefusals(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		old := newFormerIntern(e, "LongGone", 30)
		recent := newFormerIntern(e, "RecentlyLeft", 6)
		adm := e.on(t).as(uAdmin)

		var c store.AnonymiseCandidates
		adm.get(v1("/admin/anonymise")).want(http.StatusOK).decode(&c)
		if c.AfterMonths != 24 || c.EndedBefore.String() != tracker.DateOf(e.DB.Clock.Now()).AddMonths(-24).String() {
			t.Errorf("cut-off = %d months, %s", c.AfterMonths, c.EndedBefore)
		}
		if len(c.Items) != 1 || c.Items[0].UserID != old.user.ID || c.Items[0].LastEndDate != old.placement.EndDate ||
			c.Items[0].Placements != 1 {
			t.Fatalf("candidates = %+v", c.Items)
		}

		t.Run("ErrRecent", func(t *testing.T) {
			e.on(t).as(uAdmin).post(v1("/admin/anonymise"), map[string]any{"user_id": recent.user.ID}).wantProblem(http.StatusConflict, "conflict")
		})
		t.Run("ErrActive", func(t *testing.T) {
			e.on(t).as(uAdmin).post(v1("/admin/anonymise"), map[string]any{"user_id": e.id(uInternMC)}).wantProblem(http.StatusConflict, "conflict")
		})
		t.Run("ErrStaff", func(t *testing.T) {
			e.on(t).as(uAdmin).post(v1("/admin/anonymise"), map[string]any{"user_id": e.id(uSupCPP)}).wantProblem(http.StatusConflict, "conflict")
		})
		t.Run("ErrUnknown", func(t *testing.T) {
			e.on(t).as(uAdmin).post(v1("/admin/anonymise"), map[string]any{"user_id": 99999}).wantProblem(http.StatusNotFound, "not_found")
		})
		t.Run("ErrNeitherOrBoth", func(t *testing.T) {
			a := e.on(t).as(uAdmin)
			a.post(v1("/admin/anonymise"), map[string]any{}).want(http.StatusUnprocessableEntity).wantField("user_id")
			a.post(v1("/admin/anonymise"), map[string]any{"all": false}).want(http.StatusUnprocessableEntity).wantField("all")
			a.post(v1("/admin/anonymise"), map[string]any{"all": true, "user_id": old.user.ID}).want(http.StatusUnprocessableEntity).wantField("all")
		})
		t.Run("ErrNotAdmin", func(t *testing.T) {
			for _, who := range []string{uSupCPP, uLeader, uInternCPP} {
				e.on(t).as(who).get(v1("/admin/anonymise")).want(http.StatusForbidden)
				e.on(t).as(who).post(v1("/admin/anonymise"), map[string]any{"user_id": old.user.ID}).want(http.StatusForbidden)
			}
		})

		t.Run("AllThenIdempotent", func(t *testing.T) {
			a := e.on(t).as(uAdmin)
			var got store.Anonymised
			a.post(v1("/admin/anonymise"), map[string]any{"all": true}).want(http.StatusOK).decode(&got)
			if got.Count != 1 || len(got.UserIDs) != 1 || got.UserIDs[0] != old.user.ID {
				t.Fatalf("anonymised = %+v", got)
			}
			again := store.Anonymised{Count: -1}
			a.post(v1("/admin/anonymise"), map[string]any{"user_id": old.user.ID}).want(http.StatusOK).decode(&again)
			if again.Count != 0 {
				t.Errorf("anonymising again = %+v", again)
			}
			a.get(v1("/admin/anonymise")).want(http.StatusOK).decode(&c)
			if len(c.Items) != 0 {
				t.Errorf("candidates after = %+v", c.Items)
			}
			var n int
			for _, act := range activityOf(t, e, tracker.EntityUser, old.user.ID) {
				if _, ok := act.Changes["anonymised"]; ok {
					n++
					if act.ActorID == nil || *act.ActorID != e.id(uAdmin) {
						t.Errorf("the anonymisation row's actor = %v", act.ActorID)
					}
				}
			}
			if n != 1 {
				t.Errorf("%d activity rows record the anonymisation, want 1", n)
			}
		})
	})
}

// activityOf returns the trail of one entity, as the admin reads it.
func activityOf(t *testing.T, e *apiEnv, entity string, id int64) []tracker.Activity {
	t.Helper()
	var l struct{ Items []tracker.Activity }
	e.on(t).as(uAdmin).get(v1("/activity?entity_type=%s&entity_id=%d&per_page=100", entity, id)).want(http.StatusOK).decode(&l)
	return l.Items
}

// boardView is a board as JSON with what anonymising may change taken
// out: the intern names and focus in its lists (placements, evaluations
// due...); and, apart, which rows of the
// activity it lists, but for the row that records the anonymisation
// itself (which, being the newest, pushes the oldest row off today's list).
func boardView(t *testing.T, body []byte) (map[string]any, []string) {
	t.Helper()
	var b map[string]any
	if err := json.Unmarshal(body, &b); err != nil {
		t.Fatal(err)
	}
	delete(b, "generated_at")
	for k, v := range b {
		items, ok := v.([]any)
		if !ok || k == "recent_activity" {
			continue
		}
		for _, it := range items {
			if m, ok := it.(map[string]any); ok {
				delete(m, "intern_name")
				delete(m, "focus")
			}
		}
	}
	var rows []string
	for _, a := range b["recent_activity"].([]any) {
		m := a.(map[string]any)
		if _, ok := m["changes"].(map[string]any)["anonymised"]; ok {
			continue
		}
		rows = append(rows, fmt.Sprintf("%s/%s/%v", m["entity_type"], m["action"], m["id"]))
	}
	delete(b, "recent_activity")
	return b, rows
}

// TestAnonymiseKeepsTheBoard anonymises a former intern and shows that the
// board (today's, as of a day of their placement, and its CSV) counts the
// same, that the activity names the placeholder, and that their name,
// e-mail and every text they wrote are gone from every table.
func TestAnonymiseKeepsTheBoard(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		const marker = "Zebediah"
		x := newFormerIntern(e, marker, 30)
		handover := addPersonalRecords(e, x, marker, nil)
		newFormerIntern(e, "Bystander", 30)
		adm := e.on(t).as(uAdmin)
		paths := []string{v1("/board"), v1("/board?as_of=%s", x.during), v1("/board?as_of=%s&branch_id=%d", x.during, branchCPP)}
		before := make([][]byte, len(paths))
		for i, p := range paths {
			before[i] = adm.get(p).want(http.StatusOK).Body
		}
		csvNow := adm.get(v1("/board.csv")).want(http.StatusOK).Body
		csvThen := adm.get(v1("/board.csv?as_of=%s", x.during)).want(http.StatusOK).Body
		if !strings.Contains(string(before[1]), marker) {
			t.Fatalf("the board as of %s does not name the intern: the test shows nothing", x.during)
		}

		adm.post(v1("/admin/anonymise"), map[string]any{"user_id": x.user.ID}).want(http.StatusOK)

		placeholder := store.AnonymisedName(x.user.ID)
		for i, p := range paths {
			after := adm.get(p).want(http.StatusOK).Body
			was, wasFeed := boardView(t, before[i])
			is, isFeed := boardView(t, after)
			if !reflect.DeepEqual(was, is) {
				t.Errorf("%s changed:\nbefore %s\nafter  %s", p, clipBody(before[i]), clipBody(after))
			}
			if len(isFeed) < len(wasFeed)-1 || !slices.Equal(isFeed, wasFeed[:len(isFeed)]) {
				t.Errorf("%s lists other activity:\nbefore %v\nafter  %v", p, wasFeed, isFeed)
			}
			if strings.Contains(string(after), marker) {
				t.Errorf("%s still names the intern", p)
			}
			if i > 0 && !strings.Contains(string(after), `"intern_name":"`+placeholder+`"`) {
				t.Errorf("%s does not show the placeholder %q", p, placeholder)
			}
		}
		if got := adm.get(v1("/board.csv")).want(http.StatusOK).Body; string(got) != string(csvNow) {
			t.Errorf("board.csv changed")
		}
		if got := adm.get(v1("/board.csv?as_of=%s", x.during)).want(http.StatusOK).Body; string(got) != string(csvThen) {
			t.Errorf("board.csv as of %s changed", x.during)
		}
		var feed struct{ Items []tracker.Activity }
		adm.get(v1("/activity?actor_id=%d&per_page=100", x.user.ID)).want(http.StatusOK).decode(&feed)
		if len(feed.Items) == 0 || feed.Items[0].ActorName == nil || *feed.Items[0].ActorName != placeholder {
			t.Errorf("the activity feed names %v, want %q", feed.Items, placeholder)
		}

		// The stored handover still reads (and matches its schema), with
		// the placeholder; the evaluation keeps its scores.
		var h store.Handover
		adm.get(v1("/handovers/%d", handover)).want(http.StatusOK).decode(&h)
		if h.Placement.InternName != placeholder || len(h.OpenTasks) != 1 || h.OpenTasks[0].ID != x.wip.ID ||
			h.Record.Note != store.RedactedText {
			t.Errorf("stored handover after = %+v", h)
		}
		notes := 0
		for _, st := range h.Streams {
			for _, tk := range st.Tasks {
				for _, n := range tk.Notes {
					notes++
					if n.Note != store.RedactedText {
						t.Errorf("a progress note of the stored handover = %q", n.Note)
					}
				}
			}
		}
		if notes == 0 {
			t.Error("the stored handover lost its progress notes")
		}
		evs, err := e.DB.Store.Evaluations(context.Background(), e.Users[uAdmin], x.placement.ID)
		mustFixture(e.on(t), "evaluations", err)
		if s := evs[0].Supervisor; s == nil || s.Ratings[0].Score == nil || *s.Ratings[0].Score != 3 ||
			s.Ratings[0].Comment != store.RedactedText || s.Comment != store.RedactedText {
			t.Errorf("supervisor's assessment after = %+v", s)
		}

		// Nothing of theirs is left anywhere: every row of every table.
		w := watchDB(t, e.DB.URL)
		for _, table := range w.tables {
			for _, row := range w.rows(t, table) {
				if strings.Contains(strings.ToLower(row), strings.ToLower(marker)) {
					t.Errorf("%s still holds %q: %s", table, marker, row)
				}
			}
		}
		u, err := e.DB.Store.UserByID(context.Background(), x.user.ID)
		mustFixture(e.on(t), "user", err)
		if u.Active || u.Email != store.AnonymisedEmail(x.user.ID) || u.Locale != x.user.Locale || u.PasswordHash == x.user.PasswordHash {
			t.Errorf("account after = %+v", u)
		}
		// The bystander's words stay.
		var bystander int
		for _, row := range w.rows(t, "comments") {
			if strings.Contains(row, "Comment by Bystander") {
				bystander++
			}
		}
		if bystander != 2 {
			t.Errorf("%d of the bystander's comments left, want 2", bystander)
		}
	})
}

// TestAnonymiseEndsSessions shows an anonymised intern's token and
// password stop working at once.
func TestAnonymiseEndsSessions(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		x := newFormerIntern(e, "SignedIn", 30)
		email := x.user.Email
		cl := e.on(t).as("SignedIn")
		cl.get(v1("/me")).want(http.StatusOK)
		e.on(t).as(uAdmin).post(v1("/admin/anonymise"), map[string]any{"user_id": x.user.ID}).want(http.StatusOK)
		cl.get(v1("/me")).want(http.StatusUnauthorized)
		e.on(t).as("").post(v1("/auth/login"), map[string]string{"email": email, "password": fixturePassword}).want(http.StatusUnauthorized)
	})
}
