package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The world the fuzz targets (fuzz_test.go) run in, and the invariants
// every answer must keep.

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

// newFuzzEnv builds the server once per fuzz target on a fresh database
// of kind. It cannot use newAPI, which binds a *testing.T; each input
// then binds its own t.
func newFuzzEnv(tb testing.TB, kind string) *fuzzEnv {
	tb.Helper()
	loadSpec(tb)
	db := storetest.New(tb, kind)
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
