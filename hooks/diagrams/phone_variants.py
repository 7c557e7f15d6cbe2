"""Phone variants where the browser draws the diagrams (`make serve`, PRERENDER_DIAGRAMS=false).

Why: a diagram may have a contributor phone variant, a second ```mermaid fence right after it
whose first line is `%% phone` (CONTRIBUTING.md, "Add a diagram"). Published builds draw both at
build time and show one of them per width (hooks/diagrams/prerender.py). Where the browser draws
the diagrams instead, Material drew both fences, one under the other.

How: when hooks/diagrams/prerender.py does not draw the page, each diagram and the phone variant
right after it are wrapped in the two classes the pre-rendered layouts carry,
    <div class="mdx-diagram--wide"><pre class="mermaid">...</pre></div>
    <div class="mdx-diagram--narrow"><pre class="mermaid">%% phone ...</pre></div>
so the same media query in extra.css (45em) shows one of them, as in the published site.
Wrappers, not classes on the <pre>: Material replaces each <pre> with a new <div class="mermaid">
that keeps none of the old element's classes.
"""
from __future__ import annotations

import html

from hooks.core.mermaid_text import PRE, is_phone_variant

# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def pair_variants(output: str) -> str:
    """When the browser draws (`make serve`): each diagram and its phone variant, one per width."""
    return wrap_phone_variants(output)


# --- Helpers -------------------------------------------------------------------------------

def wrap_phone_variants(output: str) -> str:
    """Wrap each fence followed (across white space only) by a `%% phone` fence: the first in
    `mdx-diagram--wide`, the phone variant in `mdx-diagram--narrow`."""
    fences = list(PRE.finditer(output))
    phone = [is_phone_variant(html.unescape(f["code"]).lstrip()) for f in fences]
    pieces, done = [], 0
    for i in range(len(fences) - 1):
        wide, narrow = fences[i], fences[i + 1]
        if phone[i] or not phone[i + 1] or output[wide.end():narrow.start()].strip():
            continue
        pieces += [output[done:wide.start()], f'<div class="mdx-diagram--wide">{wide[0]}</div>',
                   output[wide.end():narrow.start()], f'<div class="mdx-diagram--narrow">{narrow[0]}</div>']
        done = narrow.end()
    return "".join(pieces) + output[done:]
