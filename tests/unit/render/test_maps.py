"""hooks/render/maps.py: every place on a map, the pages a place names, the map as text."""
from __future__ import annotations

from helpers.sample import BY_ID, PLACE_PROBLEMS, PLACES

from hooks.render import maps


def test_places_file_is_valid_and_every_place_is_on_a_map():
    assert not PLACE_PROBLEMS, "\n".join(map(str, PLACE_PROBLEMS))
    layers = {panel.layer for spec in maps.MAPS.values() for panel, _ in spec.wide}
    for place in PLACES:
        assert set(place["maps"]) <= layers, f"{place['id']}: maps {place['maps']} not all drawn"


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


def test_map_as_text_lists_every_drawn_place_with_a_link_and_sources():
    block = maps.map_as_text(maps.MAPS["long-view"], "report/x.md", PLACES)
    assert block.startswith('??? abstract "Map as text"')
    for place in PLACES:
        if "long-view" in place["maps"]:
            assert f"[{place['names'][0]}](../places.md#{place['id']})" in block
    assert "Pyongyang to Moscow: about 6,400 km in a straight line." in block
