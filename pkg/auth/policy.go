package auth

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Password length limits, counted in runes (Unicode code points).
const (
	// MinPasswordRunes is the minimum password length in runes.
	MinPasswordRunes = 8
	// MaxPasswordRunes is the maximum password length in runes; longer
	// passwords are refused, never truncated.
	MaxPasswordRunes = 128
)

// Reason codes carried by PolicyError.
const (
	// ReasonTooShort means fewer than MinPasswordRunes runes, or only whitespace.
	ReasonTooShort = "too_short"
	// ReasonTooLong means more than MaxPasswordRunes runes.
	ReasonTooLong = "too_long"
	// ReasonCommon means the password is on the built-in list of common passwords.
	ReasonCommon = "common"
)

// PolicyError reports why a password was rejected by CheckPasswordPolicy.
// Reason is one of ReasonTooShort, ReasonTooLong or ReasonCommon.
type PolicyError struct {
	Reason string
}

// Error returns a short English description suitable for end users.
func (e *PolicyError) Error() string {
	switch e.Reason {
	case ReasonTooShort:
		return "password must be at least 8 characters"
	case ReasonTooLong:
		return "password must be at most 128 characters"
	case ReasonCommon:
		return "password is too common; choose a less guessable one"
	default:
		return "password does not meet the policy"
	}
}

//go:embed common_passwords.txt
var commonPasswordsText string

var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := make(map[string]struct{}, 256)
	for line := range strings.Lines(commonPasswordsText) {
		if w := strings.TrimSpace(line); w != "" {
			set[strings.ToLower(w)] = struct{}{}
		}
	}
	return set
})

// CheckPasswordPolicy returns nil if pw is acceptable, or a *PolicyError
// explaining why not. Length is counted in runes; passwords are never
// truncated. Blank (all-whitespace) passwords count as too short, and
// passwords on the built-in common list are refused case-insensitively.
func CheckPasswordPolicy(pw string) error {
	n := utf8.RuneCountInString(pw)
	if n < MinPasswordRunes || strings.TrimFunc(pw, unicode.IsSpace) == "" {
		return &PolicyError{Reason: ReasonTooShort}
	}
	if n > MaxPasswordRunes {
		return &PolicyError{Reason: ReasonTooLong}
	}
	if _, ok := commonPasswords()[strings.ToLower(strings.TrimSpace(pw))]; ok {
		return &PolicyError{Reason: ReasonCommon}
	}
	return nil
}
