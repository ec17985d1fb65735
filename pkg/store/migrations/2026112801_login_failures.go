package migrations

import "gorm.io/gorm"

// loginFailures creates the table of failed sign-in attempts that login
// throttling counts. It lives in the database, not in a process, so that
// every API process sharing the database counts the same attempts.
//
// One row per failure and scope: scope "account" keys the normalised
// e-mail (known or not), scope "ip" the client address. subject is the
// SHA-256 of that key in hex: a fixed length whatever was typed, and what
// people type into the e-mail field (sometimes their password) is never
// kept in the clear.
func loginFailures(tx *gorm.DB, d Dialect) error {
	return d.Exec(tx, `
CREATE TABLE login_failures (
  id {{id}},
  scope VARCHAR(8) NOT NULL CHECK (scope IN ('account','ip')),
  subject VARCHAR(64) NOT NULL,
  failed_at {{time}} NOT NULL
);
CREATE INDEX idx_login_failures_subject ON login_failures (scope, subject, failed_at);
CREATE INDEX idx_login_failures_at ON login_failures (failed_at)`)
}
