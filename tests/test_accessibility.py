"""Accessibility of the hosted edition in a real browser (WCAG 2.2 AA), in both colour schemes,
at a phone width (390 px) and a desktop width (1280 px):

1. axe-core (axe-playwright-python) with the WCAG 2.0/2.1/2.2 A and AA tags finds nothing on any
   page; an allow-list entry needs its reason next to it (ALLOWED_AXE_RULES).
2. Diagram colours, measured on the rendered SVG inside each diagram's open shadow root: text
   keeps 4.5:1 against what is painted behind it, lines, arrowheads and node borders 3:1 against
   the background they sit on (WCAG 1.4.3, 1.4.11). axe cannot judge these (it reports them as
   "incomplete": text inside foreignObject over SVG shapes).
3. Keyboard: the first Tab reaches a visible skip link that moves focus to the content; every
   focus stop on a long page has a visible indicator (3:1 against its background) and is not
   under the sticky header or outside the window; the glossary is plain text reachable without
   hovering; lang is set; headings are in order; reduced motion is respected.

One browser context per (scheme, width), its page reused across tests.
"""
from __future__ import annotations

import re

import pytest

from conftest import nav_pages

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}      # prefers-color-scheme -> body[data-md-color-scheme]
WIDTHS = (390, 1280)
HEIGHT = 800
PAGES = nav_pages()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# axe rule id -> why a violation of it is accepted. Prefer fixing; every entry needs its reason.
ALLOWED_AXE_RULES: dict[str, str] = {}

TEXT_MIN = 4.5      # WCAG 1.4.3, normal-size text
GRAPHIC_MIN = 3.0   # WCAG 1.4.11, lines, arrowheads, node borders, focus indicators
LONG_PAGE = "report/sanctions.md"
TAB_STOPS = 25          # forward from the top of the long page
TAB_STOPS_BACK = 12     # backward from its end (footer, last links)


def url_path(src: str) -> str:
    """docs/foo/bar.md -> foo/bar/ (directory URLs); index.md -> ''."""
    stem = src[:-3]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


# --- Colour arithmetic (WCAG 2.x definitions) -------------------------------------------------

def composite(top, bottom):
    """Colour `top` (r, g, b, a; 0-255 and 0-1) painted over opaque `bottom`."""
    r, g, b, a = top
    return tuple(round(a * c + (1 - a) * d, 3) for c, d in zip((r, g, b), bottom[:3])) + (1.0,)


def flatten(layers, base=(255, 255, 255, 1.0)):
    """Paint layers bottom-up over `base`; the opaque result."""
    colour = tuple(base[:3]) + (1.0,)
    for layer in layers:
        colour = composite(layer, colour)
    return colour


def luminance(colour) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg, bg) -> float:
    """Contrast of fg (may be translucent) over opaque bg."""
    fg = composite(fg, bg)
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def hex_of(colour) -> str:
    r, g, b = (round(c) for c in colour[:3])
    alpha = colour[3] if len(colour) > 3 else 1
    return f"#{r:02x}{g:02x}{b:02x}" + ("" if alpha >= 0.999 else f"@{alpha:.2f}")


# --- JavaScript run in the page ---------------------------------------------------------------

# Shared helpers: any CSS colour -> [r, g, b, a] by painting one canvas pixel (handles rgb(),
# color(srgb ...) from color-mix(), named colours...), and the background layers behind an
# element (its ancestors' background colours, root first).
JS_LIB = r"""
const mdx = (() => {
  const canvas = new OffscreenCanvas(1, 1);
  const ctx = canvas.getContext("2d", {willReadFrequently: true});
  const cache = new Map();
  function rgba(css) {
    if (!css || css === "none" || css.startsWith("url(")) return null;
    if (cache.has(css)) return cache.get(css);
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "rgba(0, 0, 0, 0)";
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    const value = a === 0 ? [0, 0, 0, 0] : [r, g, b, a / 255];
    cache.set(css, value);
    return value;
  }
  function withAlpha(colour, alpha) {
    return colour ? [colour[0], colour[1], colour[2], colour[3] * alpha] : null;
  }
  // Parent across shadow boundaries (a shadow root's parent is its host).
  function parentOf(node) {
    return node.parentElement || (node.parentNode && node.parentNode.host) || null;
  }
  // Background-colour layers behind `el` (inclusive when `self`), root first.
  function backgrounds(el, self = true) {
    const layers = [];
    for (let node = self ? el : parentOf(el); node; node = parentOf(node)) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) layers.unshift(colour);
    }
    return layers;
  }
  function opacity(el, stop) {
    let value = 1;
    for (let node = el; node && node !== stop; node = parentOf(node)) value *= parseFloat(getComputedStyle(node).opacity);
    return value;
  }
  function describe(el) {
    const classes = typeof el.className === "string" ? el.className : (el.className && el.className.baseVal) || "";
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${classes ? "." + classes.trim().split(/\s+/).join(".") : ""}${text ? ` "${text}"` : ""}`;
  }
  return {rgba, withAlpha, backgrounds, opacity, describe, parentOf};
})();
"""

