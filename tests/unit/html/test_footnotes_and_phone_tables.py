"""hooks/html/footnote_titles.py and phone_tables.py."""
from __future__ import annotations

from hooks.html import footnote_titles, phone_tables


def test_footnote_titles_from_markdown_output():
    import markdown
    html = markdown.markdown('A fact.[^1] Again.[^1] Other.[^b]\n\n[^1]: The *source*, [Report](https://x.org/?a=1&b=2) "quoted".\n'
                             '[^b]: Two\n    lines & <i>more</i>.', extensions=["footnotes"])
    out = footnote_titles.add_titles(html)
    assert out.count('href="#fn:1" title="The source, Report &quot;quoted&quot;."') == 2
    assert 'href="#fn:b" title="Two lines &amp; more."' in out
    assert footnote_titles.add_titles("<p>No notes.</p>") == "<p>No notes.</p>"


def test_phone_tables_label_each_cell_with_its_heading_as_plain_text():
    head = "<thead><tr><th>Date <em>of</em>\n action</th><th>Who &amp; where</th><th>What</th><th>Source</th></tr></thead>"
    table = f"<table>{head}<tbody><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></tbody></table>"
    out = phone_tables.label_tables(table)
    assert out.startswith("<table data-mdx-stack>")
    assert '<td data-label="Date of action">1</td><td data-label="Who &amp; where">2</td>' in out
    narrow = table.replace("<th>Source</th>", "").replace("<td>4</td>", "")
    assert phone_tables.label_tables(narrow) == narrow, "a table of three columns stays as it is"


def test_footnote_titles_cut_long_notes():
    note = "word " * 100
    html = f'<a class="footnote-ref" href="#fn:x">1</a><li id="fn:x"><p>{note}</p></li>'
    title = footnote_titles.note_texts(html)["x"]
    assert len(title) == footnote_titles.MAX_CHARS and title.endswith("…")
