"""Full-size reading (issue 10, item 3): the rule for which boxes start open, as a pure check and
through a strict build of a copy with a deliberately folded "After the report" box; the logo is
drawn in a colour that shows on the dark-blue header. What only a browser shows (box text size,
footnote target size) is in tests/test_layout.py.
"""
from __future__ import annotations

import re
import textwrap

import pytest
from conftest import ROOT, build, warnings_of
from helpers.project import copy_project

from hooks.checks import content_kinds

META = 'title: A test page\ndescription: A description that is long enough to pass the fifty-character minimum.\nreport_part: "None (site page)"'


def page(body: str) -> str:
    return f"---\n{META}\n---\n\n# A test page\n\n{textwrap.dedent(body).strip()}\n"


def problems(body: str) -> list[str]:
    return [str(p) for p in content_kinds.check("docs/a.md", page(body)) if "fold" in str(p)]


@pytest.mark.parametrize("box, expected", [
    ('??? after "After the report: June 2024"',
     "docs/a.md:9: 'after' box starts closed (???) (write it !!! after so it is always shown; only \"Diagram as text\" boxes fold"),
    ('???+ after "After the report: June 2024"', "docs/a.md:9: 'after' box can be folded (???+)"),
    ('??? report "What the report says (May 6, 2024)"', "docs/a.md:9: 'report' box starts closed (???)"),
    ('??? context "Background: a test (2024)"', "docs/a.md:9: 'context' box starts closed (???)"),
    ('??? info "About this"', "docs/a.md:9: 'info' box starts closed (???)"),
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
])
def test_fold_rule_accepts(box):
    assert problems(f"{box}\n\n    Fact.[^crs]") == []


def test_every_page_follows_the_fold_rule():
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        rel = path.relative_to(ROOT).as_posix()
        found += [str(p) for p in content_kinds.check(rel, path.read_text(encoding="utf-8")) if "fold" in str(p)]
    assert found == []


def test_timeline_renderer_writes_after_boxes_open():
    from hooks.core import report_facts
    from hooks.render import timeline
    events = [{"id": "treaty-signed", "date": "2024-06-19", "label": "Treaty signed", "text": "Something happened in June.",
               "kind": "after", "source": "https://example.org/", "source_title": "Example"}]
    rendered = timeline.render_timeline_table(events, report_facts.load(ROOT))
    assert re.findall(r"^\s*(!!!|\?\?\?\+?) after", rendered, re.M) == ["!!!"]


def test_strict_build_names_a_folded_after_box(tmp_path):
    """A contributor writes `??? after`: the strict build fails and names the file and line."""
    project = copy_project(tmp_path / "project")
    target = project / "docs/report/sanctions.md"
    lines = target.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("!!! after")) + 1
    lines[number - 1] = lines[number - 1].replace("!!! after", "??? after", 1)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build("mkdocs.yml", project / "site", cwd=project, PRERENDER_DIAGRAMS="false")
    assert result.returncode != 0
    assert f"docs/report/sanctions.md:{number}: 'after' box starts closed (???)" in warnings_of(result)


def test_logo_is_white_on_the_header():
    """The logo is an <img>, so currentColor inside it is black, not the header's white text."""
    svg = (ROOT / "docs/assets/images/logo.svg").read_text(encoding="utf-8")
    fills = set(re.findall(r'fill="([^"]+)"', svg))
    assert fills == {"#ffffff"}, f"logo fills {fills}: draw it white, the header is dark blue in both schemes"
