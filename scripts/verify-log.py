#!/usr/bin/env python3
"""Recompute Konbit's record-log hash chain from the API, with the standard library only.

usage: verify-log.py BASE_URL [TOKEN]
  BASE_URL  e.g. http://127.0.0.1:8080
  TOKEN     an API token (POST /api/v1/auth/token) of an account that may read every entry

Exit 0 and print the length and head hash when intact; exit 1 naming the first bad seq.
The encoding is specified in docs/record-log.md.
"""
import hashlib, json, struct, sys, urllib.request


def field(s: str) -> bytes:
    b = s.encode("utf-8")
    return struct.pack(">I", len(b)) + b


def entry_hash(prev: bytes, e: dict) -> bytes:
    h = hashlib.sha256()
    h.update(prev)
    h.update(struct.pack(">Q", e["seq"]))
    for k in ("recorded_at", "actor", "kind", "subject", "valid_at", "classification", "body", "sources"):
        h.update(field(e[k]))
    return h.digest()


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    base, token = sys.argv[1].rstrip("/"), (sys.argv[2] if len(sys.argv) > 2 else None)
    prev, seq, redacted = bytes(32), 0, 0
    while True:
        req = urllib.request.Request(f"{base}/api/v1/log?after={seq}&limit=1000")
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        page = json.load(urllib.request.urlopen(req))
        if not page:
            break
        for e in page:
            if e["seq"] != seq + 1:
                print(f"FAILED at seq {seq + 1}: entry missing"); return 1
            if bytes.fromhex(e["prev_hash"]) != prev:
                print(f"FAILED at seq {e['seq']}: does not link to the previous hash"); return 1
            if e["redacted"]:
                redacted += 1  # content withheld: follow the link, cannot recompute
                prev = bytes.fromhex(e["hash"])
            else:
                h = entry_hash(prev, e)
                if h.hex() != e["hash"]:
                    print(f"FAILED at seq {e['seq']}: hash does not match content"); return 1
                prev = h
            seq = e["seq"]
    note = f" ({redacted} redacted entries linked but not recomputed)" if redacted else ""
    print(f"ok: {seq} entries, head {prev.hex()}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
