#!/usr/bin/env python3
"""Make the small map extract the build draws from: data/geo/extract.json (+ data/geo/manifest.json).

Usage (needs the network once, and scripts/requirements-maps.txt in the venv):
    .venv/bin/pip install -r scripts/requirements-maps.txt
    .venv/bin/python -m scripts.make_map_data            # writes data/geo/extract.json and manifest.json
    .venv/bin/python -m scripts.make_map_data --check    # exit 1 if the committed files differ from the manifest

Source: Natural Earth country outlines (public domain), as TopoJSON in the `world-atlas` npm
package, pinned below and fetched with `npm pack` (npm's configured registry; no host is named here).
The TopoJSON arcs are decoded here (quantized, delta-encoded; a negative index ~i is arc i reversed),
then each extent is clipped to its longitude/latitude box and simplified with shapely. Coordinates stay
longitude/latitude in degrees: hooks/render/geo.py projects them at build time, so the build needs neither
shapely nor the network. The manifest records package, version, the tarball's sha256 and the extract's.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "geo"
PACKAGE, VERSION = "world-atlas", "2.0.2"          # Natural Earth 4.1.0 (the package's README)
TARBALL_SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"

# extent -> which file, box (west, south, east, north) in degrees, simplification tolerance in
# degrees, decimals kept. Boxes are a little larger than the maps' frames (hooks/render/maps.py).
EXTENTS = {
    "region": {"file": "countries-10m.json", "box": (118.0, 33.0, 143.5, 56.0), "tolerance": 0.02, "decimals": 3},
    "border": {"file": "countries-10m.json", "box": (129.9, 42.0, 131.2, 42.9), "tolerance": 0.001, "decimals": 4},
    "long-view": {"file": "countries-50m.json", "box": (18.0, 28.0, 142.0, 72.0), "tolerance": 0.15, "decimals": 2},
}
NORTH_KOREA, RUSSIA, UKRAINE = "408", "643", "804"   # ISO 3166 numeric ids used by world-atlas
# Natural Earth 4.1.0 draws Crimea inside Russia. Like the UN General Assembly (resolution 68/262)
# and the U.S. government, the maps show it as part of Ukraine: Russia's polygons whose centre lies
# in this box are moved to Ukraine.
CRIMEA_BOX = (32.4, 44.3, 36.7, 46.3)
# Natural Earth's 1:10m line shared by North Korea and Russia runs about 13 km too far up the
# Tumen River (32 km in all; the border is about 17 km). The highlighted border starts where the
# line passes the Khasan-Tumangang rail bridge, which stands just below the tripoint (sources in
# data/places.yml); the part upstream of it is left out.
RAIL_BRIDGE = (130.641056, 42.415167)


# --- TopoJSON decoding (pure; tested in tests/unit/scripts/test_make_map_data.py) -----------

def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc: undo delta encoding, then the quantization transform."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points, x, y = [], 0, 0
        for position in arc:
            if transform:
                x, y = x + position[0], y + position[1]
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((position[0], position[1]))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    """Join arcs into one ring; ~i (negative) is arc i reversed; shared end points are kept once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(arcs: list, geometry: dict) -> list[list[list[tuple[float, float]]]]:
    """A Polygon or MultiPolygon geometry as a list of polygons, each a list of rings (outer first)."""
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


def shared_arcs(geometries: list, a: str, b: str) -> set[int]:
    """Indexes of the arcs both countries use: their common border."""
    def used(geometry):
        flat = set()
        for polygon in (geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]):
            for r in polygon:
                flat.update(i if i >= 0 else ~i for i in r)
        return flat
    by_id = {g.get("id"): g for g in geometries}
    return used(by_id[a]) & used(by_id[b])


# --- Clipping, simplifying, writing ------------------------------------------------------------

