"""The offline zip as a reader gets it: unzip, open in12355-explainer/index.html from disk, no
network at all. Its diagrams are drawn and its search works."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT, nav_pages, record_problems
from helpers.built import built_page, built_path, page_url
from helpers.offline_reader import reader_page  # noqa: F401 (a fixture)
from helpers.pages import check_page
from helpers.search import check_search

pytestmark = pytest.mark.browser
FOLDER = "in12355-explainer"


@pytest.fixture(scope="module")
def unzipped(offline_site, tmp_path_factory):
    work = tmp_path_factory.mktemp("zip")
    archive = work / "x.zip"
    result = subprocess.run([sys.executable, "-m", "scripts.zip_offline", str(offline_site), str(archive)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert names and all(n.startswith(f"{FOLDER}/") for n in names), "the zip must hold one top-level folder"
        assert not [n for n in names if n.endswith(".map") or "/mermaid-" in n], "source maps or unused Mermaid in the zip"
        zipped.extractall(work / "out")
    site = work / "out" / FOLDER
    assert (site / "index.html").is_file(), f"no {FOLDER}/index.html in the zip"
    return site


def test_unzipped_site_opens_and_draws_a_diagram_page(unzipped, reader_page):
    page, guard = reader_page
    base = unzipped.as_uri() + "/"
    home = check_page(page, guard, page_url(base, unzipped, "index.md", True), "light",
                      built_page(built_path(unzipped, "index.md", True)))
    src = next((s for s in nav_pages() if built_page(built_path(unzipped, s, True)).diagrams), None)
    assert src, "no page of the offline edition has a diagram"
    built = built_page(built_path(unzipped, src, True))
    problems = [f"docs/index.md: {p}" for p in home]
    problems += [f"docs/{src}: {p}" for p in check_page(page, guard, page_url(base, unzipped, src, True), "light", built)]
    record_problems(f"[offline zip] {p}" for p in problems)
    assert not problems, "\n".join(problems)
    assert built.diagrams >= 1


def test_unzipped_site_search_finds_a_page(unzipped, reader_page):
    page, guard = reader_page
    problems = check_search(page, guard, unzipped.as_uri() + "/", unzipped, True, "light")
    record_problems(f"[offline zip] docs/index.md: search: {p}" for p in problems)
    assert not problems, "\n".join(problems)
