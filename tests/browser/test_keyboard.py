"""Accessibility, 3: keyboard, language, headings and motion on the hosted edition, in both colour
schemes, at 390 px and 1280 px. The first Tab reaches a visible skip link that moves focus to the
content; every focus stop on a long page has a visible indicator (3:1 against its background) and is
not under the sticky header or outside the window; every page is reachable from the navigation by
keyboard; the glossary is plain text reachable without hovering; lang is set; headings are in
order; reduced motion is respected; the timeline's filter links work by keyboard and their status
line is in the accessibility tree. The scripts run in the page are in tests/js/.
"""
from __future__ import annotations

import re

import pytest
from conftest import nav_pages
from helpers.colour import GRAPHIC_MIN, TEXT_MIN, contrast, flatten, hex_of
from helpers.js import script, with_colour_lib
from helpers.pages import SCHEMES
from helpers.tabs import WIDTHS, open_tab, url_path

pytestmark = pytest.mark.browser

PAGES = nav_pages()
LONG_PAGE = "report/sanctions.md"
TAB_STOPS = 25          # forward from the top of the long page
TAB_STOPS_BACK = 12     # backward from its end (footer, last links)
# The focused element's look; it waits for Material's transitions first.
FOCUS_STATE = with_colour_lib("focus_state").replace("(WAIT_FOR_ANIMATIONS)", "(" + script("wait_for_animations") + ")")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(tabs, scheme, width):
    page = open_tab(tabs, scheme, width, LONG_PAGE)
    page.keyboard.press("Tab")
    page.evaluate(script("wait_for_animations"))
    skip = page.evaluate(with_colour_lib("skip_link"))
    assert "md-skip" in skip["cls"] and skip["text"] == "Skip to content", f"first Tab focused {skip}, not the skip link"
    assert skip["visible"], "the focused skip link is not visible on screen"
    ratio = contrast(skip["fg"], flatten(skip["layers"]))
    assert ratio >= TEXT_MIN, f"skip link text contrast {ratio:.2f}:1"
    page.keyboard.press("Enter")
    page.evaluate(script("wait_for_animations"))
    target = page.evaluate(script("skip_target"), skip["href"])
    assert target["inContent"] and target["hash"] == skip["href"], f"the skip link did not lead into the content: {target}"
    assert target["top"] >= target["header"] - 1, f"the skip target is under the sticky header: {target}"
    page.keyboard.press("Tab")
    after = page.evaluate("(() => { const e = document.activeElement; return [!!e.closest('.md-content'), e.outerHTML.slice(0, 120)]; })()")
    assert after[0], f"after following the skip link, Tab went to {after[1]} outside the content"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_focus_stop_is_visible_and_not_under_the_header(tabs, scheme, width):
    """Tab through the first TAB_STOPS stops of a long page, then TAB_STOPS_BACK from its end
    backwards: each stop has a focus ring that differs from its unfocused look and keeps 3:1
    against its background, is on screen after the browser scrolls it into view, and is not
    covered by the sticky header or anything else."""
    page = open_tab(tabs, scheme, width, LONG_PAGE)
    problems, stops = [], []

    def check(direction: str, step: int):
        page.keyboard.press(direction)
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            return
        where = f"{direction} {step}: {state['what']}"
        stops.append(state["what"])
        previous = state["previous"]
        if previous is not None and checks:
            last = checks[-1]
            if (previous["outline"], previous["shadow"]) == (last["style"]["outline"], last["style"]["shadow"]):
                problems.append(f"{last['where']}: focused and unfocused look the same ({previous['outline']}; {previous['shadow']})")
        style = state["style"]
        ring = style["outlineStyle"] not in ("none", "hidden") and style["outlineWidth"] > 0 and style["outlineColour"][3] > 0
        if ring:
            ratio = contrast(style["outlineColour"], flatten(state["layers"]))
            if ratio < GRAPHIC_MIN:
                problems.append(f"{where}: focus ring {hex_of(style['outlineColour'])} on {hex_of(flatten(state['layers']))} is {ratio:.2f}:1")
        elif style["shadow"] in ("none", ""):
            problems.append(f"{where}: no focus ring (outline {style['outline']}, box-shadow {style['shadow']})")
        if not state["visible"]:
            problems.append(f"{where}: focused but not visible on screen (box {[round(v) for v in state['rect']]})")
        elif state["underHeader"]:
            problems.append(f"{where}: box {[round(v) for v in state['rect']]} is under the sticky header (bottom {state['headerBottom']:.0f}px)")
        elif not state["hit"]:
            problems.append(f"{where}: covered by another element at its centre")
        checks.append({"where": where, "style": style})

    checks: list[dict] = []
    for step in range(TAB_STOPS):
        check("Tab", step + 1)
    # From the end of the page backwards: the footer, the last content links, "back to top".
    page.evaluate(script("focus_page_end"))
    checks.clear()
    for step in range(TAB_STOPS_BACK):
        check("Shift+Tab", step + 1)
    assert len(set(stops)) > TAB_STOPS, f"Tab did not move through the page: {stops[:5]}"
    assert not problems, f"{LONG_PAGE} ({scheme}, {width}px):\n" + "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_navigation_link_can_be_reached_by_keyboard(tabs, width):
    """Every page, the glossary included, is linked from a tab stop in the site navigation (tabs,
    sidebar or drawer) that shows on screen when focused. With navigation tabs the sidebar lists
    the current section only, so start from one page of each top-level section."""
    wanted = set(url_path(src) for src in PAGES)
    starts = list(dict.fromkeys(first_page(item) for item in nav_sections()))
    reached, hidden = set(), []
    for start in starts:
        page = open_tab(tabs, "light", width, start)
        # Tab order is DOM order here (no positive tabindex), so every link that can take focus is
        # a tab stop; focus each in turn and see that it shows.
        for state in page.evaluate(script("nav_links")):
            reached.add(state["url"].lstrip("/"))
            if not state["shown"]:
                hidden.append(f"{start}: {state['what']}")
    assert not hidden, f"{width}px: navigation links focused off screen or invisible: {hidden[:5]}"
    missing = sorted(wanted - reached)
    assert not missing, f"{width}px: no visible navigation tab stop leads to {missing} (started from {starts})"


