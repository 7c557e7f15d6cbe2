"""Which pages show which maps, read from the Markdown sources (the built maps: tests/build/test_maps.py;
in Chromium: tests/browser/test_maps.py)."""
from __future__ import annotations

from helpers.built import ROOT
from hooks.render import markers


def map_pages() -> dict[str, list[str]]:
    """docs page -> the maps its markers ask for, read from the Markdown sources."""
    found = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        names = [m["name"].removeprefix("map-") for m in markers.MARKER.finditer(path.read_text(encoding="utf-8"))
                 if m["name"].startswith("map-") and not m["indent"]]
        if names:
            found[path.relative_to(ROOT / "docs").as_posix()] = names
    return found
