"""The changelog, data/changes.yml: shared by the What's new page and the Atom feed.

data/changes.yml is validated like every data file (hooks/datafiles.py, schema in
data/schemas/changes.schema.json). This module holds the pure functions both readers need:
the page titles from the nav, a stable id for each entry, the Markdown list for
docs/whats-new.md (hooks/render/markers.py, marker `<!-- render: changes -->`), the check that
every page an entry names exists (`problems`: hooks/render/feed.py and scripts/check.py report it)
and the filter that leaves the other entries out of the page and the feed (`existing_only`).
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from hooks.core.dates import long_date
from hooks.core.escape import raw, text
from hooks.core.problems import Problem
from hooks.data import datafiles

REL = "data/changes.yml"


def nav_titles(nav) -> dict[str, str]:
    """{"since.md": "Since the report", ...} from mkdocs.yml's nav: (a list of one-key mappings)."""
    titles: dict[str, str] = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(nav_titles(value))
    return titles


def entry_ids(changes: list) -> list[str]:
    """A stable id per entry: its date and its place among that date's entries, counted from the
    oldest (the file is newest first, so adding an entry on top never renumbers older ones)."""
    ids, seen = [""] * len(changes), {}
    for index in range(len(changes) - 1, -1, -1):
        date = changes[index]["date"]
        seen[date] = seen.get(date, 0) + 1
        ids[index] = f"change-{date}-{seen[date]}"
    return ids


def ordered(changes: list) -> list:
    """Newest date first; entries of one date keep their order in the file."""
    return sorted(changes, key=lambda c: c["date"], reverse=True)


def render(changes: list, titles: dict[str, str]) -> str:
    """The What's new list, one line per change with links to its pages: the newest date under its own
    heading, each earlier date folded under "Earlier changes" (a link to a change's id opens its fold)."""
    ids = dict(zip(map(id, changes), entry_ids(changes)))
    days: dict[str, list] = {}
    for change in ordered(changes):
        days.setdefault(change["date"], []).append(change)

    def lines(day: list, indent: str) -> list[str]:
        out = []
        for change in day:
            pages = ", ".join(f"[{text(titles.get(p, p))}]({quote(str(raw(p)))})" for p in change["pages"])
            out += [f"{indent}- {text(change['summary'])} Pages: {pages}.", f"{indent}  {{: #{ids[id(change)]} }}"]
        return out

    dated = list(days.items())
    out = []
    for number, (date, day) in enumerate(dated):
        if number == 0:
            out += [f"## {long_date(date)}", "", *lines(day, "")]
            continue
        if number == 1:
            out += ["", "## Earlier changes"]
        count = f"{len(day)} change" + ("s" if len(day) > 1 else "")
        out += ["", f'??? note "{long_date(date)}: {count}"', "", *lines(day, "    ")]
    return "\n".join(out) + "\n"


def problems(root: Path, known: set[str]) -> list[Problem]:
    """Each page an entry names that is not a page of the site (`known`: paths relative to docs/),
    at its line in data/changes.yml. The file's YAML and schema problems are _datafiles' to report."""
    data, lines = datafiles.source(root, "changes")
    if not isinstance(data, list):
        return []
    found = []
    for index, entry in enumerate(data):
        if not isinstance(entry, dict) or not isinstance(entry.get("pages"), list):
            continue
        for position, page in enumerate(entry["pages"]):
            if isinstance(page, str) and page not in known:
                line = lines.get((index, "pages", position), lines.get((index,), 1))
                close = sorted(k for k in known if re.sub(r".*/", "", k) == re.sub(r".*/", "", page))
                hint = f"did you mean {close[0]}? " if close else ""
                found.append(Problem(REL, line, f"entry {index + 1}: page '{page}' is not in docs/",
                                     f"{hint}name the page's file relative to docs/, as in nav: in mkdocs.yml"))
    return found


def existing_only(changes: list, known: set[str]) -> list:
    """The changes whose pages all exist (`problems` reports the others), so no link is broken."""
    return [change for change in changes if all(page in known for page in change["pages"])]
