"""Which Chromium starts, and how: the one launcher, its flags and its error message.

Every headless Chromium of the project starts here: the build's diagrams (hooks/diagrams/mermaid.py),
the PDF edition (scripts/pdf_edition.py), the layout measure (scripts/measure_layout.py) and the
tests (tests/conftest.py). It is the system Chromium (CHROMIUM_PATH, else `chromium` on PATH; with
neither, Playwright's own download) through Playwright, with the same flags. Without the
background-networking flags Chromium calls Google's hosts at start; never
--allow-file-access-from-files: readers' browsers lack it, and with it file:// pages may start
Workers, so offline search would pass even without the iframe-worker shim. A machine without
Chromium or Playwright gets one clear `ChromiumError`.
"""
from __future__ import annotations

import contextlib
import os
import shutil

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class ChromiumError(Exception):
    """Playwright or Chromium could not be started."""


def executable() -> str | None:
    """CHROMIUM_PATH, else the system `chromium`; None lets Playwright use its own download."""
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def launch(purpose: str):
    """Start Playwright and a headless Chromium: (playwright, browser). Stop them with `stop`.
    `purpose` ("to draw diagrams") goes into the error message."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise ChromiumError("Playwright is missing; run `make check` or `make build`, which install it") from error
    playwright = sync_playwright().start()
    try:
        return playwright, playwright.chromium.launch(executable_path=executable(), args=ARGS)
    except Exception as error:
        playwright.stop()
        raise ChromiumError(f"cannot start Chromium {purpose}; install Debian's `chromium` package "
                            f"(or set CHROMIUM_PATH): {error}") from error


def stop(playwright, browser) -> None:
    browser.close()
    playwright.stop()


@contextlib.contextmanager
def browser(purpose: str):
    """`with browser("to print the PDF") as chromium:` a headless Chromium, stopped afterwards."""
    playwright, instance = launch(purpose)
    try:
        yield instance
    finally:
        stop(playwright, instance)
