#!/usr/bin/env python3
"""Benchmark the site: build times, offline zip size, Lighthouse scores and diagram draw times.

    make bench                      # = .venv/bin/python scripts/bench.py (every page, 3 runs each)
    scripts/bench.py --runs 1 --pages report/ --presets desktop
    scripts/bench.py --write-benchmarks   # also refresh the marked section of BENCHMARKS.md

A benchmark, not a test: it reports and judges budgets but never fails on a miss. It times
`mkdocs build --strict` of both editions (median of 3), zips the offline edition, serves the
hosted edition on 127.0.0.1 with gzip and GitHub Pages' caching headers, runs Lighthouse (pinned
in bench/package.json) on every nav page in the mobile and desktop presets, and times how long
each diagram page takes to draw its diagrams in Chromium at 1280x800. Medians throughout.
The report goes to stdout and bench/results/latest.md; raw Lighthouse JSON to bench/results/.
"""
from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH, RESULTS = ROOT / "bench", ROOT / "bench" / "results"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH") or os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
BUILD_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
TEXT_TYPES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
# A diagram: a Mermaid fence, or a pre-rendered host (class token `mdx-diagram` itself, not the
# `mdx-diagram--wide`/`--narrow` wrappers hooks/phone_variants.py puts round fences in `make serve`).
DIAGRAM = re.compile(r'<pre class="mermaid">|<(?:svg|div)\b[^>]*\bclass="(?:[^"]*\s)?mdx-diagram[\s"]')
NARROW = re.compile(r'<div\b[^>]*\bclass="(?:[^"]*\s)?mdx-diagram--narrow[\s"]')   # a layout shown instead of another
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MARKERS = ("<!-- bench:start -->", "<!-- bench:end -->")
# Draw time: the first frame where no <pre class="mermaid"> is left and all the page's shown diagram
# hosts (as many as the built HTML has diagrams, a two-layout diagram once) are in the document with a non-zero size.
# Shown = has a layout box (getClientRects): a host hidden itself or inside a hidden wrapper has none.
DRAW_PROBE = """(expected) => { const check = () => {
  const hosts = [...document.querySelectorAll('div.mermaid, .mdx-diagram')]
    .filter(h => h.getClientRects().length > 0);  // not the layout this width hides
  if (!document.querySelector('pre.mermaid') && hosts.length >= expected
      && hosts.every(h => { const r = h.getBoundingClientRect(); return r.width > 0 && r.height > 0; }))
    window.__drawnAt = performance.now();
  else requestAnimationFrame(check); }; requestAnimationFrame(check); }"""


# --- Setup and builds ----------------------------------------------------------------------

def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse into bench/node_modules once."""
    if not (BENCH / "node_modules").exists():
        command = "ci" if (BENCH / "package-lock.json").exists() else "install"
        subprocess.run(["npm", command, "--prefix", str(BENCH), "--no-audit", "--no-fund"], check=True)


def timed_build(config: str, site_dir: Path) -> float:
    """One strict build; seconds taken. Exits with the build's log if it fails."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config,
                             "--site-dir", str(site_dir)], cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"strict build of {config} failed:\n{result.stderr}")
    return time.perf_counter() - start


def build_editions(tmp: Path, repeats: int = 3) -> dict:
    """Median build time of each edition, the offline zip's size and the hosted site's folder."""
    times = {config: statistics.median(timed_build(config, tmp / f"{config}-{i}") for i in range(repeats))
             for config in ("mkdocs.yml", "mkdocs-offline.yml")}
    zip_path = tmp / "offline.zip"
    offline_site = tmp / f"mkdocs-offline.yml-{repeats - 1}"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "zip_offline.py"), str(offline_site), str(zip_path)],
                   check=True, capture_output=True)
    return {"times": times, "zip_bytes": zip_path.stat().st_size, "site": tmp / f"mkdocs.yml-{repeats - 1}"}


def count_diagrams(html: str) -> int:
    """Diagrams a reader sees in a built page: Mermaid fences or pre-rendered hosts (not counting
    inside shadow roots). A diagram in two layouts (a `--narrow` host, or a phone fence in a
    `--narrow` wrapper, beside its wide one) shows one at a time: it counts once."""
    html = re.sub(r"<template\b.*?</template>", "", html, flags=re.S)
    return len(DIAGRAM.findall(html)) - len(NARROW.findall(html))


def nav_pages() -> list[tuple[str, str]]:
    """(source file, URL path) of every page in mkdocs.yml's nav, in order (as tests/conftest.py)."""
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))
    found = []

    def walk(items):
        for item in items:
            value = list(item.values())[0] if isinstance(item, dict) else item
            walk(value) if isinstance(value, list) else found.append(value)
    walk(config["nav"])
    urls = [re.sub(r"(^|/)index\.md$|\.md$", lambda m: m.group(1) or "/", src) for src in found]
    return [(src, "" if url == "/" else url) for src, url in zip(found, urls)]


