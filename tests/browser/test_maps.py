"""The maps in headless Chromium (hosted edition): at 390 px each map shows its narrow variant,
fits the column with no sideways scrolling and keeps every label at 12 px or more; at 1280 px
the wide variant shows; axe finds no WCAG 2.2 AA violation on the map pages, light and dark.
Reuses conftest's `tabs` contexts, helpers.tabs.open_tab and the axe setup of tests/helpers/axe.py."""
from __future__ import annotations

import pytest
from helpers.axe import ALLOWED_AXE_RULES, AXE_OPTIONS, axe  # noqa: F401 (axe is a fixture)
from helpers.js import script
from helpers.maps import map_pages
from helpers.pages import SCHEMES
from helpers.tabs import open_tab

pytestmark = pytest.mark.browser

MAP_PAGES = sorted(map_pages())
MIN_LABEL_PX = 12



@pytest.mark.parametrize("width, variant", [(390, "mdx-map__svg--narrow"), (1280, "mdx-map__svg--wide")])
@pytest.mark.parametrize("src", MAP_PAGES)
def test_maps_fit_and_labels_are_readable(tabs, src, width, variant):
    page = open_tab(tabs, "light", width, src)
    found = page.evaluate(script("map_layout"))
    problems = []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 0:
        problems.append(f"the page scrolls sideways by {overflow} px")
    assert found, f"{src}: no figure.mdx-map"
    for figure in found:
        where = f"{src} #{figure['id']} at {width} px"
        if figure["shown"] != [variant]:
            problems.append(f"{where}: shows {figure['shown']}, expected only {variant}")
        for svg in figure["svgs"]:
            if svg["width"] < 200 or svg["height"] < 100:
                problems.append(f"{where}: drawn at {svg['width']:.0f}x{svg['height']:.0f} px")
            if svg["left"] < figure["column"][0] - 0.5 or svg["right"] > min(figure["column"][1], width) + 0.5:
                problems.append(f"{where}: the map ({svg['left']:.0f}-{svg['right']:.0f}) leaves its column "
                                f"({figure['column'][0]:.0f}-{figure['column'][1]:.0f})")
            if svg["smallest"] < MIN_LABEL_PX - 0.05:      # float rounding of the screen matrix
                problems.append(f"{where}: a label is {svg['smallest']:.1f} px on screen (at least {MIN_LABEL_PX})")
            if svg["outside"]:
                problems.append(f"{where}: {svg['outside']} label(s) run past the map's edge")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", (390, 1280))
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("src", MAP_PAGES)
def test_axe_finds_no_violation_on_map_pages(tabs, axe, src, scheme, width):  # noqa: F811
    page = open_tab(tabs, scheme, width, src)
    results = axe.run(page, options=AXE_OPTIONS)
    lines = [f"  {v['id']}: {v['help']}: " + "; ".join(" >> ".join(map(str, n["target"])) for n in v["nodes"][:5])
             for v in results.response["violations"] if v["id"] not in ALLOWED_AXE_RULES]
    assert not lines, f"{src} ({scheme}, {width}px):\n" + "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", (390, 1280))
def test_map_labels_and_lines_keep_their_contrast(tabs, scheme, width):
    """Labels 4.5:1 against the halo drawn under them; the border, routes, distance lines and place
    dots 3:1 against sea, land and the story's countries (WCAG 1.4.3, 1.4.11), in both schemes."""
    from helpers.colour import contrast, flatten, hex_of
    from helpers.js import with_colour_lib
    problems, measured = [], 0
    for src in MAP_PAGES:
        page = open_tab(tabs, scheme, width, src)
        for item in page.evaluate(with_colour_lib("map_colours")):
            base = flatten(item["page"])
            where = f"{src} #{item['fig']} ({scheme}, {width}px) {item['what'][:30]!r}"
            if item["kind"] == "text":
                measured += 1
                halo = flatten([item["halo"]], base)
                if item["haloWidth"] < 2:
                    problems.append(f"{where}: label has no halo (stroke {item['haloWidth']}px)")
                if (ratio := contrast(item["fg"], halo)) < 4.5:
                    problems.append(f"{where}: label {hex_of(item['fg'])} on halo {hex_of(halo)} is {ratio:.2f}:1")
            else:
                for name, under in item["land"].items():
                    if under is None:
                        continue
                    behind = flatten([under], base)
                    measured += 1
                    if (ratio := contrast(item["fg"], behind)) < 3:
                        problems.append(f"{where}: {hex_of(item['fg'])} on {name} {hex_of(behind)} is {ratio:.2f}:1")
    assert measured > 50, f"only {measured} colours measured: the map markup changed?"
    assert not problems, "\n".join(problems)
