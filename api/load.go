package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/intern-tracker/tracker/pkg/seed"
)

// Bounds of one load run, so that a typo cannot hammer a server for hours.
const (
	loadMaxDuration    = 10 * time.Minute
	loadMaxConcurrency = 256
	loadMaxRequests    = 5_000_000
)

// loadScenarios are the requests a load run repeats, by name.
var loadScenarios = map[string]string{
	"board":    "GET /api/v1/board",
	"tasks":    "GET /api/v1/tasks?per_page=50",
	"progress": "POST /api/v1/tasks/{id}/progress",
	"patch":    "PATCH /api/v1/tasks/{id} (If-Match)",
}

// loadRun is one run of the load generator.
type loadRun struct {
	base     string
	client   *http.Client
	token    string
	scenario string
	targets  []loadTarget // tasks to write to; each worker owns its share
}

// loadTarget is a task the progress and patch scenarios write to.
type loadTarget struct {
	ID      int64 `json:"id"`
	Version int64 `json:"version"`
}

// load signs in to a running server and drives one scenario with
// concurrent workers for a bounded time, then prints the request rate, the
// errors and the latency percentiles, and the server's peak memory when
// its pid is given.
func (e *cmdEnv) load(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	base := fs.String("url", "http://127.0.0.1:8080", "the server's base URL")
	email := fs.String("email", seed.ScaleAdminEmail, "sign in as")
	password := fs.String("password", seed.ScalePassword, "password (the default is the one of tracker seed --scale)")
	scenario := fs.String("scenario", "tasks", "board, tasks, progress or patch")
	duration := fs.Duration("duration", 10*time.Second, "how long to run (at most 10m)")
	concurrency := fs.Int("concurrency", 16, "concurrent workers, each with its own connection (at most 256)")
	maxRequests := fs.Int("requests", 0, "stop after this many requests (0: only the duration bounds the run)")
	pid := fs.Int("pid", 0, "the server's process id: sample its resident memory (Linux /proc) during the run")
	remote := fs.Bool("allow-remote", false, "allow a server that is not on this machine")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if _, ok := loadScenarios[*scenario]; !ok {
		return usageError{fmt.Sprintf("load: unknown scenario %q (board, tasks, progress, patch)", *scenario)}
	}
	if *duration <= 0 || *duration > loadMaxDuration || *concurrency < 1 || *concurrency > loadMaxConcurrency ||
		*maxRequests < 0 || *maxRequests > loadMaxRequests {
		return usageError{fmt.Sprintf("load: --duration must be in (0, %s], --concurrency in [1, %d], --requests in [0, %d]",
			loadMaxDuration, loadMaxConcurrency, loadMaxRequests)}
	}
	if err := checkLoopback(*base, *remote); err != nil {
		return err
	}
	limit := int64(*maxRequests)
	if limit == 0 {
		limit = loadMaxRequests
	}
	r := &loadRun{base: strings.TrimRight(*base, "/"), scenario: *scenario, client: &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 2 * *concurrency, MaxIdleConnsPerHost: 2 * *concurrency, DisableCompression: true},
	}}
	ttl, err := r.signIn(ctx, *email, *password)
	if err != nil {
		return err
	}
	if ttl < *duration+5*time.Second {
		return fmt.Errorf("load: the access token lasts %s; run for less, or raise TRACKER_ACCESS_TTL", ttl)
	}
	if err := r.pickTargets(ctx, *concurrency); err != nil {
		return err
	}
	rss := sampleRSS(*pid)
	srv0, own0 := procCPU(*pid), ownCPU()
	res := r.drive(ctx, *concurrency, *duration, limit)
	srv1, own1 := procCPU(*pid), ownCPU()
	peak := rss()
	fmt.Fprintf(e.stdout, "scenario %s: %s, concurrency %d, %s\n", *scenario, loadScenarios[*scenario], *concurrency, res.elapsed.Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "  requests %d, errors %d, %.0f req/s\n", len(res.lat), res.errors, float64(len(res.lat))/res.elapsed.Seconds())
	fmt.Fprintf(e.stdout, "  latency p50 %s, p95 %s, p99 %s, max %s\n", pct(res.lat, 50), pct(res.lat, 95), pct(res.lat, 99), pct(res.lat, 100))
	if n := time.Duration(max(1, len(res.lat))); peak > 0 {
		fmt.Fprintf(e.stdout, "  server RSS peak %.1f MB (pid %d); CPU per request: server %s, load generator %s\n",
			float64(peak)/(1<<20), *pid, ((srv1 - srv0) / n).Round(time.Microsecond), ((own1 - own0) / n).Round(time.Microsecond))
	}
	for _, m := range res.samples {
		fmt.Fprintf(e.stdout, "  error: %s\n", m)
	}
	if res.errors > 0 {
		return fmt.Errorf("load: %d of %d requests failed", res.errors, len(res.lat))
	}
	return nil
}

// checkLoopback refuses a server on another machine unless allowed: the
// generator is for measuring one's own server.
func checkLoopback(raw string, allowRemote bool) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usageError{fmt.Sprintf("load: --url must be an http(s) URL, not %q", raw)}
	}
	if allowRemote {
		return nil
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return nil
	}
	return usageError{fmt.Sprintf("load: %s is not this machine; pass --allow-remote to load it anyway", host)}
}

// do sends one request of the set-up (signing in, finding tasks) and
// reads the whole answer, failing on any status from 400 up. The measured
// requests go through loadConn.
func (r *loadRun) do(ctx context.Context, method, path string, body any) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, r.base+path, rd)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode >= 400 {
		err = fmt.Errorf("%s %s: %s: %.200s", method, path, resp.Status, b)
	}
	return b, err
}

