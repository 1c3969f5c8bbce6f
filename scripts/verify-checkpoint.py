#!/usr/bin/env python3
"""Check Konbit's signed checkpoint, and that the log only ever grows, from outside, with the
standard library and the `cryptography` package (Ed25519) only.

usage: verify-checkpoint.py BASE_URL --key VKEY [--saved FILE] [--save FILE] [--entries N] [--no-tiles]
       verify-checkpoint.py --self-test
  BASE_URL      e.g. http://127.0.0.1:8080 (everything read here is anonymous)
  --key VKEY    the log's verifier key, `name+hexkeyid+base64(0x01 ‖ Ed25519 public key)`, as
                `konbit log key` prints it; get it from the log's operator, not from the server
  --saved FILE  a checkpoint note saved earlier (--save): its signature is checked too, and the
                server must prove (RFC 9162 consistency proof) that its current tree extends it
  --save FILE   write the current note to FILE once it has been verified
  --entries N   check the inclusion proofs of N entries spread over the log (the first, the last
                and evenly between) against the checkpoint's root
  --no-tiles    skip the tiles (for a very large log: they are read in full, see below)

What it checks:
  1. GET /api/v1/log/checkpoint is a C2SP signed note (c2sp.org/signed-note) holding a C2SP
     tlog-checkpoint (origin, tree size, base64 root). The signature line whose name and key id are
     the verifier key's must be a valid Ed25519 signature over the note's text; other signature
     lines (witness cosignatures, other keys) are ignored. The key id must be the first four bytes
     of SHA-256(name ‖ "\\n" ‖ 0x01 ‖ public key), and the origin must be the key's name.
  2. With --saved: the saved note's signature likewise, then
       saved size = current size: the roots must be equal;
       saved size < current size: GET /api/v1/log/proof/consistency?from=S&to=N must verify
                                  (RFC 9162 §2.1.4.2) between the two roots;
       saved size > current size: the server shows a tree smaller than one it signed before.
     Anything else is a split view or rewritten history: exit 1, naming it.
  3. With --entries N: for each chosen seq, the entry from GET /api/v1/log?after=seq-1&limit=1
     (its hash recomputed from prev_hash, seq, classification and digest, and its digest from the
     content when shown), and GET /api/v1/log/proof/inclusion?seq=seq&size=N, verified by
     RFC 9162 §2.1.3.2 against the checkpoint's root.
  4. The tiles (C2SP tlog-tiles, at /tlog/): the simple, complete way. Every entry bundle of the
     checkpoint's tree (/tlog/tile/entries/N, the last one partial, .p/W) is read, and the root is
     computed from the chain hashes in them (so the bundles alone prove the checkpoint); then every
     hash tile at every level (/tlog/tile/L/N[.p/W]) is compared with the nodes computed from those
     leaves. That reads about 2·size/256 tiles — a few for the demo, thousands for millions of
     entries (use --no-tiles there). A partial tile that is gone is read from its full tile, as
     tlog-tiles allows. The entry bundles must also hold the chain hashes of the entries of step 3.

Answers are bounded (4 MiB; a checkpoint note 64 KiB). Exit 0 when everything holds; 1 when a
verification fails (a line says which); 2 on a usage, network or server error.
scripts/verify-log.py (standard library only) recomputes every entry of the log instead.
"""
import argparse, base64, hashlib, json, os, struct, sys, tempfile, urllib.error, urllib.request

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
except ImportError:
    print("error: verify-checkpoint.py needs the `cryptography` package (pip install cryptography)", file=sys.stderr)
    sys.exit(2)

MAX_BYTES = 4 << 20
MAX_NOTE_BYTES = 64 << 10
TIMEOUT = 60
TILE_H = 8
TILE_W = 1 << TILE_H


class Failed(Exception):
    """Verification failed: exit 1."""


class Trouble(Exception):
    """Usage, network or server error: exit 2."""


# ---- the log's hashes -------------------------------------------------------------------------

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


def root_of(hashes: list) -> bytes:
    """RFC 9162 MTH over leaf *hashes* (already SHA-256(0x00 ‖ leaf))."""
    if not hashes:
        return hashlib.sha256(b"").digest()
    stack = []  # (height, hash) of perfect subtrees, largest first
    for h in hashes:
        height = 0
        while stack and stack[-1][0] == height:
            h, height = node_hash(stack.pop()[1], h), height + 1
        stack.append((height, h))
    r = stack[-1][1]
    for _, h in reversed(stack[:-1]):
        r = node_hash(h, r)
    return r


