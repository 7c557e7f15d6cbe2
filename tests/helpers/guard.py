"""A guarded browser context: allows only the site's own origin, refuses and records the rest,
and records console errors and uncaught page errors."""
from __future__ import annotations

from dataclasses import dataclass, field

from helpers.js import script

ALWAYS_ALLOWED = ("data:", "blob:", "about:")


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


def guarded_context(browser, base_url: str, color_scheme: str = "light", viewport: tuple[int, int] = (1280, 900),
                    **options):
    """A context for one edition, colour scheme and window size (width, height), with the guard and
    the shadow-root opener; `options` go to new_context as they are (java_script_enabled=False)."""
    if base_url.startswith("file:"):
        allowed = "file://"
    else:
        allowed = base_url.rstrip("/") + "/"          # http://127.0.0.1:PORT/ only
    guard = Guard(allowed)
    context = browser.new_context(color_scheme=color_scheme, viewport={"width": viewport[0], "height": viewport[1]},
                                  service_workers="block", **options)
    context.add_init_script(script("open_shadow_roots"))
    context.route("**/*", guard.route)
    page = guard.watch(context.new_page())
    return context, page, guard


def guard_problems(guard) -> list[str]:
    return ([f"external request refused: {u}" for u in dict.fromkeys(guard.blocked)]
            + list(dict.fromkeys(guard.errors)))
