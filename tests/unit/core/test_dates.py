"""hooks/core/dates.py: the one way pages write a date."""
from __future__ import annotations

import pytest

from hooks.core import dates
from hooks.render import cite_this_page


def test_human_date():
    assert [dates.human_date(d) for d in ("2024", "2024-02", "2024-02-05")] == ["2024", "February 2024", "February 5, 2024"]


def test_one_long_date_for_every_page_and_hook():
    """report_facts.long_date is the one way pages write a day: the changelog, the page dates, the
    downloads and "Cite this page" all call it, with a date or an ISO string."""
    import datetime

    from hooks.data import changelog
    from hooks.html import page_dates
    from hooks.render import download_pages
    assert dates.long_date("2024-05-06") == dates.long_date(datetime.date(2024, 5, 6)) == "May 6, 2024"
    assert dates.long_date(datetime.date(2026, 11, 30)) == "November 30, 2026"
    assert all(module.long_date is dates.long_date for module in (changelog, download_pages, page_dates, cite_this_page))
    assert dates.apa_date(datetime.date(2024, 5, 6)) == "2024, May 6"
    with pytest.raises(ValueError):
        dates.long_date("2024-02-30")
