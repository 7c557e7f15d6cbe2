"""Every page in a real browser, for each edition and colour scheme: nothing leaves the site,
nothing errors, every diagram is drawn, and search finds a page by a word only it contains.

Editions:
- offline             the offline edition as published (mkdocs-offline.yml), opened from file://
- hosted              the hosted edition as published (mkdocs.yml), over http://127.0.0.1
- offline-clientside  the offline edition built with PRERENDER_DIAGRAMS=false: Material renders
                      the diagrams in the browser with the vendored Mermaid, from file://
- hosted-clientside   conftest's clientside_site (what `make serve` shows), over http://127.0.0.1
The published editions ship diagrams pre-rendered by hooks/diagrams/prerender.py; the client-side
ones exercise Material's own rendering (closed shadow roots, forced open here to look inside).
"""
from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest
from conftest import ROOT, build, nav_pages, record_problems, warnings_of
from helpers.built import built_page, built_path, mermaid_file_name, page_url
from helpers.guard import guarded_context
from helpers.pages import SCHEMES, check_page, wait_for_material
from helpers.search import check_search
from helpers.server import Server

from hooks.core.mermaid_text import is_phone_variant
from hooks.diagrams.inventory import project_diagrams

pytestmark = pytest.mark.browser

EDITIONS = ["offline", "hosted", "offline-clientside", "hosted-clientside"]
PAGES = nav_pages()


# --- Fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def offline_clientside_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("offline-clientside") / "site"
    result = build("mkdocs-offline.yml", site, PRERENDER_DIAGRAMS="false")
    assert result.returncode == 0, f"strict client-side offline build failed:\n{warnings_of(result)}"
    return site


@pytest.fixture(scope="session")
def editions(request, source_diagrams):
    """edition name -> (base URL, site folder, offline?), each built and served on first use."""
    servers, cache = [], {}

    def get(name: str):
        if name not in cache:
            if name == "offline":
                site = request.getfixturevalue("offline_site")
                cache[name] = (site.as_uri() + "/", site, True)
            elif name == "hosted":
                cache[name] = (request.getfixturevalue("hosted_server"), request.getfixturevalue("hosted_site"), False)
            elif name == "offline-clientside":
                site = request.getfixturevalue("offline_clientside_site")
                cache[name] = (site.as_uri() + "/", site, True)
            elif name == "hosted-clientside":
                site = request.getfixturevalue("clientside_site")
                servers.append(Server(site))
                cache[name] = (servers[-1].url, site, False)
        return cache[name]

    yield get
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def reader(browser):
    """The browser these tests drive: Chromium as a reader runs it (hooks/diagrams/chromium.py ARGS)."""
    return browser


@pytest.fixture(scope="session")
def contexts(reader, editions):
    """(edition, scheme) -> (page, guard, base URL, site, offline?): one context each, pages reused."""
    cache, opened = {}, []

    def get(edition: str, scheme: str):
        key = (edition, scheme)
        if key not in cache:
            base, site, offline = editions(edition)
            context, page, guard = guarded_context(reader, base, scheme)
            opened.append(context)
            cache[key] = (page, guard, base, site, offline)
        return cache[key]

    yield get
    for context in opened:
        context.close()


@pytest.fixture(scope="session")
def source_diagrams():
    """docs/ path -> number of Mermaid diagrams its source holds (fences and data-built ones).

    Requested before any build, so it describes the same sources the builds read."""
    diagrams = project_diagrams(ROOT)
    # A phone variant (a fence starting `%% phone`) is the same diagram: both pre-rendering and
    # client-side rendering (hooks/diagrams/phone_variants.py) show one of the two at each width.
    distinct = Counter(d.path for d in diagrams if not is_phone_variant(d.text.lstrip()))
    return lambda src: distinct[f"docs/{src}"]


# --- Every page ---------------------------------------------------------------------------------

@pytest.mark.parametrize("src", PAGES)
@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("edition", EDITIONS)
def test_page_is_self_contained_error_free_and_draws_its_diagrams(source_diagrams, contexts, edition, scheme, src):
    page, guard, base, site, offline = contexts(edition, scheme)
    built = built_page(built_path(site, src, offline))
    url = page_url(base, site, src, offline)
    problems = check_page(page, guard, url, scheme, built)
    expected = source_diagrams(src)
    if built.diagrams != expected:
        problems.append(f"the built page holds {built.diagrams} diagram(s), its source {expected}")
    if edition.endswith("clientside") and built.prerendered:
        problems.append(f"{built.prerendered} diagram(s) pre-rendered in a client-side build")
    if problems:
        record_problems(f"docs/{src}: [{edition}, {scheme}] {p}" for p in problems)
    assert not problems, f"{url} ({edition}, {scheme}):\n  " + "\n  ".join(problems)


