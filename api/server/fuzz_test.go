package server_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The fuzz targets send mutated request bodies and query strings through
// the real server on a temporary database. Whatever comes in, the answer
// must be below 500, match docs/openapi.yaml, be problem+json with a code
// when it is an error, and carry no internal text; what a write stored must
// read back. `go test` runs them on their seed corpus (and
// TestFuzzSeedsPostgres runs that corpus on PostgreSQL); docs/security.md
// says how to fuzz longer.

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
	fe := newFuzzEnv(f, fuzzDBKind())
	for _, s := range fe.writeSeeds() {
		f.Add(s.route, s.body)
	}
	f.Fuzz(fe.write)
}

// writeSeed is one seed of FuzzWriteBodies.
type writeSeed struct {
	route uint8
	body  []byte
}

// writeSeeds are the good body of each write route, its variants, and the
// inputs that once failed.
func (fe *fuzzEnv) writeSeeds() []writeSeed {
	routes := fe.writeRoutes()
	var seeds []writeSeed
	add := func(route uint8, body string) { seeds = append(seeds, writeSeed{route, []byte(body)}) }
	for i, r := range routes {
		for _, body := range bodySeeds(r.good) {
			add(uint8(i), body)
		}
	}
	at := func(method, path string) uint8 {
		return uint8(slices.IndexFunc(routes, func(r fuzzWrite) bool { return r.method == method && strings.HasPrefix(r.path, path) }))
	}
	// Found by fuzzing: renaming a branch or a tag to a code another holds
	// answered 500, not 409 (an e-mail taken by another user was fine).
	add(at("PATCH", "/api/v1/branches/"), `{"Code":"MC"}`)
	add(at("PATCH", "/api/v1/tags/"), `{"code":"EU","name":"n"}`)
	add(at("PATCH", "/api/v1/users/"), `{"email":"ADMIN@example.org"}`)
	// Placements at the ends of the calendar derived five-digit or negative
	// years: stored, then unreadable.
	for _, dates := range []string{`"start_date":"9999-12-01"`, `"start_date":"9999-12-20","end_date":"9999-12-31"`, `"start_date":"0000-01-01","end_date":"0000-01-03"`} {
		add(at("POST", "/api/v1/placements"), fmt.Sprintf(`{"intern_id":%d,"supervisor_id":%d,%s}`, fe.e.Users["placeable"].ID, fe.e.Users[uSupCPP].ID, dates))
	}
	add(at("PATCH", "/api/v1/placements/"), `{"start_date":"0000-01-01","end_date":"0000-01-03"}`)
	return seeds
}

// write is the body of FuzzWriteBodies.
func (fe *fuzzEnv) write(t *testing.T, routeIndex uint8, body []byte) {
	routes := fe.writeRoutes()
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
	if rec.Code < 300 {
		fe.readBack(t, r, rec.Header().Get("Location"))
	}
}

// readBack reads what a write stored (at location, or the PATCHed path)
// as its writer, and a placement's timeline too: a stored value that
// cannot be read back must fail here, not on some later read.
func (fe *fuzzEnv) readBack(t *testing.T, r fuzzWrite, location string) {
	t.Helper()
	if location == "" && r.method == http.MethodPatch {
		location = r.path
	}
	if location == "" {
		return
	}
	paths := []string{location}
	if parts := strings.Split(location, "/"); len(parts) >= 5 && parts[3] == "placements" {
		paths = append(paths, strings.Join(parts[:5], "/")+"/timeline")
	}
	for _, p := range paths {
		req, rec := fe.send(http.MethodGet, p, "", r.as, nil, "")
		fe.check(t, req, nil, rec)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s after the write: %d %s", p, rec.Code, clipBody(rec.Body.Bytes()))
		}
	}
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
			out = append(out, with(`"2026-02-30"`), with(`"2026-3-1"`), with(`"0000-01-01"`), with(`"0001-01-01"`), with(`"9999-12-31"`), with(`"9999-12-31T00:00:00Z"`))
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
	fe := newFuzzEnv(f, fuzzDBKind())
	for _, s := range fe.listSeeds() {
		f.Add(s.route, s.query)
	}
	f.Fuzz(fe.list)
}

// listSeed is one seed of FuzzListQueries.
type listSeed struct {
	route uint8
	query string
}

// listSeeds are every seed query on every list route as an admin, and the
// empty and a malformed query as every other reader.
func (fe *fuzzEnv) listSeeds() []listSeed {
	queries := []string{"", "page=2&per_page=1", "per_page=100000", "page=-1&per_page=0", "page=abc", "page=1000001",
		"page=99999999999999999999", "sort=-created_at,id", "sort=nope", "sort=-", "sort=id;DROP TABLE users",
		"q=%00", "q=%ff%fe", "q=%27%20OR%201%3D1%20--", "q=%25_%5C", "q=" + strings.Repeat("x", 201), "a=1&a=2&q=1&q=2",
		"%zz=1&q=%", "branch_id=9223372036854775808", "branch_id=-1&stream_id=0", "assignee_id=1e3",
		"status=todo,done", "status=todo,,x", "status=active", "priority=urgent", "priority=%00", "overdue=maybe",
		"overdue=true&due_from=2026-02-30&due_to=2026-13-01", "due_from=2026-03-01&due_to=2026-01-01",
		"role=admin&active=1", "role=root", "state=active", "state=ended&intern_id=2", "kind=framework", "kind=x",
		"entity_type=task&entity_id=1", "entity_type=%00", "tag_id=1&owner_id=1&project_id=1", "q=é😀&sort=title"}
	n := len(fe.listRoutes())
	var seeds []listSeed
	for u := range listReaders {
		for i := range n {
			for _, q := range queries {
				if u == 0 || q == "" || q == "q=%ff%fe" {
					seeds = append(seeds, listSeed{uint8(u*n + i), q})
				}
			}
		}
	}
	return seeds
}

// list is the body of FuzzListQueries.
func (fe *fuzzEnv) list(t *testing.T, routeIndex uint8, rawQuery string) {
	routes := fe.listRoutes()
	path := routes[int(routeIndex)%len(routes)]
	who := listReaders[int(routeIndex)/len(routes)%len(listReaders)]
	req, rec := fe.send(http.MethodGet, path, requestTarget(rawQuery), who, nil, "")
	fe.check(t, req, nil, rec)
}

// TestFuzzSeedsPostgres runs the seed corpus of both fuzz targets on
// PostgreSQL, which refuses some text SQLite stores (a NUL character).
func TestFuzzSeedsPostgres(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skipf("%s is not set", storetest.PostgresEnv)
	}
	t.Run("WriteBodies", func(t *testing.T) {
		fe := newFuzzEnv(t, "postgres")
		for _, s := range fe.writeSeeds() {
			fe.write(t, s.route, s.body)
		}
	})
	t.Run("ListQueries", func(t *testing.T) {
		fe := newFuzzEnv(t, "postgres")
		for _, s := range fe.listSeeds() {
			fe.list(t, s.route, s.query)
		}
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
