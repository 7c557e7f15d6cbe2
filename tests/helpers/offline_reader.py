"""One guarded browser page on an unzipped offline edition, opened from disk (file://) as a reader
opens it: conftest's `unzipped` (the zip `make build` publishes). Used by tests/browser/test_offline_zip.py,
which imports this module's `reader_page`."""
from __future__ import annotations

import pytest

from helpers.guard import guarded_context


@pytest.fixture(scope="module")
def reader_page(browser, unzipped):
    """(page, guard) on the unzipped site in the light scheme, shared by the module's tests."""
    context, page, guard = guarded_context(browser, unzipped.as_uri() + "/", "light")
    yield page, guard
    context.close()
