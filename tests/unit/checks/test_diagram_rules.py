"""hooks/checks/diagram_rules.py: accessible, safe diagrams with a text equivalent."""
from __future__ import annotations

import pytest
from helpers.sample import messages

from hooks.checks import diagram_rules
from hooks.core.mermaid_text import is_phone_variant

GOOD_DIAGRAM = """```mermaid
flowchart LR
    accTitle: T
    accDescr: D.
    A["a"] --> B["b"]
```

??? abstract "Diagram as text"

    - a to b.[^crs]
"""


def test_diagram_valid():
    assert diagram_rules.check("docs/a.md", GOOD_DIAGRAM) == []


@pytest.mark.parametrize("old, new, expected", [
    ("    accTitle: T\n", "", "docs/a.md:1: Mermaid diagram has no accTitle"),
    ("    accDescr: D.\n", "", "docs/a.md:1: Mermaid diagram has no accDescr"),
    ('A["a"]', 'A["<b>a</b>"]', "docs/a.md:5: HTML inside a Mermaid diagram"),
    ('A["a"] --> B["b"]\n', 'A["a"] --> B["b"]\n    click A callback\n', "docs/a.md:6: click callback or link"),
    ('A["a"] --> B["b"]\n', 'A["a"] --> B["b"]\n    click A href "https://x.org"\n', "docs/a.md:6: click callback or link"),
    ("flowchart LR\n", "%%{init: {'securityLevel': 'loose'}}%%\nflowchart LR\n", "docs/a.md:2: Mermaid diagram changes securityLevel"),
    ("flowchart LR\n", "%%{ init: {'theme': 'dark'} }%%\nflowchart LR\n", "docs/a.md:2: Mermaid %%{init}%% directive"),
    ('??? abstract "Diagram as text"', "Some text.", "docs/a.md:6: Mermaid diagram has no text equivalent"),
])
def test_diagram_problems(old, new, expected):
    found = messages(diagram_rules.check("docs/a.md", GOOD_DIAGRAM.replace(old, new, 1)))
    assert any(line.startswith(expected) for line in found), found


def test_empty_diagram():
    assert messages(diagram_rules.check("docs/a.md", "```mermaid\n\n```\n"))[0].startswith("docs/a.md:1: empty Mermaid diagram")


PAGE = ("---\ntitle: A test page\ndescription: A description that is long enough to pass the fifty-character minimum.\n"
        "report_part: \"None (site page)\"\n---\n\n# A test page\n\n")

DIAGRAM = "```mermaid\nflowchart TB\n    accTitle: T\n    accDescr: D\n    A --> B\n```\n"

PHONE = "```mermaid\n%% phone\nflowchart TB\n    accTitle: T\n    accDescr: D\n    A --> B\n```\n"

TEXT = '??? abstract "Diagram as text"\n\n    - A to B.\n'


def test_diagram_rules_accept_a_phone_variant_before_the_text():
    problems = [str(p) for p in diagram_rules.check("docs/a.md", PAGE + DIAGRAM + "\n" + PHONE + "\n" + TEXT)]
    assert problems == []
    problems = [str(p) for p in diagram_rules.check("docs/a.md", PAGE + DIAGRAM + "\n" + PHONE + "\nText.\n")]
    assert any("no text equivalent after it" in p for p in problems), problems


def test_every_hook_reads_the_phone_marker_the_same_way():
    """`%%phone` without a space is a phone variant to the build, so the text-equivalent rule must agree."""
    tight = PHONE.replace("%% phone", "%%phone")
    assert is_phone_variant("%%phone\nflowchart TB") and not is_phone_variant("%% phoneX\nflowchart TB")
    assert [str(p) for p in diagram_rules.check("docs/a.md", PAGE + DIAGRAM + "\n" + tight + "\n" + TEXT)] == []
