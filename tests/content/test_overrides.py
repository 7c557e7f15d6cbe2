"""The theme overrides: copied Material partials match the installed Material but for their
listed edits, and the logo is drawn white for the dark-blue header."""
from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from conftest import ROOT

# Each copied Material partial in overrides/partials/, and the only edits made to it (ours -> Material's).
PARTIAL_EDITS = {
    "palette.html": [('<form class="md-header__option" data-mdx-palette>',
                      '<form class="md-header__option" data-md-component="palette">')],
    "search.html": [(' role="dialog" aria-label="{{ lang.t(\'search\') }}">', ' role="dialog">')],
}


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "overrides" / "partials").glob("*.html")))
def test_copied_partials_match_the_installed_material_but_for_their_edits(name):
    """An upgrade of Material that changes a partial we copied fails here, naming the file to re-copy."""
    strip = lambda text: re.sub(r"\A\{#-.*?-#\}\n", "", text, flags=re.S)  # noqa: E731  (the header comment)
    ours = strip((ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8"))
    for edited, original in PARTIAL_EDITS.get(name, []):
        assert edited in ours, f"overrides/partials/{name}: expected edit {edited!r} is gone"
        ours = ours.replace(edited, original, 1)
    theirs = strip((Path(material.__file__).parent / "templates" / "partials" / name).read_text(encoding="utf-8"))
    assert ours == theirs, (f"overrides/partials/{name} differs from Material's partials/{name} beyond its listed "
                            "edits: re-copy it from the installed Material and re-apply them (PARTIAL_EDITS)")


def test_logo_is_white_on_the_header():
    """The logo is an <img>, so currentColor inside it is black, not the header's white text."""
    svg = (ROOT / "docs/assets/images/logo.svg").read_text(encoding="utf-8")
    fills = set(re.findall(r'fill="([^"]+)"', svg))
    assert fills == {"#ffffff"}, f"logo fills {fills}: draw it white, the header is dark blue in both schemes"
