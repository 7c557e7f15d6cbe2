"""hooks/html/page_dates.py: the dates line under each title."""
from __future__ import annotations

import datetime

from hooks.html import page_dates


def test_dates_line_and_legend():
    line = page_dates.dates_line({"covers_through": datetime.date(2026, 3, 16), "last_reviewed": "2026-11-30"})
    assert 'Covers events through <time datetime="2026-03-16">March 16, 2026</time>' in line
    assert 'Last reviewed <time datetime="2026-11-30">November 30, 2026</time>' in line
    assert page_dates.dates_line({"covers_through": "2026-03-16"}) == ""
    html = page_dates.insert_after_title("<h1>T</h1><p>x</p>", "<p>D</p>")
    assert html == "<h1>T</h1><p>D</p><p>x</p>"
    assert page_dates.insert_after_title("<p>x</p>", "<p>D</p>") == "<p>D</p><p>x</p>"
