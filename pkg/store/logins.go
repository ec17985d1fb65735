package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// LoginLimits bound failed sign-ins: at most PerAccount failures for one
// e-mail address and PerIP failures from one client address within Window.
// A zero PerAccount or PerIP turns that limit off.
type LoginLimits struct {
	Window     time.Duration
	PerAccount int
	PerIP      int
}

// Scopes of a counted failure.
const (
	scopeAccount = "account"
	scopeIP      = "ip"
)

// loginFailure is one row of login_failures.
type loginFailure struct {
	ID       int64 `gorm:"primaryKey"`
	Scope    string
	Subject  string
	FailedAt time.Time
}

func (loginFailure) TableName() string { return "login_failures" }

// subjectOf keys a scope's value: the SHA-256 of it in hex, so the table
// never holds what was typed into the e-mail field.
func subjectOf(scope, value string) string {
	if scope == scopeAccount {
		value = normEmail(value)
	}
	sum := sha256.Sum256([]byte(scope + "\x00" + value))
	return hex.EncodeToString(sum[:])
}

// LoginWait returns how long a sign-in for email from ip must wait: zero
// when neither the account (known or not) nor the client address has used
// up its failures within the window; otherwise the time until enough of the
// counted failures leave the window for one more attempt.
func (s *Store) LoginWait(ctx context.Context, email, ip string, lim LoginLimits) (time.Duration, error) {
	now := s.Now()
	var wait time.Duration
	for _, c := range []struct {
		scope, value string
		limit        int
	}{{scopeAccount, email, lim.PerAccount}, {scopeIP, ip, lim.PerIP}} {
		if c.limit <= 0 {
			continue
		}
		w, err := s.scopeWait(ctx, now, c.scope, subjectOf(c.scope, c.value), c.limit, lim.Window)
		if err != nil {
			return 0, fmt.Errorf("store: login wait: %w", err)
		}
		wait = max(wait, w)
	}
	return wait, nil
}

// scopeWait is LoginWait for one subject: with n failures in the window and
// a limit of limit, the (n-limit+1)-th oldest must leave before another try.
func (s *Store) scopeWait(ctx context.Context, now time.Time, scope, subject string, limit int, window time.Duration) (time.Duration, error) {
	inWindow := func() *gorm.DB {
		return s.read(ctx).Model(&loginFailure{}).Where("scope = ? AND subject = ? AND failed_at > ?", scope, subject, now.Add(-window))
	}
	var n int64
	if err := inWindow().Count(&n).Error; err != nil {
		return 0, err
	}
	if n < int64(limit) {
		return 0, nil
	}
	var f loginFailure
	err := inWindow().Order("failed_at").Offset(int(n) - limit).Limit(1).Take(&f).Error
	if err != nil {
		return 0, notFound(err, "login failure")
	}
	return max(f.FailedAt.Add(window).Sub(now), time.Second), nil
}

// RecordLoginFailure counts a failed sign-in against email and against ip,
// and prunes the failures that have left the window.
func (s *Store) RecordLoginFailure(ctx context.Context, email, ip string, lim LoginLimits) error {
	now := s.Now().Truncate(time.Microsecond)
	err := s.write(ctx, func(tx *gorm.DB) error {
		if lim.Window > 0 {
			if err := tx.Where("failed_at <= ?", now.Add(-lim.Window)).Delete(&loginFailure{}).Error; err != nil {
				return err
			}
		}
		rows := []loginFailure{
			{Scope: scopeAccount, Subject: subjectOf(scopeAccount, email), FailedAt: now},
			{Scope: scopeIP, Subject: subjectOf(scopeIP, ip), FailedAt: now},
		}
		return tx.Create(&rows).Error
	})
	if err != nil {
		return fmt.Errorf("store: record login failure: %w", err)
	}
	return nil
}

// ClearLoginFailures forgets the failures counted against the account
// email, after a successful sign-in. Those counted against client
// addresses stay.
func (s *Store) ClearLoginFailures(ctx context.Context, email string) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Where("scope = ? AND subject = ?", scopeAccount, subjectOf(scopeAccount, email)).Delete(&loginFailure{}).Error
	})
	if err != nil {
		return fmt.Errorf("store: clear login failures: %w", err)
	}
	return nil
}
