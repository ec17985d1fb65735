package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The fuzz targets send mutated request bodies and query strings through
// the real server on a temporary database. Whatever comes in, the answer
// must be below 500, match docs/openapi.yaml, be problem+json with a code
// when it is an error, and carry no internal text. `go test` runs them on
// their seed corpus; see docs/security.md for fuzzing longer.

// fuzzEnv is one server, its fixture users and one object of each kind
// that the write routes change.
type fuzzEnv struct {
	e     *apiEnv
	ids   map[string]int64
	taint map[string]bool // leak markers some input carried (stored data may echo them)
}

// fuzzDBKind is the database the targets fuzz: SQLite unless
// TRACKER_FUZZ_DB=postgres (which needs TRACKER_TEST_POSTGRES_URL).
func fuzzDBKind() string {
	if k := os.Getenv("TRACKER_FUZZ_DB"); k != "" {
		return k
	}
	return "sqlite"
}

// newFuzzEnv builds the server once per fuzz target. It cannot use newAPI,
// which binds a *testing.T; each input then binds its own t.
func newFuzzEnv(tb testing.TB) *fuzzEnv {
	tb.Helper()
	loadSpec(tb)
	db := storetest.New(tb, fuzzDBKind())
	srv, err := server.New(server.Deps{Config: testConfig(db.URL), Store: db.Store, Hasher: auth.FastHasher(), Now: db.Clock.Now, Spec: []byte("openapi: 3.1.0\n")})
	if err != nil {
		tb.Fatal(err)
	}
	fe := &fuzzEnv{e: &apiEnv{DB: db, Server: srv, h: srv.Handler(), Users: map[string]*tracker.User{}, tokens: map[string]string{}},
		ids: map[string]int64{}, taint: map[string]bool{}}
	cpp, mc := branchCPP, branchMC
	for _, u := range []struct {
		name   string
		role   tracker.Role
		branch *int64
	}{
		{uAdmin, tracker.RoleAdmin, nil}, {uLeader, tracker.RoleLeadership, nil}, {uSupCPP, tracker.RoleSupervisor, &cpp},
		{uSupMC, tracker.RoleSupervisor, &mc}, {uInternCPP, tracker.RoleIntern, &cpp}, {uInternCPP2, tracker.RoleIntern, &cpp},
		{uInternMC, tracker.RoleIntern, &mc}, {"victim", tracker.RoleIntern, &cpp}, {"pw", tracker.RoleIntern, &cpp}, {"placeable", tracker.RoleIntern, &cpp},
	} {
		hash, err := auth.FastHasher().Hash(fixturePassword)
		if err != nil {
			tb.Fatal(err)
		}
		fe.e.Users[u.name], err = db.Store.CreateUserUnchecked(context.Background(), store.NewUser{
			Email: strings.ToLower(u.name) + "@example.org", Name: u.name, Role: u.role, BranchID: u.branch, PasswordHash: hash})
		if err != nil {
			tb.Fatal(err)
		}
		fe.login(tb, u.name)
	}
	fe.world(tb)
	return fe
}

// login signs name in before any fuzzed login can trip the throttle.
func (fe *fuzzEnv) login(tb testing.TB, name string) {
	body := fmt.Sprintf(`{"email":%q,"password":%q}`, fe.e.Users[name].Email, fixturePassword)
	_, rec := fe.send(http.MethodPost, "/api/v1/auth/login", "", "", []byte(body), "")
	var tr server.TokenResponse
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &tr) != nil {
		tb.Fatalf("login %s: %d %s", name, rec.Code, rec.Body)
	}
	fe.e.tokens[name] = tr.AccessToken
}

