"""Maps: draw the places of data/places.yml on inline SVG maps at build time, where pages ask.

A page asks with a marker alone on its line:
    <!-- render: map-region -->      North Korea, Russia's Far East and northeast China, with an
                                     inset of the Tumen River border and its bridges
    <!-- render: map-trip-2023 -->   Kim Jong-un's September 2023 stops in Russia
    <!-- render: map-long-view -->   Pyongyang to Moscow, Kursk and Ukraine, with distances
    <!-- render: places -->          every place, with what happened there (the Places page)
Each map becomes a figure holding two SVGs (wide and narrow; maps.css shows the one that fits)
with <title> and <desc>, followed by a "Map as text" block listing the same places.
Outlines come from data/geo/extract.json (Natural Earth, made by scripts/make_map_data.py), so
the build needs no network and no GIS library; hooks/render/geo.py projects, hooks/render/map_svg.py draws.
data/places.yml is validated against its schema by hooks/render/markers.py (it is in
datafiles.DATA_FILES); this hook adds the checks a schema cannot make: each listed page exists
and names the place. hooks/html/place_links.py links the first mention of a place on those pages.
"""
from __future__ import annotations

import json
import logging
import posixpath
import re

from hooks.core.problems import Problem
from hooks.data import datafiles
from hooks.render import md
from hooks.render import names as names_
from hooks.render.geo import Lambert, distance_km
from hooks.render.map_svg import MapSpec, Panel, distance_label, draw

log = logging.getLogger("mkdocs.plugins.hooks.maps")

PLACEHOLDER = re.compile(r"<p>MDXMAP:(?P<name>[\w-]+)</p>")
EXTRACT = "data/geo/extract.json"
DATA_NOTE = ("Outlines: Natural Earth 4.1.0 (public domain), from the world-atlas 2.0.2 package; Crimea is shown as part "
             "of Ukraine. Projection: Lambert conformal conic. Distances are great-circle (straight-line) distances.")

# --- The maps ----------------------------------------------------------------------------------

BORDER_BOX = (130.55, 42.28, 130.76, 42.435)
_REGION = Panel(
    extent="region", projection=Lambert(40, 50, 45, 131), box=(122.6, 37.8, 140.6, 53.0), layer="region",
    labels={"pyongyang": "s", "wonsan": "e", "rajin": "w", "vladivostok": "e", "vostochny": "e", "komsomolsk-on-amur": "w"},
    countries=(("RUSSIA", 135.6, 47.6), ("CHINA", 126.4, 46.0), ("NORTH KOREA", 127.9, 40.9), ("Sea of Japan", 135.0, 40.2),
               ("(East Sea)", 135.0, 39.5)),
    inset_of=BORDER_BOX)
_BORDER = Panel(
    extent="border", projection=Lambert(42, 43, 42.4, 130.65), box=BORDER_BOX, layer="border",
    labels={"rail-bridge": "ne", "road-bridge": "se"},
    on_border={"rail-bridge": 0.0, "road-bridge": 0.5}, heading="Inset: the border",
    countries=(("RUSSIA", 130.7, 42.425), ("NORTH KOREA", 130.6, 42.31), ("Tumen River", 130.712, 42.36)),
    scale_km=5)
_TRIP = Panel(
    extent="region", projection=Lambert(40, 50, 45, 131), box=(122.6, 37.8, 140.6, 53.0), layer="region",
    labels={"pyongyang": "e", "rail-bridge": "sw", "vladivostok": "nw", "vostochny": "e", "komsomolsk-on-amur": "w"},
    countries=(("RUSSIA", 135.6, 47.6), ("CHINA", 126.4, 46.0), ("NORTH KOREA", 127.6, 40.6)),
    only=("pyongyang",),
    route=(("pyongyang", "1. Pyongyang, Sept 10"), ("rail-bridge", "2. Khasan, Sept 12"), ("vostochny", "3. Vostochny, Sept 13"),
           ("komsomolsk-on-amur", "4. Komsomolsk-on-Amur, Sept 15"), ("vladivostok", "5. Vladivostok, Sept 16-17")))
