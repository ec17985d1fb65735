package main

import (
	"context"
	"maps"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/intern-tracker/tracker/pkg/config"
)

// No Docker engine runs on our machines, so these tests read the
// deployment files the way `docker compose` does (compose-go, its
// loader), and fail when they drift from the code: services, health
// checks, volumes, required secrets, the replica variant, and a tracker
// configuration that config.Validate accepts.

// composeSecrets are the two values docker-compose.yml requires.
var composeSecrets = map[string]string{
	"POSTGRES_PASSWORD":  "0123456789abcdef0123456789abcdef",
	"TRACKER_JWT_SECRET": "a-jwt-secret-of-at-least-32-bytes-for-the-compose-test",
}

// loadCompose loads the compose files (paths from the module root) with
// env as the whole environment: neither the process's nor a .env file.
func loadCompose(t *testing.T, env map[string]string, files ...string) (*types.Project, error) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	var paths, envList []string
	for _, f := range files {
		paths = append(paths, filepath.Join(root, f))
	}
	for k, v := range env {
		envList = append(envList, k+"="+v)
	}
	opts, err := cli.NewProjectOptions(paths, cli.WithWorkingDirectory(root), cli.WithEnv(envList),
		cli.WithInterpolation(true), cli.WithNormalization(true), cli.WithConsistency(true), cli.WithResolvedPaths(true))
	if err != nil {
		t.Fatal(err)
	}
	return opts.LoadProject(context.Background())
}

func mustLoadCompose(t *testing.T, env map[string]string, files ...string) *types.Project {
	t.Helper()
	p, err := loadCompose(t, env, files...)
	if err != nil {
		t.Fatalf("compose %v: %v", files, err)
	}
	return p
}

// TestComposeFile checks docker-compose.yml: PostgreSQL with a named
// volume and a health check; the tracker built from the Dockerfile,
// started once PostgreSQL is healthy, probed with `tracker healthcheck`,
// and configured so that config.Load and Validate accept it and its
// database URL names the postgres service, user, database and password.
func TestComposeFile(t *testing.T) {
	p := mustLoadCompose(t, composeSecrets, "docker-compose.yml")
	if got := slices.Sorted(maps.Keys(p.Services)); !slices.Equal(got, []string{"postgres", "tracker"}) {
		t.Fatalf("services %v, want postgres and tracker", got)
	}
	pg, tr := p.Services["postgres"], p.Services["tracker"]

	t.Run("Postgres", func(t *testing.T) {
		if !strings.HasPrefix(pg.Image, "postgres:") {
			t.Errorf("postgres image %q", pg.Image)
		}
		checkHealthcheck(t, pg, "pg_isready")
		if !slices.ContainsFunc(pg.Volumes, func(v types.ServiceVolumeConfig) bool {
			return v.Type == types.VolumeTypeVolume && v.Source == "pgdata" && v.Target == "/var/lib/postgresql/data"
		}) {
			t.Errorf("postgres does not keep /var/lib/postgresql/data on the named volume pgdata: %+v", pg.Volumes)
		}
		if _, ok := p.Volumes["pgdata"]; !ok {
			t.Error("the volume pgdata is not declared")
		}
		if len(pg.Ports) > 0 {
			t.Errorf("postgres publishes %+v on the host", pg.Ports)
		}
		if pg.Restart != types.RestartPolicyUnlessStopped {
			t.Errorf("postgres restart %q", pg.Restart)
		}
	})

	t.Run("Tracker", func(t *testing.T) {
		root, _ := filepath.Abs("..")
		if tr.Build == nil || tr.Build.Context != root || tr.Build.Dockerfile != "Dockerfile" {
			t.Errorf("tracker build %+v, want the Dockerfile at the module root", tr.Build)
		}
		if dep, ok := tr.DependsOn["postgres"]; !ok || dep.Condition != types.ServiceConditionHealthy {
			t.Errorf("tracker depends_on %+v, want postgres: service_healthy", tr.DependsOn)
		}
		checkHealthcheck(t, tr, "healthcheck")
		if got, want := []string(tr.HealthCheck.Test), dockerfileHealthcheck(t); !slices.Equal(got, want) {
			t.Errorf("compose health check %q, the Dockerfile's %q", got, want)
		}
		if tr.StopGracePeriod == nil || time.Duration(*tr.StopGracePeriod) < 25*time.Second {
			t.Errorf("stop_grace_period %v: the tracker drains for up to 20 s, give it at least 25 s", tr.StopGracePeriod)
		}
		if !tr.ReadOnly || !slices.Contains(tr.CapDrop, "ALL") {
			t.Errorf("tracker read_only %v, cap_drop %v: want a read-only root and no capabilities", tr.ReadOnly, tr.CapDrop)
		}
		cfg := trackerConfig(t, tr)
		if cfg.Addr != "0.0.0.0:8080" || len(tr.Ports) != 1 || tr.Ports[0].Target != 8080 {
			t.Errorf("tracker listens on %s, ports %+v", cfg.Addr, tr.Ports)
		} else if pp := tr.Ports[0]; pp.HostIP != "127.0.0.1" || pp.Published != "8080" {
			t.Errorf("tracker published on %s:%s by default, want 127.0.0.1:8080", pp.HostIP, pp.Published)
		}
		if string(cfg.JWTSecret) != composeSecrets["TRACKER_JWT_SECRET"] {
			t.Errorf("TRACKER_JWT_SECRET is %q", cfg.JWTSecret)
		}
		u, err := url.Parse(cfg.DatabaseURL)
		if err != nil {
			t.Fatal(err)
		}
		pass, _ := u.User.Password()
		if u.Scheme != "postgres" || u.Hostname() != "postgres" || u.Port() != "5432" ||
			u.User.Username() != env(pg, "POSTGRES_USER") || pass != env(pg, "POSTGRES_PASSWORD") ||
			strings.TrimPrefix(u.Path, "/") != env(pg, "POSTGRES_DB") {
			t.Errorf("TRACKER_DATABASE_URL %q does not match the postgres service", cfg.DatabaseURL)
		}
	})

	t.Run("EveryVariable", func(t *testing.T) {
		// Every setting can be given through compose, except demo mode.
		for _, name := range configVariables(t) {
			if _, ok := tr.Environment[name]; !ok && name != "TRACKER_DEMO" {
				t.Errorf("docker-compose.yml does not pass %s to the tracker", name)
			}
		}
		if _, ok := tr.Environment["TRACKER_DEMO"]; ok {
			t.Error("docker-compose.yml passes TRACKER_DEMO: demo accounts have a published password")
		}
		for name := range tr.Environment {
			if !slices.Contains(configVariables(t), name) {
				t.Errorf("docker-compose.yml passes %s, which pkg/config does not read", name)
			}
		}
	})
}

