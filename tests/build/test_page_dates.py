"""Dated pages and the changelog in both built editions: the dates line and legend link under
every title, JSON-LD dateModified, "Cite this page" dated by the review, the feed linked and
matching data/changes.yml."""
from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT, nav_pages
from helpers.built import built_path, soup
from helpers.feed import parse_feed

from hooks.data import changelog

EDITIONS = ["hosted_site", "offline_site"]


@pytest.fixture(params=EDITIONS)
def edition(request):
    return request.getfixturevalue(request.param), request.param == "offline_site"


def meta_of(src: str) -> dict:
    return yaml.safe_load((ROOT / "docs" / src).read_text(encoding="utf-8").split("---", 2)[1])


def test_every_page_shows_its_dates_and_the_legend_link(edition):
    site, offline = edition
    for src in nav_pages():
        meta = meta_of(src)
        path = built_path(site, src, offline)
        doc = soup(path)
        title = doc.select_one("article h1")
        dates, note = title.find_next_sibling(), title.find_next_sibling().find_next_sibling()
        assert "mdx-page-dates" in dates["class"], f"{src}: no dates line right under the title"
        covers, reviewed = (t["datetime"] for t in dates.find_all("time"))
        assert (covers, reviewed) == (meta["covers_through"].isoformat(), meta["last_reviewed"].isoformat()), src
        assert dates.get_text(" ", strip=True).startswith("Covers events through "), src
        link = note.find("a")
        assert "mdx-legend-note" in note["class"] and link.get_text() == "How to read this site", src
        target, anchor = link["href"].split("#")
        legend = (path.parent / target) if target else path
        if legend.is_dir():
            legend = legend / "index.html"
        assert anchor == "how-to-read-this-site" and soup(legend).find(id=anchor), f"{src}: legend link {link['href']} is broken"
    # Both lines carry data-search-exclude="true", which Material honours and then strips.
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    leaked = [d["location"] for d in index["docs"]
              if "Covers events through" in d["text"] or "Boxes mark what the report says" in d["text"]]
    assert leaked == [], f"the dates line or the legend note is in the search index: {leaked[:5]}"


def test_every_page_has_json_ld_with_date_modified(edition):
    site, offline = edition
    for src in nav_pages():
        data = json.loads(soup(built_path(site, src, offline)).find("script", type="application/ld+json").string)
        assert data["dateModified"] == meta_of(src)["last_reviewed"].isoformat(), src
        assert data["@type"] == ("WebPage" if meta_of(src)["report_part"] == "None (site page)" else "Article"), src


def test_cite_this_page_uses_the_review_date(edition):
    site, offline = edition
    for src in nav_pages():
        reviewed = meta_of(src)["last_reviewed"]
        text = soup(built_path(site, src, offline)).select_one("#cite-this-page").find_next("details").get_text()
        long = f"{reviewed.strftime('%B')} {reviewed.day}, {reviewed.year}"
        assert f"Last reviewed {long}." in text and f"({reviewed.year}, {reviewed.strftime('%B')} {reviewed.day})" in text, src
        assert "accessed" not in text.lower() and "(n.d.)" not in text and "*date*" not in text, src


def test_feed_is_linked_and_matches_the_changelog(edition):
    site, offline = edition
    changes = yaml.safe_load((ROOT / "data/changes.yml").read_text(encoding="utf-8"))
    for src in nav_pages():
        path = built_path(site, src, offline)
        links = soup(path).find_all("link", rel="alternate", type="application/atom+xml")
        if offline:      # overrides/main.html: Material would fetch sitemap.xml beside it, a CORS error on file://
            assert not links, f"{src}: the offline edition must not link the feed"
            continue
        [link] = links
        assert not link["href"].startswith(("http:", "https:", "/")), f"{src}: the feed link must be relative"
        assert (path.parent / link["href"]).resolve() == (site / "feed.xml").resolve(), src
    entries = parse_feed((site / "feed.xml").read_bytes())
    assert [e["title"] for e in entries] == [c["summary"] for c in changelog.ordered(changes)]
    assert [e["updated"][:10] for e in entries] == [c["date"] for c in changelog.ordered(changes)]
    assert len({e["id"] for e in entries}) == len(entries)
    whats_new = soup(built_path(site, "whats-new.md", offline))
    for entry in entries:
        assert whats_new.find(id=entry["id"].split("#")[1]), f"feed id {entry['id']} has no anchor on What's new"
