#!/usr/bin/env bash
# Checks the record log from outside, as someone without the server's code would: starts the demo,
# and runs the two independent verifiers against it over HTTP —
#   scripts/verify-log.py         (standard library only: run with `python3 -S`, so no installed
#                                  package can help) recomputes every link, digest and the Merkle
#                                  root, anonymously and as admin, and compares it with the checkpoint;
#   scripts/verify-checkpoint.py  (the standard library and `cryptography`, from PyPI into a
#                                  temporary virtualenv) checks the checkpoint's Ed25519 signature,
#                                  the tiles, inclusion proofs, and — after a write through the API —
#                                  the consistency proof from the checkpoint saved before it.
# Then it shows that the verifier FAILS when it must: a saved checkpoint whose size line was changed
# (its signature breaks), and a checkpoint validly signed with the log's own key over another
# history (a split view: the consistency proof cannot verify). Last, the incidents' HXL export
# (anonymous and as viewer) is checked against HXL's core schema by libhxl's `hxlvalidate`, which
# must also refuse a copy with a date that is not one.
#
# usage: scripts/outside-verify.sh [KONBIT_BINARY]   (default target/debug/konbit)
# Fails — never skips — when `cryptography` or libhxl cannot be installed or the demo does not start.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${1:-target/debug/konbit}"
[ -x "$bin" ] || { echo "outside-verify: no konbit binary at $bin" >&2; exit 1; }
work="$(mktemp -d)"
demo_pid=""
cleanup() {
  if [ -n "$demo_pid" ]; then
    kill "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "outside-verify: FAILED: $*" >&2; exit 1; }

echo "== outside verify: Python and cryptography"
python3 -m venv "$work/venv" || fail "cannot make a Python virtualenv (python3 -m venv)"
"$work/venv/bin/pip" install -q --disable-pip-version-check "cryptography>=41" ||
  fail "cannot install the 'cryptography' package from PyPI: the signature check needs it, and is not skipped"
py="$work/venv/bin/python"
python3 -S scripts/verify-log.py --self-test
"$py" scripts/verify-checkpoint.py --self-test

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
password="outside-$RANDOM-$RANDOM-$RANDOM"
base="http://127.0.0.1:$port"
echo "== outside verify: the demo on $base"
KONBIT_DEMO_PASSWORD="$password" KONBIT_LOG=warn \
  "$bin" demo --listen "127.0.0.1:$port" --data-dir "$work/demo" > "$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
  kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.log" >&2; fail "the demo exited"; }
  sleep 1
done
curl -fsS -o /dev/null "$base/healthz" || { cat "$work/demo.log" >&2; fail "the demo did not answer /healthz"; }

# The verifier key, from the key file (`konbit log key`); the demo prints it too, and both must agree.
vkey="$("$bin" --data-dir "$work/demo" log key)"
printed="$(grep -A1 "The log's signed checkpoint is at" "$work/demo.log" | tail -n 1 | tr -d ' ' || true)"
if [ -n "$printed" ] && [ "$printed" != "$vkey" ]; then
  fail "the demo printed the key $printed, but \`konbit log key\` says $vkey"
fi
echo "verifier key: $vkey"

token="$(curl -fsS -H 'content-type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/v1/auth/token" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')" || fail "cannot log in as admin"

echo "== verify-log.py, anonymous (standard library only)"
python3 -S scripts/verify-log.py "$base"
echo "== verify-log.py, as admin"
python3 -S scripts/verify-log.py "$base" "$token"

echo "== verify-checkpoint.py: signature, tiles; save the checkpoint"
"$py" scripts/verify-checkpoint.py "$base" --key "$vkey" --save "$work/before.note"
before_size="$(sed -n 2p "$work/before.note")"

echo "== a write through the API"
answer="$(curl -fsS -H "Authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"title":"Outside check","kind":"news_article","reliability":"B","credibility":2,"url":"https://example.org/x"}' \
  "$base/api/v1/sources")" || fail "POST /api/v1/sources was refused"
new_seq="$(printf '%s' "$answer" | python3 -c 'import json, sys; print(json.load(sys.stdin)["seq"])')"
echo "recorded entry $new_seq; waiting 3 s for the checkpoint to be signed again"
sleep 3

echo "== verify-checkpoint.py --saved (consistency), 20 inclusion proofs, tiles"
"$py" scripts/verify-checkpoint.py "$base" --key "$vkey" --saved "$work/before.note" --entries 20 \
  --save "$work/after.note"
after_size="$(sed -n 2p "$work/after.note")"
[ "$after_size" -ge "$new_seq" ] ||
  fail "the checkpoint (size $after_size) does not yet hold entry $new_seq, 3 s after it was written"
