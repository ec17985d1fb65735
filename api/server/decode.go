package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// maxJSONDepth bounds the nesting of request bodies.
const maxJSONDepth = 16

// decode reads a JSON request body into dst, refusing unknown fields,
// trailing data and bodies nested deeper than maxJSONDepth. Unknown fields
// are refused rather than ignored so that a client setting a field it may
// not set (an id, a version, a role) hears so.
func decode(c echo.Context, dst any) error {
	r := c.Request()
	if ct := r.Header.Get(echo.HeaderContentType); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return &tracker.Error{Code: codeUnsupportedMedia, Message: "send the body as application/json"}
		}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return &tracker.Error{Code: codeTooLarge, Message: "the request body is too large"}
		}
		return badRequest("", "the request body could not be read")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return badRequest("", "the request needs a JSON body")
	}
	if err := checkText(body); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return badRequest("", "the body holds more than one JSON value")
	}
	return nil
}

// checkText refuses bodies nested deeper than maxJSONDepth and strings
// holding NUL (\u0000), which PostgreSQL cannot store in text.
func checkText(b []byte) error {
	depth, inString, escaped := 0, false, false
	for i, ch := range b {
		switch {
		case escaped:
			escaped = false
			if ch == 'u' && bytes.HasPrefix(b[i+1:], []byte("0000")) {
				return badRequest("", "the body holds a NUL character (\\u0000), which no text may contain")
			}
		case inString && ch == '\\':
			escaped = true
		case ch == '"':
			inString = !inString
		case inString:
		case ch == '{' || ch == '[':
			if depth++; depth > maxJSONDepth {
				return badRequest("", fmt.Sprintf("the body is nested deeper than %d levels", maxJSONDepth))
			}
		case ch == '}' || ch == ']':
			depth--
		}
	}
	return nil
}

func jsonError(err error) error {
	var ute *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &ute):
		field := ute.Field
		if field == "" {
			return badRequest("", "the body must be a JSON object")
		}
		return badRequest(field, "has the wrong type: expected "+typeName(ute.Type.String()))
	case errors.As(err, &se):
		return badRequest("", "the body is not valid JSON")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		f := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badRequest(f, "is not a field you can set here")
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return badRequest("", "the body is not valid JSON")
	}
	// Errors from our own UnmarshalJSON (dates) carry their field in the
	// message only; name the problem without internals.
	msg := err.Error()
	if strings.Contains(msg, "YYYY-MM-DD") {
		return badRequest("", "a date is not of the form YYYY-MM-DD")
	}
	return badRequest("", "the body could not be read as JSON")
}

func typeName(goType string) string {
	switch {
	case strings.Contains(goType, "int"), strings.Contains(goType, "float"):
		return "number"
	case strings.Contains(goType, "bool"):
		return "boolean"
	case strings.Contains(goType, "string"), strings.Contains(goType, "Role"), strings.Contains(goType, "Status"), strings.Contains(goType, "Priority"), strings.Contains(goType, "Date"):
		return "string"
	case strings.HasPrefix(goType, "[]"):
		return "array"
	}
	return "object"
}

// pathID reads the integer path parameter name.
func pathID(c echo.Context, name string) (int64, error) {
	v, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || v < 1 {
		// A malformed id names nothing that exists.
		return 0, tracker.NotFound("resource")
	}
	return v, nil
}

// pathIDs reads the ids of a nested path: the parent's (":id") and the
// child's (":"+child).
func pathIDs(c echo.Context, child string) (parent, id int64, err error) {
	if parent, err = pathID(c, "id"); err != nil {
		return 0, 0, err
	}
	if id, err = pathID(c, child); err != nil {
		return 0, 0, err
	}
	return parent, id, nil
}

// query reads typed query parameters, collecting one message per bad field.
type query struct {
	c    echo.Context
	errs tracker.Problems
}

func newQuery(c echo.Context) *query { return &query{c: c, errs: tracker.Problems{}} }

func (q *query) str(name string) string {
	v := q.c.QueryParam(name)
	if len(v) > 200 {
		q.errs.Add(name, "must be at most 200 characters")
		return ""
	}
	if strings.ContainsRune(v, 0) {
		// PostgreSQL cannot compare text with a NUL in it.
		q.errs.Add(name, "must not contain NUL characters")
		return ""
	}
	return v
}

func (q *query) int(name string) int64 {
	v := q.c.QueryParam(name)
	if v == "" {
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		q.errs.Add(name, "must be a positive integer")
		return 0
	}
	return n
}

func (q *query) boolPtr(name string) *bool {
	v := q.c.QueryParam(name)
	if v == "" {
		return nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		q.errs.Add(name, "must be true or false")
		return nil
	}
	return &b
}

func (q *query) date(name string) tracker.Date {
	v := q.c.QueryParam(name)
	if v == "" {
		return tracker.Date{}
	}
	d, err := tracker.ParseDate(v)
	if err != nil {
		q.errs.Add(name, "must be a date of the form YYYY-MM-DD")
	}
	return d
}

// page reads page, per_page and sort. per_page above the cap is clamped.
func (q *query) page() store.Page {
	p := store.Page{Page: int(q.int("page")), PerPage: int(q.int("per_page")), Sort: q.str("sort")}
	if p.Page > 1_000_000 {
		q.errs.Add("page", "is too large")
	}
	return p.Normalize()
}

func (q *query) err() error {
	if len(q.errs) == 0 {
		return nil
	}
	e := q.errs.Err().(*tracker.Error)
	e.Code = codeBadRequest
	e.Message = "the query has invalid parameters"
	return e
}

// ifMatch reads the version a PATCH expects from If-Match.
func ifMatch(c echo.Context) (int64, error) {
	v := strings.TrimSpace(c.Request().Header.Get("If-Match"))
	if v == "" {
		return 0, tracker.Errorf(tracker.ECodePreconditionRequired, "send If-Match with the ETag you read, so that changes by others are not overwritten")
	}
	v = strings.TrimPrefix(v, "W/")
	n, err := strconv.ParseInt(strings.Trim(v, `"`), 10, 64)
	if err != nil || n < 1 {
		return 0, &tracker.Error{Code: codeBadRequest, Message: "If-Match must be an ETag such as \"3\"", Fields: map[string]string{"If-Match": "must be an ETag such as \"3\""}}
	}
	return n, nil
}
