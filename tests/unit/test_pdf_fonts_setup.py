"""The PDF prints Korean and Russian names (data/names.yml): the set-up installs fonts for them (issue 27).

The pages load no web fonts; the Chromium that prints the PDF uses the machine's fonts, so both the
Makefile's set-up (before `make pdf` and the tests) and CI's .ci/run install Hangul and Cyrillic ones.
"""
from __future__ import annotations

import re

from conftest import ROOT


def test_makefile_installs_hangul_and_cyrillic_fonts_before_the_pdf():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^FONT_PACKAGES := .*fonts-nanum.*fonts-dejavu-core", makefile, re.M)
    assert re.search(r"^pdf: .*\$\(VENV\)/\.fonts", makefile, re.M)
    assert re.search(r"^\$\(VENV\)/\.test-deps: .*\$\(VENV\)/\.fonts", makefile, re.M)
    assert "fc-list :lang=ko" in makefile and "fc-list :lang=ru" in makefile


def test_ci_installs_the_same_fonts():
    run = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "fonts-nanum" in run and "fonts-dejavu-core" in run and "fc-list :lang=ko" in run
    assert run.index("fonts-nanum") < run.index("make test")


def test_pages_load_no_web_fonts():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^  font: false", config, re.M)
    for css in (ROOT / "docs/assets/stylesheets").glob("*.css"):
        assert "@font-face" not in css.read_text(encoding="utf-8"), css.name
