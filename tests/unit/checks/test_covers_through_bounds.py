"""A page's "Covers events through" date is bounded on both sides (issue 25).

Not older than the newest event the page shows (page_currency's mention rule), and not newer than
the newest event the site's data holds: a page cannot cover events nobody has recorded.
"""
from __future__ import annotations

from conftest import ROOT

from hooks.checks import page_currency
from hooks.core import report_facts
from hooks.core.build import Build
from hooks.data import datafiles

FACTS = report_facts.load(ROOT)
EVENT = {"id": "2025-04-30-x", "date": "2025-04-30", "label": "Work starts", "text": "Work starts on the bridge.",
         "kind": "after", "thread": "transport-people", "source": "https://tass.com/x", "source_title": "TASS"}


def page(covers: str, body: str = "Text.") -> str:
    return (f"---\ntitle: T\ndescription: A description that is long enough to pass the minimum length.\n"
            f"covers_through: {covers}\nlast_reviewed: 2026-12-05\n---\n\n# T\n\n{body}\n")


def build_with(*events) -> Build:
    return Build(ROOT, FACTS, {"timeline": list(events), "sanctions": [], "estimates": []})


def test_covers_through_later_than_any_recorded_event_is_reported_at_its_line():
    [problem] = page_currency.check("docs/a.md", page("2025-06-01"), build_with(EVENT))
    assert str(problem).startswith("docs/a.md:4: covers_through 2025-06-01 is later than the newest event in data/ (2025-04-30)")


def test_covers_through_on_or_before_the_newest_event_passes():
    assert page_currency.check("docs/a.md", page("2025-04-30"), build_with(EVENT)) == []
    assert page_currency.check("docs/a.md", page("2024-05-06"), build_with(EVENT)) == []


def test_covers_through_older_than_an_event_the_page_shows_is_reported():
    body = '!!! after "After the report: April 2025"\n\n    Work started on April 30, 2025.[^x]\n\n[^x]: X <https://x.org>'
    found = [str(p) for p in page_currency.check("docs/a.md", page("2025-04-01", body), build_with(EVENT))]
    assert any("mentions 'April 30, 2025', newer than the page's covers_through 2025-04-01" in f for f in found), found


def test_every_page_of_the_site_is_within_both_bounds():
    build = datafiles.build_for(ROOT)
    newest = page_currency.newest_event(build.data)
    assert newest and newest >= "2026-03-16"
    found = [str(p) for path in sorted((ROOT / "docs").rglob("*.md"))
             for p in page_currency.check(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"), build)]
    assert found == []
