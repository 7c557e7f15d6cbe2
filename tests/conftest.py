"""Shared fixtures: the built editions, a local server, Chromium driven by Playwright, and the run's order.

Every edition is built once per test session, strictly, into a temporary folder, and shared:
`made` is `make build` itself (the PDF, the offline edition with the PDF inside and its zip, then
the hosted site with all of them), and `hosted_site`, `offline_site` and `unzipped` are its
outputs; `clientside_site` and `offline_clientside_site` are the two editions with Mermaid drawn in
the browser (what `make serve` shows). The builds start with the run, in the background
(helpers/jobs.py).

`make test` runs the suite in two processes (pytest-xdist, `-n 2`): the browser tests wait on
Chromium more than they compute, so one process alone leaves a core idle. The processes share each
edition: the first to need it builds it, the other waits for it (helpers/jobs.py, once_per_run).
Run alone (`pytest tests/...`), one process also runs the tests marked @background (the guardrails'
builds of broken copies) beside the others; with -n, each runs where it is scheduled.
The tests run in the order unit, content, guardrails, build, browser (pytest_collection_modifyitems):
a mistake in the code shows in seconds, and the guardrails' builds of broken copies keep the cores
busy while the editions build.
A skipped test is a failure here: nothing may pass by not running (see pytest_sessionfinish).
"""
from __future__ import annotations

import functools
import inspect
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from helpers.jobs import JOBS, once_per_run
from helpers.server import Server
from helpers.tabs import tab_pages

from hooks.diagrams import chromium
from hooks.diagrams.mermaid import Mermaid

ROOT = Path(__file__).resolve().parent.parent
ZIP, FOLDER = "in12355-explainer-offline.zip", "in12355-explainer"   # the offline zip and its one folder
_PROBLEMS: list[str] = []


def build(config: str, site_dir: Path, cwd: Path = ROOT, **env_vars: str) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build; never with -v (MkDocs 1.6.1 then skips its anchor check)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", **env_vars)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config, "--site-dir", str(site_dir)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )


def warnings_of(result: subprocess.CompletedProcess) -> str:
    """Only the WARNING/ERROR lines of a build's log: the problems, without MkDocs' INFO noise."""
    return "\n".join(line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR")))


def record_problems(lines) -> None:
    """Keep problem lines for the end-of-run summary."""
    _PROBLEMS.extend(lines)


def build_problems(result: subprocess.CompletedProcess, what: str) -> list[str]:
    """A failed build's problems, one `path:line: problem (fix)` line each, without MkDocs' prefix."""
    problems = [re.sub(r"^(WARNING|ERROR) +- +", "", line) for line in warnings_of(result).splitlines()]
    problems = [line for line in problems if line and not line.startswith("Aborted")]
    return list(dict.fromkeys(problems)) or \
        [f"{what}: the build failed: {(result.stderr.strip().splitlines() or ['no output'])[-1]}"]


# The editions the tests read, each built once per run: fixture -> (job, config, environment).
# `made` is `make build` itself; the client-side editions draw Mermaid in the browser.
EDITION_JOBS = {
    "made": "make build",
    "clientside_site": ("mkdocs.yml", {"PRERENDER_DIAGRAMS": "false"}),
    "offline_clientside_site": ("mkdocs-offline.yml", {"PRERENDER_DIAGRAMS": "false"}),
}


def shared_folder(tmp_path_factory) -> Path:
    """The temporary folder all of this run's processes share (pytest-xdist's workers each have
    their own below it); run alone, the run's own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def edition_job(tmp_path_factory, fixture: str):
    """The job that builds `fixture`'s edition, once for every process of the run (the first to
    ask builds it into the shared folder; the others wait for it and read what it left)."""
    if fixture == "made":
        make = make_build
    else:
        config, env_vars = EDITION_JOBS[fixture]

        def make(work: Path):
            return build(config, work / "site", **env_vars), work / "site"
    return lambda: once_per_run(shared_folder(tmp_path_factory), fixture.removesuffix("_site").replace("_", "-"), make)


def built_edition(tmp_path_factory, fixture: str) -> Path:
    """The edition, built strictly (in the background if the run planned it). If it does not build,
    stop the whole run there and print only the build's problems: every test of the built site
    (and all the browser tests) would otherwise fail with the same message."""
    result, site = JOBS.result(fixture, edition_job(tmp_path_factory, fixture) if not JOBS.planned(fixture) else None)
    if result.returncode != 0:
        config = EDITION_JOBS[fixture][0]
        stop_run(f"the strict build of {config} ({fixture}) failed, so no test of the built site ran; "
                 "its problems:\n" + "\n".join(build_problems(result, config)))
    return site


def stop_run(message: str) -> None:
    """Stop at an edition that does not build, printing only its problems. pytest-xdist cannot end
    a worker with pytest.exit (it reports an internal error), so there every test of the built site
    is skipped with this one reason, which -ra prints once, and the skip fails the run."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        pytest.skip(message)
    pytest.exit(message, returncode=1)


