package store

import (
	"context"
	"database/sql"
	"errors"
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
//
// It is read on every authenticated request, so it skips GORM: one
// prepared statement (authenticateSQL), scanned field by field.
func (s *Store) Authenticate(ctx context.Context, userID int64, family string) (*tracker.User, error) {
	stmt, err := s.authStmt(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: authenticate: %w", err)
	}
	var (
		u                tracker.User
		role             string
		branch           sql.NullInt64
		created, updated storedTime
	)
	err = stmt.QueryRowContext(ctx, userID, family).Scan(&u.ID, &u.Email, &u.Name, &role, &branch, &u.Locale,
		&u.Active, &u.PasswordHash, &u.Version, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, tracker.NotFound("user")
	}
	if err != nil {
		return nil, fmt.Errorf("store: authenticate: %w", err)
	}
	u.Role, u.CreatedAt, u.UpdatedAt = tracker.Role(role), created.Time, updated.Time
	if branch.Valid {
		u.BranchID = &branch.Int64
	}
	return &u, nil
}

// authenticateSQL reads an active user who has a live session of a family.
func authenticateSQL(dialect string) string {
	first, second := "?", "?"
	if dialect == "postgres" {
		first, second = "$1", "$2"
	}
	return "SELECT id, email, name, role, branch_id, locale, active, password_hash, version, " +
		sqliteText(dialect, "created_at") + ", " + sqliteText(dialect, "updated_at") + " FROM users " +
		"WHERE id = " + first + " AND active AND EXISTS (SELECT 1 FROM sessions WHERE sessions.family_id = " + second +
		" AND sessions.user_id = users.id AND sessions.revoked_at IS NULL)"
}

// authStmt prepares authenticateSQL on the readers the first time it is
// needed (Open runs before Migrate, when the tables may not exist yet).
func (s *Store) authStmt(ctx context.Context) (*sql.Stmt, error) {
	if stmt := s.auth.Load(); stmt != nil {
		return stmt, nil
	}
	rdb, err := s.r.DB()
	if err != nil {
		return nil, err
	}
	stmt, err := rdb.PrepareContext(ctx, authenticateSQL(s.r.Dialector.Name()))
	if err != nil {
		return nil, err
	}
	if !s.auth.CompareAndSwap(nil, stmt) {
		stmt.Close()
		return s.auth.Load(), nil
	}
	return stmt, nil
}
