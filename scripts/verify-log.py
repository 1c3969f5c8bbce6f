#!/usr/bin/env python3
"""Recompute Konbit's record log (format v2) and its Merkle root from the API, with the standard
library only.

usage: verify-log.py BASE_URL [TOKEN]
       verify-log.py --self-test
  BASE_URL  e.g. http://127.0.0.1:8080
  TOKEN     an API token (POST /api/v1/auth/token); without one the walk is anonymous

What it checks, entry by entry from GET /api/v1/log (oldest first, 1000 a page):
  - seq runs 1, 2, 3, … without a gap, and each prev_hash is the previous entry's hash;
  - an entry the caller may read: its digest, recomputed from salt and fields, is the one shown;
  - every entry, withheld (redacted) ones included: its hash, recomputed from prev_hash, seq,
    classification and digest, is the one shown;
  - the Merkle tree (RFC 9162 §2.1) over all chain hashes. If the server has a checkpoint
    (GET /api/v1/log/checkpoint), it is fetched FIRST, and the root over exactly its first `size`
    leaves (taken during the walk, since the log may grow while it is read) must be its root.

It does NOT check the checkpoint's signature (that needs Ed25519, outside the standard library):
scripts/verify-checkpoint.py does, with the `cryptography` package, and checks consistency and
inclusion proofs and the tlog tiles. A token changes only what is recomputed: withheld entries are
checked from their digest, the content behind a digest only when it is shown.

Exit 0 and print the length, head hash and root when intact; exit 1 naming the first bad seq
(or the checkpoint that does not match); exit 2 on a usage or network error.
The encoding is specified in docs/record-log.md. The format's test vector and the RFC 6962 Merkle
test vectors are checked at every start (--self-test checks only them).
"""
import base64, hashlib, json, struct, sys, urllib.error, urllib.request

PAGE = 1000
MAX_PAGE_BYTES = 256 << 20  # a page of 1000 entries; bodies are at most 1 MiB each
MAX_NOTE_BYTES = 64 << 10
TIMEOUT = 60


class Failed(Exception):
    """Verification failed: exit 1."""


class Trouble(Exception):
    """Usage, network or server error: exit 2."""


def field(s: str) -> bytes:
    b = s.encode("utf-8")
    return struct.pack(">I", len(b)) + b


def content_digest(salt: bytes, e: dict) -> bytes:
    h = hashlib.sha256(salt)
    for k in ("recorded_at", "actor", "kind", "subject", "valid_at", "body", "sources"):
        h.update(field(e[k]))
    return h.digest()


def chain_hash(prev: bytes, seq: int, classification: str, digest: bytes) -> bytes:
    return hashlib.sha256(prev + struct.pack(">Q", seq) + field(classification) + digest).digest()


def leaf_hash(leaf: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


class Tree:
    """The Merkle tree grown leaf by leaf: the roots of its perfect subtrees, largest first."""

    def __init__(self):
        self.size, self.stack = 0, []  # stack: (height, hash)

    def append(self, leaf: bytes):
        h, height = leaf_hash(leaf), 0
        while self.stack and self.stack[-1][0] == height:
            h, height = node_hash(self.stack.pop()[1], h), height + 1
        self.stack.append((height, h))
        self.size += 1

    def root(self) -> bytes:
        if not self.stack:
            return hashlib.sha256(b"").digest()
        r = self.stack[-1][1]
        for _, h in reversed(self.stack[:-1]):
            r = node_hash(h, r)
        return r


def self_test():
    e = {"recorded_at": "2024-06-25T12:00:00.000000Z", "actor": "user:editor", "kind": "deployment.recorded",
         "subject": "01920000-0000-7000-8000-000000000001", "valid_at": "2024-06-25",
         "body": '{"country":"KEN","police":400}', "sources": "[]"}
    d = content_digest(bytes(range(16)), e)
    assert d.hex() == "9e0e2249c0673dd228df72af2a99884bb378f5932d230f371360456d5463e63a", "digest test vector"
    h = chain_hash(bytes(32), 1, "public", d)
    assert h.hex() == "28c9080630498d5baa17e5e6d9e0f478547ef9109c0a8d26bebbe038c80cd9fe", "hash test vector"
    # RFC 6962 test leaves and the roots of their first 1..8 (as in Certificate Transparency's and
    # Go's tlog tests), and the empty tree.
    leaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
    roots = ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
             "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
             "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
             "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
             "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
             "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
             "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
             "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"]
    t = Tree()
    assert t.root().hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty root"
    for leaf, root in zip(leaves, roots):
        t.append(bytes.fromhex(leaf))
        assert t.root().hex() == root, f"Merkle root of {t.size} test leaves"


def get(url: str, token, limit: int, accept: str = "application/json"):
    """(status, body) of a GET; a body over `limit` bytes, or no answer, is a Trouble."""
    req = urllib.request.Request(url, headers={"Accept": accept})
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as r:
            status, body = r.status, r.read(limit + 1)
    except urllib.error.HTTPError as err:
        status, body = err.code, err.read(4096)
    except (urllib.error.URLError, OSError) as err:
        raise Trouble(f"cannot reach {url}: {getattr(err, 'reason', err)}")
    if len(body) > limit:
        raise Trouble(f"{url}: the answer is over {limit} bytes, refused")
    return status, body


