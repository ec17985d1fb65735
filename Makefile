# Intern Tracker — the two commands are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
BIN := bin/tracker
DATA ?= data
# The whole suite runs again on PostgreSQL when this is set (see .ci/run).
TRACKER_TEST_POSTGRES_URL ?=
export TRACKER_TEST_POSTGRES_URL

.PHONY: run build deps web web-deps test vet test-go test-web e2e chromium clean

WEB := frontend
NPM ?= npm

## run: build and start the tracker on SQLite with demo data at http://127.0.0.1:8080
run: build
	@mkdir -p $(DATA)
	TRACKER_DEMO=1 TRACKER_DATABASE_URL=sqlite:$(DATA)/tracker.db ./$(BIN) serve

## build: the web app (frontend/dist/app), then the binary in bin/tracker that embeds it
build: deps web
	CGO_ENABLED=1 $(GO) build -o $(BIN) ./api

## web: the SPA; `go build ./api` alone also works, without it
web: web-deps
	cd $(WEB) && $(NPM) run build

web-deps: $(WEB)/node_modules/.package-lock.json

# npm ci only when node_modules is missing or package-lock.json is newer.
$(WEB)/node_modules/.package-lock.json: $(WEB)/package-lock.json $(WEB)/package.json
	@command -v $(NPM) >/dev/null || { echo "Node.js 20.19+ and npm are required for the web app: https://nodejs.org"; exit 1; }
	cd $(WEB) && $(NPM) ci --no-audit --no-fund
	@touch $@

## deps: check the toolchain and fetch Go modules
deps:
	@command -v $(GO) >/dev/null || { echo "Go is required: https://go.dev/doc/install"; exit 1; }
	@command -v gcc >/dev/null || { echo "installing gcc (SQLite needs cgo)"; apt-get update -qq && apt-get install -y -qq gcc libc6-dev; }
	$(GO) mod download

## test: vet, then every test with the race detector (and on PostgreSQL when TRACKER_TEST_POSTGRES_URL is set), then the web app's checks and browser tests
test: deps vet test-go test-web e2e

vet:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

test-go:
	@if [ -n "$$TRACKER_TEST_POSTGRES_URL" ]; then echo "PostgreSQL pass on: $$TRACKER_TEST_POSTGRES_URL"; else echo "TRACKER_TEST_POSTGRES_URL not set: SQLite only"; fi
	$(GO) test -race -count=1 -timeout 20m ./...

## test-web: generated API types up to date, type check, lint (zero warnings), unit tests
test-web: web-deps
	cd $(WEB) && $(NPM) run gen:check
	cd $(WEB) && $(NPM) run typecheck
	cd $(WEB) && $(NPM) run lint
	cd $(WEB) && $(NPM) run test

## e2e: browser tests (Chromium through playwright-core) against the real binary with the SPA
e2e: chromium build
	cd $(WEB) && $(NPM) run e2e

chromium:
	@test -x /usr/bin/chromium || { echo "installing chromium for the browser tests"; apt-get update -qq && apt-get install -y -qq chromium; }

## bench: Go benchmarks of the board and the task list at scale 10 (SQLite, and PostgreSQL when TRACKER_TEST_POSTGRES_URL is set), then `tracker load` against the real server on a fresh scale-10 SQLite database; see docs/performance.md
BENCH_ADDR ?= 127.0.0.1:18089
BENCH_TIME ?= 10s
.PHONY: bench
bench: deps
	$(GO) test -run '^$$' -bench . -benchtime 2s -count 1 ./pkg/store
	CGO_ENABLED=1 $(GO) build -o $(BIN) ./api
	@set -euo pipefail; dir=$$(mktemp -d); pid=; \
	  trap 'test -n "$$pid" && kill $$pid 2>/dev/null; wait 2>/dev/null; rm -rf "$$dir"' EXIT; \
	  export TRACKER_DATABASE_URL=sqlite:$$dir/bench.db TRACKER_ADDR=$(BENCH_ADDR) \
	    TRACKER_JWT_SECRET=$$(head -c 48 /dev/urandom | base64 | tr -d '\n'); \
	  ./$(BIN) seed --scale 10; \
	  ./$(BIN) serve 2>$$dir/server.log & pid=$$!; \
	  for i in $$(seq 100); do (exec 3<>/dev/tcp/$${TRACKER_ADDR%:*}/$${TRACKER_ADDR##*:}) 2>/dev/null && break; sleep 0.1; done; \
	  echo "nproc $$(nproc), $$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"; \
	  for run in board:1 board:4 tasks:32 progress:16 patch:16; do \
	    ./$(BIN) load --url http://$(BENCH_ADDR) --scenario $${run%%:*} --concurrency $${run##*:} --duration $(BENCH_TIME) --pid $$pid; \
	  done

clean:
	rm -rf bin $(WEB)/dist/app
