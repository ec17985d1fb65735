package server_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/config"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// raw sends req to e's server without the contract check, for answers the
// contract does not describe (CORS preflights, the SPA).
func raw(e *apiEnv, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec
}

func TestSecurityHeaders(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		tr := login(t, e, uSupCPP)
		cases := []struct {
			name, path string
			token      bool
			status     int
		}{
			{"AuthenticatedJSON", "/api/v1/me", true, 200},
			{"AuthenticatedList", "/api/v1/tasks", true, 200},
			{"Unauthenticated", "/api/v1/me", false, 401},
			{"UnknownAPIRoute", "/api/v1/nothing-here", true, 404},
			{"Health", "/healthz", false, 200},
			{"SPA", "/", false, 200},
			{"SPADeepLink", "/tasks/12", false, 200},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				req := httptest.NewRequest(http.MethodGet, tc.path, nil)
				if tc.token {
					req.Header.Set("Authorization", "Bearer "+tr.AccessToken)
				}
				rec := raw(e, req)
				if rec.Code != tc.status {
					t.Fatalf("status %d, want %d", rec.Code, tc.status)
				}
				h := rec.Header()
				csp := h.Get("Content-Security-Policy")
				for _, d := range []string{"object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'", "script-src 'self'"} {
					if !strings.Contains(csp, d) {
						t.Fatalf("CSP %q lacks %q", csp, d)
					}
				}
				if strings.Contains(csp, "script-src 'self' 'unsafe-inline'") || strings.Contains(csp, "unsafe-eval") {
					t.Fatalf("CSP allows inline or eval'd scripts: %q", csp)
				}
				want := map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
					"Strict-Transport-Security": ""}
				if strings.HasPrefix(tc.path, "/api/") {
					want["Cache-Control"] = "no-store"
				}
				for k, v := range want {
					if got := h.Get(k); got != v {
						t.Fatalf("%s = %q, want %q", k, got, v)
					}
				}
			})
		}
	})
}

func TestHSTS(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		for _, tc := range []struct {
			name string
			set  func(c *config.Config)
			want string
		}{
			{"OffByDefault", nil, ""},
			{"OnWhenConfigured", func(c *config.Config) { c.HSTS = true }, "max-age=31536000; includeSubDomains"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				s := reconfigured(t, e, auth.FastHasher(), tc.set)
				for _, path := range []string{"/healthz", "/", "/api/v1/me"} {
					if got := raw(s, httptest.NewRequest(http.MethodGet, path, nil)).Header().Get("Strict-Transport-Security"); got != tc.want {
						t.Fatalf("%s: Strict-Transport-Security %q, want %q", path, got, tc.want)
					}
				}
			})
		}
		t.Run("ImpliedBySecureCookies", func(t *testing.T) {
			cfg, err := config.Load(func(k string) string { return map[string]string{"TRACKER_SECURE_COOKIES": "1"}[k] })
			if err != nil {
				t.Fatal(err)
			}
			s := reconfigured(t, e, auth.FastHasher(), func(c *config.Config) { c.HSTS, c.SecureCookies = cfg.HSTS, cfg.SecureCookies })
			if raw(s, httptest.NewRequest(http.MethodGet, "/healthz", nil)).Header().Get("Strict-Transport-Security") == "" {
				t.Fatal("no HSTS with TRACKER_SECURE_COOKIES=1")
			}
		})
	})
}

func TestCORS(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		const app, evil = "https://app.example.org", "https://evil.example"
		token := login(t, e, uSupCPP).AccessToken
		get := func(s *apiEnv, origin string) http.Header {
			req := httptest.NewRequest(http.MethodGet, "/api/v1/me", nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Authorization", "Bearer "+token)
			return raw(s, req).Header()
		}
		preflight := func(s *apiEnv, origin string) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodOptions, "/api/v1/tasks/1", nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Access-Control-Request-Method", http.MethodPatch)
			req.Header.Set("Access-Control-Request-Headers", "authorization, content-type, if-match")
			return raw(s, req)
		}
		noCORS := func(t *testing.T, h http.Header) {
			t.Helper()
			for k := range h {
				if strings.HasPrefix(k, "Access-Control-") {
					t.Fatalf("CORS header %s: %q", k, h.Get(k))
				}
			}
		}
		allowed := reconfigured(t, e, auth.FastHasher(), func(c *config.Config) { c.CORSOrigins = []string{app} })
		t.Run("AllowedOrigin", func(t *testing.T) {
			h := get(allowed, app)
			if h.Get("Access-Control-Allow-Origin") != app || h.Get("Access-Control-Allow-Credentials") != "true" {
				t.Fatalf("headers %v", h)
			}
		})
		t.Run("AllowedOriginPreflight", func(t *testing.T) {
			rec := preflight(allowed, app)
			h := rec.Header()
			if rec.Code != http.StatusNoContent || h.Get("Access-Control-Allow-Origin") != app {
				t.Fatalf("preflight %d, headers %v", rec.Code, h)
			}
			if !strings.Contains(h.Get("Access-Control-Allow-Methods"), "PATCH") || !strings.Contains(h.Get("Access-Control-Allow-Headers"), "If-Match") {
				t.Fatalf("preflight does not allow PATCH with If-Match: %v", h)
			}
		})
		t.Run("ForeignOrigin", func(t *testing.T) { noCORS(t, get(allowed, evil)) })
		t.Run("ForeignOriginPreflight", func(t *testing.T) { noCORS(t, preflight(allowed, evil).Header()) })
		t.Run("NotConfigured", func(t *testing.T) {
			noCORS(t, get(e, app))
			noCORS(t, preflight(e, app).Header())
		})
	})
}

