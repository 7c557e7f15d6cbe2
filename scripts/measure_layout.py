#!/usr/bin/env python3
"""Measure how each page reads at a phone and a laptop width: python scripts/measure_layout.py SITE_DIR.

For every built page (SITE_DIR is a hosted build, e.g. `mkdocs build -d /tmp/site`), at 390x844 and
1280x800, in headless Chromium with all network refused, it records:
- the page's scroll width against the window (sideways scrolling);
- each diagram that is shown at that width: its column width, its drawn width, and the smallest
  label font size on screen (computed font-size times the SVG's scale on screen);
- each table's width against its column;
- the text size inside content boxes (admonitions) against body text;
- the page height, in screens.
Prints a table, or JSON with --json. tests/browser/test_layout.py runs the same measurement (MEASURE) and
turns the numbers into pass/fail; this script is for looking and for before/after reports.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import threading
from pathlib import Path

from hooks.diagrams import chromium

VIEWPORTS = {"phone": (390, 844), "laptop": (1280, 800)}

# One page's measurements. Only what is displayed counts (a diagram shown only at the other width
# has no box); collapsed <details> are opened first, so diagrams inside them are measured too.
MEASURE = """
() => {
  for (const d of document.querySelectorAll(".md-content details")) d.open = true;
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const px = (el) => parseFloat(getComputedStyle(el).fontSize);
  const article = document.querySelector(".md-content__inner");
  const column = article ? article.clientWidth - parseFloat(getComputedStyle(article).paddingLeft)
                              - parseFloat(getComputedStyle(article).paddingRight) : innerWidth;
  const diagrams = [...document.querySelectorAll(".md-content .mermaid")].filter(shown).map((host, index) => {
    const root = host.shadowRoot || host;
    const svg = root.querySelector("svg");
    if (!svg) return {index, error: "no svg"};
    const box = svg.getBoundingClientRect();
    let smallest = Infinity, smallestText = "";
    const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || el.closest("title, desc, style")) continue;
      if (!shown(el)) continue;
      const graphic = el instanceof SVGGraphicsElement ? el : el.closest("foreignObject");
      const ctm = graphic && graphic.getScreenCTM();
      if (!ctm) continue;
      const size = px(el) * Math.hypot(ctm.a, ctm.b);
      if (size < smallest) { smallest = size; smallestText = node.textContent.trim().slice(0, 40); }
    }
    const title = svg.querySelector(":scope > title");
    return {index, title: title ? title.textContent.trim() : "", column: host.clientWidth,
            width: Math.round(box.width), height: Math.round(box.height),
            overflow: Math.max(0, Math.round(box.right - host.getBoundingClientRect().right),
                               host.scrollWidth - host.clientWidth),
            label_px: smallest === Infinity ? null : Math.round(smallest * 10) / 10, smallest_label: smallestText,
            variant: host.getAttribute("data-mdx-variant") || ""};
  });
  const tables = [...document.querySelectorAll(".md-content table")].filter(shown).map((table, index) => {
    const wrap = table.closest(".md-typeset__scrollwrap") || table.parentElement;
    return {index, column: Math.round(column), width: Math.round(table.getBoundingClientRect().width),
            scrolls: wrap.scrollWidth > wrap.clientWidth + 1};
  });
  // Body text: a plain paragraph outside the boxes, or, on a page whose text is all in boxes, the article's own size.
  const body = [...document.querySelectorAll(".md-content .md-typeset > p:not([class])")].find(shown)
               || document.querySelector(".md-content .md-typeset");
  // Box text, leaving out a chart's note under its figure (a caption, smaller by design; its labels are checked apart).
  const boxed = [...document.querySelectorAll(".md-content .admonition p, .md-content details p, .md-content .admonition li, .md-content details li")]
                .filter((el) => shown(el) && !el.closest("figure") && !el.closest(".footnote"));   // nor the notes' quoted words
  const boxSizes = [...new Set(boxed.map(px))];
  return {
    scroll_width: document.documentElement.scrollWidth, window_width: innerWidth,
    height: document.documentElement.scrollHeight, screens: Math.round(document.documentElement.scrollHeight / innerHeight * 10) / 10,
    column: Math.round(column), body_px: body ? px(body) : null,
    box_px: boxSizes.length ? Math.min(...boxSizes) : null,
    diagrams, tables,
  };
}
"""


def pages(site: Path) -> list[str]:
    """Every page of a hosted build, as URL paths ('' for the home page)."""
    found = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).parent.as_posix()
        if rel.startswith(("assets", "search")) or (path.parent / "404.html").exists() and rel == "404":
            continue
        found.append("" if rel == "." else rel + "/")
    return found


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass          # the browser moved on before a file was sent: not a problem here


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure_site(site: Path, browser, scheme: str = "light") -> dict:
    """{viewport name: {page path: measurements}}."""
    server, base = serve(site)
    results: dict = {}
    try:
        for name, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                          service_workers="block")
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                          else route.abort())
            page = context.new_page()
            results[name] = {}
            for path in pages(site):
                page.goto(base + path, wait_until="load")
                results[name][path] = page.evaluate(MEASURE)
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    return results


def print_table(results: dict) -> None:
    for name, by_page in results.items():
        print(f"\n== {name} {VIEWPORTS[name][0]}x{VIEWPORTS[name][1]} ==")
        for path, m in by_page.items():
            print(f"/{path}: scroll {m['scroll_width']}/{m['window_width']} px, height {m['height']} px "
                  f"({m['screens']} screens), body {m['body_px']} px, boxes {m['box_px']} px")
            for d in m["diagrams"]:
                print(f"   diagram {d['index'] + 1} {d.get('title', '')[:50]!r}{' [' + d['variant'] + ']' if d.get('variant') else ''}: "
                      f"{d.get('width')} px drawn in a {d.get('column')} px column (overflow {d.get('overflow')}), "
                      f"{d.get('height')} px tall, smallest label {d.get('label_px')} px ({d.get('smallest_label')!r})")
            for t in m["tables"]:
                if t["width"] > t["column"] or t["scrolls"]:
                    print(f"   table {t['index'] + 1}: {t['width']} px in a {t['column']} px column (scrolls: {t['scrolls']})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="a hosted build (mkdocs build -d DIR)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--scheme", default="light", choices=("light", "dark"))
    args = parser.parse_args(argv)
    with chromium.browser("to measure the layout") as browser:
        results = measure_site(args.site, browser, args.scheme)
    if args.json:
        json.dump(results, sys.stdout, indent=1)
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
