package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The contract check reads the feed as the plain text it is.
func init() { openapi3filter.RegisterBodyDecoder("text/calendar", openapi3filter.PlainBodyDecoder) }

// feedURL returns who's calendar feed URL, as GET /me/calendar answers it.
func feedURL(e *apiEnv, who string) string {
	e.t.Helper()
	var u server.CalendarURL
	e.as(who).get(v1("/me/calendar")).want(http.StatusOK).decode(&u)
	return u.URL
}

// feedPath returns the path of who's calendar feed.
func feedPath(e *apiEnv, who string) string {
	e.t.Helper()
	u, err := url.Parse(feedURL(e, who))
	if err != nil {
		e.t.Fatal(err)
	}
	return u.Path
}

// ical is a parsed iCalendar answer: its content lines, unfolded.
type ical struct {
	lines  []string
	events []map[string]string // each VEVENT's properties by name (with parameters)
}

// parseICal checks the framing RFC 5545 asks of every line (CRLF ends, at
// most 75 octets, continuation lines starting with a space, no UTF-8
// sequence cut) and unfolds it.
func parseICal(t *testing.T, body []byte) ical {
	t.Helper()
	s := string(body)
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatalf("the feed does not end with CRLF")
	}
	var out ical
	for i, raw := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if strings.ContainsAny(raw, "\r\n") {
			t.Fatalf("line %d holds a bare CR or LF: %q", i, raw)
		}
		if len(raw) > 75 {
			t.Fatalf("line %d is %d octets long (> 75): %q", i, len(raw), raw)
		}
		if !utf8.ValidString(raw) {
			t.Fatalf("line %d cuts a UTF-8 sequence: %q", i, raw)
		}
		if strings.HasPrefix(raw, " ") {
			if len(out.lines) == 0 {
				t.Fatal("the feed starts with a continuation line")
			}
			out.lines[len(out.lines)-1] += raw[1:]
			continue
		}
		out.lines = append(out.lines, raw)
	}
	var ev map[string]string
	for _, l := range out.lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("not a content line: %q", l)
		}
		switch {
		case l == "BEGIN:VEVENT":
			ev = map[string]string{}
		case l == "END:VEVENT":
			out.events = append(out.events, ev)
			ev = nil
		case ev != nil:
			ev[name] = value
		}
	}
	if out.lines[0] != "BEGIN:VCALENDAR" || out.lines[len(out.lines)-1] != "END:VCALENDAR" {
		t.Fatalf("not one VCALENDAR: %q ... %q", out.lines[0], out.lines[len(out.lines)-1])
	}
	return out
}

// byUID returns the events by UID.
func (c ical) byUID() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, ev := range c.events {
		out[ev["UID"]] = ev
	}
	return out
}

var (
	icalStamp = regexp.MustCompile(`^\d{8}T\d{6}Z$`)
	icalDate  = regexp.MustCompile(`^\d{8}$`)
)

