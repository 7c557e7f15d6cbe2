"""The quality bar for reading on a phone and a laptop (issue 10), in headless Chromium.

Every page of the hosted edition at 390x844 and at 1280x800, measured by the same code as
scripts/measure_layout.py (MEASURE), after opening every <details> so folded diagrams count too:
- no sideways scrolling of the page;
- every diagram shown at that width fits its column, and its smallest label is at least 12 px on
  screen at 390 px, 14 px at 1280 px (font size times the SVG's scale on screen);
- every table fits its column without scrolling;
- text in the content boxes is the same size as body text;
- every footnote marker is a target of at least 24x24 px (WCAG 2.2 SC 2.5.8);
- the timeline shows each event's date, kind and source inside the column, and its "Narrow the
  timeline" links hide the other events without JavaScript.
All problems of a width are listed together.
"""
from __future__ import annotations

import pytest
from conftest import nav_pages, record_problems
from helpers.guard import guarded_context
from helpers.pages import wait_for_material
from helpers.tabs import url_path

from scripts.measure_layout import MEASURE

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": ((390, 844), 12.0), "laptop": ((1280, 800), 14.0)}
PAGES = nav_pages()

_FOOTNOTE_TARGETS = """
() => [...document.querySelectorAll(".md-content a.footnote-ref")].filter(a => a.offsetParent)
  .map(a => { const r = a.getBoundingClientRect(); return [a.textContent, Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10]; })
"""


def page_problems(src: str, m: dict, min_label: float, markers: list) -> list[str]:
    where = f"docs/{src}"
    problems = []
    if m["scroll_width"] > m["window_width"]:
        problems.append(f"{where}: the page scrolls sideways ({m['scroll_width']} px in a {m['window_width']} px window)")
    for d in m["diagrams"]:
        name = f"diagram {d['index'] + 1} ({d.get('title', '')[:40]!r})"
        if d.get("error"):
            problems.append(f"{where}: {name}: {d['error']}")
            continue
        if d["overflow"] > 1 or d["width"] > d["column"] + 1:
            problems.append(f"{where}: {name} is {d['width']} px wide in a {d['column']} px column")
        if d["label_px"] is not None and d["label_px"] < min_label:
            problems.append(f"{where}: {name}: label {d['smallest_label']!r} is {d['label_px']} px on screen (at least {min_label})")
    for t in m["tables"]:
        if t["scrolls"] or t["width"] > t["column"] + 1:
            problems.append(f"{where}: table {t['index'] + 1} is {t['width']} px wide in a {t['column']} px column")
    if m["box_px"] is not None and m["box_px"] != m["body_px"]:
        problems.append(f"{where}: box text is {m['box_px']} px, body text {m['body_px']} px")
    for text, width, height in markers:
        if width < 24 or height < 24:
            problems.append(f"{where}: footnote marker {text} is a {width}x{height} px target (at least 24x24)")
    return problems


@pytest.fixture(scope="module")
def measured(browser, hosted_server):
    """{viewport: {page: (measurements, footnote targets)}} for every nav page."""
    results = {}
    for name, ((width, height), _) in VIEWPORTS.items():
        context, page, _ = guarded_context(browser, hosted_server, viewport=(width, height))
        results[name] = {}
        for src in PAGES:
            page.goto(hosted_server + url_path(src), wait_until="load")
            assert not (problems := wait_for_material(page)), f"{src}: {problems}"
            results[name][src] = (page.evaluate(MEASURE), page.evaluate(_FOOTNOTE_TARGETS))
        context.close()
    return results


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_fits_and_reads_at_full_size(measured, viewport):
    min_label = VIEWPORTS[viewport][1]
    problems = []
    for src, (m, markers) in measured[viewport].items():
        problems += page_problems(src, m, min_label, markers)
    record_problems(problems)
    diagrams = sum(len(m["diagrams"]) for m, _ in measured[viewport].values())
    assert diagrams >= 10, f"only {diagrams} diagrams measured at {viewport} width"
    assert not problems, "\n".join(problems)


def test_the_checks_catch_what_they_are_for():
    """The check itself, fed measurements of the faults it exists for."""
    good = {"scroll_width": 390, "window_width": 390, "body_px": 16, "box_px": 16, "tables": [],
            "diagrams": [{"index": 0, "title": "T", "width": 300, "column": 358, "overflow": 0, "label_px": 13,
                          "smallest_label": "x"}]}
    assert page_problems("a.md", good, 12, [("1", 24, 24)]) == []
    bad = dict(good, scroll_width=500, box_px=12.8,
               tables=[{"index": 0, "width": 431, "column": 358, "scrolls": True}],
               diagrams=[{"index": 0, "title": "T", "width": 926, "column": 358, "overflow": 568, "label_px": 9.2,
                          "smallest_label": "Fuel trade"}])
    found = page_problems("a.md", bad, 12, [("14", 4, 9)])
    assert len(found) == 6, found


def test_timeline_cards_and_filters_on_a_phone(browser, hosted_server):
    context, page, _ = guarded_context(browser, hosted_server, viewport=(390, 844), java_script_enabled=False)
    page.goto(hosted_server + "timeline/", wait_until="load")
    cards = page.evaluate("""() => {
      const column = document.querySelector(".md-content__inner").getBoundingClientRect();
      return [...document.querySelectorAll(".mdx-event")].map(li => {
        const r = li.getBoundingClientRect();
        const shown = (sel) => { const el = li.querySelector(sel); if (!el) return false;
          const b = el.getBoundingClientRect(); return b.width > 0 && b.right <= column.right + 1; };
        return {inside: r.right <= column.right + 1, date: shown("time"), kind: shown(".mdx-event__kind"),
                source: shown(".mdx-event__source a"), text: shown(".mdx-event__text")};
      });
    }""")
    assert len(cards) >= 40
    broken = [i for i, c in enumerate(cards) if not all(c.values())]
    assert not broken, f"events {broken} show a field outside the column or not at all: {[cards[i] for i in broken[:3]]}"
    visible = "() => [...document.querySelectorAll('.mdx-event')].filter(e => e.getBoundingClientRect().height > 0).length"
    everything = page.evaluate(visible)
    page.goto(hosted_server + "timeline/#thread-troops", wait_until="load")
    troops = page.evaluate(visible)
    assert 0 < troops < everything, f"narrowing to troops shows {troops} of {everything} events (JavaScript off)"
    assert page.locator("#thread-troops").is_visible(), "the 'Showing only' line is shown"
    page.goto(hosted_server + "timeline/#kind-after", wait_until="load")
    shown = page.evaluate("() => [...document.querySelectorAll('.mdx-event')].filter(e => e.getBoundingClientRect().height > 0)"
                          ".map(e => e.classList.contains('mdx-event--after'))")
    after = page.evaluate("() => document.querySelectorAll('.mdx-event--after').length")
    # Not only "every shown event is an after event", which an empty list would pass too
    assert shown, "narrowing to 'After the report' shows no event at all (JavaScript off)"
    assert all(shown), f"narrowing to 'After the report' also shows {shown.count(False)} other events"
    assert len(shown) == after < everything, f"narrowing to 'After the report' shows {len(shown)} of its {after} events"
    context.close()
