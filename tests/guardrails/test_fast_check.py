"""scripts/check.py (`make check`) and scripts/problem_report.py: the fast check's output for
people (one `path:line: problem (fix)` line each, problems last) and for GitHub Actions
(workflow-command annotations and a job summary), and `make test` stopping at the fast check."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from helpers.project import WHOLE, copy_project

from scripts import check
from scripts.problem_report import Found, annotation, emit, found, summary

# --- The reporter ----------------------------------------------------------------------------

def test_a_problem_line_gives_its_file_and_line():
    item = found("Citations", "docs/a.md:12: footnote [^x] is referenced but never defined (add it)")
    assert (item.path, item.line, item.message) == ("docs/a.md", 12, "footnote [^x] is referenced but never defined (add it)")
    assert found("Build", "Doc file 'a.md' has a problem.") == Found("Build", "Doc file 'a.md' has a problem.")


def test_annotations_escape_what_github_would_misread():
    item = found("Links, anchors", "docs/a,b.md:3: 100% wrong: one\nand two (fix)")
    assert annotation(item) == "::error file=docs/a%2Cb.md,line=3,title=Links%2C anchors::100%25 wrong: one%0Aand two (fix)"
    assert annotation(found("Build", "no place")) == "::error title=Build::no place"


def test_under_github_actions_problems_become_annotations_and_a_job_summary(tmp_path):
    items = [found("Mermaid diagrams", "docs/a.md:5: Mermaid cannot parse this diagram: Parse error (fix | it)"),
             found("Data files", "data/timeline.yml:9: entry 3, field 'kind': wrong (fix)")]
    summary_file = tmp_path / "summary.md"
    out = io.StringIO()
    emit(items, "make check", out=out, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary_file)})
    assert out.getvalue().splitlines() == [
        "::error file=docs/a.md,line=5,title=Mermaid diagrams::Mermaid cannot parse this diagram: Parse error (fix | it)",
        "::error file=data/timeline.yml,line=9,title=Data files::entry 3, field 'kind': wrong (fix)",
        "docs/a.md:5: Mermaid cannot parse this diagram: Parse error (fix | it)",        # the plain lines last
        "data/timeline.yml:9: entry 3, field 'kind': wrong (fix)",
    ]
    assert summary_file.read_text() == summary(items, "make check") + "\n"
    assert "| `docs/a.md` | 5 | Mermaid diagrams | Mermaid cannot parse this diagram: Parse error (fix \\| it) |" in summary_file.read_text()


def test_outside_github_actions_only_the_plain_lines_are_printed(tmp_path):
    out = io.StringIO()
    emit([found("Spelling", "docs/a.md:1: possible misspelling 'teh' (write 'the')")], "make check", out=out,
         env={"GITHUB_STEP_SUMMARY": str(tmp_path / "s.md")})
    assert out.getvalue() == "docs/a.md:1: possible misspelling 'teh' (write 'the')\n"
    assert not (tmp_path / "s.md").exists()


def test_the_build_log_is_read_record_by_record():
    log = "\n".join([
        "INFO    -  Cleaning site directory",
        "WARNING -  docs/a.md:3: link 'b.md': the target 'b.md' is not found among documentation files (link it)",
        "WARNING -  docs/x.md:1: page is not in the nav (add it under nav: in mkdocs.yml)",
        "docs/y.md:1: page is not in the nav (add it under nav: in mkdocs.yml)",
        "ERROR   -  Config value 'theme': something broke",
        "  and its second line",
    ])
    assert [item.text for item in check.parse_build_log(log)] == [
        "docs/a.md:3: link 'b.md': the target 'b.md' is not found among documentation files (link it)",
        "docs/x.md:1: page is not in the nav (add it under nav: in mkdocs.yml)",
        "docs/y.md:1: page is not in the nav (add it under nav: in mkdocs.yml)",
        "Config value 'theme': something broke and its second line",
    ]


# --- End to end, on a copy with one fault ------------------------------------------------------

def break_first(root, rel: str, old: str, new: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if old in line)
    lines[index] = lines[index].replace(old, new, 1)
    (root / rel).write_text("\n".join(lines), encoding="utf-8")
    return index + 1


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
    assert "the strict build of the hosted edition failed, so no test of the built site ran; its problems:" in result.stdout
    assert f"docs/about.md:{line}: link 'missing.md': the target is not found among documentation files" in result.stdout
    assert not re.search(r"\d+ (failed|error)", result.stdout), result.stdout
