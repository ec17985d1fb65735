package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/config"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// reconfigured returns a second server on e's database and clock, with the
// settings changed by mut and the given password hasher.
func reconfigured(t *testing.T, e *apiEnv, h auth.Hasher, mut func(*config.Config)) *apiEnv {
	t.Helper()
	cfg := testConfig(e.DB.URL)
	if mut != nil {
		mut(&cfg)
	}
	srv, err := server.New(server.Deps{Config: cfg, Store: e.DB.Store, Hasher: h, Now: e.DB.Clock.Now, Spec: []byte("openapi: 3.1.0\n")})
	if err != nil {
		t.Fatal(err)
	}
	c := *e
	c.t, c.Server, c.h, c.tokens = t, srv, srv.Handler(), map[string]string{}
	return &c
}

// attempt signs in as email with password, with extra headers.
func attempt(e *apiEnv, email, password string, header ...string) *resp {
	e.t.Helper()
	return e.as("").do(http.MethodPost, "/api/v1/auth/login", map[string]string{"email": email, "password": password}, header...)
}

// wantLimited checks a 429 rate_limited with a Retry-After of 1..most
// seconds, and returns it.
func wantLimited(r *resp, most int) int {
	r.t.Helper()
	r.wantProblem(http.StatusTooManyRequests, tracker.ECodeRateLimited)
	n, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || n < 1 || n > most {
		r.t.Fatalf("Retry-After = %q, want 1..%d", r.Header.Get("Retry-After"), most)
	}
	if _, ok := r.problem().Errors["retry_after"]; ok {
		r.t.Fatal("retry_after leaked into the body's errors")
	}
	return n
}

const window = config.DefaultLoginWindow

// inFreshWindow runs fn as subtest name after the failures of earlier
// subtests have left the window.
func inFreshWindow(t *testing.T, e *apiEnv, name string, fn func(t *testing.T, e *apiEnv)) {
	t.Run(name, func(t *testing.T) { e.DB.Clock.Advance(window + time.Minute); fn(t, e.on(t)) })
}

func TestLoginThrottle(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		email := e.Users[uInternCPP].Email
		run := func(name string, fn func(t *testing.T, e *apiEnv)) { inFreshWindow(t, e, name, fn) }
		run("PerAccountKnownEmail", func(t *testing.T, e *apiEnv) {
			for i := range config.DefaultLoginMaxAccount {
				// Case and spaces do not make another account.
				attempt(e, []string{email, strings.ToUpper(email), " " + email}[i%3], "wrong password!").want(401)
			}
			// The right password no longer helps: it is not even checked.
			wantLimited(attempt(e, email, fixturePassword), int(window/time.Second))
			attempt(e, e.Users[uInternCPP2].Email, fixturePassword).want(200)
		})
		run("PerAccountUnknownEmail", func(t *testing.T, e *apiEnv) {
			for range config.DefaultLoginMaxAccount {
				attempt(e, "nobody@example.org", "wrong password!").want(401)
			}
			wantLimited(attempt(e, "Nobody@example.org", "wrong password!"), int(window/time.Second))
		})
		run("LimitedKnownAndUnknownAlike", func(t *testing.T, e *apiEnv) {
			for range config.DefaultLoginMaxAccount {
				attempt(e, email, "wrong password!").want(401)
				attempt(e, "ghost@example.org", "wrong password!").want(401)
			}
			a, b := attempt(e, email, "wrong password!"), attempt(e, "ghost@example.org", "wrong password!")
			wantLimited(a, 900)
			pa, pb := a.problem(), b.problem()
			pa.RequestID = pb.RequestID
			if !samePayload(pa, pb) || a.Header.Get("Retry-After") != b.Header.Get("Retry-After") {
				t.Fatalf("known and unknown accounts limited differently:\n%+v %s\n%+v %s", pa, a.Header.Get("Retry-After"), pb, b.Header.Get("Retry-After"))
			}
		})
		run("PerIPAcrossAccounts", func(t *testing.T, e *apiEnv) {
			for i := range config.DefaultLoginMaxIP {
				attempt(e, fmt.Sprintf("guess%d@example.org", i), "wrong password!").want(401)
			}
			wantLimited(attempt(e, "fresh@example.org", "wrong password!"), 900)
			wantLimited(attempt(e, e.Users[uSupMC].Email, fixturePassword), 900)
		})
		run("RetryAfterCountsDownAndWindowPasses", func(t *testing.T, e *apiEnv) {
			for range config.DefaultLoginMaxAccount {
				attempt(e, email, "wrong password!").want(401)
				e.DB.Clock.Advance(time.Minute)
			}
			// The oldest failure is 5 minutes old: it leaves in 10.
			if n := wantLimited(attempt(e, email, fixturePassword), 900); n != 600 {
				t.Fatalf("Retry-After = %d, want 600", n)
			}
			e.DB.Clock.Advance(10*time.Minute - time.Second)
			if n := wantLimited(attempt(e, email, fixturePassword), 900); n != 1 {
				t.Fatalf("Retry-After = %d, want 1", n)
			}
			e.DB.Clock.Advance(time.Second)
			attempt(e, email, fixturePassword).want(200)
		})
		run("SuccessClearsAccountCount", func(t *testing.T, e *apiEnv) {
			for range config.DefaultLoginMaxAccount - 1 {
				attempt(e, email, "wrong password!").want(401)
			}
			attempt(e, email, fixturePassword).want(200)
			for range config.DefaultLoginMaxAccount {
				attempt(e, email, "wrong password!").want(401)
			}
			wantLimited(attempt(e, email, fixturePassword), 900)
		})
	})
}

