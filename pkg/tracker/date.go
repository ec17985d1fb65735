package tracker

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// DateLayout is the wire and storage form of a calendar date.
const DateLayout = "2006-01-02"

// Date is a calendar date without time of day or zone. It travels as
// "YYYY-MM-DD" in JSON and is stored as that text, so ordering by it works the
// same on every database.
type Date struct{ t time.Time }

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// DateOf returns the calendar date of t in UTC.
func DateOf(t time.Time) Date {
	t = t.UTC()
	return NewDate(t.Year(), t.Month(), t.Day())
}

// ParseDate parses "YYYY-MM-DD".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("not a date of the form YYYY-MM-DD")
	}
	return Date{t}, nil
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String returns "YYYY-MM-DD", or "" for the zero date.
func (d Date) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return d.t }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths returns d moved by n calendar months.
func (d Date) AddMonths(n int) Date { return Date{d.t.AddDate(0, n, 0)} }

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// DaysUntil returns the number of days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

// MarshalJSON writes "YYYY-MM-DD", or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("not a date of the form YYYY-MM-DD")
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Value stores the date as text, or NULL for the zero date.
func (d Date) Value() (driver.Value, error) {
	if d.t.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date stored as text (or a time from drivers that convert).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		return d.scanString(v)
	case []byte:
		return d.scanString(string(v))
	case time.Time:
		*d = DateOf(v)
		return nil
	}
	return fmt.Errorf("tracker: cannot scan %T into Date", src)
}

func (d *Date) scanString(s string) error {
	if len(s) > len(DateLayout) {
		s = s[:len(DateLayout)]
	}
	if p, ok := quickDate(s); ok {
		*d = p
		return nil
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Digits reads s, a few ASCII digits, as a number; anything else in s
// gives -1. The stored dates and times are read with it instead of
// time.Parse.
func Digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// quickDate reads a stored "YYYY-MM-DD" without time.Parse, which was a
// visible share of scanning a page of tasks; anything unusual is left to
// ParseDate.
func quickDate(s string) (Date, bool) {
	if len(s) != len(DateLayout) || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	y, m, day := Digits(s[:4]), Digits(s[5:7]), Digits(s[8:])
	if y < 0 || m < 1 || m > 12 || day < 1 || day > 31 {
		return Date{}, false
	}
	d := NewDate(y, time.Month(m), day)
	if d.t.Day() != day { // 2026-02-30 and the like
		return Date{}, false
	}
	return d, true
}
