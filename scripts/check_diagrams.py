#!/usr/bin/env python3
"""Check that Mermaid can parse and render every diagram: python scripts/check_diagrams.py [ROOT].

Every ```mermaid fence in docs/**/*.md, and every diagram a `<!-- render: ... -->` marker builds
from data/*.yml (hooks/shared_data.py), goes through the exact Mermaid file the site ships
(its path is in docs/assets/vendor/manifest.json), loaded alone into a blank headless Chromium
page with all network requests refused. For each diagram it runs `mermaid.parse` and then
`mermaid.render`, with securityLevel "strict". One line per problem, in the project's format:

    docs/report/sanctions.md:42: Mermaid cannot parse this diagram: Parse error on line 3: ... (fix ...)

The line is the line Mermaid complains about when it names one, else the fence's opening line.
Exit status 1 when there is any problem. Needs Playwright and a Chromium (the system `chromium`,
or CHROMIUM_PATH). Tests call `check(root, browser)` with their own Playwright browser.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = "fix the syntax; try it at the Mermaid live editor, https://mermaid.live"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass
class Diagram:
    path: str            # docs/..., relative to the project root
    line: int            # line of the opening fence (or of the render marker)
    lines: list[int]     # file line of each line of `text` (for mapping Mermaid's "line N")
    text: str
    origin: str = ""     # "" for a fence in the page; else what generated it


_HOOK_MODULES = ("_common", "_datafiles", "shared_data")


@contextlib.contextmanager
def _project_hooks(root: Path):
    """Import ROOT/hooks' helpers by name (as MkDocs does), then put sys.path and sys.modules back."""
    saved_path = list(sys.path)
    saved = {name: sys.modules.pop(name) for name in _HOOK_MODULES if name in sys.modules}
    sys.path.insert(0, str(root / "hooks"))
    try:
        yield
    finally:
        sys.path[:] = saved_path
        for name in _HOOK_MODULES:
            sys.modules.pop(name, None)
        sys.modules.update(saved)


def diagrams(root: Path) -> list[Diagram]:
    """Every Mermaid diagram in docs/, with its file and line."""
    with _project_hooks(root):
        return _diagrams(root)


def _diagrams(root: Path) -> list[Diagram]:
    import _common
    found: list[Diagram] = []
    data = None
    for md in sorted((root / "docs").rglob("*.md")):
        rel = md.relative_to(root).as_posix()
        result = _common.scan(md.read_text(encoding="utf-8"))
        for fence in result.fences:
            if fence.lang != "mermaid":
                continue
            body = [(n, _dedent(t, fence.indent)) for n, t in fence.body]
            found.append(Diagram(rel, fence.start, [n for n, _ in body], "\n".join(t for _, t in body)))
        markers = [(n, t) for n, t in result.prose if re.match(r"^<!--\s*render:", t.strip())]
        if markers:
            import shared_data
            if data is None:
                import _datafiles
                data = {name: _datafiles.load(root, name)[0] for name in _datafiles.DATA_FILES}
            for number, text in markers:
                rendered, _ = shared_data.render_markers(rel, text.strip(), data)
                for fence in _common.scan(rendered).fences:
                    if fence.lang == "mermaid":
                        found.append(Diagram(rel, number, [number] * len(fence.body),
                                             "\n".join(t for _, t in fence.body),
                                             origin=f"built from data by '{text.strip()}'"))
    return found


def _dedent(text: str, indent: str) -> str:
    return text[len(indent):] if text.startswith(indent) else text.lstrip()


def mermaid_file(root: Path) -> Path:
    manifest = json.loads((root / "docs/assets/vendor/manifest.json").read_text(encoding="utf-8"))
    return root / manifest["assets"]["mermaid"]["path"]


_CHECK_ALL = """
async (sources) => {
  mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
  const first = (error) => String(error && (error.message || error.str) || error);
  const results = [];
  for (const [index, source] of sources.entries()) {
    const id = `check-diagram-${index}`;
    try {
      await mermaid.parse(source);
    } catch (error) {
      results.push({stage: "parse", error: first(error)});
      continue;
    }
    try {
      const {svg} = await mermaid.render(id, source);
      results.push(svg && svg.includes("<svg") ? {} : {stage: "render", error: "render returned no SVG"});
    } catch (error) {
      results.push({stage: "render", error: first(error)});
    }
    for (const leftover of document.querySelectorAll(`#${id}, #d${id}, #i${id}`)) leftover.remove();
  }
  return results;
}
"""


def _message(error: str) -> str:
    """Mermaid's first error line; when that line only introduces the details, add the last one."""
    lines = [line.strip() for line in error.strip().splitlines() if line.strip()]
    if not lines:
        return "unknown error"
    message = lines[0]
    if message.endswith(":") and len(lines) > 1:
        message += " " + lines[-1]
    return message


def _line(diagram: Diagram, error: str) -> int:
    match = re.search(r"\bline (\d+)", error)
    if match and not diagram.origin and 1 <= int(match[1]) <= len(diagram.lines):
        return diagram.lines[int(match[1]) - 1]
    return diagram.line


def check(root: Path = ROOT, browser=None) -> list[str]:
    """Problem lines (`path:line: message (fix)`) for every diagram Mermaid cannot parse or render."""
    root = Path(root)
    found = diagrams(root)
    problems: list[tuple[str, int, str]] = []
    to_check = []
    for diagram in found:
        if not diagram.text.strip():
            problems.append((diagram.path, diagram.line, "empty Mermaid diagram (write the diagram or delete the fence)"))
        else:
            to_check.append(diagram)
    if to_check:
        results = _run(mermaid_file(root), [d.text for d in to_check], browser)
        for diagram, result in zip(to_check, results):
            if "error" not in result:
                continue
            verb = "parse" if result["stage"] == "parse" else "render"
            where = f" ({diagram.origin})" if diagram.origin else ""
            problems.append((diagram.path, _line(diagram, result["error"]),
                             f"Mermaid cannot {verb} this diagram{where}: {_message(result['error'])} ({FIX})"))
    return [f"{path}:{line}: {text}" for path, line, text in sorted(problems, key=lambda p: (p[0], p[1]))]


def _run(script: Path, sources: list[str], browser=None) -> list[dict]:
    if browser is not None:
        return _in_browser(browser, script, sources)
    from playwright.sync_api import sync_playwright
    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as playwright:
        own = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            return _in_browser(own, script, sources)
        finally:
            own.close()


def _in_browser(browser, script: Path, sources: list[str]) -> list[dict]:
    context = browser.new_context()
    try:
        context.route("**/*", lambda route: route.abort())       # no network, ever
        page = context.new_page()
        page.set_content("<!doctype html><html><head><title>check</title></head><body></body></html>")
        page.add_script_tag(content=script.read_text(encoding="utf-8"))
        if not page.evaluate("typeof mermaid !== 'undefined' && typeof mermaid.render === 'function'"):
            raise RuntimeError(f"{script} did not define a global `mermaid`")
        return page.evaluate(_CHECK_ALL, sources)
    finally:
        context.close()


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    problems = check(root)
    for line in problems:
        print(line)
    count = len(diagrams(root))
    print(f"{count} diagram(s) checked, {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
