package server

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/intern-tracker/tracker/pkg/store"
)

// The iCalendar (RFC 5545) writer of the personal feed.

// icalLineOctets is the longest content line RFC 5545 (3.1) allows before
// it must be folded, CRLF not counted.
const icalLineOctets = 75

// iCalendar writes cal as an iCalendar object: one all-day VEVENT per
// item, each with a UID that stays the same for the item whatever the URL
// or the day, and a DTSTAMP of when the item last changed (now when not
// known).
func iCalendar(cal *store.Calendar, now time.Time) []byte {
	var w icalWriter
	w.prop("BEGIN", "VCALENDAR")
	w.prop("VERSION", "2.0")
	w.prop("PRODID", "-//Intern Tracker//Calendar feed//EN")
	w.prop("CALSCALE", "GREGORIAN")
	w.prop("X-WR-CALNAME", icalText("Intern Tracker: "+cal.Owner))
	w.prop("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
	w.prop("X-PUBLISHED-TTL", "PT1H")
	for _, it := range cal.Items {
		stamp := it.Updated
		if stamp.IsZero() {
			stamp = now
		}
		w.prop("BEGIN", "VEVENT")
		w.prop("UID", it.Kind+"-"+strconv.FormatInt(it.ID, 10)+"@intern-tracker")
		w.prop("DTSTAMP", stamp.UTC().Format("20060102T150405Z"))
		w.prop("DTSTART;VALUE=DATE", it.Date.Time().Format("20060102"))
		w.prop("DTEND;VALUE=DATE", it.Date.AddDays(1).Time().Format("20060102"))
		w.prop("SUMMARY", icalText(it.Title))
		if it.Detail != "" {
			w.prop("DESCRIPTION", icalText(it.Detail))
		}
		w.prop("TRANSP", "TRANSPARENT")
		w.prop("END", "VEVENT")
	}
	w.prop("END", "VCALENDAR")
	return w.buf.Bytes()
}

// icalWriter writes content lines, folded, each ended by CRLF.
type icalWriter struct{ buf bytes.Buffer }

// prop writes "name:value" folded at icalLineOctets octets: a longer line
// goes on in continuation lines that start with one space, never cutting
// a UTF-8 sequence.
func (w *icalWriter) prop(name, value string) {
	line := name + ":" + value
	limit := icalLineOctets
	for len(line) > limit {
		cut := limit
		for cut > 1 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		w.buf.WriteString(line[:cut])
		w.buf.WriteString("\r\n ")
		line = line[cut:]
		limit = icalLineOctets - 1 // the leading space counts
	}
	w.buf.WriteString(line)
	w.buf.WriteString("\r\n")
}

// icalText escapes v as an RFC 5545 TEXT value: backslash, semicolon and
// comma escaped, line breaks as \n, other control characters dropped.
func icalText(v string) string {
	var b strings.Builder
	v = strings.ReplaceAll(v, "\r\n", "\n")
	for _, ch := range v {
		switch {
		case ch == '\\' || ch == ';' || ch == ',':
			b.WriteByte('\\')
			b.WriteRune(ch)
		case ch == '\n':
			b.WriteString(`\n`)
		case ch == '\t':
			b.WriteRune(ch)
		case ch < 0x20 || ch == 0x7f:
		default:
			b.WriteRune(ch)
		}
	}
	return b.String()
}
