package server

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// refreshCookie carries the refresh token for the SPA: httpOnly, so
// scripts never see it, and SameSite=Strict, so other sites cannot use it.
const refreshCookie = "tracker_refresh"

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

// TokenResponse answers a sign-in or a refresh.
type TokenResponse struct {
	AccessToken  string        `json:"access_token"`
	TokenType    string        `json:"token_type"`
	ExpiresIn    int           `json:"expires_in"`
	RefreshToken string        `json:"refresh_token"`
	User         *tracker.User `json:"user"`
}

// errBadCredentials is the one answer to an unknown e-mail, a wrong
// password and a disabled account alike.
var errBadCredentials = tracker.Errorf(tracker.ECodeUnauthenticated, "the e-mail or the password is wrong")

func (s *Server) login(c echo.Context) error {
	var req loginRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p := tracker.Problems{}
	if strings.TrimSpace(req.Email) == "" {
		p.Add("email", "is required")
	}
	if req.Password == "" {
		p.Add("password", "is required")
	}
	if len(req.Password) > 1024 {
		p.Add("password", "is too long")
	}
	if err := p.Err(); err != nil {
		return err
	}
	if err := s.checkLoginAllowed(c, req.Email); err != nil {
		return err
	}
	ctx := c.Request().Context()
	u, err := s.userForLogin(ctx, req.Email)
	if err != nil {
		if tracker.ErrorCode(err) != tracker.ECodeNotFound {
			return err
		}
		// An unknown e-mail costs one hash, like a wrong password.
		s.hasher.DummyVerify(req.Password)
		return s.loginFailed(ctx, c, req.Email)
	}
	good, err := s.hasher.Verify(u.PasswordHash, req.Password)
	if err != nil || !good || !u.Active {
		return s.loginFailed(ctx, c, req.Email)
	}
	if err := s.store.ClearLoginFailures(ctx, req.Email); err != nil {
		return err
	}
	family, err := auth.NewSessionID()
	if err != nil {
		return err
	}
	return s.issue(c, u, family, func(hash string) error {
		return s.store.CreateSession(ctx, store.Session{FamilyID: family, UserID: u.ID, TokenHash: hash,
			ExpiresAt: s.now().Add(s.cfg.RefreshTTL), UserAgent: clip(c.Request().UserAgent(), 255), IP: c.RealIP()})
	})
}

// userForLogin finds the user signing in as email; an address that cannot
// be stored is not found.
func (s *Server) userForLogin(ctx context.Context, email string) (*tracker.User, error) {
	if !plausibleEmail(email) {
		return nil, tracker.NotFound("user")
	}
	return s.store.UserByEmail(ctx, email)
}

// issue makes a new refresh token (stored by save) and an access token for
// u in session family, and answers with both.
func (s *Server) issue(c echo.Context, u *tracker.User, family string, save func(hash string) error) error {
	plain, hash, err := auth.NewRefreshToken()
	if err != nil {
		return err
	}
	if err := save(hash); err != nil {
		return err
	}
	access, exp, err := s.tokens.Issue(u.ID, family)
	if err != nil {
		return err
	}
	s.setRefreshCookie(c, plain, s.cfg.RefreshTTL)
	return ok(c, TokenResponse{AccessToken: access, TokenType: "Bearer", ExpiresIn: int(exp.Sub(s.now()).Seconds() + 0.5),
		RefreshToken: plain, User: u})
}

func (s *Server) setRefreshCookie(c echo.Context, value string, ttl time.Duration) {
	ck := &http.Cookie{Name: refreshCookie, Value: value, Path: "/api/v1/auth", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: s.cfg.SecureCookies, MaxAge: int(ttl.Seconds())}
	if ttl <= 0 {
		ck.MaxAge = -1
	}
	c.SetCookie(ck)
}

// refreshToken reads the refresh token from the body or, for the SPA, the
// cookie. A body is optional.
func refreshToken(c echo.Context) (string, error) {
	var req refreshRequest
	if c.Request().ContentLength != 0 {
		if err := decode(c, &req); err != nil && !isEmptyBody(err) {
			return "", err
		}
	}
	if req.RefreshToken == "" {
		if ck, err := c.Cookie(refreshCookie); err == nil {
			req.RefreshToken = ck.Value
		}
	}
	if req.RefreshToken == "" || len(req.RefreshToken) > 256 {
		return "", store.ErrSessionInvalid
	}
	return req.RefreshToken, nil
}

