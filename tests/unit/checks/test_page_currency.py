"""hooks/checks/page_currency.py: nothing on a page is newer than its covers_through."""
from __future__ import annotations

import pytest
from conftest import ROOT
from helpers.sample import FACTS, dated_page, messages

from hooks.checks import page_currency
from hooks.core.build import Build
from hooks.data import datafiles

NO_DATA = {name: [] for name in datafiles.DATA_FILES}


def test_mentions_read_the_usual_forms():
    found = page_currency.mentions("On March 12-13, 2026, 16 April 2026, Sept. 2025, 2026-05-01 and 2026-07 (not 2024-2025).")
    assert sorted((m.text, m.start.isoformat()) for m in found) == [
        ("16 April 2026", "2026-04-16"), ("2026-05-01", "2026-05-01"), ("2026-07", "2026-07-01"),
        ("March 12-13, 2026", "2026-03-13"), ("Sept. 2025", "2025-09-01")]


def test_mentions_skip_sources_urls_code_and_bare_years():
    text = ("Said on [KCNA, August 5, 2026](https://kcnawatch.org/x) and at https://x.org/2026-09-01/ and `2026-10-01`,"
            "[^n] in 2027, may 2026.")
    assert page_currency.mentions(text) == []
    assert [m.text for m in page_currency.mentions("See [the June 2026 entry](../timeline.md).")] == ["June 2026"]
    assert [m.text for m in page_currency.mentions("After the report: 2027", years=True)] == ["2027"]


def test_plans_and_deadlines_are_not_events():
    text = ("Lavrov said it should open in February 2026; the opening would fall around April 26, 2026. "
            "The mandate runs until April 30, 2027. It opened on May 2, 2026.")
    assert [m.text for m in page_currency.mentions(text)] == ["May 2, 2026"]


def test_a_page_within_its_date_passes():
    body = '''
        !!! after "After the report: June 2025"

            On June 30, 2025, it happened.[^a] A source dated [July 9, 2025](https://x.org/) says so.

        !!! context "Background: before (2024)"

            The mandate was to run until April 30, 2027.[^a]

        [^a]: A source, [Title, December 1, 2026](https://x.org/), 2026.
    '''
    assert page_currency.check("docs/a.md", dated_page(body), Build(ROOT, FACTS, NO_DATA)) == []


@pytest.mark.parametrize("body, expected", [
    ('!!! after "After the report: July 2025"\n\n    Something.[^a]',
     "docs/a.md:11: mentions 'July 2025', newer than the page's covers_through 2025-06-30 (set covers_through to the date "
     "of the newest event the page covers (at least 2025-07-01)"),
    ('!!! after "After the report: 2026"\n\n    Something.[^a]', "docs/a.md:11: mentions '2026'"),
    ('!!! after "After the report: June 2025"\n\n    Text.\n\n    Then on 1 July 2025 more.[^a]', "docs/a.md:15: mentions '1 July 2025'"),
    ('!!! after "After the report: May to July 2025"\n\n    | Date | Event |\n    | --- | --- |\n    | 2025-07-02 | X |',
     "docs/a.md:11: mentions 'July 2025'"),
])
def test_newer_mentions_fail_at_their_line(body, expected):
    found = messages(page_currency.check("docs/a.md", dated_page(body), Build(ROOT, FACTS, NO_DATA)))
    assert found and found[0].startswith(expected), found


def test_rendered_data_counts_at_the_marker_line():
    event = {"id": "2025-08-15-later", "date": "2025-08-15", "label": "A later event", "text": "Something later happened in August.", "kind": "after",
             "source": "https://x.org/", "source_title": "A source, September 1, 2025"}
    data = dict(NO_DATA, timeline=[event])
    [problem] = page_currency.check("docs/t.md", dated_page("Intro.\n\n<!-- render: timeline-table -->"), Build(ROOT, FACTS, data))
    assert str(problem).startswith("docs/t.md:13: mentions '2025-08-15', newer than the page's covers_through 2025-06-30")
    assert page_currency.check("docs/t.md", dated_page("Intro.\n\n<!-- render: timeline-table -->", covers="2025-08-15"), Build(ROOT, FACTS, data)) == []


def test_covers_through_after_last_review_fails():
    found = messages(page_currency.check("docs/a.md", dated_page("Text.", covers="2026-12-01"), Build(ROOT, FACTS, NO_DATA)))
    assert found == ["docs/a.md:5: covers_through 2026-12-01 is later than last_reviewed 2026-11-30 (a page cannot cover "
                     "events after its last review; see 'Front matter' in CONTRIBUTING.md)"]


def test_the_check_scans_a_page_once(monkeypatch):
    calls = []
    real = page_currency.scan
    monkeypatch.setattr(page_currency, "scan", lambda source: calls.append(source) or real(source))
    body = '!!! after "After the report: 2030"\n\n    On March 3, 2030, X.[^a]\n\n[^a]: S.'
    assert len(page_currency.check("docs/a.md", dated_page(body, covers="2026-12-01"), Build(ROOT, FACTS, NO_DATA))) == 3
    assert len(calls) == 1


def test_missing_dates_are_left_to_front_matter():
    assert page_currency.check("docs/a.md", dated_page('!!! after "After the report: 2030"\n\n    X.', covers=""), Build(ROOT, FACTS, NO_DATA)) == []
