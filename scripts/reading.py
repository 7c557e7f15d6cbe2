"""How long each page is to read: python -m scripts.reading SITE_DIR [--json].

For every built page of a hosted build (`mkdocs build -d SITE_DIR`), in headless Chromium at a
390x844 phone with every fold (<details>) closed, as a reader first meets the page:
- `screens`: the page's height divided by the phone's 844 px;
- `words` and `minutes` (at 238 words a minute, the adult silent-reading average of Brysbaert 2019),
  counting the whole article with its folds, not the footnotes or the "Cite this page" block;
- `grade`: the Flesch-Kincaid grade level of the article's running prose (paragraphs and list items
  outside tables, footnotes, diagrams and code).
tests/browser/test_page_length.py turns these into pass/fail (at most 12 screens, grade 11);
`make bench` prints them. `fk_grade` is the pure formula, unit-tested.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from hooks.diagrams import chromium

PHONE = (390, 844)
WORDS_PER_MINUTE = 238
MAX_SCREENS = 12
MAX_GRADE = 11

# What a reader meets on the phone with folds closed, and the text the counts are made of.
MEASURE = """
() => {
  for (const d of document.querySelectorAll(".md-content details")) d.open = false;
  const article = document.querySelector(".md-content__inner");
  const skip = "pre, code, svg, table, .footnote, .mdx-cite, #cite-this-page ~ *, .mermaid, .mdx-map, .md-source-file";
  const visible = (el) => !el.closest(skip) && !el.closest("#cite-this-page");
  const text = (el) => el.textContent.replace(/\\s+/g, " ").trim();
  const all = [...article.querySelectorAll("p, li, h1, h2, h3, h4, dt, dd, summary, td, th")]
    .filter((el) => !el.closest(".footnote") && !el.closest("pre, svg, .mermaid"));
  const cite = article.querySelector("#cite-this-page");
  const beforeCite = (el) => !cite || (cite.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  const leaves = all.filter((el) => !el.querySelector("p, li, dd") && beforeCite(el));
  const prose = [...article.querySelectorAll("p, li")]
    .filter((el) => visible(el) && beforeCite(el) && !el.querySelector("p, li") && !el.closest("nav"));
  return {
    height: document.documentElement.scrollHeight,
    words: leaves.map(text).join(" ").split(" ").filter((w) => /[A-Za-z0-9]/.test(w)).length,
    prose: prose.map(text).filter((t) => t.split(" ").length >= 4).join("\\n"),
  };
}
"""


def syllables(word: str) -> int:
    """A vowel-group count with the usual English corrections; at least 1."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def fk_grade(text: str) -> float:
    """Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59. Each line is at
    least one sentence (list items and paragraphs end sentences); numbers count as one syllable."""
    sentences = sum(max(1, len(re.findall(r"[.!?](?=\s|$)", line))) for line in text.splitlines() if line.strip())
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*", text)]
    if not words or not sentences:
        return 0.0
    count = sum(syllables(w) if w[0].isalpha() else 1 for w in words)
    return round(0.39 * len(words) / sentences + 11.8 * count / len(words) - 15.59, 1)


def measure(browser, base_url: str, pages: list[str]) -> dict[str, dict]:
    """{page path: {screens, words, minutes, grade}} at the phone size, folds closed."""
    context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]}, device_scale_factor=1)
    context.route(re.compile(r"^(?!" + re.escape(base_url) + ")"), lambda route: route.abort())
    page = context.new_page()
    results = {}
    try:
        for path in pages:
            page.goto(base_url + path, wait_until="load")
            page.wait_for_function("() => window.mdxMaterial !== undefined", timeout=15000)
            found = page.evaluate(MEASURE)
            results[path] = {"screens": round(found["height"] / PHONE[1], 1), "words": found["words"],
                             "minutes": round(found["words"] / WORDS_PER_MINUTE, 1), "grade": fk_grade(found["prose"])}
    finally:
        context.close()
    return results


def site_pages(site: Path) -> list[str]:
    """Every page of a hosted build, as URL paths ("", "report/summary/", ...), 404 left out."""
    found = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in found if not p.startswith(("search", "assets", "downloads"))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path, help="a hosted build (mkdocs build -d DIR)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from tests.helpers.server import Server   # noqa: PLC0415 (the tests' static server, no extra dependency)
    server = Server(args.site)
    try:
        with chromium.browser("to measure reading length") as browser:
            results = measure(browser, server.url, site_pages(args.site))
    finally:
        server.close()
    if args.json:
        json.dump(results, sys.stdout, indent=1)
        return 0
    print(f"{'page':<28} {'screens':>7} {'words':>6} {'min':>5} {'grade':>5}")
    for path, r in results.items():
        flag = " <" if r["screens"] > MAX_SCREENS or r["grade"] > MAX_GRADE else ""
        print(f"{path or '/':<28} {r['screens']:>7} {r['words']:>6} {r['minutes']:>5} {r['grade']:>5}{flag}")
    total = sum(r["words"] for r in results.values())
    print(f"{'all pages':<28} {'':>7} {total:>6} {round(total / WORDS_PER_MINUTE):>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
