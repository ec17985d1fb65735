package server_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func TestLogin(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		anon := e.as("")
		email := e.Users[uInternCPP].Email
		cases := []struct {
			name   string
			body   any
			status int
			code   string
			field  string
		}{
			{"OK", map[string]string{"email": email, "password": fixturePassword}, 200, "", ""},
			{"OKEmailCaseInsensitive", map[string]string{"email": strings.ToUpper(email), "password": fixturePassword}, 200, "", ""},
			{"ErrWrongPassword", map[string]string{"email": email, "password": "wrong password!"}, 401, "unauthenticated", ""},
			{"ErrUnknownUser", map[string]string{"email": "nobody@example.org", "password": fixturePassword}, 401, "unauthenticated", ""},
			{"ErrMissingEmail", map[string]string{"password": fixturePassword}, 422, "validation_failed", "email"},
			{"ErrMissingPassword", map[string]string{"email": email}, 422, "validation_failed", "password"},
			{"ErrUnknownField", map[string]any{"email": email, "password": fixturePassword, "role": "admin"}, 400, "bad_request", "role"},
			{"ErrNotJSON", "email=x", 400, "bad_request", ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				r := anon.post("/api/v1/auth/login", tc.body)
				if tc.code == "" {
					var tr server.TokenResponse
					r.want(tc.status).decode(&tr)
					if tr.TokenType != "Bearer" || tr.AccessToken == "" || tr.RefreshToken == "" || tr.User.ID != e.id(uInternCPP) {
						t.Fatalf("token response = %+v", tr)
					}
					if tr.ExpiresIn <= 0 || tr.ExpiresIn > 900 {
						t.Fatalf("expires_in = %d, want 1..900", tr.ExpiresIn)
					}
					ck := r.Header.Get("Set-Cookie")
					for _, want := range []string{"tracker_refresh=", "HttpOnly", "SameSite=Strict", "Path=/api/v1/auth"} {
						if !strings.Contains(ck, want) {
							t.Fatalf("Set-Cookie %q lacks %q", ck, want)
						}
					}
					return
				}
				r.wantProblem(tc.status, tc.code)
				if tc.field != "" {
					r.wantField(tc.field)
				}
			})
		}
		t.Run("UnknownUserAndWrongPasswordAnswerAlike", func(t *testing.T) {
			a := anon.post("/api/v1/auth/login", map[string]string{"email": email, "password": "wrong password!"}).problem()
			b := anon.post("/api/v1/auth/login", map[string]string{"email": "nobody@example.org", "password": "wrong password!"}).problem()
			a.RequestID, b.RequestID = "", ""
			if a.Code != b.Code || a.Detail != b.Detail || a.Status != b.Status {
				t.Fatalf("answers differ: %+v vs %+v", a, b)
			}
		})
		t.Run("OddUserAgent", func(t *testing.T) {
			body := map[string]string{"email": email, "password": fixturePassword}
			for _, ua := range []string{"\xff\xfe broken", strings.Repeat("é", 200)} {
				e.on(t).as("").do(http.MethodPost, "/api/v1/auth/login", body, "User-Agent", ua).want(200)
			}
		})
		t.Run("ErrDisabledUser", func(t *testing.T) {
			u := e.addUser("gone", tracker.RoleIntern, ptr(branchCPP))
			v := e.as(uAdmin).get("/api/v1/users/" + itoa(u.ID)).etag()
			e.as(uAdmin).patch("/api/v1/users/"+itoa(u.ID), v, map[string]any{"active": false}).want(200)
			anon.post("/api/v1/auth/login", map[string]string{"email": u.Email, "password": fixturePassword}).wantProblem(401, "unauthenticated")
		})
	})
}

func login(t *testing.T, e *apiEnv, name string) server.TokenResponse {
	t.Helper()
	var tr server.TokenResponse
	e.as("").post("/api/v1/auth/login", map[string]string{"email": e.Users[name].Email, "password": fixturePassword}).want(200).decode(&tr)
	return tr
}

