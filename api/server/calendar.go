package server

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/netip"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// CalendarURL is the answer of GET /me/calendar and of its rotation: the
// caller's personal feed, to paste into a calendar application.
type CalendarURL struct {
	URL string `json:"url"`
}

// feedKeyLabel separates the calendar key from every other use of
// TRACKER_JWT_SECRET.
const feedKeyLabel = "intern-tracker calendar feed key v1"

// feedSecret derives a feed's secret from its stored nonce: 32 bytes of
// HMAC-SHA256 under a key only the server holds, base64url without
// padding (43 characters). The database keeps the nonce and the secret's
// hash, never the secret, so a copy of it opens no feed.
func (s *Server) feedSecret(nonce string) string {
	k := hmac.New(sha256.New, s.cfg.JWTSecret)
	k.Write([]byte(feedKeyLabel))
	m := hmac.New(sha256.New, k.Sum(nil))
	m.Write([]byte(nonce))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// hashFeedSecret is the form in which a feed's secret is stored and
// looked up: the hex SHA-256 of its text.
func hashFeedSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// feedHash is the store's view of a nonce: the hash of its secret.
func (s *Server) feedHash(nonce string) string { return hashFeedSecret(s.feedSecret(nonce)) }

func (s *Server) getCalendar(c echo.Context) error {
	nonce, err := s.store.CalendarFeed(c.Request().Context(), actor(c), s.feedHash)
	if err != nil {
		return err
	}
	return ok(c, CalendarURL{URL: s.feedURL(c, nonce)})
}

// rotateCalendar gives the caller a new feed URL; the old one answers 404
// from then on. It takes no body: one with fields is refused.
func (s *Server) rotateCalendar(c echo.Context) error {
	if err := noBody(c); err != nil {
		return err
	}
	nonce, err := s.store.RotateCalendarFeed(c.Request().Context(), actor(c), s.feedHash)
	if err != nil {
		return err
	}
	return ok(c, CalendarURL{URL: s.feedURL(c, nonce)})
}

// calendarFeed answers the iCalendar feed whose secret the path holds, to
// anyone who has the URL: a calendar application sends no token. An
// unknown secret, or a disabled owner's, answers 404.
func (s *Server) calendarFeed(c echo.Context) error {
	secret, isICS := strings.CutSuffix(c.Param("feed"), ".ics")
	if !isICS || !wellFormedSecret(secret) {
		return tracker.NotFound("calendar")
	}
	cal, err := s.store.CalendarBySecret(c.Request().Context(), hashFeedSecret(secret))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", `inline; filename="intern-tracker.ics"`)
	return c.Blob(http.StatusOK, "text/calendar; charset=utf-8", iCalendar(cal, s.now()))
}

// wellFormedSecret reports whether v could be a feed secret: 43 base64url
// characters.
func wellFormedSecret(v string) bool {
	if len(v) != 43 {
		return false
	}
	for _, ch := range v {
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_') {
			return false
		}
	}
	return true
}

// feedURL is the absolute URL of the feed of nonce as the caller reached
// this server: its Host, and https when the connection is TLS, when the
// site is configured for TLS (HSTS), or when a trusted proxy says so in
// X-Forwarded-Proto (believed from TRACKER_TRUSTED_PROXIES only, like
// X-Forwarded-For).
func (s *Server) feedURL(c echo.Context, nonce string) string {
	r := c.Request()
	scheme := "http"
	if r.TLS != nil || s.cfg.HSTS {
		scheme = "https"
	}
	if s.fromTrustedProxy(r.RemoteAddr) {
		proto, _, _ := strings.Cut(r.Header.Get("X-Forwarded-Proto"), ",")
		if p := strings.ToLower(strings.TrimSpace(proto)); p == "http" || p == "https" {
			scheme = p
		}
	}
	host := r.Host
	if !saneHost(host) {
		host = "localhost"
	}
	return scheme + "://" + host + "/api/v1/calendar/" + s.feedSecret(nonce) + ".ics"
}

// fromTrustedProxy reports whether the peer at addr is one of
// TRACKER_TRUSTED_PROXIES.
func (s *Server) fromTrustedProxy(addr string) bool {
	ap, err := netip.ParseAddrPort(addr)
	if err != nil {
		return false
	}
	ip := ap.Addr().Unmap()
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// saneHost reports whether h may stand as the host (and port) of a URL.
func saneHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for _, ch := range h {
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || strings.ContainsRune(".-:[]", ch)) {
			return false
		}
	}
	return true
}

// noBody refuses a request body with fields, for routes that take none;
// an empty body or {} passes.
func noBody(c echo.Context) error {
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return &tracker.Error{Code: codeTooLarge, Message: "the request body is too large"}
		}
		return badRequest("", "the request body could not be read")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	c.Request().Body = io.NopCloser(bytes.NewReader(body))
	var none struct{}
	return decode(c, &none)
}
