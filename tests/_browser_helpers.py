"""Helpers for the browser tests (test_browser.py, test_offline_zip.py): a guarded browser
context that refuses and records every request leaving the site, diagram checks that see into
shadow roots, and a search driven through Material's own search box.
"""
from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
ALWAYS_ALLOWED = ("data:", "blob:", "about:")
DIAGRAM_TIMEOUT_MS = 20_000
SEARCH_TIMEOUT_MS = 20_000
SCHEMES = {"light": "default", "dark": "slate"}        # prefers-color-scheme -> data-md-color-scheme
SEARCH_CANDIDATES = ("Vostochny", "Komsomolsk", "Warmbier", "Vladivostok", "Khasan", "Rajin", "Shoigu")

# Material renders each `pre.mermaid` into a `div.mermaid` host with the SVG in a *closed* shadow
# root, which scripts cannot read. Forcing every shadow root open lets the tests look inside;
# it changes nothing else. (Pre-rendered diagrams use a declarative open shadow root anyway.)
OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, Object.assign({}, init, {mode: "open"}));
  };
})();
"""


# --- Built files -----------------------------------------------------------------------------

def built_path(site: Path, src: str, offline: bool) -> Path:
    """Where a Markdown page lands: foo.md -> foo/index.html (hosted) or foo.html (offline)."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / (f"{stem}.html" if offline else f"{stem}/index.html")


def page_url(base: str, site: Path, src: str, offline: bool) -> str:
    """The URL a reader opens: file:///.../foo.html offline, http://127.0.0.1:PORT/foo/ hosted."""
    path = built_path(site, src, offline).relative_to(site).as_posix()
    if base.startswith("file:"):
        return base + path
    return base + (path[: -len("index.html")] if path.endswith("index.html") else path)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@dataclass
class BuiltPage:
    """What the built HTML promises before any JavaScript runs."""
    client_diagrams: int        # `pre.mermaid`: Material renders these in the browser
    prerendered: int            # `div.mermaid` hosts already holding an SVG (build-time rendering)
    mermaid_scripts: list[str]  # <script src> tags loading Mermaid

    @property
    def diagrams(self) -> int:
        return self.client_diagrams + self.prerendered


def built_page(path: Path) -> BuiltPage:
    doc = soup(path)
    return BuiltPage(
        client_diagrams=len(doc.select("pre.mermaid")),
        prerendered=len(doc.select("div.mermaid")),
        mermaid_scripts=[s["src"] for s in doc.find_all("script", src=True) if "mermaid" in s["src"].lower()],
    )


def mermaid_file_name() -> str:
    """The vendored Mermaid's file name, from docs/assets/vendor/manifest.json."""
    manifest = json.loads((ROOT / "docs/assets/vendor/manifest.json").read_text(encoding="utf-8"))
    return manifest["assets"]["mermaid"]["path"].rsplit("/", 1)[-1]


# --- Search word -----------------------------------------------------------------------------

def _index(site: Path) -> dict:
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))


def distinctive_word(site: Path) -> tuple[str, str]:
    """(word, page location) for a word of 7+ letters that occurs in the text of exactly one page.

    Prefers a fixed list of candidates; otherwise the most frequent such word on its page."""
    pages: dict[str, Counter] = {}
    for doc in _index(site)["docs"]:
        location = doc["location"].split("#", 1)[0]
        text = BeautifulSoup(f"{doc.get('title', '')} {doc.get('text', '')}", "html.parser").get_text(" ")
        pages.setdefault(location, Counter()).update(w.lower() for w in re.findall(r"[A-Za-z]{7,}", text))
    where: dict[str, list[str]] = {}
    for location, words in pages.items():
        for word in words:
            where.setdefault(word, []).append(location)
    unique = {w: locs[0] for w, locs in where.items() if len(locs) == 1}
    for candidate in SEARCH_CANDIDATES:
        if len(candidate) >= 7 and candidate.lower() in unique:
            return candidate, unique[candidate.lower()]
    if not unique:
        raise AssertionError("no word of 7+ letters occurs on exactly one page of the search index")
    word = max(sorted(unique), key=lambda w: pages[unique[w]][w])
    return word, unique[word]


