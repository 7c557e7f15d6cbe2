"""Render markers: the one grammar and the one registry of what a page can ask the build to draw.

A page asks with a marker alone on its line; an indented marker (inside a box) renders indented:
    <!-- render: NAME -->
REGISTRY says what each NAME draws, from which data (for the "Download this data" links and the
Data page's "Shown on" column), and whether it depends on the page (links relative to it);
a marker that does not depend on the page is rendered once per build and reused. A `sectioned` marker
(since-then) is rendered for the section it sits in: its renderer gets "page.md#section-id", the id
of the heading above it as MkDocs' toc makes it (`section_id`). An unknown NAME
is reported at its line with the list of known ones. The renderers themselves are pure functions
in the modules named below.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Callable

import dataclasses

from hooks.core.build import Build
from hooks.core.escape import escape_all
from hooks.core.problems import Problem
from hooks.data import changelog, datafiles
from hooks.render import (actors, charts, citations, claims, download_pages, estimates, glossary, home, maps, reading,
                          reviews, sanctions, timeline, treaty)

PROFILES = "actors/profiles.md"   # where the actors marker renders the profiles the office-holders link


def _relative(src: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src) or ".")


MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*render:\s*(?P<name>[\w-]+)\s*-->[ \t]*$", re.M)
HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t]*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*#*[ \t]*$", re.M)


@dataclass(frozen=True)
class Marker:
    render: Callable[[Build, str], str]    # (build, page src_uri) -> Markdown
    data: tuple[str, ...]                  # the data files it shows
    per_page: bool = False                 # True: its links are relative to the page
    dated: bool = True                     # shows dated events (checks/page_currency reads them)
    sectioned: bool = False                # True: rendered for its section, given as "page.md#section-id"


def _changes(build: Build, src: str) -> str:
    titles = changelog.nav_titles(build.config["nav"]) if build.config else {}
    known = set(build.titles) or None
    changes = build.data["changes"] if known is None else changelog.existing_only(build.data["changes"], known)
    return changelog.render(changes, titles)


REGISTRY: dict[str, Marker] = {
    "glossary": Marker(lambda b, s: glossary.render_glossary(b.data["glossary"], b.data["names"]), ("glossary", "names")),
    "timeline-table": Marker(lambda b, s: timeline.render_timeline_table(
        b.data["timeline"] + sanctions.sanctions_as_events(b.data["sanctions"], b.facts["date"]), b.facts),
        ("timeline", "sanctions")),
    "timeline-diagram": Marker(lambda b, s: timeline.render_timeline_diagram(b.data["timeline"], b.facts), ("timeline",)),
    "actors": Marker(lambda b, s: actors.render_actors(b.data["actors"], datafiles.actor_groups(b.root),
                                                       b.facts["boxes"]["after"], b.data["names"]), ("actors", "names")),
    "officeholders": Marker(lambda b, s: actors.render_officeholders(
        b.data["actors"], b.facts["long_date"], _relative(s, PROFILES) if s != PROFILES else ""), ("actors",), per_page=True),
    "sanctions-report-time": Marker(lambda b, s: sanctions.render_sanctions(b.data["sanctions"], False, b.facts["date"]),
                                    ("sanctions",)),
    "sanctions-after": Marker(lambda b, s: sanctions.render_sanctions(b.data["sanctions"], True, b.facts["date"]), ("sanctions",)),
    # Each estimates marker draws its chart, with every estimate in a table folded under it.
    "estimates-deployed": Marker(lambda b, s: charts.with_text(
        charts.estimates_chart(b.data["estimates"], estimates.DEPLOYED, "troops", "North Korean troops sent to or in Russia, by who estimated"),
        estimates.render_estimates(b.data["estimates"], estimates.DEPLOYED), "every estimate of troops sent"), ("estimates",)),
    "estimates-losses": Marker(lambda b, s: charts.with_text(
        charts.estimates_chart(b.data["estimates"], estimates.LOSSES, "losses", "North Korean soldiers killed or wounded, by who estimated"),
        estimates.render_estimates(b.data["estimates"], estimates.LOSSES), "every estimate of losses"), ("estimates",)),
    "chart-sanctions": Marker(lambda b, s: sanctions.render_chart(b.data["sanctions"], b.facts["date"]), ("sanctions",)),
    "chronology": Marker(lambda b, s: home.render_chronology(b.data["timeline"]), ("timeline",)),
    "story-so-far": Marker(lambda b, s: home.render_story(b.data["timeline"]), ("timeline",)),
    "by-the-numbers": Marker(lambda b, s: home.render_numbers(b.data["timeline"], b.data["estimates"], b.data["sanctions"],
                                                              b.facts["date"]), ("timeline", "estimates", "sanctions")),
    "changes": Marker(_changes, ("changes",), dated=False),   # a change's date is when the site changed, not an event
    "claims-overview": Marker(lambda b, s: claims.render_overview(b.data["claims"]), ("claims",), dated=False),
    "claims": Marker(lambda b, s: claims.render_claims(b.data["claims"], b.data["timeline"], b.facts, b.titles, s),
                     ("claims", "timeline"), per_page=True),
    # When each claim was checked: the date of a check is not an event (see hooks/render/claims.py).
    "claims-checks": Marker(lambda b, s: claims.render_checks(b.data["claims"]), ("claims",), dated=False),
    # After a report box: a folded "Since then" note on the claims that box restates.
    "since-then": Marker(lambda b, s: claims.render_since_then(b.data["claims"], b.data["timeline"], s),
                         ("claims",), per_page=True, sectioned=True),
    "treaty": Marker(lambda b, s: treaty.render_treaty(b.data["treaty"]), ("treaty",)),
    # A piece's date is when it was published, not an event (as a footnote's is).
    "reading": Marker(lambda b, s: reading.render_reading(b.data["reading"]), ("reading",), dated=False),
    "reviews": Marker(lambda b, s: reviews.render_reviews(b.data["reviews"], s, b.titles), ("reviews",), per_page=True, dated=False),
    "places": Marker(lambda b, s: maps.render_places(s, b.data["places"], b.titles, b.data["names"]), ("places", "names"),
                     per_page=True, dated=False),
    **{f"map-{key}": Marker(lambda b, s, key=key: maps.render_map(key, s, b.data["places"]), ("places",), per_page=True, dated=False)
       for key in maps.MAPS},
    "editions": Marker(lambda b, s: download_pages.render_editions(s, b.editions, download_pages.hosted_about(b)), (),
                       per_page=True, dated=False),
    # Every source of the registry by kind, with the pages that cite it (a source's date is not an event).
    "sources": Marker(lambda b, s: citations.render_registry(b.data["sources"], datafiles.choices("sources", "kind"),
                                                            b.cited_by, s), ("sources",), per_page=True, dated=False),
    "data-files": Marker(lambda b, s: download_pages.render_data_table(s, b.exports, b.shows), (), per_page=True, dated=False),
}


def names(markdown: str) -> set[str]:
    """The markers a page's Markdown holds."""
    return {m["name"] for m in MARKER.finditer(markdown)}