def problem(status: int, body: bytes) -> str:
    try:
        return f"{status} {json.loads(body).get('detail', '')}".strip()
    except (ValueError, AttributeError):
        return f"{status} {body[:200].decode('utf-8', 'replace')}".strip()


def fetch_checkpoint(base: str):
    """(origin, size, root) of the server's checkpoint, unsigned-checked; None if it has none."""
    url = f"{base}/api/v1/log/checkpoint"
    status, body = get(url, None, MAX_NOTE_BYTES, "text/plain")
    if status in (404, 503):  # none (yet): an older server, or one waiting for its witnesses
        print(f"note: no checkpoint ({problem(status, body)}); the root is computed but not compared")
        return None
    if status != 200:
        raise Trouble(f"{url}: {problem(status, body)}")
    try:
        text = body.decode("utf-8")
        i = text.rindex("\n\n")
        lines = text[: i + 1].split("\n")[:-1]
        origin, size_s, root_s = lines[0], lines[1], lines[2]
        if not origin or not size_s.isdigit() or (size_s != "0" and size_s[0] == "0"):
            raise ValueError("bad origin or size line")
        root = base64.b64decode(root_s, validate=True)
        if len(root) != 32:
            raise ValueError("root is not 32 bytes")
    except (ValueError, IndexError, UnicodeDecodeError) as err:
        raise Failed(f"the checkpoint is malformed ({err})")
    return origin, int(size_s), root


def hex32(e: dict, k: str) -> bytes:
    b = bytes.fromhex(e[k])
    if len(b) != 32:
        raise ValueError(f"{k} is not 32 bytes")
    return b


def walk(base: str, token, checkpoint):
    prev, seq, redacted, tree, cp_root = bytes(32), 0, 0, Tree(), None
    cp_size = checkpoint[1] if checkpoint else None
    if cp_size == 0:
        cp_root = tree.root()
    while True:
        url = f"{base}/api/v1/log?after={seq}&limit={PAGE}"
        status, body = get(url, token, MAX_PAGE_BYTES)
        if status != 200:
            raise Trouble(f"{url}: {problem(status, body)}")
        try:
            page = json.loads(body)
            if not isinstance(page, list):
                raise ValueError("not a JSON array")
        except ValueError as err:
            raise Failed(f"after seq {seq}: the page is not a JSON array of entries ({err})")
        if not page:
            break
        for e in page:
            want = seq + 1
            try:
                if e["seq"] != want:
                    raise Failed(f"FAILED at seq {want}: entry missing (got seq {e['seq']})")
                if hex32(e, "prev_hash") != prev:
                    raise Failed(f"FAILED at seq {want}: does not link to the previous hash")
                digest = hex32(e, "digest")
                if e["redacted"] is True:
                    redacted += 1  # content withheld: its digest stands for it
                elif e["redacted"] is False:
                    salt = bytes.fromhex(e["salt"])
                    if len(salt) != 16:
                        raise ValueError("salt is not 16 bytes")
                    if content_digest(salt, e) != digest:
                        raise Failed(f"FAILED at seq {want}: digest does not match the content")
                else:
                    raise ValueError("redacted is not a boolean")
                h = chain_hash(prev, want, e["classification"], digest)
                if h != hex32(e, "hash"):
                    raise Failed(f"FAILED at seq {want}: hash does not match prev_hash, seq, classification and digest")
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                raise Failed(f"FAILED at seq {want}: malformed entry ({err!r})")
            prev, seq = h, want
            tree.append(h)
            if tree.size == cp_size:
                cp_root = tree.root()
    return seq, prev, redacted, tree.root(), cp_root


def main() -> int:
    args = sys.argv[1:]
    self_test()
    if args == ["--self-test"]:
        print("self-test ok: the v2 test vector and the RFC 6962 Merkle roots")
        return 0
    if not args or len(args) > 2 or args[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    base, token = args[0].rstrip("/"), (args[1] if len(args) > 1 else None)
    try:
        checkpoint = fetch_checkpoint(base)
        if checkpoint:
            print(f"checkpoint: {checkpoint[0]}, size {checkpoint[1]}, root {checkpoint[2].hex()} (its signature is not checked here: scripts/verify-checkpoint.py does)")
        n, head, redacted, root, cp_root = walk(base, token, checkpoint)
        if checkpoint:
            if n < checkpoint[1]:
                raise Failed(f"FAILED: the log shows {n} entries, fewer than the checkpoint's {checkpoint[1]}")
            if cp_root != checkpoint[2]:
                raise Failed(f"FAILED: the root over entries 1..{checkpoint[1]} is {cp_root.hex()}, "
                             f"not the checkpoint's {checkpoint[2].hex()}")
    except Failed as err:
        print(err if str(err).startswith("FAILED") else f"FAILED: {err}")
        return 1
    except Trouble as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    note = f" ({redacted} withheld entries checked from their digest)" if redacted else ""
    print(f"ok: {n} entries, head {head.hex()}, root {root.hex()}{note}")
    if checkpoint:
        print(f"ok: the root over the first {checkpoint[1]} entries is the checkpoint's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
