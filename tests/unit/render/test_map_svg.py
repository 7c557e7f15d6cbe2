"""hooks/render/map_svg.py: labels inside the panel, symbols, titles, size and distances."""
from __future__ import annotations

from helpers.sample import BY_ID, EXTRACT, PLACES

from hooks.render import geo, map_svg, maps


def test_labels_stay_inside_the_panel():
    x, align = map_svg.fit_label(290, "start", "Komsomolsk-on-Amur", 300)
    assert align == "end" and x - map_svg.text_width("Komsomolsk-on-Amur") >= 0
    x, align = map_svg.fit_label(5, "end", "Pyongyang", 300)
    assert align == "start"
    x, align = map_svg.fit_label(2, "middle", "UKRAINE", 300)
    assert x - map_svg.text_width("UKRAINE") / 2 >= 0


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
