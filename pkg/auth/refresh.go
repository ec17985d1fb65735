package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// refreshTokenBytes is the amount of entropy in a refresh token.
const refreshTokenBytes = 32

// NewRefreshToken returns a new refresh token: plain is 32 random bytes
// encoded as unpadded base64url (give it to the client), hash is
// HashRefreshToken(plain) (store it; never store plain).
func NewRefreshToken() (plain string, hash string, err error) {
	plain, err = randomBase64URL(refreshTokenBytes)
	if err != nil {
		return "", "", err
	}
	return plain, HashRefreshToken(plain), nil
}

// HashRefreshToken returns the lowercase hex SHA-256 of plain, the form in
// which refresh tokens are stored and looked up.
func HashRefreshToken(plain string) string {
	sum := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(sum[:])
}

// NewSessionID returns 16 random bytes as lowercase hex (32 characters),
// used as the id of a session family.
func NewSessionID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("auth: reading random bytes: %w", err)
	}
	return hex.EncodeToString(b), nil
}
