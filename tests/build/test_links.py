"""Every internal link in the built HTML of both editions resolves: the file exists, and so does
the #fragment's id in it. This also covers links MkDocs does not validate, such as those in the
theme, in hook output (glossary `see:`, the timeline) and in the nav. External links are not
checked here: a remote site's outage must never fail a contributor's change."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, record_problems

EDITIONS = ["hosted_site", "offline_site"]
_IDS: dict[Path, set[str]] = {}


def ids_in(path: Path) -> set[str]:
    if path not in _IDS:
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        _IDS[path] = {tag["id"] for tag in doc.find_all(id=True)} | {tag["name"] for tag in doc.find_all("a", attrs={"name": True})}
    return _IDS[path]


def site_path() -> str:
    """The path part of site_url, e.g. /site/: 404.html links from there, as it can be served at any depth."""
    from mkdocs.config import load_config
    return urlsplit(load_config(str(ROOT / "mkdocs.yml"))["site_url"] or "/").path or "/"


def target_of(site: Path, page: Path, href: str, base: str) -> tuple[Path | None, str]:
    """The built file an internal href points to (None for external links) and its fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
        return None, ""
    if not parts.path:
        return page, unquote(parts.fragment)
    if parts.path.startswith("/"):   # only 404.html: MkDocs writes it with links from site_url's path
        if not parts.path.startswith(base):
            return site / "__outside_the_site__", ""
        target = (site / unquote(parts.path[len(base):])).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path, base: str, label: str) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in doc.find_all(href=True):
            href = tag["href"].strip()
            target, fragment = target_of(site, page, href, base)
            if target is None:
                continue
            where = f"{label}: {page.relative_to(site)}: <{tag.name} href={href!r}>"
            if not target.is_relative_to(site) or not target.is_file():
                broken.append(f"{where} points to a missing file")
            elif fragment and target.suffix == ".html" and fragment not in ids_in(target):
                broken.append(f"{where}: no id {fragment!r} in {target.relative_to(site)}")
    return broken


@pytest.mark.parametrize("edition", EDITIONS)
def test_internal_links_and_anchors_resolve(edition, request):
    site: Path = request.getfixturevalue(edition).resolve()
    broken = broken_links(site, site_path(), edition)
    record_problems(broken)
    assert not broken, f"{len(broken)} broken internal link(s):\n" + "\n".join(broken)


def test_the_link_check_finds_broken_links(tmp_path):
    """The checker itself, on a two-page site with one good and four broken links."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<h2 id="here">x</h2>')
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a><a href="a/#gone">1</a><a href="b/">2</a><a href="#top">3</a>'
        '<a href="/elsewhere/a/">4</a><a href="https://example.org/#x">external</a>')
    found = broken_links(tmp_path.resolve(), "/site/", "test")
    assert found == [
        "test: index.html: <a href='a/#gone'>: no id 'gone' in a/index.html",
        "test: index.html: <a href='b/'> points to a missing file",
        "test: index.html: <a href='#top'>: no id 'top' in index.html",
        "test: index.html: <a href='/elsewhere/a/'> points to a missing file",
    ]
