package server

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
)

func jsonEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	return enc
}

// ok answers 200 with v.
func ok(c echo.Context, v any) error { return c.JSON(http.StatusOK, v) }

// versioned answers status with v and its version as the ETag.
func versioned(c echo.Context, status int, version int64, v any) error {
	c.Response().Header().Set("ETag", `"`+strconv.FormatInt(version, 10)+`"`)
	return c.JSON(status, v)
}

// created answers 201 with v, its ETag and its Location.
func created(c echo.Context, location string, version int64, v any) error {
	c.Response().Header().Set("Location", location)
	if version > 0 {
		c.Response().Header().Set("ETag", `"`+strconv.FormatInt(version, 10)+`"`)
	}
	return c.JSON(http.StatusCreated, v)
}

// noContent answers 204.
func noContent(c echo.Context) error { return c.NoContent(http.StatusNoContent) }

// List is the envelope of every list answer.
type List[T any] struct {
	Items   []T   `json:"items"`
	Total   int64 `json:"total"`
	Page    int   `json:"page"`
	PerPage int   `json:"per_page"`
}

// listOf answers one page of items.
func listOf[T any](c echo.Context, items []T, total int64, p store.Page) error {
	if items == nil {
		items = []T{}
	}
	p = p.Normalize()
	if _, pretty := c.QueryParams()["pretty"]; !pretty && len(items) > 0 {
		if _, fast := any(&items[0]).(jsonAppender); fast {
			return appendedList(c, items, total, p)
		}
	}
	return ok(c, List[T]{Items: items, Total: total, Page: p.Page, PerPage: p.PerPage})
}

// jsonAppender is an item that writes its own JSON, exactly as
// encoding/json would (tracker.Task, the busiest list).
type jsonAppender interface{ AppendJSON(b []byte) []byte }

var listBuffers = sync.Pool{New: func() any { return new([]byte) }}

// appendedList answers the page as listOf's List, written by the items'
// AppendJSON into a pooled buffer: the same bytes, at a fraction of the
// cost (docs/performance.md).
func appendedList[T any](c echo.Context, items []T, total int64, p store.Page) error {
	buf := listBuffers.Get().(*[]byte)
	defer listBuffers.Put(buf)
	b := append((*buf)[:0], `{"items":[`...)
	for i := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = any(&items[i]).(jsonAppender).AppendJSON(b)
	}
	b = append(b, `],"total":`...)
	b = strconv.AppendInt(b, total, 10)
	b = append(b, `,"page":`...)
	b = strconv.AppendInt(b, int64(p.Page), 10)
	b = append(b, `,"per_page":`...)
	b = strconv.AppendInt(b, int64(p.PerPage), 10)
	b = append(b, "}\n"...)
	*buf = b
	c.Response().Header().Set(echo.HeaderContentLength, strconv.Itoa(len(b)))
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, b)
}

// all answers a whole short list as one page.
func all[T any](c echo.Context, items []T) error {
	if items == nil {
		items = []T{}
	}
	return ok(c, List[T]{Items: items, Total: int64(len(items)), Page: 1, PerPage: max(len(items), 1)})
}
