package server_test

import "strings"

// The expectation table of TestAuthorizationMatrix: design.md's rights
// table, route by route. Each want reads
//
//	anonymous | intern | supervisor | leadership | admin
//
// and within an actor one status per scope (own same other; same other
// for branches and projects) or one status for all; "-" where the actor
// has no object of its own. The intern and the supervisor are of CPP.

const (
	anyone      = "200"
	signedIn    = "401 | 200 | 200 | 200 | 200"
	adminOnly   = "401 | 403 | 403 | 403 | "
	notNested   = "401 | 404 | 404 | 404 | 404"
	readsUsers  = "401 | 200 404 404 | 200 200 404 | 200 | 200"
	readsPlaces = "401 | 200 404 404 | 200 200 404 | 200 | 200"
	readsWork   = "401 | 200 200 404 | 200 | 200 | 200"
)

// fixed is a cell that sends nothing but path.
func pathOnly(path string) func(*cell) target {
	return func(*cell) target { return target{path: path} }
}

// patchAt is a PATCH of path with the object's current version.
func patchAt(c *cell, path string, body any) target {
	return target{path: path, body: body, ifMatch: c.version(path)}
}

func tokenOf(s string) *string { return &s }

func matrixRows() []mrow {
	rows := []mrow{
		// Operations and the contract are public.
		{method: "GET", route: "/healthz", kind: kNone, want: anyone, build: pathOnly("/healthz")},
		{method: "GET", route: "/readyz", kind: kNone, want: anyone, build: pathOnly("/readyz")},
		{method: "GET", route: "/metrics", kind: kNone, want: anyone, build: pathOnly("/metrics")},
		{method: "GET", route: "/api/v1/openapi.yaml", kind: kNone, want: anyone, build: pathOnly(v1("/openapi.yaml"))},

		// Signing in, out and refreshing act on the caller's own session.
		{method: "POST", route: "/api/v1/auth/login", kind: kSelf, want: signedIn, build: func(c *cell) target {
			if c.a == anonymous {
				return target{path: v1("/auth/login"), body: map[string]string{"email": "nobody@example.org", "password": "not a password"},
					mayTouch: []string{"login_failures"}}
			}
			return target{path: v1("/auth/login"), body: map[string]string{"email": c.e.Users[mActors[c.a].user].Email, "password": fixturePassword}}
		}},
		{method: "POST", route: "/api/v1/auth/refresh", kind: kSelf, want: "401", build: func(c *cell) target {
			return target{path: v1("/auth/refresh"), body: map[string]string{"refresh_token": "an access token is no refresh token"}}
		}},
		{method: "POST", route: "/api/v1/auth/logout", kind: kSelf, want: "204", build: func(c *cell) target {
			return target{path: v1("/auth/logout"), token: tokenOf(c.signIn())}
		}},
		{method: "GET", route: "/api/v1/me", kind: kSelf, want: signedIn, build: pathOnly(v1("/me"))},
		{method: "PUT", route: "/api/v1/me/password", kind: kSelf, want: "401 | 204 | 204 | 204 | 204", build: func(c *cell) target {
			return target{path: v1("/me/password"), token: tokenOf(c.selfToken()),
				body: map[string]string{"current_password": fixturePassword, "new_password": "a brand new passphrase 2026"}}
		}},
		// Exports and the calendar feed (issue 5). The feed is public by its
		// secret: the caller's own URL opens it, an unknown secret is 404.
		{method: "GET", route: "/api/v1/me/calendar", kind: kSelf, want: signedIn, build: pathOnly(v1("/me/calendar"))},
		{method: "POST", route: "/api/v1/me/calendar/rotate", kind: kSelf, want: signedIn, build: pathOnly(v1("/me/calendar/rotate"))},
		{method: "GET", route: "/api/v1/calendar/:feed", kind: kSelf, want: "404 | 200 | 200 | 200 | 200", build: func(c *cell) target {
			if c.a == anonymous {
				return target{path: v1("/calendar/%s.ics", strings.Repeat("A", 43))}
			}
			return target{path: feedPath(c.e, mActors[c.a].user)}
		}},
		{method: "GET", route: "/api/v1/tasks.csv", kind: kNone, want: signedIn, build: pathOnly(v1("/tasks.csv"))},
		{method: "GET", route: "/api/v1/board.csv", kind: kNone, want: "401 | 403 | 200 | 200 | 200", build: pathOnly(v1("/board.csv"))},
		{method: "GET", route: "/api/v1/placements/:id/handover", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: v1("/placements/%d/handover", c.placement().ID)}
		}},

		// Users: an intern reads only themself, a supervisor their branch.
		{method: "GET", route: "/api/v1/users", kind: kUser, want: signedIn, listOf: "GET /api/v1/users/:id", build: func(c *cell) target {
			return target{path: v1("/users?per_page=100"), listed: c.user().ID}
		}},
		{method: "POST", route: "/api/v1/users", kind: kBranch, want: adminOnly + "201", build: func(c *cell) target {
			return target{path: v1("/users"), body: map[string]any{"email": c.w.name("new") + "@example.org", "name": "New",
				"role": "intern", "branch_id": c.branch(), "password": "a long enough password"}}
		}},
		{method: "GET", route: "/api/v1/users/:id", kind: kUser, want: readsUsers, build: func(c *cell) target {
			return target{path: v1("/users/%d", c.user().ID)}
		}},
		{method: "PATCH", route: "/api/v1/users/:id", kind: kUser, want: "401 | 200 404 404 | 200 403 404 | 200 403 403 | 200",
			build: func(c *cell) target {
				return patchAt(c, v1("/users/%d", c.user().ID), map[string]any{"name": "Renamed"})
			}},

		// Reference data: everyone signed in reads it, admins manage it.
		{method: "GET", route: "/api/v1/branches", kind: kNone, want: signedIn, build: pathOnly(v1("/branches"))},
		{method: "POST", route: "/api/v1/branches", kind: kNone, want: adminOnly + "201", build: func(c *cell) target {
			return target{path: v1("/branches"), body: map[string]any{"code": c.w.name("B"), "name": "New branch"}}
		}},
		{method: "GET", route: "/api/v1/branches/:id", kind: kBranch, want: signedIn, build: func(c *cell) target {
			return target{path: v1("/branches/%d", c.branch())}
		}},
		{method: "PATCH", route: "/api/v1/branches/:id", kind: kBranch, want: adminOnly + "200", build: func(c *cell) target {
			return patchAt(c, v1("/branches/%d", c.branch()), map[string]any{"description": c.w.name("described ")})
		}},
		{method: "GET", route: "/api/v1/streams", kind: kNone, want: signedIn, build: pathOnly(v1("/streams"))},
		{method: "GET", route: "/api/v1/streams/:id", kind: kNone, want: signedIn, build: pathOnly(v1("/streams/1"))},
		{method: "GET", route: "/api/v1/tags", kind: kNone, want: signedIn, build: pathOnly(v1("/tags"))},
		{method: "POST", route: "/api/v1/tags", kind: kNone, want: adminOnly + "201", build: func(c *cell) target {
			return target{path: v1("/tags"), body: map[string]any{"code": c.w.name("T"), "name": "New tag", "kind": "framework"}}
		}},
		{method: "GET", route: "/api/v1/tags/:id", kind: kNone, want: signedIn, build: pathOnly(v1("/tags/1"))},
		{method: "PATCH", route: "/api/v1/tags/:id", kind: kNone, want: adminOnly + "200", build: func(c *cell) target {
			return patchAt(c, v1("/tags/1"), map[string]any{"description": c.w.name("described ")})
		}},
		{method: "DELETE", route: "/api/v1/tags/:id", kind: kNone, want: adminOnly + "204", build: func(c *cell) target {
			if !c.fresh {
				return target{path: v1("/tags/1")}
			}
			return target{path: v1("/tags/%d", c.w.newTag(c.e).ID)}
		}},
	}
	rows = append(rows, placementRows()...)
	rows = append(rows, workRows()...)
	rows = append(rows, objectiveRows()...)
	rows = append(rows, handoverRows()...)
	rows = append(rows, evaluationsRows()...)
	rows = append(rows, reportRows()...)
	rows = append(rows, checklistRows()...)
	rows = append(rows, personalRows()...)
	return append(rows, taskChildRows()...)
}