# Every diagram on the page: text colours and what is painted behind each text, and the colours of
# lines, arrowheads and node borders and what is behind them. Paint order in SVG is document
# order, so the shapes behind a point are the filled shapes before it whose box contains it.
JS_DIAGRAMS = JS_LIB + r"""
(() => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  const NOT_PAINTED = "defs, marker, symbol, clipPath, mask, pattern, title, desc, style";
  const SHAPES = "rect, polygon, circle, ellipse, path";
  const out = [];
  document.querySelectorAll(".mdx-diagram").forEach((host, index) => {
    const root = host.shadowRoot;
    const svg = root && root.querySelector("svg");
    const title = svg && svg.querySelector("title") ? svg.querySelector("title").textContent.trim() : "";
    const diagram = {index, title, page: mdx.backgrounds(host), texts: [], lines: [], problems: []};
    out.push(diagram);
    if (!svg) { diagram.problems.push("no <svg> in an open shadow root"); return; }
    const box = svg.getBoundingClientRect();
    if (!box.width || !box.height) { diagram.problems.push("the diagram is not displayed (zero size)"); return; }
    const painted = el => !el.closest(NOT_PAINTED) && el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility === "visible" && getComputedStyle(el).display !== "none";
    const fills = [...svg.querySelectorAll(SHAPES)].filter(painted).map(el => {
      const s = getComputedStyle(el);
      const colour = mdx.withAlpha(mdx.rgba(s.fill), parseFloat(s.fillOpacity) * mdx.opacity(el, host));
      return colour && colour[3] > 0 ? {el, colour, rect: el.getBoundingClientRect()} : null;
    }).filter(Boolean);
    // Filled shapes painted before `el` (not `el` itself) whose box contains (x, y), bottom first.
    function behind(el, x, y) {
      return fills.filter(f => f.el !== el && (f.el.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) &&
        !f.el.contains(el) && x >= f.rect.left && x <= f.rect.right && y >= f.rect.top && y <= f.rect.bottom)
        .map(f => ({colour: f.colour, what: mdx.describe(f.el)}));
    }
    function point(el) {
      const r = el.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    }
    // Text: SVG text/tspan and HTML inside foreignObject, each element with its own text.
    const hasOwnText = el => [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    for (const el of svg.querySelectorAll("text, tspan, foreignObject *")) {
      if (!hasOwnText(el) || !painted(el)) continue;
      const s = getComputedStyle(el);
      const inHtml = !!el.closest("foreignObject");
      const alpha = mdx.opacity(el, host) * (inHtml ? 1 : parseFloat(s.fillOpacity));
      const fg = mdx.withAlpha(mdx.rgba(inHtml ? s.color : s.fill), alpha);
      if (!fg) { diagram.problems.push(`${mdx.describe(el)}: text fill is ${s.fill}`); continue; }
      const [x, y] = point(el);
      const layers = behind(el, x, y);
      if (inHtml) {
        const fo = el.closest("foreignObject");
        const html = [];
        for (let node = el; node && node !== fo; node = node.parentElement) {
          const bg = mdx.withAlpha(mdx.rgba(getComputedStyle(node).backgroundColor), mdx.opacity(node, host));
          if (bg && bg[3] > 0) html.unshift({colour: bg, what: mdx.describe(node) + " (background)"});
        }
        layers.push(...html);
      }
      diagram.texts.push({what: mdx.describe(el), fg, layers, size: s.fontSize});
    }
    // Lines: every stroked path/line/polyline and every stroked shape (node borders).
    for (const el of svg.querySelectorAll("path, line, polyline, rect, polygon, circle, ellipse")) {
      if (!painted(el)) continue;
      const s = getComputedStyle(el);
      const width = parseFloat(s.strokeWidth);
      const stroke = mdx.withAlpha(mdx.rgba(s.stroke), parseFloat(s.strokeOpacity) * mdx.opacity(el, host));
      if (!stroke || stroke[3] === 0 || !(width > 0)) continue;
      let x, y;
      if (el.getTotalLength && (el.tagName === "path" || el.tagName === "line" || el.tagName === "polyline")) {
        const length = el.getTotalLength();
        const p = el.getPointAtLength(length / 2).matrixTransform(el.getScreenCTM());
        [x, y] = [p.x, p.y];
      } else {
        [x, y] = point(el);
      }
      const kind = el.closest(".node, .actor, .note, .labelBox, .cluster") || /actor|note|labelBox/.test(el.getAttribute("class") || "") ? "border" : "line";
      diagram.lines.push({what: mdx.describe(el), kind, fg: stroke, layers: behind(el, x, y), width: s.strokeWidth});
    }
    // Arrowheads: the markers the lines use, in their fill (or stroke) colour.
    const used = new Set();
    for (const el of svg.querySelectorAll("path, line, polyline")) {
      const s = getComputedStyle(el);
      for (const prop of ["markerStart", "markerEnd", "markerMid"]) {
        const m = /url\("?#([^")]+)"?\)/.exec(s[prop] || "");
        if (m) used.add(m[1]);
      }
    }
    for (const id of used) {
      const marker = root.getElementById(id);
      if (!marker) continue;
      for (const el of marker.querySelectorAll(SHAPES)) {
        const s = getComputedStyle(el);
        const fill = mdx.rgba(s.fill), stroke = mdx.rgba(s.stroke);
        const colour = fill && fill[3] > 0 ? mdx.withAlpha(fill, parseFloat(s.fillOpacity)) : mdx.withAlpha(stroke, parseFloat(s.strokeOpacity));
        if (colour && colour[3] > 0) diagram.lines.push({what: `marker#${id} ${el.tagName.toLowerCase()}`, kind: "arrowhead", fg: colour, layers: [], width: ""});
      }
    }
  });
  return out;
})()
"""

