package auth

import (
	"encoding/base64"
	"encoding/hex"
	"testing"
)

func TestNewRefreshToken(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 50 {
		plain, hash, err := NewRefreshToken()
		if err != nil {
			t.Fatal(err)
		}
		raw, err := base64.RawURLEncoding.Strict().DecodeString(plain)
		if err != nil || len(raw) != 32 {
			t.Fatalf("plain %q: %d bytes, err %v; want 32 bytes base64url", plain, len(raw), err)
		}
		if len(plain) != 43 {
			t.Fatalf("plain %q has length %d; want 43 (no padding)", plain, len(plain))
		}
		if hash != HashRefreshToken(plain) {
			t.Fatalf("hash %q != HashRefreshToken(plain)", hash)
		}
		if seen[plain] {
			t.Fatalf("duplicate refresh token %q", plain)
		}
		seen[plain] = true
	}
}

func TestHashRefreshToken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		plain string
		want  string
	}{
		{"abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := HashRefreshToken(tc.plain); got != tc.want {
				t.Fatalf("HashRefreshToken(%q) = %s; want %s", tc.plain, got, tc.want)
			}
		})
	}
}

func TestNewSessionID(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 50 {
		id, err := NewSessionID()
		if err != nil {
			t.Fatal(err)
		}
		raw, err := hex.DecodeString(id)
		if err != nil || len(raw) != 16 || len(id) != 32 {
			t.Fatalf("session id %q: want 32 lowercase hex chars", id)
		}
		if id != hex.EncodeToString(raw) {
			t.Fatalf("session id %q is not lowercase hex", id)
		}
		if seen[id] {
			t.Fatalf("duplicate session id %q", id)
		}
		seen[id] = true
	}
}