func placementRows() []mrow {
	milestone := func(c *cell) string {
		m := c.milestone()
		return v1("/placements/%d/milestones/%d", m.PlacementID, m.ID)
	}
	return []mrow{
		{method: "GET", route: "/api/v1/placements", kind: kPlacement, want: signedIn, listOf: "GET /api/v1/placements/:id",
			build: func(c *cell) target { return target{path: v1("/placements?per_page=100"), listed: c.placement().ID} }},
		// A supervisor names an intern of another branch, whom they cannot
		// see: the body refers to nothing (422), as if the intern did not exist.
		{method: "POST", route: "/api/v1/placements", kind: kBranch, want: "401 | 403 | 201 422 | 403 | 201", build: func(c *cell) target {
			sup := map[mScope]string{scopeSame: uSupCPP2, scopeOther: uSupMC}[c.s]
			return target{path: v1("/placements"), body: map[string]any{"intern_id": c.w.freshIntern(c.e, c.branch()).ID,
				"supervisor_id": c.e.id(sup), "start_date": c.e.day(0)}}
		}},
		{method: "GET", route: "/api/v1/placements/:id", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: v1("/placements/%d", c.placement().ID)}
		}},
		{method: "PATCH", route: "/api/v1/placements/:id", kind: kPlacement, want: "401 | 403 404 404 | 200 200 404 | 403 | 200",
			build: func(c *cell) target {
				return patchAt(c, v1("/placements/%d", c.placement().ID), map[string]any{"focus": "Matrix focus"})
			}},
		{method: "DELETE", route: "/api/v1/placements/:id", kind: kPlacement, want: "401 | 403 404 404 | 204 204 404 | 403 | 204",
			build: func(c *cell) target { return target{path: v1("/placements/%d", c.placement().ID)} }},
		{method: "GET", route: "/api/v1/placements/:id/milestones", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: v1("/placements/%d/milestones", c.placement().ID)}
		}},
		{method: "GET", route: "/api/v1/placements/:id/milestones/:mid", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: milestone(c)}
		}},
		{method: "GET", route: "/api/v1/placements/:id/milestones/:mid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target {
				m := c.crossed(kPlacement).milestone()
				return target{path: v1("/placements/%d/milestones/%d", c.placement().ID, m.ID)}
			}},
		{method: "PATCH", route: "/api/v1/placements/:id/milestones/:mid", kind: kPlacement, want: "401 | 403 404 404 | 200 200 404 | 403 | 200",
			build: func(c *cell) target { return patchAt(c, milestone(c), map[string]any{"done": true}) }},
		{method: "PATCH", route: "/api/v1/placements/:id/milestones/:mid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target {
				m := c.crossed(kPlacement).milestone()
				real := v1("/placements/%d/milestones/%d", m.PlacementID, m.ID)
				return target{path: v1("/placements/%d/milestones/%d", c.placement().ID, m.ID), body: map[string]any{"done": true},
					ifMatch: c.version(real)}
			}},
		{method: "GET", route: "/api/v1/placements/:id/timeline", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: v1("/placements/%d/timeline", c.placement().ID)}
		}},
		{method: "GET", route: "/api/v1/board", kind: kPlacement, want: "401 | 403 | 200 | 200 | 200", listOf: "GET /api/v1/placements/:id",
			build: func(c *cell) target {
				return target{path: v1("/board"), listed: c.placement().ID, listKey: "active_placements"}
			}},
		{method: "GET", route: "/api/v1/activity", variant: "placement", kind: kPlacement, want: signedIn, listOf: "GET /api/v1/placements/:id",
			build: func(c *cell) target {
				id := c.placement().ID
				return target{path: v1("/activity?entity_type=placement&entity_id=%d&per_page=100", id), listed: id, idKey: "entity_id"}
			}},
		{method: "GET", route: "/api/v1/activity", variant: "user", kind: kUser, want: signedIn, listOf: "GET /api/v1/users/:id",
			build: func(c *cell) target {
				id := c.user().ID
				return target{path: v1("/activity?entity_type=user&entity_id=%d&per_page=100", id), listed: id, idKey: "entity_id"}
			}},
	}
}

