"""Issue 26: the output gate (hooks/html/output_gate.py) on built HTML, whatever path put it there."""
from __future__ import annotations

import pytest

from hooks.html import output_gate, policy

OWN = "console.log('own')"
PAGE = ('<!doctype html><html><head><meta charset="utf-8">{policy}</head><body>'
        '<form class="md-search__form" name="search"><input name="query"></form>'
        '<script>' + OWN + '</script><script id="__config" type="application/json">{{}}</script>'
        '<script type="application/ld+json">{{}}</script><script src="assets/x.js"></script>'
        '<img src="assets/logo.svg" alt=""><a href="https://example.org/">out</a>{body}</body></html>')
SCRIPTS = {policy.sha256(OWN)}
FORMS = {frozenset({("class", "md-search__form"), ("name", "search")})}
POLICY = policy.hosted_policy(SCRIPTS)


def findings(body: str) -> list[str]:
    html = PAGE.format(policy=f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">', body=body)
    return [f.message for f in output_gate.scan(html, SCRIPTS, FORMS, POLICY)]


def test_the_site_s_own_page_passes():
    assert findings("") == []


@pytest.mark.parametrize("body, expected", [
    ("<script>alert(1)</script>", "inline script that is not one of the site's own (sha256-"),
    ("<svg><script>alert(1)</script></svg>", "inline script that is not one of the site's own"),
    ('<script type="module">alert(1)</script>', "inline script that is not one of the site's own"),
    ('<script type="text/plain">x</script>', '<script type="text/plain"> that is not one of the theme\'s data blocks'),
    ('<script type="application/ld+json">{}</script>', "a second the page's JSON-LD block"),
    ('<script src="https://cdn.example/x.js"></script>', "<script src> loads https://cdn.example/x.js from another host"),
    ('<img src="x" onerror="alert(1)">', "<img> has an event-handler attribute onerror="),
    ('<div ONCLICK="x()">', "<div> has an event-handler attribute onclick="),
    ('<a href="javascript:alert(1)">x</a>', "<a href> holds a javascript: URL"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "<a href> holds a javascript: URL"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "<a href> holds a javascript: URL"),
    ('<a href=" &#x01;javascript:alert(1)">x</a>', "<a href> holds a javascript: URL"),
    ('<a href="vbscript:x">x</a>', "<a href> holds a vbscript: URL"),
    ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', "<a href> holds a data: URL"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "<a xlink:href> holds a javascript: URL"),
    ('<form action="https://evil.example/"><button formaction="javascript:x">b</button></form>', "<form> that is not one of the theme's own"),
    ('<button formaction="javascript:x">b</button>', "<button formaction> holds a javascript: URL"),
    ('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>', "<animate values> holds a javascript: URL"),
    ('<iframe src="https://example.org/"></iframe>', "<iframe> is not allowed"),
    ('<object data="x.swf"></object>', "<object> is not allowed"),
    ('<embed src="x.swf">', "<embed> is not allowed"),
    ('<base href="https://evil.example/">', "<base> is not allowed"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', '<meta http-equiv="refresh"> other than the site\'s own policy'),
    ('<img src="https://other.example/a.png" alt="">', "<img src> loads https://other.example/a.png from another host"),
    ('<img srcset="a.png 1x, https://other.example/b.png 2x" alt="">', "<img srcset> loads https://other.example/b.png"),
    ('<link rel="stylesheet" href="//other.example/a.css">', '<link rel="stylesheet"> loads //other.example/a.css from another host'),
    ('<link rel="preconnect" href="https://fonts.example/">', "from another host"),
    ('<video src="https://other.example/v.mp4"></video>', "<video src> loads https://other.example/v.mp4 from another host"),
    ('<audio><source src="https://other.example/a.mp3"></audio>', "<source src> loads https://other.example/a.mp3"),
    ('<style>@font-face{src:url(https://fonts.example/f.woff2)}</style>', "<style> loads https://fonts.example/f.woff2 from another host"),
    ('<p style="background:url(\'https://other.example/t.png\')">x</p>', "<p style> loads https://other.example/t.png"),
    ('<style>@import "https://other.example/a.css";</style>', "<style> loads https://other.example/a.css from another host"),
])
def test_hostile_markup_is_caught(body, expected):
    found = findings(body)
    assert any(expected in message for message in found), found


def test_a_page_without_its_policy_or_with_a_second_is_caught():
    html = PAGE.format(policy="", body="")
    assert "page carries 0 copies" in output_gate.scan(html, SCRIPTS, FORMS, POLICY)[0].message
    other = PAGE.format(policy='<meta http-equiv="Content-Security-Policy" content="script-src *">', body="")
    assert any("other than the site's own policy" in f.message for f in output_gate.scan(other, SCRIPTS, FORMS, POLICY))


def test_policies_as_shipped():
    hosted = policy.hosted_policy({"abc="})
    assert "script-src 'self' 'sha256-abc='" in hosted and "'unsafe-inline'" not in hosted.split("style-src")[0]
    for directive in ("object-src 'none'", "base-uri 'self'", "form-action 'none'", "img-src 'self' data:", "frame-src 'none'"):
        assert directive in hosted
    offline = policy.offline_policy()
    assert "script-src 'self' file: 'unsafe-inline'" in offline and "sha256" not in offline
    assert "object-src 'none'" in offline and "form-action 'none'" in offline and "base-uri 'self'" in offline


def test_the_line_is_found_in_the_sources(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/timeline.yml").write_text("- text: one\n- text: two <img src=x onerror=alert(7)>\n")
    finding = findings('<img src="x" onerror="alert(7)">')
    assert finding
    gate = output_gate.scan(PAGE.format(policy="", body='<img src="x" onerror="alert(7)">'), SCRIPTS, FORMS, None)
    needles = next(f.needles for f in gate if "onerror" in f.message)
    assert output_gate.locate(tmp_path, "docs/a.md", "# A\n\nNothing here.\n", needles) == ("data/timeline.yml", 2)
    assert output_gate.locate(tmp_path, "docs/a.md", "# A\n\nx onerror=alert(7)\n", needles) == ("docs/a.md", 3)
