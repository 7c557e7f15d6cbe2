"""Unit tests of the maps' pure pieces (no build): projection, distances, SVG paths, label fitting,
TopoJSON decoding, the places checks, place links, and the committed extract's checksum."""
from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT

from hooks.core import report_facts
from hooks.core.build import Build
from hooks.data import datafiles
from hooks.html import place_links
from hooks.render import geo, map_svg, maps, markers
from scripts import make_map_data

PLACES, PLACE_PROBLEMS = datafiles.load(ROOT, "places")
BY_ID = {p["id"]: p for p in PLACES}
EXTRACT = json.loads((ROOT / maps.EXTRACT).read_text(encoding="utf-8"))


# --- Projection and distances --------------------------------------------------------------

# Reference values from PROJ 9 via pyproj 3.7.2 (scripts/requirements-maps.txt):
# Transformer.from_crs("EPSG:4326", "+proj=lcc +lat_1=40 +lat_2=50 +lat_0=45 +lon_0=131 +R=6371000", always_xy=True)
PROJ_REFERENCE = [
    ((40, 50, 45, 131), (125.7381, 39.0194), (-454984.54, -648902.34)),
    ((40, 50, 45, 131), (131.9, 43.1333), (72793.16, -206412.97)),
    ((40, 60, 50, 80), (37.6172, 55.7558), (-2484013.73, 1358369.45)),
    ((40, 60, 50, 80), (36.183, 51.717), (-2804436.76, 1038477.66)),
]


@pytest.mark.parametrize("params, lonlat, expected", PROJ_REFERENCE)
def test_lambert_matches_proj(params, lonlat, expected):
    x, y = geo.Lambert(*params).forward(*lonlat)
    assert x == pytest.approx(expected[0], abs=0.05) and y == pytest.approx(expected[1], abs=0.05)


def _screen(panel, place_id):
    frame = geo.Frame(panel.projection, *panel.box, width=500)
    return frame.point(BY_ID[place_id]["lon"], BY_ID[place_id]["lat"])


def test_projection_sanity_on_the_maps_themselves():
    """In each map's own projected (screen) coordinates: east is right, north is up."""
    vladivostok, pyongyang = _screen(maps._REGION, "vladivostok"), _screen(maps._REGION, "pyongyang")
    assert vladivostok[0] > pyongyang[0], "Vladivostok must lie east of (right of) Pyongyang"
    assert vladivostok[1] < pyongyang[1], "Vladivostok must lie north of (above) Pyongyang"
    for panel in (maps._LONG, maps._LONG_NARROW):
        kursk, moscow = _screen(panel, "kursk"), _screen(panel, "moscow")
        assert kursk[0] < moscow[0], "Kursk must lie west of (left of) Moscow"
        assert kursk[1] > moscow[1], "Kursk must lie south of (below) Moscow"
        assert _screen(panel, "pyongyang")[0] > moscow[0]


def test_great_circle_distances():
    pyongyang, moscow = (39.0194, 125.7381), (55.7558, 37.6173)
    # PROJ's ellipsoidal (WGS84) distance is 6,430 km; the sphere is within 0.5 % of it.
    assert geo.distance_km(pyongyang, moscow) == pytest.approx(6430, rel=0.005)
    assert geo.distance_km(pyongyang, pyongyang) == 0
    points = geo.great_circle(pyongyang, moscow, steps=10)
    assert points[0] == pytest.approx((125.7381, 39.0194)) and points[-1] == pytest.approx((37.6173, 55.7558))
    assert map_svg.distance_label(6412.7) == "about 6,400 km"


def test_path_data_is_relative_and_drops_repeats():
    assert geo.path_data([[(0, 0), (10.04, 0), (10, 0.01), (10, 10)]]) == "M0 0l10 0 0 10z"
    assert geo.path_data([[(1.26, 2), (3, 4)]], closed=False) == "M1.3 2l1.7 2"   # rounded to 0.1
    assert geo.path_data([[(0, 0), (0, 0)]]) == ""
    assert geo.path_data([[(100.4, 20), (110, 20), (110, -0.3)]], digits=0) == "M100 20l10 0 0 -20z"
    assert geo.path_data([[(0, 0), (0.5, -0.25), (1, 1)]], digits=2) == "M0 0l.5 -.25 .5 1.25z"