# --- A local server ---------------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server:
    """Serve a folder on 127.0.0.1 at a free port (for builds other than conftest's hosted_site)."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# --- A guarded browser context ------------------------------------------------------------------

@dataclass
class Guard:
    """Allows only the site's own origin (and data:/blob:/about:); aborts and records the rest.

    Also records console errors and uncaught page errors, and every request made, so a test can
    look at what one page load did: call `reset()` before navigating."""
    allowed_prefix: str
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def reset(self):
        self.blocked.clear()
        self.requests.clear()
        self.errors.clear()

    def allows(self, url: str) -> bool:
        return url.startswith(self.allowed_prefix) or url.startswith(ALWAYS_ALLOWED)

    def route(self, route):
        url = route.request.url
        self.requests.append(url)
        if self.allows(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def watch(self, page):
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console error: {m.text} ({_where(m)})"))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught error: {e}"))
        return page


def _where(message) -> str:
    location = message.location or {}
    return f"{location.get('url', '?')}:{location.get('lineNumber', '?')}"


def guarded_context(browser, base_url: str, color_scheme: str = "light"):
    """A context for one edition and colour scheme, with the guard and the shadow-root opener."""
    if base_url.startswith("file:"):
        allowed = "file://"
    else:
        allowed = base_url.rstrip("/") + "/"          # http://127.0.0.1:PORT/ only
    guard = Guard(allowed)
    context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900},
                                  service_workers="block")
    context.add_init_script(OPEN_SHADOW_ROOTS)
    context.route("**/*", guard.route)
    page = guard.watch(context.new_page())
    return context, page, guard


# --- Diagrams ---------------------------------------------------------------------------------

_DIAGRAMS_SETTLED = """
(expected) => {
  if (document.readyState !== "complete") return false;
  if (document.querySelector("pre.mermaid")) return false;
  const hosts = [...document.querySelectorAll("div.mermaid")];
  return hosts.length >= expected && hosts.every(h => h.shadowRoot && h.shadowRoot.querySelector("svg"));
}
"""

_DIAGRAM_STATE = """
() => ({
  leftover: document.querySelectorAll("pre.mermaid").length,
  hosts: [...document.querySelectorAll("div.mermaid")].map((host, index) => {
    const root = host.shadowRoot;
    const svg = root && root.querySelector("svg");
    const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    const text = (selector) => {
      const node = svg && svg.querySelector(selector);
      return node ? node.textContent.trim() : "";
    };
    return {index, shadow: !!root, svg: !!svg, width: box.width, height: box.height,
            title: text(":scope > title"), desc: text(":scope > desc")};
  }),
})
"""


def wait_for_diagrams(page, expected: int, timeout_ms: int = DIAGRAM_TIMEOUT_MS) -> dict:
    """Wait until every diagram has rendered (or the timeout passes), then describe them."""
    try:
        page.wait_for_function(_DIAGRAMS_SETTLED, arg=expected, timeout=timeout_ms, polling=100)
    except Exception:        # the state below says what is missing
        pass
    return page.evaluate(_DIAGRAM_STATE)


def diagram_problems(state: dict, expected: int) -> list[str]:
    """What is wrong with the page's diagrams, one line each; empty when all is well."""
    problems = []
    if state["leftover"]:
        problems.append(f"{state['leftover']} diagram(s) still a pre.mermaid: Mermaid did not render them")
    if len(state["hosts"]) != expected:
        problems.append(f"{len(state['hosts'])} rendered diagram(s), expected {expected} (the built page's count)")
    for host in state["hosts"]:
        name = f"diagram {host['index'] + 1}"
        if not host["shadow"]:
            problems.append(f"{name}: div.mermaid has no shadow root")
        elif not host["svg"]:
            problems.append(f"{name}: no <svg> in its shadow root")
        else:
            if not (host["width"] > 0 and host["height"] > 0):
                problems.append(f"{name}: the SVG is {host['width']}x{host['height']} px")
            if not host["title"]:
                problems.append(f"{name}: the SVG has no <title> (accTitle)")
            if not host["desc"]:
                problems.append(f"{name}: the SVG has no <desc> (accDescr)")
    return problems


# --- Search -----------------------------------------------------------------------------------

_RESULT_LINKS = """
() => [...document.querySelectorAll(".md-search-result__list a[href]")].map(a => a.href)
"""


def strip_fragment(url: str) -> str:
    """The URL without query (search.highlight adds ?h=word) and fragment."""
    return url.split("#", 1)[0].split("?", 1)[0]


def search(page, word: str, target_url: str, timeout_ms: int = SEARCH_TIMEOUT_MS) -> list[str]:
    """Type `word` into Material's search box; return the result links (absolute, no fragment)
    once one points at `target_url` or the timeout passes."""
    box = page.locator("input.md-search__input")
    try:
        box.click(timeout=5_000)      # on file:// search initialises on this first focus
        box.press_sequentially(word, delay=20, timeout=5_000)
    except Exception:                 # Material hides the search box when search cannot start
        return []
    try:
        page.wait_for_function(
            """(target) => [...document.querySelectorAll(".md-search-result__list a[href]")]
                             .some(a => a.href.split("#")[0].split("?")[0] === target)""",
            arg=strip_fragment(target_url), timeout=timeout_ms, polling=100)
    except Exception:        # the links below say what came back
        pass
    return [strip_fragment(u) for u in page.evaluate(_RESULT_LINKS)]


# --- One page, all checks -----------------------------------------------------------------------

def open_page(page, guard, url: str, scheme: str) -> list[str]:
    """Load `url` afresh (guard reset); return problems with the colour scheme."""
    guard.reset()
    page.goto(url, wait_until="load")
    expected = SCHEMES[scheme]
    try:
        page.wait_for_function("(s) => document.body.getAttribute('data-md-color-scheme') === s",
                               arg=expected, timeout=5_000, polling=50)
    except Exception:        # reported below
        pass
    actual = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return [] if actual == expected else [f"body data-md-color-scheme is {actual!r}, expected {expected!r}"]


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
        if not any(strip_fragment(u).endswith(mermaid) for u in mermaid_requests):
            problems.append(f"never requested {mermaid}")
    else:
        if built.mermaid_scripts:
            problems.append(f"renders no diagram in the browser, yet has Mermaid script tags {built.mermaid_scripts}")
        if mermaid_requests:
            problems.append(f"renders no diagram in the browser, yet requested {mermaid_requests}")
    return problems + guard_problems(guard)


def guard_problems(guard) -> list[str]:
    return ([f"external request refused: {u}" for u in dict.fromkeys(guard.blocked)]
            + list(dict.fromkeys(guard.errors)))


def check_search(page, guard, base: str, site: Path, offline: bool, scheme: str,
                 timeout_ms: int = SEARCH_TIMEOUT_MS) -> list[str]:
    """From the home page, search a word only one page contains; list what went wrong."""
    from urllib.parse import urljoin
    word, location = distinctive_word(site)
    target = strip_fragment(urljoin(base, location))
    problems = open_page(page, guard, page_url(base, site, "index.md", offline), scheme)
    links = search(page, word, target, timeout_ms)
    problems += guard_problems(guard)
    if target not in links:
        problems.append(f"searching {word!r} did not list {target}; results: {sorted(set(links)) or 'none'}")
    return problems