func TestCalendarFeed(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		// internCPP's task (due in 10 days) with a long title full of
		// what TEXT escapes and multi-byte characters; a done task and an
		// undated one, which the feed leaves out.
		long := "Résumé, partenaires; étape \\ " + strings.Repeat("é", 60)
		due := tracker.Of(tracker.DateOf(e.DB.Clock.Now()).AddDays(10))
		tk := w.newTask(e, w.projCPP, uInternCPP)
		_, err := e.DB.Store.UpdateTask(fixtureCtx, w.adm, tk.ID, tk.Version, store.TaskInput{Title: &long, DueDate: due})
		mustFixture(e, "title", err)
		done := w.inReview(e, uInternCPP)
		st := tracker.StatusDone
		_, err = e.DB.Store.UpdateTask(fixtureCtx, w.adm, done.ID, done.Version, store.TaskInput{Status: &st, DueDate: due})
		mustFixture(e, "accept", err)

		t.Run("OwnURLStable", func(t *testing.T) {
			e := e.on(t)
			u1, u2 := feedURL(e, uInternCPP), feedURL(e, uInternCPP)
			if u1 != u2 || !strings.HasPrefix(u1, "http://example.com/api/v1/calendar/") || u1 == feedURL(e, uInternCPP2) {
				t.Fatalf("urls %q %q", u1, u2)
			}
		})
		t.Run("InternFeed", func(t *testing.T) {
			e := e.on(t)
			r := e.as("").get(feedPath(e, uInternCPP)).want(http.StatusOK)
			if ct := r.Header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
				t.Fatalf("content type %q", ct)
			}
			cal := parseICal(t, r.Body)
			// The long task and the three milestones; not the done task,
			// nor the matrix task (no due date).
			if len(cal.events) != 4 {
				t.Fatalf("%d events, want 4: %v", len(cal.events), cal.events)
			}
			ev := cal.byUID()[uidOf("task", tk.ID)]
			if ev == nil {
				t.Fatalf("no event for task %d: %v", tk.ID, cal.byUID())
			}
			want := `Due: Résumé\, partenaires\; étape \\ ` + strings.Repeat("é", 60)
			if ev["SUMMARY"] != want {
				t.Fatalf("SUMMARY %q, want %q", ev["SUMMARY"], want)
			}
			if ev["DTSTART;VALUE=DATE"] != strings.ReplaceAll(due.Value.String(), "-", "") || !icalDate.MatchString(ev["DTEND;VALUE=DATE"]) ||
				!icalStamp.MatchString(ev["DTSTAMP"]) {
				t.Fatalf("event dates %v", ev)
			}
			if !strings.Contains(string(r.Body), "\r\n ") {
				t.Fatal("the long summary was not folded")
			}
			ms := 0
			for uid := range cal.byUID() {
				if strings.HasPrefix(uid, "milestone-") {
					ms++
				}
			}
			if ms != 3 {
				t.Fatalf("%d milestones, want 3", ms)
			}
		})
		t.Run("SupervisorSeesBranchMilestones", func(t *testing.T) {
			e := e.on(t)
			cal := parseICal(t, e.as("").get(feedPath(e, uSupCPP)).want(http.StatusOK).Body)
			// internCPP's and internCPP2's three milestones each, not MC's.
			if len(cal.events) != 6 {
				t.Fatalf("%d events, want 6", len(cal.events))
			}
			for _, ev := range cal.events {
				if !strings.Contains(ev["SUMMARY"], uInternCPP) {
					t.Fatalf("a milestone of another branch: %v", ev)
				}
			}
		})
		t.Run("RotateKillsOldURL", func(t *testing.T) {
			e := e.on(t)
			old := feedPath(e, uInternCPP)
			before := parseICal(t, e.as("").get(old).want(http.StatusOK).Body).byUID()
			var nu server.CalendarURL
			e.as(uInternCPP).post(v1("/me/calendar/rotate"), nil).want(http.StatusOK).decode(&nu)
			e.as("").get(old).wantProblem(http.StatusNotFound, tracker.ECodeNotFound)
			if feedURL(e, uInternCPP) != nu.URL {
				t.Fatalf("GET /me/calendar does not answer the rotated URL %q", nu.URL)
			}
			u, _ := url.Parse(nu.URL)
			after := parseICal(t, e.as("").get(u.Path).want(http.StatusOK).Body).byUID()
			for uid := range before {
				if after[uid] == nil {
					t.Fatalf("UID %s changed with the URL", uid)
				}
			}
			e.as(uInternCPP).post(v1("/me/calendar/rotate"), map[string]any{}).want(http.StatusOK)
		})
		t.Run("UnknownOrMalformed", func(t *testing.T) {
			e := e.on(t)
			for _, p := range []string{strings.Repeat("A", 43) + ".ics", strings.Repeat("A", 42) + ".ics", "x.ics",
				strings.TrimSuffix(strings.TrimPrefix(feedPath(e, uInternCPP2), "/api/v1/calendar/"), ".ics")} {
				e.as("").get(v1("/calendar/%s", p)).wantProblem(http.StatusNotFound, tracker.ECodeNotFound)
			}
		})
		t.Run("DisabledOwner", func(t *testing.T) {
			e := e.on(t)
			p := feedPath(e, uInternMC)
			e.as("").get(p).want(http.StatusOK)
			off := false
			u := e.Users[uInternMC]
			_, err := e.DB.Store.UpdateUser(fixtureCtx, w.adm, u.ID, u.Version, store.UserPatch{Active: &off})
			mustFixture(e, "disable", err)
			e.as("").get(p).wantProblem(http.StatusNotFound, tracker.ECodeNotFound)
		})
	})
}

// uidOf is the UID of the feed's event for a task or a milestone.
func uidOf(kind string, id int64) string {
	return kind + "-" + strconv.FormatInt(id, 10) + "@intern-tracker"
}

// TestCalendarURLScheme: the feed URL says https only when the connection
// or a trusted proxy does; an untrusted X-Forwarded-Proto is ignored.
func TestCalendarURLScheme(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		cfg := testConfig(e.DB.URL)
		cfg.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
		srv, err := server.New(server.Deps{Config: cfg, Store: e.DB.Store, Hasher: auth.FastHasher(), Now: e.DB.Clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		tok := e.as(uInternCPP).token
		get := func(remote, proto, host string) string {
			req := httptest.NewRequest(http.MethodGet, "/api/v1/me/calendar", nil).WithContext(context.Background())
			req.RemoteAddr, req.Host = remote, host
			req.Header.Set("Authorization", "Bearer "+tok)
			if proto != "" {
				req.Header.Set("X-Forwarded-Proto", proto)
			}
			rec := httptest.NewRecorder()
			srv.Handler().ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET /me/calendar: %d %s", rec.Code, rec.Body)
			}
			u, _, _ := strings.Cut(rec.Body.String(), "/api/v1/")
			return strings.TrimPrefix(u, `{"url":"`)
		}
		for _, c := range []struct{ remote, proto, host, want string }{
			{"10.1.2.3:5000", "https", "tracker.example", "https://tracker.example"},
			{"10.1.2.3:5000", "", "tracker.example", "http://tracker.example"},
			{"10.1.2.3:5000", "gopher", "tracker.example", "http://tracker.example"},
			{"192.0.2.7:5000", "https", "tracker.example:8080", "http://tracker.example:8080"},
			{"192.0.2.7:5000", "", "bad host/x", "http://localhost"},
		} {
			if got := get(c.remote, c.proto, c.host); got != c.want {
				t.Errorf("from %s with X-Forwarded-Proto %q to %q: %q, want %q", c.remote, c.proto, c.host, got, c.want)
			}
		}
	})
}