# --- Server --------------------------------------------------------------------------------

class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like GitHub Pages: gzip for text types when accepted, Cache-Control: max-age=600."""

    protocol_version = "HTTP/1.1"  # keep-alive, as a CDN would

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.is_file() and path.suffix in TEXT_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        ctype = self.guess_type(str(path))
        self.send_response(200)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8" if path.suffix != ".svg" else ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start the server on a free port of 127.0.0.1; returns it and its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesHandler, directory=str(site)))
    server.handle_error = lambda request, address: None  # a browser closing mid-response is not news
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# --- Measurements --------------------------------------------------------------------------

def lighthouse(url: str, preset: str, out: Path) -> dict:
    """One Lighthouse run; the numbers this report uses."""
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--chrome-flags={' '.join(CHROME_FLAGS)}"] + (["--preset=desktop"] if preset == "desktop" else [])
    subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=CHROME), timeout=300)
    report = json.loads(out.read_text())
    audits, cats = report["audits"], report["categories"]
    value = lambda key: audits[key].get("numericValue") or 0  # noqa: E731
    requests = audits["network-requests"]["details"]["items"]
    return {**{key: round((cats[key]["score"] or 0) * 100) for key in CATEGORIES},
            "fcp": value("first-contentful-paint"), "lcp": value("largest-contentful-paint"),
            "tbt": value("total-blocking-time"), "cls": value("cumulative-layout-shift"),
            "bytes": value("total-byte-weight"), "cpu_index": report["environment"]["benchmarkIndex"],
            "version": report["lighthouseVersion"], "mermaid": any("mermaid" in r["url"].lower() for r in requests)}


def median_of(runs: list[dict]) -> dict:
    """Median of each numeric field; Mermaid counts as sent if any run fetched it."""
    numbers = [key for key in runs[0] if key not in ("mermaid", "version")]
    merged = {key: statistics.median(run[key] for run in runs) for key in numbers}
    return {**merged, "mermaid": any(run["mermaid"] for run in runs), "version": runs[0]["version"]}


def draw_times(base: str, pages: dict[str, int], runs: int) -> dict[str, float]:
    """Median ms from navigation start until every diagram is drawn, desktop size, no throttling."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout, sync_playwright
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_FLAGS)
        for url, count in pages.items():
            samples = []
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                page.add_init_script(f"({DRAW_PROBE})({count})")
                page.goto(base + url)
                try:
                    samples.append(page.wait_for_function("window.__drawnAt", timeout=20000).json_value())
                except PlaywrightTimeout:
                    samples.append(float("inf"))  # not all drawn within 20 s (e.g. a diagram in closed <details>)
                context.close()
            results[url] = statistics.median(samples)
        browser.close()
    return results


# --- Report --------------------------------------------------------------------------------

def git_commit() -> str:
    """The commit measured, "-dirty" if the working tree had changes (content is edited concurrently)."""
    return subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                          capture_output=True, text=True).stdout.strip()


