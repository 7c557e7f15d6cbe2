"""scripts/make_map_data.py: TopoJSON decoding and the committed extract's checksum."""
from __future__ import annotations

import json

from conftest import ROOT
from helpers.sample import EXTRACT

from scripts import make_map_data


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
