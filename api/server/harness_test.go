package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/config"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The API tests drive the real Echo server on a real database and check
// every response they receive against docs/openapi.yaml.

// fixturePassword is every fixture user's password.
const fixturePassword = "correct horse battery"

// Fixture users, by the name tests use for them.
const (
	uAdmin      = "admin"
	uLeader     = "leader"
	uSupCPP     = "supCPP"
	uSupCPP2    = "supCPP2"
	uSupMC      = "supMC"
	uInternCPP  = "internCPP"
	uInternCPP2 = "internCPP2"
	uInternMC   = "internMC"
)

// Branch ids as seeded by the migration.
const (
	branchCPP int64 = 1
	branchMC  int64 = 2
)

var specDoc *openapi3.T
var specRouter routers.Router

func loadSpec(t testing.TB) (*openapi3.T, routers.Router) {
	t.Helper()
	if specDoc != nil {
		return specDoc, specRouter
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile("../../docs/openapi.yaml")
	if err != nil {
		t.Fatalf("load docs/openapi.yaml: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("docs/openapi.yaml is not valid: %v", err)
	}
	// Route matching must not depend on the servers list.
	doc.Servers = nil
	r, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatalf("openapi router: %v", err)
	}
	specDoc, specRouter = doc, r
	return doc, r
}

// apiEnv is a server on a fresh database with the fixture users.
type apiEnv struct {
	t      *testing.T
	DB     *storetest.DB
	Server *server.Server
	h      http.Handler
	Users  map[string]*tracker.User
	tokens map[string]string
}

// eachAPI runs fn on SQLite and, when configured, PostgreSQL.
func eachAPI(t *testing.T, fn func(t *testing.T, e *apiEnv)) {
	t.Helper()
	storetest.Each(t, func(t *testing.T, db *storetest.DB) { fn(t, newAPI(t, db)) })
}

func testConfig(url string) config.Config {
	cfg, _ := config.Load(func(string) string { return "" })
	cfg.DatabaseURL = url
	cfg.JWTSecret = []byte("0123456789abcdef0123456789abcdef-test")
	return cfg
}

func newAPI(t *testing.T, db *storetest.DB) *apiEnv {
	t.Helper()
	loadSpec(t)
	srv, err := server.New(server.Deps{Config: testConfig(db.URL), Store: db.Store, Hasher: auth.FastHasher(), Now: db.Clock.Now, Spec: []byte("openapi: 3.1.0\n")})
	if err != nil {
		t.Fatal(err)
	}
	e := &apiEnv{t: t, DB: db, Server: srv, h: srv.Handler(), Users: map[string]*tracker.User{}, tokens: map[string]string{}}
	cpp, mc := branchCPP, branchMC
	for _, f := range []struct {
		name   string
		role   tracker.Role
		branch *int64
	}{
		{uAdmin, tracker.RoleAdmin, nil}, {uLeader, tracker.RoleLeadership, nil},
		{uSupCPP, tracker.RoleSupervisor, &cpp}, {uSupCPP2, tracker.RoleSupervisor, &cpp}, {uSupMC, tracker.RoleSupervisor, &mc},
		{uInternCPP, tracker.RoleIntern, &cpp}, {uInternCPP2, tracker.RoleIntern, &cpp}, {uInternMC, tracker.RoleIntern, &mc},
	} {
		e.Users[f.name] = e.addUser(f.name, f.role, f.branch)
	}
	return e
}

// addUser creates a user directly in the store.
func (e *apiEnv) addUser(name string, role tracker.Role, branch *int64) *tracker.User {
	e.t.Helper()
	hash, err := auth.FastHasher().Hash(fixturePassword)
	if err != nil {
		e.t.Fatal(err)
	}
	u, err := e.DB.Store.CreateUserUnchecked(context.Background(), store.NewUser{
		Email: strings.ToLower(name) + "@example.org", Name: name, Role: role, BranchID: branch, PasswordHash: hash})
	if err != nil {
		e.t.Fatalf("add user %s: %v", name, err)
	}
	return u
}

// on returns the env bound to subtest t, so that failures are reported
// against the subtest (the database, server and tokens are shared).
func (e *apiEnv) on(t *testing.T) *apiEnv {
	c := *e
	c.t = t
	return &c
}

// id returns the id of fixture user name.
func (e *apiEnv) id(name string) int64 { return e.Users[name].ID }

// as returns a client signed in as fixture user name ("" for anonymous).
func (e *apiEnv) as(name string) *client {
	c := &client{e: e}
	if name == "" {
		return c
	}
	if tok, ok := e.tokens[name]; ok {
		c.token = tok
		return c
	}
	var tr server.TokenResponse
	(&client{e: e}).post("/api/v1/auth/login", map[string]string{"email": e.Users[name].Email, "password": fixturePassword}).
		want(http.StatusOK).decode(&tr)
	e.tokens[name] = tr.AccessToken
	c.token = tr.AccessToken
	return c
}

// client sends requests to the env's server.
type client struct {
	e     *apiEnv
	token string
}

// resp is an answer, already checked against the OpenAPI contract.
type resp struct {
	t      *testing.T
	Code   int
	Header http.Header
	Body   []byte
	what   string
}

func (c *client) do(method, path string, body any, header ...string) *resp {
	t := c.e.t
	t.Helper()
	var raw []byte
	switch b := body.(type) {
	case nil:
	case string:
		raw = []byte(b)
	case []byte:
		raw = b
	default:
		var err error
		if raw, err = json.Marshal(b); err != nil {
			t.Fatal(err)
		}
	}
	req := httptest.NewRequest(method, path, bytes.NewReader(raw))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	c.e.h.ServeHTTP(rec, req)
	r := &resp{t: t, Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes(), what: method + " " + path}
	checkContract(t, req, raw, r)
	return r
}

// checkContract validates the answer to req against docs/openapi.yaml.
func checkContract(t *testing.T, req *http.Request, body []byte, r *resp) {
	t.Helper()
	doc, router := loadSpec(t)
	_ = doc
	vreq := req.Clone(context.Background())
	vreq.Body = io.NopCloser(bytes.NewReader(body))
	vreq.URL.Scheme, vreq.URL.Host = "", ""
	route, params, err := router.FindRoute(vreq)
	if err != nil {
		if r.Code == http.StatusNotFound || r.Code == http.StatusMethodNotAllowed {
			return // not a route of the API; nothing to check against
		}
		t.Fatalf("%s: answered %d but the route is not in docs/openapi.yaml: %v", r.what, r.Code, err)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}},
		Status:  r.Code,
		Header:  r.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(r.Body)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Fatalf("%s: answer %d does not match docs/openapi.yaml: %v\nbody: %s", r.what, r.Code, err, clipBody(r.Body))
	}
	if r.Code >= 400 && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
		t.Fatalf("%s: error %d is not problem+json: %q", r.what, r.Code, r.Header.Get("Content-Type"))
	}
}

