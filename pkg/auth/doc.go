// Package auth provides the authentication primitives used by the tracker:
// argon2id password hashing and policy checks, short-lived HS256 JWT access
// tokens, and refresh-token / session-id material.
//
// The package deliberately has no knowledge of HTTP frameworks or storage;
// sessions are persisted by another package using the values produced here.
package auth
