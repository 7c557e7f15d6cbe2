"""Pre-render diagrams: replace each Mermaid fence with an inline SVG at build time.

Why: on a phone, running Mermaid in the browser costs ~0.7 MB of script and seconds of main-thread
work on every diagram page (see BENCHMARKS.md). Here the same vendored Mermaid renders each
diagram once, in headless Chromium, with Material's own theme CSS, so the published pages ship
finished SVGs and no Mermaid at all. The drawing is done by hooks/mermaid.py, the one driver
that the fast check (`make check`) uses too, with the same settings.

How: for `mkdocs build` (not `mkdocs serve`, which keeps mermaid2's client-side rendering for
quick previews) and when `extra.prerender_diagrams` is true, every `<pre class="mermaid">` that
mermaid2's fence produced becomes
    <div class="mermaid mdx-diagram"><template shadowrootmode="open"><svg ...></template></div>
a declarative shadow root, as Material's own rendering uses a shadow root: page styles stay out
of the diagram, while the theme's CSS variables (light and dark palettes) still reach it.
accTitle/accDescr become the SVG's <title>/<desc>. The Mermaid script tags are then dropped.
A diagram Mermaid cannot draw is logged as a warning at its file and line, with Mermaid's whole
message, so --strict fails:
    docs/report/exchange.md:58: Mermaid cannot parse this diagram: Parse error on line 7: ... (fix ...)
"""
from __future__ import annotations

import html
import logging
import re

from mkdocs.exceptions import PluginError

from hooks.core.mermaid_text import PRE, is_phone_variant
from hooks.diagrams import inventory, mermaid

log = logging.getLogger("mkdocs.plugins.hooks.prerender_diagrams")

_MERMAID_SCRIPTS = re.compile(r'<script src="[^"]*mermaid[^"]*\.js"></script>(<script>window\.mermaidConfig = .*?</script>)?', re.S)


# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def enabled(build) -> bool:
    """Published builds draw at build time; `make serve` and PRERENDER_DIAGRAMS=false leave it to the browser."""
    return prerendered(build.command, build.config.extra.get("prerender_diagrams", False))


def prerendered(command: str | None, setting) -> bool:
    return command != "serve" and bool(setting)


def remember_sources(build, page, path: str) -> None:
    """Where each of the page's diagrams is in its source, for messages with a line."""
    build.diagram_sources[page.file.src_uri] = inventory.diagrams_in(path, page.file.content_string, build)


def draw(build, output: str, src_uri: str) -> tuple[str, list]:
    """The page's Mermaid fences swapped for inline SVGs, and the problems drawing them."""
    if '<pre class="mermaid">' not in output:
        return output, []
    texts = [html.unescape(m["code"]) for m in PRE.finditer(output)]
    diagrams = locate(texts, build.diagram_sources.get(src_uri, []), f"docs/{src_uri}")
    driver = _driver(build)
    results = driver.render(texts, WIDE)
    problems = [p for d, r in zip(diagrams, results) if (p := inventory.problem_for(d, r))]
    layouts, too_wide = fit(texts, results, diagrams, driver)
    return replace_fences(output, layouts), problems + too_wide


def close(build) -> None:
    """Close the build's Chromium, if it started one."""
    if build is not None and build.mermaid is not None:
        build.mermaid.close()
        build.mermaid = None


# --- Helpers -------------------------------------------------------------------------------

def locate(texts: list[str], known: list[inventory.Diagram], path: str) -> list[inventory.Diagram]:
    """Pair each diagram found in the HTML with its source diagram (same text, in order);
    one that matches none is placed at line 1 of the page."""
    remaining = list(known)
    found = []
    for text in texts:
        match = next((d for d in remaining if d.text.strip() == text.strip()), None)
        if match is not None:
            remaining.remove(match)
        found.append(match or inventory.Diagram(path, 1, text))
    return found


