#!/usr/bin/env bash
# Runs every fuzz target of fuzz/Cargo.toml (cargo-fuzz, libFuzzer, nightly toolchain) for
# KONBIT_FUZZ_SECONDS each (default 60), from its seeds (fuzz/seeds/<target>) and the corpus it
# grows (fuzz/corpus/<target>), and prints per target how many inputs it ran. An input that
# takes longer than KONBIT_FUZZ_TIMEOUT seconds (default 10) counts as a hang.
#
# usage: scripts/fuzz.sh [TARGET…]   (default: every target)
# Installs cargo-fuzz when it is missing. Fails — never skips — when cargo-fuzz cannot be
# installed, a target does not build, or a target crashes or hangs; a crashing input is kept in
# fuzz/artifacts/<target>/ (reproduce: cargo +nightly fuzz run <target> <file>), and each run's
# libFuzzer output in fuzz/artifacts/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${KONBIT_FUZZ_SECONDS:-60}"
timeout="${KONBIT_FUZZ_TIMEOUT:-10}"
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: KONBIT_FUZZ_SECONDS must be a number of seconds, not $seconds" >&2; exit 2; }
[[ "$timeout" =~ ^[1-9][0-9]*$ ]] || { echo "fuzz: KONBIT_FUZZ_TIMEOUT must be a number of seconds, not $timeout" >&2; exit 2; }

cargo +nightly --version >/dev/null 2>&1 \
  || { echo "fuzz: no nightly toolchain (rustup toolchain install nightly)" >&2; exit 1; }
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "== fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked \
    || { echo "fuzz: cargo-fuzz could not be installed (cargo install cargo-fuzz --locked)" >&2; exit 1; }
  cargo +nightly fuzz --version >/dev/null 2>&1 \
    || { echo "fuzz: cargo-fuzz was installed but \`cargo +nightly fuzz\` does not run" >&2; exit 1; }
fi

# The targets: every [[bin]] of fuzz/Cargo.toml.
mapfile -t all < <(awk '/^\[\[bin\]\]/ { bin = 1; next } /^\[/ { bin = 0 }
  bin && $1 == "name" { gsub(/"/, "", $3); print $3 }' fuzz/Cargo.toml)
[ "${#all[@]}" -gt 0 ] || { echo "fuzz: no [[bin]] target in fuzz/Cargo.toml" >&2; exit 1; }
if [ "$#" -gt 0 ]; then
  for t in "$@"; do
    printf '%s\n' "${all[@]}" | grep -qx -- "$t" \
      || { echo "fuzz: no target $t in fuzz/Cargo.toml (${all[*]})" >&2; exit 2; }
  done
  targets=("$@")
else
  targets=("${all[@]}")
fi

mkdir -p fuzz/artifacts
failed=()
summary=()
for t in "${targets[@]}"; do
  log="fuzz/artifacts/$t.log"
  echo "== fuzz: $t — building"
  if ! cargo +nightly fuzz build "$t" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "fuzz: $t does not build (the whole output: $log)" >&2
    failed+=("$t (does not build)")
    summary+=("$(printf '%-16s does not build' "$t")")
    continue
  fi
  echo "== fuzz: $t — ${seconds}s"
  mkdir -p "fuzz/corpus/$t"
  seeds=()
  [ -d "fuzz/seeds/$t" ] && seeds=("fuzz/seeds/$t")
  status=0
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
    -max_total_time="$seconds" -timeout="$timeout" >"$log" 2>&1 || status=$?
  # libFuzzer's last status line: `#N DONE …` at the end of a clean run, else the last `#N …`.
  stat="$(grep -aE '^#[0-9]+[[:space:]]' "$log" | tail -n 1 || true)"
  runs="$(sed -nE 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1 executions in \2 s/p' "$log" | tail -n 1)"
  [ -n "$runs" ] || runs="$(printf '%s' "$stat" | sed -nE 's/^#([0-9]+).*/\1 executions (at least)/p')"
  [ -n "$runs" ] || runs="no executions reported"
  speed="$(printf '%s' "$stat" | grep -oE 'exec/s: [0-9]+' || true)"
  cov="$(printf '%s' "$stat" | grep -oE 'cov: [0-9]+' || true)"
  if [ "$status" -eq 0 ] && grep -aqE '^#[0-9]+[[:space:]]+DONE' "$log"; then
    summary+=("$(printf '%-16s ok      %s (%s, %s)' "$t" "$runs" "${speed:-exec/s: ?}" "${cov:-cov: ?}")")
  else
    artifact="$(sed -nE 's/.*Test unit written to (.*)$/\1/p' "$log" | tail -n 1)"
    kind="$(grep -aoE 'ERROR: (libFuzzer|AddressSanitizer): .*' "$log" | head -n 1 | cut -c 1-80 || true)"
    grep -aE -A 12 "panicked at|ERROR: (libFuzzer|AddressSanitizer)" "$log" | head -n 40 >&2 || true
    echo "fuzz: $t failed (exit $status; ${kind:-see the log}); input: ${artifact:-none written}; log: $log" >&2
    failed+=("$t")
    summary+=("$(printf '%-16s FAILED  %s — %s; input %s' "$t" "$runs" "${kind:-exit $status}" "${artifact:-none}")")
  fi
done

echo "== fuzz: ${seconds}s per target"
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
