#!/usr/bin/env python3
"""Generate data/gazetteer/haiti/outline.geojson (Haiti's land outline).

Creates a throwaway directory, installs the npm package world-atlas@2 into it
(Natural Earth 1:10m Admin 0 countries, pre-built as TopoJSON by Mike
Bostock), and reads countries-10m.json. The script decodes the TopoJSON
itself, with the standard library only:

  * arcs are quantized and delta-encoded: each arc's first position is
    absolute, the following ones are differences, and every position is
    mapped to lon/lat with the topology's transform
    (lon = x * scale[0] + translate[0], lat = y * scale[1] + translate[1]);
  * a ring is a list of arc indexes, an index i >= 0 meaning arc i as is and
    i < 0 meaning arc ~i reversed; consecutive arcs share their end point,
    which is kept once.

Haiti is the geometry whose id is "332" (ISO 3166-1 numeric). Each polygon's
outer ring is simplified with Douglas-Peucker; islands whose area is below
MIN_RING_AREA square degrees are dropped (Ile de la Gonave, Ile de la Tortue,
Ile-a-Vache and the Cayemites are all well above it). The tolerance grows
until the whole outline has at most MAX_POINTS positions. Coordinates are
rounded to 4 decimals (about 11 m). Holes, if any, are dropped: the loader
only uses outer rings.

Usage: python3 scripts/gen-haiti-outline.py [--world-atlas-version 2.0.2]
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT_PATH = REPO / "data" / "gazetteer" / "haiti" / "outline.geojson"
HAITI_ID = "332"
MAX_POINTS = 1500
MIN_RING_AREA = 0.001  # square degrees, about 12 km2 at this latitude
START_TOLERANCE = 0.001  # degrees
DECIMALS = 4


def decode_arcs(topology):
    """Decodes every arc of the topology into a list of (lon, lat) tuples."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        sx, sy = transform["scale"]
        tx, ty = transform["translate"]
        x = y = 0
        out = []
        for p in arc:
            x += p[0]
            y += p[1]
            out.append((x * sx + tx, y * sy + ty))
        arcs.append(out)
    return arcs


def ring_from_arcs(indexes, arcs):
    """Joins the arcs of one ring, reversing the negative (~i) ones."""
    ring = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        if ring:
            ring.extend(arc[1:])
        else:
            ring.extend(arc)
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def area(ring):
    """Absolute planar area (square degrees) of a closed ring (shoelace)."""
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2.0


def perpendicular_distance(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    px, py = x1 + t * dx, y1 + t * dy
    return ((x - px) ** 2 + (y - py) ** 2) ** 0.5


def douglas_peucker(points, tolerance):
    """Iterative Douglas-Peucker on an open polyline; keeps both ends."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = perpendicular_distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tolerance):
    """Simplifies a closed ring: split at the vertex farthest from the start
    so that the two halves are simplified as open polylines, then re-close."""
    body = ring[:-1]
    if len(body) < 4:
        return ring
    start = body[0]
    far = max(range(len(body)),
              key=lambda i: (body[i][0] - start[0]) ** 2
              + (body[i][1] - start[1]) ** 2)
    first = douglas_peucker(body[: far + 1], tolerance)
    second = douglas_peucker(body[far:] + [start], tolerance)
    out = first + second[1:]
    if len(out) < 4:  # keep at least a triangle
        out = [body[0], body[len(body) // 3], body[2 * len(body) // 3],
               body[0]]
    return out


def rounded(ring):
    out = []
    for lon, lat in ring:
        p = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(list(out[0]))
    return out


def build(countries_json, world_atlas_version):
    topology = json.loads(countries_json)
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    haiti = [g for g in geometries if str(g.get("id")) == HAITI_ID]
    if len(haiti) != 1:
        raise SystemExit(f"expected one geometry with id {HAITI_ID}, "
                         f"found {len(haiti)}")
    geom = haiti[0]
    polygons = geom["arcs"] if geom["type"] == "MultiPolygon" \
        else [geom["arcs"]]
    outers = [ring_from_arcs(p[0], arcs) for p in polygons]
    raw_points = sum(len(r) for r in outers)
    kept = [r for r in outers if area(r) >= MIN_RING_AREA]
    kept.sort(key=area, reverse=True)

    tolerance = START_TOLERANCE
    while True:
        simplified = [rounded(simplify_ring(r, tolerance)) for r in kept]
        total = sum(len(r) for r in simplified)
        if total <= MAX_POINTS:
            break
        tolerance *= 1.25

    name = geom.get("properties", {}).get("name", "Haiti")
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    feature = {
        "type": "Feature",
        "properties": {
            "name": name,
            "name_fr": "Haïti",
            "iso_a2": "HT",
            "iso_a3": "HTI",
            "iso_n3": HAITI_ID,
            "source": "Natural Earth 1:10m Admin 0 - Countries (public "
                      "domain), as TopoJSON in the npm package world-atlas "
                      f"{world_atlas_version} (countries-10m.json)",
            "method": "TopoJSON arcs decoded; outer rings only; rings under "
                      f"{MIN_RING_AREA} square degrees dropped; "
                      "Douglas-Peucker tolerance "
                      f"{tolerance:.5f} degrees; {DECIMALS} decimals",
            "rings": len(simplified),
            "points": total,
            "source_points": raw_points,
            "source_rings": len(outers),
            "generated": today,
            "generator": "scripts/gen-haiti-outline.py",
        },
        "geometry": {
            "type": "MultiPolygon",
            "coordinates": [[ring] for ring in simplified],
        },
    }
    collection = {"type": "FeatureCollection", "features": [feature]}
    OUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as f:
        json.dump(collection, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT_PATH.relative_to(REPO)}: {len(simplified)} rings, "
          f"{total} points (from {len(outers)} rings, {raw_points} points; "
          f"tolerance {tolerance:.5f} deg; world-atlas {world_atlas_version})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--world-atlas-version", default="2",
                    help="npm version spec of world-atlas (default: 2)")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="gen-haiti-outline-")
    try:
        subprocess.run(["npm", "init", "-y"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run(["npm", "install", "--silent", "--no-audit",
                        "--no-fund",
                        f"world-atlas@{args.world_atlas_version}"],
                       cwd=tmp, check=True)
        pkg = os.path.join(tmp, "node_modules", "world-atlas")
        with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
            version = json.load(f)["version"]
        with open(os.path.join(pkg, "countries-10m.json"),
                  encoding="utf-8") as f:
            countries = f.read()
        build(countries, version)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
