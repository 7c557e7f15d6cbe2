"""hooks/checks/front_matter.py: required keys, types, and the two dates."""
from __future__ import annotations

import pytest
from helpers.sample import DATES, dated_page, messages, page

from hooks.checks import front_matter


def test_front_matter_valid():
    meta = 'title: A test page\ndescription: ' + "d" * 60 + '\nreport_part: "None (site page)"\n' + DATES
    assert front_matter.check("docs/a.md", page("Text.", meta)) == []


@pytest.mark.parametrize("meta, expected", [
    ("title: A test page\nreport_part: x y\n" + DATES, "docs/a.md:1: front matter lacks required key 'description' (add 'description: <one sentence"),
    ("title: [a, b]\ndescription: " + "d" * 60 + "\nreport_part: abc\n" + DATES, "docs/a.md:2: front matter 'title': ['a', 'b'] is not of type 'string'"),
    ("title: A page\ndescription: " + "d" * 60 + "\nreport_part: abc\ntags: x\n" + DATES, "docs/a.md:5: unknown front matter key 'tags'"),
    ("title: A: page: broken\ndescription: x", "docs/a.md:2: front matter is not valid YAML"),
])
def test_front_matter_problems(meta, expected):
    found = messages(front_matter.check("docs/a.md", page("Text.", meta)))
    assert any(line.startswith(expected) for line in found), found


def test_front_matter_missing_block():
    assert messages(front_matter.check("docs/a.md", "# Title\n"))[0].startswith("docs/a.md:1: page has no front matter")


def test_dates_required_and_iso():
    assert front_matter.check("docs/a.md", dated_page("Text.")) == []
    assert front_matter.check("docs/a.md", dated_page("Text.", covers='"2025-06-30"')) == []   # quoted is fine
    assert messages(front_matter.check("docs/a.md", dated_page("Text.", reviewed=""))) == [
        "docs/a.md:1: front matter lacks required key 'last_reviewed' (add 'last_reviewed: YYYY-MM-DD', the date the page "
        "was last checked against its sources; see 'Front matter' in CONTRIBUTING.md)"]
    assert messages(front_matter.check("docs/a.md", dated_page("Text.", covers="")))[0].startswith(
        "docs/a.md:1: front matter lacks required key 'covers_through' (add 'covers_through: YYYY-MM-DD'")


@pytest.mark.parametrize("value", ["2026-13-01", "2026-02-30", "March 2026", "2026-03", "2026-03-16 10:00:00", "[2026]"])
def test_bad_dates_named_at_their_line(value):
    [problem] = front_matter.check("docs/a.md", dated_page("Text.", covers=value))
    assert str(problem).startswith("docs/a.md:5: front matter 'covers_through': ") and "is not a date (write it as an ISO date, YYYY-MM-DD" in str(problem)
