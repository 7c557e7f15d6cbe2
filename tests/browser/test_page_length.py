"""Understanding in minutes (issue 23): at 390x844 with its folds closed, no page is longer than 12
phone screens, the home page's key points start within its first two screens, and the prose of
every page reads at Flesch-Kincaid grade 11 or below (scripts/reading.py measures all three)."""
from __future__ import annotations

from scripts import reading


def test_no_page_is_longer_than_twelve_phone_screens_or_harder_than_grade_eleven(browser, hosted_server, hosted_site):
    found = reading.measure(browser, hosted_server, reading.site_pages(hosted_site))
    assert len(found) >= 16
    too_long = {p or "/": r["screens"] for p, r in found.items() if r["screens"] > reading.MAX_SCREENS}
    assert not too_long, f"pages over {reading.MAX_SCREENS} phone screens with folds closed: {too_long}"
    too_hard = {p or "/": r["grade"] for p, r in found.items() if r["grade"] > reading.MAX_GRADE}
    assert not too_hard, f"pages above Flesch-Kincaid grade {reading.MAX_GRADE}: {too_hard}"


def test_home_key_points_start_within_two_phone_screens(browser, hosted_server):
    context = browser.new_context(viewport={"width": reading.PHONE[0], "height": reading.PHONE[1]})
    page = context.new_page()
    page.goto(hosted_server)
    top = page.evaluate("() => { const el = document.getElementById('key-points'); "
                        "return el ? el.getBoundingClientRect().top + scrollY : null; }")
    context.close()
    assert top is not None, "the home page has no #key-points heading"
    assert top < 2 * reading.PHONE[1], f"the key points start at {top / reading.PHONE[1]:.1f} phone screens"


def test_fk_grade_formula():
    assert reading.fk_grade("The cat sat on the mat.") < 1
    hard = "Comprehensive strategic partnership negotiations necessitate extraordinarily complicated institutional arrangements."
    assert reading.fk_grade(hard) > 20
    assert reading.syllables("treaty") == 2 and reading.syllables("the") == 1
