package auth

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/argon2"
)

func TestHashVerifyRoundTrip(t *testing.T) {
	t.Parallel()
	h := FastHasher()
	tests := []struct {
		name     string
		password string
	}{
		{"ascii", "correct horse battery staple"},
		{"unicode", "пароль-密码-🔑🔑"},
		{"empty", ""},
		{"max_length", strings.Repeat("ä", MaxPasswordRunes)},
		{"embedded_nul", "abc\x00def"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			enc, err := h.Hash(tc.password)
			if err != nil {
				t.Fatalf("Hash: %v", err)
			}
			ok, err := h.Verify(enc, tc.password)
			if err != nil || !ok {
				t.Fatalf("Verify(%q) = %v, %v; want true, nil", enc, ok, err)
			}
		})
	}
}

func TestHashUsesFreshSalt(t *testing.T) {
	t.Parallel()
	h := FastHasher()
	a, err := h.Hash("same password")
	if err != nil {
		t.Fatal(err)
	}
	b, err := h.Hash("same password")
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Fatalf("two hashes of the same password are identical: %s", a)
	}
}

func TestVerifyWrongPassword(t *testing.T) {
	t.Parallel()
	h := FastHasher()
	enc, err := h.Hash("Secret-Passw0rd")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		guess string
	}{
		{"different", "something else"},
		{"case_changed", "secret-passw0rd"},
		{"trailing_space", "Secret-Passw0rd "},
		{"prefix", "Secret-Passw0r"},
		{"empty", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ok, err := h.Verify(enc, tc.guess)
			if err != nil {
				t.Fatalf("Verify: unexpected error %v", err)
			}
			if ok {
				t.Fatalf("Verify(%q) = true; want false", tc.guess)
			}
		})
	}
}

func TestVerifyMalformedHash(t *testing.T) {
	t.Parallel()
	h := FastHasher()
	const salt = "AAECAwQFBgcICQoLDA0ODw"                     // 16 bytes
	const key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8" // 32 bytes
	valid := "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "$" + key
	if _, err := h.Verify(valid, "x"); err != nil {
		t.Fatalf("baseline hash should parse: %v", err)
	}
	tests := []struct {
		name    string
		encoded string
	}{
		{"empty", ""},
		{"plain_text", "hunter2"},
		{"bcrypt", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},
		{"argon2i", "$argon2i$v=19$m=1024,t=1,p=1$" + salt + "$" + key},
		{"argon2d", "$argon2d$v=19$m=1024,t=1,p=1$" + salt + "$" + key},
		{"old_version", "$argon2id$v=16$m=1024,t=1,p=1$" + salt + "$" + key},
		{"missing_version", "$argon2id$m=1024,t=1,p=1$" + salt + "$" + key},
		{"missing_key", "$argon2id$v=19$m=1024,t=1,p=1$" + salt},
		{"extra_segment", valid + "$extra"},
		{"no_leading_dollar", valid[1:]},
		{"params_reordered", "$argon2id$v=19$t=1,m=1024,p=1$" + salt + "$" + key},
		{"params_missing", "$argon2id$v=19$m=1024,t=1$" + salt + "$" + key},
		{"params_extra", "$argon2id$v=19$m=1024,t=1,p=1,k=2$" + salt + "$" + key},
		{"memory_zero", "$argon2id$v=19$m=0,t=1,p=1$" + salt + "$" + key},
		{"memory_too_big", "$argon2id$v=19$m=4294967295,t=1,p=1$" + salt + "$" + key},
		{"memory_overflow", "$argon2id$v=19$m=4294967296,t=1,p=1$" + salt + "$" + key},
		{"memory_negative", "$argon2id$v=19$m=-1,t=1,p=1$" + salt + "$" + key},
		{"memory_plus_sign", "$argon2id$v=19$m=+1024,t=1,p=1$" + salt + "$" + key},
		{"memory_leading_zero", "$argon2id$v=19$m=01024,t=1,p=1$" + salt + "$" + key},
		{"memory_below_8p", "$argon2id$v=19$m=8,t=1,p=2$" + salt + "$" + key},
		{"iterations_zero", "$argon2id$v=19$m=1024,t=0,p=1$" + salt + "$" + key},
		{"iterations_huge", "$argon2id$v=19$m=1024,t=100000,p=1$" + salt + "$" + key},
		{"parallelism_zero", "$argon2id$v=19$m=1024,t=1,p=0$" + salt + "$" + key},
		{"parallelism_overflow", "$argon2id$v=19$m=1024,t=1,p=256$" + salt + "$" + key},
		{"salt_not_base64", "$argon2id$v=19$m=1024,t=1,p=1$!!!!$" + key},
		{"salt_padded", "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "==$" + key},
		{"salt_too_short", "$argon2id$v=19$m=1024,t=1,p=1$AAEC$" + key},
		{"salt_empty", "$argon2id$v=19$m=1024,t=1,p=1$$" + key},
		{"key_url_alphabet", "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "$" + strings.Repeat("_-", 22)},
		{"key_too_short", "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "$AAECAwQFBgc"},
		{"key_empty", "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "$"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ok, err := h.Verify(tc.encoded, "x")
			if !errors.Is(err, ErrMalformedHash) {
				t.Fatalf("Verify(%q) error = %v; want ErrMalformedHash", tc.encoded, err)
			}
			if ok {
				t.Fatalf("Verify(%q) = true on malformed hash", tc.encoded)
			}
		})
	}
}

func TestPHCStringCarriesParams(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		hasher Hasher
		prefix string
	}{
		{"fast", FastHasher(), "$argon2id$v=19$m=1024,t=1,p=1$"},
		{"custom", Hasher{Memory: 2048, Iterations: 3, Parallelism: 2, SaltLen: 24, KeyLen: 48}, "$argon2id$v=19$m=2048,t=3,p=2$"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			enc, err := tc.hasher.Hash("pw-for-params")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(enc, tc.prefix) {
				t.Fatalf("hash %q lacks prefix %q", enc, tc.prefix)
			}
			parts := strings.Split(enc, "$")
			salt, err := b64.DecodeString(parts[4])
			if err != nil || uint32(len(salt)) != tc.hasher.SaltLen {
				t.Fatalf("salt %q: len %d err %v; want len %d", parts[4], len(salt), err, tc.hasher.SaltLen)
			}
			key, err := b64.DecodeString(parts[5])
			if err != nil || uint32(len(key)) != tc.hasher.KeyLen {
				t.Fatalf("key %q: len %d err %v; want len %d", parts[5], len(key), err, tc.hasher.KeyLen)
			}
			if strings.Contains(parts[4]+parts[5], "=") {
				t.Fatalf("hash %q contains base64 padding", enc)
			}
			// Verify with a Hasher whose own params differ: the string's win.
			other := Hasher{Memory: 4096, Iterations: 2, Parallelism: 1, SaltLen: 16, KeyLen: 32}
			if ok, err := other.Verify(enc, "pw-for-params"); err != nil || !ok {
				t.Fatalf("Verify with different hasher = %v, %v; want true", ok, err)
			}
			if tc.hasher.NeedsRehash(enc) {
				t.Fatalf("NeedsRehash by its own hasher = true")
			}
			if !other.NeedsRehash(enc) {
				t.Fatalf("NeedsRehash by other hasher = false")
			}
		})
	}
}

