package auth

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const (
	// MinSecretLen is the minimum HS256 secret length in bytes.
	MinSecretLen = 32
	// MaxAccessTTL is the longest lifetime allowed for an access token.
	MaxAccessTTL = 15 * time.Minute
	// MaxTokenLen is the largest token string Parse will look at.
	MaxTokenLen = 4096

	accessTokenType = "access"
	clockLeeway     = 5 * time.Second
)

// ErrInvalidToken is the only error returned by Tokens.Parse. All failures
// (bad signature, expiry, wrong audience, ...) map to it so that callers
// answer every case identically.
var ErrInvalidToken = errors.New("auth: invalid token")

// TokenConfig configures access-token issuing and verification.
type TokenConfig struct {
	Secret   []byte
	Issuer   string
	Audience string
	TTL      time.Duration
}

// Validate checks that the configuration is safe to use: a secret of at least
// 32 bytes, 0 < TTL <= 15 minutes, and non-empty issuer and audience.
func (c TokenConfig) Validate() error {
	if len(c.Secret) < MinSecretLen {
		return fmt.Errorf("TRACKER_JWT_SECRET must be at least %d bytes (got %d); generate one with: openssl rand -base64 48",
			MinSecretLen, len(c.Secret))
	}
	if c.TTL <= 0 || c.TTL > MaxAccessTTL {
		return fmt.Errorf("access token TTL must be > 0 and <= %s (got %s)", MaxAccessTTL, c.TTL)
	}
	if c.Issuer == "" {
		return errors.New("token issuer must not be empty")
	}
	if c.Audience == "" {
		return errors.New("token audience must not be empty")
	}
	return nil
}

// Claims is the verified content of an access token.
type Claims struct {
	UserID    int64
	SessionID string
	IssuedAt  time.Time
	ExpiresAt time.Time
}

// accessClaims is the parsed form of an access token's payload.
type accessClaims struct {
	jwt.RegisteredClaims
	SessionID string `json:"sid"`
	Type      string `json:"typ"`
}

// Tokens issues and verifies HS256 access tokens. It is safe for concurrent use.
type Tokens struct {
	secret   []byte
	issuer   string
	audience string
	ttl      time.Duration
	now      func() time.Time
	parser   *jwt.Parser
	verified verifiedTokens
}

// verifiedTokens remembers the claims of tokens that passed every check,
// so that the next request with the same token skips decoding its JSON
// and its signature (a twentieth of the server's work on the task list).
// Only the clock can change a verified token's verdict: its window (iat
// and nbf to exp, with the leeway) is checked on every use as the parser
// checks it. At most verifiedMax tokens are kept; then the memory starts
// afresh.
type verifiedTokens struct {
	m sync.Map // token → verifiedToken
	n atomic.Int64
}

type verifiedToken struct {
	claims Claims
	from   time.Time // the later of iat and nbf
}

const verifiedMax = 4096

func (v *verifiedTokens) load(token string) (verifiedToken, bool) {
	c, ok := v.m.Load(token)
	if !ok {
		return verifiedToken{}, false
	}
	return c.(verifiedToken), true
}

func (v *verifiedTokens) store(token string, c verifiedToken) {
	if v.n.Add(1) > verifiedMax {
		v.m.Clear()
		v.n.Store(1)
	}
	v.m.Store(token, c)
}

// validAt is the parser's rule: iat - leeway <= now, nbf - leeway <= now,
// now < exp + leeway.
func (v verifiedToken) validAt(now time.Time) bool {
	return !now.Before(v.from.Add(-clockLeeway)) && now.Before(v.claims.ExpiresAt.Add(clockLeeway))
}

// NewTokens validates cfg and returns a Tokens using now as its clock
// (time.Now if nil). The secret is copied.
func NewTokens(cfg TokenConfig, now func() time.Time) (*Tokens, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if now == nil {
		now = time.Now
	}
	t := &Tokens{
		secret:   append([]byte(nil), cfg.Secret...),
		issuer:   cfg.Issuer,
		audience: cfg.Audience,
		ttl:      cfg.TTL,
		now:      now,
	}
	t.parser = jwt.NewParser(
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(cfg.Issuer),
		jwt.WithAudience(cfg.Audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithTimeFunc(now),
		jwt.WithLeeway(clockLeeway),
		jwt.WithStrictDecoding(),
	)
	return t, nil
}

// Issue signs an access token for userID bound to sessionID and returns it
// with its expiry time.
func (t *Tokens) Issue(userID int64, sessionID string) (token string, expiresAt time.Time, err error) {
	if userID <= 0 {
		return "", time.Time{}, errors.New("auth: user id must be positive")
	}
	if sessionID == "" {
		return "", time.Time{}, errors.New("auth: session id must not be empty")
	}
	jti, err := randomBase64URL(16)
	if err != nil {
		return "", time.Time{}, err
	}
	now := t.now().UTC().Truncate(time.Second)
	expiresAt = now.Add(t.ttl)
	// MapClaims so that "aud" is a single string (jwt.ClaimStrings would
	// marshal it as an array unless a package-wide global is changed).
	claims := jwt.MapClaims{
		"iss": t.issuer,
		"sub": strconv.FormatInt(userID, 10),
		"aud": t.audience,
		"exp": jwt.NewNumericDate(expiresAt),
		"nbf": jwt.NewNumericDate(now),
		"iat": jwt.NewNumericDate(now),
		"jti": jti,
		"sid": sessionID,
		"typ": accessTokenType,
	}
	token, err = jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(t.secret)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("auth: signing token: %w", err)
	}
	return token, expiresAt, nil
}

// Parse verifies token (signature, algorithm, issuer, audience, exp, nbf, iat
// and typ) and returns its claims. Any failure yields ErrInvalidToken.
func (t *Tokens) Parse(token string) (Claims, error) {
	if token == "" || len(token) > MaxTokenLen {
		return Claims{}, ErrInvalidToken
	}
	if v, ok := t.verified.load(token); ok {
		if !v.validAt(t.now()) {
			return Claims{}, ErrInvalidToken
		}
		return v.claims, nil
	}
	var ac accessClaims
	parsed, err := t.parser.ParseWithClaims(token, &ac, func(tok *jwt.Token) (any, error) {
		if tok.Method != jwt.SigningMethodHS256 {
			return nil, ErrInvalidToken
		}
		return t.secret, nil
	})
	if err != nil || !parsed.Valid {
		return Claims{}, ErrInvalidToken
	}
	if ac.Type != accessTokenType || ac.SessionID == "" || ac.IssuedAt == nil || ac.ExpiresAt == nil {
		return Claims{}, ErrInvalidToken
	}
	uid, err := strconv.ParseInt(ac.Subject, 10, 64)
	if err != nil || uid <= 0 || strconv.FormatInt(uid, 10) != ac.Subject {
		return Claims{}, ErrInvalidToken
	}
	c := Claims{
		UserID:    uid,
		SessionID: ac.SessionID,
		IssuedAt:  ac.IssuedAt.Time,
		ExpiresAt: ac.ExpiresAt.Time,
	}
	v := verifiedToken{claims: c, from: c.IssuedAt}
	if ac.NotBefore != nil && ac.NotBefore.After(v.from) {
		v.from = ac.NotBefore.Time
	}
	t.verified.store(token, v)
	return c, nil
}

func randomBase64URL(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("auth: reading random bytes: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