# The focused element (or, for a visually hidden input, the label that shows it) and its look.
JS_FOCUS_STATE = JS_LIB + r"""
(async () => {
  await (WAIT_FOR_ANIMATIONS)();
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  let shown = el;
  const rect0 = el.getBoundingClientRect();
  if ((rect0.width < 1 || rect0.height < 1) && el.nextElementSibling && el.nextElementSibling.tagName === "LABEL" && !el.nextElementSibling.hidden)
    shown = el.nextElementSibling;   // Material's palette toggle: a hidden radio, then its label
  // The previous stop's look now that it has lost focus (compared with its focused look).
  const prev = window.__mdxShown && window.__mdxShown !== shown ? getComputedStyle(window.__mdxShown) : null;
  const previous = prev ? {outline: `${prev.outlineStyle} ${prev.outlineWidth} ${prev.outlineColor}`, shadow: prev.boxShadow} : null;
  window.__mdxShown = shown;
  const s = getComputedStyle(shown);
  const r = shown.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const style = {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow,
                 outlineColour: mdx.rgba(s.outlineColor), outlineWidth: parseFloat(s.outlineWidth),
                 outlineStyle: s.outlineStyle, outlineOffset: parseFloat(s.outlineOffset)};
  // The outline is painted around the box: against the parent's background unless it is inset.
  const layers = mdx.backgrounds(shown, style.outlineOffset < 0);
  // Is the element painted where it is? Sample points inside its box; what the browser hits
  // there must be the element or inside it (else something covers it).
  const inside = (x, y) => {
    let hit = document.elementFromPoint(x, y);
    while (hit && hit.shadowRoot && hit.shadowRoot.elementFromPoint) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return !!hit && (shown.contains(hit) || hit.contains(shown) || (hit.getRootNode().host && shown.contains(hit.getRootNode().host)));
  };
  // Where the element's box overlaps the sticky header, is the header painted over it?
  let underHeader = false;
  if (!shown.closest(".md-header") && r.top < header.bottom && r.bottom > header.top && r.width > 0) {
    const hit = document.elementFromPoint(r.left + r.width / 2, (Math.max(r.top, header.top) + Math.min(r.bottom, header.bottom)) / 2);
    underHeader = !!hit && !!hit.closest(".md-header") && !shown.contains(hit);
  }
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const inView = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
  const visible = inView && shown.checkVisibility({opacityProperty: true, visibilityProperty: true});
  return {what: mdx.describe(shown), tag: shown.tagName, inHeader: !!shown.closest(".md-header"),
          inContent: !!el.closest(".md-content"), rect: [r.left, r.top, r.right, r.bottom], headerBottom: header.bottom,
          visible, underHeader, previous, hit: inView ? inside(cx, Math.min(cy, innerHeight - 1)) : false, style, layers, opacity: s.opacity};
})()
"""

