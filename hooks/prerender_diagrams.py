"""Pre-render diagrams: replace each Mermaid fence with an inline SVG at build time.

Why: on a phone, running Mermaid in the browser costs ~0.7 MB of script and seconds of main-thread
work on every diagram page (see BENCHMARKS.md). Here the same vendored Mermaid renders each
diagram once, in headless Chromium, with Material's own theme CSS, so the published pages ship
finished SVGs and no Mermaid at all. The drawing is done by hooks/_mermaid.py, the one driver
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
from pathlib import Path

from mkdocs.exceptions import PluginError

from hooks import _datafiles, _mermaid
from hooks._common import report, source_path

log = logging.getLogger("mkdocs.plugins.hooks.prerender_diagrams")

_FENCE = re.compile(r'<pre class="mermaid"><code>(?P<code>.*?)</code></pre>', re.S)
_MERMAID_SCRIPTS = re.compile(r'<script src="[^"]*mermaid[^"]*\.js"></script>(<script>window\.mermaidConfig = .*?</script>)?', re.S)
_STATE: dict = {"command": None, "driver": None, "data": None, "sources": {}}


# --- Hooks ---------------------------------------------------------------------------------

def on_startup(command, dirty):
    _STATE["command"] = command


def on_page_markdown(markdown, page, config, files):
    """Remember where each of the page's diagrams is in its source, for messages with a line."""
    if enabled(config):
        if _STATE["data"] is None:
            root = Path(config.config_file_path).resolve().parent
            _STATE["data"] = {name: _datafiles.load(root, name)[0] for name in _datafiles.DATA_FILES}
        _STATE["sources"][page.file.src_uri] = _mermaid.diagrams_in(
            source_path(page, config), page.file.content_string, _STATE["data"])
    return markdown


def on_post_page(output, page, config):
    if not enabled(config) or '<pre class="mermaid">' not in output:
        return output
    texts = [html.unescape(m["code"]) for m in _FENCE.finditer(output)]
    known = _STATE["sources"].get(page.file.src_uri, [])
    diagrams = locate(texts, known, f"docs/{page.file.src_uri}")
    results = _driver(config).render(texts)
    report(log, [p for d, r in zip(diagrams, results) if (p := _mermaid.problem_for(d, r))])
    return replace_fences(output, results)


def on_post_build(config):
    _close()


def on_shutdown():
    _close()


# --- Helpers -------------------------------------------------------------------------------

def enabled(config) -> bool:
    return _STATE["command"] != "serve" and bool(config.extra.get("prerender_diagrams", False))


def locate(texts: list[str], known: list[_mermaid.Diagram], path: str) -> list[_mermaid.Diagram]:
    """Pair each diagram found in the HTML with its source diagram (same text, in order);
    one that matches none is placed at line 1 of the page."""
    remaining = list(known)
    found = []
    for text in texts:
        match = next((d for d in remaining if d.text.strip() == text.strip()), None)
        if match is not None:
            remaining.remove(match)
        found.append(match or _mermaid.Diagram(path, 1, text))
    return found


def replace_fences(output: str, results: list[_mermaid.Rendered]) -> str:
    """Swap each mermaid <pre> for its SVG in a declarative shadow root; drop Mermaid's scripts."""
    svgs = iter(results)

    def swap(match):
        result = next(svgs)
        if result.svg is None:
            return match.group(0)
        return f'<div class="mermaid mdx-diagram"><template shadowrootmode="open">{result.svg}</template></div>'

    output = _FENCE.sub(swap, output)
    if '<pre class="mermaid">' not in output:
        output = _MERMAID_SCRIPTS.sub("", output)
    return output


def _driver(config) -> _mermaid.Mermaid:
    """One Chromium page with the vendored Mermaid, started on the first diagram, reused for the build."""
    if _STATE["driver"] is None:
        _STATE["driver"] = _mermaid.Mermaid(Path(config.config_file_path).resolve().parent)
    try:
        _STATE["driver"].start()
    except _mermaid.MermaidError as error:
        _close()
        raise PluginError(f"prerender_diagrams: {error}; or set PRERENDER_DIAGRAMS=false to ship "
                          "client-side rendering") from error
    return _STATE["driver"]


def _close():
    if _STATE["driver"] is not None:
        _STATE["driver"].close()
    _STATE.update(driver=None, data=None, sources={})
