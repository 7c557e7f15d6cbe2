"""Pages for the accessibility tests: one browser context per (colour scheme, width), each page
reused across tests, opened on a page of the hosted edition (conftest's `tabs` fixture)."""
from __future__ import annotations

import pytest

from helpers.pages import SCHEMES, wait_for_material
from hooks.render.download_pages import hosted_url

WIDTHS = (390, 1280)
HEIGHT = 800


def url_path(src: str) -> str:
    """foo/bar.md -> foo/bar/ (directory URLs, as hooks/downloads.hosted_url); index.md -> ''."""
    return hosted_url("", src)


def tab_pages(browser, hosted_server):
    """(scheme, width) -> a Page in its own context, reused; opened on first use."""
    opened = {}

    def get(scheme: str, width: int):
        key = (scheme, width)
        if key not in opened:
            context = browser.new_context(viewport={"width": width, "height": HEIGHT}, color_scheme=scheme,
                                          reduced_motion="no-preference")
            context.set_default_timeout(15_000)
            opened[key] = (context, context.new_page())
        return opened[key][1]

    get.base = hosted_server
    yield get
    for context, _page in opened.values():
        context.close()


def open_tab(tabs, scheme: str, width: int, src: str):
    page = tabs(scheme, width)
    page.goto(tabs.base + url_path(src), wait_until="load")
    if problems := wait_for_material(page):
        pytest.fail(f"{src} ({scheme}, {width}px): {problems[0]}")
    expected = SCHEMES[scheme]
    try:
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=expected, timeout=5_000)
    except Exception:
        actual = page.evaluate("document.body.dataset.mdColorScheme")
        pytest.fail(f"{src} ({scheme}, {width}px): Material's palette is {actual!r}, not {expected!r}; "
                    "the 'prefers-color-scheme' palette entry no longer follows the system setting")
    return page