// TestLoginThrottleClientIP: the address counted is the peer's, or the
// client's as told by a trusted proxy; and the current password of
// PUT /me/password is throttled like a sign-in.
func TestLoginThrottleClientIP(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		run := func(name string, fn func(t *testing.T, e *apiEnv)) { inFreshWindow(t, e, name, fn) }
		run("CurrentPasswordGuessesCount", func(t *testing.T, e *apiEnv) {
			// A stolen access token does not give unlimited tries at the
			// current password either.
			c := &client{e: e, token: login(t, e, uInternMC).AccessToken}
			change := func(current string) *resp {
				return c.do(http.MethodPut, "/api/v1/me/password", map[string]string{"current_password": current, "new_password": "a fresh passphrase"})
			}
			for range config.DefaultLoginMaxAccount {
				change("a wrong guess").wantProblem(422, tracker.ECodeInvalid).wantField("current_password")
			}
			wantLimited(change(fixturePassword), 900)
			wantLimited(attempt(e, e.Users[uInternMC].Email, fixturePassword), 900)
		})
		run("SpoofedForwardedForIgnored", func(t *testing.T, e *apiEnv) {
			spoofCounts(t, e)
		})
		run("SpoofedForwardedForIgnoredFromUntrustedPeer", func(t *testing.T, e *apiEnv) {
			// Proxies are configured, but the peer (192.0.2.1) is not one.
			spoofCounts(t, reconfigured(t, e, auth.FastHasher(), func(c *config.Config) {
				c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
			}))
		})
		run("TrustedProxyForwardsClientIP", func(t *testing.T, e *apiEnv) {
			// httptest requests come from 192.0.2.1: make it the proxy.
			p := reconfigured(t, e, auth.FastHasher(), func(c *config.Config) {
				c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
			})
			for i := range config.DefaultLoginMaxIP {
				attempt(p, fmt.Sprintf("guess%d@example.org", i), "wrong password!", "X-Forwarded-For", "203.0.113.7").want(401)
			}
			wantLimited(attempt(p, "fresh@example.org", "x-wrong-x", "X-Forwarded-For", "203.0.113.7"), 900)
			// A client cannot escape by prepending an address: the proxy
			// appends the one it saw, and that is the one believed.
			wantLimited(attempt(p, "fresh@example.org", "x-wrong-x", "X-Forwarded-For", "198.51.100.1, 203.0.113.7"), 900)
			// Another client behind the same proxy is not limited.
			attempt(p, e.Users[uSupCPP].Email, fixturePassword, "X-Forwarded-For", "203.0.113.8").want(200)
		})
	})
}

// spoofCounts fails from one peer with a new X-Forwarded-For each time: the
// peer is limited all the same.
func spoofCounts(t *testing.T, e *apiEnv) {
	t.Helper()
	for i := range config.DefaultLoginMaxIP {
		ip := fmt.Sprintf("198.51.100.%d", i+1)
		attempt(e, fmt.Sprintf("spoof%d@example.org", i), "wrong password!", "X-Forwarded-For", ip, "X-Real-IP", ip).want(401)
	}
	wantLimited(attempt(e, "fresh@example.org", "wrong password!", "X-Forwarded-For", "198.51.100.200", "X-Real-IP", "198.51.100.200"), 900)
}

