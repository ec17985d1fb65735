package server

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TestAppendedListIsEncodingJSON checks that a page written by the items'
// AppendJSON is byte for byte what c.JSON writes for the same List.
func TestAppendedListIsEncodingJSON(t *testing.T) {
	name, id, hours := "Zoé <Martin> & co", int64(7), 2.5
	done := time.Date(2026, 3, 2, 9, 30, 0, 123000, time.UTC)
	tasks := []tracker.Task{
		{ID: 1, ProjectID: 2, Title: "Draft \"brief\"", Status: tracker.StatusDone, Priority: "high",
			DueDate: tracker.NewDate(2026, 3, 1), AssigneeID: &id, AssigneeName: &name, EstimateHours: &hours,
			CompletedAt: &done, TagIDs: []int64{3, 4}, StatusSince: done, CreatedAt: done, UpdatedAt: done},
		{ID: 2, Title: "Second", Status: tracker.StatusTodo, TagIDs: []int64{}, Overdue: true},
	}
	answer := func(target string, fast bool) *httptest.ResponseRecorder {
		e := echo.New()
		rec := httptest.NewRecorder()
		c := e.NewContext(httptest.NewRequest(http.MethodGet, target, nil), rec)
		p := store.Page{Page: 2, PerPage: 2}
		var err error
		if fast {
			err = listOf(c, tasks, 9, p)
		} else {
			err = ok(c, List[tracker.Task]{Items: tasks, Total: 9, Page: 2, PerPage: 2})
		}
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	fast, slow := answer("/tasks", true), answer("/tasks", false)
	if !bytes.Equal(fast.Body.Bytes(), slow.Body.Bytes()) {
		t.Fatalf("appended page differs:\n got %s\nwant %s", fast.Body, slow.Body)
	}
	if got, want := fast.Header().Get("Content-Type"), slow.Header().Get("Content-Type"); got != want {
		t.Errorf("Content-Type %q, want %q", got, want)
	}
	if pretty := answer("/tasks?pretty", true); !bytes.Contains(pretty.Body.Bytes(), []byte("\n  ")) {
		t.Errorf("?pretty is not indented: %s", pretty.Body)
	}
}
