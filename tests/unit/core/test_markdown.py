"""hooks/core/markdown.py (the Markdown scanner) and hooks/core/problems.py (the problem line)."""
from __future__ import annotations

from hooks.core import markdown, problems


def test_scan_keeps_line_numbers_and_splits_fences():
    result = markdown.scan("---\ntitle: x\n---\ntext\n```mermaid\nflowchart LR\n```\nafter\n")
    assert result.front_matter == [(2, "title: x")]
    assert result.prose == [(4, "text"), (8, "after")]
    assert [(f.lang, f.start, f.end, f.body) for f in result.fences] == [("mermaid", 5, 7, [(6, "flowchart LR")])]


def test_admonitions_split_paragraphs_and_list_items():
    result = markdown.scan('!!! report "T"\n\n    one\n    more\n\n    - item a\n    - item b\n\noutside\n')
    [box] = markdown.admonitions(result)
    assert (box.kind, box.title, box.line) == ("report", "T", 1)
    assert box.paragraphs == [(3, "one more"), (6, "- item a"), (7, "- item b")]


def test_problem_format():
    assert str(problems.Problem("docs/a.md", 3, "bad", "fix it")) == "docs/a.md:3: bad (fix it)"
