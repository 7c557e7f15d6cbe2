"""The one Mermaid driver: render and check diagrams with the vendored Mermaid in headless Chromium.

Both the build (hooks/prerender_diagrams.py, which ships each diagram as inline SVG) and the fast
check (`make check`, scripts/check.py) go through `Mermaid.render`, with the same Mermaid file
(docs/assets/vendor/manifest.json), the same settings (SETTINGS plus Material's theme CSS) and
the same error handling, so a diagram the check passes is a diagram the build can draw.

    with Mermaid(root) as mermaid:
        results = mermaid.render(["flowchart LR\\n A --> B"])           # [Rendered(svg=..., error=None)]
        narrow = mermaid.render(texts, {"flowchart": {"nodeSpacing": 20}})  # a second layout, other settings

`render` never raises for a bad diagram: each result has either `svg` or `error` (Mermaid's full
message). `check` and `problem_for` turn errors into `path:line: Mermaid cannot parse this diagram: ...`
at the line inside the fence that Mermaid names. Chromium starts once per `Mermaid` and every
network request is refused.
"""
from __future__ import annotations

import copy
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from hooks._common import Problem

FIX = "fix the syntax; try it at the Mermaid live editor, https://mermaid.live"
EMPTY_FIX = "write the diagram or delete the fence"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# The one set of settings. securityLevel stays "strict" (no HTML, no click callbacks); the
# sequence-diagram text is 16 px so it stays legible when a wide diagram is scaled down.
SETTINGS = {
    "startOnLoad": False,
    "securityLevel": "strict",
    "sequence": {"actorFontSize": "16px", "messageFontSize": "16px", "noteFontSize": "16px"},
}

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
    error: str | None = None      # Mermaid's full message, lines joined (see `one_line`)
    stage: str = ""               # "parse" or "render" when there is an error


@dataclass
class Diagram:
    """One diagram's text and where it came from, so errors can name the file and line."""
    path: str                     # docs/..., relative to the project root
    line: int                     # the opening fence (or the `<!-- render: ... -->` marker)
    text: str
    lines: list[int] = field(default_factory=list)   # file line of each line of `text`
    origin: str = ""              # "" for a fence in the page, else what built it


# --- Settings ------------------------------------------------------------------------------

def settings(overrides: dict | None = None, theme_css: str = "") -> dict:
    """SETTINGS with `overrides` merged in (one level deep per key) and the theme CSS."""
    merged = copy.deepcopy(SETTINGS)
    for key, value in (overrides or {}).items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    if theme_css:
        merged["themeCSS"] = theme_css
    return merged


