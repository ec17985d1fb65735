package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var (
	testNow    = time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC)
	testSecret = []byte("0123456789abcdef0123456789abcdef-test-secret")
)

func fixedClock() time.Time { return testNow }

func testConfig() TokenConfig {
	return TokenConfig{Secret: testSecret, Issuer: "tracker", Audience: "tracker-api", TTL: 10 * time.Minute}
}

func newTestTokens(t *testing.T) *Tokens {
	t.Helper()
	tk, err := NewTokens(testConfig(), fixedClock)
	if err != nil {
		t.Fatalf("NewTokens: %v", err)
	}
	return tk
}

// validClaims returns a payload Parse accepts at testNow.
func validClaims() jwt.MapClaims {
	return jwt.MapClaims{
		"iss": "tracker",
		"aud": "tracker-api",
		"sub": "42",
		"sid": "family-1",
		"typ": "access",
		"jti": "jti-1",
		"iat": testNow.Unix(),
		"nbf": testNow.Unix(),
		"exp": testNow.Add(5 * time.Minute).Unix(),
	}
}

func with(mod func(jwt.MapClaims)) jwt.MapClaims {
	c := validClaims()
	mod(c)
	return c
}

func sign(t *testing.T, m jwt.SigningMethod, key any, c jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(m, c).SignedString(key)
	if err != nil {
		t.Fatalf("signing: %v", err)
	}
	return s
}

func hs256(t *testing.T, c jwt.MapClaims) string {
	return sign(t, jwt.SigningMethodHS256, testSecret, c)
}

// handcrafted builds header.payload.HMAC-SHA256(secret) with an arbitrary header.
func handcrafted(t *testing.T, header map[string]any, c jwt.MapClaims) string {
	t.Helper()
	enc := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return base64.RawURLEncoding.EncodeToString(b)
	}
	signing := enc(header) + "." + enc(c)
	mac := hmac.New(sha256.New, testSecret)
	mac.Write([]byte(signing))
	return signing + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func TestTokenRoundTrip(t *testing.T) {
	t.Parallel()
	tk := newTestTokens(t)
	tests := []struct {
		name      string
		userID    int64
		sessionID string
	}{
		{"small_id", 1, "0123456789abcdef0123456789abcdef"},
		{"large_id", 1<<62 + 7, "family"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tok, exp, err := tk.Issue(tc.userID, tc.sessionID)
			if err != nil {
				t.Fatalf("Issue: %v", err)
			}
			if want := testNow.Add(10 * time.Minute); !exp.Equal(want) {
				t.Fatalf("expiresAt = %v; want %v", exp, want)
			}
			c, err := tk.Parse(tok)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			want := Claims{UserID: tc.userID, SessionID: tc.sessionID, IssuedAt: testNow, ExpiresAt: exp}
			if c.UserID != want.UserID || c.SessionID != want.SessionID ||
				!c.IssuedAt.Equal(want.IssuedAt) || !c.ExpiresAt.Equal(want.ExpiresAt) {
				t.Fatalf("claims = %+v; want %+v", c, want)
			}
		})
	}
}

func TestTokenWireFormat(t *testing.T) {
	t.Parallel()
	tk := newTestTokens(t)
	a, _, err := tk.Issue(7, "sess")
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := tk.Issue(7, "sess")
	if err != nil {
		t.Fatal(err)
	}
	decode := func(tok string) (map[string]any, map[string]any) {
		parts := strings.Split(tok, ".")
		var h, p map[string]any
		hb, _ := base64.RawURLEncoding.DecodeString(parts[0])
		pb, _ := base64.RawURLEncoding.DecodeString(parts[1])
		if json.Unmarshal(hb, &h) != nil || json.Unmarshal(pb, &p) != nil {
			t.Fatalf("cannot decode %q", tok)
		}
		return h, p
	}
	h, p := decode(a)
	_, p2 := decode(b)
	if h["alg"] != "HS256" {
		t.Errorf("alg = %v", h["alg"])
	}
	checks := map[string]any{
		"sub": "7", "sid": "sess", "iss": "tracker", "aud": "tracker-api", "typ": "access",
		"iat": float64(testNow.Unix()), "nbf": float64(testNow.Unix()),
		"exp": float64(testNow.Add(10 * time.Minute).Unix()),
	}
	for k, v := range checks {
		if p[k] != v {
			t.Errorf("claim %s = %#v; want %#v", k, p[k], v)
		}
	}
	if jti, _ := p["jti"].(string); jti == "" || jti == p2["jti"] {
		t.Errorf("jti %v / %v must be non-empty and random", p["jti"], p2["jti"])
	}
}

func TestTokenIssueRejectsBadInput(t *testing.T) {
	t.Parallel()
	tk := newTestTokens(t)
	tests := []struct {
		name      string
		userID    int64
		sessionID string
	}{
		{"zero_user", 0, "s"},
		{"negative_user", -5, "s"},
		{"empty_session", 5, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if tok, _, err := tk.Issue(tc.userID, tc.sessionID); err == nil {
				t.Fatalf("Issue = %q, nil; want error", tok)
			}
		})
	}
}

func TestTokenConfigValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		mod     func(*TokenConfig)
		wantErr string // "" means valid; otherwise a substring (or the whole message)
	}{
		{"valid", func(*TokenConfig) {}, ""},
		{"secret_exactly_32", func(c *TokenConfig) { c.Secret = make([]byte, 32) }, ""},
		{"secret_31_bytes", func(c *TokenConfig) { c.Secret = make([]byte, 31) },
			"TRACKER_JWT_SECRET must be at least 32 bytes (got 31); generate one with: openssl rand -base64 48"},
		{"secret_empty", func(c *TokenConfig) { c.Secret = nil },
			"TRACKER_JWT_SECRET must be at least 32 bytes (got 0); generate one with: openssl rand -base64 48"},
		{"ttl_15m", func(c *TokenConfig) { c.TTL = 15 * time.Minute }, ""},
		{"ttl_over_15m", func(c *TokenConfig) { c.TTL = 15*time.Minute + time.Second }, "TTL"},
		{"ttl_one_hour", func(c *TokenConfig) { c.TTL = time.Hour }, "TTL"},
		{"ttl_zero", func(c *TokenConfig) { c.TTL = 0 }, "TTL"},
		{"ttl_negative", func(c *TokenConfig) { c.TTL = -time.Minute }, "TTL"},
		{"issuer_empty", func(c *TokenConfig) { c.Issuer = "" }, "issuer"},
		{"audience_empty", func(c *TokenConfig) { c.Audience = "" }, "audience"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg := testConfig()
			tc.mod(&cfg)
			verr := cfg.Validate()
			tk, nerr := NewTokens(cfg, fixedClock)
			if tc.wantErr == "" {
				if verr != nil || nerr != nil || tk == nil {
					t.Fatalf("Validate = %v, NewTokens = %v; want success", verr, nerr)
				}
				return
			}
			if verr == nil || nerr == nil || tk != nil {
				t.Fatalf("Validate = %v, NewTokens = %v, %v; want errors", verr, tk, nerr)
			}
			if strings.HasPrefix(tc.wantErr, "TRACKER_JWT_SECRET") {
				if nerr.Error() != tc.wantErr {
					t.Fatalf("NewTokens error = %q; want %q", nerr, tc.wantErr)
				}
			} else if !strings.Contains(nerr.Error(), tc.wantErr) {
				t.Fatalf("NewTokens error = %q; want it to mention %q", nerr, tc.wantErr)
			}
		})
	}
}

func TestNewTokensCopiesSecret(t *testing.T) {
	t.Parallel()
	cfg := testConfig()
	cfg.Secret = append([]byte(nil), testSecret...)
	tk, err := NewTokens(cfg, fixedClock)
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := tk.Issue(1, "s")
	if err != nil {
		t.Fatal(err)
	}
	for i := range cfg.Secret {
		cfg.Secret[i] = 0
	}
	if _, err := tk.Parse(tok); err != nil {
		t.Fatalf("Parse after caller mutated secret: %v", err)
	}
}

func TestNewTokensNilClockUsesTimeNow(t *testing.T) {
	t.Parallel()
	tk, err := NewTokens(testConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	tok, exp, err := tk.Issue(3, "s")
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Until(exp); d < 9*time.Minute || d > 10*time.Minute {
		t.Fatalf("expiresAt %v is not ~10m from now", exp)
	}
	if _, err := tk.Parse(tok); err != nil {
		t.Fatalf("Parse: %v", err)
	}
}

// TestParseRemembersOnlyUntilExpiry checks that a token verified once is
// judged by a fresh parser's rule at every later instant: valid up to its
// expiry plus the leeway, refused after, whether it was seen before or not.
func TestParseRemembersOnlyUntilExpiry(t *testing.T) {
	now := testNow
	clock := func() time.Time { return now }
	issuer, err := NewTokens(testConfig(), clock)
	if err != nil {
		t.Fatal(err)
	}
	token, exp, err := issuer.Issue(42, "family-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := issuer.Parse(token); err != nil { // now remembered
		t.Fatalf("fresh token: %v", err)
	}
	for _, at := range []time.Duration{0, time.Minute, -time.Second, -time.Nanosecond, 0, time.Nanosecond, time.Second, time.Hour} {
		now = exp.Add(clockLeeway + at)
		if at == time.Hour { // and long before it was issued
			now = testNow.Add(-clockLeeway - time.Second)
		}
		fresh, err := NewTokens(testConfig(), clock)
		if err != nil {
			t.Fatal(err)
		}
		_, want := fresh.Parse(token)
		_, got := issuer.Parse(token)
		if (got == nil) != (want == nil) {
			t.Errorf("at exp+leeway%+v: remembered token gives %v, a fresh parser %v", at, got, want)
		}
		if at >= 0 && got == nil {
			t.Errorf("at exp+leeway%+v: expired token accepted", at)
		}
	}
	// Another token with the same claims but a bad signature is not taken
	// for the remembered one.
	now = testNow
	forged := token[:len(token)-2] + map[bool]string{true: "AA", false: "BB"}[!strings.HasSuffix(token, "AA")]
	if _, err := issuer.Parse(forged); err == nil {
		t.Error("a token with another signature was accepted")
	}
}
