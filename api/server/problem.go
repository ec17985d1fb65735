package server

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Problem is an RFC 9457 problem details body with our extensions.
type Problem struct {
	Type      string            `json:"type"`
	Title     string            `json:"title"`
	Status    int               `json:"status"`
	Detail    string            `json:"detail,omitempty"`
	Code      string            `json:"code"`
	Errors    map[string]string `json:"errors,omitempty"`
	RequestID string            `json:"request_id"`
}

// statusOf maps a domain error code to its HTTP status. This is the one
// place where codes become statuses.
var statusOf = map[string]int{
	tracker.ECodeInvalid:              http.StatusUnprocessableEntity,
	tracker.ECodeNotFound:             http.StatusNotFound,
	tracker.ECodeForbidden:            http.StatusForbidden,
	tracker.ECodeUnauthenticated:      http.StatusUnauthorized,
	tracker.ECodeConflict:             http.StatusConflict,
	tracker.ECodeVersionMismatch:      http.StatusPreconditionFailed,
	tracker.ECodePreconditionRequired: http.StatusPreconditionRequired,
	tracker.ECodeInvalidTransition:    http.StatusConflict,
	tracker.ECodeRateLimited:          http.StatusTooManyRequests,
	tracker.ECodeHandedOver:           http.StatusConflict,
	tracker.ECodeEvaluationSigned:     http.StatusConflict,
	codeBadRequest:                    http.StatusBadRequest,
	codeTooLarge:                      http.StatusRequestEntityTooLarge,
	codeMethodNotAllowed:              http.StatusMethodNotAllowed,
	codeUnsupportedMedia:              http.StatusUnsupportedMediaType,
}

// Codes the HTTP layer adds to the domain's.
const (
	codeBadRequest       = "bad_request"
	codeTooLarge         = "body_too_large"
	codeMethodNotAllowed = "method_not_allowed"
	codeUnsupportedMedia = "unsupported_media_type"
)

func badRequest(field, msg string) *tracker.Error {
	e := &tracker.Error{Code: codeBadRequest, Message: "the request could not be read"}
	if field != "" {
		e.Fields = map[string]string{field: msg}
	} else {
		e.Message = msg
	}
	return e
}

// handleError is Echo's error handler: every error of every route ends
// here and leaves as problem+json. Unknown errors are logged with the
// request id and answered "internal error" with nothing else.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	rid := requestID(c)
	p := Problem{Type: "about:blank", RequestID: rid}
	var de *tracker.Error
	var he *echo.HTTPError
	switch {
	case errors.As(err, &de):
		p.Code, p.Detail, p.Errors = de.Code, de.Message, de.Fields
		p.Status = statusOf[de.Code]
		if p.Status == 0 {
			p.Status = http.StatusInternalServerError
		}
	case errors.As(err, &he):
		p.Status = he.Code
		p.Code, p.Detail = echoCode(he.Code)
	default:
		p.Status = http.StatusInternalServerError
	}
	if p.Status >= 500 {
		s.log.ErrorContext(c.Request().Context(), "request failed", slog.String("request_id", rid), slog.String("error", err.Error()))
		p.Code, p.Detail, p.Errors = tracker.ECodeInternal, "an internal error occurred; quote the request id when reporting it", nil
	}
	p.Title = http.StatusText(p.Status)
	if p.Status == http.StatusUnauthorized {
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="tracker"`)
	}
	if p.Status == http.StatusTooManyRequests && de != nil && de.Fields["retry_after"] != "" {
		c.Response().Header().Set("Retry-After", de.Fields["retry_after"])
		delete(p.Errors, "retry_after")
		if len(p.Errors) == 0 {
			p.Errors = nil
		}
	}
	writeProblem(c, p)
}

func writeProblem(c echo.Context, p Problem) {
	c.Response().Header().Set(echo.HeaderContentType, "application/problem+json")
	c.Response().Header().Set("Cache-Control", "no-store")
	if c.Request().Method == http.MethodHead {
		c.Response().WriteHeader(p.Status)
		return
	}
	c.Response().WriteHeader(p.Status)
	_ = jsonEncoder(c.Response()).Encode(p)
}

func echoCode(status int) (code, detail string) {
	switch status {
	case http.StatusNotFound:
		return tracker.ECodeNotFound, "no such resource"
	case http.StatusMethodNotAllowed:
		return codeMethodNotAllowed, "this method is not allowed here"
	case http.StatusRequestEntityTooLarge:
		return codeTooLarge, "the request body is too large"
	case http.StatusUnsupportedMediaType:
		return codeUnsupportedMedia, "send application/json"
	case http.StatusUnauthorized:
		return tracker.ECodeUnauthenticated, "sign in first"
	case http.StatusTooManyRequests:
		return tracker.ECodeRateLimited, "too many requests; try again later"
	case http.StatusServiceUnavailable:
		return "unavailable", "the service is not ready"
	}
	if status >= 400 && status < 500 {
		return codeBadRequest, "the request could not be read"
	}
	return tracker.ECodeInternal, ""
}
