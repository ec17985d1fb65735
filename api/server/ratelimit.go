package server

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Login throttling. Failed sign-ins are counted in the database, per
// account (the normalised e-mail, whether or not such a user exists) and
// per client address (c.RealIP, which believes X-Forwarded-For only from
// TRACKER_TRUSTED_PROXIES), so that every API process sharing the database
// counts the same attempts. Once either count reaches its limit within the
// window, sign-ins answer 429 with Retry-After before any password is
// checked, so guessing cannot go on. A successful sign-in clears the
// account's count, not the address's.
//
// Two attempts racing past the check may both be counted: the limit can be
// overshot by the number of concurrent requests, never by more.

func (s *Server) loginLimits() store.LoginLimits {
	return store.LoginLimits{Window: s.cfg.LoginWindow, PerAccount: s.cfg.LoginMaxAccount, PerIP: s.cfg.LoginMaxIP}
}

// checkLoginAllowed answers 429 when the account or the client address has
// used up its failed sign-ins.
func (s *Server) checkLoginAllowed(c echo.Context, email string) error {
	wait, err := s.store.LoginWait(c.Request().Context(), email, c.RealIP(), s.loginLimits())
	if err != nil {
		return err
	}
	if wait <= 0 {
		return nil
	}
	secs := int64((wait + time.Second - 1) / time.Second)
	return &tracker.Error{Code: tracker.ECodeRateLimited,
		Message: "too many failed sign-ins; wait before trying again",
		// handleError moves retry_after into the Retry-After header.
		Fields: map[string]string{"retry_after": strconv.FormatInt(secs, 10)}}
}

// loginFailed counts a failed sign-in and returns the one answer to every
// failure.
func (s *Server) loginFailed(ctx context.Context, c echo.Context, email string) error {
	if err := s.store.RecordLoginFailure(ctx, email, c.RealIP(), s.loginLimits()); err != nil {
		return err
	}
	return errBadCredentials
}

// plausibleEmail reports whether e could be a stored address: anything
// else is answered like an unknown e-mail without asking the database
// (PostgreSQL refuses text holding NUL).
func plausibleEmail(e string) bool {
	e = strings.TrimSpace(e)
	return utf8.RuneCountInString(e) <= 254 && !strings.ContainsRune(e, 0)
}