func TestRefreshAndLogout(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		anon := e.as("")
		t.Run("RotationAndReuse", func(t *testing.T) {
			first := login(t, e, uSupCPP)
			var second server.TokenResponse
			anon.post("/api/v1/auth/refresh", map[string]string{"refresh_token": first.RefreshToken}).want(200).decode(&second)
			if second.RefreshToken == first.RefreshToken {
				t.Fatal("refresh token was not rotated")
			}
			// Reusing the rotated token is theft: the whole family ends.
			anon.post("/api/v1/auth/refresh", map[string]string{"refresh_token": first.RefreshToken}).wantProblem(401, "unauthenticated")
			anon.post("/api/v1/auth/refresh", map[string]string{"refresh_token": second.RefreshToken}).wantProblem(401, "unauthenticated")
			(&client{e: e, token: second.AccessToken}).get("/api/v1/me").wantProblem(401, "unauthenticated")
		})
		t.Run("ByCookie", func(t *testing.T) {
			first := login(t, e, uSupCPP)
			r := anon.do(http.MethodPost, "/api/v1/auth/refresh", nil, "Cookie", "tracker_refresh="+first.RefreshToken)
			r.want(200)
		})
		t.Run("ErrNoToken", func(t *testing.T) {
			anon.do(http.MethodPost, "/api/v1/auth/refresh", nil).wantProblem(401, "unauthenticated")
		})
		t.Run("LogoutEndsSession", func(t *testing.T) {
			tr := login(t, e, uInternCPP)
			c := &client{e: e, token: tr.AccessToken}
			c.get("/api/v1/me").want(200)
			c.post("/api/v1/auth/logout", map[string]string{"refresh_token": tr.RefreshToken}).want(204)
			anon.post("/api/v1/auth/refresh", map[string]string{"refresh_token": tr.RefreshToken}).wantProblem(401, "unauthenticated")
			c.get("/api/v1/me").wantProblem(401, "unauthenticated")
		})
		t.Run("ExpiredRefresh", func(t *testing.T) {
			tr := login(t, e, uInternCPP)
			e.DB.Clock.Advance(31 * 24 * time.Hour)
			defer e.DB.Clock.Advance(-31 * 24 * time.Hour)
			anon.post("/api/v1/auth/refresh", map[string]string{"refresh_token": tr.RefreshToken}).wantProblem(401, "unauthenticated")
		})
	})
}

func TestAccessToken(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		tr := login(t, e, uInternCPP)
		cases := []struct {
			name   string
			header string
			status int
		}{
			{"OK", "Bearer " + tr.AccessToken, 200},
			{"ErrMissing", "", 401},
			{"ErrNotBearer", "Basic " + tr.AccessToken, 401},
			{"ErrGarbage", "Bearer not.a.token", 401},
			{"ErrRefreshTokenAsAccess", "Bearer " + tr.RefreshToken, 401},
			{"ErrFlippedSignature", "Bearer " + flipLast(tr.AccessToken), 401},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				var hdr []string
				if tc.header != "" {
					hdr = []string{"Authorization", tc.header}
				}
				r := e.as("").do(http.MethodGet, "/api/v1/me", nil, hdr...)
				r.want(tc.status)
				if tc.status == 401 && r.Header.Get("WWW-Authenticate") == "" {
					t.Fatal("401 without WWW-Authenticate")
				}
			})
		}
		t.Run("ErrExpired", func(t *testing.T) {
			e.DB.Clock.Advance(16 * time.Minute)
			defer e.DB.Clock.Advance(-16 * time.Minute)
			(&client{e: e, token: tr.AccessToken}).get("/api/v1/me").wantProblem(401, "unauthenticated")
		})
		t.Run("DemotionTakesEffectAtOnce", func(t *testing.T) {
			sup := login(t, e, uSupCPP2)
			c := &client{e: e, token: sup.AccessToken}
			var me tracker.User
			c.get("/api/v1/me").want(200).decode(&me)
			if me.Role != tracker.RoleSupervisor {
				t.Fatalf("role = %s", me.Role)
			}
			e.as(uAdmin).patch("/api/v1/users/"+itoa(me.ID), me.Version, map[string]any{"role": "intern"}).want(200)
			c.get("/api/v1/me").want(200).decode(&me)
			if me.Role != tracker.RoleIntern {
				t.Fatalf("after demotion role = %s, want intern", me.Role)
			}
		})
	})
}

func TestChangePassword(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		mine := login(t, e, uInternMC)
		other := login(t, e, uInternMC)
		c := &client{e: e, token: mine.AccessToken}
		cases := []struct {
			name  string
			body  map[string]string
			code  int
			field string
		}{
			{"ErrWrongCurrent", map[string]string{"current_password": "nope nope nope", "new_password": "a brand new phrase"}, 422, "current_password"},
			{"ErrTooShort", map[string]string{"current_password": fixturePassword, "new_password": "short"}, 422, "new_password"},
			{"ErrCommon", map[string]string{"current_password": fixturePassword, "new_password": "password123"}, 422, "new_password"},
			{"OK", map[string]string{"current_password": fixturePassword, "new_password": "a brand new phrase"}, 204, ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				r := c.do(http.MethodPut, "/api/v1/me/password", tc.body)
				r.want(tc.code)
				if tc.field != "" {
					r.wantField(tc.field)
				}
			})
		}
		t.Run("OtherSessionsEnded", func(t *testing.T) {
			c.get("/api/v1/me").want(200)
			(&client{e: e, token: other.AccessToken}).get("/api/v1/me").wantProblem(401, "unauthenticated")
			e.as("").post("/api/v1/auth/refresh", map[string]string{"refresh_token": other.RefreshToken}).wantProblem(401, "unauthenticated")
			e.as("").post("/api/v1/auth/login", map[string]string{"email": e.Users[uInternMC].Email, "password": "a brand new phrase"}).want(200)
		})
	})
}

func flipLast(tok string) string {
	b := []byte(tok)
	if b[len(b)-1] == 'A' {
		b[len(b)-1] = 'B'
	} else {
		b[len(b)-1] = 'A'
	}
	return string(b)
}
