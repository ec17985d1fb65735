package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/docs"
	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/config"
	"github.com/intern-tracker/tracker/pkg/seed"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// openStore loads the configuration, opens the database and migrates it.
func (e *cmdEnv) openStore(ctx context.Context) (config.Config, *store.Store, error) {
	return e.openStoreMigrating(ctx, true)
}

// openStoreMigrating opens the database, migrating it only when asked: a
// backup must copy the database as the running version left it.
func (e *cmdEnv) openStoreMigrating(ctx context.Context, migrate bool) (config.Config, *store.Store, error) {
	cfg, err := config.Load(e.getenv)
	if err != nil {
		return cfg, nil, err
	}
	if _, _, err := config.ParseDatabaseURL(cfg.DatabaseURL); err != nil {
		return cfg, nil, err
	}
	st, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return cfg, nil, err
	}
	if !migrate {
		return cfg, st, nil
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return cfg, nil, err
	}
	return cfg, st, nil
}

func (e *cmdEnv) serve(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	cfg, err := config.Load(e.getenv)
	if err != nil {
		return err
	}
	if len(cfg.JWTSecret) == 0 && cfg.Demo {
		if cfg.JWTSecret, err = demoSecret(cfg.DataDir()); err != nil {
			return err
		}
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	log := e.logger(cfg.LogLevel)
	_, st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	hasher := auth.DefaultHasher()
	if cfg.Demo {
		if err := e.seedDemo(ctx, cfg, hasher, log); err != nil {
			return err
		}
	}
	srv, err := server.New(server.Deps{Config: cfg, Store: st, Logger: log, Hasher: hasher, Spec: docs.OpenAPI, SPA: spaFS()})
	if err != nil {
		return err
	}
	return srv.ListenAndServe(ctx, func(addr string) {
		log.Info("listening", slog.String("addr", addr), slog.String("database", st.Driver()))
		fmt.Fprintf(e.stderr, "\nIntern Tracker is running at http://%s\n\n", addr)
	})
}

// demoSecret returns the JWT secret kept in the data folder for demo mode,
// creating it (mode 0600) on first use.
func demoSecret(dir string) ([]byte, error) {
	path := filepath.Join(dir, "jwt-secret")
	if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) >= config.MinSecretBytes {
		return []byte(strings.TrimSpace(string(b))), nil
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	raw := make([]byte, 48)
	if _, err := rand.Read(raw); err != nil {
		return nil, err
	}
	secret := base64.RawURLEncoding.EncodeToString(raw)
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("demo: keep the JWT secret in %s: %w", path, err)
	}
	return []byte(secret), nil
}

// seedDemo seeds an empty database and prints the demo logins loudly.
func (e *cmdEnv) seedDemo(ctx context.Context, cfg config.Config, hasher auth.Hasher, log *slog.Logger) error {
	err := seed.Demo(ctx, cfg.DatabaseURL, hasher, time.Now())
	switch {
	case errors.Is(err, seed.ErrNotEmpty):
		log.Info("demo mode: the database already has data; not seeding")
	case err != nil:
		return fmt.Errorf("demo seed: %w", err)
	default:
		log.Info("demo mode: seeded demo data")
	}
	printLogins(e.stderr)
	return nil
}

func printLogins(w io.Writer) {
	fmt.Fprintln(w, "\n================ DEMO MODE: demo accounts (never use in production) ================")
	fmt.Fprintf(w, "  password for every account: %s\n", seed.DemoPassword)
	for _, l := range seed.DemoLogins() {
		fmt.Fprintf(w, "  %-12s %-32s %s (%s)\n", l.Role, l.Email, l.Name, l.Note)
	}
	fmt.Fprintln(w, "=====================================================================================")
}

func (e *cmdEnv) migrate(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return usageError{"migrate takes no arguments"}
	}
	_, st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintln(e.stdout, "migrations applied")
	return nil
}

