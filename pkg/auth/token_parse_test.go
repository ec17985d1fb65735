package auth

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestTokenParseRejects(t *testing.T) {
	t.Parallel()
	tk := newTestTokens(t)
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	issued, _, err := tk.Issue(42, "family-1")
	if err != nil {
		t.Fatal(err)
	}

	flipped := func() string {
		i := strings.LastIndexByte(issued, '.')
		sig, err := base64.RawURLEncoding.DecodeString(issued[i+1:])
		if err != nil {
			t.Fatal(err)
		}
		sig[len(sig)/2] ^= 0x01
		return issued[:i+1] + base64.RawURLEncoding.EncodeToString(sig)
	}()
	oversized := hs256(t, with(func(c jwt.MapClaims) { c["pad"] = strings.Repeat("x", MaxTokenLen) }))
	if len(oversized) <= MaxTokenLen {
		t.Fatalf("oversized token only %d bytes", len(oversized))
	}

	tests := []struct {
		name  string
		token string
	}{
		{"empty", ""},
		{"garbage", "not.a.jwt"},
		{"two_segments", strings.Join(strings.Split(issued, ".")[:2], ".")},
		{"alg_none", sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, validClaims())},
		{"alg_none_handcrafted", func() string {
			s := handcrafted(t, map[string]any{"alg": "none", "typ": "JWT"}, validClaims())
			return s[:strings.LastIndexByte(s, '.')+1]
		}()},
		{"hs512_same_key", sign(t, jwt.SigningMethodHS512, testSecret, validClaims())},
		{"hs384_same_key", sign(t, jwt.SigningMethodHS384, testSecret, validClaims())},
		{"rs256_header_hmac_signature", handcrafted(t, map[string]any{"alg": "RS256", "typ": "JWT"}, validClaims())},
		{"rs256_real_signature", sign(t, jwt.SigningMethodRS256, rsaKey, validClaims())},
		{"flipped_signature", flipped},
		{"signature_stripped", issued[:strings.LastIndexByte(issued, '.')+1]},
		{"wrong_key", sign(t, jwt.SigningMethodHS256, []byte("another-secret-that-is-32-bytes-long!!"), validClaims())},
		{"missing_exp", hs256(t, with(func(c jwt.MapClaims) { delete(c, "exp") }))},
		{"expired", hs256(t, with(func(c jwt.MapClaims) { c["exp"] = testNow.Add(-time.Minute).Unix() }))},
		{"expired_beyond_leeway", hs256(t, with(func(c jwt.MapClaims) { c["exp"] = testNow.Add(-clockLeeway - time.Second).Unix() }))},
		{"exp_not_number", hs256(t, with(func(c jwt.MapClaims) { c["exp"] = "tomorrow" }))},
		{"nbf_in_future", hs256(t, with(func(c jwt.MapClaims) { c["nbf"] = testNow.Add(time.Minute).Unix() }))},
		{"iat_in_future", hs256(t, with(func(c jwt.MapClaims) { c["iat"] = testNow.Add(time.Minute).Unix() }))},
		{"missing_iat", hs256(t, with(func(c jwt.MapClaims) { delete(c, "iat") }))},
		{"wrong_iss", hs256(t, with(func(c jwt.MapClaims) { c["iss"] = "evil" }))},
		{"missing_iss", hs256(t, with(func(c jwt.MapClaims) { delete(c, "iss") }))},
		{"wrong_aud", hs256(t, with(func(c jwt.MapClaims) { c["aud"] = "other-api" }))},
		{"wrong_aud_list", hs256(t, with(func(c jwt.MapClaims) { c["aud"] = []string{"a", "b"} }))},
		{"missing_aud", hs256(t, with(func(c jwt.MapClaims) { delete(c, "aud") }))},
		{"empty_aud", hs256(t, with(func(c jwt.MapClaims) { c["aud"] = "" }))},
		{"typ_refresh", hs256(t, with(func(c jwt.MapClaims) { c["typ"] = "refresh" }))},
		{"typ_missing", hs256(t, with(func(c jwt.MapClaims) { delete(c, "typ") }))},
		{"typ_uppercase", hs256(t, with(func(c jwt.MapClaims) { c["typ"] = "ACCESS" }))},
		{"sub_missing", hs256(t, with(func(c jwt.MapClaims) { delete(c, "sub") }))},
		{"sub_zero", hs256(t, with(func(c jwt.MapClaims) { c["sub"] = "0" }))},
		{"sub_negative", hs256(t, with(func(c jwt.MapClaims) { c["sub"] = "-42" }))},
		{"sub_not_integer", hs256(t, with(func(c jwt.MapClaims) { c["sub"] = "alice" }))},
		{"sub_leading_zero", hs256(t, with(func(c jwt.MapClaims) { c["sub"] = "042" }))},
		{"sub_plus_sign", hs256(t, with(func(c jwt.MapClaims) { c["sub"] = "+42" }))},
		{"sub_overflow", hs256(t, with(func(c jwt.MapClaims) { c["sub"] = "9223372036854775808" }))},
		{"sub_number", hs256(t, with(func(c jwt.MapClaims) { c["sub"] = 42 }))},
		{"sid_missing", hs256(t, with(func(c jwt.MapClaims) { delete(c, "sid") }))},
		{"oversized", oversized},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := tk.Parse(tc.token)
			if err != ErrInvalidToken { //nolint:errorlint // the exact sentinel, unwrapped, is the contract
				t.Fatalf("Parse error = %v; want exactly ErrInvalidToken", err)
			}
			if c != (Claims{}) {
				t.Fatalf("Parse returned non-zero claims %+v on failure", c)
			}
		})
	}
}

