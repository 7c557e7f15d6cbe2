"""hooks/html/footnote_passages.py: a footnote's back-links join its citation, before the passages' fold."""
from __future__ import annotations

from hooks.html import footnote_passages

BEFORE = ('<li id="fn:t">\n<p>TASS, <a href="https://tass.com/1">x</a>, 2025.</p>\n<details class="quote">\n<summary>The source\'s words'
          '</summary>\n<blockquote>\n<p>“q”</p>\n</blockquote>\n</details>\n<p><a class="footnote-backref" href="#fnref:t">↩</a>'
          '<a class="footnote-backref" href="#fnref2:t">↩</a></p>\n</li>')


def test_backlinks_move_to_the_citation_and_the_fold_follows():
    out = footnote_passages.join_backlinks(BEFORE)
    assert out.startswith('<li id="fn:t">\n<p>TASS, <a href="https://tass.com/1">x</a>, 2025. <a class="footnote-backref" href="#fnref:t">↩</a>'
                          '<a class="footnote-backref" href="#fnref2:t">↩</a></p>\n<details class="quote">')
    assert out.count("<p>") == 2 and out.rstrip().endswith("</details>\n\n</li>")


def test_a_footnote_without_passages_is_left_as_it_is():
    plain = '<li id="fn:u">\n<p>X, <a href="https://x.org">t</a>. <a class="footnote-backref" href="#fnref:u">↩</a></p>\n</li>'
    assert footnote_passages.join_backlinks(plain) == plain


def test_the_tooltip_is_the_citation_without_the_passages():
    from hooks.html import footnote_titles
    html = '<p>Text<sup id="fnref:t"><a class="footnote-ref" href="#fn:t">1</a></sup></p>\n<div class="footnote"><ol>\n' + BEFORE + "\n</ol></div>"
    assert footnote_titles.note_texts(html)["t"] == "TASS, x, 2025."