// world makes the objects the write routes address: internCPP works on
// "work" (progress, comments); "task", "project", "placement" (of
// internCPP2), "branch", "tag" and "victim" are there to be changed, and
// "placeable" to be placed.
func (fe *fuzzEnv) world(tb testing.TB) {
	ctx, st, u := context.Background(), fe.e.DB.Store, fe.e.Users
	admin, today := u[uAdmin], tracker.DateOf(fe.e.DB.Clock.Now())
	check := func(what string, id int64, err error) {
		if err != nil {
			tb.Fatalf("fuzz world: %s: %v", what, err)
		}
		fe.ids[what] = id
	}
	_, err := st.CreatePlacement(ctx, admin, store.NewPlacement{InternID: u[uInternCPP].ID, SupervisorID: u[uSupCPP].ID, StartDate: today.AddDays(-30)})
	check("placementWork", 0, err)
	pl, err := st.CreatePlacement(ctx, admin, store.NewPlacement{InternID: u[uInternCPP2].ID, SupervisorID: u[uSupCPP].ID, StartDate: today.AddDays(-10)})
	check("placement", pl.ID, err)
	ms, err := st.Milestones(ctx, admin, pl.ID)
	if err == nil && len(ms) == 0 {
		err = fmt.Errorf("no milestones")
	}
	check("milestone", ms[0].ID, err)
	s := func(v string) *string { return &v }
	b, err := st.CreateBranch(ctx, admin, store.RefInput{Code: s("FZ"), Name: s("Fuzz branch")})
	check("branch", b.ID, err)
	tg, err := st.CreateTag(ctx, admin, store.RefInput{Code: s("fz"), Name: s("Fuzz tag"), Kind: s(tracker.TagFramework)})
	check("tag", tg.ID, err)
	one, cppID := int64(1), branchCPP
	for _, name := range []string{"project", "projectWork"} {
		p, err := st.CreateProject(ctx, admin, store.ProjectInput{StreamID: &one, BranchID: &cppID, Title: s(name)})
		check(name, p.ID, err)
	}
	pw := fe.ids["projectWork"]
	for _, name := range []string{"task", "work"} {
		t, err := st.CreateTask(ctx, admin, store.TaskInput{ProjectID: &pw, Title: s(name), AssigneeID: tracker.Of(u[uInternCPP].ID)})
		check(name, t.ID, err)
	}
	c, err := st.AddComment(ctx, u[uInternCPP], fe.ids["work"], "first")
	check("comment", c.ID, err)
	fe.ids["victim"] = u["victim"].ID
}

// send serves one request as who ("" for anonymous), with rawQuery and
// If-Match sent as they are.
func (fe *fuzzEnv) send(method, path, rawQuery, who string, body []byte, ifMatch string) (*http.Request, *httptest.ResponseRecorder) {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	if rawQuery != "" {
		req.URL.RawQuery = rawQuery
		req.RequestURI = path + "?" + rawQuery
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+fe.e.tokens[who])
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	rec := httptest.NewRecorder()
	fe.e.h.ServeHTTP(rec, req)
	return req, rec
}

// Leak markers: text that belongs to the implementation, never to an
// answer. SQL keywords are matched case-sensitively, the rest not.
var (
	sqlMarkers  = []string{"SELECT ", "INSERT ", "UPDATE ", "DELETE ", " WHERE ", " FROM "}
	leakMarkers = []string{"sqlite", "sqlstate", "pq:", "pgx", "pgconn", "gorm", "constraint failed", "duplicate key",
		"no such table", "syntax error", ".go:", "/work/", "goroutine", "panic", "runtime.", "*tracker.", "tracker.",
		"store:", "json:", "strconv.", "go struct", "go value", "int64", "float64", "reflect"}
)

// check asserts the invariants on one answer to input (path, query, body).
func (fe *fuzzEnv) check(t *testing.T, req *http.Request, body []byte, rec *httptest.ResponseRecorder) {
	t.Helper()
	r := &resp{t: t, Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes(), what: req.Method + " " + req.URL.Path}
	if r.Code >= 500 {
		t.Fatalf("%s: status %d for query %q body %q: %s", r.what, r.Code, req.URL.RawQuery, body, clipBody(r.Body))
	}
	checkContract(t, req, body, r)
	if r.Code >= 400 && r.problem().Code == "" {
		t.Fatalf("%s: problem without a code: %s", r.what, clipBody(r.Body))
	}
	input := inputText(req.URL.Path, req.URL.RawQuery, body)
	for _, m := range append(sqlMarkers, leakMarkers...) {
		if strings.Contains(input, m) || strings.Contains(strings.ToLower(input), m) {
			fe.taint[m] = true
		}
	}
	answer := string(r.Body)
	for _, m := range sqlMarkers {
		if strings.Contains(answer, m) && fe.allowed(r.Code, input, m) {
			t.Fatalf("%s: answer %d holds %q: %s", r.what, r.Code, m, clipBody(r.Body))
		}
	}
	lower := strings.ToLower(answer)
	for _, m := range leakMarkers {
		if strings.Contains(lower, m) && fe.allowed(r.Code, strings.ToLower(input), m) {
			t.Fatalf("%s: answer %d holds %q: %s", r.what, r.Code, m, clipBody(r.Body))
		}
	}
}

