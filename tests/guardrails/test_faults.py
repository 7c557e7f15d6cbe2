"""Fault injection: every check catches the mistake it exists for, at the right file and line.

Each test copies the project to a temporary folder, introduces one fault at a line it
computes from the real page, runs the real check and asserts that it fails with a message that
starts `path:line:`. Build-time checks (the hooks and MkDocs' own link and nav validation) run a
strict `mkdocs build` of the copy; the fast check runs scripts/check.collect (or the part of it the
fault concerns). The faults themselves, one per mistake, are FAULTS in tests/helpers/faults.py.
A problem that the unchanged copy already has is not counted as the fault's (content is still being written),
and every new problem must name the faulty file, so each fault is caught by itself.
A hook's `on_*` function only passes the page to the same pure `check()` that scripts/check.py
calls, so each hook's faults all run through lint, and one of them per hook also through a
strict build; GUARDRAILS_ALL_BUILDS=1 builds every one of them.

Faults share builds and checks: each is planted in a copy of its own (a page fault on one of the
pages of PAGE's folder in turn, so relative links read the same), the files it changed are noted,
and faults that change different files are put together in one copy (a batch), built and checked
once. Each fault must still be reported at its own file and line, and a problem that names none of
its batch's files is a stray. About five strict builds instead of twenty-two. Run alone, they
run in the background while the browser tests run (@background, tests/helpers/jobs.py); with -n,
in one process (`make test` sends each test file to one process).
Diagrams are not pre-rendered in these builds (PRERENDER_DIAGRAMS=false): that needs Chromium and
is tested in tests/build/test_pages.py and tests/guardrails/test_diagram_syntax.py; the rules here
read the Markdown.
"""
from __future__ import annotations

import filecmp
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT, build, warnings_of
from helpers.faults import DIAGRAM, FAULTS, PAGE, Fault, insert_below_title, on_page
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


# What of the fast check each runner's faults need: a hook's pure check skips the slower parts.
LINT_PARTS = {"pages": None, "quick-build": ("build",), "diagrams": ("diagrams",), "linters": ("markdown", "spelling", "vendor")}
LINT_OF = {"both": "pages", "hook": "pages", "build": "quick-build", "mermaid": "diagrams", "lint": "linters"}


def lint_problems(project: Path, parts: tuple[str, ...] | None) -> list[str]:
    """What the fast check finds, running only `parts` of it (None: the page and data checks)."""
    return check.pages(project) + check.data(project) if parts is None else check.collect(project, parts)


def pristine_build(base: Path) -> list[str]:
    """The problems the unchanged copy already has in the strict build (none, once content is done)."""
    return once("pristine build", lambda: build_problems(pristine(base), base / "pristine-site")[1])


def pristine_lint(base: Path) -> list[str]:
    """The problems the unchanged copy already has in the whole fast check."""
    return once("pristine lint", lambda: check.collect(pristine(base)))


BUILD_RUNNERS = ("build", "both", "hook") if os.environ.get("GUARDRAILS_ALL_BUILDS") == "1" else ("build", "both")
BUILT = [f for f in FAULTS if f.runner in BUILD_RUNNERS]
# The page faults go to the pages of PAGE's folder in turn.
SPREAD = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / PAGE).parent.glob("*.md"))


@dataclass
class Planted:
    fault: Fault
    copy: Path             # a copy with this fault alone
    rel: str               # the file the problem must name
    expected: str          # what follows "rel:"
    changed: set[str]      # the files it added, edited or removed


@dataclass
class Batch:
    name: str
    members: list[Planted] = field(default_factory=list)
    copy: Path | None = None      # a copy with every member's fault

    def files(self) -> set[str]:
        return {f for m in self.members for f in m.changed | {m.rel}}