def nav_sections():
    from conftest import ROOT
    from mkdocs.config import load_config
    return load_config(str(ROOT / "mkdocs.yml"))["nav"]


def first_page(item):
    value = list(item.values())[0] if isinstance(item, dict) else item
    return first_page(value[0]) if isinstance(value, list) else value


def test_glossary_terms_are_visible_text_without_hovering(tabs, hosted_site):
    page = open_tab(tabs, "light", 390, "glossary.md")
    entries = page.evaluate(script("glossary_entries"))
    assert len(entries) >= 10, f"the glossary has {len(entries)} terms in a definition list"
    bad = [e["term"] for e in entries if not (e["term"] and len(e["definition"]) > 10 and e["visible"])]
    assert not bad, f"glossary entries without a visible definition: {bad}"
    # Every abbreviation that shows a tooltip somewhere is also spelt out on the glossary page.
    terms = " ".join(e["term"] + " " + e["definition"] for e in entries)
    from bs4 import BeautifulSoup
    abbrs = set()
    for html in hosted_site.rglob("*.html"):
        article = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one(".md-content")
        abbrs |= {abbr.get_text(strip=True) for abbr in (article.find_all("abbr") if article else [])}
    missing = sorted(a for a in abbrs if not re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", terms))
    assert not missing, f"abbreviations with a tooltip but no glossary entry: {missing}"


@pytest.mark.parametrize("src", PAGES)
def test_language_is_set_and_headings_are_in_order(tabs, src):
    page = open_tab(tabs, "light", 1280, src)
    lang, headings = page.evaluate(script("headings"))
    assert lang == "en", f"{src}: <html lang={lang!r}>"
    levels = [level for level, _ in headings]
    assert levels.count(1) == 1 and levels[0] == 1, f"{src}: {levels.count(1)} h1 elements; headings: {headings[:4]}"
    skips = [f"h{a} {ta!r} -> h{b} {tb!r}" for (a, ta), (b, tb) in zip(headings, headings[1:]) if b > a + 1]
    assert not skips, f"{src}: heading levels skipped: " + "; ".join(skips)


@pytest.mark.parametrize("width", WIDTHS)
def test_reduced_motion_stops_transitions_and_animations(tabs, width):
    page = tabs("light", width)
    page.emulate_media(reduced_motion="reduce")
    try:
        open_tab(tabs, "light", width, LONG_PAGE)
        durations = page.evaluate(script("motion_durations"))
    finally:
        page.emulate_media(reduced_motion="no-preference")
    slow = {sel: v for sel, v in durations.items() if v[0] > 0.01 or v[1] > 0.01 or v[2] == "smooth"}
    assert len(durations) >= 5 and not slow, f"{width}px with reduced motion: still moving: {slow}"


# --- The timeline's filter menus (timeline.js; with JavaScript off, links: tests/browser/test_layout.py) ---

TIMELINE = "timeline.md"
SHOWN_EVENTS = "() => [...document.querySelectorAll('.mdx-event')].filter(e => e.getBoundingClientRect().height > 0).length"
FOCUSED = "() => { const e = document.activeElement; return {id: e.id, tag: e.tagName, text: e.textContent.trim(), " \
          "href: e.getAttribute('href') || '', filter: e.dataset ? (e.dataset.mdxFilter || '') : '', value: e.value || ''}; }"


def _tab_to_menu(page, name: str, limit: int = 20) -> None:
    """Press Tab until the `name` filter menu has the focus."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "SELECT" and focused["filter"] == name:
            return
        passed.append(focused["href"] or focused["tag"])
    raise AssertionError(f"{limit} Tabs never reached the {name} menu; passed {passed}")


@pytest.mark.parametrize("width", WIDTHS)
def test_timeline_filter_works_by_keyboard_and_a_screen_reader_hears_which_filter_is_on(tabs, width):
    """From the "Filter the timeline" heading, Tab reaches the thread menu and the arrow keys choose a
    thread: only its events show, and the status line (role="status", so a screen reader reads it out
    as it changes) says which filter is on and how many events show. Arrow back to "All threads" and
    every event shows and the status line says so."""
    page = open_tab(tabs, "light", width, TIMELINE)
    content = page.locator(".md-content")
    everything = page.evaluate(SHOWN_EVENTS)
    assert everything >= 40
    status = page.locator(".mdx-filter__live")
    assert status.get_attribute("role") == "status" and status.inner_text() == f"Showing all {everything} events."
    page.locator("#filter-the-timeline a.headerlink").focus()      # Tab on from the heading
    _tab_to_menu(page, "thread")
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate(FOCUSED)
    assert chosen["value"], f"ArrowDown on the thread menu chose nothing: {chosen}"
    shown = page.evaluate(SHOWN_EVENTS)
    assert 0 < shown < everything, f"choosing the thread {chosen['value']!r} shows {shown} of {everything} events"
    snapshot = content.aria_snapshot()
    heard = re.search(rf"Showing {shown} of {everything} events: thread “[^”]+”\.", snapshot)
    assert heard, f"the accessibility tree does not say which filter is on:\n{snapshot[:1500]}"
    page.keyboard.press("ArrowUp")
    assert page.evaluate(FOCUSED)["value"] == "" and page.evaluate(SHOWN_EVENTS) == everything
    assert f"Showing all {everything} events." in content.aria_snapshot()
