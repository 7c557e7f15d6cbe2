"""In Chromium, Material's script no longer moves a table and an `mdx-table` is drawn exactly as
Material draws a classless table (a clone without the class, in the same page, is the reference)."""
from __future__ import annotations

import pytest

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
@pytest.mark.parametrize("src", ["reference/sanctions-after.md", "data.md"])
def test_material_leaves_our_tables_in_place_and_they_look_as_it_draws_them(tabs, scheme, width, src):
    from helpers.tabs import open_tab
    page = open_tab(tabs, scheme, width, src)
    page.wait_for_function("() => window.component$ !== undefined")   # Material's script has run
    result = page.evaluate(_COMPARE)
    assert result["nested"] == 0, f"docs/{src}: Material wrapped a table a second time"
    assert result["wraps"] == result["tables"] > 0, f"docs/{src}: {result['tables']} tables, {result['wraps']} wrappers"
    assert not result["diffs"], f"docs/{src} ({scheme}, {width}px): an mdx-table is drawn unlike Material's table:\n" + "\n".join(result["diffs"])
