"""Pre-render diagrams: replace each Mermaid fence with an inline SVG at build time.

Why: on a phone, running Mermaid in the browser costs ~0.7 MB of script and seconds of main-thread
work on every diagram page (see BENCHMARKS.md). Here the same vendored Mermaid renders each
diagram once, in headless Chromium, with Material's own theme CSS, so the published pages ship
finished SVGs and no Mermaid at all.

How: for `mkdocs build` (not `mkdocs serve`, which keeps mermaid2's client-side rendering for
quick previews) and when `extra.prerender_diagrams` is true, every `<pre class="mermaid">` that
mermaid2's fence produced becomes
    <div class="mermaid mdx-diagram"><template shadowrootmode="open"><svg ...></template></div>
a declarative shadow root, as Material's own rendering uses a shadow root: page styles stay out
of the diagram, while the theme's CSS variables (light and dark palettes) still reach it.
accTitle/accDescr become the SVG's <title>/<desc>. The Mermaid script tags are then dropped.
A diagram Mermaid cannot render is logged as a warning naming the page, so --strict fails.
"""
from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.hooks.prerender_diagrams")

_FENCE = re.compile(r'<pre class="mermaid"><code>(?P<code>.*?)</code></pre>', re.S)
_MERMAID_SCRIPTS = re.compile(r'<script src="[^"]*mermaid[^"]*\.js"></script>(<script>window\.mermaidConfig = .*?</script>)?', re.S)
_STATE: dict = {"command": None, "browser": None, "playwright": None}


# --- Hooks ---------------------------------------------------------------------------------

def on_startup(command, dirty):
    _STATE["command"] = command


def on_post_page(output, page, config):
    if not enabled(config) or '<pre class="mermaid">' not in output:
        return output
    sources = [html.unescape(m["code"]) for m in _FENCE.finditer(output)]
    results = _render(config, sources)
    for index, result in enumerate(results):
        if "error" in result:
            log.warning("%s: diagram %d could not be pre-rendered: %s (run scripts/check_diagrams.py for its line)",
                        f"docs/{page.file.src_uri}", index + 1, result["error"])
    return replace_fences(output, results)


def on_post_build(config):
    _close()


def on_shutdown():
    _close()


# --- Helpers -------------------------------------------------------------------------------

def enabled(config) -> bool:
    return _STATE["command"] != "serve" and bool(config.extra.get("prerender_diagrams", False))


def replace_fences(output: str, results: list[dict]) -> str:
    """Swap each mermaid <pre> for its SVG in a declarative shadow root; drop Mermaid's scripts."""
    svgs = iter(results)

    def swap(match):
        result = next(svgs)
        if "svg" not in result:
            return match.group(0)
        return f'<div class="mermaid mdx-diagram"><template shadowrootmode="open">{result["svg"]}</template></div>'

    output = _FENCE.sub(swap, output)
    if '<pre class="mermaid">' not in output:
        output = _MERMAID_SCRIPTS.sub("", output)
    return output


# Material's theme CSS colours `#arrowhead`, but Mermaid 11 prefixes marker ids with the diagram's
# id (`mdx-diagram-1-arrowhead`), so sequence arrowheads would keep Mermaid's #333: 1.25:1 on the
# dark scheme's background. This rule restores the theme colour in both schemes.
MARKER_FIX = ('[id$="-arrowhead"] path,[id$="-crosshead"] path{'
              'fill:var(--md-mermaid-sequence-message-line-color)!important;'
              'stroke:var(--md-mermaid-sequence-message-line-color)!important}')


def theme_css() -> str:
    """Material's Mermaid theme CSS (read from its installed bundle so the look matches), plus MARKER_FIX."""
    import material
    bundle = next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    match = re.search(r'"(\.node circle,[^"]*flowchartTitleText[^"]*)"', bundle.read_text(encoding="utf-8"))
    if not match:
        raise PluginError("prerender_diagrams: Material's Mermaid theme CSS not found in its bundle; "
                          "this hook needs updating for the installed Material version")
    return match.group(1) + MARKER_FIX


def mermaid_path(config) -> Path:
    manifest = Path(config.docs_dir) / "assets/vendor/manifest.json"
    entry = json.loads(manifest.read_text(encoding="utf-8"))["assets"]["mermaid"]
    return Path(config.config_file_path).parent / entry["path"]


_RENDER_ALL = """
async ([sources, themeCSS]) => {
  mermaid.initialize({startOnLoad: false, securityLevel: "strict", themeCSS,
                      sequence: {actorFontSize: "16px", messageFontSize: "16px", noteFontSize: "16px"}});
  const results = [];
  for (const [index, source] of sources.entries()) {
    try {
      const {svg} = await mermaid.render(`mdx-diagram-${index}`, source);
      results.push({svg});
    } catch (error) {
      results.push({error: String(error && error.message || error).split("\\n")[0]});
    }
  }
  return results;
}
"""


def _render(config, sources: list[str]) -> list[dict]:
    page = _page(config)
    return page.evaluate(_RENDER_ALL, [sources, _STATE["theme_css"]])


def _page(config):
    """One headless Chromium page with the vendored Mermaid loaded, reused for the whole build."""
    if _STATE["browser"] is None:
        import os
        import shutil
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise PluginError("prerender_diagrams: Playwright is missing; run `make build` (it installs requirements.txt)") from error
        executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
        _STATE["playwright"] = sync_playwright().start()
        try:
            _STATE["browser"] = _STATE["playwright"].chromium.launch(
                executable_path=executable,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                      "--disable-sync", "--no-first-run"])
        except Exception as error:
            _close()
            raise PluginError("prerender_diagrams: cannot start Chromium to pre-render diagrams; install Debian's "
                              "`chromium` package (or set CHROMIUM_PATH), or set PRERENDER_DIAGRAMS=false "
                              f"to ship client-side rendering: {error}") from error
        page = _STATE["browser"].new_page()
        page.route("**/*", lambda route: route.abort())        # nothing from the network, ever
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(content=mermaid_path(config).read_text(encoding="utf-8"))
        _STATE["page"] = page
        _STATE["theme_css"] = theme_css()
    return _STATE["page"]


def _close():
    if _STATE.get("browser"):
        _STATE["browser"].close()
    if _STATE.get("playwright"):
        _STATE["playwright"].stop()
    _STATE.update(browser=None, playwright=None, page=None)
