package store

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"
)

// driverTime is how go-sqlite3 reads a DATETIME column's text.
func driverTime(s string) time.Time {
	s = strings.TrimSuffix(s, "Z")
	for _, layout := range sqlite3.SQLiteTimestampFormats {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t
		}
	}
	return time.Time{}
}

// TestParseStoredTimeIsTheDriver checks the fast path against the
// driver's own rule, on the layouts the driver writes and on odd texts:
// the same instant, the same location, the same JSON.
func TestParseStoredTimeIsTheDriver(t *testing.T) {
	texts := []string{
		"2026-11-27 07:26:58+00:00", "2026-11-27T07:26:58+00:00", "2026-11-27 07:26:58", "2026-11-27 07:26:58Z",
		"2026-11-27 07:26:58.5+00:00", "2026-11-27 07:26:58.123456789+00:00", "2026-11-27 07:26:58.1234567891+00:00",
		"2026-11-27 07:26:58.+00:00", "2026-11-27 07:26:58+02:00", "2026-11-27 07:26:58-05:30", "2026-11-27 07:26",
		"2026-11-27", "2024-02-29 00:00:00+00:00", "2026-02-29 00:00:00+00:00", "2026-02-30 00:00:00+00:00",
		"2026-13-01 00:00:00+00:00", "2026-00-01 00:00:00+00:00", "2026-01-00 00:00:00+00:00",
		"2026-01-01 24:00:00+00:00", "2026-01-01 23:60:00+00:00", "2026-01-01 23:59:60+00:00",
		"0001-01-01 00:00:00+00:00", "9999-12-31 23:59:59.999999999+00:00", "2026-1-01 00:00:00+00:00",
		"2026-01-01 00:00:00+00:0", "2026-01-01 00:00:00 +00:00", "2026-01-01 00:00:00+0000", "garbage", "",
		"2026-01-01 0a:00:00+00:00", "2026-01-01x00:00:00+00:00", "2026-01-01 00:00:00ZZ",
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for range 5000 {
		tm := time.Date(1900+rng.IntN(200), time.Month(1+rng.IntN(12)), 1+rng.IntN(31), rng.IntN(24), rng.IntN(60), rng.IntN(60), rng.IntN(1e9), time.UTC)
		if rng.IntN(3) == 0 {
			tm = tm.Truncate(time.Second)
		}
		texts = append(texts, tm.Format(sqlite3.SQLiteTimestampFormats[0]), tm.Format(time.RFC3339Nano))
	}
	for _, s := range texts {
		got, want := parseStoredTime(s), driverTime(s)
		gj, _ := got.MarshalJSON()
		wj, _ := want.MarshalJSON()
		_, goff := got.Zone()
		_, woff := want.Zone()
		if !got.Equal(want) || got.Location().String() != want.Location().String() || goff != woff || string(gj) != string(wj) {
			t.Errorf("parseStoredTime(%q) = %v (%v), the driver reads %v (%v)", s, got, got.Location(), want, want.Location())
		}
	}
}

// TestStoredTimeScan checks the sources the two drivers hand over.
func TestStoredTimeScan(t *testing.T) {
	want := time.Date(2026, 11, 27, 7, 26, 58, 0, time.UTC)
	for _, src := range []any{want, "2026-11-27 07:26:58+00:00", []byte("2026-11-27 07:26:58+00:00")} {
		var st storedTime
		if err := st.Scan(src); err != nil || !st.Valid || !st.Time.Equal(want) {
			t.Errorf("Scan(%T) = %v, %v, %v", src, st.Time, st.Valid, err)
		}
	}
	st := storedTime{want, true}
	if err := st.Scan(nil); err != nil || st.Valid || !st.Time.IsZero() {
		t.Errorf("Scan(nil) = %v, %v, %v", st.Time, st.Valid, err)
	}
	if err := st.Scan(42); err == nil {
		t.Error("Scan(42) did not fail")
	}
}
