package server

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"time"

	"github.com/labstack/echo/v4"
)

// notificationRoutes registers the caller's in-app notifications (issue
// 7, part 6). Each caller reaches only their own: another's answers 404.
func (s *Server) notificationRoutes(a *echo.Group) {
	a.GET("/notifications", s.listNotifications)
	a.GET("/notifications/count", s.countNotifications)
	a.POST("/notifications/read-all", s.readAllNotifications)
	a.POST("/notifications/:id/read", s.readNotification)
}

func (s *Server) listNotifications(c echo.Context) error {
	q := newQuery(c)
	p := q.page()
	unread := q.boolPtr("unread")
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.Notifications(c.Request().Context(), actor(c), unread != nil && *unread, p)
	if err != nil {
		return err
	}
	return listOf(c, items, total, p)
}

// NotificationCount is the answer of GET /notifications/count.
type NotificationCount struct {
	Unread int64 `json:"unread"`
}

func (s *Server) countNotifications(c echo.Context) error {
	n, err := s.store.UnreadNotifications(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return ok(c, NotificationCount{Unread: n})
}

func (s *Server) readNotification(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := noFields(c); err != nil {
		return err
	}
	n, err := s.store.ReadNotification(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return ok(c, n)
}

func (s *Server) readAllNotifications(c echo.Context) error {
	if err := noFields(c); err != nil {
		return err
	}
	if err := s.store.ReadAllNotifications(c.Request().Context(), actor(c)); err != nil {
		return err
	}
	return noContent(c)
}

// noFields refuses a body that sets anything (a user_id, a read_at): the
// marking actions take none. An empty body, or {}, is fine.
func noFields(c echo.Context) error {
	r := c.Request()
	body, err := io.ReadAll(r.Body)
	if err != nil || len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return decode(c, &struct{}{})
}

// sweepEvery is how often serve writes the time-based notifications owed
// to anyone, so that their e-mail goes out to people who do not open the
// tracker.
const sweepEvery = 15 * time.Minute

// sweepNotifications runs the sweep until ctx ends.
func (s *Server) sweepNotifications(ctx context.Context) {
	t := time.NewTicker(sweepEvery)
	defer t.Stop()
	for {
		if err := s.store.SweepNotifications(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("notification sweep failed", slog.String("error", err.Error()))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// CloseMail sends the e-mail still queued, until ctx ends; a no-op
// without SMTP.
func (s *Server) CloseMail(ctx context.Context) {
	if s.mail != nil {
		s.mail.Close(ctx)
	}
}
