"""scripts/check_diagrams.py: the shipped Mermaid parses and renders every diagram in docs/,
and when one is broken it names the file, the line and Mermaid's own message."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, record_problems
from scripts.check_diagrams import check, diagrams

pytestmark = pytest.mark.browser

COPIED = ["docs", "data", "hooks", "includes", "overrides"]


def copy_project(target: Path) -> Path:
    for name in COPIED:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy2(config, target / config.name)
    return target


def first_arrow(root: Path) -> tuple[str, int]:
    """(docs path, line) of the first `-->` inside a Mermaid fence in the copied docs."""
    for diagram in diagrams(root):
        if diagram.origin:
            continue
        for number, text in zip(diagram.lines, diagram.text.splitlines()):
            if "-->" in text and "%%" not in text:
                return diagram.path, number
    raise AssertionError("no Mermaid fence with an arrow to break")


def test_every_diagram_in_docs_parses_and_renders(browser):
    found = diagrams(ROOT)
    assert len(found) >= 8, f"only {len(found)} diagrams found in docs/: is the fence scanner broken?"
    problems = check(ROOT, browser)
    record_problems(problems)
    assert not problems, "\n".join(problems)


def test_a_broken_arrow_is_reported_at_its_file_and_line(browser, tmp_path):
    root = copy_project(tmp_path)
    path, line = first_arrow(root)
    lines = (root / path).read_text(encoding="utf-8").split("\n")
    lines[line - 1] = lines[line - 1].replace("-->", "-->>>", 1)
    (root / path).write_text("\n".join(lines), encoding="utf-8")

    problems = check(root, browser)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}:{line}: Mermaid cannot parse this diagram: "), problems[0]
    # Mermaid's own words, e.g. "Parse error on line 9: Expecting 'AMP', ... got 'TAGEND'"
    assert re.search(r"Parse error on line \d+:? .*Expecting", problems[0]), problems[0]
    assert problems[0].endswith("(fix the syntax; try it at the Mermaid live editor, https://mermaid.live)")


def test_an_unclosed_node_and_an_empty_fence_are_reported(browser, tmp_path):
    root = copy_project(tmp_path)
    page = root / "docs/about.md"
    before = page.read_text(encoding="utf-8").rstrip("\n").split("\n")
    added = ["", "```mermaid", "flowchart LR", "  A[[[", "```", "", "```mermaid", "```", ""]
    page.write_text("\n".join(before + added), encoding="utf-8")
    unclosed, empty = len(before) + 4, len(before) + 7      # `  A[[[` and the empty fence's opening

    problems = check(root, browser)
    assert problems == [
        f"docs/about.md:{unclosed}: Mermaid cannot parse this diagram: " + problems[0].split(": Mermaid cannot parse this diagram: ", 1)[-1],
        f"docs/about.md:{empty}: empty Mermaid diagram (write the diagram or delete the fence)",
    ], problems
    assert "Parse error" in problems[0], problems[0]


def test_a_diagram_built_from_data_is_checked_too(browser, tmp_path):
    """The timeline's meetings diagram is built by hooks/shared_data.py from data/timeline.yml
    (whose schema already keeps quotes and brackets out of labels). If what it builds breaks
    Mermaid, the problem is reported at the page's render marker."""
    root = copy_project(tmp_path)
    built = [d for d in diagrams(root) if d.origin]
    assert built, "no `<!-- render: ... -->` marker builds a diagram any more; update this test"
    marker = built[0]
    hook = root / "hooks/shared_data.py"
    source = hook.read_text(encoding="utf-8")
    broken = source.replace('"flowchart TB",', '"flowchart TB", "    A[[[",', 1)
    assert broken != source, "hooks/shared_data.py no longer starts its diagram with 'flowchart TB'"
    hook.write_text(broken, encoding="utf-8")
    problems = check(root, browser)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{marker.path}:{marker.line}: Mermaid cannot parse this diagram "
                                  "(built from data by '<!-- render:"), problems[0]
    assert "Parse error" in problems[0], problems[0]


def test_the_script_exits_1_and_lists_problems(tmp_path):
    root = copy_project(tmp_path)
    page = root / "docs/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n```mermaid\n```\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check_diagrams.py"), str(root)],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.fullmatch(r"docs/about\.md:\d+: empty Mermaid diagram \(write the diagram or delete the fence\)\n",
                        result.stdout), result.stdout