def make_build(work: Path) -> tuple[subprocess.CompletedProcess, dict[str, Path]]:
    """`make build` into `work`: the Makefile's SITE, OFFLINE_SITE and EDITIONS moved there, with
    this Python's virtualenv (so a copy of the project builds without one of its own)."""
    dirs = {"site": work / "site", "offline": work / "site-offline", "dist": work / "dist"}
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    env.pop("EDITIONS_DIR", None)
    result = subprocess.run(["make", "--no-print-directory", "build", f"SITE={dirs['site']}",
                             f"OFFLINE_SITE={dirs['offline']}", f"EDITIONS={dirs['dist']}",
                             f"VENV={Path(sys.executable).parent.parent}", f"BIN={Path(sys.executable).parent}"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    # The PDF step prints its build's warnings to stderr without MkDocs' own run of them.
    result.stderr = result.stdout + result.stderr
    return result, dirs


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> dict[str, Path]:
    """`make build`, once per run: {"site": the hosted site, "offline": the offline edition,
    "dist": the PDF and the zip}. If it fails, the run stops with only its problems."""
    result, dirs = JOBS.result("made", edition_job(tmp_path_factory, "made") if not JOBS.planned("made") else None)
    if result.returncode != 0:
        step = re.findall(r"make(?:\[\d+\])?: \*\*\* \[\S+?:\d+: (\w+)\]", result.stderr)
        stop_run(f"`make build` failed{f' at make {step[-1]}' if step else ''}, so no test of the built site ran; "
                 "its problems:\n" + "\n".join(build_problems(result, "make build")))
    return dirs


@pytest.fixture(scope="session")
def hosted_site(made) -> Path:
    """The hosted edition as published: with the PDF, the zip and the data downloads."""
    return made["site"]


@pytest.fixture(scope="session")
def offline_site(made) -> Path:
    """The offline edition as published (mkdocs-offline.yml), the PDF inside: what the zip holds."""
    return made["offline"]


@pytest.fixture(scope="session")
def unzipped(made, tmp_path_factory) -> Path:
    """The offline zip the hosted site offers, unzipped as a reader would: the folder with index.html."""
    archive = made["site"] / "downloads" / ZIP
    assert archive.is_file(), "the hosted site has no downloads/" + ZIP
    out = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        assert names and all(n.startswith(f"{FOLDER}/") for n in names), "the zip must hold one top-level folder"
        assert not [n for n in names if n.endswith(".map") or "/mermaid-" in n], "source maps or unused Mermaid in the zip"
        zipped.extractall(out)
    assert (out / FOLDER / "index.html").is_file(), f"no {FOLDER}/index.html in the zip"
    return out / FOLDER


@pytest.fixture(scope="session")
def clientside_site(tmp_path_factory) -> Path:
    """The hosted edition as `make serve` previews it: Mermaid runs in the browser."""
    return built_edition(tmp_path_factory, "clientside_site")


@pytest.fixture(scope="session")
def offline_clientside_site(tmp_path_factory) -> Path:
    """The offline edition with Mermaid drawn in the browser (Material's own rendering, from file://)."""
    return built_edition(tmp_path_factory, "offline_clientside_site")


@pytest.fixture(scope="session", autouse=True)
def background_jobs(request, tmp_path_factory):
    """Plan the run's slow, self-contained work (helpers/jobs.py): first the editions its tests
    read, then the @background tests in the order they run."""
    items = request.session.items
    needed = {name for item in items for name in getattr(item, "fixturenames", ())}
    # With -n 2 the second process plans them in the other order, so the two build different
    # editions at once rather than one waiting for the other's.
    order = list(EDITION_JOBS)[::-1 if os.environ.get("PYTEST_XDIST_WORKER") == "gw1" else 1]
    for fixture in order:
        if fixture in needed or (fixture == "made" and needed & {"hosted_site", "offline_site", "unzipped"}):
            JOBS.plan(fixture, edition_job(tmp_path_factory, fixture), priority=0)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        yield      # each process collects every test but runs only those it is sent: none can be planned
        JOBS.close()
        return
    for item in items:
        test = getattr(item, "function", None)
        if getattr(test, "background", False):
            JOBS.plan(item.nodeid, functools.partial(test, **background_arguments(item, tmp_path_factory)), priority=1)
    yield
    JOBS.close()


def background_arguments(item, tmp_path_factory) -> dict:
    """A @background test's arguments: a tmp_path of its own and its parameters, nothing else."""
    arguments = {}
    params = getattr(getattr(item, "callspec", None), "params", {})
    for name in inspect.signature(item.function).parameters:
        if name == "tmp_path":
            arguments[name] = tmp_path_factory.mktemp(re.sub(r"\W+", "_", item.name)[:30])
        elif name in params:
            arguments[name] = params[name]
        else:
            raise pytest.UsageError(f"{item.nodeid}: a @background test takes only tmp_path and its parameters, not {name}")
    return arguments


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """A @background test: wait for its job (run it here if it has not started) and raise what it raised."""
    test = pyfuncitem.obj
    if not getattr(test, "background", False):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in inspect.signature(test).parameters}
    JOBS.result(pyfuncitem.nodeid, functools.partial(test, **arguments))
    return True


@pytest.fixture(scope="session")
def hosted_server(hosted_site):
    """Serve the hosted edition on 127.0.0.1 at a free port; yields the base URL."""
    server = Server(hosted_site)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def clientside_server(clientside_site):
    """Serve the client-side hosted edition (what `make serve` shows) the same way; yields the base URL."""
    server = Server(clientside_site)
    yield server.url
    server.close()


@pytest.fixture(scope="module")
def tabs(browser, hosted_server):
    """For the accessibility tests: (scheme, width) -> a reused Page of the hosted edition (helpers/tabs.py)."""
    yield from tab_pages(browser, hosted_server)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run, as a reader runs it (hooks/diagrams/chromium.py ARGS)."""
    with chromium.browser("for the browser tests") as instance:   # the project's one launcher
        yield instance


@pytest.fixture(scope="session")
def mermaid(browser):
    """The build's Mermaid driver (hooks/diagrams/mermaid.py) on the session's Chromium."""
    with Mermaid(ROOT, browser=browser) as driver:
        yield driver


def nav_pages() -> list[str]:
    """Every Markdown file named in mkdocs.yml's nav, in order."""
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))
    found = []

    def walk(items):
        for item in items:
            value = list(item.values())[0] if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                found.append(value)
    walk(config["nav"])
    return found


