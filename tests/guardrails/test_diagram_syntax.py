"""A broken diagram in a copy of the project: the fast check's Mermaid step and the strict build
(hooks/diagrams/prerender.py, through the same driver) name the file, the line inside the fence
and Mermaid's whole message."""
from __future__ import annotations

import re

import pytest
from conftest import build, warnings_of
from helpers.jobs import background
from helpers.project import copy_project

from hooks.diagrams import inventory

pytestmark = pytest.mark.browser

FIX = "(fix the syntax; try it at the Mermaid live editor, https://mermaid.live)"


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


@background
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