// allowed reports whether marker m in an answer is a leak rather than an
// echo: an error may quote this input, a success may show stored data
// that an earlier input carried.
func (fe *fuzzEnv) allowed(code int, input, m string) bool {
	if code >= 400 {
		return !strings.Contains(input, m)
	}
	return !fe.taint[m]
}

// inputText is everything the client sent, raw and decoded, so that an
// escaped marker (%70anic, \u0070anic) counts as sent.
func inputText(path, rawQuery string, body []byte) string {
	var sb strings.Builder
	sb.WriteString(path + "?" + rawQuery + "\n")
	if q, err := url.QueryUnescape(rawQuery); err == nil {
		sb.WriteString(q + "\n")
	}
	sb.Write(body)
	var v any
	if json.Unmarshal(body, &v) == nil {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(v)
		sb.Write(buf.Bytes())
	}
	return sb.String()
}

// fuzzWrite is one write route: where, as whom, and a body it accepts.
type fuzzWrite struct {
	method, path, as, good string
}

// writeRoutes lists every route that decodes a JSON body.
func (fe *fuzzEnv) writeRoutes() []fuzzWrite {
	id := func(k string) int64 { return fe.ids[k] }
	day := func(n int) string { return tracker.DateOf(fe.e.DB.Clock.Now()).AddDays(n).String() }
	work := fmt.Sprintf("/api/v1/tasks/%d", id("work"))
	return []fuzzWrite{
		{"POST", "/api/v1/auth/login", "", `{"email":"admin@example.org","password":"correct horse battery"}`},
		{"POST", "/api/v1/auth/refresh", "", `{"refresh_token":"bm90LWEtcmVhbC10b2tlbg"}`},
		{"POST", "/api/v1/auth/logout", "", `{"refresh_token":"bm90LWEtcmVhbC10b2tlbg"}`},
		{"PUT", "/api/v1/me/password", "pw", `{"current_password":"correct horse battery","new_password":"correct horse battery"}`},
		{"POST", "/api/v1/users", uAdmin, `{"email":"new@example.org","name":"New","role":"intern","branch_id":1,"locale":"fr","password":"a long enough pass"}`},
		{"PATCH", fmt.Sprintf("/api/v1/users/%d", id("victim")), uAdmin, `{"email":"v@example.org","name":"V","role":"supervisor","branch_id":2,"locale":"en","active":true}`},
		{"POST", "/api/v1/branches", uAdmin, `{"code":"NB","name":"New branch","description":"d"}`},
		{"PATCH", fmt.Sprintf("/api/v1/branches/%d", id("branch")), uAdmin, `{"code":"FZ2","name":"Renamed","description":null}`},
		{"POST", "/api/v1/tags", uAdmin, `{"code":"nt","name":"New tag","kind":"country","description":"d"}`},
		{"PATCH", fmt.Sprintf("/api/v1/tags/%d", id("tag")), uAdmin, `{"code":"fz2","name":"Renamed","kind":"organisation"}`},
		{"POST", "/api/v1/placements", uAdmin, fmt.Sprintf(`{"intern_id":%d,"branch_id":1,"supervisor_id":%d,"start_date":%q,"end_date":%q,"focus":"f"}`,
			fe.e.Users["placeable"].ID, fe.e.Users[uSupCPP].ID, day(200), day(300))},
		{"PATCH", fmt.Sprintf("/api/v1/placements/%d", id("placement")), uAdmin, fmt.Sprintf(`{"supervisor_id":%d,"start_date":%q,"end_date":%q,"focus":"g"}`,
			fe.e.Users[uSupCPP].ID, day(-9), day(120))},
		{"PATCH", fmt.Sprintf("/api/v1/placements/%d/milestones/%d", id("placement"), id("milestone")), uAdmin, fmt.Sprintf(`{"done":true,"due_date":%q}`, day(5))},
		{"POST", "/api/v1/projects", uSupCPP, fmt.Sprintf(`{"stream_id":1,"branch_id":1,"title":"P","description":"d","owner_id":%d,"start_date":%q,"end_date":%q,"status":"active","tag_ids":[%d]}`,
			fe.e.Users[uSupCPP].ID, day(0), day(30), id("tag"))},
		{"PATCH", fmt.Sprintf("/api/v1/projects/%d", id("project")), uAdmin, fmt.Sprintf(`{"stream_id":2,"title":"Q","description":null,"start_date":null,"end_date":%q,"status":"on_hold","tag_ids":[]}`, day(9))},
		{"POST", "/api/v1/tasks", uSupCPP, fmt.Sprintf(`{"project_id":%d,"title":"T","description":"d","assignee_id":%d,"priority":"high","start_date":%q,"due_date":%q,"estimate_hours":2.5,"tag_ids":[%d]}`,
			id("projectWork"), fe.e.Users[uInternCPP].ID, day(0), day(3), id("tag"))},
		{"PATCH", fmt.Sprintf("/api/v1/tasks/%d", id("task")), uAdmin, `{"title":"U","status":"in_progress","priority":"low","assignee_id":null,"due_date":null,"estimate_hours":1}`},
		{"POST", work + "/progress", uInternCPP, `{"note":"n","progress":40,"hours":1.5}`},
		{"POST", work + "/comments", uInternCPP, `{"body":"a remark"}`},
		{"PATCH", fmt.Sprintf("%s/comments/%d", work, id("comment")), uInternCPP, `{"body":"edited"}`},
	}
}

