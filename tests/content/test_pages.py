"""The project's own pages and files as they stand pass the rules the hooks enforce (no build):
the fold rule, page currency, the generated abbreviations, the vendored assets."""
from __future__ import annotations

from conftest import ROOT
from helpers.sample import FACTS

from hooks.checks import content_kinds, page_currency
from hooks.core.build import Build
from hooks.data import datafiles


def test_every_page_follows_the_fold_rule():
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        rel = path.relative_to(ROOT).as_posix()
        found += [str(p) for p in content_kinds.check(rel, path.read_text(encoding="utf-8")) if "fold" in str(p)]
    assert found == []


def test_every_page_of_the_site_passes():
    data = datafiles.load_all(ROOT)
    found = [str(p) for path in sorted((ROOT / "docs").rglob("*.md"))
             for p in page_currency.check(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"), Build(ROOT, FACTS, data))]
    assert found == []


def test_vendored_assets_match_manifest():
    from scripts import vendor
    assert vendor.check() == []