// workRows are the projects and tasks: everyone but an intern reads every
// branch's; an admin and the branch's supervisors edit them.
func workRows() []mrow {
	task := func(c *cell) string { return v1("/tasks/%d", c.task().ID) }
	return []mrow{
		{method: "GET", route: "/api/v1/projects", kind: kProject, want: signedIn, listOf: "GET /api/v1/projects/:id",
			build: func(c *cell) target { return target{path: v1("/projects?per_page=100"), listed: c.project().ID} }},
		{method: "POST", route: "/api/v1/projects", kind: kBranch, want: "401 | 403 | 201 403 | 403 | 201", build: func(c *cell) target {
			return target{path: v1("/projects"), body: map[string]any{"stream_id": 2, "branch_id": c.branch(), "title": "New project"}}
		}},
		{method: "GET", route: "/api/v1/projects/:id", kind: kProject, want: "401 | 200 404 | 200 | 200 | 200", build: func(c *cell) target {
			return target{path: v1("/projects/%d", c.project().ID)}
		}},
		{method: "PATCH", route: "/api/v1/projects/:id", kind: kProject, want: "401 | 403 404 | 200 403 | 403 | 200", build: func(c *cell) target {
			return patchAt(c, v1("/projects/%d", c.project().ID), map[string]any{"description": "Matrix"})
		}},
		{method: "DELETE", route: "/api/v1/projects/:id", kind: kProject, want: "401 | 403 404 | 204 403 | 403 | 204", build: func(c *cell) target {
			return target{path: v1("/projects/%d", c.project().ID)}
		}},
		{method: "GET", route: "/api/v1/tasks", kind: kTask, want: signedIn, listOf: "GET /api/v1/tasks/:id",
			build: func(c *cell) target { return target{path: v1("/tasks?per_page=100"), listed: c.task().ID} }},
		{method: "POST", route: "/api/v1/tasks", kind: kBranch, want: "401 | 403 | 201 403 | 403 | 201", build: func(c *cell) target {
			proj, intern := c.w.projCPP, uInternCPP2
			if c.s == scopeOther {
				proj, intern = c.w.projMC, uInternMC
			}
			return target{path: v1("/tasks"), body: map[string]any{"project_id": proj.ID, "title": "New task", "assignee_id": c.e.id(intern)}}
		}},
		{method: "GET", route: "/api/v1/tasks/:id", kind: kTask, want: readsWork, build: func(c *cell) target {
			return target{path: task(c)}
		}},
		// The assignee moves their task; nobody else but its branch's editors.
		{method: "PATCH", route: "/api/v1/tasks/:id", kind: kTask, want: "401 | 200 403 404 | 200 403 | 403 | 200", build: func(c *cell) target {
			return patchAt(c, task(c), map[string]any{"status": "in_progress"})
		}},
		{method: "PATCH", route: "/api/v1/tasks/:id", variant: "edit", kind: kTask, want: "401 | 403 403 404 | 200 403 | 403 | 200",
			build: func(c *cell) target {
				return patchAt(c, task(c), map[string]any{"title": "Edited", "priority": "urgent"})
			}},
		// A task addressed through a project of the caller's own branch
		// (CPP's second project): the MC task stays where it is.
		{method: "PATCH", route: "/api/v1/tasks/:id", variant: "intoOwnBranchProject", kind: kTask,
			want: "401 | 403 403 404 | 200 403 | 403 | 200 422", build: func(c *cell) target {
				return patchAt(c, task(c), map[string]any{"project_id": c.w.projCPP2.ID})
			}},
		{method: "DELETE", route: "/api/v1/tasks/:id", kind: kTask, want: "401 | 403 403 404 | 204 403 | 403 | 204", build: func(c *cell) target {
			return target{path: task(c)}
		}},
		{method: "GET", route: "/api/v1/activity", variant: "task", kind: kTask, want: signedIn, listOf: "GET /api/v1/tasks/:id",
			build: func(c *cell) target {
				id := c.task().ID
				return target{path: v1("/activity?entity_type=task&entity_id=%d&per_page=100", id), listed: id, idKey: "entity_id"}
			}},
	}
}