# Fast and self-contained first; then the guardrails' builds of broken copies, which need no edition
# and keep both cores busy while the editions build (in the background, helpers/jobs.py); then the
# built site and the browser.
ORDER = ("unit", "content", "guardrails", "build", "browser")


def pytest_collection_modifyitems(session, config, items):
    # Within a folder, the files with the most tests first: with -n each file goes to one process,
    # and a large file taken last would leave the other process idle at the end.
    per_file = Counter(item.path for item in items)

    def rank(item) -> tuple[int, int]:
        parts = Path(str(item.path)).relative_to(ROOT / "tests").parts
        return ORDER.index(parts[0]) if parts[0] in ORDER else len(ORDER), -per_file[item.path]
    items.sort(key=rank)     # stable: the order within a file stays


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist: a worker's problem lines, for the summary the main process prints."""
    _PROBLEMS.extend(getattr(node, "workeroutput", {}).get("problems", []))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _PROBLEMS:
        terminalreporter.section("problems found (file:line: problem (fix))")
        for line in dict.fromkeys(_PROBLEMS):
            terminalreporter.write_line(line)


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workeroutput"):          # a pytest-xdist worker: hand its problems over
        session.config.workeroutput["problems"] = list(_PROBLEMS)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter and reporter.stats.get("skipped") and session.exitstatus == 0:
        reporter.write_line("a test was skipped; skipped tests do not count as passes here", red=True)
        session.exitstatus = 1