// signIn gets an access token and returns how long it lasts.
func (r *loadRun) signIn(ctx context.Context, email, password string) (time.Duration, error) {
	b, err := r.do(ctx, http.MethodPost, "/api/v1/auth/login", map[string]string{"email": email, "password": password})
	if err != nil {
		return 0, fmt.Errorf("load: sign in: %w", err)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}
	if err := json.Unmarshal(b, &tok); err != nil || tok.AccessToken == "" {
		return 0, fmt.Errorf("load: sign in: no access token in the answer")
	}
	r.token = tok.AccessToken
	return time.Duration(tok.ExpiresIn) * time.Second, nil
}

// pickTargets finds open tasks for the write scenarios: progress cannot be
// logged on a done task, and each patch worker needs tasks of its own so
// that no two workers race for one task's version.
func (r *loadRun) pickTargets(ctx context.Context, workers int) error {
	if r.scenario != "progress" && r.scenario != "patch" {
		return nil
	}
	for page := 1; len(r.targets) < 4*workers && page <= 50; page++ {
		b, err := r.do(ctx, http.MethodGet, "/api/v1/tasks?status=todo,in_progress,blocked,in_review&per_page=100&page="+strconv.Itoa(page), nil)
		if err != nil {
			return fmt.Errorf("load: find open tasks: %w", err)
		}
		var list struct {
			Items []loadTarget `json:"items"`
		}
		if err := json.Unmarshal(b, &list); err != nil {
			return fmt.Errorf("load: find open tasks: %w", err)
		}
		if len(list.Items) == 0 {
			break
		}
		r.targets = append(r.targets, list.Items...)
	}
	if len(r.targets) < workers {
		return fmt.Errorf("load: found %d open tasks, need at least %d (one per worker); seed with tracker seed --scale", len(r.targets), workers)
	}
	return nil
}

// loadResult is what a run measured.
type loadResult struct {
	lat     []time.Duration
	errors  int
	samples []string
	elapsed time.Duration
}

// drive runs the workers until the time or the request budget is spent.
func (r *loadRun) drive(ctx context.Context, workers int, d time.Duration, limit int64) loadResult {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var sent atomic.Int64
	var mu sync.Mutex
	var res loadResult
	var wg sync.WaitGroup
	start := time.Now()
	for w := range workers {
		wg.Go(func() {
			var mine []loadTarget
			for i := w; i < len(r.targets); i += workers {
				mine = append(mine, r.targets[i])
			}
			var lat []time.Duration
			var errs []string
			lc, err := newLoadConn(r.base, r.token)
			if err != nil {
				errs = append(errs, err.Error())
			}
			for i := 0; err == nil && ctx.Err() == nil && sent.Add(1) <= limit; i++ {
				t0 := time.Now()
				err := r.once(lc, mine, i)
				if ctx.Err() != nil && err != nil {
					break // cut short by the end of the run: not the server's fault
				}
				lat = append(lat, time.Since(t0))
				if err != nil {
					errs = append(errs, err.Error())
				}
			}
			if lc != nil {
				lc.close()
			}
			mu.Lock()
			res.lat = append(res.lat, lat...)
			res.errors += len(errs)
			for _, m := range errs {
				if len(res.samples) < 5 {
					res.samples = append(res.samples, m)
				}
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	slices.Sort(res.lat)
	return res
}

var loadPriorities = []string{"low", "medium", "high", "urgent"}

// once sends the scenario's request number i of a worker owning tasks.
func (r *loadRun) once(lc *loadConn, tasks []loadTarget, i int) error {
	switch r.scenario {
	case "board":
		_, err := lc.roundTrip(http.MethodGet, "/api/v1/board", nil, nil)
		return err
	case "tasks":
		_, err := lc.roundTrip(http.MethodGet, "/api/v1/tasks?per_page=50", nil, nil)
		return err
	case "progress":
		t := tasks[i%len(tasks)]
		body, _ := json.Marshal(map[string]any{"progress": 10 + i%80, "note": "load test", "hours": 0.5})
		_, err := lc.roundTrip(http.MethodPost, fmt.Sprintf("/api/v1/tasks/%d/progress", t.ID), body, nil)
		return err
	}
	t := &tasks[i%len(tasks)]
	body, _ := json.Marshal(map[string]string{"priority": loadPriorities[i%len(loadPriorities)]})
	resp, err := lc.roundTrip(http.MethodPatch, fmt.Sprintf("/api/v1/tasks/%d", t.ID), body,
		map[string]string{"If-Match": strconv.Quote(strconv.FormatInt(t.Version, 10))})
	if err != nil {
		return err
	}
	v, err := strconv.ParseInt(strings.Trim(resp.Header.Get("ETag"), `W/"`), 10, 64)
	if err != nil {
		return errors.New("patch: no version in the ETag")
	}
	t.Version = v
	return nil
}

// pct returns the p-th percentile of sorted latencies.
func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := min(len(sorted)-1, (len(sorted)*p+99)/100-1)
	return sorted[max(0, i)].Round(10 * time.Microsecond)
}

// procCPU returns the CPU time process pid has used (Linux /proc), or 0.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if pid <= 0 || err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses: utime
	// and stime are the 12th and 13th, in clock ticks of 1/100 s.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+s) * 10 * time.Millisecond
}

// ownCPU returns the CPU time this process has used.
func ownCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// sampleRSS samples the resident memory of process pid every 50 ms until
// the returned function is called, which returns the peak in bytes (0 when
// pid is 0 or unreadable).
func sampleRSS(pid int) func() int64 {
	if pid <= 0 {
		return func() int64 { return 0 }
	}
	var peak atomic.Int64
	read := func() {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			return
		}
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				if kb*1024 > peak.Load() {
					peak.Store(kb * 1024)
				}
			}
		}
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			read()
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		return peak.Load()
	}
}
