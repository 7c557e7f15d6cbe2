"""scripts/pdf_edition.py prints in Chromium: a print page that asks for another host fails clearly."""
from __future__ import annotations

import pytest

from scripts import pdf_edition as pdf


@pytest.mark.browser
def test_a_print_page_that_needs_the_network_fails_clearly(browser, tmp_path):
    page = tmp_path / pdf.PRINT_FILE
    page.write_text('<!doctype html><html lang="en"><head><link rel="stylesheet" href="https://cdn.example.org/x.css">'
                    "</head><body><p>Text</p></body></html>", encoding="utf-8")
    meta = {"site_name": "S", "report_id": "IN12355", "build_date": "November 30, 2026"}
    with pytest.raises(SystemExit, match=r"_print.html: the print page asked for files from another host: \['https://cdn.example.org/x.css'\]"):
        pdf.print_pdf(browser, page, meta, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
