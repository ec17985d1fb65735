// Command tracker runs the Intern Tracker: the HTTP server and its
// operator subcommands. This file only wires parts together.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

const usage = `Intern Tracker

Usage:
  tracker serve                      start the HTTP server (migrates first)
  tracker migrate                    apply database migrations and exit
  tracker seed --demo                seed demo data into an empty database
  tracker seed --scale N             seed a synthetic history of scale N (1 = a year of the division) into an empty database
  tracker load [--scenario S] ...    drive a running server and print req/s and latency percentiles (see tracker load -h)
  tracker user add --email E --name N --role R [--branch CODE] [--locale en|fr] --password-stdin
                                     create an account, reading its password from standard input
  tracker backup FILE                write a consistent copy of the SQLite database to FILE
  tracker healthcheck [--url URL]    exit 0 when the server at TRACKER_ADDR (or URL) answers /readyz with 200, else 1
                                     (the container image's HEALTHCHECK: it has no curl)

Configuration comes from TRACKER_* environment variables; see README.md.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(os.Args) < 2 || os.Args[1] == "serve" {
		tuneGC(os.Getenv)
	}
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(os.Stderr, "tracker: %v\n\n%s", err, usage)
			os.Exit(2)
		}
		fmt.Fprintf(os.Stderr, "tracker: %v\n", err)
		os.Exit(1)
	}
}

// The server's garbage collector runs less often than Go's default, within
// a heap limit: at GOGC=100 the task list spent a tenth of its CPU on
// collection and returning memory to the system, while the live heap is a
// few megabytes (docs/performance.md). GOGC and GOMEMLIMIT, when set, win.
const (
	serveGCPercent   = 400
	serveMemoryLimit = 48 << 20
)

// tuneGC applies the server's collector settings unless the environment
// sets its own.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run dispatches a command line; tests call it directly.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		args = []string{"serve"}
	}
	env := &cmdEnv{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	switch args[0] {
	case "serve":
		return env.serve(ctx, args[1:])
	case "migrate":
		return env.migrate(ctx, args[1:])
	case "seed":
		return env.seed(ctx, args[1:])
	case "user":
		if len(args) < 2 || args[1] != "add" {
			return usageError{"user: the only subcommand is 'user add'"}
		}
		return env.userAdd(ctx, args[2:])
	case "backup":
		return env.backup(ctx, args[1:])
	case "load":
		return env.load(ctx, args[1:])
	case "healthcheck":
		return env.healthcheck(ctx, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

// cmdEnv is what every subcommand reads and writes.
type cmdEnv struct {
	getenv         func(string) string
	stdin          io.Reader
	stdout, stderr io.Writer
}

func (e *cmdEnv) logger(level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level))
	return slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: l}))
}