// TestComposeRequiredSecrets: without POSTGRES_PASSWORD or
// TRACKER_JWT_SECRET, set or empty, compose refuses to start and names
// the missing variable.
func TestComposeRequiredSecrets(t *testing.T) {
	for name := range composeSecrets {
		for _, value := range []string{"unset", ""} {
			env := maps.Clone(composeSecrets)
			if value == "unset" {
				delete(env, name)
			} else {
				env[name] = value
			}
			for _, files := range [][]string{{"docker-compose.yml"}, {"docker-compose.yml", replicasFile}} {
				_, err := loadCompose(t, env, files...)
				if err == nil || !strings.Contains(err.Error(), name) {
					t.Errorf("%v with %s %s: %v, want an error naming it", files, name, value, err)
				}
			}
		}
	}
}

// replicasFile is the override that runs several replicas behind a proxy.
const replicasFile = "deploy/compose.replicas.yml"

// TestComposeReplicas checks the scale-out variant: the tracker runs as
// TRACKER_REPLICAS replicas (2 by default) with no host port, believes
// X-Forwarded-For from the project network only, and Caddy, started once
// the replicas are healthy, is the one published service, with the
// Caddyfile that proxies to the tracker service and hides /metrics.
func TestComposeReplicas(t *testing.T) {
	p := mustLoadCompose(t, composeSecrets, "docker-compose.yml", replicasFile)
	if got := slices.Sorted(maps.Keys(p.Services)); !slices.Equal(got, []string{"postgres", "proxy", "tracker"}) {
		t.Fatalf("services %v, want postgres, proxy and tracker", got)
	}
	tr, proxy := p.Services["tracker"], p.Services["proxy"]
	if tr.GetScale() != 2 || tr.ContainerName != "" {
		t.Errorf("tracker: %d replicas, container_name %q; want 2 and none", tr.GetScale(), tr.ContainerName)
	}
	if len(tr.Ports) > 0 {
		t.Errorf("tracker replicas publish %+v: only the proxy should", tr.Ports)
	}
	cfg := trackerConfig(t, tr)
	subnet := netip.MustParsePrefix(p.Networks["default"].Ipam.Config[0].Subnet)
	if len(cfg.TrustedProxies) != 1 || cfg.TrustedProxies[0] != subnet {
		t.Errorf("TRACKER_TRUSTED_PROXIES %v, want the project network %v", cfg.TrustedProxies, subnet)
	}
	if dep, ok := proxy.DependsOn["tracker"]; !ok || dep.Condition != types.ServiceConditionHealthy {
		t.Errorf("proxy depends_on %+v, want tracker: service_healthy", proxy.DependsOn)
	}
	if len(proxy.Ports) != 1 || proxy.Ports[0].Target != 80 || proxy.Ports[0].HostIP != "127.0.0.1" || proxy.Ports[0].Published != "8080" {
		t.Errorf("proxy ports %+v, want 127.0.0.1:8080 -> 80", proxy.Ports)
	}
	root, _ := filepath.Abs("..")
	caddyfile := filepath.Join(root, "deploy", "Caddyfile")
	if !slices.ContainsFunc(proxy.Volumes, func(v types.ServiceVolumeConfig) bool {
		return v.Type == types.VolumeTypeBind && v.Source == caddyfile && v.Target == "/etc/caddy/Caddyfile" && v.ReadOnly
	}) {
		t.Errorf("proxy volumes %+v, want %s read-only at /etc/caddy/Caddyfile", proxy.Volumes, caddyfile)
	}
	raw, err := os.ReadFile(caddyfile)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"dynamic a tracker 8080", "@metrics path /metrics", "respond @metrics 404"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("deploy/Caddyfile lacks %q", want)
		}
	}

	env := maps.Clone(composeSecrets)
	env["TRACKER_REPLICAS"] = "3"
	tr3 := mustLoadCompose(t, env, "docker-compose.yml", replicasFile).Services["tracker"]
	if n := tr3.GetScale(); n != 3 {
		t.Errorf("TRACKER_REPLICAS=3 gave %d replicas", n)
	}
}

