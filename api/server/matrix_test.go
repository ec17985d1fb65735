package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// mKind is what a route addresses; it decides the scopes of its cells.
type mKind int

const (
	kNone      mKind = iota // nothing in particular: one cell per actor
	kSelf                   // the caller: one cell per actor
	kBranch                 // a branch: same, other
	kProject                // a project: same, other (nobody owns one)
	kUser                   // a user: own (the caller), same, other
	kPlacement              // a placement: own (the intern's, the supervisor's), same, other
	kTask                   // a task: own (the intern's), same, other
	kComment                // a comment: own (the caller's), same, other
)

func (k mKind) scopes() []mScope {
	switch k {
	case kNone:
		return []mScope{scopeSame}
	case kSelf:
		return []mScope{scopeOwn}
	case kBranch, kProject:
		return []mScope{scopeSame, scopeOther}
	}
	return []mScope{scopeOwn, scopeSame, scopeOther}
}

// ownable reports whether a has an object of its own of kind k.
func ownable(k mKind, a mActor) bool {
	switch k {
	case kSelf:
		return true
	case kUser:
		return a != anonymous
	case kPlacement:
		return a == asIntern || a == asSupervisor
	case kTask:
		return a == asIntern
	case kComment:
		return a == asIntern || a == asSupervisor || a == asAdmin
	}
	return false
}

// na marks a cell that does not exist (no object of one's own).
const noCell = -1

// mrow is one route (or one variant of a route's body) of the matrix.
type mrow struct {
	method, route, variant string
	kind                   mKind
	// want is the status per actor, "|"-separated in the order anonymous,
	// intern, supervisor, leadership, admin; within an actor one status for
	// all its scopes, or one per scope of the kind ("-", or nothing, for
	// the own object of an actor who has none). A want without "|" holds
	// for every actor.
	want  string
	build func(c *cell) target
	// listOf names, for a list, the item route whose expected status (200
	// or not) says whether the cell's object must be in the list.
	listOf string
}

// target is the request a cell sends.
type target struct {
	path    string
	body    any
	ifMatch int64   // sent as If-Match when set
	token   *string // a token of the cell's own instead of the actor's
	// listed is, for a list, the id to look for under listKey ("items")
	// in the field idKey ("id") of the answer.
	listed         int64
	listKey, idKey string
	// mayTouch names tables a refused call may still write (failed
	// sign-ins are counted).
	mayTouch []string
}

func (r mrow) key() string {
	k := r.method + " " + r.route
	if r.variant != "" {
		k += "#" + r.variant
	}
	return k
}

// expect parses want into a status per actor and scope.
func (r mrow) expect() (out [len(mActors)][3]int, err error) {
	groups := strings.Split(r.want, "|")
	if len(groups) == 1 {
		groups = slices.Repeat(groups, len(mActors))
	}
	if len(groups) != len(mActors) {
		return out, fmt.Errorf("%s: want has %d actors, not %d", r.key(), len(groups), len(mActors))
	}
	scopes := r.kind.scopes()
	for a, g := range groups {
		out[a] = [3]int{noCell, noCell, noCell}
		f := strings.Fields(g)
		noOwn := scopes[0] == scopeOwn && len(scopes) > 1 && !ownable(r.kind, mActor(a))
		switch {
		case len(f) == 1:
			f = slices.Repeat(f, len(scopes))
			if noOwn {
				f[0] = "-"
			}
		case noOwn && len(f) == len(scopes)-1:
			f = append([]string{"-"}, f...)
		}
		if len(f) != len(scopes) {
			return out, fmt.Errorf("%s: %s has %d statuses for %d scopes", r.key(), mActors[a].name, len(f), len(scopes))
		}
		for i, s := range scopes {
			applies := s != scopeOwn || ownable(r.kind, mActor(a))
			if f[i] == "-" {
				if applies {
					return out, fmt.Errorf("%s: %s/%s has no status", r.key(), mActors[a].name, mScopeNames[s])
				}
				continue
			}
			if !applies {
				return out, fmt.Errorf("%s: %s has no object of its own, yet a status", r.key(), mActors[a].name)
			}
			if out[a][s], err = strconv.Atoi(f[i]); err != nil {
				return out, fmt.Errorf("%s: %v", r.key(), err)
			}
		}
	}
	return out, nil
}

// Routes the matrix does not cover, by name: the SPA's and the API's
// catch-alls, and the not-found route Echo adds for the /api/v1 group.
var unmatrixed = map[string]string{
	"/*":                           "serves the SPA for every other path",
	"/api/v1/*":                    "answers 404 for unknown API paths, whatever the method",
	"echo_route_not_found /api/v1": "Echo's own not-found route of the /api/v1 group",
}

func skipRoute(method, path string) bool {
	_, byPath := unmatrixed[path]
	_, byRoute := unmatrixed[method+" "+path]
	return byPath || byRoute
}

