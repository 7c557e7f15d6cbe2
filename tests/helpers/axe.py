"""axe-core through axe-playwright-python, with the WCAG tags the accessibility tests hold every page
to (tests/browser/test_axe.py, tests/browser/test_maps.py)."""
from __future__ import annotations

import pytest

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Only the violations come back: the same findings, without the details of every rule that passed.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}

# axe rule id -> why a violation of it is accepted. Prefer fixing; every entry needs its reason.
ALLOWED_AXE_RULES: dict[str, str] = {}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()
