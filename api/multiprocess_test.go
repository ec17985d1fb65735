package main

import (
	"context"
	"maps"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/storetest"
)

// TestTwoProcessesOneDatabase is the scale-out test (issue 6, point 2):
// two `tracker serve` processes, A and B, on two ports against one
// PostgreSQL database, as two replicas behind a reverse proxy would run.
//
// While 16 clients (8 through each process) PATCH three shared tasks with
// If-Match and append progress logs to them, the subtests check that the
// state a replica must share lives in the database: a session made on A
// refreshes on B, reusing a rotated token on A ends the family on B,
// logging out on A refuses the access and refresh tokens on B, failed
// sign-ins on A and on B add up to one account limit, and a calendar feed
// rotated on A is dead on B. Then the workload is checked exactly
// (ledger.checkExact): nothing lost, nothing duplicated, no answer other
// than 200, 201 or 412 (so no 5xx), and nothing logged at error level.
func TestTwoProcessesOneDatabase(t *testing.T) {
	needPostgres(t)
	f := newBinFixtureOn(t, storetest.URL(t, "postgres"))
	addUserCLI(t, f.vars, "throttled@example.org", "leadership", "")
	a := f.proc
	varsB := maps.Clone(f.vars)
	varsB["TRACKER_ADDR"] = freeAddr(t)
	b := startServe(t, varsB)

	w := newWorkloadOn(f, false, f.sup, newAPIClient(b.base).login(t, "sup@example.org"))
	w.led.readInitial(t, f.sup)
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	ctx, cancel := context.WithCancel(context.Background())
	wait := w.start(ctx, 16, seed)
	minRun := time.After(3 * time.Second)
	stopLoad := func() {
		<-minRun
		cancel()
		wait()
	}
	defer cancel()

	t.Run("RefreshAcross", func(t *testing.T) { refreshAcross(t, a.base, b.base) })
	t.Run("LogoutAcross", func(t *testing.T) { logoutAcross(t, a.base, b.base) })
	t.Run("LoginThrottleAcross", func(t *testing.T) { loginThrottleAcross(t, a.base, b.base) })
	t.Run("CalendarAcross", func(t *testing.T) { calendarAcross(t, a.base, b.base) })

	start := time.Now()
	stopLoad()
	w.errs.report(t)
	if n := w.unreach.Load(); n > 0 {
		t.Errorf("%d requests got no answer", n)
	}
	w.led.checkExact(t, newAPIClient(b.base).login(t, "sup@example.org"))
	acked, _ := w.led.counts()
	t.Logf("%d writes acknowledged (%d through A, %d through B), %d PATCHes answered 412; load stopped %s after the subtests",
		acked, w.acked[0].Load(), w.acked[1].Load(), w.stale.Load(), time.Since(start).Round(time.Millisecond))
	for i, name := range []string{"A", "B"} {
		if w.acked[i].Load() == 0 {
			t.Errorf("no write was acknowledged through process %s", name)
		}
	}
	if w.stale.Load() == 0 {
		t.Error("no PATCH was answered 412: the clients did not contend")
	}
	for _, p := range []*proc{a, b} {
		p.stop()
		p.checkLogs()
		if out := p.output(); strings.Contains(out, `"level":"ERROR"`) {
			t.Errorf("%s logged an error:\n%s", p.base, out)
		}
	}
}

// needPostgres skips the test unless TRACKER_TEST_POSTGRES_URL names a
// PostgreSQL server to run it on.
func needPostgres(t *testing.T) {
	t.Helper()
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skipf("%s is not set: this test runs tracker processes on PostgreSQL", storetest.PostgresEnv)
	}
}

// tokens are what a sign-in or a refresh answers.
type tokens struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

// signIn signs in as email (password binPassword) on base.
func signIn(t *testing.T, base, email string) tokens {
	t.Helper()
	var tk tokens
	newAPIClient(base).must(t, "POST", "/api/v1/auth/login", map[string]string{"email": email, "password": binPassword}, 200, &tk)
	return tk
}

// as is a client of base that sends the access token.
func as(base, access string) *apiClient {
	c := newAPIClient(base)
	c.token = access
	return c
}

