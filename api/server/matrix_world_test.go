package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The authorization matrix runs every route for five actors on objects of
// three scopes. The intern and the supervisor belong to CPP, so "same
// branch" is CPP and "other branch" is MC for every actor; leadership and
// admins belong to no branch and see both alike.

// mActor is one of the matrix's callers.
type mActor int

const (
	anonymous mActor = iota
	asIntern
	asSupervisor
	asLeadership
	asAdmin
)

// mActors names each caller and the fixture user it signs in as.
var mActors = [...]struct{ name, user string }{
	{"anonymous", ""}, {"intern", uInternCPP}, {"supervisor", uSupCPP}, {"leadership", uLeader}, {"admin", uAdmin},
}

// mScope is whose object a call addresses.
type mScope int

const (
	scopeOwn   mScope = iota // the caller's own user, placement, task or comment
	scopeSame                // an object of the caller's branch (CPP)
	scopeOther               // an object of the other branch (MC)
)

var mScopeNames = [...]string{"own", "same", "other"}

// world is the matrix's fixture, on one env: a placement for each intern
// (internCPP under supCPP, internCPP2 under supCPP2, internMC under supMC),
// each with its milestones; two projects in CPP and one in MC; a task per
// intern, in their branch's first project, with a progress log by the
// intern; comments by each intern on their task and by supCPP and the admin
// on internCPP's task.
type world struct {
	e                         *apiEnv
	db                        *dbWatch
	adm                       *tracker.User
	pl                        map[string]tracker.Placement // by intern
	projCPP, projCPP2, projMC tracker.Project
	task                      map[string]tracker.Task       // by assignee
	log                       map[int64]tracker.ProgressLog // by task
	comment                   map[string]tracker.Comment    // by author
	seq                       int
}

var fixtureCtx = context.Background()

// newWorld builds the fixture on e and signs every actor in, so that no
// sign-in happens while the matrix watches the database.
func newWorld(t *testing.T, e *apiEnv) *world {
	t.Helper()
	w := &world{e: e, adm: e.Users[uAdmin], pl: map[string]tracker.Placement{}, task: map[string]tracker.Task{},
		log: map[int64]tracker.ProgressLog{}, comment: map[string]tracker.Comment{}}
	for _, p := range [][2]string{{uInternCPP, uSupCPP}, {uInternCPP2, uSupCPP2}, {uInternMC, uSupMC}} {
		w.pl[p[0]] = w.place(e, e.Users[p[0]], p[1])
	}
	w.projCPP, w.projCPP2, w.projMC = w.project(e, branchCPP), w.project(e, branchCPP), w.project(e, branchMC)
	for _, intern := range []string{uInternCPP, uInternCPP2, uInternMC} {
		proj := w.projCPP
		if intern == uInternMC {
			proj = w.projMC
		}
		tk := w.newTask(e, proj, intern)
		w.log[tk.ID] = w.newLog(e, tk.ID, intern)
		w.task[intern] = *w.taskNow(e, tk.ID)
		w.comment[intern] = w.newComment(e, tk.ID, intern)
	}
	for _, author := range []string{uSupCPP, uAdmin} {
		w.comment[author] = w.newComment(e, w.task[uInternCPP].ID, author)
	}
	for _, a := range mActors {
		if a.user != "" {
			e.as(a.user)
		}
	}
	w.db = watchDB(t, e.DB.URL)
	return w
}

func (w *world) name(prefix string) string { w.seq++; return fmt.Sprintf("%s%d", prefix, w.seq) }

func mustFixture(e *apiEnv, what string, err error) {
	e.t.Helper()
	if err != nil {
		e.t.Fatalf("fixture: %s: %v", what, err)
	}
}

// place places intern in their branch under supervisor from a month ago.
func (w *world) place(e *apiEnv, intern *tracker.User, supervisor string) tracker.Placement {
	e.t.Helper()
	p, err := e.DB.Store.CreatePlacement(fixtureCtx, w.adm, store.NewPlacement{InternID: intern.ID, SupervisorID: e.id(supervisor),
		StartDate: tracker.DateOf(e.DB.Clock.Now()).AddDays(-30)})
	mustFixture(e, "place "+intern.Name, err)
	return *p
}

