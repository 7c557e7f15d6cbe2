"""hooks/diagrams/phone_variants.py: where the browser draws (`make serve`,
PRERENDER_DIAGRAMS=false), a diagram and its phone variant are wrapped so one shows per width."""
from __future__ import annotations

from hooks.diagrams import phone_variants
from hooks.diagrams import prerender as pre

WIDE_PRE = '<pre class="mermaid"><code>flowchart LR\n    accTitle: T\n</code></pre>'

PHONE_PRE = '<pre class="mermaid"><code>%% phone\nflowchart TB\n    accTitle: T\n</code></pre>'

OTHER_PRE = '<pre class="mermaid"><code>sequenceDiagram\n    accTitle: U\n</code></pre>'


def test_client_side_pairs_a_diagram_with_its_phone_variant():
    out = phone_variants.wrap_phone_variants(f"<p>x</p>{OTHER_PRE}<p>y</p>{WIDE_PRE}\n{PHONE_PRE}<p>z</p>")
    assert out == (f'<p>x</p>{OTHER_PRE}<p>y</p><div class="mdx-diagram--wide">{WIDE_PRE}</div>\n'
                   f'<div class="mdx-diagram--narrow">{PHONE_PRE}</div><p>z</p>')
    # two diagrams in a row, the second with a variant: only the second pair is wrapped
    out = phone_variants.wrap_phone_variants(OTHER_PRE + WIDE_PRE + PHONE_PRE)
    assert out == OTHER_PRE + f'<div class="mdx-diagram--wide">{WIDE_PRE}</div><div class="mdx-diagram--narrow">{PHONE_PRE}</div>'


def test_client_side_leaves_diagrams_without_an_adjacent_variant_alone():
    for html in (WIDE_PRE + OTHER_PRE, WIDE_PRE + "<p>text</p>" + PHONE_PRE, PHONE_PRE, WIDE_PRE):
        assert phone_variants.wrap_phone_variants(html) == html


def test_client_side_wrapping_runs_exactly_where_prerendering_does_not():
    # hooks/pipeline.py wraps the variants (phone_variants.pair_variants) exactly where this is False
    assert not pre.prerendered("serve", True)        # make serve
    assert not pre.prerendered("build", False)       # PRERENDER_DIAGRAMS=false
    assert pre.prerendered("build", True)            # published builds draw both layouts
