# Entente in a container: `docker compose up` (compose.yaml) runs it next to Neo4j 5.26.
# Never built on the machine this was written on (it cannot run containers); what was
# checked instead is in the README (Operations, "A container").
#
# Three stages:
#   web    builds the network page (web/dist) and GraphiQL (server/graphiql/build/dist),
#          exactly as `make web` does: npm ci, npm run build;
#   build  builds a static binary (CGO_ENABLED=0) that embeds GraphiQL;
#   final  Alpine (for busybox wget, which the HEALTHCHECK uses), the binary, the page, the
#          seed fixtures and poppler-utils (PDF ingestion), as an unprivileged user.
# Builders are pinned to exact versions, Node and the final base also by digest.
# cmd/entente/container_test.go builds the binary with this file's `go build` line and runs
# it with this file's ENV and CMD; keep that line on one line.

FROM node:20.19.5-bookworm-slim@sha256:9e70124bd00f47dd023e349cd587132ae61892acc0e47ed641416c3e18f401c3 AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web/ ./
RUN npm run build

FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /src/server/graphiql/build/dist server/graphiql/build/dist
ENV CGO_ENABLED=0
RUN go build -trimpath -buildvcs=false -ldflags="-s -w" -o /out/entente ./cmd/entente

FROM alpine:3.22.2@sha256:4b7ce07002c69e8f3d704a9c5d6fd3053be500b7f1c69fc0d80990c2ad8dd412
COPY --from=build /out/entente /usr/local/bin/entente
COPY --from=web /src/web/dist /app/web/dist
COPY fixtures/*.json /app/fixtures/
# pdftotext and pdfinfo read the PDFs sent to POST /documents (loaders/pdftext), on a
# temporary copy in /tmp. Alpine's own build of the base's release; at least poppler 22.12,
# the one the tests ran with (not an exact pin: no Alpine machine to look its version up).
RUN apk add --no-cache 'poppler-utils>=22.12'
WORKDIR /app
# Listen on every interface of the container; reads, /metrics and introspection then stay
# closed without a key unless the environment opens them (compose.yaml does, for reads).
ENV ENTENTE_ADDR=0.0.0.0:8080 \
    ENTENTE_WEB=/app/web/dist \
    LOG_FORMAT=json
# nobody: the process writes nothing (the fixtures are read, the graph is in Neo4j).
USER 65534:65534
EXPOSE 8080
# /readyz answers 200 when Neo4j answers (/healthz: the process is alive); both need no key.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/readyz"]
# run: with NEO4J_URI set, apply the schema, load /app/fixtures (files already imported are
# skipped by their SHA-256, so curations survive a restart), then serve.
# `serve` serves without loading anything: `docker run ... entente-image serve`.
ENTRYPOINT ["/usr/local/bin/entente"]
CMD ["run", "-fixtures", "/app/fixtures"]
