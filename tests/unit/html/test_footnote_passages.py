"""hooks/html/footnote_passages.py: a footnote's back-links join its citation, before the passages' fold."""
from __future__ import annotations

from hooks.html import footnote_passages

BEFORE = ('<li id="fn:t">\n<p>TASS, <a href="https://tass.com/1">x</a>, 2025.</p>\n<details class="quote">\n<summary>The source\'s words'
          '</summary>\n<blockquote>\n<p>“q”</p>\n</blockquote>\n</details>\n<p><a class="footnote-backref" href="#fnref:t">↩</a>'
          '<a class="footnote-backref" href="#fnref2:t">↩</a></p>\n</li>')


def test_backlinks_move_to_the_citation_and_the_fold_follows():
    out = footnote_passages.join_backlinks(BEFORE)
    assert out.startswith('<li id="fn:t">\n<p>TASS, <a href="https://tass.com/1">x</a>, 2025. <span class="mdx-backrefs">'
                          '<a class="footnote-backref" href="#fnref:t">↩</a><a class="footnote-backref" href="#fnref2:t">↩</a></span>'
                          '</p>\n<details class="quote">')
    assert out.count("<p>") == 2 and out.rstrip().endswith("</details>\n\n</li>")


def test_a_footnote_without_passages_keeps_its_place_and_its_back_links_are_held_together():
    plain = '<li id="fn:u">\n<p>X, <a href="https://x.org">t</a>. <a class="footnote-backref" href="#fnref:u">↩</a></p>\n</li>'
    assert footnote_passages.join_backlinks(plain) == plain.replace('<a class="footnote-backref" href="#fnref:u">↩</a>',
                                                                   '<span class="mdx-backrefs"><a class="footnote-backref" href="#fnref:u">↩</a></span>')


def test_the_tooltip_is_the_citation_without_the_passages():
    from hooks.html import footnote_titles
    html = '<p>Text<sup id="fnref:t"><a class="footnote-ref" href="#fn:t">1</a></sup></p>\n<div class="footnote"><ol>\n' + BEFORE + "\n</ol></div>"
    assert footnote_titles.note_texts(html)["t"] == "TASS, x, 2025."


def test_each_footnote_holds_only_its_own_back_links():
    two = ('<li id="fn:a">\n<p>A. <a class="footnote-backref" href="#fnref:a">↩</a></p>\n</li>\n'
           '<li id="fn:b">\n<p>B, <a href="https://b.org">t</a>. <a class="footnote-backref" href="#fnref:b">↩</a>'
           '<a class="footnote-backref" href="#fnref2:b">↩</a></p>\n</li>')
    out = footnote_passages.join_backlinks(two)
    assert out.count('<span class="mdx-backrefs">') == 2
    assert '<span class="mdx-backrefs"><a class="footnote-backref" href="#fnref:a">↩</a></span></p>\n</li>\n<li id="fn:b">' in out
