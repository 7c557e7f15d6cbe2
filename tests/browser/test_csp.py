"""Issue 26: the policy the browser enforces. Every page of the hosted edition, served over http,
and a search, with the Content-Security-Policy in force: no violation. An inline script or event
handler that reaches a page anyway is blocked. The offline edition, from file://, with its policy:
no violation, and search works."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from helpers.server import Server

pytestmark = pytest.mark.browser

LISTEN = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`.trim()), true);"""


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html")


def wait_ready(page, timeout: float = 15.0) -> None:
    """Poll from outside the page: Playwright's own wait_for_function with a string would be an eval the policy refuses."""
    deadline = time.monotonic() + timeout
    while page.evaluate("window.mdxMaterial") != "ready":
        assert time.monotonic() < deadline, f"Material did not set up {page.url}"
        time.sleep(0.05)


@pytest.fixture
def context(browser):
    context = browser.new_context()
    context.add_init_script(LISTEN)
    messages: list[str] = []
    context.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    context.messages = messages
    yield context
    context.close()


def search(page, word: str) -> int:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(word, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    count = page.locator(".md-search-result__item").count()
    box.press("Enter")                      # the search form: Material handles it, form-action 'none' is not hit
    time.sleep(0.5)
    return count


def test_every_hosted_page_and_a_search_run_with_no_violation(context, hosted_site, hosted_server):
    page = context.new_page()
    found = {}
    for file in pages(hosted_site):
        page.goto(hosted_server + file.relative_to(hosted_site).as_posix(), wait_until="load")
        wait_ready(page)
        time.sleep(0.1)
        policy = page.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], policy
        if page.evaluate("window.__violations"):
            found[file.name if file.parent == hosted_site else file.parent.name] = page.evaluate("window.__violations")
    page.goto(hosted_server, wait_until="load")
    wait_ready(page)
    assert search(page, "Vostochny") > 0
    found["search"] = page.evaluate("window.__violations")
    assert not any(found.values()) and not context.messages, (found, context.messages)


def test_an_injected_script_is_blocked(context, hosted_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(hosted_site, site)
    index = site / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "</article>", '<script>window.__injected = 1</script><img src="x" onerror="window.__injected = 2"></article>', 1),
        encoding="utf-8")
    server = Server(site)
    try:
        page = context.new_page()
        page.goto(server.url, wait_until="load")
        wait_ready(page)
        time.sleep(0.3)
        assert page.evaluate("window.__injected") is None
        violations = page.evaluate("window.__violations")
        assert any(v.startswith("script-src-elem inline") for v in violations), violations
        assert any(v.startswith("script-src-attr inline") for v in violations), violations
    finally:
        server.close()


def test_the_offline_edition_runs_from_disk_with_its_policy(context, offline_site):
    page = context.new_page()
    found = {}
    for file in pages(offline_site):
        page.goto(file.as_uri(), wait_until="load")
        wait_ready(page)
        if page.evaluate("window.__violations"):
            found[str(file.relative_to(offline_site))] = page.evaluate("window.__violations")
    page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    wait_ready(page)
    assert "script-src 'self' file: 'unsafe-inline'" in page.evaluate(
        "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
    assert search(page, "Vostochny") > 0, "search does not work from disk"
    found["search"] = page.evaluate("window.__violations")
    assert not any(found.values()) and not context.messages, (found, context.messages)
