"""Data entries cite the source registry (data/sources.yml) by id, as footnotes do, so a source's
title and URL are written once.

In a data file an entry's `source` (and an office's `since_source`) holds a registry id, and
`more_sources` a list of further ids where one source does not carry every fact of the entry. What the
pages render from (`datafiles.load_all`) has each id resolved: `source` becomes the source's URL and
`source_title` a short plain-text citation (`label`: publisher and date), with the entry's optional
`source_note` in brackets after them (what the entry takes from the source, when that needs saying)
and its `date_derived` (how the date follows from a source that gives it only relatively);
`more_sources` becomes a list of {url, title}.
The downloads keep the ids, as the schemas say; the registry is published beside them.

`unknown` lists the ids a file cites that the registry lacks, for the check in datafiles.py.
"""
from __future__ import annotations

import difflib
import re

from hooks.core.dates import human_date

FIELDS = ("source", "since_source")        # keys holding one registry id, at any depth of an entry
LISTS = ("more_sources",)                  # keys holding a list of ids: further sources of the same entry


def label(source: dict) -> str:
    """The citation as a short plain text, "Publisher, Month D, YYYY", and for a copy, whose copy it
    is. Data entries show it in lists and tables, where the short form keeps a phone page short; the
    headline is in the footnotes (hooks/render/citations.py) and on the list of every source. A
    source with no date is named by its title instead."""
    lead = (source.get("lead") or f"{source['publisher']},").strip().rstrip(",")
    title = source["title"]
    if len(title) > 2 and title.startswith("*") and title.endswith("*"):
        title = title[1:-1]
    what = human_date(source["date"]) if source.get("date") else title
    copy = f", as republished by {source['publisher']}" if source.get("original_publisher") else ""
    return re.sub(r"\s+", " ", f"{lead}, {what}{copy}").strip().rstrip(".")


def resolve(value, registry: dict[str, dict]):
    """A copy of `value` (an entry, or a list of them) with each id in FIELDS resolved; an id the
    registry lacks is left as it is (datafiles.py leaves such entries out and reports them)."""
    if isinstance(value, list):
        return [resolve(item, registry) for item in value]
    if not isinstance(value, dict):
        return value
    out = {key: resolve(item, registry) for key, item in value.items()}
    for key in FIELDS:
        source = registry.get(value.get(key)) if isinstance(value.get(key), str) else None
        if source is not None:
            notes = [value.get(f"{key}_note")] + ([f"date worked out: {value['date_derived']}"] if key == "source" and value.get("date_derived") else [])
            out[key] = source["url"]
            out[f"{key}_title"] = label(source) + "".join(f" ({note})" for note in notes if note)
    for key in LISTS:
        if isinstance(value.get(key), list):
            out[key] = [{"url": s["url"], "title": label(s)} for s in
                        (registry.get(i) for i in value[key] if isinstance(i, str)) if s is not None]
    return out


def resolve_all(data: dict[str, list]) -> dict[str, list]:
    """{name: entries} with every data file's ids resolved against data["sources"]."""
    registry = {s["id"]: s for s in data.get("sources", []) if isinstance(s, dict) and "id" in s}
    return {name: entries if name == "sources" else resolve(entries, registry) for name, entries in data.items()}


def unknown(entry, ids: set[str], path: tuple = ()) -> list[tuple[tuple, str, str]]:
    """(path, id, suggestion) for each id in FIELDS or LISTS, at any depth of `entry`, not in `ids`."""
    def miss(where: tuple, value: str) -> list:
        if value in ids:
            return []
        close = difflib.get_close_matches(value, sorted(ids), n=1, cutoff=0.6)
        return [(where, value, close[0] if close else "")]

    found = []
    if isinstance(entry, list):
        for index, item in enumerate(entry):
            found += unknown(item, ids, path + (index,))
    elif isinstance(entry, dict):
        for key, item in entry.items():
            if key in FIELDS and isinstance(item, str):
                found += miss(path + (key,), item)
            elif key in LISTS and isinstance(item, list):
                for index, one in enumerate(item):
                    found += miss(path + (key, index), one) if isinstance(one, str) else []
            else:
                found += unknown(item, ids, path + (key,))
    return found
