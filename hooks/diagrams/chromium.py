"""Which Chromium the build starts, and how: one place for the flags and the error message.

The build draws diagrams in headless Chromium (hooks/_mermaid.py) and prints the PDF edition with
it (scripts/pdf_edition.py). Both start the system Chromium (CHROMIUM_PATH, else `chromium` on
PATH; with neither, Playwright's own download) through Playwright, with the same flags, and stop
it when done. A machine without Chromium or Playwright gets one clear `ChromiumError`.
"""
from __future__ import annotations

import os
import shutil

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
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
