"""hooks/diagrams/mermaid.py, the one Mermaid driver, and hooks/diagrams/inventory.py, which finds the diagrams
and words their problems: the shipped Mermaid parses and renders every diagram in docs/, and when
one is broken the problem names the file, the line inside the fence and Mermaid's whole message,
both in the fast check and in the build."""
from __future__ import annotations

import re

import pytest
from conftest import ROOT, build, record_problems, warnings_of
from helpers.project import copy_project

from hooks.data import datafiles
from hooks.diagrams import inventory
from hooks.diagrams.mermaid import Mermaid

pytestmark = pytest.mark.browser

FIX = "(fix the syntax; try it at the Mermaid live editor, https://mermaid.live)"


@pytest.fixture(scope="module")
def mermaid(browser):
    with Mermaid(ROOT, browser=browser) as driver:
        yield driver


def first_fence_line(root, pattern: str) -> tuple[str, int]:
    """(docs path, line) of the first line matching `pattern` inside a Mermaid fence."""
    for diagram in inventory.project_diagrams(root):
        if diagram.origin:
            continue
        for number, text in zip(diagram.lines, diagram.text.splitlines()):
            if re.search(pattern, text) and "%%" not in text:
                return diagram.path, number
    raise AssertionError(f"no Mermaid fence has a line matching {pattern!r} to break")


def break_line(root, path: str, line: int, old: str, new: str) -> None:
    lines = (root / path).read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    (root / path).write_text("\n".join(lines), encoding="utf-8")


def test_every_diagram_in_docs_parses_and_renders(mermaid):
    found = inventory.project_diagrams(ROOT)
    assert len(found) >= 8, f"only {len(found)} diagrams found in docs/: is the fence scanner broken?"
    assert any(d.origin for d in found), "no diagram built from data/*.yml was found"
    problems = [str(p) for p in inventory.check(mermaid, found)]
    record_problems(problems)
    assert not problems, "\n".join(problems)


def test_a_broken_arrow_is_reported_at_its_file_and_line(mermaid, tmp_path):
    root = copy_project(tmp_path)
    path, line = first_fence_line(root, "-->")
    break_line(root, path, line, "-->", "-->>>")
    problems = [str(p) for p in inventory.check(mermaid, inventory.project_diagrams(root))]
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}:{line}: Mermaid cannot parse this diagram: Parse error on line "), problems[0]
    # Mermaid's whole message, on one line: where, and what it expected
    assert re.search(r"Parse error on line \d+: .* Expecting .*, got '", problems[0]), problems[0]
    assert problems[0].endswith(FIX), problems[0]


def test_an_unclosed_quote_is_reported_at_the_line_that_opens_it(mermaid, tmp_path):
    """Mermaid names the line where it gives up (the next line with a quote); the problem names
    the line whose quote is not closed."""
    root = copy_project(tmp_path)
    path, line = first_fence_line(root, r'^\s*\w+\["[^"]+"\]\s*$')
    text = (root / path).read_text(encoding="utf-8").split("\n")[line - 1]
    break_line(root, path, line, '"]', "]")
    problems = [str(p) for p in inventory.check(mermaid, inventory.project_diagrams(root))]
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}:{line}: Mermaid cannot parse this diagram: Parse error on line "), (text, problems)
    assert problems[0].endswith(f"(close the quote on this line; {FIX[1:]}"), problems[0]


def test_an_unclosed_node_and_an_empty_fence_are_reported(mermaid):
    source = "\n".join(["# Page", "", "```mermaid", "flowchart LR", "  A[[[", "```", "", "```mermaid", "```", ""])
    problems = [str(p) for p in inventory.check(mermaid, inventory.diagrams_in("docs/a.md", source))]
    assert len(problems) == 2, problems
    assert problems[0].startswith("docs/a.md:5: Mermaid cannot parse this diagram: Parse error on line 2: "), problems[0]
    assert problems[1] == "docs/a.md:8: empty Mermaid diagram (write the diagram or delete the fence)"


def test_a_diagram_built_from_data_is_reported_at_its_marker(mermaid):
    """The timeline's meetings diagram is built by hooks/render/markers.py from data/timeline.yml (whose
    schema keeps quotes out of labels, and the renderer turns any left into apostrophes). A backtick
    still ends the node's Markdown string early: the problem is reported at the marker."""
    build = datafiles.build_for(ROOT)
    meeting = next(e for e in build.data["timeline"] if e.get("meeting"))
    # a changed copy: the loaded entries are shared with datafiles' cache
    build.data["timeline"] = [dict(e, label="A `ticked` label") if e is meeting else e for e in build.data["timeline"]]
    source = "# Timeline\n\n<!-- render: timeline-diagram -->\n"
    problems = [str(p) for p in inventory.check(mermaid, inventory.diagrams_in("docs/t.md", source, build))]
    assert len(problems) == 1, problems
    assert problems[0].startswith("docs/t.md:3: Mermaid cannot parse this diagram "
                                  "(built from data by '<!-- render: timeline-diagram -->'): Lexical error"), problems[0]


def test_other_settings_give_a_second_layout(mermaid):
    """What a narrow (phone) variant needs: the same text drawn again with other settings."""
    text = "flowchart LR\n  accTitle: T\n  accDescr: D\n  A[One] --> B[Two] --> C[Three]"
    wide, = mermaid.render([text])
    tall, = mermaid.render([text], {"flowchart": {"nodeSpacing": 10, "rankSpacing": 10}}, id_prefix="narrow-")
    assert wide.error is None and tall.error is None, (wide, tall)
    assert wide.svg.startswith("<svg") and tall.svg.startswith("<svg")
    assert 'id="narrow-0"' in tall.svg and wide.svg != tall.svg
    assert "securityLevel" not in inventory.settings({"flowchart": {}})["flowchart"]
    assert inventory.settings({"sequence": {"mirrorActors": False}})["sequence"]["actorFontSize"] == "16px"


def test_the_build_reports_the_file_line_and_whole_message(tmp_path):
    """hooks/diagrams/prerender.py draws through the same driver and logs the same problem."""
    root = copy_project(tmp_path)
    path, line = first_fence_line(root, "-->")
    break_line(root, path, line, "-->", "-->>>")
    result = build("mkdocs.yml", root / "site", cwd=root)
    assert result.returncode != 0, "the strict build passed with a broken diagram"
    warnings = [w for w in warnings_of(result).splitlines() if "Mermaid" in w]
    assert len(warnings) == 1, warnings_of(result)
    assert re.match(rf"WARNING +- +{re.escape(path)}:{line}: Mermaid cannot parse this diagram: "
                    r"Parse error on line \d+: .* Expecting .*, got '.*" + re.escape(FIX) + "$", warnings[0]), warnings[0]
