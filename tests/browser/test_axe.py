"""Accessibility, 1: axe-core (axe-playwright-python) with the WCAG 2.0/2.1/2.2 A and AA tags finds
nothing on any page of the hosted edition, in both colour schemes, at 390 px and 1280 px, nor with
Material's drawer or search open. An allow-list entry needs its reason next to it (ALLOWED_AXE_RULES).
"""
from __future__ import annotations

import pytest
from conftest import nav_pages
from helpers.axe import ALLOWED_AXE_RULES, AXE_OPTIONS, axe  # noqa: F401 (axe is a fixture)
from helpers.js import script
from helpers.pages import SCHEMES
from helpers.tabs import WIDTHS, open_tab

pytestmark = pytest.mark.browser

PAGES = nav_pages()
LONG_PAGE = "report/sanctions.md"
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("src", PAGES)
def test_axe_finds_no_wcag_violation(tabs, axe, src, scheme, width):
    page = open_tab(tabs, scheme, width, src)
    results = axe.run(page, options=AXE_OPTIONS)
    lines = []
    for violation in results.response["violations"]:
        if violation["id"] in ALLOWED_AXE_RULES:
            continue
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:8]:
            summary = " ".join((node.get("failureSummary") or "").split())[:300]
            lines.append(f"    - {' >> '.join(map(str, node['target']))}: {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more")
    assert not lines, f"{src} ({scheme}, {width}px), axe {results.response['testEngine']['version']}:\n" + "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_wcag_violation_with_the_drawer_or_search_open(tabs, axe, scheme):
    """Material's two overlays, which the page-load runs above never show: the navigation drawer
    (390 px) and search with results."""
    page = open_tab(tabs, scheme, 390, LONG_PAGE)
    found = []
    page.click("label.md-header__button[for='__drawer']")
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    page.evaluate(script("wait_for_animations"))
    found += [("drawer", v) for v in axe.run(page, options=AXE_OPTIONS).response["violations"]]
    page.keyboard.press("Escape")
    page = open_tab(tabs, scheme, 390, LONG_PAGE)
    page.click("label.md-header__button[for='__search']")
    page.keyboard.type("sanctions")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    page.evaluate(script("wait_for_animations"))
    found += [("search", v) for v in axe.run(page, options=AXE_OPTIONS).response["violations"]]
    lines = [f"  {state}: {v['id']}: {v['help']}: " + "; ".join(" >> ".join(map(str, n["target"])) for n in v["nodes"][:5])
             for state, v in found if v["id"] not in ALLOWED_AXE_RULES]
    assert not lines, f"{LONG_PAGE} ({scheme}, 390px):\n" + "\n".join(lines)


def test_axe_allow_list_entries_have_reasons():
    assert all(isinstance(reason, str) and len(reason.split()) >= 5 for reason in ALLOWED_AXE_RULES.values())
