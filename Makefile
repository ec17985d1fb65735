# Intern Tracker — the two commands are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
BIN := bin/tracker
DATA ?= data
# The whole suite runs again on PostgreSQL when this is set (see .ci/run).
TRACKER_TEST_POSTGRES_URL ?=
export TRACKER_TEST_POSTGRES_URL

.PHONY: run build deps test vet test-go clean

## run: build and start the tracker on SQLite with demo data at http://127.0.0.1:8080
run: build
	@mkdir -p $(DATA)
	TRACKER_DEMO=1 TRACKER_DATABASE_URL=sqlite:$(DATA)/tracker.db ./$(BIN) serve

## build: the binary in bin/tracker
build: deps
	CGO_ENABLED=1 $(GO) build -o $(BIN) ./api

## deps: check the toolchain and fetch Go modules
deps:
	@command -v $(GO) >/dev/null || { echo "Go is required: https://go.dev/doc/install"; exit 1; }
	@command -v gcc >/dev/null || { echo "installing gcc (SQLite needs cgo)"; apt-get update -qq && apt-get install -y -qq gcc libc6-dev; }
	$(GO) mod download

## test: vet, then every test with the race detector (and on PostgreSQL when TRACKER_TEST_POSTGRES_URL is set)
test: deps vet test-go

vet:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

test-go:
	@if [ -n "$$TRACKER_TEST_POSTGRES_URL" ]; then echo "PostgreSQL pass on: $$TRACKER_TEST_POSTGRES_URL"; else echo "TRACKER_TEST_POSTGRES_URL not set: SQLite only"; fi
	$(GO) test -race -count=1 -timeout 20m ./...

clean:
	rm -rf bin
