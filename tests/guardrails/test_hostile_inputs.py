"""Issue 26: each class of hostile input fails the fast check and the strict build with `path:line:`.

Each case copies the project (tests/helpers/project.py), applies one hostile input at a line it
computes, and expects a new problem starting `path:line:` from the fast check's page and data
checks (scripts/check.py, the same functions `make check` runs) and from a strict `mkdocs build`
(diagrams not pre-rendered: they are not what is tested here). A problem the unchanged copy already
has does not count. Each input is put in a file of its own, so one strict build can carry several:
the inputs are built in BATCHES, no two in a batch touching the same file, and each input's test
reads its batch's problems (three builds instead of one per input; the inputs are in
tests/helpers/hostile.py). The output gate is tested with markup a test-only hook adds to the
HTML, a path no input check reads. tests/browser/test_hostile_pages.py loads the hostile pages
in Chromium.
"""
from __future__ import annotations

import functools
import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import build, warnings_of
from helpers.faults import lines_of, write
from helpers.hostile import BATCH_OF, BATCHES, HOSTILE, huge_page
from helpers.project import copy_project

from scripts import check


@pytest.fixture(scope="session")
def pristine(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("hostile-pristine") / "project")


@pytest.fixture
def project(pristine, tmp_path) -> Path:
    shutil.copytree(pristine, tmp_path / "project")
    return tmp_path / "project"


@pytest.fixture(scope="session")
def pristine_fast(pristine) -> list[str]:
    return check.pages(pristine) + check.data(pristine)


@pytest.fixture(scope="session")
def pristine_build(pristine) -> list[str]:
    return build_problems(pristine, "pristine-site")[1]


def build_problems(project: Path, site: str = "site") -> tuple[int, list[str]]:
    result = build("mkdocs.yml", project / site, cwd=project, PRERENDER_DIAGRAMS="false")
    lines = [re.sub(r"^(WARNING|ERROR) +- +", "", line) for line in warnings_of(result).splitlines()]
    return result.returncode, [line.strip() for line in lines if line.strip() and not line.startswith("Aborted")]


def assert_new(before: list[str], after: list[str], where: str, message: str) -> None:
    """A new problem line that starts `where` (path:line:) and holds `message`."""
    new = [line for line in after if line not in before]
    assert any(line.startswith(where + " ") and message in line for line in new), \
        f"expected a line starting {where!r} with {message!r}, got:\n" + "\n".join(new)


@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_the_fast_check_fails_on(hostile, batches_checked, pristine_fast):
    where, seconds, problems = batches_checked(BATCH_OF[hostile.id])
    rel, line = where[hostile.id]
    assert_new(pristine_fast, problems, f"{rel}:{line}:", hostile.message)
    assert seconds < 30


@pytest.fixture(scope="session")
def batch_projects(pristine, tmp_path_factory):
    """Batch index -> (a copy of the project with the batch's inputs in it, where each input was put)."""
    made: dict[int, tuple[Path, dict[str, tuple[str, int]]]] = {}

    def of(index: int):
        if index not in made:
            project = tmp_path_factory.mktemp(f"hostile-batch-{index}") / "project"
            shutil.copytree(pristine, project)
            made[index] = project, {hostile.id: hostile.apply(project) for hostile in BATCHES[index]}
        return made[index]
    return of


def per_batch(batch_projects, run):
    """Batch index -> (where each input was put, *what run(project) returns), run once per batch."""
    @functools.cache
    def of(index: int):
        project, where = batch_projects(index)
        return where, *run(project)
    return of


def timed_fast_check(project: Path) -> tuple[float, list[str]]:
    started = time.monotonic()
    problems = check.pages(project) + check.data(project)
    return time.monotonic() - started, problems


@pytest.fixture(scope="session")
def batches_checked(batch_projects):
    """Batch index -> (where each input was put, the fast check's seconds and problems)."""
    return per_batch(batch_projects, timed_fast_check)


@pytest.fixture(scope="session")
def batch_builds(batch_projects):
    """Batch index -> (where each input was put, the strict build's exit code and problems)."""
    return per_batch(batch_projects, build_problems)


def test_the_inputs_are_batched_apart():
    """The batches hold every input once, none sharing a file with another in its batch."""
    assert sorted(h.id for g in BATCHES for h in g) == sorted(h.id for h in HOSTILE)
    for group in BATCHES:
        files = [f for h in group for f in h.apply.files]
        assert len(files) == len(set(files)), [h.id for h in group]
    assert len(BATCHES) <= 4, "the inputs share files: give each its own page"