func clipBody(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}

func (c *client) get(path string) *resp { c.e.t.Helper(); return c.do(http.MethodGet, path, nil) }
func (c *client) post(path string, body any) *resp {
	c.e.t.Helper()
	return c.do(http.MethodPost, path, body)
}
func (c *client) del(path string) *resp { c.e.t.Helper(); return c.do(http.MethodDelete, path, nil) }

// patch sends body with If-Match: "version" (version 0 sends no If-Match).
func (c *client) patch(path string, version int64, body any) *resp {
	c.e.t.Helper()
	if version == 0 {
		return c.do(http.MethodPatch, path, body)
	}
	return c.do(http.MethodPatch, path, body, "If-Match", fmt.Sprintf(`"%d"`, version))
}

// want fails the test unless the status is code.
func (r *resp) want(code int) *resp {
	r.t.Helper()
	if r.Code != code {
		r.t.Fatalf("%s: status %d, want %d; body: %s", r.what, r.Code, code, clipBody(r.Body))
	}
	return r
}

// wantProblem fails unless the answer is status code with problem code pcode.
func (r *resp) wantProblem(code int, pcode string) *resp {
	r.t.Helper()
	r.want(code)
	if got := r.problem().Code; got != pcode {
		r.t.Fatalf("%s: problem code %q, want %q; body: %s", r.what, got, pcode, clipBody(r.Body))
	}
	return r
}

// wantField fails unless the problem names field.
func (r *resp) wantField(field string) *resp {
	r.t.Helper()
	if _, ok := r.problem().Errors[field]; !ok {
		r.t.Fatalf("%s: problem does not name field %q; body: %s", r.what, field, clipBody(r.Body))
	}
	return r
}

func (r *resp) problem() server.Problem {
	r.t.Helper()
	var p server.Problem
	r.decode(&p)
	return p
}

func (r *resp) decode(v any) *resp {
	r.t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		r.t.Fatalf("%s: decode %T: %v; body: %s", r.what, v, err, clipBody(r.Body))
	}
	return r
}

// etag returns the version in the ETag header.
func (r *resp) etag() int64 {
	r.t.Helper()
	var v int64
	if _, err := fmt.Sscanf(strings.Trim(r.Header.Get("ETag"), `"`), "%d", &v); err != nil {
		r.t.Fatalf("%s: no usable ETag: %q", r.what, r.Header.Get("ETag"))
	}
	return v
}

// day returns the date n days after the test clock's today.
func (e *apiEnv) day(n int) string {
	return tracker.DateOf(e.DB.Clock.Now()).AddDays(n).String()
}