def _files(root: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def changed_files(before: Path, after: Path) -> set[str]:
    """Files added, removed or edited in `after` (copies keep their files' times, edits do not)."""
    old, new = _files(before), _files(after)
    return {rel for rel in old.keys() | new.keys() if old.get(rel) != new.get(rel)
            and not (rel in old and rel in new and filecmp.cmp(before / rel, after / rel, shallow=False))}


def plant(base: Path, name: str, fault: Fault, page: str) -> Planted:
    copy = base / "planted" / name / fault.id
    shutil.copytree(pristine(base), copy)
    with on_page(page):
        rel, expected = fault.apply(copy)
    return Planted(fault, copy, rel, expected, changed_files(pristine(base), copy))


def batched(base: Path, name: str, faults: list[Fault]) -> dict[str, Batch]:
    """fault id -> its batch: faults in the order given, each in the first batch that shares no file with it."""
    batches: list[Batch] = []
    for index, fault in enumerate(faults):
        planted = plant(base, name, fault, SPREAD[index % len(SPREAD)])
        batch = next((b for b in batches if not b.files() & (planted.changed | {planted.rel})), None)
        if batch is None:
            batches.append(batch := Batch(f"{name}-{len(batches) + 1}"))
        batch.members.append(planted)
    for batch in batches:
        batch.copy = base / "batches" / batch.name
        shutil.copytree(pristine(base), batch.copy)
        for member in batch.members:
            for rel in member.changed:
                if (member.copy / rel).exists():
                    (batch.copy / rel).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(member.copy / rel, batch.copy / rel)
                else:
                    (batch.copy / rel).unlink(missing_ok=True)
    return {m.fault.id: batch for batch in batches for m in batch.members}


def batch_of(base: Path, kind: str, fault: Fault) -> tuple[Batch, Planted]:
    """The batch `fault` is built ("build") or checked in (a LINT_PARTS kind): each kind's faults apart."""
    faults = BUILT if kind == "build" else [f for f in FAULTS if LINT_OF[f.runner] == kind]
    batches = once(f"batches {kind}", lambda: batched(base, kind, faults))
    batch = batches[fault.id]
    return batch, next(m for m in batch.members if m.fault.id == fault.id)


def assert_caught(planted: Planted, batch: Batch, before: list[str], after: list[str]) -> None:
    new = [line for line in after if line not in before]
    wanted = f"{planted.rel}:{planted.expected}"
    assert any(line.startswith(wanted) for line in new), f"expected a line starting {wanted!r}, got:\n" + "\n".join(new)
    strays = [line for line in new if not line.startswith(tuple(f"{f}:" for f in batch.files()))]
    others = [m.fault.id for m in batch.members if m is not planted]
    assert not strays, (f"the fault (or one of {others}, built with it) caused problems elsewhere:\n" + "\n".join(strays))


@background
@pytest.mark.parametrize("fault", BUILT, ids=str)
def test_build_fails_on(fault, tmp_path):
    base = tmp_path.parent
    batch, planted = batch_of(base, "build", fault)
    code, problems = once(f"built {batch.name}", lambda: build_problems(batch.copy, base / f"{batch.name}-site"))
    assert code != 0, "the strict build passed despite the fault"
    assert_caught(planted, batch, pristine_build(base), problems)


@background
@pytest.mark.parametrize("fault", FAULTS, ids=str)
def test_fast_check_fails_on(fault, tmp_path):
    base = tmp_path.parent
    kind = LINT_OF[fault.runner]
    batch, planted = batch_of(base, kind, fault)
    problems = once(f"checked {batch.name}", lambda: lint_problems(batch.copy, LINT_PARTS[kind]))
    assert_caught(planted, batch, pristine_lint(base), problems)


def test_faults_share_few_builds(tmp_path):
    """The page faults are spread, so the strict builds number far fewer than the faults, and no
    two faults of a batch changed the same file."""
    batches = {batch_of(tmp_path.parent, "build", fault)[0].name: batch_of(tmp_path.parent, "build", fault)[0] for fault in BUILT}
    assert PAGE in SPREAD and len(batches) <= 6, f"{len(BUILT)} faults in {len(batches)} builds"
    for batch in batches.values():
        changed = [f for m in batch.members for f in m.changed]
        assert len(changed) == len(set(changed)), batch.name


@background
def test_a_valid_diagram_and_box_add_no_problem(tmp_path):
    """The control: the templates the faults start from are themselves clean."""
    copy = project(tmp_path)
    insert_below_title(copy, PAGE, DIAGRAM)
    insert_below_title(copy, PAGE, ['!!! context "Background: a test (2024)"', "", "    A claim with a source.[^crs]"])
    code, problems = build_problems(copy, tmp_path / "site")
    assert [line for line in problems if line not in pristine_build(tmp_path.parent)] == []
    assert not [line for line in check.pages(copy) if line not in check.pages(ROOT)]