# --- Diagrams that fit a phone (issue 10) ---------------------------------------------------
# Labels are drawn at 16 px and an SVG scales down to its column, so a diagram W px wide shows
# its labels at 16 * column / W px. A phone column is about 358 px and its labels must stay at
# 12 px or more: W <= PHONE_MAX. A laptop column is 688 px, labels 14 px or more: W <= WIDE_MAX.
# A diagram wider than PHONE_MAX gets a narrow layout too, shown below BREAKPOINT by a CSS media
# query (extra.css, no JS): the contributor's phone variant (the next fence, starting `%% phone`)
# or, without one, the same text, drawn with NARROW settings (tighter spacing, text wrapped sooner). If even that is too wide, the build
# says so at the diagram's line. A wide layout over WIDE_MAX is replaced by the narrow one.
PHONE_MAX = 470
# Lines in a "`markdown string`" label are kept as written (the timeline's meetings diagram lists
# one meeting per line); other labels wrap as before.
WIDE = {"markdownAutoWrap": False}
WIDE_MAX = 780
NARROW = {"flowchart": {"wrappingWidth": 130, "nodeSpacing": 20, "rankSpacing": 30, "padding": 6, "diagramPadding": 4},
          "sequence": {"actorMargin": 12, "width": 90, "boxMargin": 4, "noteMargin": 4, "messageMargin": 24,
                       "wrap": True, "diagramMarginX": 4}}
_VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ (?P<width>[\d.]+) [-\d.]+"')


def svg_width(svg: str | None) -> float:
    match = _VIEWBOX.search(svg or "")
    return float(match["width"]) if match else 0.0


def fit(texts, results, diagrams, driver) -> tuple[list[tuple], list]:
    """One layout per fence: ("wide", result), ("both", wide, narrow), ("narrow", narrow), or
    ("skip",) for a phone variant already paired with the diagram before it."""
    from hooks.core.problems import Problem
    layouts, problems, narrow_of = [], [], {}
    wanted = [i for i, r in enumerate(results) if r.svg and not is_phone_variant(texts[i]) and svg_width(r.svg) > PHONE_MAX]
    sources = [texts[i + 1] if i + 1 < len(texts) and is_phone_variant(texts[i + 1]) else texts[i] for i in wanted]
    for i, r in zip(wanted, driver.render(sources, NARROW, id_prefix="mdx-narrow-")):
        narrow_of[i] = r
    for i, (text, result) in enumerate(zip(texts, results)):
        if is_phone_variant(text):
            layouts.append(("skip",) if i > 0 and i - 1 in narrow_of else ("wide", result))
            continue
        narrow = narrow_of.get(i)
        if narrow is None or not narrow.svg:
            layouts.append(("wide", result))
            continue
        wide_px, narrow_px = svg_width(result.svg), svg_width(narrow.svg)
        if narrow_px > PHONE_MAX:
            problems.append(Problem(diagrams[i].path, diagrams[i].line,
                                    f"diagram is {narrow_px:.0f} px wide even in its narrow layout, so its labels would be "
                                    f"under 12 px on a phone (at most {PHONE_MAX} px fits)",
                                    "write a phone variant: a second ```mermaid fence right after it whose first line is "
                                    "'%% phone'; see 'Diagrams' in CONTRIBUTING.md"))
        if wide_px > WIDE_MAX and narrow_px <= WIDE_MAX:
            layouts.append(("narrow", narrow))
        else:
            layouts.append(("both", result, narrow))
    return layouts, problems


def _host(svg: str, variant: str = "") -> str:
    extra = f" mdx-diagram--{variant}" if variant else ""
    return f'<div class="mermaid mdx-diagram{extra}"><template shadowrootmode="open">{svg}</template></div>'


def replace_fences(output: str, layouts: list) -> str:
    """Swap each mermaid <pre> for its SVG(s) in declarative shadow roots; drop Mermaid's scripts.
    `layouts` comes from `fit`: ("wide"|"narrow", result), ("both", wide, narrow) or ("skip",)."""
    items = iter(layouts)

    def swap(match):
        item = next(items)
        if item[0] == "skip":
            return ""
        if item[0] == "both":
            return _host(item[1].svg, "wide") + _host(item[2].svg, "narrow")
        result = item[1]
        if result.svg is None:
            return match.group(0)
        return _host(result.svg)

    output = PRE.sub(swap, output)
    if '<pre class="mermaid">' not in output:
        output = _MERMAID_SCRIPTS.sub("", output)
    return output


def _driver(build) -> mermaid.Mermaid:
    """One Chromium page with the vendored Mermaid, started on the first diagram, reused for the build."""
    if build.mermaid is None:
        build.mermaid = mermaid.Mermaid(build.root)
    try:
        build.mermaid.start()
    except mermaid.MermaidError as error:
        close(build)
        raise PluginError(f"prerender_diagrams: {error}; or set PRERENDER_DIAGRAMS=false to ship "
                          "client-side rendering") from error
    return build.mermaid
