package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHealthcheck runs `tracker healthcheck` (the image's HEALTHCHECK)
// against a real server, reached through the wildcard address the
// container listens on; against a closed port; and against a server whose
// /readyz answers 503.
func TestHealthcheck(t *testing.T) {
	vars := map[string]string{
		"TRACKER_DATABASE_URL": "sqlite:" + filepath.Join(t.TempDir(), "tracker.db"),
		"TRACKER_JWT_SECRET":   "0123456789abcdef0123456789abcdef-healthcheck",
		"TRACKER_ADDR":         freeAddr(t),
		"TRACKER_LOG_LEVEL":    "warn",
	}
	p := startServe(t, vars)
	_, port, _ := strings.Cut(vars["TRACKER_ADDR"], ":")

	t.Run("OK", func(t *testing.T) {
		out, stderr, err := runCLI(t, map[string]string{"TRACKER_ADDR": "0.0.0.0:" + port}, "", "healthcheck")
		if err != nil || !strings.Contains(out, "ready") {
			t.Fatalf("tracker healthcheck: %v, printed %q %q", err, out, stderr)
		}
	})
	t.Run("ErrNothingListening", func(t *testing.T) {
		_, stderr, err := runCLI(t, map[string]string{"TRACKER_ADDR": freeAddr(t)}, "", "healthcheck")
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(stderr, "not ready") {
			t.Fatalf("tracker healthcheck with nothing listening: %v, %q; want exit status 1 and \"not ready\"", err, stderr)
		}
	})
	t.Run("ErrNotReady", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/readyz" {
				http.NotFound(w, r)
				return
			}
			http.Error(w, "database down", http.StatusServiceUnavailable)
		}))
		defer srv.Close()
		var out bytes.Buffer
		err := run(context.Background(), []string{"healthcheck", "--url", srv.URL}, envOf(nil), nil, &out, &out)
		if err == nil || !strings.Contains(err.Error(), "503") {
			t.Fatalf("healthcheck of a 503: %v", err)
		}
	})
	p.stop()
}

func TestDialable(t *testing.T) {
	for in, want := range map[string]string{
		"0.0.0.0:8080":   "127.0.0.1:8080",
		":8080":          "127.0.0.1:8080",
		"[::]:8080":      "[::1]:8080",
		"10.1.2.3:9000":  "10.1.2.3:9000",
		"127.0.0.1:8080": "127.0.0.1:8080",
		"tracker:8080":   "tracker:8080",
	} {
		if got := dialable(in); got != want {
			t.Errorf("dialable(%q) = %q, want %q", in, got, want)
		}
	}
}