def machine_info(rows: list[dict], commit: str) -> str:
    """nproc, memory, CPU model, load, Chromium and Lighthouse versions, date and commit."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    cpu = next(iter(re.findall(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)), "unknown CPU")
    mem_kb = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1))
    chromium = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()
    lighthouse_ = (f"Lighthouse {rows[0]['version']} (median benchmarkIndex "
                   f"{statistics.median(r['cpu_index'] for r in rows):.0f})") if rows else "Lighthouse not run"
    return (f"Machine: {os.cpu_count()} CPUs ({cpu}), {mem_kb / 1024 ** 2:.1f} GB RAM, "
            f"load average {os.getloadavg()[0]:.1f}; {chromium}; {lighthouse_}; "
            f"{datetime.datetime.now():%Y-%m-%d %H:%M}; built from commit {commit}")


def verdicts(rows: list[dict], draws: dict[str, float]) -> list[str]:
    """Every budget miss, with the amount it misses by."""
    misses = []
    for row in rows:
        where, text_page = f"{row['url'] or '/'} ({row['preset']})", not row["diagrams"]
        checks = [(f"{cat} {row[cat]:.0f} < 100", row[cat] < 100) for cat in CATEGORIES[1:]]
        if row["preset"] == "mobile":
            need, perf = (100 if text_page else 95), row["performance"]
            checks.append((f"performance {perf:.0f} < {need} (by {need - perf:.0f})", perf < need))
        if text_page:
            kb = row["bytes"] / 1024
            checks += [(f"{kb:.0f} KB > 120 KB (by {kb - 120:.0f} KB)", kb > 120), ("Mermaid sent", row["mermaid"])]
        else:
            tbt, lcp = row["tbt"], row["lcp"] / 1000
            checks += [(f"TBT {tbt:.0f} ms > 200 ms (by {tbt - 200:.0f} ms)", tbt > 200),
                       (f"LCP {lcp:.2f} s > 2.5 s (by {lcp - 2.5:.2f} s)", lcp > 2.5)]
        misses += [f"{where}: {text}" for text, failed in checks if failed]
    misses += [f"{url or '/'}: diagrams drawn in {ms:.0f} ms > 1000 ms (by {ms - 1000:.0f} ms)"
               for url, ms in draws.items() if ms > 1000]
    return misses


def report(rows: list[dict], draws: dict, builds: dict, args, info: str) -> str:
    """The Markdown report: machine line, Lighthouse table, draw times, builds, budget verdicts."""
    edition = "client-side Mermaid build (PRERENDER_DIAGRAMS=false)" if args.clientside else "hosted edition"
    lines = [info, "", f"Lighthouse medians of {args.runs} run(s) per page and preset; {edition} on 127.0.0.1 with gzip.",
             "",
             "| page | preset | perf | a11y | BP | SEO | FCP | LCP | TBT | CLS | KB transferred | mermaid sent? |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"]
    for r in rows:
        page = (r["url"] or "/") + ("" if r["diagrams"] else " (text)")
        lines.append(f"| {page} | {r['preset']} | {r['performance']:.0f} | {r['accessibility']:.0f} | "
                     f"{r['best-practices']:.0f} | {r['seo']:.0f} | {r['fcp'] / 1000:.2f} s | {r['lcp'] / 1000:.2f} s | "
                     f"{r['tbt']:.0f} ms | {r['cls']:.3f} | {r['bytes'] / 1024:.0f} | {'yes' if r['mermaid'] else 'no'} |")
    lines += ["", "Diagrams drawn after navigation start (desktop 1280x800, no throttling, median):", ""]
    lines += [f"- {url or '/'}: {ms:.0f} ms" for url, ms in draws.items()] or ["- no diagram pages selected"]
    build_times = ", ".join(f"{config} {seconds:.1f} s" for config, seconds in builds["times"].items())
    lines += ["", f"Strict builds (median of 3): {build_times}", "",
              f"Offline zip: {builds['zip_bytes'] / 1024:.0f} KB", "", "Budget verdicts:", ""]
    misses = verdicts(rows, draws)
    lines += [f"- MISS {m}" for m in misses] or ["- all budgets met"]
    return "\n".join(lines) + "\n"


def write_benchmarks(text: str) -> None:
    """Replace the marked section of BENCHMARKS.md with the report."""
    path = ROOT / "BENCHMARKS.md"
    start, end = MARKERS
    old = path.read_text()
    head, rest = old.split(start, 1)
    path.write_text(f"{head}{start}\n{text}\n{end}{rest.split(end, 1)[1]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse and draw-time runs per page (default 3)")
    parser.add_argument("--pages", default="", metavar="PATTERN",
                        help="only pages whose source file or URL matches this regular expression")
    parser.add_argument("--presets", default="mobile,desktop", help="comma-separated: mobile,desktop")
    parser.add_argument("--clientside", action="store_true",
                        help="build with PRERENDER_DIAGRAMS=false (Mermaid in the browser), for comparison")
    parser.add_argument("--write-benchmarks", action="store_true",
                        help="also update BENCHMARKS.md between the bench:start and bench:end markers")
    args = parser.parse_args()
    ensure_lighthouse()
    if args.clientside:
        BUILD_ENV["PRERENDER_DIAGRAMS"] = "false"
    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        print("building both editions 3 times each ...", file=sys.stderr)
        commit = git_commit()
        builds = build_editions(Path(tmp))
        pages = [(src, url) for src, url in nav_pages() if re.search(args.pages, f"{src} {url}")]
        site_html = {url: (builds["site"] / url / "index.html").read_text() for _, url in pages}
        diagrams = {url: count_diagrams(html) for url, html in site_html.items()}
        server, base = serve(builds["site"])
        rows = []
        for src, url in pages:
            for preset in args.presets.split(","):
                slug = (url.strip("/").replace("/", "-") or "home") + f"-{preset}"
                print(f"lighthouse {url or '/'} {preset} x{args.runs}", file=sys.stderr)
                runs = [lighthouse(base + url, preset, RESULTS / f"{slug}-{i + 1}.json") for i in range(args.runs)]
                rows.append({"url": url, "preset": preset, "diagrams": diagrams[url], **median_of(runs)})
        print("diagram draw times ...", file=sys.stderr)
        draws = draw_times(base, {url: n for url, n in diagrams.items() if n}, args.runs)
        server.shutdown()
    text = report(rows, draws, builds, args, machine_info(rows, commit))
    (RESULTS / "latest.md").write_text(text)
    print(text)
    if args.write_benchmarks:
        write_benchmarks(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
