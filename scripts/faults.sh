#!/usr/bin/env bash
# The fault tests at their full counts: 20 SIGKILL rounds during a write load on SQLite and 20 on
# PostgreSQL (the suite runs 5 of each). Needs PostgreSQL at KONBIT_TEST_POSTGRES_URL (default:
# the local server, user postgres); fails if it cannot be reached.
set -euo pipefail
cd "$(dirname "$0")/.."
export KONBIT_TEST_POSTGRES_URL="${KONBIT_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
psql "$KONBIT_TEST_POSTGRES_URL" -tAc 'SELECT 1' >/dev/null \
  || { echo "faults: PostgreSQL is not reachable at $KONBIT_TEST_POSTGRES_URL" >&2; exit 1; }
export KONBIT_FAULT_ROUNDS="${KONBIT_FAULT_ROUNDS:-20}"
cargo test --test it faults:: -- --nocapture 2>&1 | grep -E "rounds|test result|panicked|FAILED"