JS_WAIT_FOR_ANIMATIONS = r"""
async () => {
  // Two frames first: Material reacts to focus in its own next frame (search, drawer), and only
  // then do the transitions start.
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await Promise.race([
  Promise.all(document.getAnimations().filter(a => a.playState === "running" &&
    Number.isFinite(a.effect.getComputedTiming().endTime)).map(a => a.finished.catch(() => null))),
  new Promise(resolve => setTimeout(resolve, 1500)),
  ]);
}
"""


JS_FOCUS_STATE = JS_FOCUS_STATE.replace("(WAIT_FOR_ANIMATIONS)", "(" + JS_WAIT_FOR_ANIMATIONS.strip() + ")")

# --- Fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tabs(browser, hosted_server):
    """(scheme, width) -> a Page in its own context, reused; opened on first use."""
    opened = {}

    def get(scheme: str, width: int):
        key = (scheme, width)
        if key not in opened:
            context = browser.new_context(viewport={"width": width, "height": HEIGHT}, color_scheme=scheme,
                                          reduced_motion="no-preference")
            context.set_default_timeout(15_000)
            opened[key] = (context, context.new_page())
        return opened[key][1]

    get.base = hosted_server
    yield get
    for context, _page in opened.values():
        context.close()


def open_page(tabs, scheme: str, width: int, src: str):
    page = tabs(scheme, width)
    page.goto(tabs.base + url_path(src), wait_until="load")
    expected = SCHEMES[scheme]
    try:
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=expected, timeout=5_000)
    except Exception:
        actual = page.evaluate("document.body.dataset.mdColorScheme")
        pytest.fail(f"{src} ({scheme}, {width}px): Material's palette is {actual!r}, not {expected!r}; "
                    "the 'prefers-color-scheme' palette entry no longer follows the system setting")
    return page


# --- 1. axe-core ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("src", PAGES)
def test_axe_finds_no_wcag_violation(tabs, axe, src, scheme, width):
    page = open_page(tabs, scheme, width, src)
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    lines = []
    for violation in results.response["violations"]:
        if violation["id"] in ALLOWED_AXE_RULES:
            continue
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:8]:
            summary = " ".join((node.get("failureSummary") or "").split())[:300]
            lines.append(f"    - {' >> '.join(map(str, node['target']))}: {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more")
    assert not lines, f"{src} ({scheme}, {width}px), axe {results.response['testEngine']['version']}:\n" + "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_wcag_violation_with_the_drawer_or_search_open(tabs, axe, scheme):
    """Material's two overlays, which the page-load runs above never show: the navigation drawer
    (390 px) and search with results."""
    page = open_page(tabs, scheme, 390, LONG_PAGE)
    found = []
    page.click("label.md-header__button[for='__drawer']")
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.evaluate(JS_WAIT_FOR_ANIMATIONS)
    found += [("drawer", v) for v in axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]]
    page.keyboard.press("Escape")
    page = open_page(tabs, scheme, 390, LONG_PAGE)
    page.click("label.md-header__button[for='__search']")
    page.keyboard.type("sanctions")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    page.evaluate(JS_WAIT_FOR_ANIMATIONS)
    found += [("search", v) for v in axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]]
    lines = [f"  {state}: {v['id']}: {v['help']}: " + "; ".join(" >> ".join(map(str, n["target"])) for n in v["nodes"][:5])
             for state, v in found if v["id"] not in ALLOWED_AXE_RULES]
    assert not lines, f"{LONG_PAGE} ({scheme}, 390px):\n" + "\n".join(lines)


