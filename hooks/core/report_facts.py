"""Report facts: the CRS report's id, title, date, addresses and box titles, held once in mkdocs.yml.

`extra.report` in mkdocs.yml is the only place they are written. Hooks read them from the
config (`config.extra["report"]`), overrides/main.html from `config.extra.report`, and the fast
check, the scripts and the tests through `load(root)`, which reads the same block without a
build. This hook checks the block when the build starts (a configuration problem stops the
build with PluginError) and adds what is derived from it, so templates can use it too:
`long_date` ("May 6, 2024") and `report_box` (the exact title of a `report` box).
"""
from __future__ import annotations

import datetime
import functools
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from hooks.core.dates import long_date

REQUIRED = ("id", "title", "date", "url", "crs_url", "boxes")
BOXES = ("report", "context", "after")


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def settle(config) -> dict:
    """extra.report checked (a problem stops the build: it is configuration) and completed."""
    problem = check(config.extra.get("report"))
    if problem:
        raise PluginError(f"mkdocs.yml: extra.report: {problem}")
    config.extra["report"] = derived(config.extra["report"])
    return config.extra["report"]


# --- Helpers -------------------------------------------------------------------------------

def check(report) -> str | None:
    """What is wrong with the extra.report block, or None."""
    if not isinstance(report, dict):
        return "missing (it holds the report's id, title, date, url, crs_url and boxes)"
    missing = [key for key in REQUIRED if key not in report]
    if missing:
        return f"lacks {', '.join(missing)}"
    try:
        datetime.date.fromisoformat(str(report["date"]))
    except ValueError:
        return f"date {report['date']!r} is not a quoted YYYY-MM-DD date"
    if not isinstance(report["boxes"], dict) or any(not report["boxes"].get(kind) for kind in BOXES):
        return f"boxes needs a title for each of {', '.join(BOXES)}"
    return None


def derived(report: dict) -> dict:
    """The block plus what follows from it: long_date, the next day, and the exact report box title."""
    day = datetime.date.fromisoformat(str(report["date"]))
    return {**report, "date": day.isoformat(), "long_date": long_date(day),
            "day_after": long_date(day + datetime.timedelta(days=1)),
            "report_box": f"{report['boxes']['report']} ({long_date(day)})"}


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: its !ENV and !!python/name tags become plain values."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@functools.cache
def load(root: Path) -> dict:
    """extra.report from ROOT/mkdocs.yml, with the derived values, for code that runs without a build."""
    config = yaml.load((Path(root) / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
    report = (config.get("extra") or {}).get("report")
    problem = check(report)
    if problem:
        raise ValueError(f"mkdocs.yml: extra.report: {problem}")
    return derived(report)


def addresses(report: dict) -> tuple[str, ...]:
    """The report's addresses without scheme and `www.`, as a page may write them."""
    return tuple(report[key].split("://", 1)[-1].removeprefix("www.") for key in ("url", "crs_url"))