// FuzzWriteBodies sends a mutated body to the write route routeIndex picks,
// as a user who may write there, with a current If-Match on PATCHes.
func FuzzWriteBodies(f *testing.F) {
	fe := newFuzzEnv(f)
	routes := fe.writeRoutes()
	for i, r := range routes {
		for _, body := range bodySeeds(r.good) {
			f.Add(uint8(i), []byte(body))
		}
	}
	// Regressions the fuzzer found: renaming a branch or a tag to a code
	// that another holds answered 500 instead of 409.
	at := func(method, path string) uint8 {
		return uint8(slices.IndexFunc(routes, func(r fuzzWrite) bool { return r.method == method && strings.HasPrefix(r.path, path) }))
	}
	f.Add(at("PATCH", "/api/v1/branches/"), []byte(`{"Code":"MC"}`))
	f.Add(at("PATCH", "/api/v1/tags/"), []byte(`{"code":"EU","name":"n"}`))
	f.Add(at("PATCH", "/api/v1/users/"), []byte(`{"email":"ADMIN@example.org"}`))
	f.Fuzz(func(t *testing.T, routeIndex uint8, body []byte) {
		r := routes[int(routeIndex)%len(routes)]
		etag := ""
		if r.method == http.MethodPatch {
			_, rec := fe.send(http.MethodGet, r.path, "", r.as, nil, "")
			if etag = rec.Header().Get("ETag"); rec.Code != http.StatusOK || etag == "" {
				t.Fatalf("GET %s for its ETag: %d %s", r.path, rec.Code, rec.Body)
			}
		}
		req, rec := fe.send(r.method, r.path, "", r.as, body, etag)
		fe.check(t, req, body, rec)
	})
}

