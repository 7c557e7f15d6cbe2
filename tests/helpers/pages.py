"""One page in a guarded context: open it in a colour scheme and list everything wrong with it."""
from __future__ import annotations

from helpers.built import BuiltPage, mermaid_file_name
from helpers.diagrams import DIAGRAM_TIMEOUT_MS, diagram_problems, wait_for_diagrams
from helpers.guard import guard_problems

SCHEMES = {"light": "default", "dark": "slate"}        # prefers-color-scheme -> data-md-color-scheme


def _strip(url: str) -> str:
    return url.split("#", 1)[0].split("?", 1)[0]


def wait_for_material(page, timeout_ms: int = 10_000) -> list[str]:
    """Wait until Material's bundle has run and set the page up (it loads after the first paint:
    overrides/mdx/after-paint.html); a problem if it never does."""
    try:
        page.wait_for_function("() => window.mdxMaterial === 'ready'", timeout=timeout_ms, polling=50)
        return []
    except Exception:
        return [f"Material's bundle did not set the page up within {timeout_ms} ms (window.mdxMaterial unset; "
                "see overrides/mdx/after-paint.html)"]


def open_page(page, guard, url: str, scheme: str) -> list[str]:
    """Load `url` afresh (guard reset) and wait for Material; return problems with either or with the colour scheme."""
    guard.reset()
    page.goto(url, wait_until="load")
    problems = wait_for_material(page)
    expected = SCHEMES[scheme]
    try:
        page.wait_for_function("(s) => document.body.getAttribute('data-md-color-scheme') === s",
                               arg=expected, timeout=5_000, polling=50)
    except Exception:        # reported below
        pass
    actual = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return problems + ([] if actual == expected else [f"body data-md-color-scheme is {actual!r}, expected {expected!r}"])


def check_page(page, guard, url: str, scheme: str, built: BuiltPage,
               diagram_timeout_ms: int = DIAGRAM_TIMEOUT_MS) -> list[str]:
    """Open one page and list everything wrong with it: colour scheme, diagrams, Mermaid loading,
    requests that left the site, console errors. Empty when the page is fine."""
    problems = open_page(page, guard, url, scheme)

    # Every diagram drawn: as many as the built page holds, each an SVG with <title> and <desc>.
    problems += diagram_problems(wait_for_diagrams(page, built.diagrams, diagram_timeout_ms), built.diagrams)

    # Mermaid is sent only to pages that render diagrams in the browser.
    mermaid = mermaid_file_name()
    mermaid_requests = [u for u in guard.requests if "mermaid" in u.lower()]
    if built.client_diagrams:
        if not any(s.endswith(mermaid) for s in built.mermaid_scripts):
            problems.append(f"has {built.client_diagrams} diagram(s) to render but no script tag for {mermaid}")
        if not any(_strip(u).endswith(mermaid) for u in mermaid_requests):
            problems.append(f"never requested {mermaid}")
    else:
        if built.mermaid_scripts:
            problems.append(f"renders no diagram in the browser, yet has Mermaid script tags {built.mermaid_scripts}")
        if mermaid_requests:
            problems.append(f"renders no diagram in the browser, yet requested {mermaid_requests}")
    return problems + guard_problems(guard)