def verify_inclusion(index: int, size: int, leaf_h: bytes, proof: list, root: bytes):
    """RFC 9162 §2.1.3.2."""
    if index >= size:
        raise Failed(f"inclusion: leaf {index} is outside a tree of {size}")
    fn, sn, r = index, size - 1, leaf_h
    for p in proof:
        if sn == 0:
            raise Failed("inclusion: the proof is too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise Failed("inclusion: the proof is too short")
    if r != root:
        raise Failed("inclusion: the proof does not lead to the root")


def verify_consistency(first: int, second: int, proof: list, first_root: bytes, second_root: bytes):
    """RFC 9162 §2.1.4.2 (first ≥ 1)."""
    if first < 1 or first > second:
        raise Failed(f"consistency: sizes {first} → {second} are not ordered")
    if first == second:
        if proof:
            raise Failed("consistency: the proof between equal sizes must be empty")
        if first_root != second_root:
            raise Failed("consistency: equal sizes with different roots")
        return
    if first & (first - 1) == 0:
        proof = [first_root] + list(proof)
    if not proof:
        raise Failed("consistency: the proof is empty")
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            raise Failed("consistency: the proof is too long")
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise Failed("consistency: the proof is too short")
    if fr != first_root:
        raise Failed("consistency: the proof does not lead to the earlier root")
    if sr != second_root:
        raise Failed("consistency: the proof does not lead to the current root")


# ---- signed notes and checkpoints -------------------------------------------------------------

class VerifierKey:
    def __init__(self, text: str):
        parts = text.strip().split("+", 2)  # the name holds no '+'; the base64 may
        if len(parts) != 3:
            raise Trouble("the verifier key is not name+hexkeyid+base64key")
        name, hexid, b64 = parts
        if not name or any(c.isspace() for c in name):
            raise Trouble("the verifier key's name is empty or holds a space")
        if len(hexid) != 8 or any(c not in "0123456789abcdef" for c in hexid):
            raise Trouble("the verifier key's id is not 8 lowercase hex digits")
        try:
            raw = base64.b64decode(b64, validate=True)
        except ValueError:
            raise Trouble("the verifier key's key is not base64")
        if len(raw) != 33 or raw[0] != 0x01:
            raise Trouble("the verifier key is not an Ed25519 key (0x01 ‖ 32 bytes)")
        key_id = hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4]
        if key_id.hex() != hexid:
            raise Trouble(f"the verifier key's id {hexid} is not the one of its name and key ({key_id.hex()})")
        self.name, self.key_id, self.public = name, key_id, Ed25519PublicKey.from_public_bytes(raw[1:])


def open_note(msg: bytes, vkey: VerifierKey):
    """The text of a signed note after checking the signature by `vkey`; (text, others ignored)."""
    try:
        s = msg.decode("utf-8")
    except UnicodeDecodeError:
        raise Failed("the note is not UTF-8")
    if any(ord(c) < 0x20 and c != "\n" for c in s):
        raise Failed("the note holds a control character")
    if not s.endswith("\n") or "\n\n" not in s:
        raise Failed("the note has no blank line before its signatures, or does not end in a newline")
    i = s.rindex("\n\n")
    text, sigs = s[: i + 1], s[i + 2 :].split("\n")[:-1]
    if not sigs:
        raise Failed("the note has no signature")
    mine, others = [], 0
    for line in sigs:
        if not line.startswith("\u2014 "):
            raise Failed(f"malformed signature line {line[:60]!r}")
        try:
            name, b64 = line[2:].split(" ")
            sig = base64.b64decode(b64, validate=True)
        except ValueError:
            raise Failed(f"malformed signature line {line[:60]!r}")
        if len(sig) < 5:
            raise Failed(f"malformed signature line {line[:60]!r}")
        if name == vkey.name and sig[:4] == vkey.key_id:
            mine.append(sig[4:])
        else:
            others += 1
    if not mine:
        raise Failed(f"the note carries no signature by {vkey.name}+{vkey.key_id.hex()}")
    if len(mine) > 1:
        raise Failed(f"the note carries {len(mine)} signatures by the key: malformed")
    if len(mine[0]) != 64:
        raise Failed("the key's signature is not 64 bytes")
    try:
        vkey.public.verify(mine[0], text.encode("utf-8"))
    except InvalidSignature:
        raise Failed(f"the signature by {vkey.name} does not verify: the note was changed or not signed by this key")
    return text, others


