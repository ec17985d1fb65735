package server_test

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Tampered access tokens. Every one of them must get the very same 401 as
// a request without a token: the answer tells an attacker nothing about
// which check failed. Complements TestAccessToken (auth_test.go).

var rsaKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

// forger signs tokens that look like the server's own, bound to a live
// session, so that each case differs from a valid token in one way only.
type forger struct {
	secret []byte
	uid    int64
	sid    string
	now    time.Time
}

func newForger(t *testing.T, e *apiEnv, access string) forger {
	t.Helper()
	var mc jwt.MapClaims
	if _, _, err := jwt.NewParser().ParseUnverified(access, &mc); err != nil {
		t.Fatal(err)
	}
	uid, _ := strconv.ParseInt(mc["sub"].(string), 10, 64)
	return forger{secret: testConfig("").JWTSecret, uid: uid, sid: mc["sid"].(string), now: e.DB.Clock.Now()}
}

// claims returns a valid payload with edit applied; a nil value deletes
// the claim.
func (f forger) claims(edit map[string]any) jwt.MapClaims {
	c := jwt.MapClaims{"iss": server.Issuer, "sub": strconv.FormatInt(f.uid, 10), "aud": server.Audience,
		"exp": f.now.Add(10 * time.Minute).Unix(), "nbf": f.now.Unix(), "iat": f.now.Unix(), "jti": "forged", "sid": f.sid, "typ": "access"}
	for k, v := range edit {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	return c
}

func (f forger) sign(t *testing.T, m jwt.SigningMethod, key any, edit map[string]any) string {
	t.Helper()
	s, err := jwt.NewWithClaims(m, f.claims(edit)).SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (f forger) hs256(t *testing.T, edit map[string]any) string {
	return f.sign(t, jwt.SigningMethodHS256, f.secret, edit)
}

// algConfusion claims RS256 but is MACed with the HMAC secret, as if the
// secret were an RSA public key.
func (f forger) algConfusion(t *testing.T) string {
	enc := base64.RawURLEncoding
	head := enc.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT"}`))
	body, _ := json.Marshal(f.claims(nil))
	signing := head + "." + enc.EncodeToString(body)
	mac := hmac.New(sha256.New, f.secret)
	mac.Write([]byte(signing))
	return signing + "." + enc.EncodeToString(mac.Sum(nil))
}

func flipMiddleOfSignature(tok string) string {
	i := strings.LastIndexByte(tok, '.') + 10
	b := []byte(tok)
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	return string(b)
}

// tokenCase sends a token one way or another.
type tokenCase struct {
	name   string
	header string // the Authorization header, "" for none
	path   string // "" for /api/v1/me
}

func tamperedTokens(t *testing.T, e *apiEnv) (valid string, cases []tokenCase) {
	t.Helper()
	tr := login(t, e, uInternCPP)
	f := newForger(t, e, tr.AccessToken)
	now := f.now
	none := f.sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, nil)
	bearer := func(tok string) string { return "Bearer " + tok }
	good := f.hs256(t, nil)
	unsigned := good[:strings.LastIndexByte(good, '.')+1]
	oversized := f.hs256(t, map[string]any{"pad": strings.Repeat("x", 3200)})
	if len(oversized) <= 4096 {
		t.Fatalf("oversized token is only %d bytes", len(oversized))
	}
	cases = []tokenCase{
		{"ErrAlgNone", bearer(none), ""},
		{"ErrAlgNoneUppercase", bearer(strings.Replace(none, "eyJhbGciOiJub25l", "eyJhbGciOiJOT05F", 1)), ""},
		{"ErrHS384RightKey", bearer(f.sign(t, jwt.SigningMethodHS384, f.secret, nil)), ""},
		{"ErrHS512RightKey", bearer(f.sign(t, jwt.SigningMethodHS512, f.secret, nil)), ""},
		{"ErrRS256", bearer(f.sign(t, jwt.SigningMethodRS256, rsaKey(), nil)), ""},
		{"ErrRS256HeaderHMACSignature", bearer(f.algConfusion(t)), ""},
		{"ErrFlippedSignature", bearer(flipMiddleOfSignature(good)), ""},
		{"ErrNoSignature", bearer(unsigned), ""},
		{"ErrWrongKey", bearer(f.sign(t, jwt.SigningMethodHS256, []byte("another-secret-of-at-least-32-bytes!"), nil)), ""},
		{"ErrMissingExp", bearer(f.hs256(t, map[string]any{"exp": nil})), ""},
		{"ErrExpired", bearer(f.hs256(t, map[string]any{"exp": now.Add(-time.Minute).Unix(), "iat": now.Add(-16 * time.Minute).Unix(),
			"nbf": now.Add(-16 * time.Minute).Unix()})), ""},
		{"ErrFutureNbf", bearer(f.hs256(t, map[string]any{"nbf": now.Add(time.Minute).Unix()})), ""},
		{"ErrFutureIat", bearer(f.hs256(t, map[string]any{"iat": now.Add(time.Minute).Unix()})), ""},
		{"ErrMissingIat", bearer(f.hs256(t, map[string]any{"iat": nil})), ""},
		{"ErrWrongIss", bearer(f.hs256(t, map[string]any{"iss": "someone-else"})), ""},
		{"ErrMissingIss", bearer(f.hs256(t, map[string]any{"iss": nil})), ""},
		{"ErrWrongAud", bearer(f.hs256(t, map[string]any{"aud": "another-api"})), ""},
		{"ErrMissingAud", bearer(f.hs256(t, map[string]any{"aud": nil})), ""},
		{"ErrMissingSub", bearer(f.hs256(t, map[string]any{"sub": nil})), ""},
		{"ErrSubNotNumber", bearer(f.hs256(t, map[string]any{"sub": "admin"})), ""},
		{"ErrSubOfAnotherUser", bearer(f.hs256(t, map[string]any{"sub": strconv.FormatInt(e.id(uAdmin), 10)})), ""},
		{"ErrMissingSid", bearer(f.hs256(t, map[string]any{"sid": nil})), ""},
		{"ErrUnknownSid", bearer(f.hs256(t, map[string]any{"sid": "no-such-session"})), ""},
		{"ErrTypRefresh", bearer(f.hs256(t, map[string]any{"typ": "refresh"})), ""},
		{"ErrRefreshTokenAsAccess", bearer(tr.RefreshToken), ""},
		{"ErrQueryAccessToken", "", "/api/v1/me?access_token=" + tr.AccessToken},
		{"ErrQueryToken", "", "/api/v1/me?token=" + tr.AccessToken},
		{"ErrOversized", bearer(oversized), ""},
		{"ErrNoBearerScheme", tr.AccessToken, ""},
		{"ErrTwoTokens", bearer(tr.AccessToken + " " + tr.AccessToken), ""},
	}
	return good, cases
}

func TestTamperedAccessTokens(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		valid, cases := tamperedTokens(t, e)
		cases = append(cases, disabledUserToken(t, e), loggedOutToken(t, e))
		send := func(t *testing.T, tc tokenCase) *resp {
			path := tc.path
			if path == "" {
				path = "/api/v1/me"
			}
			var hdr []string
			if tc.header != "" {
				hdr = []string{"Authorization", tc.header}
			}
			return e.on(t).as("").do(http.MethodGet, path, nil, hdr...)
		}
		// The forger's tokens are good ones: each case differs in one way.
		t.Run("OKForgedWithRightKey", func(t *testing.T) { send(t, tokenCase{"", "Bearer " + valid, ""}).want(200) })
		t.Run("OKPaddedUnderLimit", func(t *testing.T) {
			f := newForger(t, e, valid)
			tok := f.hs256(t, map[string]any{"pad": strings.Repeat("x", 2700)})
			if len(tok) < 3800 || len(tok) > 4096 {
				t.Fatalf("control token is %d bytes, want 3800..4096", len(tok))
			}
			send(t, tokenCase{"", "Bearer " + tok, ""}).want(200)
		})
		baseline := send(t, tokenCase{})
		want := baseline.problem()
		if want.Status != 401 || want.Code != tracker.ECodeUnauthenticated {
			t.Fatalf("no token: %+v", want)
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				r := send(t, tc)
				r.wantProblem(401, tracker.ECodeUnauthenticated)
				got := r.problem()
				got.RequestID = want.RequestID
				if !samePayload(got, want) {
					t.Fatalf("answer differs from the no-token one:\n got %+v\nwant %+v", got, want)
				}
				if r.Header.Get("WWW-Authenticate") != baseline.Header.Get("WWW-Authenticate") {
					t.Fatalf("WWW-Authenticate %q, want %q", r.Header.Get("WWW-Authenticate"), baseline.Header.Get("WWW-Authenticate"))
				}
			})
		}
		if len(cases) < 16 {
			t.Fatalf("only %d tampered tokens", len(cases))
		}
	})
}