func TestBodyLimit(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		sup := e.as(uSupCPP)
		limit := int(testConfig("").BodyLimit)
		big := `{"project_id":1,"title":"` + strings.Repeat("x", limit) + `"}`
		t.Run("BodyOverLimitDeclared", func(t *testing.T) {
			sup.post("/api/v1/tasks", big).wantProblem(413, "body_too_large")
			e.as("").post("/api/v1/auth/login", big).wantProblem(413, "body_too_large")
		})
		t.Run("BodyOverLimitChunked", func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/api/v1/tasks", strings.NewReader(big))
			req.ContentLength = -1 // no Content-Length: the reader must stop at the limit
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+sup.token)
			rec := raw(e, req)
			r := &resp{t: t, Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes(), what: "POST /api/v1/tasks (chunked)"}
			checkContract(t, req, []byte(big), r)
			r.wantProblem(413, "body_too_large")
		})
	})
}

func TestPerPageCap(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		sup := e.as(uSupCPP)
		t.Run("PerPageClamped", func(t *testing.T) {
			for _, n := range []string{"101", "1000", "9223372036854775807"} {
				var page struct {
					PerPage int `json:"per_page"`
				}
				sup.get("/api/v1/users?per_page=" + n).want(200).decode(&page)
				if page.PerPage != 100 {
					t.Fatalf("per_page=%s answered per_page %d, want 100", n, page.PerPage)
				}
			}
		})
		t.Run("PerPageRefused", func(t *testing.T) {
			for _, n := range []string{"0", "-5", "abc", "99999999999999999999"} {
				sup.get("/api/v1/tasks?per_page="+n).wantProblem(400, "bad_request").wantField("per_page")
			}
		})
	})
}

// TestAbsurdJSON sends bodies under the size limit but absurd: deeply
// nested, huge arrays, strings and numbers. Each answers 400 or 422, never
// 5xx, and changes nothing; only 50 001 copies of one tag make the set {1},
// which may be stored as such.
func TestAbsurdJSON(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		p := k.project(uSupCPP, branchCPP, nil)
		task := k.task(p.ID, uInternCPP, nil)
		limit := int(testConfig("").BodyLimit)
		deep := func(opening, closing string, n int) string {
			return strings.Repeat(opening, n) + "1" + strings.Repeat(closing, n)
		}
		absurd := []struct {
			name, method, path, body string
		}{
			{"NestedArrays", "POST", "/api/v1/tasks", `{"project_id":1,"title":` + deep("[", "]", 100000) + `}`},
			{"NestedObjects", "POST", "/api/v1/tasks", `{"title":` + deep(`{"a":`, "}", 17) + `}`},
			{"NestedOnLogin", "POST", "/api/v1/auth/login", `{"email":` + deep("[", "]", 5000) + `}`},
			{"HugeTagArray", "POST", "/api/v1/tasks", fmt.Sprintf(`{"project_id":%d,"title":"T","tag_ids":[%s]}`, p.ID, seq(50000))},
			{"HugeTagArrayRepeated", "POST", "/api/v1/projects", `{"stream_id":1,"branch_id":1,"title":"P","tag_ids":[` + strings.Repeat("1,", 50000) + `1]}`},
			{"HugeTagArrayPatch", "PATCH", taskPath(task.ID), fmt.Sprintf(`{"tag_ids":[%s]}`, seq(50000))},
			{"HugeTitle", "POST", "/api/v1/tasks", fmt.Sprintf(`{"project_id":%d,"title":"%s"}`, p.ID, strings.Repeat("t", 900_000))},
			{"HugeComment", "POST", taskPath(task.ID) + "/comments", `{"body":"` + strings.Repeat("c", 900_000) + `"}`},
			{"HugeProgressNote", "POST", taskPath(task.ID) + "/progress", `{"note":"` + strings.Repeat("n", 900_000) + `","progress":10}`},
			{"HugeNumber", "POST", taskPath(task.ID) + "/progress", `{"note":"n","progress":1e400}`},
			{"HugeEstimate", "POST", "/api/v1/tasks", fmt.Sprintf(`{"project_id":%d,"title":"T","estimate_hours":1e308}`, p.ID)},
			{"TopLevelArray", "POST", "/api/v1/tasks", "[" + seq(50000) + "]"},
			{"ManyKeys", "POST", "/api/v1/tasks", manyKeys(30000)},
		}
		for _, tc := range absurd {
			t.Run(tc.name, func(t *testing.T) {
				if len(tc.body) > limit {
					t.Fatalf("body of %d bytes is over the limit; the case means to test what is under it", len(tc.body))
				}
				r := e.on(t).as(uSupCPP).do(tc.method, tc.path, tc.body, "If-Match", fmt.Sprintf(`"%d"`, task.Version))
				if r.Code != 400 && r.Code != 422 && !(tc.name == "HugeTagArrayRepeated" && r.Code == 201) {
					t.Fatalf("status %d, want 400 or 422; body: %s", r.Code, clipBody(r.Body))
				}
			})
		}
		var after tracker.Task
		e.as(uSupCPP).get(taskPath(task.ID)).want(200).decode(&after)
		if after.Version != task.Version || len(after.TagIDs) != 0 {
			t.Fatalf("task changed: version %d -> %d, tags %v", task.Version, after.Version, after.TagIDs)
		}
	})
}

// seq returns "1,2,...,n".
func seq(n int) string {
	var b bytes.Buffer
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, i)
	}
	return b.String()
}

// manyKeys returns an object of n distinct unknown keys.
func manyKeys(n int) string {
	var b bytes.Buffer
	b.WriteString(`{"title":"T"`)
	for i := range n {
		fmt.Fprintf(&b, `,"k%d":1`, i)
	}
	b.WriteByte('}')
	return b.String()
}
