"""Sanctions (data/sanctions.yml): tables split at the report's date, timeline rows and the home page's counts.

Pure functions of validated entries and the report's date (`report_date`, extra.report.date).
"""
from __future__ import annotations

from hooks.core.dates import human_date
from hooks.data import datafiles
from hooks.render import charts
from hooks.render.md import cell, source_link, table

# How readers see who acted: the titles in the schema.


# How readers see the values of a few fields: the titles in the data files' schemas.
ACTORS = datafiles.choices("sanctions", "actor")         # who acted


def after_report(entry: dict, report_date: str) -> bool:
    return entry["date"] > report_date


def actor_name(entry: dict) -> str:
    return entry.get("actor_name") or ACTORS[entry["actor"]]


def _targets(entry: dict) -> str:
    count = "number not stated" if entry["targets"] is None else str(entry["targets"])
    return f"{count} ({cell(entry['targets_note'])})"


def render_sanctions(sanctions: list, after: bool, report_date: str) -> str:
    """One table: the actions up to the report's date (after=False) or after it (after=True)."""
    rows = sorted((s for s in sanctions if after_report(s, report_date) == after), key=lambda s: (s["date"], s["actor"]))
    return table(("Date", "Who acted", "What was done", "Source"),   # each cell names its instrument and targets
                  [(human_date(s["date"]), cell(actor_name(s)),
                    f"{cell(s['action'])} *Instrument:* {cell(s['instrument'])}. *Targets:* {_targets(s)}.", source_link(s))
                   for s in rows])


def sanctions_as_events(sanctions: list, report_date: str) -> list[dict]:
    """Sanctions entries as timeline rows, so the timeline shows them without a copy in timeline.yml."""
    events = []
    for s in sanctions:
        count = "" if s["targets"] is None else f" Targets: {s['targets_note']}."
        events.append({
            "id": s["id"],
            "date": s["date"],
            "label": f"{actor_name(s)} sanctions"[:40],
            "text": f"{actor_name(s)}: {s['action']}{count}",
            "kind": "after" if after_report(s, report_date) else "background",
            "thread": "sanctions",
            "source": s["source"],
            "source_title": s["source_title"],
            "more_sources": s.get("more_sources", []),
        })
    return events


def sanctions_summary(sanctions: list, report_date: str) -> dict:
    """Counts for the home page: actions after the report, who took them, targets named."""
    later = [s for s in sanctions if after_report(s, report_date)]
    return {
        "actions": len(later),
        "actors": len({actor_name(s) for s in later}),
        "targets": sum(s["targets"] or 0 for s in later),
        "last": max((s["date"] for s in later), default=None),
    }


def render_chart(sanctions: list, report_date: str) -> str:
    """The chart of every action by government (hooks/render/charts.py)."""
    return charts.sanctions_chart(sanctions, actor_name, report_date)
