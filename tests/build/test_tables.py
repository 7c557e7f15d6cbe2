"""Tables leave the build wrapped the way Material's script would wrap them (hooks/html/table_wrappers.py).

Material's script moves every classless table into its scrolling wrapper after the first paint,
which makes the browser restyle and lay out every cell again. The hook writes the wrappers at
build time and classes the table `mdx-table`, and extra.css repeats Material's table rules for
that class. These tests check the three halves: the hook's output, the built pages, and, in
Chromium, that Material's script no longer moves a table and that an `mdx-table` is drawn exactly
as Material draws a classless table (a clone without the class, in the same page, is the
reference, so a Material upgrade that changes its table rules fails here).
"""
from __future__ import annotations

import re

import pytest
from conftest import nav_pages
from helpers.tabs import url_path

from hooks.html.table_wrappers import CLASS, CLOSE, OPEN, wrap_tables

PAGES = nav_pages()
_TABLE_TAG = re.compile(r"<table\b[^>]*>")


def test_a_classless_table_is_wrapped_and_classed():
    out = wrap_tables("<p>x</p><table><thead><tr><th>A</th></tr></thead></table><p>y</p>")
    assert out == f'<p>x</p>{OPEN}<table class="{CLASS}"><thead><tr><th>A</th></tr></thead></table>{CLOSE}<p>y</p>'


def test_attributes_are_kept_and_a_classed_table_is_left_alone():
    stacked = wrap_tables('<table data-mdx-stack><tr><td data-label="A">1</td></tr></table>')
    assert stacked.startswith(f'{OPEN}<table class="{CLASS}" data-mdx-stack>')
    assert stacked.count("<table") == 1 and stacked.endswith(f"</table>{CLOSE}")
    classed = '<table class="highlighttable"><tr><td>1</td></tr></table>'
    assert wrap_tables(classed) == classed


def test_two_tables_are_wrapped_separately():
    out = wrap_tables("<table><tr><td>1</td></tr></table><p>between</p><table><tr><td>2</td></tr></table>")
    assert out.count(OPEN) == 2 and out.count(CLOSE) == 2
    assert f"</table>{CLOSE}<p>between</p>{OPEN}" in out


def test_every_built_table_is_wrapped_and_classed(hosted_site):
    problems, tables = [], 0
    for src in PAGES:
        html = (hosted_site / url_path(src) / "index.html").read_text(encoding="utf-8")
        article = html[html.index('<article'):html.index('</article>')]
        for match in _TABLE_TAG.finditer(article):
            tables += 1
            if f'class="{CLASS}"' not in match.group(0):
                problems.append(f"docs/{src}: {match.group(0)} has no class {CLASS!r}: Material's script will move it after the first paint")
            elif not article[:match.start()].endswith(OPEN):
                problems.append(f"docs/{src}: {match.group(0)} is not inside Material's two table wrappers")
    assert tables >= 5, f"only {tables} tables found in the built pages"
    assert not problems, "\n".join(problems)


_COMPARE = """() => {
  const ours = document.querySelector(".md-content table.mdx-table");
  const reference = ours.cloneNode(true);
  reference.removeAttribute("class");
  // Material's wrappers around the reference too, as its script would add them
  const outer = document.createElement("div"); outer.className = "md-typeset__scrollwrap";
  const inner = document.createElement("div"); inner.className = "md-typeset__table";
  outer.append(inner); inner.append(reference);
  ours.closest(".md-typeset__scrollwrap").after(outer);
  const props = ["display", "font-size", "border-top-width", "border-top-color", "border-radius",
                 "background-color", "padding-left", "padding-top", "text-align", "vertical-align",
                 "font-weight", "min-width", "overflow-x", "max-width"];
  const parts = (t) => [["table", t], ["th", t.querySelector("th")], ["td", t.querySelector("td")],
                        ["second-row td", t.querySelector("tbody tr + tr td")]];
  const diffs = [];
  const a = parts(ours), b = parts(reference);
  for (let i = 0; i < a.length; i++) {
    const [name, x] = a[i], y = b[i][1];
    if (!x || !y) continue;
    const sx = getComputedStyle(x), sy = getComputedStyle(y);
    for (const p of props) if (sx.getPropertyValue(p) !== sy.getPropertyValue(p))
      diffs.push(`${name} ${p}: ${sx.getPropertyValue(p)} (mdx-table) vs ${sy.getPropertyValue(p)} (Material)`);
  }
  const size = [ours.getBoundingClientRect().width, reference.getBoundingClientRect().width];
  outer.remove();
  return {diffs, size, nested: document.querySelectorAll(".md-typeset__scrollwrap .md-typeset__scrollwrap").length,
          wraps: document.querySelectorAll(".md-content .md-typeset__scrollwrap").length,
          tables: document.querySelectorAll(".md-content table").length};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("src", ["report/sanctions.md", "data.md"])
def test_material_leaves_our_tables_in_place_and_they_look_as_it_draws_them(tabs, scheme, width, src):
    from helpers.tabs import open_tab
    page = open_tab(tabs, scheme, width, src)
    page.wait_for_function("() => window.component$ !== undefined")   # Material's script has run
    result = page.evaluate(_COMPARE)
    assert result["nested"] == 0, f"docs/{src}: Material wrapped a table a second time"
    assert result["wraps"] == result["tables"] > 0, f"docs/{src}: {result['tables']} tables, {result['wraps']} wrappers"
    assert not result["diffs"], f"docs/{src} ({scheme}, {width}px): an mdx-table is drawn unlike Material's table:\n" + "\n".join(result["diffs"])