def shown_data(markdown: str) -> set[str]:
    """The data files a page's markers show."""
    return {d for n in names(markdown) if n in REGISTRY for d in REGISTRY[n].data}


def escaped(build: Build) -> Build:
    """The build as renderers see it: its data and the page titles with every string escaped for
    Markdown and HTML (hooks/core/escape.py), so a field a renderer puts into Markdown shows as
    text, whichever field it is; `md.raw(value)` gives the value as written where one needs it.
    Made once per build (the data does not change within one) and shares the render cache."""
    if build.safe_data is None:
        build.safe_data = {"data": escape_all(build.data), "titles": escape_all(build.titles)}
    return dataclasses.replace(build, data=build.safe_data["data"], titles=build.safe_data["titles"])


def render(build: Build, path: str, src: str, markdown: str, offset: int = 0) -> tuple[str, list[Problem]]:
    """Replace each marker in `markdown` (the page `src`, whose file is `path`; `offset` lines of
    front matter precede it) with what it names, from escaped data (`escaped`); an unknown name is
    a problem at its line."""
    problems = []
    build = escaped(build)

    def replace(match):
        name, indent = match["name"], match["indent"]
        marker = REGISTRY.get(name)
        if marker is None:
            line = markdown.count("\n", 0, match.start()) + 1 + offset
            problems.append(Problem(path, line, f"unknown render marker '{name}'", f"use one of: {', '.join(sorted(REGISTRY))}"))
            return match.group(0)
        if marker.sectioned:
            return _indent(marker.render(build, f"{src}#{section_id(markdown, match.start())}".rstrip("#")), indent)
        if marker.per_page:
            return _indent(marker.render(build, src), indent)
        if name not in build.rendered:
            build.rendered[name] = marker.render(build, src)
        return _indent(build.rendered[name], indent)

    return MARKER.sub(replace, markdown), problems


def section_id(markdown: str, position: int) -> str:
    """The id of the last heading before `position`: its `{ #id }`, else the id MkDocs' toc gives it
    (Python-Markdown's slugify of its text); "" before the first heading."""
    from markdown.extensions.toc import slugify
    headings = [h for h in HEADING.finditer(markdown, 0, position) if not h["text"].startswith("#")]
    if not headings:
        return ""
    last = headings[-1]
    text = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", last["text"])
    return last["id"] or slugify(text, "-")


def _indent(text: str, indent: str) -> str:
    """Indent every non-blank line, so a marker inside a box renders inside the box."""
    if not indent:
        return text
    return "\n".join(indent + line if line.strip() else line for line in text.split("\n"))
