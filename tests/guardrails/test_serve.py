"""`make serve` previews work in progress (hooks/html/preview_notices.py, `strict: !ENV [STRICT, true]`):
with STRICT=false a page with a problem still builds and is served, the terminal shows the
warning and the page shows a box listing it; without STRICT=false the build stays strict."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import build, warnings_of
from helpers.jobs import background
from helpers.project import copy_project

COPY = ("docs", "data", "hooks", "includes", "overrides", "mkdocs.yml", "mkdocs-offline.yml")

MESSAGE = "link 'missing.md': the target is not found among documentation files"


def broken_copy(target):
    copy_project(target, COPY)
    page = target / "docs/about.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if "](sources.md" in line)
    lines[index] = lines[index].replace("](sources.md", "](missing.md", 1)
    page.write_text("\n".join(lines), encoding="utf-8")
    return target, index + 1


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


@background
def test_builds_stay_strict_unless_strict_is_turned_off(tmp_path):
    root, line = broken_copy(tmp_path / "project")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PRERENDER_DIAGRAMS="false")
    env.pop("STRICT", None)
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "a")], cwd=root, env=env,
                           capture_output=True, text=True, timeout=300)
    assert plain.returncode != 0 and f"docs/about.md:{line}: {MESSAGE}" in plain.stderr, plain.stderr[-2000:]
    lenient = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "b")], cwd=root,
                             env=dict(env, STRICT="false"), capture_output=True, text=True, timeout=300)
    assert lenient.returncode == 0 and f"docs/about.md:{line}: {MESSAGE}" in lenient.stderr, lenient.stderr[-2000:]
    assert "mdx-preview-problems" not in (tmp_path / "b/about/index.html").read_text(), "the box is for `mkdocs serve` only"
    # the tests' builds pass --strict, so STRICT=false in the environment cannot soften them
    forced = build("mkdocs.yml", tmp_path / "c", cwd=root, STRICT="false", PRERENDER_DIAGRAMS="false")
    assert forced.returncode != 0 and MESSAGE in warnings_of(forced)


@background
def test_serve_shows_the_problem_on_the_page_and_keeps_serving(tmp_path):
    root, line = broken_copy(tmp_path / "project")
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", STRICT="false")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        page = None
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/site/about/", timeout=5) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(1)
        assert server.poll() is None, "mkdocs serve stopped on the warning"
        assert page is not None, "mkdocs serve never served the page"
        assert "Preview only: this page has 1 problem to fix before it can be published" in page
        assert f"<li>Line {line}: {MESSAGE}" in page
        # the summary's paired diagram and its phone variant: wrapped so one shows per width (hooks/diagrams/phone_variants.py)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/site/report/summary/", timeout=30) as response:
            summary = response.read().decode("utf-8")
        assert summary.count('<div class="mdx-diagram--wide"><pre') == 1, "serve shows the summary's paired diagram twice"
        assert summary.count('<div class="mdx-diagram--narrow"><pre') == 1
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert f"docs/about.md:{line}: {MESSAGE}" in output, output[-2000:]


@background
def test_serve_rebuilds_when_a_data_file_changes(tmp_path):
    """`make serve` watches data/ (mkdocs.yml `watch:`) and the hooks, which are not reloaded
    between rebuilds, see the edit: _datafiles keeps a load only while the file's mtime is the same."""
    root = copy_project(tmp_path / "project", COPY)
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", STRICT="false")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url, old, new = f"http://127.0.0.1:{port}/site/glossary/", "North Korea's foreign minister.", "North Korea's foreign minister, edited while serving."
    try:
        deadline, page = time.monotonic() + 240, None
        while page is None and time.monotonic() < deadline and server.poll() is None:
            page = _fetch(url) or time.sleep(1)
        assert page is not None and old in page, "mkdocs serve never served the glossary"
        glossary = root / "data/glossary.yml"
        text = glossary.read_text(encoding="utf-8")
        assert text.count(old) == 1
        glossary.write_text(text.replace(old, new), encoding="utf-8")
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and server.poll() is None and new not in (page or ""):
            time.sleep(1)
            page = _fetch(url) or page
        assert new in (page or ""), "the glossary page did not change after data/glossary.yml did"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Reloading docs" in output or "Building documentation" in output, output[-2000:]
