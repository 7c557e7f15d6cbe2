"""The one Mermaid driver: a headless Chromium page with the vendored Mermaid, drawing diagrams.

Both the build (hooks/diagrams/prerender.py, which ships each diagram as inline SVG) and the fast
check (`make check`, scripts/check.py) draw through `Mermaid.render`, with the same Mermaid file
(docs/assets/vendor/manifest.json), the same settings (hooks/inventory.py, plus Material's theme
CSS) and the same error handling, so a diagram the check passes is a diagram the build can draw.

    with Mermaid(root) as mermaid:
        results = mermaid.render(["flowchart LR\\n A --> B"])           # [Rendered(svg=..., error=None)]
        narrow = mermaid.render(texts, {"flowchart": {"nodeSpacing": 20}})  # a second layout, other settings

`render` never raises for a bad diagram: each result has either `svg` or `error` (Mermaid's full
message); hooks/inventory.py finds the diagrams and turns errors into `path:line` problems.
Chromium (hooks/chromium.py) starts once per `Mermaid`; every network request is refused.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from hooks.diagrams import chromium, inventory

# Material's theme CSS colours `#arrowhead`, but Mermaid 11 prefixes marker ids with the diagram's
# id (`mdx-diagram-1-arrowhead`), so sequence arrowheads would keep Mermaid's #333: 1.25:1 on the
# dark scheme's background. This rule restores the theme colour in both schemes.
MARKER_FIX = ('[id$="-arrowhead"] path,[id$="-crosshead"] path{'
              'fill:var(--md-mermaid-sequence-message-line-color)!important;'
              'stroke:var(--md-mermaid-sequence-message-line-color)!important}')


class MermaidError(Exception):
    """Chromium or the vendored Mermaid could not be started (not a problem in a diagram)."""


@dataclass
class Rendered:
    svg: str | None = None
    error: str | None = None      # Mermaid's full message, lines joined (hooks/inventory.one_line)
    stage: str = ""               # "parse" or "render" when there is an error


# --- What the page needs ---------------------------------------------------------------------

def theme_css() -> str:
    """Material's Mermaid theme CSS (read from its installed bundle so the look matches), plus MARKER_FIX."""
    import material
    bundle = next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    match = re.search(r'"(\.node circle,[^"]*flowchartTitleText[^"]*)"', bundle.read_text(encoding="utf-8"))
    if not match:
        raise MermaidError("Material's Mermaid theme CSS not found in its bundle; hooks/diagrams/mermaid.py "
                           "needs updating for the installed Material version")
    return match.group(1) + MARKER_FIX


def mermaid_file(root: Path) -> Path:
    """The vendored Mermaid the site ships, from docs/assets/vendor/manifest.json."""
    manifest = json.loads((Path(root) / "docs/assets/vendor/manifest.json").read_text(encoding="utf-8"))
    return Path(root) / manifest["assets"]["mermaid"]["path"]


# --- The driver ----------------------------------------------------------------------------

_RENDER = """
async ([sources, settings, prefix]) => {
  mermaid.initialize(settings);
  const text = (error) => String(error && (error.message || error.str) || error);
  const results = [];
  for (const [index, source] of sources.entries()) {
    const id = `${prefix}${index}`;
    try {
      await mermaid.parse(source);
    } catch (error) {
      results.push({stage: "parse", error: text(error)});
      continue;
    }
    try {
      const {svg} = await mermaid.render(id, source);
      results.push(svg && svg.includes("<svg") ? {svg} : {stage: "render", error: "render returned no SVG"});
    } catch (error) {
      results.push({stage: "render", error: text(error)});
    }
    for (const leftover of document.querySelectorAll(`#${id}, #d${id}, #i${id}`)) leftover.remove();
  }
  return results;
}
"""


class Mermaid:
    """One headless Chromium page with the vendored Mermaid loaded; reuse it for every diagram.

    Pass `browser` (a Playwright Browser) to borrow one, as the tests do; otherwise Chromium is
    started on first use and stopped by `close()` (or the `with` block).
    """

    def __init__(self, root: Path, browser=None, theme: bool = True):
        self.root = Path(root)
        self._theme = theme
        self._browser = browser
        self._own = None          # (playwright, browser) when we started them
        self._context = None
        self._page = None
        self._css = ""

    def __enter__(self) -> "Mermaid":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def render(self, sources: list[str], overrides: dict | None = None, id_prefix: str = "mdx-diagram-") -> list[Rendered]:
        """Render each source with SETTINGS (plus `overrides`); one result per source, in order."""
        if not sources:
            return []
        page = self.start()
        raw = page.evaluate(_RENDER, [list(sources), inventory.settings(overrides, self._css), id_prefix])
        return [Rendered(svg=r.get("svg"), error=inventory.one_line(r["error"]) if "error" in r else None,
                         stage=r.get("stage", "")) for r in raw]

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
        if self._own is not None:
            chromium.stop(*self._own)
        self._own = self._context = self._page = None

    def start(self):
        """Start Chromium and load Mermaid now (else the first `render` does); raises MermaidError."""
        if self._page is not None:
            return self._page
        script = mermaid_file(self.root)
        if self._theme:
            self._css = theme_css()
        browser = self._browser or self._launch()
        self._context = browser.new_context()
        self._context.route("**/*", lambda route: route.abort())       # nothing from the network, ever
        page = self._context.new_page()
        page.set_content("<!doctype html><html><head><title>diagrams</title></head><body></body></html>")
        page.add_script_tag(content=script.read_text(encoding="utf-8"))
        if not page.evaluate("typeof mermaid !== 'undefined' && typeof mermaid.render === 'function'"):
            raise MermaidError(f"{script} did not define a global `mermaid`")
        self._page = page
        return page

    def _launch(self):
        try:
            self._own = chromium.launch("to draw diagrams")
        except chromium.ChromiumError as error:
            raise MermaidError(str(error)) from error
        return self._own[1]
