#!/usr/bin/env bash
# The clients' test, as they are used: the network page and GraphiQL (offline: nothing but the
# server is reachable) in headless Chromium, and the analyst notebook in a real Jupyter kernel,
# all against a real `entente run` over the seed fixtures.
#
#   web/test.sh            # browser test and notebook
#   web/test.sh browser    # only the page
#   web/test.sh notebook   # only the notebook
#
# Needs: Node 20.19+ and npm, Debian's chromium (apt-get install -y chromium), Python 3.11+
# with venv, Go, Java 17 and the Neo4j jars (make neo4j). It installs the rest itself:
# web/node_modules (npm ci) and examples/.venv (pip install -r examples/requirements.txt).
# It builds web/dist and GraphiQL (before the binary, which embeds GraphiQL), starts
# `entente run` on a free port with its own throwaway Neo4j home (or over NEO4J_URI when
# that is set: the fixtures are then loaded into that database), waits for /readyz, runs
# the tests, and stops everything on exit. The server knows one throwaway editor key, made
# here with `entente keys new`, which the notebook and the page's Documents and Review test
# get (ENTENTE_API_KEY): each sends a document and reviews it; the Duplicates test makes its
# own duplicates with it, judges and splits them; and a reader key (ENTENTE_READER_KEY),
# which the page's tests paste to see reviews and judgements refused. Reads stay open
# on loopback, so the rest of the page and GraphiQL need none.
# ENTENTE_BIN=path uses an entente binary already built instead of building one.
# Artefacts: web/test-results/*.png (screenshots, graphiql.png, documents.png, review.png,
# duplicates.png and split.png among them),
# examples/output/analyst.ipynb (executed).
set -euo pipefail
what=${1:-all}
case $what in all | browser | notebook) ;; *) echo "usage: $0 [all|browser|notebook]" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
began=$(date +%s)
say() { echo "[clients $(($(date +%s) - began))s] $*"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-clients.XXXXXX")
pid=""
cleanup() {
  local rc=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ $rc -ne 0 ] && [ -f "$tmp/entente.log" ]; then
    echo "---- entente log (last 40 lines) ----" >&2
    tail -n 40 "$tmp/entente.log" >&2 || true
  fi
  rm -rf "$tmp"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- dependencies
if [ "$what" != notebook ]; then
  command -v chromium >/dev/null || [ -x "${CHROMIUM:-/usr/bin/chromium}" ] ||
    { echo "chromium is needed: apt-get install -y chromium" >&2; exit 1; }
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    say "npm ci"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
say "building the page"
(cd web && npm run --silent build >"$tmp/build.log" 2>&1) || { cat "$tmp/build.log" >&2; exit 1; }
if [ "$what" != browser ]; then
  venv=examples/.venv
  if [ ! -x "$venv/bin/python" ] || [ examples/requirements.txt -nt "$venv/.installed" ]; then
    say "python venv (examples/.venv)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r examples/requirements.txt
    touch "$venv/.installed"
  fi
fi

# ---- the service
[ -n "${NEO4J_URI:-}" ] || compgen -G "${ENTENTE_NEO4J_LIB:-.neo4j/lib}/*.jar" >/dev/null ||
  { echo "the Neo4j jars are missing: run make neo4j" >&2; exit 1; }
entente=${ENTENTE_BIN:-}
if [ -z "$entente" ]; then
  say "building entente"
  entente="$tmp/entente"
  go build -o "$entente" ./cmd/entente
fi
notebook_key=$("$entente" keys new --role editor --name notebook --append "$tmp/keys.txt" 2>/dev/null | sed -n 's/^key: *//p')
reader_key=$("$entente" keys new --role reader --name page-reader --append "$tmp/keys.txt" 2>/dev/null | sed -n 's/^key: *//p')
[ -n "$notebook_key" ] && [ -n "$reader_key" ] || { echo "entente keys new made no key" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export ENTENTE_URL="http://127.0.0.1:$port"
say "starting entente run on $ENTENTE_URL (${NEO4J_URI:+over $NEO4J_URI}${NEO4J_URI:-own Neo4j in $tmp/neo4j})"
ENTENTE_ADDR="127.0.0.1:$port" ENTENTE_API_KEYS_FILE="$tmp/keys.txt" ENTENTE_NEO4J_HOME="$tmp/neo4j" LOG_FORMAT=json \
  "$entente" run -fixtures fixtures -web web/dist >"$tmp/entente.log" 2>&1 &
pid=$!
for i in $(seq 240); do
  if curl -fsS "$ENTENTE_URL/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || { echo "entente run exited before it was ready" >&2; exit 1; }
  [ "$i" -lt 240 ] || { echo "entente was not ready after 120 s" >&2; exit 1; }
  sleep 0.5
done
page=$(curl -fsS "$ENTENTE_URL/" || true)
case $page in *'<div id="sigma">'*) ;; *) echo "entente does not serve web/dist at /" >&2; exit 1 ;; esac
say "ready"

# ---- the tests
status=0
if [ "$what" != notebook ]; then
  say "browser test"
  (cd web && node e2e/test.mjs) || status=1
  say "documents and review"
  (cd web && ENTENTE_API_KEY=$notebook_key ENTENTE_READER_KEY=$reader_key node e2e/documents.mjs) || status=1
  say "duplicates and split"
  (cd web && ENTENTE_API_KEY=$notebook_key ENTENTE_READER_KEY=$reader_key node e2e/duplicates.mjs) || status=1
  say "GraphiQL offline"
  (cd web && node e2e/graphiql.mjs) || status=1
fi
if [ "$what" != browser ]; then
  say "notebook"
  ENTENTE_API_KEY=$notebook_key examples/.venv/bin/python examples/execute.py || status=1
fi
say "$([ $status -eq 0 ] && echo PASS || echo FAIL)"
exit $status
