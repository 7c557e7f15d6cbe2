"""Material's script and palette on the hosted edition: the bundle loads after the first paint and
still sets the page up; the system scheme applies before the bundle runs; the palette toggle."""
from __future__ import annotations

import re

import pytest
from helpers.pages import SCHEMES, wait_for_material


@pytest.mark.parametrize("width", [390, 1280])
def test_material_runs_after_the_first_paint(browser, hosted_server, hosted_site, width):
    """overrides/mdx/after-paint.html: the built page holds Material's bundle only as an inert
    "mdx/after-paint" tag; in Chromium its download starts after the first contentful paint, and
    Material still sets the page up (its document$ has emitted, from the replayed DOMContentLoaded)
    before window.mdxMaterial says it is ready."""
    html = (hosted_site / "since" / "index.html").read_text(encoding="utf-8")
    tags = re.findall(r"<script\b[^>]*\bbundle\.[0-9a-f]+\.min\.js[^>]*>", html)
    assert len(tags) == 1 and 'type="mdx/after-paint"' in tags[0], \
        f"since/: Material's bundle tag should be the one inert after-paint tag, found {tags}"
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(hosted_server + "since/", wait_until="load")
    problems = wait_for_material(page)
    timing = page.evaluate("""() => ({
        fcp: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime,
        bundle: (performance.getEntriesByType("resource").find(e => /bundle\\.[0-9a-f]+\\.min\\.js/.test(e.name)) || {}).startTime,
        setUp: (() => { let emitted = false; window.document$.subscribe(() => { emitted = true; }).unsubscribe(); return emitted; })()})""")
    context.close()
    assert not problems, problems
    assert timing["fcp"] is not None and timing["bundle"] is not None, timing
    assert timing["bundle"] >= timing["fcp"], \
        f"Material's bundle was requested at {timing['bundle']:.0f} ms, before the first paint at {timing['fcp']:.0f} ms"
    assert timing["setUp"], "Material's bundle ran but never set the page up: its document$ did not emit"


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_first_visit_gets_the_system_scheme_before_materials_script_runs(browser, hosted_server, scheme):
    """overrides/main.html resolves the automatic palette at the top of <body>: with Material's bundle
    blocked, a first-time reader in dark mode still gets the dark scheme, and <html> is marked `js`."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.route("**/bundle.*.js", lambda route: route.abort())
    page.goto(hosted_server + "report/summary/")
    state = page.evaluate("""() => ({scheme: document.body.dataset.mdColorScheme, primary: document.body.dataset.mdColorPrimary,
                                     html: document.documentElement.className})""")
    context.close()
    assert state["scheme"] == SCHEMES[scheme] and state["primary"] == "custom", state
    assert "js" in state["html"].split() and "no-js" not in state["html"].split(), state


def test_palette_first_tap_changes_the_colours_for_a_light_system(browser, hosted_server):
    """From "automatic" on a light system the first tap goes to dark (not to light, which is already
    on screen), and the button says so."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(hosted_server + "glossary/")
    page.wait_for_load_state("load")
    button = page.locator("[data-mdx-palette] label:not([hidden])")
    assert button.get_attribute("title") == "Switch to dark mode"
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    button.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    context.close()


def test_palette_toggle_cycles_stores_and_follows_the_system(browser, hosted_server):
    """docs/assets/javascripts/palette.js (Material's palette component is not mounted): the visible
    button moves auto -> light -> dark -> auto, Enter does the same from the keyboard, the choice
    survives a page change, and the automatic option follows a change of the system setting."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    state = """() => ({scheme: document.body.dataset.mdColorScheme,
                       shown: [...document.querySelectorAll('[data-mdx-palette] label')].map(l => !l.hidden),
                       stored: (__md_get('__palette') || {}).index})"""
    page.goto(hosted_server + "glossary/")
    page.wait_for_load_state("load")
    seen = [page.evaluate(state)]
    for _ in range(3):
        page.click("[data-mdx-palette] label:not([hidden])")
        seen.append(page.evaluate(state))
    assert [(s["scheme"], s["shown"], s["stored"]) for s in seen] == [
        ("slate", [True, False, False], None), ("default", [False, True, False], 1),
        ("slate", [False, False, True], 2), ("slate", [True, False, False], 0)], seen
    page.emulate_media(color_scheme="light")                # automatic: follows the system
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'", timeout=2_000)
    page.focus("#__palette_0")
    page.keyboard.press("Enter")      # keyboard, system light: on to dark, skipping the light already shown
    assert page.evaluate(state)["stored"] == 2 and page.evaluate("document.activeElement.id") == "__palette_2"
    page.emulate_media(color_scheme="light")                # an explicit choice ignores the system
    page.goto(hosted_server + "since/")
    after = page.evaluate(state)
    context.close()
    assert (after["scheme"], after["shown"]) == ("slate", [False, False, True]), after
    assert not errors, errors
