package auth

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheckPasswordPolicy(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		pw     string
		reason string // "" means accepted
	}{
		{"empty", "", ReasonTooShort},
		{"7_chars", "abcdefg", ReasonTooShort},
		{"8_chars", "abcdefgh1", ""},
		{"exactly_8", "xk3!qz9w", ""},
		{"64_chars", strings.Repeat("aB3$", 16), ""},
		{"128_chars", strings.Repeat("aB3$", 32), ""},
		{"129_chars", strings.Repeat("aB3$", 32) + "x", ReasonTooLong},
		{"1000_chars", strings.Repeat("z", 1000), ReasonTooLong},
		{"all_spaces", "          ", ReasonTooShort},
		{"all_whitespace_mixed", " \t\n\r \u00a0\u3000  ", ReasonTooShort},
		{"spaces_inside_ok", "correct horse battery", ""},
		{"common_lowercase", "password", ReasonCommon},
		{"common_Password1", "Password1", ReasonCommon},
		{"common_upper", "PASSWORD123", ReasonCommon},
		{"common_mixed_case", "QwErTy123", ReasonCommon},
		{"common_12345678", "12345678", ReasonCommon},
		{"common_iloveyou", "iloveyou", ReasonCommon},
		{"common_admin123", "Admin123", ReasonCommon},
		{"common_letmein1", "letmein1", ReasonCommon},
		{"common_padded", " password1 ", ReasonCommon},
		{"unicode_7_runes_14_bytes", "ñññññññ", ReasonTooShort},
		{"unicode_8_runes", "пароль12", ""},
		{"emoji_8_runes_32_bytes", strings.Repeat("🔑", 8), ""},
		{"emoji_128_runes", strings.Repeat("🔑", 128), ""},
		{"emoji_129_runes", strings.Repeat("🔑", 129), ReasonTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := CheckPasswordPolicy(tc.pw)
			if tc.reason == "" {
				if err != nil {
					t.Fatalf("CheckPasswordPolicy(%q) = %v; want nil", tc.pw, err)
				}
				return
			}
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("CheckPasswordPolicy(%q) = %v (%T); want *PolicyError", tc.pw, err, err)
			}
			if pe.Reason != tc.reason {
				t.Fatalf("reason = %q; want %q", pe.Reason, tc.reason)
			}
		})
	}
}

func TestPolicyErrorMessages(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		reason string
		want   string
	}{
		{"too_short", ReasonTooShort, "password must be at least 8 characters"},
		{"too_long", ReasonTooLong, "password must be at most 128 characters"},
		{"common", ReasonCommon, "password is too common; choose a less guessable one"},
		{"unknown", "other", "password does not meet the policy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := (&PolicyError{Reason: tc.reason}).Error(); got != tc.want {
				t.Fatalf("Error() = %q; want %q", got, tc.want)
			}
		})
	}
}

func TestCommonPasswordList(t *testing.T) {
	t.Parallel()
	set := commonPasswords()
	if len(set) < 200 {
		t.Fatalf("common list has %d entries; want about 200", len(set))
	}
	for line := range strings.Lines(commonPasswordsText) {
		w := strings.TrimRight(line, "\n")
		if w != strings.TrimSpace(w) || w != strings.ToLower(w) || w == "" {
			t.Errorf("entry %q must be trimmed, lowercase and non-empty", w)
		}
		// Shorter entries would be dead weight: the length rule rejects them first.
		if utf8.RuneCountInString(w) < MinPasswordRunes {
			t.Errorf("entry %q is shorter than %d runes", w, MinPasswordRunes)
		}
	}
}