func TestPasswordPolicy(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		u := e.addUser("policy", tracker.RoleIntern, ptr(branchCPP))
		e.Users["policy"] = u
		current, token := fixturePassword, login(t, e, "policy").AccessToken
		set := func(e *apiEnv, pw string) *resp {
			r := (&client{e: e, token: token}).do(http.MethodPut, "/api/v1/me/password",
				map[string]string{"current_password": current, "new_password": pw})
			if r.Code == http.StatusNoContent {
				current = pw
			}
			return r
		}
		long := func(n int) string { return strings.Repeat("Zq8#mP2x", n/8+1)[:n] }
		cases := []struct {
			name, pw string
			status   int
			msg      string
		}{
			{"Err7Chars", "Zq8#mP2", 422, "at least 8 characters"},
			{"Err7RunesOf14Bytes", "ééééééé", 422, "at least 8 characters"},
			{"ErrOnlySpaces", "          ", 422, "at least 8 characters"},
			{"OK8Chars", "Zq8#mP2x", 204, ""},
			{"OK8Runes", "éééééééé", 204, ""},
			{"OK64Chars", long(64), 204, ""},
			{"OK128Chars", long(128), 204, ""},
			{"Err129Chars", long(129), 422, "at most 128 characters"},
			{"ErrCommon", "password123", 422, "too common"},
			{"ErrCommonOtherCase", "PassWord123", 422, "too common"},
			{"ErrCommonKeyboard", "qwertyuiop", 422, "too common"},
			{"ErrCommonDigits", "12345678", 422, "too common"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				e := e.on(t)
				r := set(e, tc.pw).want(tc.status)
				if tc.status == 204 {
					attempt(e, u.Email, tc.pw).want(200)
					return
				}
				if msg := r.wantField("new_password").problem().Errors["new_password"]; !strings.Contains(msg, tc.msg) {
					t.Fatalf("message %q does not say %q", msg, tc.msg)
				}
			})
		}
		t.Run("NoSilentTruncation", func(t *testing.T) {
			e := e.on(t)
			pw := long(100)
			set(e, pw).want(204)
			for _, prefix := range []int{72, 99} {
				attempt(e, u.Email, pw[:prefix]).wantProblem(401, tracker.ECodeUnauthenticated)
			}
			attempt(e, u.Email, pw+"x").wantProblem(401, tracker.ECodeUnauthenticated)
			attempt(e, u.Email, pw).want(200)
		})
		t.Run("CreateUserChecksPolicy", func(t *testing.T) {
			e := e.on(t)
			for i, pw := range []string{"Zq8#mP2", long(129), "iloveyou"} {
				e.as(uAdmin).post("/api/v1/users", map[string]any{"email": fmt.Sprintf("p%d@example.org", i), "name": "P",
					"role": "intern", "branch_id": branchCPP, "password": pw}).wantProblem(422, tracker.ECodeInvalid).wantField("password")
			}
		})
	})
}

// TestLoginFailuresAlike: an unknown e-mail, a wrong password and a
// disabled account answer alike, by status, body and headers. (Timing is
// TestLoginTiming.)
func TestLoginFailuresAlike(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		gone := e.addUser("gone", tracker.RoleIntern, ptr(branchCPP))
		off := false
		if _, err := e.DB.Store.UpdateUser(context.Background(), e.Users[uAdmin], gone.ID, gone.Version, store.UserPatch{Active: &off}); err != nil {
			t.Fatal(err)
		}
		tries := map[string][2]string{
			"UnknownEmail":  {"nobody@example.org", fixturePassword},
			"WrongPassword": {e.Users[uInternCPP].Email, "wrong password!"},
			"Disabled":      {gone.Email, fixturePassword},
		}
		var first *resp
		for _, name := range []string{"UnknownEmail", "WrongPassword", "Disabled"} {
			t.Run(name, func(t *testing.T) {
				r := attempt(e.on(t), tries[name][0], tries[name][1]).wantProblem(401, tracker.ECodeUnauthenticated)
				if first == nil {
					first = r
					return
				}
				a, b := r.problem(), first.problem()
				a.RequestID = b.RequestID
				if !samePayload(a, b) {
					t.Fatalf("body %+v differs from %+v", a, b)
				}
				for _, h := range []string{"WWW-Authenticate", "Set-Cookie", "Retry-After", "Cache-Control", "Content-Type"} {
					if r.Header.Get(h) != first.Header.Get(h) {
						t.Fatalf("%s %q differs from %q", h, r.Header.Get(h), first.Header.Get(h))
					}
				}
			})
		}
	})
}

// TestLoginTiming: with the production hasher, an unknown e-mail costs as
// much time as a wrong password (a dummy hash is verified). Medians of
// interleaved runs must be within a factor of 2.
func TestLoginTiming(t *testing.T) {
	if testing.Short() {
		t.Skip("measures real argon2id hashing")
	}
	db := storetest.New(t, "sqlite")
	base := newAPI(t, db)
	e := reconfigured(t, base, auth.DefaultHasher(), func(c *config.Config) { c.LoginMaxAccount, c.LoginMaxIP = 1000, 1000 })
	hash, err := auth.DefaultHasher().Hash(fixturePassword)
	if err != nil {
		t.Fatal(err)
	}
	u, err := db.Store.CreateUserUnchecked(context.Background(), store.NewUser{Email: "timed@example.org", Name: "Timed",
		Role: tracker.RoleIntern, BranchID: ptr(branchCPP), PasswordHash: hash})
	if err != nil {
		t.Fatal(err)
	}
	const n = 15
	var known, unknown []time.Duration
	for i := range n + 2 {
		for _, email := range []string{u.Email, fmt.Sprintf("ghost%d@example.org", i)} {
			start := time.Now()
			attempt(e, email, "wrong password!").want(401)
			d := time.Since(start)
			if i < 2 {
				continue // warm-up
			}
			if email == u.Email {
				known = append(known, d)
			} else {
				unknown = append(unknown, d)
			}
		}
	}
	mk, mu := median(known), median(unknown)
	t.Logf("median wrong password %s, unknown e-mail %s", mk, mu)
	if mk > 2*mu || mu > 2*mk {
		t.Fatalf("medians differ by more than a factor of 2: wrong password %s, unknown e-mail %s", mk, mu)
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
