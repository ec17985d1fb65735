package tracker

import (
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// AppendJSON appends t as encoding/json would write it, byte for byte
// (json_test.go checks that on random tasks). The task list writes its
// pages with it: encoding/json's reflection and its re-validation of every
// date were a sixth of the list's cost (docs/performance.md).
func (t *Task) AppendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, t.ID, 10)
	b = append(b, `,"project_id":`...)
	b = strconv.AppendInt(b, t.ProjectID, 10)
	b = append(b, `,"stream_id":`...)
	b = strconv.AppendInt(b, t.StreamID, 10)
	b = append(b, `,"branch_id":`...)
	b = strconv.AppendInt(b, t.BranchID, 10)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, t.Title)
	b = append(b, `,"description":`...)
	b = appendJSONString(b, t.Description)
	b = append(b, `,"assignee_id":`...)
	b = appendJSONInt(b, t.AssigneeID)
	b = append(b, `,"status":`...)
	b = appendJSONString(b, string(t.Status))
	b = append(b, `,"priority":`...)
	b = appendJSONString(b, string(t.Priority))
	b = append(b, `,"start_date":`...)
	b = t.StartDate.appendJSON(b)
	b = append(b, `,"due_date":`...)
	b = t.DueDate.appendJSON(b)
	b = append(b, `,"progress":`...)
	b = strconv.AppendInt(b, int64(t.Progress), 10)
	b = append(b, `,"estimate_hours":`...)
	if t.EstimateHours == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONFloat(b, *t.EstimateHours)
	}
	b = append(b, `,"created_by":`...)
	b = strconv.AppendInt(b, t.CreatedBy, 10)
	b = append(b, `,"status_since":`...)
	b = appendJSONTime(b, t.StatusSince)
	b = append(b, `,"completed_at":`...)
	if t.CompletedAt == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONTime(b, *t.CompletedAt)
	}
	b = append(b, `,"version":`...)
	b = strconv.AppendInt(b, t.Version, 10)
	b = append(b, `,"created_at":`...)
	b = appendJSONTime(b, t.CreatedAt)
	b = append(b, `,"updated_at":`...)
	b = appendJSONTime(b, t.UpdatedAt)
	b = append(b, `,"tag_ids":`...)
	if t.TagIDs == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, id := range t.TagIDs {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, id, 10)
		}
		b = append(b, ']')
	}
	b = append(b, `,"overdue":`...)
	b = strconv.AppendBool(b, t.Overdue)
	b = append(b, `,"assignee_name":`...)
	if t.AssigneeName == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, *t.AssigneeName)
	}
	return append(b, '}')
}

// appendJSON appends d as its MarshalJSON writes it.
func (d Date) appendJSON(b []byte) []byte {
	if d.t.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	if y, m, day := d.t.Date(); y >= 0 && y <= 9999 {
		b = appendDigits(b, y, 4)
		b = append(b, '-')
		b = appendDigits(b, int(m), 2)
		b = append(b, '-')
		b = appendDigits(b, day, 2)
	} else {
		b = d.t.AppendFormat(b, DateLayout)
	}
	return append(b, '"')
}

func appendJSONInt(b []byte, v *int64) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, *v, 10)
}

// appendJSONTime appends t as time.Time's MarshalJSON writes it. The
// stored times are UTC: those are written digit by digit, which costs a
// fraction of AppendFormat's reading of its layout.
func appendJSONTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	y, m, d := t.Date()
	if t.Location() != time.UTC || y < 0 || y > 9999 {
		b = t.AppendFormat(b, time.RFC3339Nano)
		return append(b, '"')
	}
	hh, mm, ss := t.Clock()
	b = appendDigits(b, y, 4)
	b = append(b, '-')
	b = appendDigits(b, int(m), 2)
	b = append(b, '-')
	b = appendDigits(b, d, 2)
	b = append(b, 'T')
	b = appendDigits(b, hh, 2)
	b = append(b, ':')
	b = appendDigits(b, mm, 2)
	b = append(b, ':')
	b = appendDigits(b, ss, 2)
	if ns := t.Nanosecond(); ns != 0 { // RFC3339Nano: no trailing zeros
		width := 9
		for ns%10 == 0 {
			ns, width = ns/10, width-1
		}
		b = append(b, '.')
		b = appendDigits(b, ns, width)
	}
	return append(b, 'Z', '"')
}

// appendDigits appends n (0 <= n < 10^width) with width digits.
func appendDigits(b []byte, n, width int) []byte {
	for i := width - 1; i >= 0; i-- {
		b = append(b, 0)
	}
	for i := len(b) - 1; width > 0; i, width = i-1, width-1 {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return b
}

// appendJSONFloat appends f as encoding/json writes a float64 (finite
// values only, as the API never holds others).
func appendJSONFloat(b []byte, f float64) []byte {
	abs, format := math.Abs(f), byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json does by default: HTML
// characters, U+2028 and U+2029 escaped, invalid UTF-8 replaced by U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
