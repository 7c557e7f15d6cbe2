"""Draw the maps (hooks/render/maps.py) as inline SVG from data/geo/extract.json and data/places.yml.

Each map is a list of panels (a main view, an optional inset), drawn twice: a wide variant for the
desktop column and a narrow one for phones; docs/assets/stylesheets/maps.css shows one of them by
the width of its container. Every colour is a class that maps.css fills from
Material's CSS variables, so the maps follow the light and dark schemes; the SVG holds no colour.
Pure functions of their inputs; tests/unit/render/test_map_svg.py drives them.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

from hooks.render.geo import Frame, Lambert, distance_km, great_circle, path_data

FONT = 13               # label size in SVG units; each variant is drawn about 1:1 (maps.css)
WIDE, NARROW = 688, 344  # viewBox widths: the desktop content column, and a 390 px phone's


@dataclass(frozen=True)
class Panel:
    extent: str                         # key in data/geo/extract.json
    projection: Lambert
    box: tuple[float, float, float, float]   # west, south, east, north (degrees) that must show
    layer: str                          # draw the places whose `maps` list this name
    labels: dict = field(default_factory=dict)      # place id -> e, w, n, s, ne, nw, se, sw
    countries: tuple = ()               # (text, lon, lat) country or sea names, centred
    focus: tuple = ("408", "643")        # ISO ids filled as the story's countries
    highlight: tuple = ()               # ISO ids filled with the accent (Ukraine in the long view)
    inset_of: tuple = ()                # (west, south, east, north) of an inset, outlined here
    lines: tuple = ()                   # (place id, place id, t, dy): great-circle lines; the distance
                                        # label sits at fraction t along the line, dy units below it
    only: tuple = ()                    # draw only these place ids (default: every place on the layer)
    on_border: dict = field(default_factory=dict)   # place id -> km downstream along the drawn border:
                                        # the coarse outlines put the river up to ~1 km off, so these
                                        # symbols sit on the river as drawn (their coordinates are in the text)
    route: tuple = ()                   # (place id, label): stops joined in order, labelled as given
    scale_km: int = 0                   # length of the scale bar, 0 for none
    heading: str = ""                   # a short name drawn in the panel's top-left corner


@dataclass(frozen=True)
class MapSpec:
    name: str
    title: str
    desc: str
    wide: tuple                          # panels side by side: (Panel, width share)
    narrow: tuple                        # panels stacked
    wide_width: int = WIDE               # a tall map is drawn narrower on the desktop
    legend: tuple = ()                   # (kind, text): drawn under the shorter wide panel, if room


def _by_id(places: list) -> dict:
    return {p["id"]: p for p in places}


def _anchor(direction: str, x: float, y: float) -> tuple[float, float, str]:
    d = 7
    dx = {"e": d, "w": -d, "n": 0, "s": 0, "ne": d * .7, "nw": -d * .7, "se": d * .7, "sw": -d * .7}[direction]
    dy = {"e": 4.5, "w": 4.5, "n": -d, "s": d + 9, "ne": -2, "nw": -2, "se": 13, "sw": 13}[direction]
    align = "start" if dx > 0 else ("end" if dx < 0 else "middle")
    return x + dx, y + dy, align


def text_width(text: str, size: float = FONT) -> float:
    """A generous estimate of a label's width in the system sans-serif (no font metrics at build time)."""
    return 0.58 * size * len(text)


def fit_label(x: float, align: str, text: str, width: float, margin: float = 4) -> tuple[float, str]:
    """Keep a label inside the panel: flip it to the other side of its point if it would overflow."""
    w = text_width(text)
    if align == "start" and x + w > width - margin:
        x, align = x - 14, "end"
    elif align == "end" and x - w < margin:
        x, align = x + 14, "start"
    if align == "start":                      # still too long for either side: slide it in
        return min(x, width - margin - w), "start"
    if align == "end":
        return max(x, margin + w), "end"
    return min(max(x, margin + w / 2), width - margin - w / 2), "middle"


def _text(x: float, y: float, text: str, cls: str, align: str = "start") -> str:
    anchor = "" if align == "start" else f' text-anchor="{align}"'
    return f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}"{anchor}>{html.escape(text)}</text>'


