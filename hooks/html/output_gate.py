"""The output gate: every built page, as it will be published, holds nothing hostile.

The input checks read what contributors write; this reads what the build wrote, so it also catches
what reaches a page by a path no input check knows (a renderer, a template, a plugin, a hook). It
is the last step of `on_post_page` (and of `on_post_template` for 404.html), so it sees the final
HTML: parsed with the standard library's html.parser (entities in attributes decoded, as a
browser decodes them), it reports, as `path:line: problem (fix)` warnings that fail `--strict`:
- an inline script that is not one of the site's own (by SHA-256: the list hooks/html/policy.py
  computes from the templates, the same list the page's Content-Security-Policy names), a data
  block other than the theme's one configuration and one JSON-LD block, a script from elsewhere;
- any `on...=` event-handler attribute;
- a `javascript:`, `vbscript:` or `data:` URL (entities decoded, controls and invisible characters
  dropped) in href, src, action, formaction, xlink:href, poster, data, srcset and the like, or in
  an SVG animation's values;
- iframe, frame, object, embed, applet, portal, base; a form that is not one of the theme's own;
- `<meta http-equiv>` other than the site's own policy;
- any resource (image, script, stylesheet, icon, font, media, source, track, preload, CSS url()
  or @import) from another host: only the site's own files, by relative URL.
The line is found where it can be: the page's Markdown, then data/, includes/ and overrides/, for
the offending text; else line 1 of the page. The fast check's quick build runs it too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from hooks.core import unsafe_text
from hooks.core.problems import Problem
from hooks.html import policy as policy_module

FRAMES = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "ping",
                  "cite", "manifest", "codebase", "archive", "longdesc", "lowsrc", "dynsrc", "srcset", "imagesrcset"}
ANIMATION = {"set", "animate", "animatemotion", "animatetransform"}
# Elements and attributes that make the browser fetch something when the page loads.
RESOURCES = {"img": ("src", "srcset"), "script": ("src",), "source": ("src", "srcset"), "video": ("src", "poster"),
             "audio": ("src",), "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"),
             "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href")}
NOT_LOADED_RELS = {"canonical", "prev", "next", "alternate", "author", "license", "help", "bookmark", "external",
                   "nofollow", "noopener", "noreferrer", "me", "tag", "search"}
DATA_BLOCKS = {("application/json", "__config"): "the theme's configuration", ("application/ld+json", None): "the page's JSON-LD"}
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*(?P<url>[^'")\s]+)""", re.I)

SCRIPT_FIX = ("remove it: pages may not run scripts; the site's own inline scripts are those in the templates "
              "(overrides/), allowed by hash automatically")
HOST_FIX = "copy the file into docs/assets/ and link it by a relative path: the site loads nothing from another host"
TAG_FIX = "remove it: pages may not embed frames, objects, forms or a <base>"


@dataclass
class Finding:
    message: str
    fix: str
    needles: tuple[str, ...]      # text to look for in the sources, to name a line


def _remote(url: str) -> bool:
    plain = unsafe_text.decoded(url).strip()
    return bool(_SCHEME.match(plain)) or plain.replace("\\", "/").startswith("//")


def _script_scheme(url: str) -> str | None:
    plain = unsafe_text.decoded(url).strip().lower()
    for scheme in ("javascript", "vbscript", "livescript", "data"):
        if plain.startswith(scheme + ":"):
            return scheme
    return None


