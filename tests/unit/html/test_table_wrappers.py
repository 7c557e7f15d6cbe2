"""hooks/html/table_wrappers.py: tables wrapped and classed as Material's script would do it."""
from __future__ import annotations

from hooks.html.table_wrappers import CLASS, CLOSE, OPEN, wrap_tables


def test_a_classless_table_is_wrapped_and_classed():
    out = wrap_tables("<p>x</p><table><thead><tr><th>A</th></tr></thead></table><p>y</p>")
    assert out == f'<p>x</p>{OPEN}<table class="{CLASS}"><thead><tr><th>A</th></tr></thead></table>{CLOSE}<p>y</p>'


def test_attributes_are_kept_and_a_classed_table_is_left_alone():
    stacked = wrap_tables('<table data-mdx-stack><tr><td data-label="A">1</td></tr></table>')
    assert stacked.startswith(f'{OPEN}<table class="{CLASS}" data-mdx-stack>')
    assert stacked.count("<table") == 1 and stacked.endswith(f"</table>{CLOSE}")
    classed = '<table class="highlighttable"><tr><td>1</td></tr></table>'
    assert wrap_tables(classed) == classed


def test_two_tables_are_wrapped_separately():
    out = wrap_tables("<table><tr><td>1</td></tr></table><p>between</p><table><tr><td>2</td></tr></table>")
    assert out.count(OPEN) == 2 and out.count(CLOSE) == 2
    assert f"</table>{CLOSE}<p>between</p>{OPEN}" in out
