"""hooks/diagrams/mermaid.py, the one Mermaid driver, and hooks/diagrams/inventory.py, which finds the
diagrams and words their problems: the shipped Mermaid parses and renders every diagram in docs/,
and a broken one is reported at its file and line with Mermaid's whole message (broken copies of
the project: tests/guardrails/test_diagram_syntax.py)."""
from __future__ import annotations

import pytest
from conftest import ROOT, record_problems

from hooks.data import datafiles
from hooks.diagrams import inventory

pytestmark = pytest.mark.browser

FIX = "(fix the syntax; try it at the Mermaid live editor, https://mermaid.live)"


def test_every_diagram_in_docs_parses_and_renders(mermaid):
    found = inventory.project_diagrams(ROOT)
    assert len(found) >= 8, f"only {len(found)} diagrams found in docs/: is the fence scanner broken?"
    assert any(d.origin for d in found), "no diagram built from data/*.yml was found"
    problems = [str(p) for p in inventory.check(mermaid, found)]
    record_problems(problems)
    assert not problems, "\n".join(problems)


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
