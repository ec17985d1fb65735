package tracker

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// TestTaskAppendJSON checks that AppendJSON writes what encoding/json
// writes, byte for byte, on tasks with every kind of field value: the API
// contract tests only see the tasks of their fixtures.
func TestTaskAppendJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 5000 {
		task := randomTask(rng)
		want, err := json.Marshal(&task)
		if err != nil {
			t.Fatal(err)
		}
		if got := task.AppendJSON(nil); string(got) != string(want) {
			t.Fatalf("task %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ back`, "<script>&</script>", "\x00\x01\x1f\x7f",
		"tab\tnew\nline\rfeed\f\b", "é ü 中文 😀", "\u2028\u2029", "bad \xff\xfe utf8 \xc3", "end\xe2\x80"} {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

func randomTask(rng *rand.Rand) Task {
	str := func() string {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			switch rng.IntN(4) {
			case 0:
				b[i] = byte(rng.IntN(256)) // any byte, invalid UTF-8 included
			default:
				b[i] = byte(0x20 + rng.IntN(0x5f))
			}
		}
		s := string(b)
		if rng.IntN(5) == 0 {
			s += "é\u2028中😀\u2029<&>"
		}
		return s
	}
	at := func() time.Time {
		t := time.Unix(rng.Int64N(4e9), rng.Int64N(1e9)*int64(rng.IntN(2)))
		if rng.IntN(2) == 0 {
			return t.UTC()
		}
		return t.In(time.FixedZone("x", 3600*(rng.IntN(25)-12)))
	}
	date := func() Date {
		if rng.IntN(3) == 0 {
			return Date{}
		}
		return DateOf(at())
	}
	floats := []float64{0, 0.5, 1, 7.25, 1e-7, 123456789.125, 1e21, 3e-9, math.Pi, -2.5}
	task := Task{ID: rng.Int64(), ProjectID: rng.Int64N(1000), StreamID: 3, BranchID: -1, Title: str(), Description: str(),
		Status: Status(str()), Priority: Priority(str()), StartDate: date(), DueDate: date(), Progress: rng.IntN(101),
		CreatedBy: rng.Int64N(50), StatusSince: at(), Version: rng.Int64N(1e6), CreatedAt: at(), UpdatedAt: at(),
		Overdue: rng.IntN(2) == 0}
	if rng.IntN(2) == 0 {
		id, name := rng.Int64N(500), str()
		task.AssigneeID, task.AssigneeName = &id, &name
	}
	if rng.IntN(2) == 0 {
		f := floats[rng.IntN(len(floats))]
		task.EstimateHours = &f
	}
	if rng.IntN(2) == 0 {
		c := at()
		task.CompletedAt = &c
	}
	if rng.IntN(4) > 0 {
		task.TagIDs = []int64{}
		for range rng.IntN(4) {
			task.TagIDs = append(task.TagIDs, rng.Int64N(100))
		}
	}
	return task
}

// TestDateScanMatchesParse checks the fast path of Date.Scan against
// ParseDate on valid and invalid texts.
func TestDateScanMatchesParse(t *testing.T) {
	for _, s := range []string{"2026-03-16", "0001-01-01", "9999-12-31", "2024-02-29", "2026-02-29", "2026-02-30",
		"2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01", "20a6-01-01", "2026/01/01", "", "2026-03-16 10:00:00+00:00"} {
		var got Date
		gotErr := got.Scan(s)
		want, wantErr := ParseDate(s[:min(len(s), len(DateLayout))])
		if (gotErr != nil) != (wantErr != nil) || got != want {
			t.Errorf("Scan(%q) = %v, %v; ParseDate gives %v, %v", s, got, gotErr, want, wantErr)
		}
	}
}

// TestAppendJSONTime checks the digit-by-digit writing of times and dates
// against encoding/json: UTC and other zones, every fraction width, the
// ends of the four-digit years.
func TestAppendJSONTime(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	times := []time.Time{{}, time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
		time.Date(2026, 11, 27, 7, 0, 0, 100, time.UTC), time.Date(2026, 11, 27, 7, 0, 0, 0, time.FixedZone("", 0)),
		time.Date(2026, 11, 27, 7, 0, 0, 0, time.FixedZone("CET", 3600)), time.Date(2026, 11, 27, 7, 0, 0, 0, time.Local)}
	for range 20000 {
		tm := time.Unix(rng.Int64N(4e11)-2e11, 0).UTC()
		switch rng.IntN(4) {
		case 0:
			tm = tm.Add(time.Duration(rng.IntN(1e9)))
		case 1:
			tm = tm.Add(time.Duration(rng.IntN(1000)) * time.Millisecond)
		case 2:
			tm = tm.Add(time.Duration(rng.IntN(1e6)) * time.Microsecond)
		}
		times = append(times, tm)
	}
	for _, tm := range times {
		want, err := json.Marshal(tm)
		if err != nil {
			continue // years outside [0, 9999]: not a time the API can hold
		}
		if got := appendJSONTime(nil, tm); string(got) != string(want) {
			t.Fatalf("%v: got %s, want %s", tm, got, want)
		}
		d := DateOf(tm)
		wantDate, _ := json.Marshal(d)
		if got := d.appendJSON(nil); string(got) != string(wantDate) {
			t.Fatalf("date %v: got %s, want %s", d, got, wantDate)
		}
	}
}
