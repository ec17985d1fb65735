// Package tracker holds the domain of the intern tracker: its types, roles,
// rights, the task workflow and the placement timeline and health. It does
// no I/O and imports only the standard library.
package tracker

import (
	"errors"
	"fmt"
)

// Error codes are stable, snake_case, and part of the API contract: clients
// branch on them. The HTTP layer maps each to a status.
const (
	ECodeInvalid              = "validation_failed"
	ECodeNotFound             = "not_found"
	ECodeForbidden            = "forbidden"
	ECodeUnauthenticated      = "unauthenticated"
	ECodeConflict             = "conflict"
	ECodeVersionMismatch      = "version_mismatch"
	ECodePreconditionRequired = "precondition_required"
	ECodeInvalidTransition    = "invalid_transition"
	ECodeRateLimited          = "rate_limited"
	ECodeInternal             = "internal"
	// ECodeHandedOver refuses a write to a placement that was handed over,
	// or to what belongs to it: it is read-only for good.
	ECodeHandedOver = "placement_handed_over"
)

// Error is a domain error: a stable code, a human message and, for invalid
// input, a message per offending field.
type Error struct {
	Code    string
	Message string
	Fields  map[string]string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return fmt.Sprintf("%s: %s", e.Code, e.Message)
	}
	return fmt.Sprintf("%s: %s %v", e.Code, e.Message, e.Fields)
}

// Errorf returns a domain error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of a domain error in err's chain, or
// ECodeInternal for any other error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ECodeInternal
}

// NotFound is the error for an object that is missing or hidden from the
// caller: both answer alike so that existence does not leak.
func NotFound(what string) *Error {
	return Errorf(ECodeNotFound, "%s not found", what)
}

// Forbidden is the error for a visible object the caller may not act on.
func Forbidden(format string, args ...any) *Error {
	return Errorf(ECodeForbidden, format, args...)
}

// Problems collects per-field validation messages.
type Problems map[string]string

// Add records msg for field unless the field already has a message.
func (p Problems) Add(field, msg string) {
	if _, ok := p[field]; !ok {
		p[field] = msg
	}
}

// Err returns nil when nothing was recorded, otherwise a validation error.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return &Error{Code: ECodeInvalid, Message: "the request has invalid fields", Fields: map[string]string(p)}
}

// Invalid returns a validation error for one field.
func Invalid(field, msg string) *Error {
	return &Error{Code: ECodeInvalid, Message: "the request has invalid fields", Fields: map[string]string{field: msg}}
}
