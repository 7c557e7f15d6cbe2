"""hooks/html/place_links.py: a place's first mention in running text links to it."""
from __future__ import annotations

from helpers.sample import BY_ID

from hooks.html import place_links


def test_first_running_text_mention_is_linked_once():
    html_text = ('<h2>Vladivostok</h2><p class="admonition-title">Vladivostok</p>'
                 '<p>Ships went to <a href="x">Vladivostok</a> and then <code>Vladivostok</code>; '
                 'Vladivostok and Kursk. Later Vladivostok again.</p><div class="footnote"><p>Kursk</p></div>')
    out = place_links.link_first_mentions(html_text, [BY_ID["vladivostok"], BY_ID["kursk"]], "../places/")
    assert out.count('class="mdx-place"') == 2
    assert '; <a class="mdx-place" href="../places/#vladivostok">Vladivostok</a> and <a class="mdx-place" href="../places/#kursk">Kursk</a>.' in out
    assert "<h2>Vladivostok</h2>" in out and '<div class="footnote"><p>Kursk</p></div>' in out
