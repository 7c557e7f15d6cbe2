"""hooks/render/downloads.py and download_pages.py: the editions offered and how they read."""
from __future__ import annotations

import re

from hooks.render import download_pages, downloads


def test_a_missing_edition_file_is_reported(tmp_path):
    (tmp_path / "dist").mkdir()
    editions, problems = downloads.find_editions(tmp_path, "dist", ["pdf", "zip", "epub"])
    assert editions == {}
    assert [str(p) for p in problems] == [
        "dist/in12355-explainer.pdf:1: edition file is missing (run `make build`, which builds the PDF and the offline zip before the site)",
        "dist/in12355-explainer-offline.zip:1: edition file is missing (run `make build`, which builds the PDF and the offline zip before the site)",
        "mkdocs.yml:1: extra.downloads.editions: unknown edition 'epub' (use some of: pdf, zip)",
    ]


def test_edition_sizes_and_dates_read_as_a_reader_expects(tmp_path, monkeypatch):
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "in12355-explainer.pdf").write_bytes(b"%PDF" + b"x" * 1_500_000)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    editions, problems = downloads.find_editions(tmp_path, "dist", ["pdf"])
    assert not problems
    text = download_pages.render_editions("about.md", editions, "https://x.org/about/#downloads")
    assert "1.5 MB, built September 21, 2026." in text
    assert re.search(r"SHA-256: `[0-9a-f]{64}`", text)
    assert "(in12355-explainer-offline.zip): " in text and "https://x.org/about/#downloads" in text
    assert download_pages.human_size(659_000) == "659 KB"
    assert download_pages.hosted_url("https://x.org/site/", "report/index.md") == "https://x.org/site/report/"
