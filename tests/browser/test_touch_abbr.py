"""A tap on an abbreviation shows what it stands for (issue 23): the title tooltip never shows on a touch screen."""
from __future__ import annotations


def test_a_tap_on_an_abbreviation_shows_and_hides_its_expansion(browser, hosted_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(hosted_server + "since/")
    abbr = page.locator(".md-content abbr[title]:not(a abbr)").first
    abbr.scroll_into_view_if_needed()
    title = abbr.get_attribute("title")
    before = abbr.bounding_box()["width"]
    abbr.tap()
    shown = page.evaluate("(el) => getComputedStyle(el, '::after').content", abbr.element_handle())
    assert shown == f'" ({title})"', shown
    assert abbr.bounding_box()["width"] > before
    abbr.tap()
    assert page.evaluate("(el) => getComputedStyle(el, '::after').content", abbr.element_handle()) in ("none", "normal")
    context.close()