def test_some_pages_have_diagrams_and_some_do_not(editions):
    """Guards the per-page test against vacuity: both branches of its Mermaid checks are exercised."""
    for edition in EDITIONS:
        _, site, offline = editions(edition)
        counts = [built_page(built_path(site, src, offline)).diagrams for src in PAGES]
        assert any(counts), f"{edition}: no page has a diagram"
        assert not all(counts), f"{edition}: every page has a diagram"


# --- Search ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("edition", EDITIONS)
def test_search_finds_the_one_page_with_a_distinctive_word(contexts, edition, scheme):
    page, guard, base, site, offline = contexts(edition, scheme)
    problems = check_search(page, guard, base, site, offline, scheme)
    if problems:
        record_problems(f"docs/index.md: [{edition}, {scheme}] search: {p}" for p in problems)
    assert not problems, f"search on {edition} ({scheme}):\n  " + "\n  ".join(problems)


# --- The checks themselves can fail ----------------------------------------------------------------

FAULT_WAIT = 4_000      # ms to wait for diagrams that will never render


def test_the_checks_catch_injected_faults(reader, offline_site, offline_clientside_site, tmp_path):
    """Break a copy of the offline edition in known ways; each check must report its fault."""
    site = tmp_path / "site"
    shutil.copytree(offline_clientside_site, site)
    base = site.as_uri() + "/"
    mermaid = mermaid_file_name()
    pages = {src: built_page(built_path(site, src, True)) for src in PAGES}
    with_diagrams = next(src for src, b in pages.items() if b.client_diagrams)
    without = next(src for src, b in pages.items() if not b.diagrams)

    # A diagram Mermaid cannot draw, an external image, a console error.
    path = built_path(site, with_diagrams, True)
    html = path.read_text(encoding="utf-8")
    html = re.sub(r'(<pre class="mermaid"><code>).*?(</code></pre>)', r"\1flowchart LR\n  A[[[\2", html, count=1, flags=re.S)
    html = html.replace("</body>", '<img src="https://example.com/pixel.png" alt="">'
                                   '<script>console.error("injected fault")</script></body>')
    path.write_text(html, encoding="utf-8")
    # Mermaid on a page without diagrams.
    path = built_path(site, without, True)
    depth = "../" * with_diagrams.count("/")
    script = next(s for s in pages[with_diagrams].mermaid_scripts if s.endswith(mermaid)).removeprefix(depth)
    prefix = "../" * without.count("/")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "</body>", f'<script src="{prefix}{script}"></script></body>'), encoding="utf-8")
    # A pre-rendered diagram without <title> and <desc>, next to its original.
    published = next(src for src in PAGES if built_page(built_path(offline_site, src, True)).prerendered)
    html = built_path(offline_site, published, True).read_text(encoding="utf-8")
    head, rest = html.split('<template shadowrootmode="open">', 1)
    rest = re.sub(r"<title[^>]*>.*?</title>|<desc[^>]*>.*?</desc>", "", rest, count=2, flags=re.S)
    untitled = built_path(site, published, True).with_name("untitled.html")
    untitled.write_text(head + '<template shadowrootmode="open">' + rest, encoding="utf-8")
    # Search without the iframe-worker shim cannot start from file://.
    for shim in site.glob("assets/vendor/iframe-worker*/shim.js"):
        shim.unlink()

    context, page, guard = guarded_context(reader, base, "light")
    try:
        broken = check_page(page, guard, page_url(base, site, with_diagrams, True), "light",
                            built_page(built_path(site, with_diagrams, True)), FAULT_WAIT)
        expected = {"leftover pre.mermaid": "still a pre.mermaid", "external image": "https://example.com/pixel.png",
                    "console error": "injected fault"}
        for fault, text in expected.items():
            assert any(text in p for p in broken), f"{fault} not reported; got {broken}"

        loads = check_page(page, guard, page_url(base, site, without, True), "light",
                           built_page(built_path(site, without, True)))
        assert any("yet has Mermaid script tags" in p for p in loads), loads
        assert any("yet requested" in p and mermaid in p for p in loads), loads

        dark = check_page(page, guard, page_url(base, site, without, True), "dark", built_page(built_path(site, without, True)))
        assert any("data-md-color-scheme is 'default', expected 'slate'" in p for p in dark), dark

        url = untitled.as_uri()
        built = built_page(untitled)
        untitled_problems = check_page(page, guard, url, "light", built, FAULT_WAIT)
        assert any("no <title>" in p for p in untitled_problems) and any("no <desc>" in p for p in untitled_problems), untitled_problems
        assert not [p for p in check_page(page, guard, url, "light", built, FAULT_WAIT) if "expected" in p]
        built.prerendered += 1
        assert any(f"expected {built.diagrams}" in p for p in check_page(page, guard, url, "light", built, FAULT_WAIT))

        no_shim = check_search(page, guard, base, site, True, "light", timeout_ms=3_000)
        assert any("did not list" in p for p in no_shim), no_shim
    finally:
        context.close()


