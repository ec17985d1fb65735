package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Helpers for the tests that build the real tracker binary and run it as
// a separate process: built once per test run, into a temporary folder.

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// trackerBinary builds the tracker once (with -race when the tests run
// with it, which reuses their compiled packages) and returns its path.
func trackerBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "tracker-bin-"); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "tracker")
		args := []string{"build", "-o", binPath}
		if raceEnabled() {
			args = append(args, "-race")
		}
		cmd := exec.Command(goTool(), append(args, "./api")...)
		cmd.Dir = ".." // the module root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func raceEnabled() bool {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" {
				return s.Value == "true"
			}
		}
	}
	return false
}

func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}

// procEnv is the environment of a tracker process: the test's own without
// any TRACKER_* variable, plus vars. A race-enabled binary is told not to
// sleep a second on exit.
func procEnv(vars map[string]string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TRACKER_") && !strings.HasPrefix(kv, "GORACE=") {
			env = append(env, kv)
		}
	}
	env = append(env, "GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	return env
}

// runCLI runs the tracker binary once with args and stdin, and returns
// its standard output and error.
func runCLI(t *testing.T, vars map[string]string, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	// Generous: under the race detector on a loaded machine, one argon2id
	// hash (64 MiB) alone has taken most of a minute.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, trackerBinary(t), args...)
	cmd.Env = procEnv(vars)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	return out.String(), errb.String(), err
}

// addUserCLI creates an account with `tracker user add`.
func addUserCLI(t *testing.T, vars map[string]string, email, role, branch string) {
	t.Helper()
	args := []string{"user", "add", "--email", email, "--name", email, "--role", role, "--password-stdin"}
	if branch != "" {
		args = append(args, "--branch", branch)
	}
	if _, stderr, err := runCLI(t, vars, binPassword+"\n", args...); err != nil {
		t.Fatalf("tracker user add %s: %v\n%s", email, err, stderr)
	}
}

// binPassword is the password of the accounts the binary tests create.
const binPassword = "a long passphrase for tests"

// proc is a running `tracker serve`.
type proc struct {
	t    *testing.T
	cmd  *exec.Cmd
	base string
	logs *syncBuffer
	done chan struct{}
	err  error // the exit status, once done is closed
}

// startServe starts `tracker serve` with vars (which must set
// TRACKER_ADDR) and waits until /readyz answers 200. The process is
// killed when the test ends, if it still runs.
func startServe(t *testing.T, vars map[string]string) *proc {
	t.Helper()
	p := launch(t, vars, "serve")
	p.waitReady()
	return p
}

// launch starts the tracker binary with vars and args and returns at once;
// for `serve`, vars must set TRACKER_ADDR. The process is killed when the
// test ends, if it still runs.
func launch(t *testing.T, vars map[string]string, args ...string) *proc {
	t.Helper()
	p := &proc{t: t, base: "http://" + vars["TRACKER_ADDR"], logs: &syncBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(trackerBinary(t), args...)
	p.cmd.Env = procEnv(vars)
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() { p.kill() })
	return p
}

// wait waits up to d for a process that ends by itself (a command other
// than serve) and returns its exit status.
func (p *proc) wait(d time.Duration) error {
	p.t.Helper()
	select {
	case <-p.done:
		return p.err
	case <-time.After(d):
		p.kill()
		return fmt.Errorf("still running after %s; killed", d)
	}
}

// waitReady polls /readyz until it answers 200.
func (p *proc) waitReady() {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	hc := &http.Client{Timeout: time.Second}
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			p.t.Fatalf("tracker serve exited before it was ready: %v\n%s", p.err, p.output())
		default:
		}
		if res, err := hc.Get(p.base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	p.t.Fatalf("tracker serve was not ready within 20s\n%s", p.output())
}

// kill ends the process with SIGKILL and waits for it.
func (p *proc) kill() {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// stop ends the process with SIGTERM and fails the test unless it exits
// cleanly within 20 seconds.
func (p *proc) stop() {
	p.t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		if p.err != nil {
			p.t.Errorf("tracker serve exited with %v after SIGTERM\n%s", p.err, p.output())
		}
	case <-time.After(20 * time.Second):
		p.kill()
		p.t.Errorf("tracker serve did not stop within 20s of SIGTERM")
	}
}

// checkLogs fails the test when the process reported a data race or a
// panic.
func (p *proc) checkLogs() {
	p.t.Helper()
	out := p.output()
	for _, bad := range []string{"WARNING: DATA RACE", "panic:"} {
		if strings.Contains(out, bad) {
			p.t.Errorf("tracker serve printed %q:\n%s", bad, out)
		}
	}
}