// bodySeeds derives seeds from a good body: each field null, of the wrong
// type and at an edge, and the whole body broken in the usual ways.
func bodySeeds(good string) []string {
	out := []string{good, ``, `null`, `[]`, `"x"`, `1`, `{}`, `{"id":1,"version":9}`, `{"a":` + strings.Repeat(`[`, 40) + strings.Repeat(`]`, 40) + `}`,
		good + ` x`, good + good, good[:len(good)/2], "\xff\xfe{}", `{"\u0000":"\u0000"}`}
	var fields map[string]json.RawMessage
	if json.Unmarshal([]byte(good), &fields) != nil {
		return out
	}
	keys := slices.Sorted(maps.Keys(fields))
	for _, k := range keys {
		v := fields[k]
		with := func(val string) string {
			return strings.Replace(good, fmt.Sprintf("%q:%s", k, v), fmt.Sprintf("%q:%s", k, val), 1)
		}
		out = append(out, with(`null`), with(`{"$ne":null}`), good[:len(good)-1]+fmt.Sprintf(",%q:null}", k))
		switch {
		case len(v) > 0 && v[0] == '"' && strings.Contains(k, "date"):
			out = append(out, with(`"2026-02-30"`), with(`"2026-3-1"`), with(`"0000-01-01"`), with(`"9999-12-31T00:00:00Z"`))
		case len(v) > 0 && v[0] == '"':
			out = append(out, with(`1e999`), with(`"é😀\u202e\u0000 ' OR 1=1; DROP TABLE users; --"`), with(`"`+strings.Repeat("ü", 5000)+`"`))
		case len(v) > 0 && v[0] == '[':
			out = append(out, with(`[-1,0,9223372036854775807]`), with(`[1,1,1]`), with(`"1"`))
		default:
			out = append(out, with(`-1`), with(`9223372036854775808`), with(`1.5e308`), with(`"1"`), with(`true`))
		}
	}
	return out
}

// listRoutes are the list endpoints whose query strings are parsed.
func (fe *fuzzEnv) listRoutes() []string {
	work := fmt.Sprintf("/api/v1/tasks/%d", fe.ids["work"])
	return []string{"/api/v1/users", "/api/v1/placements", "/api/v1/projects", "/api/v1/tasks", work + "/progress",
		work + "/comments", "/api/v1/activity", "/api/v1/tags", "/api/v1/board"}
}

// listReaders are the roles the list targets read as.
var listReaders = []string{uAdmin, uLeader, uSupCPP, uInternCPP, uInternMC}

// FuzzListQueries sends GET path?rawQuery to the list route routeIndex
// picks, as one of listReaders (routeIndex / number of routes).
func FuzzListQueries(f *testing.F) {
	fe := newFuzzEnv(f)
	routes := fe.listRoutes()
	seeds := []string{"", "page=2&per_page=1", "per_page=100000", "page=-1&per_page=0", "page=abc", "page=1000001",
		"page=99999999999999999999", "sort=-created_at,id", "sort=nope", "sort=-", "sort=id;DROP TABLE users",
		"q=%00", "q=%ff%fe", "q=%27%20OR%201%3D1%20--", "q=%25_%5C", "q=" + strings.Repeat("x", 201), "a=1&a=2&q=1&q=2",
		"%zz=1&q=%", "branch_id=9223372036854775808", "branch_id=-1&stream_id=0", "assignee_id=1e3",
		"status=todo,done", "status=todo,,x", "status=active", "priority=urgent", "priority=%00", "overdue=maybe",
		"overdue=true&due_from=2026-02-30&due_to=2026-13-01", "due_from=2026-03-01&due_to=2026-01-01",
		"role=admin&active=1", "role=root", "state=active", "state=ended&intern_id=2", "kind=framework", "kind=x",
		"entity_type=task&entity_id=1", "entity_type=%00", "tag_id=1&owner_id=1&project_id=1", "q=é😀&sort=title"}
	for u := range listReaders {
		for i := range routes {
			for _, q := range seeds {
				if u == 0 || q == "" || q == "q=%ff%fe" {
					f.Add(uint8(u*len(routes)+i), q)
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, routeIndex uint8, rawQuery string) {
		path := routes[int(routeIndex)%len(routes)]
		who := listReaders[int(routeIndex)/len(routes)%len(listReaders)]
		req, rec := fe.send(http.MethodGet, path, requestTarget(rawQuery), who, nil, "")
		fe.check(t, req, nil, rec)
	})
}

// requestTarget escapes the bytes an HTTP request line cannot carry, so
// that the query reaches the server as a real client would send it.
func requestTarget(q string) string {
	var sb strings.Builder
	for i := 0; i < len(q); i++ {
		if c := q[i]; c <= ' ' || c == 0x7f || c == '#' {
			fmt.Fprintf(&sb, "%%%02X", c)
		} else {
			sb.WriteByte(c)
		}
	}
	return sb.String()
}
