package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Upper bounds accepted when parsing a PHC string, so a corrupted or hostile
// stored hash cannot make Verify allocate unbounded memory or spin forever.
const (
	maxMemoryKiB   = 1 << 20 // 1 GiB
	maxIterations  = 64
	minSaltLen     = 8
	maxSaltLen     = 64
	minKeyLen      = 16
	maxKeyLen      = 128
	phcAlgorithm   = "argon2id"
	phcVersionPart = "v=19"
)

// ErrMalformedHash is returned by Verify when the encoded hash is not a
// well-formed argon2id PHC string with acceptable parameters.
var ErrMalformedHash = errors.New("auth: malformed password hash")

// b64 is the encoding used inside PHC strings: standard alphabet, no padding.
var b64 = base64.RawStdEncoding.Strict()

// Hasher holds argon2id parameters. Memory is in KiB.
type Hasher struct {
	Memory      uint32
	Iterations  uint32
	Parallelism uint8
	SaltLen     uint32
	KeyLen      uint32
}

// DefaultHasher returns the OWASP-recommended argon2id parameters:
// m=19456 KiB, t=2, p=1, 16-byte salt, 32-byte key.
func DefaultHasher() Hasher {
	return Hasher{Memory: 19456, Iterations: 2, Parallelism: 1, SaltLen: 16, KeyLen: 32}
}

// FastHasher returns cheap argon2id parameters (m=1024 KiB, t=1, p=1).
// It is for tests only and must never be used to hash real passwords.
func FastHasher() Hasher {
	return Hasher{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLen: 16, KeyLen: 32}
}

func (h Hasher) validate() error {
	switch {
	case h.Memory == 0 || h.Memory > maxMemoryKiB:
		return fmt.Errorf("auth: argon2 memory %d KiB out of range", h.Memory)
	case h.Memory < 8*uint32(h.Parallelism):
		return fmt.Errorf("auth: argon2 memory must be at least 8*parallelism KiB")
	case h.Iterations == 0 || h.Iterations > maxIterations:
		return fmt.Errorf("auth: argon2 iterations %d out of range", h.Iterations)
	case h.Parallelism == 0:
		return errors.New("auth: argon2 parallelism must be at least 1")
	case h.SaltLen < minSaltLen || h.SaltLen > maxSaltLen:
		return fmt.Errorf("auth: salt length %d out of range", h.SaltLen)
	case h.KeyLen < minKeyLen || h.KeyLen > maxKeyLen:
		return fmt.Errorf("auth: key length %d out of range", h.KeyLen)
	}
	return nil
}

// Hash derives an argon2id key from password with a fresh random salt and
// returns it as a PHC string:
// $argon2id$v=19$m=<memory>,t=<iterations>,p=<parallelism>$<salt>$<key>.
func (h Hasher) Hash(password string) (string, error) {
	if err := h.validate(); err != nil {
		return "", err
	}
	salt := make([]byte, h.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: generating salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, h.Iterations, h.Memory, h.Parallelism, h.KeyLen)
	return encodePHC(h, salt, key), nil
}

func encodePHC(h Hasher, salt, key []byte) string {
	return fmt.Sprintf("$%s$%s$m=%d,t=%d,p=%d$%s$%s",
		phcAlgorithm, phcVersionPart, h.Memory, h.Iterations, h.Parallelism,
		b64.EncodeToString(salt), b64.EncodeToString(key))
}

// Verify reports whether password matches the PHC-encoded hash. The argon2id
// parameters are taken from encoded, not from h, so hashes created with older
// parameters keep verifying. A malformed hash yields ErrMalformedHash.
func (h Hasher) Verify(encoded, password string) (bool, error) {
	p, salt, want, err := decodePHC(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Iterations, p.Memory, p.Parallelism, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// NeedsRehash reports whether encoded was produced with parameters other than
// h's (or cannot be parsed), so callers can upgrade it after a successful login.
func (h Hasher) NeedsRehash(encoded string) bool {
	p, salt, key, err := decodePHC(encoded)
	if err != nil {
		return true
	}
	return p.Memory != h.Memory || p.Iterations != h.Iterations ||
		p.Parallelism != h.Parallelism || uint32(len(salt)) != h.SaltLen ||
		uint32(len(key)) != h.KeyLen
}

func decodePHC(encoded string) (Hasher, []byte, []byte, error) {
	var p Hasher
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != phcAlgorithm || parts[2] != phcVersionPart {
		return p, nil, nil, ErrMalformedHash
	}
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return p, nil, nil, ErrMalformedHash
	}
	m, okM := parseParam(params[0], "m=", 32)
	t, okT := parseParam(params[1], "t=", 32)
	par, okP := parseParam(params[2], "p=", 8)
	if !okM || !okT || !okP {
		return p, nil, nil, ErrMalformedHash
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return p, nil, nil, ErrMalformedHash
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil {
		return p, nil, nil, ErrMalformedHash
	}
	p = Hasher{
		Memory:      uint32(m),
		Iterations:  uint32(t),
		Parallelism: uint8(par),
		SaltLen:     uint32(len(salt)),
		KeyLen:      uint32(len(key)),
	}
	if p.validate() != nil {
		return p, nil, nil, ErrMalformedHash
	}
	return p, salt, key, nil
}

// parseParam parses "<prefix><decimal>" with no sign or leading zeros.
func parseParam(s, prefix string, bits int) (uint64, bool) {
	v, ok := strings.CutPrefix(s, prefix)
	if !ok || v == "" || (len(v) > 1 && v[0] == '0') || v[0] < '0' || v[0] > '9' {
		return 0, false
	}
	n, err := strconv.ParseUint(v, 10, bits)
	if err != nil {
		return 0, false
	}
	return n, true
}

// dummyHashes caches one dummy PHC string per parameter set.
var dummyHashes sync.Map // Hasher -> func() string

// DummyVerify performs the same work as a Verify call against a hash made with
// h's parameters and discards the result. Call it when the user does not
// exist so that an unknown account costs as much time as a wrong password.
func (h Hasher) DummyVerify(password string) {
	f, _ := dummyHashes.LoadOrStore(h, sync.OnceValue(func() string {
		if h.validate() != nil {
			return ""
		}
		// A fixed, non-secret salt and key: nothing can ever match a real
		// password meaningfully, and the cost equals a genuine Verify.
		salt := make([]byte, h.SaltLen)
		key := make([]byte, h.KeyLen)
		for i := range salt {
			salt[i] = byte(i)
		}
		return encodePHC(h, salt, key)
	}))
	encoded := f.(func() string)()
	if encoded == "" {
		return
	}
	_, _ = h.Verify(encoded, password)
}