def extract(topology: dict, box, tolerance: float, decimals: int) -> dict:
    from shapely.geometry import LineString, Point, Polygon, mapping
    from shapely.geometry import box as make_box
    from shapely.ops import linemerge, substring, unary_union

    arcs = decode_arcs(topology)
    frame = make_box(*box)
    geometries = topology["objects"]["countries"]["geometries"]
    crimea = make_box(*CRIMEA_BOX)
    shapes = {}
    for geometry in geometries:
        parts = [Polygon(p[0], [r for r in p[1:] if len(r) >= 4]) for p in polygons(arcs, geometry) if len(p[0]) >= 4]
        if parts:
            shapes[geometry.get("id")] = (geometry, parts)
    if RUSSIA in shapes and UKRAINE in shapes:
        russia, ukraine = shapes[RUSSIA][1], shapes[UKRAINE][1]
        moved = [p for p in russia if crimea.contains(p.centroid)]
        shapes[RUSSIA] = (shapes[RUSSIA][0], [p for p in russia if p not in moved])
        shapes[UKRAINE] = (shapes[UKRAINE][0], ukraine + moved)
    features = []
    for geometry, parts in shapes.values():
        shape = unary_union([p.buffer(0) for p in parts]).intersection(frame)
        if shape.is_empty:
            continue
        shape = shape.simplify(tolerance, preserve_topology=True)
        if shape.is_empty or shape.area < (tolerance * tolerance):
            continue
        features.append({"type": "Feature", "properties": {"id": geometry.get("id"), "name": geometry["properties"]["name"]},
                         "geometry": _round(mapping(shape), decimals)})
    border = linemerge([LineString(arcs[i]) for i in sorted(shared_arcs(geometries, NORTH_KOREA, RUSSIA))])
    if border.geom_type == "LineString":
        start, end = Point(border.coords[0]), Point(border.coords[-1])
        if start.y < end.y:                      # run it downstream: from the bridge to the sea
            border = LineString(border.coords[::-1])
        border = substring(border, border.project(Point(RAIL_BRIDGE)), border.length)
    border = border.intersection(frame).simplify(tolerance / 4)
    if not border.is_empty:
        features.append({"type": "Feature", "properties": {"id": "border-408-643", "name": "North Korea-Russia border"},
                         "geometry": _round(mapping(border), decimals)})
    features.sort(key=lambda f: f["properties"]["id"] or "")
    return {"type": "FeatureCollection", "bbox": list(box), "features": features}


def _round(geometry, decimals: int):
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], (int, float)):
                return [round(float(v), decimals) for v in value]
            return [walk(v) for v in value]
        return value
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def fetch(workdir: Path) -> Path:
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir, check=True, capture_output=True)
    tarball = workdir / f"{PACKAGE}-{VERSION}.tgz"
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != TARBALL_SHA256:
        sys.exit(f"{tarball.name}: sha256 {digest} differs from the pinned {TARBALL_SHA256} (check the version)")
    with tarfile.open(tarball) as archive:
        archive.extractall(workdir, filter="data")
    return workdir / "package"


def dumps(data) -> str:
    return json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n"


def problems(root: Path = ROOT) -> list[str]:
    """The committed extract matches the sha256 its manifest records (the fast check, scripts/check.py, runs this)."""
    out = root / "data" / "geo"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    if not (out / manifest["file"]).exists():
        return [f"data/geo/{manifest['file']}:1: map extract is missing (restore it from git or run scripts/make_map_data.py)"]
    digest = hashlib.sha256((out / manifest["file"]).read_bytes()).hexdigest()
    if digest != manifest["sha256"]:
        return [f"data/geo/{manifest['file']}:1: sha256 differs from data/geo/manifest.json "
                "(re-run python -m scripts.make_map_data; never edit the extract by hand)"]
    return []


def check() -> int:
    found = problems()
    print("\n".join(found) or "data/geo/extract.json matches its manifest")
    return 1 if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed extract against its manifest")
    if parser.parse_args().check:
        return check()
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch(Path(tmp))
        data = {"source": f"Natural Earth 4.1.0 via npm {PACKAGE}@{VERSION}", "extents": {}}
        for name, spec in EXTENTS.items():
            topology = json.loads((package / spec["file"]).read_text(encoding="utf-8"))
            data["extents"][name] = extract(topology, spec["box"], spec["tolerance"], spec["decimals"])
            data["extents"][name]["source_file"] = spec["file"]
    OUT.mkdir(parents=True, exist_ok=True)
    text = dumps(data)
    (OUT / "extract.json").write_text(text, encoding="utf-8")
    manifest = {
        "file": "extract.json",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "package": PACKAGE, "version": VERSION, "tarball_sha256": TARBALL_SHA256,
        "data": "Natural Earth 4.1.0 Admin 0 countries (1:10m and 1:50m), public domain",
        "license": "world-atlas: ISC; Natural Earth data: public domain",
        "script": "scripts/make_map_data.py",
        "extents": {name: {k: spec[k] for k in ("file", "box", "tolerance", "decimals")} for name, spec in EXTENTS.items()},
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"data/geo/extract.json: {len(text) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
