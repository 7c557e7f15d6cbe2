"""Dates as the site writes them: the one home of every date formatter.

- `long_date`: date(2024, 5, 6) or "2024-05-06" -> "May 6, 2024" (pages, boxes, feeds);
- `human_date`: a partial ISO date from data ("2024-06", "2024") as text;
- `short_date`: "2024-06-19" -> "Jun 19" (the meetings diagram, where the year heads the node);
- `apa_date`: "2024, May 6" (APA 7 references);
- `as_date`: a front matter value as a date, or None;
- `build_date`: when a file was built, or SOURCE_DATE_EPOCH for reproducible builds.
"""
from __future__ import annotations

import datetime
import os
import time
from pathlib import Path


def long_date(day: datetime.date | str) -> str:
    """A date as pages write it: date(2024, 5, 6) or '2024-05-06' -> 'May 6, 2024'."""
    day = datetime.date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def human_date(value: str) -> str:
    """ "2024-06-19" -> "June 19, 2024"; "2024-06" -> "June 2024"; "2024" -> "2024". """
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = datetime.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    return day.strftime("%B %Y") if len(parts) == 2 else long_date(day)


def short_date(value: str) -> str:
    """ "2024-06-19" -> "Jun 19"; "2024-06" -> "Jun"; "2024" -> "" (the year heads the node)."""
    parts = value.split("-")
    if len(parts) == 1:
        return ""
    day = datetime.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 1)
    return day.strftime("%b") + (f" {day.day}" if len(parts) > 2 else "")


def apa_date(day: datetime.date) -> str:
    """APA 7's date in a reference: '2024, May 6'."""
    return f"{day.year}, {day.strftime('%B')} {day.day}"


def as_date(value) -> datetime.date | None:
    """A front matter date as MkDocs gives it (a date, or text if quoted) as a date; None if it is not one."""
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def build_date(path: Path | None = None) -> datetime.date:
    """When the file was built, or today without one (UTC); SOURCE_DATE_EPOCH for reproducible builds."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH") or (path.stat().st_mtime if path else time.time())
    return datetime.datetime.fromtimestamp(int(float(stamp)), datetime.timezone.utc).date()