func (e *cmdEnv) seed(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	demo := fs.Bool("demo", false, "seed the demo division into an empty database")
	scale := fs.Float64("scale", 0, "seed a synthetic history of scale N into an empty database (1 = about a year of the division)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *demo == (*scale != 0) {
		return usageError{"seed: say what to seed: --demo or --scale N"}
	}
	cfg, st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	st.Close()
	if *scale != 0 {
		return e.seedScale(ctx, cfg, *scale)
	}
	if err := seed.Demo(ctx, cfg.DatabaseURL, auth.DefaultHasher(), time.Now()); err != nil {
		return err
	}
	printLogins(e.stdout)
	return nil
}

// seedScale writes a synthetic history of scale n, with a progress bar on
// standard error, and prints what it wrote and how to sign in.
func (e *cmdEnv) seedScale(ctx context.Context, cfg config.Config, n float64) error {
	start := time.Now()
	sum, err := seed.Scale(ctx, cfg.DatabaseURL, seed.ScaleOptions{N: n, Now: start, Hasher: auth.DefaultHasher(), Progress: seed.Bar(e.stderr)})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "seeded scale %g in %s: %d users, %d placements, %d projects, %d tasks, %d progress logs, %d activity rows\n",
		n, time.Since(start).Round(time.Millisecond), sum.Users, sum.Placements, sum.Projects, sum.Tasks, sum.ProgressLogs, sum.Activities)
	fmt.Fprintf(e.stdout, "sign in as %s with the password %s (synthetic data: never use in production)\n", seed.ScaleAdminEmail, seed.ScalePassword)
	return nil
}

func (e *cmdEnv) userAdd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	email := fs.String("email", "", "e-mail address (the sign-in name)")
	name := fs.String("name", "", "full name")
	role := fs.String("role", "", "admin, leadership, supervisor or intern")
	branch := fs.String("branch", "", "branch code (CPP or MC); required for supervisors and interns")
	locale := fs.String("locale", "en", "interface language: en or fr")
	stdinPw := fs.Bool("password-stdin", false, "read the password from standard input")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if !*stdinPw {
		return usageError{"user add: pass --password-stdin and pipe the password in, so it stays out of the shell history"}
	}
	pw, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	pw = strings.TrimRight(pw, "\r\n")
	if err := auth.CheckPasswordPolicy(pw); err != nil {
		return err
	}
	_, st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in := store.NewUser{Email: *email, Name: *name, Role: tracker.Role(*role), Locale: *locale}
	if *branch != "" {
		id, err := branchID(ctx, st, *branch)
		if err != nil {
			return err
		}
		in.BranchID = &id
	}
	if in.PasswordHash, err = auth.DefaultHasher().Hash(pw); err != nil {
		return err
	}
	u, err := st.CreateUserUnchecked(ctx, in)
	if err != nil {
		var de *tracker.Error
		if errors.As(err, &de) && len(de.Fields) > 0 {
			var parts []string
			for f, m := range de.Fields {
				parts = append(parts, "--"+strings.ReplaceAll(f, "_id", "")+" "+m)
			}
			return fmt.Errorf("user add: %s", strings.Join(parts, "; "))
		}
		return err
	}
	fmt.Fprintf(e.stdout, "created user %d: %s <%s>, %s\n", u.ID, u.Name, u.Email, u.Role)
	return nil
}

func branchID(ctx context.Context, st *store.Store, code string) (int64, error) {
	bs, err := st.Branches(ctx)
	if err != nil {
		return 0, err
	}
	var codes []string
	for _, b := range bs {
		if strings.EqualFold(b.Code, code) {
			return b.ID, nil
		}
		codes = append(codes, b.Code)
	}
	return 0, fmt.Errorf("user add: no branch %q (branches: %s)", code, strings.Join(codes, ", "))
}

func (e *cmdEnv) backup(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return usageError{"backup: give the file to write, e.g. tracker backup backups/tracker-2026-11-27.db"}
	}
	_, st, err := e.openStoreMigrating(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	if err := st.Backup(ctx, args[0]); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backup written to %s and checked (integrity_check ok) in %s\n", args[0], time.Since(start).Round(time.Millisecond))
	return nil
}