_LONG = Panel(
    extent="long-view", projection=Lambert(40, 60, 50, 85), box=(21.0, 37.0, 137.0, 62.0), layer="long-view",
    labels={"pyongyang": "s", "vladivostok": "e", "moscow": "ne", "kursk": "se"},
    countries=(("RUSSIA", 95.0, 61.0), ("CHINA", 103.0, 36.0), ("UKRAINE", 29.5, 49.6), ("KAZAKHSTAN", 67.0, 48.0),
               ("MONGOLIA", 103.0, 46.5)),
    highlight=("804",),
    lines=(("pyongyang", "moscow", 0.62, 17), ("vladivostok", "kursk", 0.4, -8)))
_LONG_NARROW = Panel(
    extent="long-view", projection=Lambert(40, 60, 50, 85), box=(21.0, 33.0, 136.0, 64.0), layer="long-view",
    labels={"pyongyang": "s", "vladivostok": "n", "moscow": "ne", "kursk": "s"},
    countries=(("RUSSIA", 95.0, 62.0), ("CHINA", 103.0, 35.0), ("UKRAINE", 24.5, 49.0)),   # above and left of Kursk: clear of its label at 390 px
    highlight=("804",),
    lines=(("pyongyang", "moscow", 0.62, 17), ("vladivostok", "kursk", 0.4, -8)))

MAPS = {
    "region": MapSpec(
        "region", "Map: North Korea, Russia's Far East and northeast China",
        "North Korea and Russia meet only along the lower Tumen River, near the sea. Pyongyang and Wonsan are in North Korea, "
        "the port of Rajin (Rason) near the border; Vladivostok is about 130 km northeast of the border, Vostochny Cosmodrome "
        "and Komsomolsk-on-Amur far to the north in Russia. The inset shows the border, the rail bridge and the road-bridge site. China's land reaches "
        "the river just above the rail bridge; the Natural Earth outlines used here are too coarse to show it in the inset, "
        "and they draw the river up to about 1 km from where it runs, so the two bridge symbols are placed on the river as "
        "drawn, the road-bridge site about 500 m downstream of the rail bridge.",
        wide=((_REGION, 0.62), (_BORDER, 0.38)), narrow=((_REGION, 1.0), (_BORDER, 1.0)),
        legend=(("focus", "North Korea and Russia"), ("border", "Their border, about 17 km"),
                ("place", "Place"), ("approximate", "Approximate site"))),
    "trip-2023": MapSpec(
        "trip-2023", "Map: Kim Jong-un's stops in Russia, September 2023",
        "Numbered stops: 1, Pyongyang, which Kim's train left on September 10; 2, the Khasan-Tumangang rail bridge, where it "
        "crossed into Russia (September 12, local time); 3, Vostochny Cosmodrome in the Amur region (September 13); 4, Komsomolsk-on-Amur (September 15); "
        "5, Vladivostok (September 16 and 17). Dashed lines join the stops in order; they do not trace the railway.",
        wide=((_TRIP, 1.0),), narrow=((_TRIP, 1.0),), wide_width=480),
    "long-view": MapSpec(
        "long-view", "Map: from Pyongyang to Moscow, Kursk and Ukraine",
        "Pyongyang to Moscow is about 6,400 km in a straight line, and Vladivostok, where North Korean troops were shipped, "
        "to Kursk, next to Ukraine, about 6,700 km. Russia spans the whole distance between them.",
        wide=((_LONG, 1.0),), narrow=((_LONG_NARROW, 1.0),)),
}


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def load_extract(build) -> None:
    build.map_extract = json.loads((build.root / EXTRACT).read_text(encoding="utf-8"))


def check_places(build, files) -> list[Problem]:
    """Each page a place lists exists and names the place."""
    sources = {f.src_uri: f.content_string for f in files.documentation_pages()}
    return check_pages(build.data["places"], sources, datafiles.source(build.root, "places")[1])


def draw_maps(build, html_text: str) -> str:
    """Each map's placeholder (left by `render_map`) replaced by its figure of inline SVGs."""
    return PLACEHOLDER.sub(lambda m: figure(m["name"], build.map_extract, build.data["places"]), html_text)


# --- Helpers -------------------------------------------------------------------------------

