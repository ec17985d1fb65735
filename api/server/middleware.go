package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyActor
)

// requestID gives every request an id: the caller's X-Request-ID when it
// looks sane, otherwise a new one. It travels in the response header, every
// log line and every error body.
func (s *Server) requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(echo.HeaderXRequestID)
		if !saneID(id) {
			id = newID()
		}
		c.Set("request_id", id)
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		r := c.Request()
		c.SetRequest(r.WithContext(context.WithValue(r.Context(), keyRequestID, id)))
		return next(c)
	}
}

func saneID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, ch := range id {
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_') {
			return false
		}
	}
	return true
}

func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func requestID(c echo.Context) string {
	id, _ := c.Get("request_id").(string)
	return id
}

// recoverPanics turns a panic into a logged 500 with the request id only.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}

// observe logs one JSON line per request and feeds the metrics.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		route := c.Path()
		if route == "" || route == "/*" || route == "/api/v1/*" {
			route = "other"
		}
		status := c.Response().Status
		d := time.Since(start)
		s.metrics.observe(route, c.Request().Method, status, d)
		attrs := []slog.Attr{
			slog.String("request_id", requestID(c)),
			slog.String("method", c.Request().Method),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Float64("duration_ms", float64(d.Microseconds())/1000),
			slog.String("ip", c.RealIP()),
		}
		if u := actorOrNil(c); u != nil {
			attrs = append(attrs, slog.Int64("user_id", u.ID))
		}
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		s.log.LogAttrs(c.Request().Context(), level, "request", attrs...)
		return nil
	}
}

// contentSecurityPolicy is satisfied by the SPA: its own scripts and styles
// (React's style attributes need 'unsafe-inline' for styles only).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// hsts tells browsers to reach this site (and its subdomains) over HTTPS
// only, for a year. Sent only when TRACKER_HSTS (or TRACKER_SECURE_COOKIES)
// says the site is served over TLS: over plain HTTP it would be ignored at
// best, and a wrong one locks users out for a year.
const hsts = "max-age=31536000; includeSubDomains"

// securityHeaders sets the headers every answer carries.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if s.cfg.HSTS {
			h.Set("Strict-Transport-Security", hsts)
		}
		return next(c)
	}
}

// noStore keeps authenticated JSON out of every cache.
func noStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-store")
		return next(c)
	}
}

// cors allows the origins of TRACKER_CORS_ORIGINS, and no other.
func (s *Server) cors() echo.MiddlewareFunc {
	if len(s.cfg.CORSOrigins) == 0 {
		return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
	}
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     s.cfg.CORSOrigins,
		AllowMethods:     []string{http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete},
		AllowHeaders:     []string{"Authorization", "Content-Type", "If-Match", "X-Request-ID"},
		ExposeHeaders:    []string{"ETag", "Location", "X-Request-ID", "Retry-After"},
		AllowCredentials: true,
		MaxAge:           600,
	})
}

// limitBody refuses bodies over the configured limit with 413.
func (s *Server) limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.ContentLength > s.cfg.BodyLimit {
			return &tracker.Error{Code: codeTooLarge, Message: fmt.Sprintf("the request body is larger than %d bytes", s.cfg.BodyLimit)}
		}
		r.Body = http.MaxBytesReader(c.Response(), r.Body, s.cfg.BodyLimit)
		return next(c)
	}
}

// ipExtractor believes X-Forwarded-For only from TRACKER_TRUSTED_PROXIES.
func (s *Server) ipExtractor() echo.IPExtractor {
	if len(s.cfg.TrustedProxies) == 0 {
		return echo.ExtractIPDirect()
	}
	var opts []echo.TrustOption
	opts = append(opts, echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false))
	for _, p := range s.cfg.TrustedProxies {
		_, n, err := net.ParseCIDR(p.String())
		if err == nil {
			opts = append(opts, echo.TrustIPRange(n))
		}
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// errUnauthenticated is the one answer to every bad or missing token.
var errUnauthenticated = tracker.Errorf(tracker.ECodeUnauthenticated, "sign in to continue")

// authenticate admits requests with a valid access token whose user is
// active and whose session is open, and puts that user in the context.
func (s *Server) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get("Authorization")
		tok, found := strings.CutPrefix(h, "Bearer ")
		if !found || tok == "" {
			return errUnauthenticated
		}
		claims, err := s.tokens.Parse(strings.TrimSpace(tok))
		if err != nil {
			return errUnauthenticated
		}
		u, err := s.store.Authenticate(c.Request().Context(), claims.UserID, claims.SessionID)
		if err != nil {
			if tracker.ErrorCode(err) == tracker.ECodeNotFound {
				return errUnauthenticated
			}
			return err
		}
		c.Set("actor", u)
		c.Set("session", claims.SessionID)
		return next(c)
	}
}

// actor returns the signed-in user of an authenticated route.
func actor(c echo.Context) *tracker.User { return c.Get("actor").(*tracker.User) }

func actorOrNil(c echo.Context) *tracker.User {
	u, _ := c.Get("actor").(*tracker.User)
	return u
}
