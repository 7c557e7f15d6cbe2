"""The fast check and `make test` on a copy with one fault: under GitHub Actions the check prints
annotations, the count and the problem last; `make test` stops at the fast check; pytest alone
stops at the first build of the site with only that build's problems."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from helpers.jobs import background
from helpers.project import WHOLE, copy_project


def break_first(root, rel: str, old: str, new: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if old in line)
    lines[index] = lines[index].replace(old, new, 1)
    (root / rel).write_text("\n".join(lines), encoding="utf-8")
    return index + 1


@background
@pytest.mark.browser
def test_the_fast_check_under_github_actions(tmp_path):
    """A link to a missing page: the check exits 1, prints its annotation (GitHub hides these from
    the log), then the count and the problem last, and writes the job summary."""
    root = copy_project(tmp_path / "project", WHOLE)
    line = break_first(root, "docs/about.md", "](sources.md", "](missing.md")
    summary_file = tmp_path / "summary.md"
    env = dict(os.environ, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary_file))
    result = subprocess.run([sys.executable, "-m", "scripts.check"], cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout.splitlines()
    problem = (f"docs/about.md:{line}: link 'missing.md': the target is not found among documentation "
               "files (link an existing page's .md file, relative to this page)")
    assert out[-1] == problem, out
    assert re.fullmatch(r"make check: 1 problem in \d+\.\d s; each line is file:line: problem \(how to fix it\)", out[-2]), out
    assert out[:-2] == [f"::error file=docs/about.md,line={line},title=Links%2C anchors and build::"
                        + problem.split(": ", 1)[1]], out
    assert f"| `docs/about.md` | {line} | Links, anchors and build | link 'missing.md'" in summary_file.read_text()


@background
@pytest.mark.browser
def test_make_test_stops_at_the_fast_check_with_only_the_problems(tmp_path):
    """One broken diagram: `make test` prints under 50 lines, the problem last (before make's own
    line), and never starts pytest."""
    root = copy_project(tmp_path / "project", WHOLE)
    line = break_first(root, "docs/report/exchange.md", '"]', "]")
    # As a contributor runs it: not inside the `make test` that runs this suite (MAKELEVEL would
    # make the inner make print "make[1]: ***").
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GITHUB_", "PYTEST_", "MAKE", "MFLAGS"))}
    result = subprocess.run(["make", "--no-print-directory", "test", f"VENV={ROOT / '.venv'}"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode != 0
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) < 50, "\n".join(lines)
    assert not any("pytest" in l or "passed" in l for l in lines), "\n".join(lines)
    assert re.match(rf"docs/report/exchange\.md:{line}: Mermaid cannot parse this diagram: Parse error on line \d+: ", lines[-2]), lines
    assert lines[-1].startswith("make: *** [") and "test] Error" in lines[-1], lines


@background
@pytest.mark.browser
def test_tests_of_the_built_site_stop_at_a_site_that_does_not_build(tmp_path):
    """Run without the fast check (pytest alone), a broken page stops the run at the first strict
    build with that build's problems, instead of failing every test of the built site."""
    root = copy_project(tmp_path / "project", WHOLE)
    line = break_first(root, "docs/about.md", "](sources.md", "](missing.md")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PYTEST_"))}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/build/test_pages.py",
                             "tests/build/test_links.py"], cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 1, result.stdout[-3000:]
    lines = result.stdout.splitlines()
    assert len(lines) < 50, result.stdout
    # `make build` (conftest's `made`) stops at its first step, the strict build the PDF is printed from
    assert "`make build` failed at make pdf, so no test of the built site ran; its problems:" in result.stdout
    assert f"docs/about.md:{line}: link 'missing.md': the target is not found among documentation files" in result.stdout
    assert not re.search(r"\d+ (failed|error)", result.stdout), result.stdout
