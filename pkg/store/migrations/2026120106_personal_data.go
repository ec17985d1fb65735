package migrations

import "gorm.io/gorm"

// personalData marks anonymised accounts. anonymised_at is when an admin
// anonymised the person (their name, e-mail and free text about them were
// replaced); NULL for everyone else. It makes anonymising idempotent and
// keeps anonymised people out of the list of candidates.
func personalData(tx *gorm.DB, d Dialect) error {
	return d.Exec(tx, `
ALTER TABLE users ADD COLUMN anonymised_at {{time}}`)
}
