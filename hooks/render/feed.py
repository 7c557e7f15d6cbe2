"""Atom feed: build feed.xml from data/changes.yml with feedgen, as a file of the site.

The feed is added to MkDocs' files when the build collects them (`on_files`), so MkDocs writes
it with the site, `mkdocs serve` serves it, and pages may link it as `feed.xml` with MkDocs'
link check passing.
Every page's <head> links it (`<link rel="alternate" type="application/atom+xml">` in
overrides/main.html, a relative address, so the offline edition opened from disk makes no
request). One entry per change: its summary, its date, a link to the first page it names (the
others linked in its content) and a stable id on the What's new page (hooks/changelog.py). The
feed's `updated` is the newest change's date, so rebuilding changes nothing. Also checks that
every page a change names exists, reporting `data/changes.yml:LINE`.
"""
from __future__ import annotations

import datetime
import html
import logging

from feedgen.feed import FeedGenerator
from mkdocs.structure.files import File

from hooks.data import changelog

log = logging.getLogger("mkdocs.plugins.hooks.atom_feed")

FEED = "feed.xml"
WHATS_NEW = "whats-new.md"


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def add_feed(build, files, config) -> list:
    """feed.xml as a file of the site; the problems are changes naming pages that do not exist."""
    urls = {f.src_uri: f.url for f in files.documentation_pages()}
    changes = changelog.existing_only(build.data["changes"], set(urls))
    xml = build_feed(changes, urls, changelog.nav_titles(config["nav"]), config.site_url or "",
                     config.site_name, config.site_author or config.site_name)
    files.append(File.generated(config, FEED, content=xml))
    return changelog.problems(build.root, set(urls))


# --- Helpers -------------------------------------------------------------------------------

def _url(site_url: str, urls: dict[str, str], page: str) -> str:
    """The page's absolute address ("./" is the home page's own URL in MkDocs)."""
    url = urls.get(page, "")
    return site_url + ("" if url in (".", "./") else url)


def _midnight(value: str) -> datetime.datetime:
    return datetime.datetime.combine(datetime.date.fromisoformat(value), datetime.time(), datetime.timezone.utc)


def build_feed(changes: list, urls: dict[str, str], titles: dict[str, str],
               site_url: str, site_name: str, author: str) -> bytes:
    """The Atom document for `changes` (validated entries), newest first, as UTF-8 bytes."""
    feed = FeedGenerator()
    whats_new = _url(site_url, urls, WHATS_NEW)
    feed.id(site_url + FEED)
    feed.title(f"{site_name}: what's new")
    feed.subtitle("Changes to the plain-language explainer of CRS Insight IN12355, newest first.")
    feed.author(name=author)
    feed.link(href=whats_new, rel="alternate", type="text/html")
    feed.link(href=site_url + FEED, rel="self", type="application/atom+xml")
    feed.language("en")
    feed.rights("Text CC BY 4.0")
    if changes:   # else feedgen uses the build time; the schema requires at least one entry
        feed.updated(_midnight(max(c["date"] for c in changes)))
    ids = dict(zip(map(id, changes), changelog.entry_ids(changes)))
    for change in changelog.ordered(changes):
        entry = feed.add_entry(order="append")
        entry.id(f"{whats_new}#{ids[id(change)]}")
        entry.title(change["summary"])
        pages = ", ".join(titles.get(p, p) for p in change["pages"])
        links = ", ".join(f'<a href="{html.escape(_url(site_url, urls, p))}">{html.escape(titles.get(p, p))}</a>' for p in change["pages"])
        entry.summary(f"{change['summary']} Pages: {pages}.")
        entry.content(f"<p>{html.escape(change['summary'])}</p><p>Pages: {links}.</p>", type="html")
        # One link, to the first page: feedgen 1.0.0 drops rel= on entry links, so a second one
        # would be a second rel="alternate", which Atom forbids. The others are in the content.
        entry.link(href=_url(site_url, urls, change["pages"][0]))
        entry.published(_midnight(change["date"]))
        entry.updated(_midnight(change["date"]))
    return feed.atom_str(pretty=True)
