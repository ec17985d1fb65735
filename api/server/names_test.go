package server_test

import (
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// An intern may not read other users, so the names of the people an
// object names travel inside it: the intern learns who their supervisor is
// from the comment and the placement they already read.
func TestNamesTravelWithObjects(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		proj := k.project(uSupCPP, branchCPP, nil)
		own := k.task(proj.ID, uInternCPP, nil)
		peer := k.task(proj.ID, uInternCPP2, nil)
		loose := k.task(proj.ID, "", nil)
		name := func(who string) string { return e.Users[who].Name }

		t.Run("ErrUsersHidden", func(t *testing.T) {
			e := e.on(t)
			for _, who := range []string{uSupCPP, uInternCPP2} {
				e.as(uInternCPP).get("/api/v1/users/"+itoa(e.id(who))).wantProblem(404, tracker.ECodeNotFound)
			}
		})

		t.Run("CommentAuthor", func(t *testing.T) {
			e := e.on(t)
			var c tracker.Comment
			e.as(uSupCPP).post(taskPath(own.ID)+"/comments", map[string]any{"body": "Start with the 2025 report"}).
				want(201).decode(&c)
			if c.AuthorName != name(uSupCPP) {
				t.Fatalf("created comment: author_name %q, want %q", c.AuthorName, name(uSupCPP))
			}
			var l struct{ Items []tracker.Comment }
			e.as(uInternCPP).get(taskPath(own.ID) + "/comments").want(200).decode(&l)
			if len(l.Items) != 1 || l.Items[0].AuthorName != name(uSupCPP) {
				t.Fatalf("comments read by the intern: %+v, want one by %q", l.Items, name(uSupCPP))
			}
		})

		t.Run("TaskAssignees", func(t *testing.T) {
			e := e.on(t)
			var l struct{ Items []tracker.Task }
			e.as(uInternCPP).get("/api/v1/tasks?project_id=" + itoa(proj.ID)).want(200).decode(&l)
			want := map[int64]*string{own.ID: ptr(name(uInternCPP)), peer.ID: ptr(name(uInternCPP2)), loose.ID: nil}
			if len(l.Items) != len(want) {
				t.Fatalf("%d tasks, want %d", len(l.Items), len(want))
			}
			for _, tk := range l.Items {
				got, w := tk.AssigneeName, want[tk.ID]
				if (got == nil) != (w == nil) || (got != nil && *got != *w) {
					t.Fatalf("task %d: assignee_name %v, want %v", tk.ID, deref(got), deref(w))
				}
			}
		})

		var pl tracker.Placement
		t.Run("PlacementNames", func(t *testing.T) {
			e := e.on(t)
			var l struct{ Items []tracker.Placement }
			e.as(uInternCPP).get("/api/v1/placements").want(200).decode(&l)
			if len(l.Items) != 1 {
				t.Fatalf("%d placements, want the intern's one", len(l.Items))
			}
			pl = l.Items[0]
			if pl.InternName != name(uInternCPP) || pl.SupervisorName != name(uSupCPP) {
				t.Fatalf("placement names %q, %q; want %q, %q", pl.InternName, pl.SupervisorName, name(uInternCPP), name(uSupCPP))
			}
			if pl.LastLogAt != nil {
				t.Fatalf("last_log_at %v before any log, want null", pl.LastLogAt)
			}
		})

		t.Run("LastLogAt", func(t *testing.T) {
			e := e.on(t)
			if pl.ID == 0 {
				t.Skip("no placement")
			}
			var first, last tracker.ProgressLog
			// Short steps, so the tokens signed at the start stay valid.
			e.DB.Clock.Advance(2*time.Minute + 250*time.Millisecond)
			e.as(uInternCPP).post(taskPath(own.ID)+"/progress", map[string]any{"progress": 10}).want(201).decode(&first)
			e.DB.Clock.Advance(3*time.Minute + 500*time.Millisecond)
			e.as(uInternCPP).post(taskPath(own.ID)+"/progress", map[string]any{"progress": 20}).want(201).decode(&last)
			if last.AuthorName != name(uInternCPP) {
				t.Fatalf("progress log: author_name %q, want %q", last.AuthorName, name(uInternCPP))
			}
			// A supervisor's log on the intern's task is not the intern's.
			e.DB.Clock.Advance(time.Minute)
			e.as(uSupCPP).post(taskPath(own.ID)+"/progress", map[string]any{"progress": 30}).want(201)
			var got tracker.Placement
			e.as(uInternCPP).get(plPath(pl)).want(200).decode(&got)
			if got.LastLogAt == nil || !got.LastLogAt.Equal(last.CreatedAt) {
				t.Fatalf("last_log_at %v, want %v", got.LastLogAt, last.CreatedAt)
			}
			var tl struct{ Placement tracker.Placement }
			e.as(uInternCPP).get(plPath(pl) + "/timeline").want(200).decode(&tl)
			if tl.Placement.LastLogAt == nil || !tl.Placement.LastLogAt.Equal(last.CreatedAt) || tl.Placement.SupervisorName != name(uSupCPP) {
				t.Fatalf("timeline placement: last_log_at %v supervisor_name %q", tl.Placement.LastLogAt, tl.Placement.SupervisorName)
			}
		})

		t.Run("ActivityActors", func(t *testing.T) {
			e := e.on(t)
			var l struct{ Items []tracker.Activity }
			e.as(uInternCPP).get("/api/v1/activity?per_page=100").want(200).decode(&l)
			seen := map[string]bool{}
			for _, a := range l.Items {
				switch {
				case a.ActorID == nil && a.ActorName != nil:
					t.Fatalf("activity %d by the system: actor_name %q, want null", a.ID, *a.ActorName)
				case a.ActorID == nil:
					seen["system"] = true
				case a.ActorName == nil || *a.ActorName != userName(e, *a.ActorID):
					t.Fatalf("activity %d by user %d: actor_name %v, want %q", a.ID, *a.ActorID, deref(a.ActorName), userName(e, *a.ActorID))
				default:
					seen[*a.ActorName] = true
				}
			}
			for _, who := range []string{"system", name(uSupCPP), name(uAdmin), name(uInternCPP)} {
				if !seen[who] {
					t.Fatalf("no activity by %s among the intern's %d rows", who, len(l.Items))
				}
			}
		})

		t.Run("Board", func(t *testing.T) {
			e := e.on(t)
			var b struct {
				ActivePlacements []tracker.Placement `json:"active_placements"`
				RecentActivity   []tracker.Activity  `json:"recent_activity"`
			}
			e.as(uSupCPP).get("/api/v1/board").want(200).decode(&b)
			if len(b.ActivePlacements) == 0 || len(b.RecentActivity) == 0 {
				t.Fatalf("board: %d placements, %d activity rows", len(b.ActivePlacements), len(b.RecentActivity))
			}
			for _, p := range b.ActivePlacements {
				if p.InternName != userName(e, p.InternID) || p.SupervisorName != userName(e, p.SupervisorID) {
					t.Fatalf("board placement %d: names %q, %q", p.ID, p.InternName, p.SupervisorName)
				}
			}
			if a := b.RecentActivity[0]; a.ActorID == nil || a.ActorName == nil || *a.ActorName != name(uSupCPP) {
				t.Fatalf("latest activity: actor %v named %v, want %q", a.ActorID, deref(a.ActorName), name(uSupCPP))
			}
		})
	})
}

// userName returns the name of fixture user id, failing the test when id
// is no fixture user.
func userName(e *apiEnv, id int64) string {
	e.t.Helper()
	for _, u := range e.Users {
		if u.ID == id {
			return u.Name
		}
	}
	e.t.Fatalf("user %d is no fixture user", id)
	return ""
}

// deref returns *s, or nil, for messages.
func deref(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