// checkCoverage fails unless every registered route has a row and every
// row names a registered route; it returns the number of routes.
func checkCoverage(t *testing.T, e *apiEnv, rows []mrow) int {
	t.Helper()
	have, registered := map[string]bool{}, map[string]bool{}
	for _, r := range rows {
		have[r.method+" "+r.route] = true
	}
	for _, rt := range e.Server.Echo().Routes() {
		if skipRoute(rt.Method, rt.Path) {
			continue
		}
		k := rt.Method + " " + rt.Path
		registered[k] = true
		if !have[k] {
			t.Errorf("route %s has no row in the authorization matrix (matrix_routes_test.go)", k)
		}
	}
	for k := range have {
		if !registered[k] {
			t.Errorf("matrix row %s names no registered route", k)
		}
	}
	if len(registered) < 40 {
		t.Errorf("only %d routes registered: the enumeration is broken", len(registered))
	}
	if t.Failed() {
		t.FailNow()
	}
	return len(registered)
}

// TestAuthorizationMatrix calls every registered route as anonymous, an
// intern, a supervisor, leadership and an admin, on their own object, one
// of their branch and one of the other branch, and checks the status
// against design.md's rights table (hidden answers 404 like missing,
// visible but forbidden 403); that every refused write left the database
// as it was; that lists hold exactly what the item routes show; and that no
// error body tells internals.
func TestAuthorizationMatrix(t *testing.T) {
	rows := matrixRows()
	want := map[string][len(mActors)][3]int{}
	for _, r := range rows {
		exp, err := r.expect()
		if err != nil {
			t.Fatal(err)
		}
		if _, dup := want[r.key()]; dup {
			t.Fatalf("two rows for %s", r.key())
		}
		want[r.key()] = exp
	}
	// Reads first, on the fixture as built; writes after.
	slices.SortStableFunc(rows, func(a, b mrow) int {
		return cmpBool(isWrite(a.method), isWrite(b.method))
	})
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		routes := checkCoverage(t, e, rows)
		w := newWorld(t, e)
		cells := 0
		for _, r := range rows {
			t.Run(rowName(r), func(t *testing.T) {
				for a := range mActors {
					for _, s := range r.kind.scopes() {
						status := want[r.key()][a][s]
						if status == noCell {
							continue
						}
						cells++
						t.Run(mActors[a].name+"/"+mScopeNames[s], func(t *testing.T) {
							w.runCell(t, r, mActor(a), s, status, want)
						})
					}
				}
			})
		}
		t.Logf("%d routes, %d rows, %d cells", routes, len(rows), cells)
	})
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func rowName(r mrow) string {
	n := r.method + "_" + strings.ReplaceAll(strings.TrimPrefix(r.route, "/api/v1"), "/", "·")
	if r.variant != "" {
		n += "#" + r.variant
	}
	return n
}

// runCell sends one cell's request and checks its answer.
func (w *world) runCell(t *testing.T, r mrow, a mActor, s mScope, status int, want map[string][len(mActors)][3]int) {
	e := w.e.on(t)
	denied := isWrite(r.method) && status >= 400
	c := &cell{w: w, e: e, a: a, s: s, fresh: isWrite(r.method) && !denied}
	tg := r.build(c)
	cl := e.as(mActors[a].user)
	if tg.token != nil {
		cl = &client{e: e, token: *tg.token}
	}
	var hdr []string
	if tg.ifMatch > 0 {
		hdr = []string{"If-Match", fmt.Sprintf(`"%d"`, tg.ifMatch)}
	}
	var before dbState
	if denied {
		before = w.db.state(t)
	}
	res := cl.do(r.method, tg.path, tg.body, hdr...)
	checkNoLeak(t, res)
	if res.Code != status {
		t.Errorf("%s as %s on the %s object: %d, want %d; body: %s", res.what, mActors[a].name, mScopeNames[s],
			res.Code, status, clipBody(res.Body))
	}
	if denied {
		w.db.unchanged(t, res.what, before, tg.mayTouch...)
	}
	if r.listOf != "" && res.Code == http.StatusOK {
		shown := want[r.listOf][a][s] == http.StatusOK
		if got := listed(t, res, tg); got != shown {
			t.Errorf("%s as %s: object %d of scope %s listed %v, but its item route answers %d",
				res.what, mActors[a].name, tg.listed, mScopeNames[s], got, want[r.listOf][a][s])
		}
	}
}

// listed reports whether the answer lists tg.listed.
func listed(t *testing.T, r *resp, tg target) bool {
	t.Helper()
	key, idKey := tg.listKey, tg.idKey
	if key == "" {
		key = "items"
	}
	if idKey == "" {
		idKey = "id"
	}
	var body map[string]json.RawMessage
	r.decode(&body)
	var items []map[string]any
	if err := json.Unmarshal(body[key], &items); err != nil {
		t.Fatalf("%s: no list under %q: %v", r.what, key, err)
	}
	if len(items) >= 100 {
		t.Fatalf("%s: a full page; the membership check needs the whole list", r.what)
	}
	for _, it := range items {
		if id, ok := it[idKey].(float64); ok && int64(id) == tg.listed {
			return true
		}
	}
	return false
}
