"""In Chromium (issue 23): the charts are drawn, titled, described and fit at 390 and 1280 px with
labels of at least 12 px; the timeline's menus combine a thread with a kind and say what is shown;
a link to one event opens it."""
from __future__ import annotations

import pytest

CHART_PAGES = {"reference/estimates/": ("troops",), "reference/losses/": ("losses",), "report/sanctions/": ("sanctions",)}
MEASURE_CHART = """
(key) => {
  const figure = document.getElementById("chart-" + key);
  if (!figure) return null;
  const svg = figure.querySelector("svg");
  const title = svg.querySelector("title"), desc = svg.querySelector("desc");
  const box = svg.getBoundingClientRect(), column = figure.parentElement.getBoundingClientRect();
  let smallest = Infinity;
  for (const text of svg.querySelectorAll("text")) {
    const size = parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a;
    smallest = Math.min(smallest, size);
  }
  return {role: svg.getAttribute("role"), title: title && title.textContent, desc: desc && desc.textContent,
          marks: svg.querySelectorAll(".mdx-chart__mark").length, width: box.width, right: box.right,
          columnRight: column.right + 1, smallest, legend: figure.querySelectorAll(".mdx-chart__legend li").length,
          overflow: document.documentElement.scrollWidth > innerWidth};
}
"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_charts_are_drawn_titled_described_and_fit(browser, hosted_server, path, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(hosted_server + path)
    for key in CHART_PAGES[path]:
        found = page.evaluate(MEASURE_CHART, key)
        assert found, f"{path}: no chart {key}"
        assert found["role"] == "img" and found["title"] and len(found["desc"]) > 40, found
        assert found["marks"] >= 5 and found["legend"] >= 2, found
        assert found["right"] <= found["columnRight"] and not found["overflow"], found
        assert found["smallest"] >= 12, f"{path} {key} at {width} px: a label is {found['smallest']:.1f} px"
    context.close()


def test_timeline_menus_combine_a_thread_with_a_kind(browser, hosted_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(hosted_server + "timeline/")
    page.wait_for_selector(".mdx-filter__menus:not([hidden])")
    assert page.is_hidden("nav.mdx-filter"), "the no-script links give way to the menus"
    total = page.locator("li.mdx-event").count()
    page.select_option("select[data-mdx-filter=thread]", "troops")
    page.select_option("select[data-mdx-filter=kind]", "after")
    shown = page.evaluate("""() => [...document.querySelectorAll('li.mdx-event')].filter((li) => !li.hidden)
                                 .map((li) => [li.dataset.thread, li.dataset.kind])""")
    assert shown and all(pair == ["troops", "after"] for pair in shown), shown
    status = page.inner_text(".mdx-filter__live")
    assert status == f"Showing {len(shown)} of {total} events: thread \u201cTroops and casualties\u201d, kind \u201cAfter the report\u201d."
    assert "thread=troops" in page.url and "kind=after" in page.url
    assert page.is_hidden("#year-2023"), "a year with no event left is hidden"
    page.select_option("select[data-mdx-filter=thread]", "")
    page.select_option("select[data-mdx-filter=kind]", "")
    assert page.inner_text(".mdx-filter__live") == f"Showing all {total} events."
    context.close()


def test_a_link_to_one_event_lands_on_it_open(browser, hosted_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(hosted_server + "timeline/?thread=troops#2024-06-19-putin-pyongyang-treaty-signed")
    event = page.locator('li[id="2024-06-19-putin-pyongyang-treaty-signed"]')
    assert event.is_visible(), "the linked event shows even when a filter would hide it"
    assert event.locator("details").get_attribute("open") is not None
    assert event.locator(".mdx-event__text").is_visible()
    context.close()