def check_pages(places: list, sources: dict, lines: dict) -> list[Problem]:
    """Each page a place lists exists and names the place (outside footnote definitions)."""
    problems = []
    for index, place in enumerate(places):
        for page in place["pages"]:
            line = lines.get((index, "pages"), 1)
            where = f"entry {index + 1} ({place['id']}), field 'pages'"
            if page not in sources:
                problems.append(Problem("data/places.yml", line, f"{where}: {page!r} is not a page in docs/",
                                        "give the path of a page under docs/, e.g. report/partnership.md"))
                continue
            prose = "\n".join(l for l in sources[page].splitlines() if not l.startswith("[^"))
            if not any(re.search(rf"\b{re.escape(n)}\b", prose) for n in place["names"]):
                problems.append(Problem("data/places.yml", line, f"{where}: {page} does not name {place['names'][0]}",
                                        "remove the page from the list, or add the name the page uses to 'names'"))
    return problems


def relative(from_src: str, to_src: str) -> str:
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


def render_map(key: str, src_uri: str, places: list) -> str:
    """A placeholder for the map's figure (drawn into the HTML by `draw_maps`), and its text."""
    return f"MDXMAP:{key}\n\n" + map_as_text(MAPS[key], src_uri, places)


def _coords(place: dict) -> str:
    lat, lon = place["lat"], place["lon"]
    return f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"


def _sources(place: dict) -> str:
    links = [md.link('source' if len(place['sources']) == 1 else f'source {i}', s['url'])
             for i, s in enumerate(place["sources"], start=1)]
    return ", ".join(links)


def map_places(spec: MapSpec, places: list) -> list:
    layers = {panel.layer for panel, _ in spec.wide}
    return [p for p in places if layers & set(p["maps"])]


def map_as_text(spec: MapSpec, src_uri: str, places: list) -> str:
    """The "Map as text" block: every place the map draws, why it matters, and any distances."""
    link = relative(src_uri, "places.md")
    by_id = {p["id"]: p for p in places}
    lines = ['??? abstract "Map as text"', "", f"    {spec.desc}", ""]
    route = {pid: label for panel, _ in spec.wide for pid, label in panel.route}
    ordered = [by_id[pid] for pid in route if pid in by_id] or map_places(spec, places)
    for place in ordered:
        stop = f"{route[place['id']]}: " if place["id"] in route else ""
        lines.append(f"    - {stop}**[{place['names'][0]}]({link}#{place['id']})** ({_coords(place)}): {place['what']} ({_sources(place)})")
    for panel, _ in spec.wide:
        for a, b, *_ in panel.lines:
            if a in by_id and b in by_id:
                km = distance_km((by_id[a]["lat"], by_id[a]["lon"]), (by_id[b]["lat"], by_id[b]["lon"]))
                lines.append(f"    - {by_id[a]['names'][0]} to {by_id[b]['names'][0]}: {distance_label(km)} in a straight line.")
    lines += ["", f"    {DATA_NOTE}", ""]
    return "\n".join(lines)


def render_places(src_uri: str, places: list, titles: dict, names: list = ()) -> str:
    """Every place A to Z; a place with Korean and Russian names (data/names.yml) shows them under its heading."""
    out, known = [], names_.index(names)
    for place in sorted(places, key=lambda p: p["names"][0]):
        out += [f"## {place['names'][0]} {{ #{place['id']} }}", ""]
        named = names_.line(known.get(f"places#{place['id']}"))
        out += ([named, ""] if named else []) + [place["what"], ""]
        if len(place["names"]) > 1:
            out += [f"**Also called:** {', '.join(place['names'][1:])}", ""]
        where = f"**Where:** {_coords(place)} ({md.link('coordinates source', place['coordinates_source'])})"
        if place.get("approximate"):
            where += f". Approximate: {place['approximate']}"
        out += [where, ""]
        out += ["**Sources:** " + "; ".join(md.link(s['title'], s['url']) for s in place["sources"]), ""]
        if place["pages"]:
            named = ", ".join(md.link(titles.get(p, p), relative(src_uri, md.raw(p))) for p in place["pages"])
            out += [f"**Named on:** {named}", ""]
    return "\n".join(out)


def figure(name: str, extract: dict, places: list) -> str:
    spec = MAPS[name]
    return (f'<figure class="mdx-map" id="map-{name}">' + draw(spec, "wide", extract, places)
            + draw(spec, "narrow", extract, places) + "</figure>")