// TestEnvExample: .env.example, copied to .env as it is, makes compose
// refuse to start naming both secrets; once they are filled in, both
// variants load. It sets exactly the variables the compose files read.
func TestEnvExample(t *testing.T) {
	env, err := dotenv.Read("../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	for _, files := range [][]string{{"docker-compose.yml"}, {"docker-compose.yml", replicasFile}} {
		_, err := loadCompose(t, env, files...)
		for name := range composeSecrets {
			if err == nil || !strings.Contains(err.Error(), name) {
				t.Errorf("%v with .env.example as it is: %v, want an error naming %s", files, err, name)
			}
		}
		filled := maps.Clone(env)
		maps.Copy(filled, composeSecrets)
		if p, err := loadCompose(t, filled, files...); err != nil {
			t.Errorf("%v with .env.example filled in: %v", files, err)
		} else {
			trackerConfig(t, p.Services["tracker"])
		}
	}
	read := map[string]bool{}
	for _, f := range []string{"../docker-compose.yml", "../" + replicasFile} {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`\$\{([A-Z_]+)`).FindAllStringSubmatch(string(raw), -1) {
			read[m[1]] = true
		}
	}
	if got, want := slices.Sorted(maps.Keys(env)), slices.Sorted(maps.Keys(read)); !slices.Equal(got, want) {
		t.Errorf(".env.example sets %v;\nthe compose files read %v", got, want)
	}
}

// checkHealthcheck fails unless s has a health check in exec form whose
// command mentions word, with an interval, a timeout and retries.
func checkHealthcheck(t *testing.T, s types.ServiceConfig, word string) {
	t.Helper()
	h := s.HealthCheck
	if h == nil || h.Disable || len(h.Test) < 2 || h.Test[0] != "CMD" || !slices.Contains(h.Test, word) {
		t.Errorf("%s health check %+v, want [CMD ... %s ...]", s.Name, h, word)
		return
	}
	if h.Interval == nil || h.Timeout == nil || h.Retries == nil {
		t.Errorf("%s health check without interval, timeout or retries", s.Name)
	}
}

// env is the value of a service's environment variable.
func env(s types.ServiceConfig, name string) string {
	if v := s.Environment[name]; v != nil {
		return *v
	}
	return ""
}

// trackerConfig loads and validates the configuration the tracker service
// gets from its environment.
func trackerConfig(t *testing.T, s types.ServiceConfig) config.Config {
	t.Helper()
	cfg, err := config.Load(func(k string) string { return env(s, k) })
	if err == nil {
		err = cfg.Validate()
	}
	if err != nil {
		t.Fatalf("the tracker service's environment is not a valid configuration: %v", err)
	}
	return cfg
}

// configVariables lists the TRACKER_* variables pkg/config reads, from its
// source.
func configVariables(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("../pkg/config/config.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`getenv(?:\(|, )"(TRACKER_[A-Z_]+)"`).FindAllStringSubmatch(string(raw), -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	if len(out) < 10 {
		t.Fatalf("found only %v in pkg/config/config.go", out)
	}
	return out
}

// TestDocsNameEveryVariable: docs/operations.md (its Configuration table)
// and README.md name every variable pkg/config reads, and the operations
// guide documents `tracker healthcheck`.
func TestDocsNameEveryVariable(t *testing.T) {
	for _, doc := range []string{"../docs/operations.md", "../README.md"} {
		raw, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range configVariables(t) {
			if !strings.Contains(string(raw), "`"+name+"`") {
				t.Errorf("%s does not name `%s`", doc, name)
			}
		}
		if doc == "../docs/operations.md" && !strings.Contains(string(raw), "tracker healthcheck") {
			t.Errorf("%s does not document tracker healthcheck", doc)
		}
	}
}
