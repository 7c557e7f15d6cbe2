"""Further reading (data/reading.yml): the best analysis for each thread, with its date and what it adds.

Threads in the order and with the titles of the timeline's (data/schemas/reading.schema.json holds
the same list); within a thread, newest first. Each item links its real headline, names its
publisher and date (or what the date is, `date_note`) and says in one line what it adds.
"""
from __future__ import annotations

from hooks.core.dates import human_date
from hooks.data import datafiles
from hooks.render.md import NO_ENTRIES, cell
from hooks.render.names import mark_scripts


def threads() -> dict[str, str]:
    return datafiles.choices("reading", "thread")


def render_reading(items: list) -> str:
    if not items:
        return NO_ENTRIES
    out = []
    for thread, title in threads().items():
        members = sorted((i for i in items if i["thread"] == thread), key=lambda i: i["date"], reverse=True)
        if not members:
            continue
        out += [f"## {title} {{ #reading-{thread} }}", ""]
        for i in members:
            when = human_date(i["date"]) + (f" ({i['date_note'].rstrip('.')})" if i.get("date_note") else "")
            out.append(f"- [{mark_scripts(cell(i['title']))}]({i['url']}), {cell(i['publisher'])}, {when}. {i['adds']}")
        out.append("")
    return "\n".join(out)