class Checkpoint:
    def __init__(self, note: bytes, vkey: VerifierKey, what: str):
        try:
            text, self.others = open_note(note, vkey)
        except Failed as err:
            raise Failed(f"{what}: {err}")
        lines = text.split("\n")[:-1]
        if len(lines) < 3:
            raise Failed(f"{what}: not a checkpoint (origin, size, root)")
        self.origin, size_s, root_s = lines[:3]
        if self.origin != vkey.name:
            raise Failed(f"{what}: its origin {self.origin!r} is not the key's name {vkey.name!r}")
        if not size_s.isascii() or not size_s.isdigit() or (len(size_s) > 1 and size_s[0] == "0") or len(size_s) > 19:
            raise Failed(f"{what}: its size line {size_s!r} is not a decimal number")
        try:
            self.root = base64.b64decode(root_s, validate=True)
        except ValueError:
            self.root = b""
        if len(self.root) != 32:
            raise Failed(f"{what}: its root line is not the base64 of 32 bytes")
        self.size, self.note = int(size_s), note

    def __str__(self):
        return f"size {self.size}, root {self.root.hex()}"


# ---- HTTP -------------------------------------------------------------------------------------

def get(url: str, limit: int = MAX_BYTES, accept: str = "application/json", missing_ok: bool = False):
    req = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as r:
            body = r.read(limit + 1)
    except urllib.error.HTTPError as err:
        if missing_ok and err.code == 404:
            return None
        detail = err.read(4096)
        try:
            detail = json.loads(detail).get("detail", "")
        except (ValueError, AttributeError):
            detail = detail[:200].decode("utf-8", "replace")
        raise Trouble(f"{url}: {err.code} {detail}".rstrip())
    except (urllib.error.URLError, OSError) as err:
        raise Trouble(f"cannot reach {url}: {getattr(err, 'reason', err)}")
    if len(body) > limit:
        raise Trouble(f"{url}: the answer is over {limit} bytes, refused")
    return body


def get_json(url: str):
    try:
        return json.loads(get(url))
    except ValueError:
        raise Failed(f"{url}: the answer is not JSON")


def get_proof(url: str) -> list:
    d = get_json(url)
    try:
        hashes = [bytes.fromhex(x) for x in d["hashes"]]
        if any(len(h) != 32 for h in hashes) or len(hashes) > 64:
            raise ValueError
    except (KeyError, TypeError, ValueError, AttributeError):
        raise Failed(f"{url}: the answer is not {{\"hashes\": [64 hex digits, …]}}")
    return hashes


# ---- the checks -------------------------------------------------------------------------------

def check_entries(base: str, cp: Checkpoint, n: int) -> dict:
    """Inclusion proofs of n entries spread over the checkpoint's tree; {seq: chain hash}."""
    size = cp.size
    if size == 0 or n <= 0:
        return {}
    if n >= size:
        seqs = list(range(1, size + 1))
    elif n == 1:
        seqs = [size]
    else:
        seqs = sorted({1 + round(i * (size - 1) / (n - 1)) for i in range(n)})
    seen = {}
    for seq in seqs:
        url = f"{base}/api/v1/log?after={seq - 1}&limit=1"
        page = get_json(url)
        try:
            e = page[0]
            if e["seq"] != seq:
                raise Failed(f"entry {seq}: {url} answered seq {e['seq']}")
            h, prev, digest = (bytes.fromhex(e[k]) for k in ("hash", "prev_hash", "digest"))
            if e["redacted"] is False:
                if content_digest(bytes.fromhex(e["salt"]), e) != digest:
                    raise Failed(f"entry {seq}: its digest does not match its content")
            if chain_hash(prev, seq, e["classification"], digest) != h or len(h) != 32:
                raise Failed(f"entry {seq}: its hash does not match prev_hash, seq, classification and digest")
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as err:
            raise Failed(f"entry {seq}: malformed answer from {url} ({err!r})")
        proof = get_proof(f"{base}/api/v1/log/proof/inclusion?seq={seq}&size={size}")
        try:
            verify_inclusion(seq - 1, size, leaf_hash(h), proof, cp.root)
        except Failed as err:
            raise Failed(f"entry {seq}: {err} of the checkpoint (size {size})")
        seen[seq] = h
    print(f"ok: inclusion proofs of {len(seqs)} entries (seq {seqs[0]}..{seqs[-1]}) in the checkpoint's tree")
    return seen


def tile_path(n: int) -> str:
    s = f"{n:03d}"
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s.zfill(3))
    return "/".join([f"x{g}" for g in groups[:-1]] + [groups[-1]])


