package migrations

import "gorm.io/gorm"

// calendarSecrets creates the table of personal calendar feeds: one row
// per user who asked for a feed URL.
//
// The URL's secret is never stored. nonce is 32 random bytes (base64url)
// from which the server derives the secret with a key of its own (an HMAC
// keyed from TRACKER_JWT_SECRET), so that the URL can be shown again
// without keeping it; secret_hash is the hex SHA-256 of that secret, the
// only form in which a presented URL is looked up. A copy of the database
// alone therefore opens no feed. Rotating replaces both at once.
func calendarSecrets(tx *gorm.DB, d Dialect) error {
	return d.Exec(tx, `
CREATE TABLE calendar_feeds (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  nonce VARCHAR(64) NOT NULL,
  secret_hash VARCHAR(64) NOT NULL UNIQUE,
  created_at {{time}} NOT NULL
)`)
}