// taskChildRows are progress logs and comments, addressed through their
// task: the assignee, the branch's supervisors and admins write them.
func taskChildRows() []mrow {
	const works = "401 | 201 403 404 | 201 403 | 403 | 201"
	crossedComment := func(c *cell) (path, real string) {
		task, _ := c.comment()
		child, cm := c.crossed(kComment).comment()
		return v1("/tasks/%d/comments/%d", task, cm.ID), v1("/tasks/%d/comments/%d", child, cm.ID)
	}
	comment := func(c *cell) string {
		task, cm := c.comment()
		return v1("/tasks/%d/comments/%d", task, cm.ID)
	}
	return []mrow{
		{method: "GET", route: "/api/v1/tasks/:id/progress", kind: kTask, want: readsWork, build: func(c *cell) target {
			return target{path: v1("/tasks/%d/progress", c.task().ID)}
		}},
		{method: "POST", route: "/api/v1/tasks/:id/progress", kind: kTask, want: works, build: func(c *cell) target {
			return target{path: v1("/tasks/%d/progress", c.task().ID), body: map[string]any{"progress": 40, "note": "Matrix"}}
		}},
		{method: "GET", route: "/api/v1/tasks/:id/progress/:pid", kind: kTask, want: readsWork, build: func(c *cell) target {
			t := c.task()
			return target{path: v1("/tasks/%d/progress/%d", t.ID, c.w.log[t.ID].ID)}
		}},
		{method: "GET", route: "/api/v1/tasks/:id/progress/:pid", variant: "crossed", kind: kTask, want: notNested,
			build: func(c *cell) target {
				return target{path: v1("/tasks/%d/progress/%d", c.task().ID, c.w.log[c.crossed(kTask).task().ID].ID)}
			}},
		{method: "GET", route: "/api/v1/tasks/:id/comments", kind: kTask, want: readsWork, build: func(c *cell) target {
			return target{path: v1("/tasks/%d/comments", c.task().ID)}
		}},
		{method: "POST", route: "/api/v1/tasks/:id/comments", kind: kTask, want: works, build: func(c *cell) target {
			return target{path: v1("/tasks/%d/comments", c.task().ID), body: map[string]any{"body": "Matrix remark"}}
		}},
		{method: "GET", route: "/api/v1/tasks/:id/comments/:cid", kind: kComment, want: "401 | 200 200 404 | 200 | 200 | 200",
			build: func(c *cell) target { return target{path: comment(c)} }},
		{method: "GET", route: "/api/v1/tasks/:id/comments/:cid", variant: "crossed", kind: kComment, want: notNested,
			build: func(c *cell) target { p, _ := crossedComment(c); return target{path: p} }},
		// Only its author edits a comment.
		{method: "PATCH", route: "/api/v1/tasks/:id/comments/:cid", kind: kComment,
			want: "401 | 200 403 404 | 200 403 403 | 403 | 200 403 403", build: func(c *cell) target {
				return patchAt(c, comment(c), map[string]any{"body": "Edited remark"})
			}},
		{method: "PATCH", route: "/api/v1/tasks/:id/comments/:cid", variant: "crossed", kind: kComment, want: notNested,
			build: func(c *cell) target {
				p, real := crossedComment(c)
				return target{path: p, body: map[string]any{"body": "Edited remark"}, ifMatch: c.version(real)}
			}},
		// Its author or an editor of the branch deletes a comment.
		{method: "DELETE", route: "/api/v1/tasks/:id/comments/:cid", kind: kComment,
			want: "401 | 204 403 404 | 204 204 403 | 403 | 204", build: func(c *cell) target { return target{path: comment(c)} }},
		{method: "DELETE", route: "/api/v1/tasks/:id/comments/:cid", variant: "crossed", kind: kComment, want: notNested,
			build: func(c *cell) target { p, _ := crossedComment(c); return target{path: p} }},
	}
}
