"""The browser-enforced policy of every page, and the allow-list it shares with the output gate.

The site's own inline scripts are those its templates render: Material's (its scope, palette and
hash-target scripts) and ours (overrides/main.html, overrides/mdx/*.html), plus mermaid2's set-up
line on pages that draw diagrams in the browser. `prepare` (hooks/pipeline.py, on_env) renders the
theme's 404 template once for each page depth (`base_url`: ".", "..", ... and the 404 page's own;
Material's scope script differs by it) and keeps, per depth, the SHA-256 of each inline script and
the attributes of each form the theme renders. Nothing is listed by hand: change a template and
the list follows at the next build.

Each page then carries, from overrides/main.html (`mdx_policy(base_url)`):
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-...' ...">
    <meta name="referrer" content="same-origin">
and hooks/html/output_gate.py fails the build on any inline script not in the same list.

The hosted edition (served over https) gets POLICY with the hashes: no 'unsafe-inline' for scripts,
so a script that reached a page by any path would not run. The offline edition (mkdocs-offline.yml,
opened from file://) gets OFFLINE_POLICY, because from disk:
- search runs in the iframe-worker shim (docs/assets/vendor/iframe-worker-*), which writes an
  inline script holding the search worker's address (where the reader unzipped the site) into an
  about:blank frame; that frame inherits the page's policy, and no hash can be known in advance,
  so scripts there need 'unsafe-inline' (a browser ignores 'unsafe-inline' when a hash is listed,
  so the offline policy lists none) and frames 'self';
- a file:// page has no origin 'self' can name reliably across browsers, so `file:` is listed.
Everything else is the same: objects, <base> and form submission refused, images only from the
site (and data: images, which Material's icons in CSS use), nothing loaded from another host.
The output gate runs on both editions alike; it, not the policy, keeps other scripts out of the
offline edition.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from mkdocs.commands.build import get_context
from mkdocs.utils import get_relative_url

REFERRER = "same-origin"          # other sites are not told which page a reader came from
# Script types a browser runs; any other type is a data block (JSON, JSON-LD) it never runs.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript",
                    "application/ecmascript", "text/jscript", "text/livescript", "application/x-javascript"}

_COMMON = ("default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self'",
           "connect-src 'self'", "media-src 'self'", "manifest-src 'self'", "object-src 'none'",
           "base-uri 'self'", "form-action 'none'")


def hosted_policy(hashes) -> str:
    """The hosted edition's policy: the site's own inline scripts by hash, scripts and workers from the site only."""
    scripts = " ".join(["'self'", *(f"'sha256-{h}'" for h in sorted(hashes))])
    return "; ".join([_COMMON[0], f"script-src {scripts}", "worker-src 'self'", "frame-src 'none'", *_COMMON[1:]])


def offline_policy() -> str:
    """The offline edition's policy (see the module's docstring for what differs, and why)."""
    common = [c.replace("'self'", "'self' file:") if c.split()[0] in ("default-src", "img-src", "font-src", "connect-src",
                                                                         "media-src", "style-src") else c for c in _COMMON]
    return "; ".join([common[0], "script-src 'self' file: 'unsafe-inline'", "worker-src 'self' file:",
                      "frame-src 'self' file: about:", *common[1:]])


def sha256(script: str) -> str:
    """A script's hash as a policy names it (base64 of SHA-256 of its UTF-8 text)."""
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


@dataclass
class Own:
    """What the theme itself puts on a page of one depth."""
    scripts: set[str] = field(default_factory=set)          # sha256 of each inline script it runs
    forms: set[frozenset] = field(default_factory=set)      # the attributes of each <form>


@dataclass
class Policy:
    """The allow-list per page depth, and each page's policy."""
    own: dict[str, Own]                   # base_url -> what the theme renders there
    offline: bool = False
    enforced: bool = True                # False under `mkdocs serve` (see `prepare`)
    extra_scripts: set[str] = field(default_factory=set)    # plugins' own (mermaid2's set-up line)

    def scripts(self, base_url: str) -> set[str]:
        return self.own.get(base_url, Own()).scripts | self.extra_scripts

    def forms(self, base_url: str) -> set[frozenset]:
        return self.own.get(base_url, Own()).forms

    def content(self, base_url: str) -> str | None:
        """The Content-Security-Policy of a page at that depth (None: the page carries none)."""
        if not self.enforced:
            return None
        return offline_policy() if self.offline else hosted_policy(self.scripts(base_url))


class _Collector(HTMLParser):
    """Inline scripts (their exact text) and forms (their attributes) of an HTML document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.forms: list[frozenset] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and (attributes.get("type") or "").strip().lower() in EXECUTABLE_TYPES:
            self._script = []
        elif tag == "form":
            self.forms.append(frozenset((k, v or "") for k, v in attrs))

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def collect(document: str) -> _Collector:
    collector = _Collector()
    collector.feed(document)
    collector.close()
    return collector


def prepare(build, env, config, files) -> Policy:
    """Render the theme once per page depth and keep what it puts on a page; make the policy
    available to the templates as `mdx_policy(base_url)` and `mdx_referrer`."""
    bases = {get_relative_url(".", page.url) for page in files.documentation_pages()}
    bases.add(urlsplit(config.site_url or "/").path)       # what MkDocs gives 404.html (mkdocs.commands.build)
    template = env.get_template("404.html")
    own = {}
    for base in sorted(bases):
        found = collect(template.render(get_context(build.nav, files, config, base_url=base)))
        own[base] = Own({sha256(s) for s in found.scripts}, set(found.forms))
    # `mkdocs serve` injects its live-reload script, inline and different on every start, into each
    # page it serves: previews carry no policy (the output gate still runs). Published builds do.
    policy = Policy(own, offline="material/offline" in config.plugins or "offline" in config.plugins,
                    enforced=build.command != "serve", extra_scripts=_plugin_scripts(config))
    env.globals["mdx_policy"] = policy.content
    env.globals["mdx_referrer"] = REFERRER
    build.policy = policy
    return policy


def _plugin_scripts(config) -> set[str]:
    """The inline script mermaid2 adds to a page with diagrams drawn in the browser (its set-up
    line, from its configuration, written as mermaid2 1.2 writes it in on_post_page)."""
    plugin = config.plugins.get("mermaid2")
    if plugin is None:
        return set()
    from mermaid2 import pyjs
    args = dict(plugin.mermaid_args)
    lines = []
    if not plugin.extra_javascript and plugin.javascript.strip().endswith(".mjs"):
        lines.append('import mermaid from "%s";' % plugin.javascript.strip())   # varies by page: not used here
    if plugin.activate_custom_loader:
        args["startOnLoad"] = False
        lines.append("window.mermaidConfig = {default: %s};" % pyjs.dumps(args))
    else:
        lines.append("mermaid.initialize(%s);" % pyjs.dumps(args))
    return {sha256("\n".join(lines))}