def test_labels_stay_inside_the_panel():
    x, align = map_svg.fit_label(290, "start", "Komsomolsk-on-Amur", 300)
    assert align == "end" and x - map_svg.text_width("Komsomolsk-on-Amur") >= 0
    x, align = map_svg.fit_label(5, "end", "Pyongyang", 300)
    assert align == "start"
    x, align = map_svg.fit_label(2, "middle", "UKRAINE", 300)
    assert x - map_svg.text_width("UKRAINE") / 2 >= 0


# --- TopoJSON decoding (scripts/make_map_data.py) -----------------------------------------------

def test_topojson_arcs_are_delta_decoded_and_reversed():
    topology = {"transform": {"scale": [0.5, 2], "translate": [100, 10]},
                "arcs": [[[0, 0], [2, 0], [0, 1]], [[2, 1], [-2, -1]]]}
    arcs = make_map_data.decode_arcs(topology)
    assert arcs[0] == [(100, 10), (101, 10), (101, 12)]
    assert make_map_data.ring(arcs, [0, 1]) == [(100, 10), (101, 10), (101, 12), (100, 10)]
    assert make_map_data.ring(arcs, [~0]) == [(101, 12), (101, 10), (100, 10)]
    geometries = [{"id": "408", "type": "Polygon", "arcs": [[0, 1]]}, {"id": "643", "type": "Polygon", "arcs": [[~1, 5]]}]
    assert make_map_data.shared_arcs(geometries, "408", "643") == {1}


def test_committed_extract_matches_its_manifest(tmp_path):
    assert make_map_data.problems() == []
    (tmp_path / "data/geo").mkdir(parents=True)
    (tmp_path / "data/geo/manifest.json").write_text((ROOT / "data/geo/manifest.json").read_text(encoding="utf-8"))
    (tmp_path / "data/geo/extract.json").write_text('{"edited": "by hand"}')
    assert make_map_data.problems(tmp_path) == ["data/geo/extract.json:1: sha256 differs from data/geo/manifest.json "
                                                "(re-run python -m scripts.make_map_data; never edit the extract by hand)"]
    manifest = json.loads((ROOT / "data/geo/manifest.json").read_text(encoding="utf-8"))
    assert (manifest["package"], manifest["version"]) == ("world-atlas", make_map_data.VERSION)
    assert set(EXTRACT["extents"]) == set(make_map_data.EXTENTS)


# --- places.yml ------------------------------------------------------------------------------

def test_places_file_is_valid_and_every_place_is_on_a_map():
    assert not PLACE_PROBLEMS, "\n".join(map(str, PLACE_PROBLEMS))
    layers = {panel.layer for spec in maps.MAPS.values() for panel, _ in spec.wide}
    for place in PLACES:
        assert set(place["maps"]) <= layers, f"{place['id']}: maps {place['maps']} not all drawn"


def _validate(text: str):
    schema = json.loads((ROOT / "data/schemas/places.schema.json").read_text(encoding="utf-8"))
    return [str(p) for p in datafiles.validate("data/places.yml", yaml.safe_load(text), schema,
                                                datafiles._lines(yaml.compose(text)))]


def test_broken_places_are_reported_with_file_and_line():
    good = (ROOT / "data/places.yml").read_text(encoding="utf-8")
    broken = good.replace("lat: 39.0194", "lat: 139.0194", 1).replace(
        "coordinates_source: https://en.wikipedia.org/wiki/Wonsan", "coordinates_source: http://example.org/", 1)
    problems = _validate(broken)
    line_lat = broken.split("\n").index("  lat: 139.0194") + 1
    assert any(p.startswith(f"data/places.yml:{line_lat}: entry 1, field 'lat': 139.0194 is greater than the maximum of 90")
               for p in problems), problems
    assert any("field 'coordinates_source': 'http://example.org/' is not an https:// address" in p for p in problems), problems


def test_pages_of_a_place_must_exist_and_name_it():
    place = dict(BY_ID["kursk"], pages=["since.md", "nowhere.md", "glossary.md"])
    problems = [str(p) for p in maps.check_pages([place], {"since.md": "Kursk fighting", "glossary.md": "nothing here\n[^a]: Kursk"},
                                                 {(0, "pages"): 7})]
    assert problems == [
        "data/places.yml:7: entry 1 (kursk), field 'pages': 'nowhere.md' is not a page in docs/ "
        "(give the path of a page under docs/, e.g. report/partnership.md)",
        "data/places.yml:7: entry 1 (kursk), field 'pages': glossary.md does not name Kursk "
        "(remove the page from the list, or add the name the page uses to 'names')",
    ]


