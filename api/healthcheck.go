package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/intern-tracker/tracker/pkg/config"
)

// healthcheck asks a running tracker whether it is ready: GET /readyz on
// TRACKER_ADDR (a wildcard host such as 0.0.0.0 is reached on loopback),
// or on --url. It succeeds on 200 within --timeout and fails otherwise, so
// that the container image, which has no curl, can use the binary itself
// as its HEALTHCHECK.
func (e *cmdEnv) healthcheck(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	base := fs.String("url", "", "the tracker's base URL (default: http:// and TRACKER_ADDR)")
	timeout := fs.Duration("timeout", 3*time.Second, "how long to wait for the answer")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{"healthcheck takes no arguments"}
	}
	if *base == "" {
		addr := e.getenv("TRACKER_ADDR")
		if addr == "" {
			addr = config.DefaultAddr
		}
		*base = "http://" + dialable(addr)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	target := strings.TrimSuffix(*base, "/") + "/readyz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: not ready: %w", err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 512))
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: not ready: %s answered %d %s", target, res.StatusCode, strings.TrimSpace(string(body)))
	}
	fmt.Fprintf(e.stdout, "ready: %s\n", strings.TrimSpace(string(body)))
	return nil
}

// dialable turns a listen address into one to connect to: a wildcard or
// missing host becomes the loopback address.
func dialable(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return net.JoinHostPort(host, port)
}