func samePayload(a, b server.Problem) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// disabledUserToken is the valid token of a user an admin then disabled.
func disabledUserToken(t *testing.T, e *apiEnv) tokenCase {
	t.Helper()
	u := e.addUser("leaver", tracker.RoleIntern, ptr(branchCPP))
	e.Users["leaver"] = u
	tr := login(t, e, "leaver")
	(&client{e: e, token: tr.AccessToken}).get("/api/v1/me").want(200)
	e.as(uAdmin).patch("/api/v1/users/"+itoa(u.ID), u.Version, map[string]any{"active": false}).want(200)
	return tokenCase{"ErrDisabledUser", "Bearer " + tr.AccessToken, ""}
}

// loggedOutToken is the valid token of a session that then logged out.
func loggedOutToken(t *testing.T, e *apiEnv) tokenCase {
	t.Helper()
	tr := login(t, e, uSupMC)
	c := &client{e: e, token: tr.AccessToken}
	c.get("/api/v1/me").want(200)
	c.post("/api/v1/auth/logout", map[string]string{"refresh_token": tr.RefreshToken}).want(204)
	return tokenCase{"ErrLoggedOutSession", "Bearer " + tr.AccessToken, ""}
}

// TestSessionsEnd covers what TestRefreshAndLogout (auth_test.go) leaves
// out: logout by cookie or access token alone, that reuse ends one family
// and no other, and concurrent refreshes. Changing a password ending the
// other sessions is TestChangePassword/OtherSessionsEnded.
func TestSessionsEnd(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		refresh := func(e *apiEnv, tok string) *resp {
			return e.as("").post("/api/v1/auth/refresh", map[string]string{"refresh_token": tok})
		}
		t.Run("LogoutByCookie", func(t *testing.T) {
			e := e.on(t)
			tr := login(t, e, uInternCPP)
			r := e.as("").do(http.MethodPost, "/api/v1/auth/logout", nil, "Cookie", "tracker_refresh="+tr.RefreshToken)
			r.want(204)
			if ck := r.Header.Get("Set-Cookie"); !strings.Contains(ck, "tracker_refresh=;") || !strings.Contains(ck, "Max-Age=0") {
				t.Fatalf("logout did not clear the cookie: %q", ck)
			}
			refresh(e, tr.RefreshToken).wantProblem(401, tracker.ECodeUnauthenticated)
			(&client{e: e, token: tr.AccessToken}).get("/api/v1/me").wantProblem(401, tracker.ECodeUnauthenticated)
		})
		t.Run("LogoutByAccessTokenEndsRefresh", func(t *testing.T) {
			e := e.on(t)
			tr := login(t, e, uInternCPP)
			(&client{e: e, token: tr.AccessToken}).do(http.MethodPost, "/api/v1/auth/logout", nil).want(204)
			refresh(e, tr.RefreshToken).wantProblem(401, tracker.ECodeUnauthenticated)
		})
		t.Run("ReuseEndsFamilyOnly", func(t *testing.T) {
			e := e.on(t)
			stolen, other := login(t, e, uSupCPP), login(t, e, uSupCPP)
			var next server.TokenResponse
			refresh(e, stolen.RefreshToken).want(200).decode(&next)
			refresh(e, stolen.RefreshToken).wantProblem(401, tracker.ECodeUnauthenticated)
			refresh(e, next.RefreshToken).wantProblem(401, tracker.ECodeUnauthenticated)
			(&client{e: e, token: next.AccessToken}).get("/api/v1/me").wantProblem(401, tracker.ECodeUnauthenticated)
			// The user's other sign-in is another family: it goes on.
			(&client{e: e, token: other.AccessToken}).get("/api/v1/me").want(200)
			refresh(e, other.RefreshToken).want(200)
		})
		t.Run("ConcurrentRefreshOneWins", func(t *testing.T) {
			for round := range 5 {
				tr := login(t, e.on(t), uSupMC)
				codes := concurrentRefresh(e, tr.RefreshToken, 2)
				if codes[200] != 1 || codes[401] != 1 {
					t.Fatalf("round %d: answers %v, want one 200 and one 401", round, codes)
				}
			}
		})
	})
}

// concurrentRefresh sends n refreshes of one token at once and counts the
// answers by status. It bypasses the client so that no goroutine but the
// test's own calls t.Fatal.
func concurrentRefresh(e *apiEnv, tok string, n int) map[int]int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	codes := map[int]int{}
	start := make(chan struct{})
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodPost, "/api/v1/auth/refresh", strings.NewReader(`{"refresh_token":"`+tok+`"}`))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			<-start
			e.h.ServeHTTP(rec, req)
			mu.Lock()
			codes[rec.Code]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	return codes
}
