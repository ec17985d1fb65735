package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestSeedScaleAndLoad seeds a tiny synthetic history with the command
// line, starts the real server on it, and runs every scenario of tracker
// load for 100 requests (enough for every patch worker to come back to its
// tasks, following their versions): a check that each signs in, sends
// requests, sees no error and prints its figures, not a measurement (make
// bench measures).
func TestSeedScaleAndLoad(t *testing.T) {
	vars := map[string]string{
		"TRACKER_DATABASE_URL": "sqlite:" + t.TempDir() + "/scale.db",
		"TRACKER_JWT_SECRET":   "0123456789abcdef0123456789abcdef-load-tests",
		"TRACKER_ADDR":         freeAddr(t),
		"TRACKER_LOG_LEVEL":    "warn",
	}
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"seed", "--scale", "0.05"}, envOf(vars), nil, &out, &errb); err != nil {
		t.Fatalf("seed --scale: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "75 tasks") || !strings.Contains(errb.String(), "100%") {
		t.Fatalf("seed --scale 0.05 printed %q, progress %q", out.String(), errb.String())
	}
	p := startServe(t, vars)
	pid := strconv.Itoa(p.cmd.Process.Pid)
	figures := regexp.MustCompile(`requests 100, errors 0, \d+ req/s\n  latency p50 \S+, p95 \S+, p99 \S+`)
	for _, sc := range []string{"board", "tasks", "progress", "patch"} {
		t.Run(sc, func(t *testing.T) {
			var out, errb bytes.Buffer
			args := []string{"load", "--url", p.base, "--scenario", sc, "--requests", "100", "--concurrency", "2", "--pid", pid}
			if err := run(context.Background(), args, envOf(nil), nil, &out, &errb); err != nil {
				t.Fatalf("load: %v\n%s%s", err, out.String(), errb.String())
			}
			if !figures.MatchString(out.String()) || !strings.Contains(out.String(), "server RSS peak") {
				t.Errorf("load printed:\n%s", out.String())
			}
		})
	}
	t.Run("ErrWrongPassword", func(t *testing.T) {
		args := []string{"load", "--url", p.base, "--password", "not the password", "--duration", "100ms"}
		err := run(context.Background(), args, envOf(nil), nil, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), "sign in") {
			t.Fatalf("got %v, want a sign-in error", err)
		}
	})
}

// TestLoadRefuses checks the bounds of tracker load: another machine, an
// unknown scenario, unbounded runs.
func TestLoadRefuses(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"Remote", []string{"--url", "http://10.1.2.3:8080"}, "not this machine"},
		{"RemoteName", []string{"--url", "http://tracker.example.org"}, "not this machine"},
		{"NotHTTP", []string{"--url", "ftp://127.0.0.1"}, "http(s) URL"},
		{"Scenario", []string{"--scenario", "delete-all"}, "unknown scenario"},
		{"LongDuration", []string{"--duration", "11m"}, "--duration"},
		{"Concurrency", []string{"--concurrency", "1000"}, "--concurrency"},
		{"Requests", []string{"--requests", "-1"}, "--requests"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := run(context.Background(), append([]string{"load"}, tc.args...), envOf(nil), nil, &bytes.Buffer{}, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}
