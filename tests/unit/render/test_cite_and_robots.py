"""hooks/render/cite_this_page.py and robots_txt.py."""
from __future__ import annotations

from hooks.checks import unsafe_content
from hooks.render import cite_this_page, robots_txt


def test_cite_this_page_render():
    report = {"id": "IN12355", "title": "North Korea-Russia Relations: Current Developments", "date": "2024-05-06",
              "url": "https://www.everycrsreport.com/reports/IN12355.html"}
    import datetime
    out = cite_this_page.render(report, "Sanctions", "Explainer", "https://x.org/report/sanctions/",
                                datetime.date(2026, 11, 30), "Explainer contributors")
    assert out.startswith("## Cite this page\n")
    assert "Congressional Research Service. (2024, May 6). *North Korea-Russia Relations: Current Developments* (CRS Insight No. IN12355)." in out
    assert "**This page (APA):** Explainer contributors. (2026, November 30). *Sanctions*. Explainer. https://x.org/report/sanctions/\n" in out
    assert '**This page (Chicago):** Explainer contributors. "Sanctions." Explainer. Last reviewed November 30, 2026. https://x.org/report/sanctions/.' in out
    assert "accessed" not in out and "*date*" not in out
    undated = cite_this_page.render(report, "Sanctions", "Explainer", "https://x.org/s/")
    assert "Explainer. (n.d.). *Sanctions*. Explainer. https://x.org/s/" in undated
    assert "@techreport{crs_in12355_2024," in out and "month       = {may}," in out
    assert unsafe_content.check("x.md", out) == []


def test_robots_txt_render():
    assert robots_txt.render("https://x.org/site") == "User-agent: *\nAllow: /\n\nSitemap: https://x.org/site/sitemap.xml\n"
