package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/storetest"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestUserAddThenLogin is the CLI smoke test: create an account with the
// command line, start the server, sign in with the account.
func TestUserAddThenLogin(t *testing.T) {
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			addr := freeAddr(t)
			env := map[string]string{
				"TRACKER_DATABASE_URL": storetest.URL(t, kind),
				"TRACKER_JWT_SECRET":   "0123456789abcdef0123456789abcdef-cli",
				"TRACKER_ADDR":         addr,
			}
			var out, errb bytes.Buffer
			err := run(context.Background(), []string{"user", "add", "--email", "Ana@Example.org", "--name", "Ana Silva",
				"--role", "supervisor", "--branch", "mc", "--password-stdin"}, envOf(env), strings.NewReader("a long passphrase\n"), &out, &errb)
			if err != nil {
				t.Fatalf("user add: %v (%s)", err, errb.String())
			}
			if !strings.Contains(out.String(), "created user") {
				t.Fatalf("user add printed %q", out.String())
			}
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			logs := &syncBuffer{}
			go func() { done <- run(ctx, []string{"serve"}, envOf(env), nil, logs, logs) }()
			defer func() {
				cancel()
				if err := <-done; err != nil {
					t.Errorf("serve: %v", err)
				}
			}()
			base := "http://" + addr
			waitReady(t, base)
			body := `{"email":"ana@example.org","password":"a long passphrase"}`
			res, err := http.Post(base+"/api/v1/auth/login", "application/json", strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var tr struct {
				AccessToken string `json:"access_token"`
				User        struct {
					Role string `json:"role"`
				} `json:"user"`
			}
			if err := json.NewDecoder(res.Body).Decode(&tr); err != nil || res.StatusCode != 200 {
				t.Fatalf("login: %d %v", res.StatusCode, err)
			}
			if tr.AccessToken == "" || tr.User.Role != "supervisor" {
				t.Fatalf("login answer %+v", tr)
			}
		})
	}
}

// syncBuffer is a buffer the server's goroutines may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func waitReady(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("server did not become ready")
}

func TestCommandErrors(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "t.db")
	cases := []struct {
		name string
		args []string
		env  map[string]string
		in   string
		want string
	}{
		{"ShortSecret", []string{"serve"}, map[string]string{"TRACKER_DATABASE_URL": db, "TRACKER_JWT_SECRET": "too-short"}, "", "TRACKER_JWT_SECRET must be at least 32 bytes"},
		{"NoSecret", []string{"serve"}, map[string]string{"TRACKER_DATABASE_URL": db}, "", "TRACKER_JWT_SECRET must be at least 32 bytes"},
		{"BadDatabaseURL", []string{"migrate"}, map[string]string{"TRACKER_DATABASE_URL": "mysql://x"}, "", "TRACKER_DATABASE_URL must start with"},
		{"UnknownCommand", []string{"frobnicate"}, nil, "", "unknown command"},
		{"UserAddNoStdin", []string{"user", "add", "--email", "a@b.org", "--name", "A", "--role", "admin"}, map[string]string{"TRACKER_DATABASE_URL": db}, "", "--password-stdin"},
		{"UserAddWeakPassword", []string{"user", "add", "--email", "a@b.org", "--name", "A", "--role", "admin", "--password-stdin"}, map[string]string{"TRACKER_DATABASE_URL": db}, "password\n", "password"},
		{"UserAddNoBranch", []string{"user", "add", "--email", "a@b.org", "--name", "A", "--role", "intern", "--password-stdin"}, map[string]string{"TRACKER_DATABASE_URL": db}, "a long passphrase\n", "--branch"},
		{"UserAddUnknownBranch", []string{"user", "add", "--email", "a@b.org", "--name", "A", "--role", "intern", "--branch", "XX", "--password-stdin"}, map[string]string{"TRACKER_DATABASE_URL": db}, "a long passphrase\n", "no branch"},
		{"BackupNoFile", []string{"backup"}, map[string]string{"TRACKER_DATABASE_URL": db}, "", "give the file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := run(context.Background(), tc.args, envOf(tc.env), strings.NewReader(tc.in), &bytes.Buffer{}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestMigrateAndBackup(t *testing.T) {
	dir := t.TempDir()
	env := envOf(map[string]string{"TRACKER_DATABASE_URL": "sqlite:" + filepath.Join(dir, "t.db")})
	var out bytes.Buffer
	if err := run(context.Background(), []string{"migrate"}, env, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "copy.db")
	out.Reset()
	if err := run(context.Background(), []string{"backup", backup}, env, nil, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "integrity_check ok") {
		t.Fatalf("backup printed %q", out.String())
	}
	err := run(context.Background(), []string{"backup", backup}, env, nil, &out, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second backup to the same file: %v", err)
	}
}
