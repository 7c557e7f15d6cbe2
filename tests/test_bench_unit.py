"""scripts/bench.py's pure helpers (the benchmark itself is run by `make bench`, not by tests)."""
from scripts import bench


def test_a_two_layout_diagram_counts_once():
    html = ('<div class="mermaid mdx-diagram mdx-diagram--wide"></div>'
            '<div class="mermaid mdx-diagram mdx-diagram--narrow"></div>'
            '<div class="mermaid mdx-diagram"></div><pre class="mermaid">graph TD</pre>')
    assert bench.count_diagrams(html) == 3


def test_diagrams_inside_templates_do_not_count():
    html = '<template><div class="mermaid mdx-diagram"></div></template><div class="mermaid mdx-diagram"></div>'
    assert bench.count_diagrams(html) == 1
