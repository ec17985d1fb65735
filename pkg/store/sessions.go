package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Session is a refresh session: one row per refresh token issued. Rows of
// one sign-in share a family; rotating a token marks its row rotated and
// adds the next one.
type Session struct {
	ID        int64 `gorm:"primaryKey"`
	FamilyID  string
	UserID    int64
	TokenHash string
	CreatedAt time.Time
	ExpiresAt time.Time
	RotatedAt *time.Time
	RevokedAt *time.Time
	UserAgent string
	IP        string
}

// ErrSessionInvalid is returned for an unknown, expired, revoked or reused
// refresh token; callers answer 401 alike for all.
var ErrSessionInvalid = tracker.Errorf(tracker.ECodeUnauthenticated, "the session has ended; sign in again")

// CreateSession starts a session family with its first token.
func (s *Store) CreateSession(ctx context.Context, sess Session) error {
	sess.CreatedAt = s.Now()
	if err := s.w.WithContext(ctx).Create(&sess).Error; err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

// RotateSession exchanges the token hashed oldHash for the one hashed
// newHash. Presenting a token that was already rotated is taken as theft:
// the whole family is revoked. Of two concurrent rotations of one token,
// exactly one succeeds.
func (s *Store) RotateSession(ctx context.Context, oldHash, newHash string, ttl time.Duration) (*Session, error) {
	var next Session
	reused := false
	err := s.write(ctx, func(tx *gorm.DB) error {
		var cur Session
		if err := tx.Where("token_hash = ?", oldHash).First(&cur).Error; err != nil {
			return ErrSessionInvalid
		}
		now := s.Now()
		if cur.RevokedAt != nil || !now.Before(cur.ExpiresAt) {
			return ErrSessionInvalid
		}
		res := tx.Model(&Session{}).Where("id = ? AND rotated_at IS NULL", cur.ID).Update("rotated_at", now)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			reused = true
			return ErrSessionInvalid
		}
		next = Session{FamilyID: cur.FamilyID, UserID: cur.UserID, TokenHash: newHash, CreatedAt: now,
			ExpiresAt: now.Add(ttl), UserAgent: cur.UserAgent, IP: cur.IP}
		return tx.Create(&next).Error
	})
	if reused {
		// The reuse answer must stick even though the transaction rolled back.
		_ = s.RevokeSessionByToken(ctx, oldHash)
	}
	if err != nil {
		return nil, err
	}
	return &next, nil
}

// RevokeSessionByToken ends the family of the token hashed hash (logout).
func (s *Store) RevokeSessionByToken(ctx context.Context, hash string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		var cur Session
		if err := tx.Where("token_hash = ?", hash).First(&cur).Error; err != nil {
			return nil
		}
		return tx.Model(&Session{}).Where("family_id = ? AND revoked_at IS NULL", cur.FamilyID).Update("revoked_at", s.Now()).Error
	})
}

// RevokeFamily ends the session family id.
func (s *Store) RevokeFamily(ctx context.Context, family string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Model(&Session{}).Where("family_id = ? AND revoked_at IS NULL", family).Update("revoked_at", s.Now()).Error
	})
}

func revokeUserSessions(tx *gorm.DB, now time.Time, user int64, keep string) error {
	return tx.Model(&Session{}).Where("user_id = ? AND family_id <> ? AND revoked_at IS NULL", user, keep).Update("revoked_at", now).Error
}

// Authenticate returns the active user id whose access token belongs to
// session family: the user is read afresh on every request, so disabling
// or demoting takes effect at once, and logging out ends the access token
// as well as the refresh token.
func (s *Store) Authenticate(ctx context.Context, userID int64, family string) (*tracker.User, error) {
	var u tracker.User
	err := s.read(ctx).
		Where("id = ? AND active = ?", userID, true).
		Where("EXISTS (SELECT 1 FROM sessions WHERE sessions.family_id = ? AND sessions.user_id = users.id AND sessions.revoked_at IS NULL)", family).
		First(&u).Error
	if err != nil {
		return nil, notFound(err, "user")
	}
	return &u, nil
}
