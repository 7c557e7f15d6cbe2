"""Summaries drawn from several data files: the since page's short chronology, and the home page's
"story so far" and "by the numbers".
"""
from __future__ import annotations

from hooks.core.dates import human_date
from hooks.render.estimates import MEASURES
from hooks.render.md import NO_ENTRIES, cell, source_link, table
from hooks.render.sanctions import sanctions_summary
from hooks.render.timeline import THREADS


def render_chronology(timeline: list) -> str:
    """The since page's short dated chronology: the after-the-report events marked `chronology`,
    one line each with its thread and source, oldest first (the timeline page lists every event)."""
    events = sorted((e for e in timeline if e["kind"] == "after" and e.get("chronology")), key=lambda e: e["date"])
    if not events:
        return NO_ENTRIES
    return "\n".join(f"- **{human_date(e['date'])}.** {THREADS.get(e.get('thread'), 'Other')}: {cell(e['label'])} "
                     f"({source_link(e)})" for e in events) + "\n"


def render_story(timeline: list) -> str:
    """The home page's "story so far": the events marked `highlight`, one dated line each."""
    events = sorted((e for e in timeline if e.get("highlight")), key=lambda e: e["date"])
    return "\n".join(f"- **{human_date(e['date'])}.** {cell(e['text'])} ({source_link(e)})" for e in events) + "\n"


def render_numbers(timeline: list, estimates: list, sanctions: list, report_date: str) -> str:
    """The home page's "by the numbers": key figures, each with its date and source."""
    rows = []
    for e in timeline:
        if e.get("figure"):
            rows.append((e["date"], e["figure"], e["label"], source_link(e)))
    for e in estimates:
        if e.get("key"):
            rows.append((e["date"], e["figure"], f"{MEASURES[e['measure']]}: {e['estimator']}", source_link(e)))
    rows.sort(key=lambda r: r[0])
    cells = [(cell(figure[:1].upper() + figure[1:]), cell(what), human_date(date), source) for date, figure, what, source in rows]
    summary = sanctions_summary(sanctions, report_date)
    if summary["actions"]:
        cells.append((f"{summary['actions']} actions naming {summary['targets']} targets in all",
                      f"Sanctions actions after the report by {summary['actors']} governments and agencies, as counted on "
                      "this site (a person or firm listed by several governments is counted each time)",
                      f"{human_date(report_date[:7])} to {human_date(summary['last'])}",
                      "[Sanctions table](report/sanctions.md#after-the-report-sanctions)"))
    return table(("Figure", "What it is", "Date", "Source"), cells, empty=None)
