"""Fault injection: every check catches the mistake it exists for, at the right file and line.

Each test copies the project to a temporary folder, introduces exactly one fault at a line it
computes from the real page, runs the real check and asserts that it fails with a message that
starts `path:line:`. Build-time checks (the hooks and MkDocs' own link and nav validation) run a
strict `mkdocs build` of the copy; the fast check runs scripts/check.collect (or the part of it the
fault concerns). The faults themselves, one per mistake, are FAULTS in tests/helpers/faults.py.
A problem that the unchanged copy already has is not counted as the fault's (content is still being written),
and every new problem must name the faulty file, so each fault is caught by itself.
A hook's `on_*` function only passes the page to the same pure `check()` that scripts/check.py
calls, so each hook's faults all run through lint, and one of them per hook also through a
strict build (about 3 s each); GUARDRAILS_ALL_BUILDS=1 builds every one of them. All of them run
in the background while the browser tests run (@background, tests/helpers/jobs.py).
Diagrams are not pre-rendered in these builds (PRERENDER_DIAGRAMS=false): that needs Chromium and
is tested in tests/build/test_pages.py and tests/guardrails/test_diagram_syntax.py; the rules here
read the Markdown.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build, warnings_of
from helpers.faults import DIAGRAM, FAULTS, PAGE, Fault, insert_below_title
from helpers.jobs import background, once
from helpers.project import copy_project

from scripts import check


def pristine(base: Path) -> Path:
    """One copy of the project per run, taken when the first fault needs it: every fault starts from it."""
    return once("pristine", lambda: copy_project(base / "pristine" / "project"))


def project(tmp_path: Path) -> Path:
    shutil.copytree(pristine(tmp_path.parent), tmp_path / "project")
    return tmp_path / "project"


def build_problems(project: Path, site: Path) -> tuple[int, list[str]]:
    result = build("mkdocs.yml", site, cwd=project, PRERENDER_DIAGRAMS="false")
    lines = [re.sub(r"^(WARNING|ERROR) +- +", "", line) for line in warnings_of(result).splitlines()]
    return result.returncode, [line.strip() for line in lines if line.strip() and not line.startswith("Aborted")]


def lint_problems(project: Path, runner: str) -> list[str]:
    """What the fast check finds, running only the part of it that concerns the fault."""
    if runner in ("both", "hook"):   # a hook's pure check: skip the slower parts
        return check.pages(project) + check.data(project)
    only = {"build": ("build",), "mermaid": ("diagrams",)}.get(runner, ("markdown", "spelling", "vendor"))
    return check.collect(project, only)


def pristine_build(base: Path) -> list[str]:
    """The problems the unchanged copy already has in the strict build (none, once content is done)."""
    return once("pristine build", lambda: build_problems(pristine(base), base / "pristine-site")[1])


def pristine_lint(base: Path) -> list[str]:
    """The problems the unchanged copy already has in the whole fast check."""
    return once("pristine lint", lambda: check.collect(pristine(base)))


def assert_caught(fault: Fault, before: list[str], after: list[str], rel: str, expected: str) -> None:
    new = [line for line in after if line not in before]
    wanted = f"{rel}:{expected}"
    assert any(line.startswith(wanted) for line in new), f"expected a line starting {wanted!r}, got:\n" + "\n".join(new)
    strays = [line for line in new if not line.startswith(f"{rel}:")]
    assert not strays, "the fault caused problems elsewhere:\n" + "\n".join(strays)


BUILD_RUNNERS = ("build", "both", "hook") if os.environ.get("GUARDRAILS_ALL_BUILDS") == "1" else ("build", "both")


@background
@pytest.mark.parametrize("fault", [f for f in FAULTS if f.runner in BUILD_RUNNERS], ids=str)
def test_build_fails_on(fault, tmp_path):
    copy = project(tmp_path)
    rel, expected = fault.apply(copy)
    code, problems = build_problems(copy, tmp_path / "site")
    assert code != 0, "the strict build passed despite the fault"
    assert_caught(fault, pristine_build(tmp_path.parent), problems, rel, expected)


@background
@pytest.mark.parametrize("fault", FAULTS, ids=str)
def test_fast_check_fails_on(fault, tmp_path):
    copy = project(tmp_path)
    rel, expected = fault.apply(copy)
    assert_caught(fault, pristine_lint(tmp_path.parent), lint_problems(copy, fault.runner), rel, expected)


@background
def test_a_valid_diagram_and_box_add_no_problem(tmp_path):
    """The control: the templates the faults start from are themselves clean."""
    copy = project(tmp_path)
    insert_below_title(copy, PAGE, DIAGRAM)
    insert_below_title(copy, PAGE, ['!!! context "Background: a test (2024)"', "", "    A claim with a source.[^crs]"])
    code, problems = build_problems(copy, tmp_path / "site")
    assert [line for line in problems if line not in pristine_build(tmp_path.parent)] == []
    assert not [line for line in check.pages(copy) if line not in check.pages(ROOT)]
