"""Every quoted phrase in a 'What the report says' box is the report's own words."""
from __future__ import annotations

import re

from conftest import ROOT

# The text of the report the site holds (tests/build/test_restatement.py reads it too).
SOURCE = ROOT / "tests/data/in12355_opening.txt"


def test_quotations_in_report_boxes_are_in_the_report_text():
    """Every quoted phrase inside a 'What the report says' box appears word for word in the report."""
    report = SOURCE.read_text(encoding="utf-8").replace("\u2019", "'")
    for page in sorted((ROOT / "docs").rglob("*.md")):
        in_box = False
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("!!! "):
                in_box = line.startswith("!!! report")
                continue
            if line and not line.startswith(" "):
                in_box = False
            if in_box:
                for quote in re.findall(r'"([^"]+)"', line):
                    assert quote in report, f"{page.relative_to(ROOT)}: {quote!r} is not in the report text"
