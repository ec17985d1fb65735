# syntax=docker/dockerfile:1
#
# The tracker's image, in three stages: the web app built with Node, the
# binary built with Go (cgo, for SQLite) embedding it, and a slim runtime
# that holds only the binary and runs it as a non-root user.
#
#   docker build -t intern-tracker .        (or: docker compose build)
#
# api/compose_test.go checks this file's shape; docs/operations.md says
# how to run it.

# Go's version matches the go line of go.mod (the test checks it).
ARG GO_VERSION=1.26.8
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
COPY frontend/scripts/ ./scripts/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
COPY --from=web /src/frontend/dist/app/ ./frontend/dist/app/
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=1 go build -trimpath -ldflags='-s -w' -o /out/tracker ./api \
 && /out/tracker help >/dev/null \
 && mkdir -p /out/data

# glibc (go-sqlite3 links against it) and CA certificates, nothing else: no
# shell, no package manager. The "nonroot" user is uid 65532.
FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build /out/tracker /usr/local/bin/tracker
# A writable folder for SQLite (TRACKER_DATABASE_URL=sqlite:/data/tracker.db)
# when the image runs without PostgreSQL; mount a volume on it.
COPY --from=build --chown=65532:65532 /out/data /data
WORKDIR /data
ENV TRACKER_ADDR=0.0.0.0:8080 \
    TRACKER_DATABASE_URL=sqlite:/data/tracker.db
USER 65532:65532
EXPOSE 8080
# The binary is its own probe (there is no curl): GET /readyz on
# TRACKER_ADDR, healthy on 200.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/tracker", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/tracker"]
CMD ["serve"]