# --- Material after the first paint -----------------------------------------------------------

@pytest.mark.parametrize("width", [390, 1280])
def test_material_runs_after_the_first_paint(reader, hosted_server, hosted_site, width):
    """overrides/mdx/after-paint.html: the built page holds Material's bundle only as an inert
    "mdx/after-paint" tag; in Chromium its download starts after the first contentful paint, and
    Material still sets the page up (its document$ has emitted, from the replayed DOMContentLoaded)
    before window.mdxMaterial says it is ready."""
    html = (hosted_site / "since" / "index.html").read_text(encoding="utf-8")
    tags = re.findall(r"<script\b[^>]*\bbundle\.[0-9a-f]+\.min\.js[^>]*>", html)
    assert len(tags) == 1 and 'type="mdx/after-paint"' in tags[0], \
        f"since/: Material's bundle tag should be the one inert after-paint tag, found {tags}"
    context = reader.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(hosted_server + "since/", wait_until="load")
    problems = wait_for_material(page)
    timing = page.evaluate("""() => ({
        fcp: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime,
        bundle: (performance.getEntriesByType("resource").find(e => /bundle\\.[0-9a-f]+\\.min\\.js/.test(e.name)) || {}).startTime,
        setUp: (() => { let emitted = false; window.document$.subscribe(() => { emitted = true; }).unsubscribe(); return emitted; })()})""")
    context.close()
    assert not problems, problems
    assert timing["fcp"] is not None and timing["bundle"] is not None, timing
    assert timing["bundle"] >= timing["fcp"], \
        f"Material's bundle was requested at {timing['bundle']:.0f} ms, before the first paint at {timing['fcp']:.0f} ms"
    assert timing["setUp"], "Material's bundle ran but never set the page up: its document$ did not emit"


# --- Palette before the bundle ----------------------------------------------------------------------

@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_first_visit_gets_the_system_scheme_before_materials_script_runs(reader, hosted_server, scheme):
    """overrides/main.html resolves the automatic palette at the top of <body>: with Material's bundle
    blocked, a first-time reader in dark mode still gets the dark scheme, and <html> is marked `js`."""
    context = reader.new_context(color_scheme=scheme)
    page = context.new_page()
    page.route("**/bundle.*.js", lambda route: route.abort())
    page.goto(hosted_server + "report/summary/")
    state = page.evaluate("""() => ({scheme: document.body.dataset.mdColorScheme, primary: document.body.dataset.mdColorPrimary,
                                     html: document.documentElement.className})""")
    context.close()
    assert state["scheme"] == SCHEMES[scheme] and state["primary"] == "custom", state
    assert "js" in state["html"].split() and "no-js" not in state["html"].split(), state


def test_palette_toggle_cycles_stores_and_follows_the_system(reader, hosted_server):
    """docs/assets/javascripts/palette.js (Material's palette component is not mounted): the visible
    button moves auto -> light -> dark -> auto, Enter does the same from the keyboard, the choice
    survives a page change, and the automatic option follows a change of the system setting."""
    context = reader.new_context(color_scheme="dark")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    state = """() => ({scheme: document.body.dataset.mdColorScheme,
                       shown: [...document.querySelectorAll('[data-mdx-palette] label')].map(l => !l.hidden),
                       stored: (__md_get('__palette') || {}).index})"""
    page.goto(hosted_server + "glossary/")
    page.wait_for_load_state("load")
    seen = [page.evaluate(state)]
    for _ in range(3):
        page.click("[data-mdx-palette] label:not([hidden])")
        seen.append(page.evaluate(state))
    assert [(s["scheme"], s["shown"], s["stored"]) for s in seen] == [
        ("slate", [True, False, False], None), ("default", [False, True, False], 1),
        ("slate", [False, False, True], 2), ("slate", [True, False, False], 0)], seen
    page.emulate_media(color_scheme="light")                # automatic: follows the system
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'", timeout=2_000)
    page.focus("#__palette_0")
    page.keyboard.press("Enter")                            # keyboard: on to the light option
    assert page.evaluate(state)["stored"] == 1 and page.evaluate("document.activeElement.id") == "__palette_1"
    page.emulate_media(color_scheme="dark")                 # an explicit choice ignores the system
    page.goto(hosted_server + "since/")
    after = page.evaluate(state)
    context.close()
    assert (after["scheme"], after["shown"]) == ("default", [False, True, False]), after
    assert not errors, errors
