"""hooks/render/geo.py: the projection against PROJ, distances and SVG path data."""
from __future__ import annotations

import pytest
from helpers.sample import BY_ID

from hooks.render import geo, map_svg, maps

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