def get_tile(base: str, kind: str, n: int, width: int) -> bytes:
    """Tile `kind` (a level, or "entries") number n of `width` items; a partial one that is gone is
    read from the full tile. The raw bytes of exactly `width` items."""
    item = 34 if kind == "entries" else 32
    url = f"{base}/tlog/tile/{kind}/{tile_path(n)}"
    body = None
    if width < TILE_W:
        body = get(f"{url}.p/{width}", accept="application/octet-stream", missing_ok=True)
        if body is not None and len(body) != width * item:
            raise Failed(f"tile {kind}/{tile_path(n)}.p/{width}: {len(body)} bytes, not {width * item}")
    if body is None:
        body = get(url, accept="application/octet-stream", missing_ok=width < TILE_W)
        if body is None:
            raise Trouble(f"{url}: neither the partial tile .p/{width} nor the full one is served")
        if len(body) != TILE_W * item:
            raise Failed(f"tile {kind}/{tile_path(n)}: {len(body)} bytes, not {TILE_W * item}")
        body = body[: width * item]
    return body


def check_tiles(base: str, cp: Checkpoint, seen: dict):
    size = cp.size
    leaves = []
    for n in range((size + TILE_W - 1) // TILE_W):
        width = min(TILE_W, size - n * TILE_W)
        body = get_tile(base, "entries", n, width)
        for i in range(width):
            rec = body[i * 34 : (i + 1) * 34]
            if rec[:2] != b"\x00\x20":
                raise Failed(f"entry bundle {tile_path(n)}: entry {n * TILE_W + i + 1} is not 32 bytes long")
            leaves.append(rec[2:])
    for seq, h in seen.items():
        if leaves[seq - 1] != h:
            raise Failed(f"entry bundle: the leaf of entry {seq} is not the hash /api/v1/log shows")
    level = [leaf_hash(x) for x in leaves]
    root = root_of(level)
    if root != cp.root:
        raise Failed(f"tiles: the root over the {size} leaves of the entry bundles is {root.hex()}, not the checkpoint's")
    count, L, tiles = (size + TILE_W - 1) // TILE_W, 0, 0
    while level:
        for n in range((len(level) + TILE_W - 1) // TILE_W):
            width = min(TILE_W, len(level) - n * TILE_W)
            body = get_tile(base, str(L), n, width)
            tiles += 1
            for i in range(width):
                if body[i * 32 : (i + 1) * 32] != level[n * TILE_W + i]:
                    raise Failed(f"tile {L}/{tile_path(n)}: hash {i} is not the node computed from the entry bundles")
        # the next level: the roots of each full run of 256 nodes of this one
        level = [root_of(level[j : j + TILE_W]) for j in range(0, len(level) - TILE_W + 1, TILE_W)]
        L += 1
    print(f"ok: the root from {count} entry bundles is the checkpoint's; {tiles} hash tiles over {L} levels match")


def save(path: str, note: bytes):
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".checkpoint-")
    with os.fdopen(fd, "wb") as f:
        f.write(note)
    os.replace(tmp, path)


def self_test():
    d = content_digest(bytes(range(16)), {
        "recorded_at": "2024-06-25T12:00:00.000000Z", "actor": "user:editor", "kind": "deployment.recorded",
        "subject": "01920000-0000-7000-8000-000000000001", "valid_at": "2024-06-25",
        "body": '{"country":"KEN","police":400}', "sources": "[]"})
    assert d.hex() == "9e0e2249c0673dd228df72af2a99884bb378f5932d230f371360456d5463e63a", "digest test vector"
    h = chain_hash(bytes(32), 1, "public", d)
    assert h.hex() == "28c9080630498d5baa17e5e6d9e0f478547ef9109c0a8d26bebbe038c80cd9fe", "hash test vector"
    # RFC 6962 test vectors (Certificate Transparency's, Go's tlog tests).
    x = bytes.fromhex
    leaves = [x(s) for s in ("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                             "606162636465666768696a6b6c6d6e6f")]
    roots = [x(s) for s in (
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    lh = [leaf_hash(l) for l in leaves]
    for n in range(1, 9):
        assert root_of(lh[:n]) == roots[n - 1], f"Merkle root of {n} test leaves"
    verify_inclusion(5, 8, lh[5], [x("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                                   x("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"), roots[3]], roots[7])
    verify_inclusion(2, 3, lh[2], [roots[1]], roots[2])
    verify_consistency(6, 8, [x("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                              x("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"), roots[3]],
                       roots[5], roots[7])
    verify_consistency(2, 5, [x("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                              x("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")], roots[1], roots[4])
    for bad in (lambda: verify_inclusion(4, 8, lh[5], [roots[3]], roots[7]),
                lambda: verify_consistency(2, 5, [roots[0]], roots[1], roots[4])):
        try:
            bad()
            raise AssertionError("a wrong proof verified")
        except Failed:
            pass
    # The signed note of golang.org/x/mod/sumdb/note's documentation.
    k = VerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
    assert VerifierKey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").key_id.hex() == "7997405c"
    text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    sig = "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    # Lines of other keys (a witness's cosignature; the same name with another key id) are ignored.
    other = ("\u2014 witness.example " + base64.b64encode(bytes(76)).decode() + "\n"
             "\u2014 PeterNeumann " + base64.b64encode(b"\x00\x00\x00\x01" + bytes(64)).decode() + "\n")
    assert open_note((text + sig + other).encode(), k) == (text, 2), "Go's signed note"
    try:
        open_note((text.replace("problem,", "problem;") + sig).encode(), k)
        raise AssertionError("a changed note verified")
    except Failed:
        pass
    assert tile_path(1234067) == "x001/x234/067" and tile_path(5) == "005" and tile_path(1000) == "x001/000"


def main() -> int:
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        print("self-test ok: the v2 test vector, RFC 6962 roots and proofs, Go's signed note")
        return 0
    p = argparse.ArgumentParser(usage="%(prog)s BASE_URL --key VKEY [--saved FILE] [--save FILE] [--entries N] [--no-tiles]",
                                description="Check Konbit's signed checkpoint; see the docstring at the top of this file.")
    p.add_argument("base")
    p.add_argument("--key", required=True)
    p.add_argument("--saved")
    p.add_argument("--save")
    p.add_argument("--entries", type=int, default=0)
    p.add_argument("--no-tiles", action="store_true")
    a = p.parse_args()  # exits 2 on a usage error
    self_test()
    base = a.base.rstrip("/")
    try:
        vkey = VerifierKey(a.key)
        saved_note = None
        if a.saved:
            try:
                with open(a.saved, "rb") as f:
                    saved_note = f.read(MAX_NOTE_BYTES + 1)
            except OSError as err:
                raise Trouble(f"cannot read {a.saved}: {err.strerror}")
            if len(saved_note) > MAX_NOTE_BYTES:
                raise Trouble(f"{a.saved} is over {MAX_NOTE_BYTES} bytes: not a checkpoint")
        cp = Checkpoint(get(f"{base}/api/v1/log/checkpoint", MAX_NOTE_BYTES, "text/plain"), vkey, "the checkpoint")
        ignored = f" ({cp.others} other signature lines ignored)" if cp.others else ""
        print(f"ok: checkpoint of {cp.origin} signed by its key {vkey.key_id.hex()}: {cp}{ignored}")
        if saved_note is not None:
            old = Checkpoint(saved_note, vkey, f"the saved checkpoint {a.saved}")
            print(f"ok: saved checkpoint signed by the key: {old}")
            if old.size > cp.size:
                raise Failed(f"the server's tree ({cp.size}) is smaller than the saved checkpoint's ({old.size}): "
                             f"it shows an older or a cut history")
            if old.size == cp.size:
                if old.root != cp.root:
                    raise Failed(f"SPLIT VIEW: the saved checkpoint and the current one have size {cp.size} "
                                 f"and different roots: the log's history was rewritten")
            if old.size == 0:  # every tree extends the empty one; no proof to ask for
                if old.root != hashlib.sha256(b"").digest():
                    raise Failed("the saved checkpoint has size 0 but not the empty tree's root")
                print(f"ok: the saved checkpoint is of the empty tree; the current one ({cp.size}) extends it")
            else:
                url = f"{base}/api/v1/log/proof/consistency?from={old.size}&to={cp.size}"
                try:
                    verify_consistency(old.size, cp.size, get_proof(url), old.root, cp.root)
                except Failed as err:
                    raise Failed(f"SPLIT VIEW: the current tree ({cp.size}) does not extend the saved one "
                                 f"({old.size}): {err}")
                print(f"ok: the current tree extends the saved one ({old.size} → {cp.size} entries, consistency proof verified)")
        seen = check_entries(base, cp, a.entries)
        if not a.no_tiles:
            check_tiles(base, cp, seen)
        if a.save:
            try:
                save(a.save, cp.note)
            except OSError as err:
                raise Trouble(f"cannot write {a.save}: {err.strerror}")
            print(f"saved the checkpoint ({cp.size} entries) to {a.save}")
    except Failed as err:
        print(f"FAILED: {err}")
        return 1
    except Trouble as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"ok: {cp.origin} at {cp.size} entries, root {cp.root.hex()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