// apiClient calls a running tracker's API as one user.
type apiClient struct {
	base  string
	token string
	hc    *http.Client
}

func newAPIClient(base string) *apiClient {
	return &apiClient{base: base, hc: &http.Client{Timeout: 10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 16}}}
}

// login signs in as email and keeps the access token.
func (c *apiClient) login(t *testing.T, email string) *apiClient {
	t.Helper()
	var tr struct {
		AccessToken string `json:"access_token"`
	}
	code, _, body, err := c.call(context.Background(), http.MethodPost, "/api/v1/auth/login",
		map[string]string{"email": email, "password": binPassword}, "")
	if err != nil || code != http.StatusOK || json.Unmarshal(body, &tr) != nil {
		t.Fatalf("login %s: %d %v %s", email, code, err, body)
	}
	c.token = tr.AccessToken
	return c
}

// call sends one request; a transport error (the server is gone) comes
// back as err.
func (c *apiClient) call(ctx context.Context, method, path string, body any, ifMatch string) (int, http.Header, []byte, error) {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return 0, nil, nil, err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return 0, nil, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	res, err := c.hc.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, nil, nil, err
	}
	return res.StatusCode, res.Header, raw, nil
}

// must sends a request that has to answer want, and decodes the answer
// into out (when not nil).
func (c *apiClient) must(t *testing.T, method, path string, body any, want int, out any) http.Header {
	t.Helper()
	code, h, raw, err := c.call(context.Background(), method, path, body, "")
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	if code != want {
		t.Fatalf("%s %s: %d, want %d: %s", method, path, code, want, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s %s: decode: %v", method, path, err)
		}
	}
	return h
}

// output is what the process printed so far.
func (p *proc) output() string {
	p.logs.mu.Lock()
	defer p.logs.mu.Unlock()
	return p.logs.b.String()
}

// binFixture is a tracker process on a fresh database with an admin, a
// supervisor and an intern of CPP (made with `tracker user add`), a
// placement, a project and a few tasks (made through the API).
type binFixture struct {
	vars    map[string]string
	dbPath  string // the SQLite file, if the database is one
	proc    *proc
	sup     *apiClient // the supervisor of CPP
	project int64
	tasks   []int64
}

// newBinFixture is a binFixture on a fresh SQLite file.
func newBinFixture(t *testing.T) *binFixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tracker.db")
	f := newBinFixtureOn(t, "sqlite:"+path)
	f.dbPath = path
	return f
}

// newBinFixtureOn is newBinFixture on the database dbURL, which must be
// empty.
func newBinFixtureOn(t *testing.T, dbURL string) *binFixture {
	t.Helper()
	f := &binFixture{}
	f.vars = map[string]string{
		"TRACKER_DATABASE_URL": dbURL,
		"TRACKER_JWT_SECRET":   "0123456789abcdef0123456789abcdef-binary-tests",
		"TRACKER_ADDR":         freeAddr(t),
		"TRACKER_LOG_LEVEL":    "warn",
	}
	addUserCLI(t, f.vars, "admin@example.org", "admin", "")
	addUserCLI(t, f.vars, "sup@example.org", "supervisor", "CPP")
	addUserCLI(t, f.vars, "intern@example.org", "intern", "CPP")
	f.proc = startServe(t, f.vars)
	admin := newAPIClient(f.proc.base).login(t, "admin@example.org")
	f.sup = newAPIClient(f.proc.base).login(t, "sup@example.org")
	var me, intern struct {
		ID int64 `json:"id"`
	}
	f.sup.must(t, "GET", "/api/v1/me", nil, 200, &me)
	newAPIClient(f.proc.base).login(t, "intern@example.org").must(t, "GET", "/api/v1/me", nil, 200, &intern)
	today := time.Now().Format(time.DateOnly)
	admin.must(t, "POST", "/api/v1/placements", map[string]any{"intern_id": intern.ID, "supervisor_id": me.ID, "start_date": today}, 201, nil)
	var p struct {
		ID int64 `json:"id"`
	}
	f.sup.must(t, "POST", "/api/v1/projects", map[string]any{"stream_id": 1, "branch_id": 1, "title": "Crash-tested project"}, 201, &p)
	f.project = p.ID
	for i := range 3 {
		var task struct {
			ID int64 `json:"id"`
		}
		f.sup.must(t, "POST", "/api/v1/tasks", map[string]any{"project_id": p.ID, "title": fmt.Sprintf("Seed task %d", i), "assignee_id": intern.ID}, 201, &task)
		f.tasks = append(f.tasks, task.ID)
	}
	return f
}
