"""robots.txt: write one into the built site that allows everything and names the sitemap.

Generated at build time (into site_dir, never into docs/) because the sitemap's address
depends on `site_url`, which the deploy workflow sets. Skipped when site_url is empty.
"""
from __future__ import annotations

from pathlib import Path

# --- Steps (hooks/pipeline.py) -------------------------------------------------------------

def write(config) -> None:
    """robots.txt in the built site, when there is a site_url to name the sitemap by."""
    if config.site_url:
        Path(config.site_dir, "robots.txt").write_text(render(config.site_url), encoding="utf-8")


# --- Helpers -------------------------------------------------------------------------------

def render(site_url: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"