// refreshOn exchanges refresh on base, which must answer want.
func refreshOn(t *testing.T, base, refresh string, want int) tokens {
	t.Helper()
	var tk tokens
	var out any
	if want == 200 {
		out = &tk
	}
	newAPIClient(base).must(t, "POST", "/api/v1/auth/refresh", map[string]string{"refresh_token": refresh}, want, out)
	return tk
}

// refreshAcross: a session made on A is refreshed on B; both processes
// accept the new access token; presenting the rotated token again on A is
// taken as theft and ends the family, so B refuses the new tokens.
func refreshAcross(t *testing.T, a, b string) {
	first := signIn(t, a, "intern@example.org")
	as(b, first.AccessToken).must(t, "GET", "/api/v1/me", nil, 200, nil)
	next := refreshOn(t, b, first.RefreshToken, 200)
	as(a, next.AccessToken).must(t, "GET", "/api/v1/me", nil, 200, nil)
	refreshOn(t, a, first.RefreshToken, 401)
	refreshOn(t, b, next.RefreshToken, 401)
	as(b, next.AccessToken).must(t, "GET", "/api/v1/me", nil, 401, nil)
}

// logoutAcross: logging out on A refuses, on B, both the refresh token and
// the access token of that session (the access token is a signed JWT,
// but every request loads its session from the database).
func logoutAcross(t *testing.T, a, b string) {
	s := signIn(t, b, "intern@example.org")
	other := signIn(t, a, "intern@example.org")
	as(a, s.AccessToken).must(t, "POST", "/api/v1/auth/logout", map[string]string{"refresh_token": s.RefreshToken}, 204, nil)
	as(b, s.AccessToken).must(t, "GET", "/api/v1/me", nil, 401, nil)
	refreshOn(t, b, s.RefreshToken, 401)
	// Only that session ended.
	as(b, other.AccessToken).must(t, "GET", "/api/v1/me", nil, 200, nil)
	refreshOn(t, b, other.RefreshToken, 200)
}

// loginThrottleAcross: with the default limit of 5 failed sign-ins per
// account, 3 failures on A and 2 on B use it up, so the right password
// answers 429 on both. Counted in each process's memory, neither would
// have reached 5.
func loginThrottleAcross(t *testing.T, a, b string) {
	const email = "throttled@example.org"
	wrong := map[string]string{"email": email, "password": "not the password at all"}
	for i, base := range []string{a, a, a, b, b} {
		if code, _, body, err := newAPIClient(base).call(context.Background(), "POST", "/api/v1/auth/login", wrong, ""); err != nil || code != 401 {
			t.Fatalf("failed sign-in %d on %s: %d %v %s", i+1, base, code, err, body)
		}
	}
	right := map[string]string{"email": email, "password": binPassword}
	for _, base := range []string{a, b} {
		h := newAPIClient(base).must(t, "POST", "/api/v1/auth/login", right, 429, nil)
		if h.Get("Retry-After") == "" {
			t.Errorf("429 on %s without Retry-After", base)
		}
	}
	// The limit is the account's, not the shared client address's.
	signIn(t, b, "sup@example.org")
}

// calendarAcross: the personal feed URL made on A is served by B; once
// rotated on A, the old URL answers 404 on B and the new one 200.
func calendarAcross(t *testing.T, a, b string) {
	c := as(a, signIn(t, a, "intern@example.org").AccessToken)
	var cal struct {
		URL string `json:"url"`
	}
	c.must(t, "GET", "/api/v1/me/calendar", nil, 200, &cal)
	old := feedPath(t, cal.URL)
	feed := newAPIClient(b)
	h := feed.must(t, "GET", old, nil, 200, nil)
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "text/calendar") {
		t.Errorf("the feed on B answered Content-Type %q", ct)
	}
	c.must(t, "POST", "/api/v1/me/calendar/rotate", nil, 200, &cal)
	feed.must(t, "GET", old, nil, 404, nil)
	feed.must(t, "GET", feedPath(t, cal.URL), nil, 200, nil)
}

// feedPath is the path of a feed URL, to fetch it from another process.
func feedPath(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil || !strings.HasPrefix(u.Path, "/api/v1/calendar/") {
		t.Fatalf("feed URL %q", raw)
	}
	return u.Path
}