def test_axe_allow_list_entries_have_reasons():
    assert all(isinstance(reason, str) and len(reason.split()) >= 5 for reason in ALLOWED_AXE_RULES.values())


# --- 2. Diagram contrast ----------------------------------------------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
def test_diagram_text_and_lines_keep_their_contrast(tabs, scheme):
    problems, measured = [], 0
    for src in PAGES:
        page = open_page(tabs, scheme, 1280, src)
        for diagram in page.evaluate(JS_DIAGRAMS):
            where = f"{src} diagram {diagram['index'] + 1} ({diagram['title'][:50]!r}), {scheme}"
            problems += [f"{where}: {p}" for p in diagram["problems"]]
            page_bg = flatten(diagram["page"])
            for item in diagram["texts"]:
                measured += 1
                bg = flatten([layer["colour"] for layer in item["layers"]], page_bg)
                ratio = contrast(item["fg"], bg)
                if ratio < TEXT_MIN:
                    behind = " over ".join(layer["what"] for layer in reversed(item["layers"])) or "the page"
                    problems.append(f"{where}: text {item['what']} {hex_of(item['fg'])} on {hex_of(bg)} "
                                    f"({behind}): {ratio:.2f}:1 < {TEXT_MIN}:1")
            for item in diagram["lines"]:
                measured += 1
                bg = flatten([layer["colour"] for layer in item["layers"]], page_bg)
                ratio = contrast(item["fg"], bg)
                if ratio < GRAPHIC_MIN:
                    problems.append(f"{where}: {item['kind']} {item['what']} {hex_of(item['fg'])} on {hex_of(bg)}: "
                                    f"{ratio:.2f}:1 < {GRAPHIC_MIN}:1")
    assert measured, "no diagram text or line was measured: are the diagrams still pre-rendered into open shadow roots?"
    assert not problems, f"{len(problems)} diagram contrast problems:\n" + "\n".join(problems)


# --- 3. Keyboard, language, headings, motion --------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(tabs, scheme, width):
    page = open_page(tabs, scheme, width, LONG_PAGE)
    page.keyboard.press("Tab")
    page.evaluate(JS_WAIT_FOR_ANIMATIONS)
    skip = page.evaluate(JS_LIB + """(() => { const el = document.activeElement; const r = el.getBoundingClientRect();
      return {cls: el.className, text: el.textContent.trim(), href: el.getAttribute("href"),
              visible: el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && r.width > 0 && r.top >= 0 && r.bottom <= innerHeight,
              fg: mdx.rgba(getComputedStyle(el).color), layers: mdx.backgrounds(el)}; })()""")
    assert "md-skip" in skip["cls"] and skip["text"] == "Skip to content", f"first Tab focused {skip}, not the skip link"
    assert skip["visible"], "the focused skip link is not visible on screen"
    ratio = contrast(skip["fg"], flatten(skip["layers"]))
    assert ratio >= TEXT_MIN, f"skip link text contrast {ratio:.2f}:1"
    page.keyboard.press("Enter")
    page.evaluate(JS_WAIT_FOR_ANIMATIONS)
    target = page.evaluate("""href => { const t = document.getElementById(decodeURIComponent(href.slice(1)));
      const r = t.getBoundingClientRect(); return {inContent: !!t.closest('.md-content'), hash: location.hash, top: r.top,
      header: document.querySelector('.md-header').getBoundingClientRect().bottom}; }""", skip["href"])
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
    page = open_page(tabs, scheme, width, LONG_PAGE)
    problems, stops = [], []

    def check(direction: str, step: int):
        page.keyboard.press(direction)
        state = page.evaluate(JS_FOCUS_STATE)
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
    page.evaluate("""(() => { const end = document.createElement('span'); end.tabIndex = -1;
      document.body.append(end); end.focus(); window.scrollTo(0, document.body.scrollHeight); })()""")
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
        page = open_page(tabs, "light", width, start)
        # Tab order is DOM order here (no positive tabindex), so every link that can take focus is
        # a tab stop; focus each in turn and see that it shows.
        for state in page.evaluate(JS_NAV_LINKS):
            reached.add(state["url"].lstrip("/"))
            if not state["shown"]:
                hidden.append(f"{start}: {state['what']}")
    assert not hidden, f"{width}px: navigation links focused off screen or invisible: {hidden[:5]}"
    missing = sorted(wanted - reached)
    assert not missing, f"{width}px: no visible navigation tab stop leads to {missing} (started from {starts})"


