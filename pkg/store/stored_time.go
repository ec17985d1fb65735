package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// storedTime scans a timestamp of a hot read path: a time.Time from
// PostgreSQL, or the text SQLite stores when the query hides the column's
// declared type (sqliteText). go-sqlite3 reads a DATETIME column by trying
// time.ParseInLocation with one layout after another, a fifth of the cost
// of a page of tasks; parseStoredTime reads the layout the driver writes
// directly and leaves anything else to the driver's own rule.
type storedTime struct {
	Time  time.Time
	Valid bool
}

// Scan implements sql.Scanner.
func (st *storedTime) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*st = storedTime{}
	case time.Time:
		*st = storedTime{v, true}
	case string:
		*st = storedTime{parseStoredTime(v), true}
	case []byte:
		*st = storedTime{parseStoredTime(string(v)), true}
	default:
		return fmt.Errorf("store: cannot scan %T into a time", src)
	}
	return nil
}

// sqliteText hides the declared type of a timestamp column on SQLite (the
// unary plus is a no-op that makes it an expression) so that the driver
// hands over its text to storedTime; PostgreSQL's driver already reads
// timestamps cheaply.
func sqliteText(dialect, column string) string {
	if dialect == "sqlite" {
		return "+" + column
	}
	return column
}

// parseStoredTime reads a timestamp as go-sqlite3 does for a DATETIME
// column (the result is the same time in the same location): the layout
// the driver writes, "2006-01-02 15:04:05.999999999+00:00", without
// time.Parse; any other text by the driver's rule.
func parseStoredTime(s string) time.Time {
	if t, ok := quickStoredTime(s); ok {
		return t
	}
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqlite3.SQLiteTimestampFormats {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t
		}
	}
	return time.Time{} // the driver's answer to a text it cannot read
}

// quickStoredTime reads "YYYY-MM-DD HH:MM:SS" (or with T), an optional
// fraction of one to nine digits, and "+00:00", "Z" or nothing (UTC).
func quickStoredTime(s string) (time.Time, bool) {
	const base = len("2006-01-02 15:04:05")
	if len(s) < base || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	y, mo, d := tracker.Digits(s[0:4]), tracker.Digits(s[5:7]), tracker.Digits(s[8:10])
	h, mi, sec := tracker.Digits(s[11:13]), tracker.Digits(s[14:16]), tracker.Digits(s[17:19])
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	rest, nanos := s[base:], 0
	if rest != "" && rest[0] == '.' {
		n := 1
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 1 || n > 10 {
			return time.Time{}, false
		}
		nanos = tracker.Digits(rest[1:n])
		for i := n; i < 10; i++ {
			nanos *= 10
		}
		rest = rest[n:]
	}
	if rest != "" && rest != "Z" && rest != "+00:00" {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, nanos, time.UTC)
	if t.Day() != d { // 2026-02-30 and the like
		return time.Time{}, false
	}
	return t, true
}
