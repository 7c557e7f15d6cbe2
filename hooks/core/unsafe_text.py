"""Unsafe text: the one set of rules every input obeys, wherever it is rendered.

Page prose (hooks/checks/unsafe_content.py), every front matter value (hooks/checks/front_matter.py),
every string of every data file (hooks/data/datafiles.py) and every included snippet
(hooks/checks/snippets.py) are checked by `problems(text)`; each caller reports what it finds at
its own file and line. The rules:

- raw HTML: any tag (a specific message for script, iframe, style, object, embed, frame, base,
  form, meta, link, svg...); `on...=` event-handler attributes in a tag or an attr_list `{ }`;
- script URLs: `javascript:` and `vbscript:` anywhere, `data:` where a link or image takes a URL.
  They are matched in `decoded(text)`: HTML entities decoded (until nothing changes, so
  `&#106;avascript:`, `javascript&colon;` and `&amp;#106;` all count), then every control
  character, tab, newline, zero-width character and backslash removed, as a browser's URL parser
  drops tabs and newlines anywhere (`jav&#x09;ascript:` is `javascript:` to it);
- an image from another host (`![alt](https://...)`): the site loads nothing from elsewhere
  (page prose and snippets; a data field never renders an image);
- bidi control characters (U+202A-202E, U+2066-2069, "Trojan Source"), which make text display
  in another order than it is read, except inside a quotation that holds right-to-left letters
  and opens and closes every one of them there (`bidi_problems`).

Markdown code (`inline` and fenced) and HTML comments are the callers' to leave out.
"""
from __future__ import annotations

import html
import re
import unicodedata

DANGEROUS_TAGS = ("script", "iframe", "style", "object", "embed", "frame", "frameset", "base", "form", "meta",
                  "link", "svg", "math", "template", "applet", "portal", "noscript", "textarea", "title")
_DANGEROUS_TAG = re.compile(r"<\s*/?\s*(" + "|".join(DANGEROUS_TAGS) + r")\b", re.I)
_ANY_TAG = re.compile(r"</?([a-zA-Z][\w-]*)(?=[\s/>])")
_EVENT_ATTRIBUTE = re.compile(r"\bon[a-z]+\s*=", re.I)
_SCRIPT_ANYWHERE = re.compile(r"(?<![a-z0-9])(?P<scheme>javascript|vbscript|livescript)\s*:", re.I)
_URL_IN_LINK = re.compile(r"(?:\]\(\s*<?|\]:\s*<?|<|(?:src|href|action|formaction|data|poster)\s*=\s*[\"']?\s*)"
                          r"(?P<scheme>javascript|vbscript|data)\s*:", re.I)
_REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?\s*(?P<url>(?:[a-z][a-z0-9+.-]*:|//)[^)\s>]*)", re.I)
# What a browser's URL parser drops (tab, newline) and what hides a scheme from a reader: C0 and
# C1 controls, DEL, zero-width and other format characters (soft hyphen, joiners, BOM), backslashes.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2060-\u2064\ufeff\\]")

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_OPEN = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
              "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_QUOTATION = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"|\u00ab[^\u00bb]*\u00bb|\u2018[^\u2019]*\u2019")

TAG_FIX = "remove it; pages and data may not embed scripts, frames or styles"
HTML_FIX = "write Markdown (or plain text in data) instead; the theme and hooks produce all HTML"
EVENT_FIX = "remove the attribute; pages may not run scripts"
URL_FIX = "link to an https:// address instead"
IMAGE_FIX = ("copy the image into docs/assets/images/ and link it by a relative path: the site loads nothing from "
             "another host, so readers' browsers contact no one else")
BIDI_FIX = ("remove it: it makes text display in another order than it reads; a quotation in a right-to-left "
            "script may keep isolates (U+2066-2069) it opens and closes inside its quotation marks")


def decoded(text: str) -> str:
    """The text as a browser's URL parser would read it: entities decoded (repeatedly, so
    `&amp;#106;` counts too), then controls, tabs, newlines, invisible characters and backslashes removed."""
    for _ in range(5):
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return _INVISIBLE.sub("", text)


def script_url(text: str) -> str | None:
    """'javascript', 'vbscript' or 'data' if the text holds such a URL (after `decoded`), else None.
    `javascript:` and `vbscript:` count anywhere; `data:` only where a link, image or attribute takes a URL."""
    plain = decoded(text)
    match = _URL_IN_LINK.search(plain) or _SCRIPT_ANYWHERE.search(plain)
    return match["scheme"].lower() if match else None


def remote_image(text: str) -> str | None:
    """The URL of a Markdown image that is not a file of the site (another host, or any scheme)."""
    match = _REMOTE_IMAGE.search(decoded(text))
    return match["url"] if match else None


def bidi_problems(text: str) -> list[str]:
    """The bidi controls in `text` that are not allowed, by their code point name ('U+202E'). One is
    allowed only inside a quotation (“...”, "...", «...», ‘...’) that holds a right-to-left letter
    and in which every embedding, override or isolate it opens is closed again."""
    if not BIDI.search(text):
        return []
    allowed: set[int] = set()
    for quote in _QUOTATION.finditer(text):
        inner = quote.group(0)
        if not any(unicodedata.bidirectional(c) in ("R", "AL") for c in inner) or not _balanced(inner):
            continue
        allowed.update(range(quote.start(), quote.end()))
    return [f"U+{ord(m.group(0)):04X}" for m in BIDI.finditer(text) if m.start() not in allowed]


def _balanced(text: str) -> bool:
    stack = []
    for char in BIDI.findall(text):
        if char in _BIDI_OPEN:
            stack.append(_BIDI_OPEN[char])
        elif not stack or stack.pop() != char:
            return False
    return not stack


def problems(text: str, images: bool = True) -> list[tuple[str, str]]:
    """(message, fix) for each rule `text` breaks; `text` is Markdown or plain text without its
    code spans and HTML comments. `images`: also reject images from another host."""
    found = []
    dangerous = _DANGEROUS_TAG.search(text)
    if dangerous:
        found.append((f"raw <{dangerous.group(1).lower()}> tag is not allowed", TAG_FIX))
    else:
        tag = _ANY_TAG.search(text)
        if tag:
            found.append((f"raw HTML tag <{tag.group(1)}> is not allowed", HTML_FIX))
    if _EVENT_ATTRIBUTE.search(text) and ("<" in text or "{" in text):   # a tag or an attr_list
        found.append(("event-handler attribute (on...=) is not allowed", EVENT_FIX))
    scheme = script_url(text)
    if scheme:
        found.append((f"{scheme}: URL is not allowed", URL_FIX))
    if images:
        url = remote_image(text)
        if url and not scheme:
            found.append((f"image from another host ({url[:60]}) is not allowed", IMAGE_FIX))
    bidi = bidi_problems(text)
    if bidi:
        found.append((f"bidi control character {', '.join(dict.fromkeys(bidi))} is not allowed", BIDI_FIX))
    return found
