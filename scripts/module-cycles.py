#!/usr/bin/env python3
"""Checks that no crate has a circle of imports between its module files.

A module file A depends on module file B when A names, in a `use` or in a path in its code, an
item that B defines. Re-exports are followed to the module that defines the item (a crate
root's `pub use shared::*`, a folder's `pub use query::Thing`), so importing through a re-export
is an edge to the definer, not to the module that re-exports it; `mod x;` declarations are not
edges. Any strongly connected set of two or more files is printed with the imports that close
it, and the script exits 1.

usage: scripts/module-cycles.py [CRATES_DIR]   (default: crates)
"""

import re
import sys
from pathlib import Path

ITEM = re.compile(
    r"^\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+|const\s+|unsafe\s+)*"
    r"(?:struct|enum|fn|trait|type|const|static|union|mod)\s+(\w+)",
    re.M,
)
MACRO = re.compile(r"macro_rules!\s*(\w+)")
USE = re.compile(r"^\s*(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", re.M)
INLINE = re.compile(r"(?<![\w$])(crate|super|self)((?:::\w+)+)")


def strip(text):
    """The text without comments, string literals (which may hold `crate::` in prose) and
    `#[cfg(test)]` modules (a test may use anything; it is not part of the module's shape)."""
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'r#*"(?:.|\n)*?"#*', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    while (m := re.search(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text)):
        depth, i = 1, m.end()
        while depth and i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        text = text[: m.start()] + text[i:]
    return text


def expand(tree):
    """A use tree (`a::{b, c::{d as e, *}}`) as (path, name) pairs: (`a::b`, `b`),
    (`a::c::d`, `e`), (`a::c::*`, `*`). The name is what the importing module calls it."""
    tree = re.sub(r"\s+as\s+", "@", tree.strip())
    tree = re.sub(r"\s+", "", tree)
    out = []

    def walk(prefix, s):
        brace = s.find("{")
        if brace < 0:
            path, _, alias = s.partition("@")
            path = prefix + path
            last = path.split("::")[-1]
            out.append((path.removesuffix("::self"), alias or (last if last != "self" else
                        path.split("::")[-2])))
            return
        head, inner = s[:brace], s[brace + 1 : -1]
        depth, start = 0, 0
        for i, ch in enumerate(inner + ","):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                part = inner[start:i]
                if part:
                    walk(prefix + head, part)
                start = i + 1

    walk("", tree)
    return out


class Crate:
    def __init__(self, src):
        self.src = src
        self.files = {}  # module path (tuple) -> file
        for f in sorted(src.rglob("*.rs")):
            rel = f.relative_to(src).with_suffix("").parts
            if rel in (("lib",), ("main",)):
                mod = ()
            elif rel[-1] == "mod":
                mod = rel[:-1]
            else:
                mod = rel
            if rel[0] == "bin":
                continue
            self.files[mod] = f
        self.text = {m: strip(f.read_text()) for m, f in self.files.items()}
        self.items = {
            m: set(ITEM.findall(t)) | set(MACRO.findall(t)) for m, t in self.text.items()
        }
        self.reexports = {m: [] for m in self.files}  # module -> [(name or '*', target path)]
        for m, t in self.text.items():
            for vis, tree in USE.findall(t):
                if not vis:
                    continue
                for p, alias in expand(tree):
                    segs = self.absolute(m, p.split("::"))
                    if segs is not None:
                        self.reexports[m].append((alias, segs))

    def absolute(self, here, segs):
        """A path as absolute module segments, or None when it leaves the crate."""
        if segs[0] == "crate":
            return list(segs[1:])
        base = list(here)
        i = 0
        while i < len(segs) and segs[i] in ("self", "super"):
            if segs[i] == "super":
                if not base:
                    return None
                base.pop()
            i += 1
        if i == 0:
            # `use child::Thing` or `use shared::*` from within the module itself.
            if tuple(base + [segs[0]]) in self.files:
                return base + list(segs)
            return None
        return base + list(segs[i:])

    def resolve(self, segs, seen=None):
        """The module files that define what an absolute path names."""
        seen = seen or set()
        mod = ()
        for i, s in enumerate(segs):
            if mod + (s,) in self.files:
                mod = mod + (s,)
                continue
            rest = segs[i:]
            return self.item(mod, rest[0], seen) if rest[0] != "*" else set()
        return {mod}

    def item(self, mod, name, seen):
        if (mod, name) in seen:
            return set()
        seen.add((mod, name))
        if name in self.items.get(mod, ()):
            return {mod}
        found = set()
        for alias, target in self.reexports.get(mod, []):
            if alias == name:
                found |= self.resolve(target, seen)
            elif alias == "*":
                found |= self.resolve(target[:-1] + [name], seen)
        return found

    def edges(self):
        out = {}
        for m, t in self.text.items():
            paths = []
            for vis, tree in USE.findall(t):
                if vis:
                    continue  # a re-export is an alias, followed by resolve()
                paths += [p for p, _ in expand(tree)]
            paths += [a + b for a, b in INLINE.findall(t)]
            for p in paths:
                segs = self.absolute(m, p.split("::"))
                if not segs:
                    continue
                for target in self.resolve(segs):
                    if target != m:
                        out.setdefault(m, {}).setdefault(target, p)
        return out


def cycles(edges, nodes):
    """Strongly connected sets of two or more nodes (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(comp)

    sys.setrecursionlimit(10000)
    for v in nodes:
        if v not in index:
            visit(v)
    return found


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "crates")
    bad = 0
    for src in sorted(root.glob("*/src")):
        crate = Crate(src)
        edges = crate.edges()
        n = sum(len(v) for v in edges.values())
        comps = cycles(edges, list(crate.files))
        print(f"{src.parent.name}: {len(crate.files)} module files, {n} imports between them, "
              f"{len(comps)} circles")
        for comp in comps:
            bad += 1
            members = set(comp)
            for a in sorted(comp):
                for b, via in sorted(edges.get(a, {}).items()):
                    if b in members:
                        name = lambda m: "::".join(m) or "(root)"
                        print(f"  {name(a)} -> {name(b)}  ({via})")
    if bad:
        print(f"module-cycles: {bad} circle(s) of imports", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