echo "the checkpoint grew from $before_size to $after_size entries"
echo "== verify-log.py after the write"
python3 -S scripts/verify-log.py "$base"

# expect_failure NAME NOTE_FILE PATTERN: verify-checkpoint.py --saved NOTE_FILE must exit 1 and say PATTERN.
expect_failure() {
  local rc=0 out
  out="$("$py" scripts/verify-checkpoint.py "$base" --key "$vkey" --saved "$2" --no-tiles 2>&1)" || rc=$?
  printf '%s\n' "$out" | sed 's/^/    /'
  [ "$rc" -eq 1 ] || fail "$1: verify-checkpoint.py exited $rc, not 1"
  printf '%s\n' "$out" | grep -q "$3" || fail "$1: the failure does not say '$3'"
  echo "ok: $1 is refused (exit 1)"
}

echo "== must fail: the saved checkpoint with its size line changed"
sed "2s/.*/$((before_size - 1))/" "$work/before.note" > "$work/tampered.note"
cmp -s "$work/before.note" "$work/tampered.note" && fail "the tampered note is the same as the saved one"
expect_failure "a changed size line" "$work/tampered.note" "signature .* does not verify"

echo "== must fail: a checkpoint signed with the log's own key over another history (split view)"
# What a server that rewrote entry 1 and signed the result would have shown: the same size as the
# saved checkpoint, another root (here the root of a tree whose first leaf differs).
"$py" - "$work/demo/log-key" "$before_size" > "$work/split.note" <<'EOF'
import base64, hashlib, sys
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
parts = open(sys.argv[1]).read().strip().split("+", 4)  # PRIVATE+KEY+name+hexid+base64(0x01 ‖ seed)
assert parts[:2] == ["PRIVATE", "KEY"], "not a signed-note private key"
name, key_id, seed = parts[2], bytes.fromhex(parts[3]), base64.b64decode(parts[4])[1:]
root = hashlib.sha256(b"another history").digest()
text = f"{name}\n{sys.argv[2]}\n{base64.b64encode(root).decode()}\n"
sig = Ed25519PrivateKey.from_private_bytes(seed).sign(text.encode())
sys.stdout.write(text + "\n\u2014 " + name + " " + base64.b64encode(key_id + sig).decode() + "\n")
EOF
expect_failure "a signed checkpoint of another history" "$work/split.note" "SPLIT VIEW"

echo "== the HXL export against HXL's core schema (hxlvalidate, libhxl from PyPI)"
# libhxl imports `six` without declaring it, so it is installed by name.
"$work/venv/bin/pip" install -q --disable-pip-version-check "libhxl>=5" six ||
  fail "cannot install libhxl from PyPI: the HXL export's check needs it, and is not skipped"
curl -fsS "$base/api/v1/incidents/export?format=hxl" -o "$work/incidents-public.csv" ||
  fail "the anonymous HXL export was refused"
# The viewer reads mission-level incidents too, which the anonymous export leaves out.
viewer="$(curl -fsS -H 'content-type: application/json' \
  -d "{\"username\":\"viewer\",\"password\":\"$password\"}" "$base/api/v1/auth/token" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')" || fail "cannot log in as viewer"
curl -fsS -H "Authorization: Bearer $viewer" "$base/api/v1/incidents/export?format=hxl" \
  -o "$work/incidents-viewer.csv" || fail "the viewer's HXL export was refused"
for who in public viewer; do
  rows=$(($(wc -l < "$work/incidents-$who.csv") - 2))
  [ "$rows" -gt 0 ] || fail "the $who HXL export has no rows"
  "$work/venv/bin/hxlvalidate" "$work/incidents-$who.csv" ||
    fail "the $who HXL export does not validate against HXL's core schema"
  echo "ok: the $who HXL export ($rows rows) validates"
done
echo "== must fail: the export with a date that is not one"
sed '3s/,20[0-9][0-9]-[0-9][0-9]-[0-9][0-9],/,soon,/' "$work/incidents-public.csv" > "$work/bad.csv"
cmp -s "$work/bad.csv" "$work/incidents-public.csv" && fail "the bad copy is the same as the export"
if "$work/venv/bin/hxlvalidate" "$work/bad.csv" > "$work/bad.out" 2>&1; then
  fail "hxlvalidate accepted a #date that is not a date"
fi
grep -q "Expected a date" "$work/bad.out" || { cat "$work/bad.out" >&2; fail "hxlvalidate failed for another reason"; }
echo "ok: a #date that is not a date is refused"

echo "outside-verify: ok — log of $after_size entries verified from outside, root $(sed -n 3p "$work/after.note" | base64 -d | od -An -tx1 | tr -d ' \n')"
