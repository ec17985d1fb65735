package server_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestOperations(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		anon := e.as("")
		t.Run("Healthz", func(t *testing.T) { anon.get("/healthz").want(200) })
		t.Run("Readyz", func(t *testing.T) { anon.get("/readyz").want(200) })
		t.Run("OpenAPI", func(t *testing.T) {
			r := anon.get("/api/v1/openapi.yaml").want(200)
			if !strings.HasPrefix(string(r.Body), "openapi: 3.1") {
				t.Fatalf("spec starts %q", clipBody(r.Body[:min(40, len(r.Body))]))
			}
		})
		t.Run("Metrics", func(t *testing.T) {
			e.as(uInternCPP).get("/api/v1/me").want(200)
			anon.get("/api/v1/users/1").want(401)
			r := anon.get("/metrics").want(200)
			for _, want := range []string{
				`tracker_http_requests_total{method="GET",route="/api/v1/me",status="200"}`,
				`tracker_http_requests_total{method="GET",route="/api/v1/users/:id",status="401"}`,
				`tracker_http_request_duration_seconds_bucket{method="GET",route="/api/v1/me"`,
				`tracker_db_open_connections{pool="writer"}`,
				`tracker_db_in_use_connections{pool="reader"}`,
			} {
				if !strings.Contains(string(r.Body), want) {
					t.Errorf("/metrics lacks %s", want)
				}
			}
		})
		t.Run("IndexWithoutSPA", func(t *testing.T) {
			r := anon.get("/")
			r.want(200)
			if !strings.Contains(string(r.Body), "/api/v1/openapi.yaml") {
				t.Fatal("the page at / does not link to the API description")
			}
		})
		t.Run("RequestIDInHeaderAndErrors", func(t *testing.T) {
			r := anon.do(http.MethodGet, "/api/v1/me", nil, "X-Request-ID", "trace-123")
			if r.Header.Get("X-Request-ID") != "trace-123" || r.problem().RequestID != "trace-123" {
				t.Fatalf("request id not carried: header %q body %s", r.Header.Get("X-Request-ID"), r.Body)
			}
			r = anon.do(http.MethodGet, "/api/v1/me", nil, "X-Request-ID", "bad id with spaces")
			if id := r.problem().RequestID; id == "" || strings.Contains(id, " ") {
				t.Fatalf("unsafe request id echoed: %q", id)
			}
		})
		t.Run("UnknownAPIPath", func(t *testing.T) {
			e.as(uAdmin).get("/api/v1/nothing-here").wantProblem(404, "not_found")
		})
		t.Run("BodyTooLarge", func(t *testing.T) {
			big := `{"email":"` + strings.Repeat("a", 2<<20) + `","password":"x"}`
			anon.post("/api/v1/auth/login", big).wantProblem(413, "body_too_large")
		})
		t.Run("DeeplyNested", func(t *testing.T) {
			deep := strings.Repeat("[", 100) + strings.Repeat("]", 100)
			anon.post("/api/v1/auth/login", deep).wantProblem(400, "bad_request")
		})
		t.Run("WrongContentType", func(t *testing.T) {
			anon.do(http.MethodPost, "/api/v1/auth/login", `{"email":"a@b.c","password":"x"}`, "Content-Type", "text/plain").want(415)
		})
		t.Run("SecurityHeaders", func(t *testing.T) {
			r := e.as(uInternCPP).get("/api/v1/me").want(200)
			for h, want := range map[string]string{
				"X-Content-Type-Options":  "nosniff",
				"Cache-Control":           "no-store",
				"Referrer-Policy":         "no-referrer",
				"Content-Security-Policy": "frame-ancestors 'none'",
			} {
				if !strings.Contains(r.Header.Get(h), want) {
					t.Errorf("%s = %q, want it to contain %q", h, r.Header.Get(h), want)
				}
			}
		})
	})
}