def test_unknown_map_marker_is_reported_at_its_line():
    """The map markers are render markers (hooks/render/markers.py): an unknown map is reported at
    its line, with every map among the names offered."""
    build = Build(ROOT, report_facts.load(ROOT), {"places": PLACES})
    text, problems = markers.render(build, "docs/a.md", "a.md", "intro\n\n<!-- render: map-nowhere -->\n", offset=4)
    assert [str(p) for p in problems] == [
        f"docs/a.md:7: unknown render marker 'map-nowhere' (use one of: {', '.join(sorted(markers.REGISTRY))})"]
    assert {f"map-{key}" for key in maps.MAPS} == {"map-region", "map-trip-2023", "map-long-view"} <= set(markers.REGISTRY)
    assert "map-nowhere" in text and "<svg" not in text      # left as written, nothing drawn


def test_map_as_text_lists_every_drawn_place_with_a_link_and_sources():
    block = maps.map_as_text(maps.MAPS["long-view"], "report/x.md", PLACES)
    assert block.startswith('??? abstract "Map as text"')
    for place in PLACES:
        if "long-view" in place["maps"]:
            assert f"[{place['names'][0]}](../places.md#{place['id']})" in block
    assert "Pyongyang to Moscow: about 6,400 km in a straight line." in block


# --- Place links -------------------------------------------------------------------------------

def test_first_running_text_mention_is_linked_once():
    html_text = ('<h2>Vladivostok</h2><p class="admonition-title">Vladivostok</p>'
                 '<p>Ships went to <a href="x">Vladivostok</a> and then <code>Vladivostok</code>; '
                 'Vladivostok and Kursk. Later Vladivostok again.</p><div class="footnote"><p>Kursk</p></div>')
    out = place_links.link_first_mentions(html_text, [BY_ID["vladivostok"], BY_ID["kursk"]], "../places/")
    assert out.count('class="mdx-place"') == 2
    assert '; <a class="mdx-place" href="../places/#vladivostok">Vladivostok</a> and <a class="mdx-place" href="../places/#kursk">Kursk</a>.' in out
    assert "<h2>Vladivostok</h2>" in out and '<div class="footnote"><p>Kursk</p></div>' in out


def test_rendered_map_has_title_desc_and_stays_small():
    for name, spec in maps.MAPS.items():
        html_text = maps.figure(name, EXTRACT, PLACES)
        assert len(html_text.encode("utf-8")) <= 80 * 1024, f"{name}: {len(html_text) / 1024:.1f} KB"
        for variant in ("wide", "narrow"):
            svg = map_svg.draw(spec, variant, EXTRACT, PLACES)
            assert f"<title id=\"map-{name}-{variant}-title\">" in svg and "<desc " in svg
            assert 'role="img"' in svg and "#" not in svg.split("<title")[0].replace("url(#", "")


def test_symbols_placed_along_the_drawn_border():
    line = [(0, 0), (10, 0), (10, 10)]
    assert map_svg.along(line, 0) == (0, 0)
    assert map_svg.along(line, 15) == (10, 5)
    assert map_svg.along(line, 99) == (10, 10)
    svg = map_svg.draw(maps.MAPS["region"], "narrow", EXTRACT, PLACES)
    assert 'class="mdx-map__dot mdx-map__dot--approximate"' in svg   # the road-bridge site, placed from a description


def test_map_descriptions_give_the_distances_the_map_draws():
    """The <desc> states the distances in words; they must be the ones computed from places.yml."""
    for spec in maps.MAPS.values():
        for panel, _ in spec.wide:
            for a, b, *_ in panel.lines:
                km = geo.distance_km((BY_ID[a]["lat"], BY_ID[a]["lon"]), (BY_ID[b]["lat"], BY_ID[b]["lon"]))
                figure = map_svg.distance_label(km).removeprefix("about ")
                assert figure in spec.desc, f"{spec.name}: desc lacks {figure} ({a} to {b})"