JS_NAV_LINKS = r"""
(async () => {
  // The drawer slides in on focus (a CSS transition that starts at once): wait for it, if any.
  const wait = () => Promise.all(document.getAnimations().filter(a => a.playState === "running" &&
    Number.isFinite(a.effect.getComputedTiming().endTime)).map(a => a.finished.catch(() => null)));
  const out = [];
  const links = [...document.querySelectorAll(".md-tabs a[href], .md-nav--primary a[href]")]
    .filter(a => a.tabIndex >= 0 && !a.closest("[inert]") && a.checkVisibility({visibilityProperty: true}));
  for (const a of links) {
    a.focus({focusVisible: true});
    if (document.activeElement !== a) continue;    // not focusable after all
    getComputedStyle(a).transform;                 // apply :focus-within now, starting any transition
    await wait();
    const r = a.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = r.width > 0 && y >= 0 && y < innerHeight && x >= 0 && x < innerWidth ? document.elementFromPoint(x, y) : null;
    out.push({url: new URL(a.getAttribute("href"), location.href).pathname, what: a.outerHTML.slice(0, 100),
              shown: !!hit && (a.contains(hit) || hit.contains(a))});
  }
  return out;
})()
"""


def nav_sections():
    from mkdocs.config import load_config
    from conftest import ROOT
    return load_config(str(ROOT / "mkdocs.yml"))["nav"]


def first_page(item):
    value = list(item.values())[0] if isinstance(item, dict) else item
    return first_page(value[0]) if isinstance(value, list) else value


def test_glossary_terms_are_visible_text_without_hovering(tabs, hosted_site):
    page = open_page(tabs, "light", 390, "glossary.md")
    entries = page.evaluate("""(() => [...document.querySelectorAll('.md-content dl > dt')].map(dt => {
      const dd = dt.nextElementSibling; const visible = e => !!e && e.checkVisibility({opacityProperty: true, visibilityProperty: true}) && e.getBoundingClientRect().height > 0;
      return {term: dt.textContent.trim(), definition: dd && dd.tagName === 'DD' ? dd.textContent.trim() : '', visible: visible(dt) && visible(dd)};
    }))()""")
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
    page = open_page(tabs, "light", 1280, src)
    lang, headings = page.evaluate("""(() => [document.documentElement.lang,
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(h => !h.closest('[hidden], [aria-hidden=true]') && h.checkVisibility())
        .map(h => [Number(h.tagName[1]), h.textContent.trim().replace(/\\s*¶$/, '').slice(0, 60)])])()""")
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
        open_page(tabs, "light", width, LONG_PAGE)
        durations = page.evaluate("""(() => {
          const seconds = v => Math.max(...v.split(',').map(s => s.trim().endsWith('ms') ? parseFloat(s) / 1000 : parseFloat(s)));
          const out = {};
          for (const sel of ['.md-header', '.md-sidebar', '.md-sidebar--primary', '.md-tabs', '.md-search__inner', '.md-top', '.md-nav__link', '.md-typeset details', '.md-skip']) {
            const el = document.querySelector(sel);
            if (!el) continue;
            const s = getComputedStyle(el);
            out[sel] = [seconds(s.transitionDuration), seconds(s.animationDuration), s.scrollBehavior || ''];
          }
          out.html = [0, 0, getComputedStyle(document.documentElement).scrollBehavior];
          return out; })()""")
    finally:
        page.emulate_media(reduced_motion="no-preference")
    slow = {sel: v for sel, v in durations.items() if v[0] > 0.01 or v[1] > 0.01 or v[2] == "smooth"}
    assert len(durations) >= 5 and not slow, f"{width}px with reduced motion: still moving: {slow}"
