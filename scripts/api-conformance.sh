#!/usr/bin/env bash
# Checks that the OpenAPI document describes the server as it really speaks: the document is
# valid (openapi-spec-validator), and Schemathesis, with every check, finds no request the
# document allows that the server refuses, no request it forbids that the server accepts, no
# undocumented status and no answer that breaks its schema — against the demo, logged in as
# editor. Both tools are installed from PyPI into a temporary virtualenv; nothing is vendored.
#
# usage: scripts/api-conformance.sh [KONBIT_BINARY]   (default target/debug/konbit)
# Fails — never skips — when a tool cannot be installed or the demo does not start.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${1:-target/debug/konbit}"
[ -x "$bin" ] || { echo "api-conformance: no konbit binary at $bin" >&2; exit 1; }
work="$(mktemp -d)"
demo_pid=""
cleanup() {
  [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== API conformance: tools"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --disable-pip-version-check \
  "openapi-spec-validator>=0.7,<1" "schemathesis>=4.3,<5"

port=$((20000 + RANDOM % 20000))
password="conformance-$RANDOM-$RANDOM"
echo "== API conformance: the demo on 127.0.0.1:$port"
KONBIT_DEMO_PASSWORD="$password" KONBIT_LOG=warn \
  "$bin" --data-dir "$work/demo" demo --listen "127.0.0.1:$port" > "$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 120); do
  grep -q "Press Ctrl-C" "$work/demo.log" 2>/dev/null && break
  kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.log" >&2; exit 1; }
  sleep 1
done
grep -q "Press Ctrl-C" "$work/demo.log" || { echo "api-conformance: the demo did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"

curl -fsS "$base/api/v1/openapi.json" -o "$work/openapi.json"
echo "== API conformance: openapi-spec-validator"
"$work/venv/bin/openapi-spec-validator" "$work/openapi.json"

# The editor's token comes from an address of its own, so that the limits per address the run
# meets are not the token's.
token="$(curl -fsS --interface 127.0.0.2 -H 'content-type: application/json' \
  -d "{\"username\":\"editor\",\"password\":\"$password\"}" "$base/api/v1/auth/token" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')"

# Business rules the schema cannot state (a mission that must exist, a source cited that must be
# registered, a state a record cannot move from) refuse schema-valid requests with 404, 409 or
# 422: that is the server working, not the document lying.
cat > "$work/schemathesis.toml" <<'EOF'
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "401", "403", "404", "409", "422", "429"]

# A body over the server's 1 MiB limit is refused before it is read, with 413 (documented on
# every operation that takes a body): a rejection like any other.
[checks.negative_data_rejection]
expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
EOF

echo "== API conformance: Schemathesis (every check, as editor)"
# DELETE /api/v1/auth/token and DELETE /api/v1/tokens/{id} would end the run's own token, and
# POST /api/v1/auth/token would count failed logins against it: they are left out. Run from the
# temporary directory, so the cache Schemathesis writes where it runs stays out of the checkout.
cd "$work"
"$work/venv/bin/schemathesis" --config-file "$work/schemathesis.toml" run "$base/api/v1/openapi.json" \
  --checks all \
  -H "Authorization: Bearer $token" \
  --max-examples "${KONBIT_CONFORMANCE_EXAMPLES:-25}" \
  --workers 2 \
  --exclude-method DELETE \
  --exclude-path /api/v1/auth/token \
  --no-color