// freshIntern adds an intern to branch.
func (w *world) freshIntern(e *apiEnv, branch int64) *tracker.User {
	e.t.Helper()
	name := w.name("intern")
	u := e.addUser(name, tracker.RoleIntern, &branch)
	e.Users[name] = u
	return u
}

func (w *world) project(e *apiEnv, branch int64) tracker.Project {
	e.t.Helper()
	stream, title := int64(1), w.name("Project ")
	p, err := e.DB.Store.CreateProject(fixtureCtx, w.adm, store.ProjectInput{StreamID: &stream, BranchID: &branch, Title: &title})
	mustFixture(e, "project", err)
	return *p
}

func (w *world) newTask(e *apiEnv, proj tracker.Project, assignee string) tracker.Task {
	e.t.Helper()
	title := w.name("Task ")
	t, err := e.DB.Store.CreateTask(fixtureCtx, w.adm, store.TaskInput{ProjectID: &proj.ID, Title: &title, AssigneeID: tracker.Of(e.id(assignee))})
	mustFixture(e, "task", err)
	return *t
}

func (w *world) newLog(e *apiEnv, task int64, author string) tracker.ProgressLog {
	e.t.Helper()
	pct := 20
	l, _, err := e.DB.Store.AddProgress(fixtureCtx, e.Users[author], task, store.NewProgress{Note: "started", Progress: &pct})
	mustFixture(e, "progress log", err)
	return *l
}

func (w *world) newComment(e *apiEnv, task int64, author string) tracker.Comment {
	e.t.Helper()
	c, err := e.DB.Store.AddComment(fixtureCtx, e.Users[author], task, "A remark by "+author)
	mustFixture(e, "comment", err)
	return *c
}

func (w *world) newTag(e *apiEnv) tracker.Tag {
	e.t.Helper()
	code, name, kind := w.name("T"), "A tag", tracker.TagCountry
	t, err := e.DB.Store.CreateTag(fixtureCtx, w.adm, store.RefInput{Code: &code, Name: &name, Kind: &kind})
	mustFixture(e, "tag", err)
	return *t
}

func (w *world) taskNow(e *apiEnv, id int64) *tracker.Task {
	e.t.Helper()
	t, err := e.DB.Store.Task(fixtureCtx, w.adm, id)
	mustFixture(e, "read task", err)
	return t
}

// cell is one call of the matrix: a route, an actor, a scope. fresh says
// the call is expected to change something, so that it gets objects of its
// own and leaves the shared fixture as it was for later cells.
type cell struct {
	w     *world
	e     *apiEnv // bound to the cell's subtest
	a     mActor
	s     mScope
	fresh bool
}

// at returns the cell for scope s, on the shared objects.
func (c *cell) at(s mScope) *cell { d := *c; d.s, d.fresh = s, false; return &d }

// crossed returns a cell whose scope differs from c's: the caller's own
// object when there is one, otherwise another branch's. Nested-id cases
// address its child through c's parent.
func (c *cell) crossed(k mKind) *cell {
	switch {
	case c.s != scopeOwn && ownable(k, c.a):
		return c.at(scopeOwn)
	case c.s != scopeSame:
		return c.at(scopeSame)
	}
	return c.at(scopeOther)
}

func (c *cell) branch() int64 {
	if c.s == scopeOther {
		return branchMC
	}
	return branchCPP
}

// user is the scope's user: the caller, internCPP2 or internMC (a new
// intern of that branch when fresh).
func (c *cell) user() *tracker.User {
	switch {
	case c.s == scopeOwn:
		return c.e.Users[mActors[c.a].user]
	case c.fresh:
		return c.w.freshIntern(c.e, c.branch())
	case c.s == scopeSame:
		return c.e.Users[uInternCPP2]
	}
	return c.e.Users[uInternMC]
}

