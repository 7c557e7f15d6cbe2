"""Pure renderers for the after-the-report data: sanctions, estimates, office-holders, summaries.

hooks/shared_data.py calls these for its `<!-- render: ... -->` markers; each takes validated
entries (see hooks/_datafiles.py) and returns Markdown. Nothing here logs; the report's date is
read once, from extra.report in mkdocs.yml (hooks/report_facts.py).
- sanctions tables, split at the report's date, and sanctions as timeline rows;
- troop and casualty estimates, listed side by side and never reduced to one figure;
- office-holders at the report's date and the latest we can confirm;
- the since page's short chronology, the home page's "story so far" and "by the numbers".
"""
from __future__ import annotations

import datetime

from hooks import _datafiles, report_facts
from hooks._common import ROOT

REPORT = report_facts.load(ROOT)
REPORT_DATE = REPORT["date"]
# How readers see the values of a few fields: the titles in the data files' schemas.
ACTORS = _datafiles.choices("sanctions", "actor")         # who acted
MEASURES = _datafiles.choices("estimates", "measure")     # what a troop estimate counts
THREADS = _datafiles.choices("timeline", "thread")        # the story lines, in order
NO_ENTRIES = "*No entries yet.*\n"


def human_date(value: str) -> str:
    """ "2024-06-19" -> "June 19, 2024"; "2024-06" -> "June 2024"; "2024" -> "2024". """
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = datetime.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    return day.strftime("%B %Y") if len(parts) == 2 else report_facts.long_date(day)


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(headings: tuple[str, ...], rows: list[tuple[str, ...]], empty: str | None = NO_ENTRIES) -> str:
    """A Markdown table of already-escaped cells; `empty` instead when there are no rows (None: the
    headings alone)."""
    if not rows and empty is not None:
        return empty
    out = ["| " + " | ".join(headings) + " |", "|" + " --- |" * len(headings)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def _link(entry: dict) -> str:
    return f"[{_cell(entry['source_title'])}]({entry['source']})"


def after_report(entry: dict) -> bool:
    return entry["date"] > REPORT_DATE


def actor_name(entry: dict) -> str:
    return entry.get("actor_name") or ACTORS[entry["actor"]]


def _targets(entry: dict) -> str:
    count = "number not stated" if entry["targets"] is None else str(entry["targets"])
    return f"{count} ({_cell(entry['targets_note'])})"


# --- Sanctions -----------------------------------------------------------------------------

def render_sanctions(sanctions: list, after: bool) -> str:
    """One table: the actions up to the report's date (after=False) or after it (after=True)."""
    rows = sorted((s for s in sanctions if after_report(s) == after), key=lambda s: (s["date"], s["actor"]))
    return _table(("Date", "Who acted", "What was done, under which instrument, and how many targets", "Source"),
                  [(human_date(s["date"]), _cell(actor_name(s)),
                    f"{_cell(s['action'])} *Instrument:* {_cell(s['instrument'])}. *Targets:* {_targets(s)}.", _link(s))
                   for s in rows])


def sanctions_as_events(sanctions: list) -> list[dict]:
    """Sanctions entries as timeline rows, so the timeline shows them without a copy in timeline.yml."""
    events = []
    for s in sanctions:
        count = "" if s["targets"] is None else f" Targets: {s['targets_note']}."
        events.append({
            "date": s["date"],
            "label": f"{actor_name(s)} sanctions"[:40],
            "text": f"{actor_name(s)}: {s['action']}{count}",
            "kind": "after" if after_report(s) else "background",
            "thread": "sanctions",
            "source": s["source"],
            "source_title": s["source_title"],
        })
    return events


def sanctions_summary(sanctions: list) -> dict:
    """Counts for the home page: actions after the report, who took them, targets named."""
    later = [s for s in sanctions if after_report(s)]
    return {
        "actions": len(later),
        "actors": len({actor_name(s) for s in later}),
        "targets": sum(s["targets"] or 0 for s in later),
        "last": max((s["date"] for s in later), default=None),
    }


# --- Estimates -----------------------------------------------------------------------------

def render_estimates(estimates: list, measures: tuple[str, ...]) -> str:
    """Every estimate of the given measures, oldest first; the site lists them and picks none."""
    rows = sorted((e for e in estimates if e["measure"] in measures), key=lambda e: (e["date"], e["estimator"]))
    return _table(("Date", "Who estimated", "Figure", "What it counts", "Source"),
                  [(human_date(e["date"]), _cell(e["estimator"]), f"{MEASURES[e['measure']]}: {_cell(e['figure'])}",
                    _cell(e["counts"]), _link(e)) for e in rows])


# --- Office-holders ------------------------------------------------------------------------

def _since(office: dict) -> str:
    if office.get("since"):
        return human_date(office["since"])
    return "before the report" if office["now"] == office["at_report"] else "not known"


def render_officeholders(actors: list) -> str:
    """Who held each office at the report's date and the latest holder a source confirms."""
    rows = [(f"[{_cell(actor['name'])}](#{actor['id']})", _cell(office["office"]), _cell(office["at_report"]),
             f"{_cell(office['now'])}, in office since {_since(office)} (confirmed as of {human_date(office['as_of'])})",
             _link(office))
            for actor in actors for office in actor.get("officeholders", [])]
    return _table(("Government or body", "Office", f"At the report ({REPORT['long_date']})",
                   "Latest holder a source confirms", "Source"), rows)


# --- Summaries -----------------------------------------------------------------------------

def render_chronology(timeline: list) -> str:
    """The since page's short dated chronology: the after-the-report events marked `chronology`,
    one line each with its thread and source, oldest first (the timeline page lists every event)."""
    events = sorted((e for e in timeline if e["kind"] == "after" and e.get("chronology")), key=lambda e: e["date"])
    if not events:
        return NO_ENTRIES
    return "\n".join(f"- **{human_date(e['date'])}.** {THREADS.get(e.get('thread'), 'Other')}: {_cell(e['label'])} "
                     f"({_link(e)})" for e in events) + "\n"


def render_story(timeline: list) -> str:
    """The home page's "story so far": the events marked `highlight`, one dated line each."""
    events = sorted((e for e in timeline if e.get("highlight")), key=lambda e: e["date"])
    return "\n".join(f"- **{human_date(e['date'])}.** {_cell(e['text'])} ({_link(e)})" for e in events) + "\n"


def render_numbers(timeline: list, estimates: list, sanctions: list) -> str:
    """The home page's "by the numbers": key figures, each with its date and source."""
    rows = []
    for e in timeline:
        if e.get("figure"):
            rows.append((e["date"], e["figure"], e["label"], _link(e)))
    for e in estimates:
        if e.get("key"):
            rows.append((e["date"], e["figure"], f"{MEASURES[e['measure']]}: {e['estimator']}", _link(e)))
    rows.sort(key=lambda r: r[0])
    cells = [(_cell(figure[:1].upper() + figure[1:]), _cell(what), human_date(date), source) for date, figure, what, source in rows]
    summary = sanctions_summary(sanctions)
    if summary["actions"]:
        cells.append((f"{summary['actions']} actions naming {summary['targets']} targets in all",
                      f"Sanctions actions after the report by {summary['actors']} governments and agencies, as counted on "
                      "this site (a person or firm listed by several governments is counted each time)",
                      f"{human_date(REPORT_DATE[:7])} to {human_date(summary['last'])}",
                      "[Sanctions table](report/sanctions.md#after-the-report-sanctions)"))
    return _table(("Figure", "What it is", "Date", "Source"), cells, empty=None)