func isEmptyBody(err error) bool {
	var e *tracker.Error
	return errors.As(err, &e) && e.Message == "the request needs a JSON body"
}

func (s *Server) refresh(c echo.Context) error {
	plain, err := refreshToken(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	newPlain, newHash, err := auth.NewRefreshToken()
	if err != nil {
		return err
	}
	sess, err := s.store.RotateSession(ctx, auth.HashRefreshToken(plain), newHash, s.cfg.RefreshTTL)
	if err != nil {
		s.setRefreshCookie(c, "", 0)
		return err
	}
	u, err := s.store.UserByID(ctx, sess.UserID)
	if err != nil || !u.Active {
		_ = s.store.RevokeFamily(ctx, sess.FamilyID)
		return store.ErrSessionInvalid
	}
	access, exp, err := s.tokens.Issue(u.ID, sess.FamilyID)
	if err != nil {
		return err
	}
	s.setRefreshCookie(c, newPlain, s.cfg.RefreshTTL)
	return ok(c, TokenResponse{AccessToken: access, TokenType: "Bearer", ExpiresIn: int(exp.Sub(s.now()).Seconds() + 0.5),
		RefreshToken: newPlain, User: u})
}

// logout ends the session of the refresh token (body or cookie) and, when
// an access token comes along, the session it belongs to.
func (s *Server) logout(c echo.Context) error {
	ctx := c.Request().Context()
	// Read the body first: a malformed request changes nothing.
	plain, err := refreshToken(c)
	if err != nil && tracker.ErrorCode(err) != tracker.ECodeUnauthenticated {
		return err
	}
	if h, found := strings.CutPrefix(c.Request().Header.Get("Authorization"), "Bearer "); found {
		if claims, err := s.tokens.Parse(strings.TrimSpace(h)); err == nil {
			if err := s.store.RevokeFamily(ctx, claims.SessionID); err != nil {
				return err
			}
		}
	}
	if plain != "" {
		if err := s.store.RevokeSessionByToken(ctx, auth.HashRefreshToken(plain)); err != nil {
			return err
		}
	}
	s.setRefreshCookie(c, "", 0)
	return noContent(c)
}

func (s *Server) me(c echo.Context) error {
	u := actor(c)
	return versioned(c, http.StatusOK, u.Version, u)
}

type passwordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// changePassword sets the caller's password and ends their other sessions.
// A wrong current password counts as a failed sign-in.
func (s *Server) changePassword(c echo.Context) error {
	var req passwordRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	u := actor(c)
	ctx := c.Request().Context()
	full, err := s.store.UserByEmail(ctx, u.Email)
	if err != nil {
		return err
	}
	// The current password is a guess like a sign-in: someone holding a
	// stolen access token must not get unlimited tries at it.
	if err := s.checkLoginAllowed(c, u.Email); err != nil {
		return err
	}
	if good, err := s.hasher.Verify(full.PasswordHash, req.CurrentPassword); err != nil || !good {
		if err := s.store.RecordLoginFailure(ctx, u.Email, c.RealIP(), s.loginLimits()); err != nil {
			return err
		}
		return tracker.Invalid("current_password", "is not your current password")
	}
	if err := passwordPolicy("new_password", req.NewPassword); err != nil {
		return err
	}
	hash, err := s.hasher.Hash(req.NewPassword)
	if err != nil {
		return err
	}
	session, _ := c.Get("session").(string)
	if err := s.store.SetPassword(ctx, u, u.ID, hash, session); err != nil {
		return err
	}
	return noContent(c)
}

// passwordPolicy checks a new password, naming field in the error.
func passwordPolicy(field, pw string) error {
	if err := auth.CheckPasswordPolicy(pw); err != nil {
		return tracker.Invalid(field, err.Error())
	}
	return nil
}

// clip returns s as valid UTF-8 of at most n bytes, cut at a character
// boundary (headers such as User-Agent may hold anything).
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "")
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}
