"""Edge labels of a drawn diagram do not overlap one another (the actors page's phone diagram once
drew "munitions, missiles" across "food, fuel, know-how" at every width).

Reads the SVGs that hooks/diagrams/prerender.py puts into the built HTML (both layouts of a
diagram), so it needs no browser: each edge label's box is the foreignObject Mermaid sized for
its text, placed by the translate() of the label and of every group around it.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from conftest import nav_pages
from helpers.built import built_path, soup

_TRANSLATE = re.compile(r"translate\(\s*(-?[\d.e+-]+)[\s,]+(-?[\d.e+-]+)\s*\)")


def _offset(tag: Tag) -> tuple[float, float]:
    """Sum of the translate() transforms on `tag` and its ancestors up to the <svg>."""
    x = y = 0.0
    node = tag
    while isinstance(node, Tag) and node.name != "svg":
        m = _TRANSLATE.search(node.get("transform", "") or "")
        if m:
            x, y = x + float(m.group(1)), y + float(m.group(2))
        node = node.parent
    return x, y


def label_boxes(svg: Tag) -> list[tuple[str, float, float, float, float]]:
    """(text, left, top, right, bottom) of every non-empty edge label in one diagram's SVG."""
    boxes = []
    # find_all, not select(): CSS selectors do not look inside a <template>, where built pages keep the SVG
    for fo in (g.find(["foreignobject", "foreignObject"]) for g in svg.find_all("g", class_="edgeLabel")):
        if fo is None:
            continue
        width, height = float(fo.get("width", 0) or 0), float(fo.get("height", 0) or 0)
        # not get_text(): inside a <template> BeautifulSoup keeps text as TemplateString, which it skips
        text = " ".join(" ".join(str(s) for s in fo.descendants if isinstance(s, NavigableString)).split())
        if width <= 0 or height <= 0 or not text:
            continue
        x, y = _offset(fo)
        boxes.append((text, x, y, x + width, y + height))
    return boxes


def overlapping(boxes, tolerance: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap by more than `tolerance` px both ways."""
    pairs = []
    for i, (a, al, at, ar, ab) in enumerate(boxes):
        for b, bl, bt, br, bb in boxes[i + 1:]:
            if min(ar, br) - max(al, bl) > tolerance and min(ab, bb) - max(at, bt) > tolerance:
                pairs.append((a, b))
    return pairs


# The actors page's phone diagram as it was drawn before the fix (positions from that build), in a
# <template> as the built pages hold it, inside a translated group, with one empty label.
_OVERLAPPING = """<div class="mermaid"><template shadowrootmode="open"><svg><g class="root" transform="translate(10, 20)"><g class="edgeLabels">
<g class="edgeLabel" transform="translate(133.75829, 377.35416)"><g class="label" transform="translate(-67.1328125, -12)">
<foreignObject width="134.265625" height="24"><div><span class="edgeLabel"><p>munitions, missiles</p></span></div></foreignObject></g></g>
<g class="edgeLabel" transform="translate(235.640625, 389)"><g class="label" transform="translate(-73.375, -12)">
<foreignObject width="146.75" height="24"><div><span class="edgeLabel"><p>food, fuel, know-how</p></span></div></foreignObject></g></g>
<g class="edgeLabel" transform="translate(120.2578125, 479)"><g class="label" transform="translate(-12.890625, -12)">
<foreignObject width="25.78125" height="24"><div><span class="edgeLabel"><p>war</p></span></div></foreignObject></g></g>
<g class="edgeLabel"><g class="label"><foreignObject width="0" height="0"><div></div></foreignObject></g></g>
</g></g></svg></template></div>"""


def test_overlapping_labels_are_found():
    svg = BeautifulSoup(_OVERLAPPING, "html.parser").find("svg")      # inside a <template>, as built pages hold it
    boxes = label_boxes(svg)
    assert [b[0] for b in boxes] == ["munitions, missiles", "food, fuel, know-how", "war"]
    assert boxes[2][1:3] == (10 + 120.2578125 - 12.890625, 20 + 479 - 12)     # every translate() counts
    assert overlapping(boxes) == [("munitions, missiles", "food, fuel, know-how")]


def test_no_drawn_diagram_has_overlapping_edge_labels(hosted_site):
    problems, labelled = [], 0
    for src in nav_pages():
        hosts = soup(built_path(hosted_site, src, offline=False)).select("div.mermaid")
        for n, svg in enumerate([svg for host in hosts for svg in host.find_all("svg")], 1):
            boxes = label_boxes(svg)
            labelled += bool(boxes)
            problems += [f"docs/{src}: drawn diagram {n} ({svg.get('id', '')}): edge labels {a!r} and {b!r} overlap"
                         for a, b in overlapping(boxes)]
    assert labelled >= 3, f"only {labelled} drawn diagrams with edge labels found; is the build pre-rendering diagrams?"
    assert not problems, "\n".join(problems)
