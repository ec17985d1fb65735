// Package server is the tracker's HTTP layer and the only package that
// imports Echo: the route table, the handlers, the middleware and the
// mapping of domain errors to problem+json answers.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/config"
	"github.com/intern-tracker/tracker/pkg/mail"
	"github.com/intern-tracker/tracker/pkg/store"
)

// Issuer and Audience of our access tokens.
const (
	Issuer   = "intern-tracker"
	Audience = "intern-tracker-api"
)

// Server serves the tracker's HTTP API.
type Server struct {
	cfg     config.Config
	store   *store.Store
	tokens  *auth.Tokens
	hasher  auth.Hasher
	log     *slog.Logger
	now     func() time.Time
	metrics *metrics
	spec    []byte
	spa     http.FileSystem
	echo    *echo.Echo
	mail    *mail.Queue   // nil when SMTP is not configured
	slots   chan struct{} // one per API request being handled (admit)
}

// Deps are what a Server is built from.
type Deps struct {
	Config config.Config
	Store  *store.Store
	Logger *slog.Logger
	Hasher auth.Hasher
	Now    func() time.Time // nil: time.Now
	Spec   []byte           // docs/openapi.yaml, served at /api/v1/openapi.yaml
	SPA    http.FileSystem  // the built SPA; nil serves a page that says how to build it
}

// New builds a Server and its route table.
func New(d Deps) (*Server, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	tokens, err := auth.NewTokens(auth.TokenConfig{Secret: d.Config.JWTSecret, Issuer: Issuer, Audience: Audience, TTL: d.Config.AccessTTL}, d.Now)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: d.Config, store: d.Store, tokens: tokens, hasher: d.Hasher, log: d.Logger, now: d.Now,
		metrics: newMetrics(d.Store), spec: d.Spec, spa: d.SPA}
	if d.Config.SMTPAddr != "" && d.Store != nil {
		s.mail = mail.NewQueue(mail.Config{Addr: d.Config.SMTPAddr, From: d.Config.SMTPFrom, Username: d.Config.SMTPUsername,
			Password: d.Config.SMTPPassword, BaseURL: d.Config.PublicURL}, d.Logger)
		d.Store.SetOutbox(s.mail.Enqueue)
	}
	s.slots = make(chan struct{}, s.maxActive())
	s.echo = s.routes()
	return s, nil
}

// Handler returns the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.echo }

// Echo returns the Echo instance, for tests that enumerate its routes.
func (s *Server) Echo() *echo.Echo { return s.echo }

// ListenAndServe serves on the configured address until ctx ends, then
// shuts down gracefully, letting requests in flight finish.
func (s *Server) ListenAndServe(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	go s.sweepNotifications(ctx)
	if ready != nil {
		ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", slog.String("reason", "signal"))
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	s.CloseMail(sctx)
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
