#!/usr/bin/env python3
"""Draw docs/assets/images/social-card.png (1200x630), the Open Graph / Twitter card image.

Re-run after changing the site's title or colours: .venv/bin/python scripts/make_social_card.py
It renders a small HTML card in headless Chromium (system `chromium`) and screenshots it.
"""
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

TARGET = Path(__file__).resolve().parent.parent / "docs/assets/images/social-card.png"
CARD = """<!doctype html><html><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:72px 80px;background:#1d3f6e;color:#fff;
            font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;display:flex;flex-direction:column">
  <div style="font-size:30px;letter-spacing:2px;opacity:.9">AN EXPLAINER OF CRS INSIGHT IN12355</div>
  <div style="font-size:76px;font-weight:700;line-height:1.1;margin-top:40px">North Korea-Russia Relations:<br>Current Developments</div>
  <div style="font-size:34px;margin-top:36px;opacity:.95">The May 6, 2024 report restated, with diagrams, sources and what happened next</div>
  <div style="margin-top:auto;font-size:26px;opacity:.85">Unofficial restatement &middot; not affiliated with CRS or Congress</div>
</div></body></html>"""

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page(viewport={"width": 1200, "height": 630})
    page.set_content(CARD)
    page.screenshot(path=str(TARGET))
    browser.close()
print(f"wrote {TARGET} ({TARGET.stat().st_size // 1024} KB)")