@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
def test_the_strict_build_fails_on(hostile, batch_builds, pristine_build):
    where, code, problems = batch_builds(BATCH_OF[hostile.id])
    rel, line = where[hostile.id]
    assert code != 0, "the strict build passed"
    assert_new(pristine_build, problems, f"{rel}:{line}:", hostile.message)


def test_the_whole_fast_check_stays_quick_on_a_huge_page(project):
    """A 5 MB page: reported once, left out of the linters (pymarkdown stalled for minutes on it)."""
    huge_page(project)
    started = time.monotonic()
    found = check.collect(project, ("pages", "markdown", "spelling"))
    assert time.monotonic() - started < 30
    assert [line for line in found if line.startswith("docs/about.md:")][0].startswith("docs/about.md:1: page is ")


def test_a_tool_that_runs_out_of_time_is_named(project, monkeypatch):
    monkeypatch.setitem(check.TIMEOUTS, "markdown", 0.01)
    monkeypatch.setitem(check.TIMEOUTS, "spelling", 0.01)
    found = check.collect(project, ("markdown", "spelling"))
    assert any(line.startswith(".pymarkdown.json:1: pymarkdown (Markdown lint) did not finish within 0.01 s") for line in found), found
    assert any(line.startswith(".codespellrc:1: codespell (spelling) did not finish within 0.01 s") for line in found), found


# --- The output gate, on markup no input check sees ------------------------------------------

INJECTOR = '''"""Test only: adds hostile markup to the HTML of docs/about.md after every input check has run."""
MARKUP = {markup!r}


def on_page_content(html, page, config, files):
    if page.file.src_uri == "about.md":
        return html + MARKUP
    return html
'''
INJECTED = [
    ("<script>window.__hostile=3</script>", "built page: inline script that is not one of the site's own (sha256-"),
    ('<p><img src="x" onerror="window.__hostile=4"></p>', "built page: <img> has an event-handler attribute onerror="),
    ('<p><a href="&#106;avascript:alert(1)">x</a></p>', "built page: <a href> holds a javascript: URL"),
    ('<p><a href="jav&#x09;ascript:alert(1)">x</a></p>', "built page: <a href> holds a javascript: URL"),
    ('<iframe src="https://other.example/"></iframe>', "built page: <iframe> is not allowed"),
    ('<meta http-equiv="refresh" content="0;url=https://other.example/">', 'built page: <meta http-equiv="refresh"> other than'),
    ('<p><img src="https://other.example/a.png" alt=""></p>', "built page: <img src> loads https://other.example/a.png from another host"),
    ('<form action="https://other.example/"><input name="q"></form>', "built page: <form> that is not one of the theme's own"),
    ('<base href="https://other.example/">', "built page: <base> is not allowed"),
]


def inject(project: Path, markup: list[str] | None = None) -> None:
    markup = [m for m, _ in INJECTED] if markup is None else markup
    (project / "hooks/test_injector.py").write_text(INJECTOR.format(markup="".join(markup)), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  - hooks/pipeline.py\n", "  - hooks/test_injector.py\n  - hooks/pipeline.py\n"),
                                        encoding="utf-8")


def test_the_output_gate_fails_the_build_on_markup_no_input_check_sees(project, pristine_build, pristine_fast):
    inject(project)
    assert check.pages(project) + check.data(project) == pristine_fast      # no input check sees it
    code, problems = build_problems(project)
    assert code != 0
    for _, message in INJECTED:
        assert_new(pristine_build, problems, "docs/about.md:1:", message)


def test_the_fast_check_runs_the_output_gate_in_its_quick_build(project):
    inject(project)
    found = check.collect(project, ("build",))
    for _, message in INJECTED:
        assert any(line.startswith(f"docs/about.md:1: {message}") for line in found), (message, found)


def test_the_gate_names_the_data_line_when_a_renderer_lets_markup_through(project, pristine_build):
    """A renderer that forgot its escaping (simulated: the injector puts a data file's own text into
    the page as HTML): the problem names the data file's line."""
    lines = lines_of(project, "data/glossary.yml")
    index = next(i for i, line in enumerate(lines) if line.startswith("  definition: "))
    (project / "hooks/test_injector.py").write_text(INJECTOR.format(markup='<img src="x" onerror="window.__hostile=5">'),
                                                    encoding="utf-8")
    lines.insert(index, "  # onerror=\"window.__hostile=5\" (what a careless renderer would copy)")
    write(project, "data/glossary.yml", lines)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  - hooks/pipeline.py\n", "  - hooks/test_injector.py\n  - hooks/pipeline.py\n"),
                                        encoding="utf-8")
    code, problems = build_problems(project)
    assert code != 0
    assert_new(pristine_build, problems, f"data/glossary.yml:{index + 1}:", "built page: <img> has an event-handler attribute onerror=")
