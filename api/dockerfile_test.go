package main

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	cmd  string // upper case: FROM, RUN, COPY, ...
	args string
}

// stage is one FROM and the instructions under it.
type stage struct {
	from, name string
	body       []instruction
}

func (s stage) all(cmd string) []string {
	var out []string
	for _, in := range s.body {
		if in.cmd == cmd {
			out = append(out, in.args)
		}
	}
	return out
}

// parseDockerfile reads the module root's Dockerfile: the ARGs before the
// first FROM, and the stages.
func parseDockerfile(t *testing.T) (args map[string]string, stages []stage) {
	t.Helper()
	f, err := os.Open("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	args = map[string]string{}
	var line string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(text, "#") || (text == "" && line == "") {
			continue
		}
		if cont, ok := strings.CutSuffix(text, "\\"); ok {
			line += cont + " "
			continue
		}
		line += text
		cmd, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
		line = ""
		in := instruction{cmd: strings.ToUpper(cmd), args: strings.Join(strings.Fields(rest), " ")}
		switch {
		case in.cmd == "FROM":
			from, name, _ := strings.Cut(in.args, " AS ")
			stages = append(stages, stage{from: from, name: name})
		case len(stages) == 0 && in.cmd == "ARG":
			k, v, _ := strings.Cut(in.args, "=")
			args[k] = v
		case len(stages) > 0:
			stages[len(stages)-1].body = append(stages[len(stages)-1].body, in)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return args, stages
}

// dockerfileHealthcheck is the exec form of the Dockerfile's HEALTHCHECK
// command.
func dockerfileHealthcheck(t *testing.T) []string {
	t.Helper()
	_, stages := parseDockerfile(t)
	hc := stages[len(stages)-1].all("HEALTHCHECK")
	if len(hc) != 1 {
		t.Fatalf("the runtime stage has %d HEALTHCHECKs", len(hc))
	}
	_, cmd, ok := strings.Cut(hc[0], "CMD ")
	m := regexp.MustCompile(`"([^"]*)"`).FindAllStringSubmatch(cmd, -1)
	if !ok || !strings.HasPrefix(cmd, "[") || len(m) == 0 {
		t.Fatalf("HEALTHCHECK %q: want CMD in exec form", hc[0])
	}
	out := []string{"CMD"}
	for _, s := range m {
		out = append(out, s[1])
	}
	return out
}

// TestDockerfile checks the image's shape: a Node stage that builds the
// web app with the Node major of ARG NODE_VERSION (20, within the engines
// of frontend/package.json), a Go stage with go.mod's Go version that
// builds ./api with cgo and embeds the web app, and a runtime stage that
// copies the binary in, runs no shell command (it has none), runs as a
// non-root user, listens on 0.0.0.0:8080 and has a HEALTHCHECK that is
// `tracker healthcheck`.
func TestDockerfile(t *testing.T) {
	args, stages := parseDockerfile(t)
	if len(stages) != 3 {
		t.Fatalf("%d stages, want 3 (web, build, runtime)", len(stages))
	}
	web, build, runtime := stages[0], stages[1], stages[2]

	goMod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(goMod)
	if goLine == nil || args["GO_VERSION"] != string(goLine[1]) {
		t.Errorf("ARG GO_VERSION=%s, go.mod says go %s", args["GO_VERSION"], goLine[1])
	}
	if args["NODE_VERSION"] != "20" {
		t.Errorf("ARG NODE_VERSION=%s, want 20 (frontend/package.json: node >=20.19)", args["NODE_VERSION"])
	}

	if web.name != "web" || !strings.HasPrefix(web.from, "node:${NODE_VERSION}") {
		t.Errorf("first stage FROM %s AS %s, want node:${NODE_VERSION}... AS web", web.from, web.name)
	}
	runs := strings.Join(web.all("RUN"), "\n")
	for _, want := range []string{"npm ci", "npm run build"} {
		if !strings.Contains(runs, want) {
			t.Errorf("the web stage does not run %q", want)
		}
	}

	if build.name != "build" || !strings.HasPrefix(build.from, "golang:${GO_VERSION}") {
		t.Errorf("second stage FROM %s AS %s, want golang:${GO_VERSION}... AS build", build.from, build.name)
	}
	runs = strings.Join(build.all("RUN"), "\n")
	if !regexp.MustCompile(`CGO_ENABLED=1 go build .*-o /out/tracker \./api`).MatchString(runs) {
		t.Errorf("the build stage does not build ./api with cgo into /out/tracker:\n%s", runs)
	}
	if !slices.ContainsFunc(build.all("COPY"), func(c string) bool {
		return strings.HasPrefix(c, "--from=web /src/frontend/dist/app/ ./frontend/dist/app/")
	}) {
		t.Error("the build stage does not copy the web app from the web stage into frontend/dist/app")
	}

	if runtime.name != "" || len(runtime.all("RUN")) > 0 {
		t.Errorf("runtime stage FROM %s AS %q runs %v: it has no shell", runtime.from, runtime.name, runtime.all("RUN"))
	}
	if !slices.ContainsFunc(runtime.all("COPY"), func(c string) bool {
		return c == "--from=build /out/tracker /usr/local/bin/tracker"
	}) {
		t.Error("the runtime stage does not copy the binary to /usr/local/bin/tracker")
	}
	users := runtime.all("USER")
	if len(users) != 1 || nonRoot(users[0]) == false {
		t.Errorf("runtime USER %v, want one non-root numeric user", users)
	}
	if env := strings.Join(runtime.all("ENV"), " "); !strings.Contains(env, "TRACKER_ADDR=0.0.0.0:8080") {
		t.Errorf("runtime ENV %q does not listen on 0.0.0.0:8080", env)
	}
	if !slices.Equal(runtime.all("EXPOSE"), []string{"8080"}) {
		t.Errorf("runtime EXPOSE %v", runtime.all("EXPOSE"))
	}
	if hc := dockerfileHealthcheck(t); !slices.Equal(hc, []string{"CMD", "/usr/local/bin/tracker", "healthcheck"}) {
		t.Errorf("HEALTHCHECK %v", hc)
	}
	if ep := runtime.all("ENTRYPOINT"); len(ep) != 1 || ep[0] != `["/usr/local/bin/tracker"]` {
		t.Errorf("ENTRYPOINT %v", ep)
	}

	// Every file the stages copy from the build context is there and not
	// ignored.
	ignore := dockerignore(t)
	for _, s := range stages {
		for _, c := range s.all("COPY") {
			if strings.HasPrefix(c, "--from=") {
				continue
			}
			fields := strings.Fields(c)
			for _, src := range fields[:len(fields)-1] {
				if src == "." {
					continue
				}
				if _, err := os.Stat(filepath.Join("..", src)); err != nil {
					t.Errorf("COPY %s: %v", src, err)
				}
				if ignore.excludes(strings.TrimSuffix(src, "/")) {
					t.Errorf("COPY %s: excluded by .dockerignore", src)
				}
			}
		}
	}
}

// nonRoot reports whether a USER instruction's uid[:gid] is numeric and
// not 0, as Kubernetes' runAsNonRoot can check.
func nonRoot(user string) bool {
	uid, _, _ := strings.Cut(user, ":")
	return regexp.MustCompile(`^[1-9][0-9]*$`).MatchString(uid)
}

// dockerignorePatterns are the lines of .dockerignore.
type dockerignorePatterns []string

func dockerignore(t *testing.T) dockerignorePatterns {
	t.Helper()
	raw, err := os.ReadFile("../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	var out dockerignorePatterns
	for _, l := range strings.Split(string(raw), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "!") || strings.Contains(l, "**") {
			t.Fatalf(".dockerignore: %q: keep to plain patterns, which this test reads as Docker does", l)
		}
		out = append(out, strings.TrimPrefix(l, "/"))
	}
	return out
}

// excludes reports whether Docker leaves path (slash-separated, from the
// context's root) out of the build context: a plain pattern matches the
// path or one of its parent folders.
func (d dockerignorePatterns) excludes(path string) bool {
	for p := path; p != "." && p != "/"; p = filepath.Dir(p) {
		for _, pat := range d {
			if ok, _ := filepath.Match(pat, p); ok {
				return true
			}
		}
	}
	return false
}

// TestDockerignore: the build context keeps every source the image is
// built from (Go, embedded docs, the web app's sources, frontend/dist's
// placeholder) and leaves out history, secrets, local data, built files
// and node_modules.
func TestDockerignore(t *testing.T) {
	d := dockerignore(t)
	for _, p := range []string{".git/config", ".env", ".env.production", "data/tracker.db", "bin/tracker", "tracker.db",
		"frontend/node_modules/vite/package.json", "frontend/dist/app/index.html"} {
		if !d.excludes(p) {
			t.Errorf("the build context would include %s", p)
		}
	}
	keep := []string{"go.mod", "go.sum", "Dockerfile", "frontend/dist/.gitkeep", "frontend/package.json",
		"frontend/package-lock.json", "frontend/index.html", "frontend/vite.config.ts", "frontend/tsconfig.json"}
	for _, dir := range []string{"api", "pkg", "docs", "frontend/src", "frontend/public", "frontend/scripts"} {
		err := filepath.WalkDir(filepath.Join("..", dir), func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel("..", p)
			keep = append(keep, filepath.ToSlash(rel))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range keep {
		if d.excludes(p) {
			t.Errorf(".dockerignore leaves out %s, which the build needs", p)
		}
	}
}
