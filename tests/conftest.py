"""Shared fixtures: the two built editions, a local server, and a Chromium driven by Playwright.

The site is built once per test session (both editions, `--strict`), into a temporary folder.
A skipped test is a failure here: nothing may pass by not running (see pytest_sessionfinish).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hooks.diagrams import chromium
from helpers.server import Server
from helpers.tabs import tab_pages

ROOT = Path(__file__).resolve().parent.parent
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


def built_edition(tmp_path_factory, name: str, config: str, **env_vars: str) -> Path:
    """Build one edition strictly into a fresh temporary folder. If it does not build, stop the
    whole run there and print only the build's problems: every test of the built site (and all
    the browser tests) would otherwise fail with the same message."""
    site = tmp_path_factory.mktemp(name) / "site"
    result = build(config, site, **env_vars)
    if result.returncode != 0:
        problems = [re.sub(r"^(WARNING|ERROR) +- +", "", line) for line in warnings_of(result).splitlines()]
        problems = [line for line in problems if line and not line.startswith("Aborted")] or \
            [f"{config}: the build failed: {(result.stderr.strip().splitlines() or ['no output'])[-1]}"]
        pytest.exit(f"the strict build of the {name} edition failed, so no test of the built site ran; "
                    "its problems:\n" + "\n".join(problems), returncode=1)
    return site


@pytest.fixture(scope="session")
def hosted_site(tmp_path_factory) -> Path:
    return built_edition(tmp_path_factory, "hosted", "mkdocs.yml")


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    return built_edition(tmp_path_factory, "offline", "mkdocs-offline.yml")


@pytest.fixture(scope="session")
def clientside_site(tmp_path_factory) -> Path:
    """The hosted edition as `make serve` previews it: Mermaid runs in the browser."""
    return built_edition(tmp_path_factory, "clientside", "mkdocs.yml", PRERENDER_DIAGRAMS="false")


@pytest.fixture(scope="session")
def hosted_server(hosted_site):
    """Serve the hosted edition on 127.0.0.1 at a free port; yields the base URL."""
    server = Server(hosted_site)
    yield server.url
    server.close()


@pytest.fixture(scope="module")
def tabs(browser, hosted_server):
    """For the accessibility tests: (scheme, width) -> a reused Page of the hosted edition (helpers/tabs.py)."""
    yield from tab_pages(browser, hosted_server)


@pytest.fixture(scope="session")
def browser():
    with chromium.browser("for the browser tests") as instance:   # the project's one launcher
        yield instance


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


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _PROBLEMS:
        terminalreporter.section("problems found (file:line: problem (fix))")
        for line in dict.fromkeys(_PROBLEMS):
            terminalreporter.write_line(line)


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter and reporter.stats.get("skipped") and session.exitstatus == 0:
        reporter.write_line("a test was skipped; skipped tests do not count as passes here", red=True)
        session.exitstatus = 1