func TestTokenParseAccepts(t *testing.T) {
	t.Parallel()
	tk := newTestTokens(t)
	tests := []struct {
		name  string
		token string
	}{
		{"baseline", hs256(t, validClaims())},
		{"aud_list_containing_ours", hs256(t, with(func(c jwt.MapClaims) { c["aud"] = []string{"other", "tracker-api"} }))},
		{"nbf_absent", hs256(t, with(func(c jwt.MapClaims) { delete(c, "nbf") }))},
		{"exp_within_leeway", hs256(t, with(func(c jwt.MapClaims) { c["exp"] = testNow.Add(-clockLeeway + time.Second).Unix() }))},
		{"iat_within_leeway", hs256(t, with(func(c jwt.MapClaims) { c["iat"] = testNow.Add(clockLeeway - time.Second).Unix() }))},
		{"just_under_size_limit", func() string {
			base := len(hs256(t, with(func(c jwt.MapClaims) { c["pad"] = "" })))
			// 3 payload bytes -> 4 base64 chars; stay safely below the limit.
			pad := (MaxTokenLen - base - 8) * 3 / 4
			s := hs256(t, with(func(c jwt.MapClaims) { c["pad"] = strings.Repeat("x", pad) }))
			if len(s) > MaxTokenLen || len(s) < MaxTokenLen-16 {
				t.Fatalf("near-limit token is %d bytes", len(s))
			}
			return s
		}()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := tk.Parse(tc.token)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if c.UserID != 42 || c.SessionID != "family-1" {
				t.Fatalf("claims = %+v", c)
			}
		})
	}
}

func TestTokenLifetimeWithClock(t *testing.T) {
	t.Parallel()
	current := testNow
	tk, err := NewTokens(testConfig(), func() time.Time { return current })
	if err != nil {
		t.Fatal(err)
	}
	tok, exp, err := tk.Issue(9, "s")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		at    time.Time
		valid bool
	}{
		{"at_issue", testNow, true},
		{"one_second_before_exp", exp.Add(-time.Second), true},
		{"past_exp_and_leeway", exp.Add(clockLeeway), false},
		{"an_hour_later", testNow.Add(time.Hour), false},
		{"before_nbf_beyond_leeway", testNow.Add(-clockLeeway - time.Second), false},
	}
	for _, tc := range tests { // sequential: the subtests share the clock
		t.Run(tc.name, func(t *testing.T) {
			current = tc.at
			_, err := tk.Parse(tok)
			if (err == nil) != tc.valid {
				t.Fatalf("Parse at %v: err = %v; want valid=%v", tc.at, err, tc.valid)
			}
		})
	}
}
