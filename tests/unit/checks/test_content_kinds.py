"""hooks/checks/content_kinds.py: box titles, a report page's report box, which boxes fold."""
from __future__ import annotations

import pytest
from helpers.sample import messages, page

from hooks.checks import content_kinds


@pytest.mark.parametrize("box, expected", [
    ('!!! report "The report"', "docs/a.md:9: 'report' box titled 'The report'"),
    ('!!! context "Earlier"', "docs/a.md:9: 'context' box titled 'Earlier'"),
    ('!!! after "After the report"', "docs/a.md:9: 'after' box titled 'After the report'"),
])
def test_content_kind_titles(box, expected):
    found = messages(content_kinds.check("docs/a.md", page(f"{box}\n\n    Fact.[^crs]")))
    assert any(line.startswith(expected) for line in found), found


def test_content_kinds_report_page_needs_report_box():
    meta = "title: A page\ndescription: " + "d" * 60 + "\nreport_part: Summary"
    assert messages(content_kinds.check("docs/a.md", page("Text.", meta)))[0].startswith("docs/a.md:1: page restates 'Summary' but has no 'report' box")
    good = page('!!! report "What the report says (May 6, 2024)"\n\n    Fact.[^crs]\n\n!!! after "After the report: June 2024"\n\n    Later.[^crs]', meta)
    assert content_kinds.check("docs/a.md", good) == []


def problems(body: str) -> list[str]:
    return [str(p) for p in content_kinds.check("docs/a.md", page(body)) if "fold" in str(p)]


@pytest.mark.parametrize("box, expected", [
    ('??? report "What the report says (May 6, 2024)"',
     "docs/a.md:9: 'report' box starts closed (???) (write it !!! report so it is always shown; \"What the report says\" and \"In brief\" never fold"),
    ('???+ report "What the report says (May 6, 2024)"', "docs/a.md:9: 'report' box can be folded (???+)"),
    ('??? abstract "In brief"', "docs/a.md:9: 'abstract' box starts closed (???)"),
    ('!!! abstract "Diagram as text"', 'docs/a.md:9: "Diagram as text" box written !!! (write it ??? abstract "Diagram as text" so it starts closed'),
    ('???+ abstract "Diagram as text"', 'docs/a.md:9: "Diagram as text" box written ???+'),
])
def test_fold_rule_catches(box, expected):
    found = problems(f"{box}\n\n    Fact.[^crs]")
    assert any(line.startswith(expected) for line in found), found


@pytest.mark.parametrize("box", [
    '!!! after "After the report: June 2024"',
    '!!! report "What the report says (May 6, 2024)"',
    '!!! context "Background: a test (2024)"',
    '??? abstract "Diagram as text"',
    '    !!! after "After the report: June 2024"',       # nested boxes follow the same rule
    '??? after "After the report: June 2024"',          # details go down a level: their title stays in view
    '???+ after "After the report: June 2024"',
    '??? context "Background: a test (2024)"',
    '??? info "About this"',
])
def test_fold_rule_accepts(box):
    assert problems(f"{box}\n\n    Fact.[^crs]") == []