func TestVerifyUsesStringParams(t *testing.T) {
	t.Parallel()
	salt := []byte("0123456789abcdef")
	key := argon2.IDKey([]byte("pw"), salt, 2, 2048, 1, 32)
	enc := fmt.Sprintf("$argon2id$v=19$m=2048,t=2,p=1$%s$%s", b64.EncodeToString(salt), b64.EncodeToString(key))
	tests := []struct {
		name    string
		encoded string
		want    bool
	}{
		{"exact_params", enc, true},
		{"memory_changed", strings.Replace(enc, "m=2048", "m=1024", 1), false},
		{"iterations_changed", strings.Replace(enc, "t=2", "t=1", 1), false},
		{"parallelism_changed", strings.Replace(enc, "p=1", "p=2", 1), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ok, err := FastHasher().Verify(tc.encoded, "pw")
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if ok != tc.want {
				t.Fatalf("Verify = %v; want %v", ok, tc.want)
			}
		})
	}
}

func TestDefaultHasherParams(t *testing.T) {
	t.Parallel()
	h := DefaultHasher()
	if h != (Hasher{Memory: 19456, Iterations: 2, Parallelism: 1, SaltLen: 16, KeyLen: 32}) {
		t.Fatalf("DefaultHasher() = %+v", h)
	}
	enc, err := h.Hash("default-params-pw")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q lacks default params", enc)
	}
	parts := strings.Split(enc, "$")
	if len(parts[4]) != 22 || len(parts[5]) != 43 {
		t.Fatalf("salt/key encodings %q/%q; want 22/43 chars (16/32 bytes)", parts[4], parts[5])
	}
	if ok, err := h.Verify(enc, "default-params-pw"); err != nil || !ok {
		t.Fatalf("Verify = %v, %v", ok, err)
	}
}

func TestFastHasherParams(t *testing.T) {
	t.Parallel()
	if h := FastHasher(); h != (Hasher{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLen: 16, KeyLen: 32}) {
		t.Fatalf("FastHasher() = %+v", h)
	}
}

func TestHashRejectsBadParams(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		h    Hasher
	}{
		{"zero_value", Hasher{}},
		{"zero_memory", Hasher{Memory: 0, Iterations: 1, Parallelism: 1, SaltLen: 16, KeyLen: 32}},
		{"zero_iterations", Hasher{Memory: 1024, Iterations: 0, Parallelism: 1, SaltLen: 16, KeyLen: 32}},
		{"zero_parallelism", Hasher{Memory: 1024, Iterations: 1, Parallelism: 0, SaltLen: 16, KeyLen: 32}},
		{"short_salt", Hasher{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLen: 4, KeyLen: 32}},
		{"short_key", Hasher{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLen: 16, KeyLen: 8}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if enc, err := tc.h.Hash("pw"); err == nil {
				t.Fatalf("Hash = %q, nil; want error", enc)
			}
			tc.h.DummyVerify("pw") // must not panic
		})
	}
}

func TestNeedsRehashMalformed(t *testing.T) {
	t.Parallel()
	if !FastHasher().NeedsRehash("garbage") {
		t.Fatal("NeedsRehash(garbage) = false; want true")
	}
}

func TestDummyVerify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		h    Hasher
	}{
		{"fast", FastHasher()},
		{"custom", Hasher{Memory: 2048, Iterations: 1, Parallelism: 2, SaltLen: 16, KeyLen: 32}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var wg sync.WaitGroup
			for i := range 8 {
				wg.Go(func() { tc.h.DummyVerify(fmt.Sprintf("guess-%d", i)) })
			}
			wg.Wait()
			f, ok := dummyHashes.Load(tc.h)
			if !ok {
				t.Fatal("no cached dummy hash")
			}
			enc := f.(func() string)()
			p, _, _, err := decodePHC(enc)
			if err != nil || p != tc.h {
				t.Fatalf("dummy hash %q parsed as %+v, %v; want params %+v", enc, p, err, tc.h)
			}
		})
	}
}
