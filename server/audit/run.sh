#!/usr/bin/env bash
# Hostile-input tools nobody here wrote, against a real Entente over the Neo4j at NEO4J_URI:
# the graphql-http audit suite (every MUST, SHOULD and MAY audit must pass) and schemathesis
# fuzzing the GraphQL schema (no 5xx, no hang). The Neo4j must be a throwaway one: fixtures/ is
# loaded into it (replacing what is there) and the fuzzer's mutations change it.
#
#   npm ci --prefix server/audit
#   python3 -m venv server/audit/.venv && server/audit/.venv/bin/pip install -r server/audit/requirements.txt
#   go run ./cmd/entente neo4j exec -- server/audit/run.sh
#
# ST names the schemathesis command (default server/audit/.venv/bin/st, else st on PATH);
# AUDIT_EXAMPLES the examples per operation (default 30).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${NEO4J_URI:?NEO4J_URI is not set: run this under 'entente neo4j exec --'}"
st=${ST:-server/audit/.venv/bin/st}
[ -x "$st" ] || st=st
command -v "$st" >/dev/null || { echo "schemathesis not found: pip install -r server/audit/requirements.txt" >&2; exit 1; }
[ -d server/audit/node_modules/graphql-http ] || { echo "run npm ci --prefix server/audit first" >&2; exit 1; }

work=$(mktemp -d)
bin=$work/entente
go build -o "$bin" ./cmd/entente
"$bin" load --replace fixtures 2>"$work/load.log" || { cat "$work/load.log" >&2; exit 1; }
keys=$("$bin" keys new --role editor --name audit 2>/dev/null)
line=$(sed -n 's/^line: //p' <<<"$keys")
key=$(sed -n 's/^key:  //p' <<<"$keys")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port

# Rate limiting is off: both tools fire requests in parallel from one address.
ENTENTE_API_KEYS="$line" LOG_FORMAT=json "$bin" serve -addr "127.0.0.1:$port" -rate-limit 0 -web "" 2>"$work/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "$url/readyz" >/dev/null && break; sleep 0.1; done

status=0
echo "== graphql-http audit"
node server/audit/audit.mjs "$url/graphql" || status=1

# schemathesis's not_a_server_error check also counts every GraphQL error in a 200 (ST113),
# and positive_data_acceptance (ST206) every BAD_USER_INPUT; our API answers unknown ids with NOT_FOUND and bad values with BAD_USER_INPUT on
# purpose. So schemathesis checks the response time (a hang fails), and the server's own
# log is the judge of server errors: no 5xx, no INTERNAL error, no panic.
echo "== schemathesis"
timeout 150 "$st" run "$url/graphql" -H "Authorization: Bearer $key" \
  --phases fuzzing --exclude-checks not_a_server_error,positive_data_acceptance --max-response-time 10 \
  --max-examples "${AUDIT_EXAMPLES:-30}" --request-timeout 20 --seed 1 --no-color >"$work/st.log" 2>&1 || {
  echo "schemathesis failed (exit $?):" >&2; grep -E "^ *(❌|- ST|\[)" "$work/st.log" | head -40 >&2; status=1; }
grep -E "^(Test cases|API Operations|  Tested|=+ .* in )" -A1 "$work/st.log" | grep -v '^--$' || true

if grep -q '"status":5[0-9][0-9]' "$work/serve.log"; then
  echo "the server answered 5xx:" >&2; grep '"status":5' "$work/serve.log" | head >&2; status=1
fi
if grep -q '"message":"internal error"' "$work/serve.log"; then
  echo "the server had internal errors:" >&2; grep '"message":"internal error"' "$work/serve.log" | head >&2; status=1
fi
grep -q '"panic"' "$work/serve.log" && { echo "the server panicked" >&2; status=1; }
echo "server peak memory: $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status 2>/dev/null), requests: $(grep -c '"message":"request"' "$work/serve.log")"
kill -0 $pid 2>/dev/null || { echo "the server died" >&2; status=1; }
exit $status