class _Gate(HTMLParser):
    def __init__(self, scripts: set[str], forms: set[frozenset], policy: str | None):
        super().__init__(convert_charrefs=True)
        self.allowed_scripts, self.allowed_forms, self.policy = scripts, forms, policy
        self.findings: list[Finding] = []
        self._script: tuple[dict, list[str]] | None = None
        self._style: list[str] | None = None
        self.blocks: dict[tuple, int] = {}
        self.policies = 0

    def add(self, message: str, fix: str, *needles: str):
        self.findings.append(Finding(message, fix, tuple(n for n in needles if n and len(n.strip()) >= 3)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        attributes = {name.lower(): value or "" for name, value in attrs}
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.add(f"<{tag}> has an event-handler attribute {name}=", "remove the attribute; pages may not run scripts",
                         f"{name}={value}", value or "", name)
        for name, value in attributes.items():
            if name in URL_ATTRIBUTES or (tag in ANIMATION and name in ("to", "from", "values", "by")):
                for candidate in ([part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name else [value]):
                    scheme = _script_scheme(candidate)
                    if scheme:
                        self.add(f"<{tag} {name}> holds a {scheme}: URL", "link to an https:// address or a file of the site",
                                 candidate, value)
        if tag in FRAMES:
            self.add(f"<{tag}> is not allowed", TAG_FIX, attributes.get("src", ""), attributes.get("href", ""), attributes.get("data", ""))
        if tag == "form" and frozenset(attributes.items()) not in self.allowed_forms:
            self.add("<form> that is not one of the theme's own", TAG_FIX, attributes.get("action", ""))
        if tag == "meta" and "http-equiv" in attributes:
            kind = attributes["http-equiv"].strip().lower()
            if kind != "content-security-policy" or self.policy is None or attributes.get("content") != self.policy:
                self.add(f'<meta http-equiv="{attributes["http-equiv"]}"> other than the site\'s own policy',
                         "remove it: the site's policy and headers come from its templates", attributes["http-equiv"],
                         attributes.get("content", ""))
            else:
                self.policies += 1
        for attribute in RESOURCES.get(tag, ()):
            if tag == "input" and attributes.get("type", "").lower() != "image":
                continue
            value = attributes.get(attribute, "")
            for candidate in ([part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in attribute else [value]):
                if candidate and _remote(candidate) and not _script_scheme(candidate):
                    self.add(f"<{tag} {attribute}> loads {candidate[:80]} from another host", HOST_FIX, candidate)
        if tag == "link":
            rels = set(attributes.get("rel", "").lower().split())
            href = attributes.get("href", "")
            if href and rels - NOT_LOADED_RELS and _remote(href):
                self.add(f"<link rel=\"{attributes.get('rel')}\"> loads {href[:80]} from another host", HOST_FIX, href)
        if "style" in attributes:
            self._css(attributes["style"], f"<{tag} style>")
        if tag == "script":
            self._script = (attributes, [])
        elif tag == "style":
            self._style = []

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)
        elif self._style is not None:
            self._style.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            attributes, parts = self._script
            self._script = None
            if "src" in attributes:
                if "".join(parts).strip():
                    self.add("<script src> with inline text", SCRIPT_FIX, "".join(parts)[:60])
                return
            body = "".join(parts)
            kind = attributes.get("type", "").strip().lower()
            if kind in policy_module.EXECUTABLE_TYPES:
                digest = policy_module.sha256(body)
                if digest not in self.allowed_scripts:
                    self.add(f"inline script that is not one of the site's own (sha256-{digest})", SCRIPT_FIX,
                             *_script_needles(body))
                return
            key = (kind, attributes.get("id") or None)
            if key not in DATA_BLOCKS:
                self.add(f'<script type="{kind}"> that is not one of the theme\'s data blocks', SCRIPT_FIX, *_script_needles(body))
                return
            self.blocks[key] = self.blocks.get(key, 0) + 1
            if self.blocks[key] > 1:
                self.add(f"a second {DATA_BLOCKS[key]} block (<script type=\"{kind}\">)", SCRIPT_FIX, *_script_needles(body))
        elif tag == "style" and self._style is not None:
            self._css("".join(self._style), "<style>")
            self._style = None

    def _css(self, css: str, where: str):
        for match in _CSS_URL.finditer(css):
            url = match["url"]
            if _script_scheme(url) and not url.lower().startswith("data:"):
                self.add(f"{where} holds a {_script_scheme(url)}: URL", HOST_FIX, url)
            elif _remote(url) and not url.lower().startswith("data:"):
                self.add(f"{where} loads {url[:80]} from another host", HOST_FIX, url)
        if re.search(r"expression\s*\(|javascript\s*:|behavior\s*:|-moz-binding", unsafe_text.decoded(css), re.I):
            self.add(f"{where} holds script in CSS", SCRIPT_FIX, css[:60])


def _script_needles(body: str) -> tuple[str, ...]:
    stripped = body.strip()
    return (stripped[:60], stripped[:25], stripped.split("(")[0][:40])


def scan(html: str, scripts: set[str], forms: set[frozenset], policy: str | None) -> list[Finding]:
    """Every finding in one built page. `scripts` and `forms`: the site's own (hooks/html/policy.py);
    `policy`: the page's own Content-Security-Policy (None: a page that should carry none)."""
    gate = _Gate(scripts, forms, policy)
    gate.feed(html)
    gate.close()
    if policy is not None and gate.policies != 1:
        gate.add(f"page carries {gate.policies} copies of the site's Content-Security-Policy, not one",
                 "check overrides/main.html's site_meta block", "")
    return gate.findings


# --- Where it came from ----------------------------------------------------------------------

def locate(root: Path, path: str, source: str | None, needles: tuple[str, ...]) -> tuple[str, int]:
    """The file and line that hold one of `needles`: the page's source first, then data/, includes/
    and overrides/; else the page at line 1."""
    candidates = [(path, source)] if source is not None else []
    for folder, pattern in (("data", "*.yml"), ("includes", "**/*"), ("overrides", "**/*.html"), ("docs", "**/*.md")):
        for file in sorted((Path(root) / folder).glob(pattern)):
            if file.is_file():
                candidates.append((file.relative_to(root).as_posix(), None))
    for needle in needles:
        variants = {needle, needle.replace("&", "&amp;"), needle.replace('"', "&quot;")}
        for rel, text in candidates:
            if text is None:
                try:
                    text = (Path(root) / rel).read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
            for variant in variants:
                index = text.find(variant)
                if index >= 0:
                    return rel, text.count("\n", 0, index) + 1
    return path, 1


def check(build, html: str, path: str, source: str | None, base_url: str) -> list[Problem]:
    """The gate on one built page: `path` its source file (docs/...), `source` its Markdown."""
    policy = build.policy
    findings = scan(html, policy.scripts(base_url), policy.forms(base_url), policy.content(base_url))
    problems = []
    for finding in findings:
        rel, line = locate(build.root, path, source, finding.needles)
        where = "" if rel == path else f" (found in the output of {path})"
        problems.append(Problem(rel, line, f"built page: {finding.message}{where}", finding.fix))
    return list(dict.fromkeys(problems))