def theme_css() -> str:
    """Material's Mermaid theme CSS (read from its installed bundle so the look matches), plus MARKER_FIX."""
    import material
    bundle = next((Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    match = re.search(r'"(\.node circle,[^"]*flowchartTitleText[^"]*)"', bundle.read_text(encoding="utf-8"))
    if not match:
        raise MermaidError("Material's Mermaid theme CSS not found in its bundle; hooks/_mermaid.py "
                           "needs updating for the installed Material version")
    return match.group(1) + MARKER_FIX


def mermaid_file(root: Path) -> Path:
    """The vendored Mermaid the site ships, from docs/assets/vendor/manifest.json."""
    manifest = json.loads((Path(root) / "docs/assets/vendor/manifest.json").read_text(encoding="utf-8"))
    return Path(root) / manifest["assets"]["mermaid"]["path"]


def chromium_executable() -> str | None:
    """CHROMIUM_PATH, else the system `chromium`; None lets Playwright use its own download."""
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


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
        raw = page.evaluate(_RENDER, [list(sources), settings(overrides, self._css), id_prefix])
        return [Rendered(svg=r.get("svg"), error=one_line(r["error"]) if "error" in r else None,
                         stage=r.get("stage", "")) for r in raw]

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
        if self._own is not None:
            playwright, browser = self._own
            browser.close()
            playwright.stop()
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
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise MermaidError("Playwright is missing; run `make check` or `make build`, which install it") from error
        playwright = sync_playwright().start()
        try:
            browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        except Exception as error:
            playwright.stop()
            raise MermaidError("cannot start Chromium to draw diagrams; install Debian's `chromium` package "
                               f"(or set CHROMIUM_PATH): {error}") from error
        self._own = (playwright, browser)
        return browser


# --- Errors as problems --------------------------------------------------------------------

def one_line(error: str) -> str:
    """Mermaid's whole message on one line: its lines joined, the `----^` pointer line dropped."""
    lines = [line.strip() for line in str(error).strip().splitlines()]
    kept = [line for line in lines if line and not re.fullmatch(r"-*\^", line)]
    return " ".join(kept) or "unknown error"


def error_line(diagram: Diagram, error: str) -> tuple[int, bool]:
    """The file line Mermaid's "line N" points at, inside the fence (else the fence's first line),
    and whether it is an unclosed quote. Mermaid reads an unclosed quote on to the next `"` and
    names the line where it gives up; the first line up to there with an odd number of `"` is
    where the quote was opened, so that line is the one to fix."""
    match = re.search(r"\bline (\d+)", error)
    if not (match and diagram.lines and 1 <= int(match[1]) <= len(diagram.lines)):
        return diagram.line, False
    named = int(match[1])
    for index, text in enumerate(diagram.text.splitlines()[:named]):
        if text.count('"') % 2 and index < len(diagram.lines):
            return diagram.lines[index], True
    return diagram.lines[named - 1], False


def problem_for(diagram: Diagram, result: Rendered) -> Problem | None:
    """`path:line: Mermaid cannot parse this diagram: <Mermaid's message> (fix)`, or None if it drew."""
    if result.error is None:
        return None
    verb = "parse" if result.stage == "parse" else "render"
    where = f" ({diagram.origin})" if diagram.origin else ""
    line, unclosed = error_line(diagram, result.error)
    fix = f"close the quote on this line; {FIX}" if unclosed else FIX
    return Problem(diagram.path, line, f"Mermaid cannot {verb} this diagram{where}: {result.error}", fix)


def project_diagrams(root: Path) -> list[Diagram]:
    """Every diagram in docs/**/*.md, including those built from data/*.yml, in file order."""
    from hooks import _datafiles
    root = Path(root)
    data = {name: _datafiles.load(root, name)[0] for name in _datafiles.DATA_FILES}
    found = []
    for page in sorted((root / "docs").rglob("*.md")):
        found += diagrams_in(page.relative_to(root).as_posix(), page.read_text(encoding="utf-8"), data)
    return found


def check(mermaid: Mermaid, diagrams: list[Diagram]) -> list[Problem]:
    """Every diagram Mermaid cannot parse or render (an empty one without starting Chromium)."""
    problems, drawable = [], []
    for diagram in diagrams:
        if diagram.text.strip():
            drawable.append(diagram)
        else:
            problems.append(Problem(diagram.path, diagram.line, "empty Mermaid diagram", EMPTY_FIX))
    for diagram, result in zip(drawable, mermaid.render([d.text for d in drawable], id_prefix="check-diagram-")):
        problem = problem_for(diagram, result)
        if problem:
            problems.append(problem)
    return sorted(problems, key=lambda p: (p.path, p.line))


# --- Finding diagrams ----------------------------------------------------------------------

_MARKER = re.compile(r"^<!--\s*render:")


def diagrams_in(path: str, source: str, data: dict | None = None) -> list[Diagram]:
    """Every Mermaid diagram on a page, in page order: its ```mermaid fences, and the diagrams
    that `<!-- render: ... -->` markers build from `data` (hooks/shared_data.py), at the marker's line."""
    from hooks._common import scan
    result = scan(source)
    found: list[tuple[int, list[Diagram]]] = []
    for fence in result.fences:
        if fence.lang == "mermaid":
            body = [(n, _dedent(t, fence.indent)) for n, t in fence.body]
            found.append((fence.start, [Diagram(path, fence.start, "\n".join(t for _, t in body), [n for n, _ in body])]))
    markers = [(n, t.strip()) for n, t in result.prose if _MARKER.match(t.strip())]
    if markers and data is not None:
        from hooks import shared_data
        for number, text in markers:
            rendered, _ = shared_data.render_markers(path, text, data)
            built = [Diagram(path, number, "\n".join(t for _, t in fence.body), origin=f"built from data by '{text}'")
                     for fence in scan(rendered).fences if fence.lang == "mermaid"]
            found.append((number, built))
    return [d for _, group in sorted(found, key=lambda item: item[0]) for d in group]


def _dedent(text: str, indent: str) -> str:
    return text[len(indent):] if text.startswith(indent) else text.lstrip()