// placement is the scope's placement: the intern's own or the one the
// supervisor supervises; internCPP2's (under supCPP2); internMC's. Fresh
// ones place a new intern under the same supervisor.
func (c *cell) placement() tracker.Placement {
	intern, sup := uInternCPP, uSupCPP
	switch c.s {
	case scopeSame:
		intern, sup = uInternCPP2, uSupCPP2
	case scopeOther:
		intern, sup = uInternMC, uSupMC
	}
	if c.fresh && !(c.s == scopeOwn && c.a == asIntern) {
		return c.w.place(c.e, c.w.freshIntern(c.e, c.branch()), sup)
	}
	return c.w.pl[intern]
}

// milestone is the first milestone of the scope's placement.
func (c *cell) milestone() tracker.Milestone {
	p := c.placement()
	ms, err := c.e.DB.Store.Milestones(fixtureCtx, c.w.adm, p.ID)
	mustFixture(c.e, "milestones", err)
	return ms[0]
}

// project is CPP's first project or MC's (a new empty one when fresh).
func (c *cell) project() tracker.Project {
	if c.fresh {
		return c.w.project(c.e, c.branch())
	}
	if c.s == scopeOther {
		return c.w.projMC
	}
	return c.w.projCPP
}

// assignee is the intern a task of the scope belongs to.
func (c *cell) assignee() string {
	switch c.s {
	case scopeOwn:
		return uInternCPP
	case scopeSame:
		return uInternCPP2
	}
	return uInternMC
}

// task is the scope's task: the intern's own, internCPP2's, internMC's
// (a new one for the same intern when fresh).
func (c *cell) task() tracker.Task {
	if c.fresh {
		proj := c.w.projCPP
		if c.s == scopeOther {
			proj = c.w.projMC
		}
		return c.w.newTask(c.e, proj, c.assignee())
	}
	return c.w.task[c.assignee()]
}

// comment is the scope's comment and its task: by the caller (on
// internCPP's task), by internCPP2 on theirs, by internMC on theirs.
func (c *cell) comment() (task int64, cm tracker.Comment) {
	author := c.assignee()
	if c.s == scopeOwn {
		author = mActors[c.a].user
	}
	cm = c.w.comment[author]
	if c.fresh {
		return cm.TaskID, c.w.newComment(c.e, cm.TaskID, author)
	}
	return cm.TaskID, cm
}

// selfToken signs in a new user with the caller's role (in CPP for an
// intern or a supervisor), for calls that would change the caller.
func (c *cell) selfToken() string {
	if c.a == anonymous {
		return ""
	}
	role := map[mActor]tracker.Role{asIntern: tracker.RoleIntern, asSupervisor: tracker.RoleSupervisor,
		asLeadership: tracker.RoleLeadership, asAdmin: tracker.RoleAdmin}[c.a]
	var branch *int64
	if role == tracker.RoleIntern || role == tracker.RoleSupervisor {
		b := branchCPP
		branch = &b
	}
	name := c.w.name("self")
	c.e.Users[name] = c.e.addUser(name, role, branch)
	return c.e.as(name).token
}

// signIn returns a new access token of the caller's own, in a session of
// its own.
func (c *cell) signIn() string {
	if c.a == anonymous {
		return ""
	}
	var tr struct {
		AccessToken string `json:"access_token"`
	}
	u := c.e.Users[mActors[c.a].user]
	c.e.as("").post("/api/v1/auth/login", map[string]string{"email": u.Email, "password": fixturePassword}).
		want(http.StatusOK).decode(&tr)
	return tr.AccessToken
}

// version reads the current version of the object at path (an item route
// of the API), as the admin, so that PATCHes send a current If-Match and
// fail, when they do, for the right reason.
func (c *cell) version(path string) int64 {
	c.e.t.Helper()
	r := c.e.as(uAdmin).get(path)
	if r.Code != http.StatusOK {
		c.e.t.Fatalf("fixture: read %s: %d", path, r.Code)
	}
	return r.etag()
}

func v1(format string, a ...any) string { return "/api/v1" + fmt.Sprintf(format, a...) }

func isWrite(method string) bool {
	return method != http.MethodGet && !strings.EqualFold(method, "HEAD")
}