def _rings(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [r for polygon in geometry["coordinates"] for r in polygon]
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiLineString":
        return geometry["coordinates"]
    return []


def distance_label(km: float) -> str:
    """Rounded to the nearest 100 km: the straight-line figure is a guide, not a route length."""
    return f"about {round(km, -2):,.0f} km"


def along(line: list, distance: float) -> tuple[float, float]:
    """The point `distance` units along a polyline from its first point (its last point if shorter)."""
    for (x0, y0), (x1, y1) in zip(line, line[1:]):
        step = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        if step and distance <= step:
            t = distance / step
            return x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        distance -= step
    return line[-1]


def drawn_places(panel: Panel, places: list) -> list:
    """The places a panel marks: those on its layer (or only the listed ones) and its route stops."""
    stops = {pid for pid, _ in panel.route}
    return [p for p in places if p["id"] in stops
            or (panel.layer in p["maps"] and (not panel.only or p["id"] in panel.only))]


def draw_panel(panel: Panel, width: float, extract: dict, places: list, uid: str) -> tuple[str, float]:
    """SVG for one panel at the origin, `width` units wide; returns (svg, height)."""
    frame = Frame(panel.projection, *panel.box, width=width)
    height = frame.height
    project = lambda lon, lat: frame.point(lon, lat)   # noqa: E731
    out = [f'<clipPath id="{uid}-clip"><rect width="{width:.1f}" height="{height:.1f}"/></clipPath>',
           f'<g clip-path="url(#{uid}-clip)"><rect class="mdx-map__sea" width="{width:.1f}" height="{height:.1f}"/>']
    features = extract["extents"][panel.extent]["features"]
    for feature in features:
        fid = feature["properties"]["id"]
        if str(fid).startswith("border-"):
            continue
        cls = "mdx-map__land" + (" mdx-map__land--focus" if fid in panel.focus else "") \
            + (" mdx-map__land--highlight" if fid in panel.highlight else "")
        rings = [[project(lon, lat) for lon, lat in ring] for ring in _rings(feature["geometry"])]
        d = path_data(rings, digits=0)   # whole units: the maps are drawn about 1:1 in CSS pixels
        if d:
            out.append(f'<path class="{cls}" d="{d}"/>')
    border: list = []
    for feature in features:
        if feature["properties"]["id"] == "border-408-643":
            lines = [[project(lon, lat) for lon, lat in line] for line in _rings(feature["geometry"])]
            border = lines[0] if len(lines) == 1 else []
            out.append(f'<path class="mdx-map__border" d="{path_data(lines, closed=False)}"/>')
    if panel.inset_of:
        west, south, east, north = panel.inset_of
        corners = [project(west, north), project(east, south)]
        (x0, y0), (x1, y1) = corners
        out.append(f'<rect class="mdx-map__inset" x="{min(x0, x1) - 2:.1f}" y="{min(y0, y1) - 2:.1f}" '
                   f'width="{abs(x1 - x0) + 4:.1f}" height="{abs(y1 - y0) + 4:.1f}"/>')
        out.append(_text(max(x0, x1) + 6, max(y0, y1) + 14, "Inset", "mdx-map__note"))
    for text, lon, lat in panel.countries:
        x, y = project(lon, lat)
        x, align = fit_label(x, "middle", text, width)
        out.append(_text(x, y, text, "mdx-map__country", align))
    by_id = _by_id(places)
    for a, b, t, dy in panel.lines:
        if a not in by_id or b not in by_id:      # an entry with a problem is left out (and reported)
            continue
        pa, pb = by_id[a], by_id[b]
        points = [project(lon, lat) for lon, lat in great_circle((pa["lat"], pa["lon"]), (pb["lat"], pb["lon"]))]
        out.append(f'<path class="mdx-map__line" d="{path_data([points], closed=False)}"/>')
        mx, my = points[round(t * (len(points) - 1))]
        km = distance_km((pa["lat"], pa["lon"]), (pb["lat"], pb["lon"]))
        mx, align = fit_label(mx, "middle", distance_label(km), width)
        out.append(_text(mx, my + dy, distance_label(km), "mdx-map__distance", align))
    if panel.route:
        stops = [project(by_id[pid]["lon"], by_id[pid]["lat"]) for pid, _ in panel.route if pid in by_id]
        out.append(f'<path class="mdx-map__route" d="{path_data([stops], closed=False)}"/>')
    for place in drawn_places(panel, places):
        x, y = project(place["lon"], place["lat"])
        if place["id"] in panel.on_border and border:
            x, y = along(border, panel.on_border[place["id"]] / frame.km_per_unit())
        ring = " mdx-map__dot--approximate" if place.get("approximate") else ""   # placed from a description
        out.append(f'<circle class="mdx-map__dot{ring}" cx="{x:.1f}" cy="{y:.1f}" r="4"/>')
        label = dict(panel.route).get(place["id"]) or place.get("label", place["names"][0])
        tx, ty, align = _anchor(panel.labels.get(place["id"], "e"), x, y)
        tx, align = fit_label(tx, align, label, width)
        out.append(_text(tx, ty, label, "mdx-map__label", align))
    if panel.scale_km:
        units = panel.scale_km / frame.km_per_unit()
        y = height - 12
        out.append(f'<path class="mdx-map__scale" d="M10 {y:.1f}h{units:.1f}"/>')
        out.append(_text(10, y - 6, f"{panel.scale_km} km", "mdx-map__note"))
    if panel.heading:
        out.append(_text(8, 18, panel.heading, "mdx-map__heading"))
    out.append("</g>")
    out.append(f'<rect class="mdx-map__frame" width="{width:.1f}" height="{height:.1f}"/>')
    return "".join(out), height


LEGEND_SYMBOLS = {
    "border": '<path class="mdx-map__border" d="M0 -4h22"/>',
    "focus": '<rect class="mdx-map__land mdx-map__land--focus" x="0" y="-10" width="22" height="12"/>',
    "place": '<circle class="mdx-map__dot" cx="11" cy="-4" r="4"/>',
    "approximate": '<circle class="mdx-map__dot mdx-map__dot--approximate" cx="11" cy="-4" r="4"/>',
}


def draw_legend(items: tuple, x: float, y: float) -> str:
    """A key: one symbol and its meaning per line, from (x, y) down."""
    rows = [f'<g transform="translate({x:.1f} {y + 22 * i:.1f})">{LEGEND_SYMBOLS[kind]}{_text(30, 0, text, "mdx-map__label")}</g>'
            for i, (kind, text) in enumerate(items)]
    return "".join(rows)


def draw(spec: MapSpec, variant: str, extract: dict, places: list, page_id: str = "") -> str:
    """The whole SVG for one variant ("wide": panels side by side; "narrow": stacked)."""
    uid = f"map-{spec.name}-{variant}{page_id}"
    total = spec.wide_width if variant == "wide" else NARROW
    panels = spec.wide if variant == "wide" else spec.narrow
    gap = 8
    parts, x, y, max_h, drawn = [], 0.0, 0.0, 0.0, []
    usable = total - gap * (len(panels) - 1) if variant == "wide" else total
    for index, (panel, share) in enumerate(panels):
        width = usable * share
        body, height = draw_panel(panel, width, extract, places, f"{uid}-{index}")
        parts.append(f'<g transform="translate({x:.1f} {y:.1f})">{body}</g>')
        drawn.append((x, height))
        if variant == "wide":
            x += width + gap
            max_h = max(max_h, height)
        else:
            y += height + gap
            max_h = y - gap
    if spec.legend and variant == "wide" and len(drawn) > 1:
        lx, lh = min(drawn, key=lambda d: d[1])
        if max_h - lh >= 22 * len(spec.legend) + 20:
            parts.append(draw_legend(spec.legend, lx + 4, lh + 30))
    elif spec.legend and variant == "narrow":
        # A phone stacks the panels, so the key goes under them: without it the border line is unexplained.
        parts.append(draw_legend(spec.legend, 4, max_h + 24))
        max_h += 22 * len(spec.legend) + 14
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total} {max_h:.1f}" role="img" '
            f'aria-labelledby="{uid}-title" aria-describedby="{uid}-desc" class="mdx-map__svg mdx-map__svg--{variant}" '
            f'style="max-width:{total}px">'
            f'<title id="{uid}-title">{html.escape(spec.title)}</title><desc id="{uid}-desc">{html.escape(spec.desc)}</desc>'
            + "".join(parts) + "</svg>")
