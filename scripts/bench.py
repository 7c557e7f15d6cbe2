#!/usr/bin/env python3
"""Benchmark the site: build times, offline zip size, Lighthouse scores and diagram draw times.

    make bench                      # = .venv/bin/python -m scripts.bench (every page, 3 runs each)
    .venv/bin/python -m scripts.bench --runs 1 --pages report/ --presets desktop
    .venv/bin/python -m scripts.bench --write-benchmarks   # also refresh the marked section of BENCHMARKS.md

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
# Lighthouse's launcher (chrome-launcher 1.2.1, bench/package-lock.json) starts Chrome with its own
# DEFAULT_FLAGS, which disable Chrome's RenderDocument feature "until remaining bugs are fixed"
# (GoogleChrome/lighthouse#16363, #16696; Puppeteer took the same flag out again in
# puppeteer/puppeteer#14745). Readers' Chrome runs with it on. With it off, on this VM the page's
# first frame is committed at about 0.3 s and then every frame is dropped until about 1.2 or 2.3 s,
# so Lighthouse sees a first paint one or two seconds late in most runs (BENCHMARKS.md, session 8).
# So Lighthouse is told to ignore its defaults and gets them back minus this one feature (the
# launcher then also leaves out --disable-setuid-sandbox, which --no-sandbox makes moot).
KEEP_ENABLED = ("RenderDocument",)
LAUNCHER_FLAGS = BENCH / "node_modules" / "chrome-launcher" / "dist" / "flags.js"
BUILD_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
TEXT_TYPES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
# A diagram: a Mermaid fence, or a pre-rendered host (class token `mdx-diagram` itself, not the
# `mdx-diagram--wide`/`--narrow` wrappers hooks/diagrams/phone_variants.py puts round fences in `make serve`).
DIAGRAM = re.compile(r'<pre class="mermaid">|<(?:svg|div)\b[^>]*\bclass="(?:[^"]*\s)?mdx-diagram[\s"]')
NARROW = re.compile(r'<div\b[^>]*\bclass="(?:[^"]*\s)?mdx-diagram--narrow[\s"]')   # a layout shown instead of another
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Other work on the machine competes with Lighthouse's Chrome, and Lighthouse's benchmarkIndex
# does not show it (session 9 in BENCHMARKS.md). So the report says how busy the CPUs were over a
# few seconds before the bench started (from /proc/stat: the load average lags by minutes), and
# warns above this share.
BUSY_SHARE = 0.25
# Which runs count. Lighthouse's mobile preset slows the CPU 4x, a factor chosen for a host whose
# benchmarkIndex is about 1,530; this VM's index moves between about 1,000 and 2,000 from one run to
# the next, so a fixed 4x emulates phones from well below to well above the intended mid-tier one
# (Lighthouse docs/throttling.md, "Benchmarking CPU Power" and "Calibrating the CPU slowdown").
# Lighthouse's CPU throttling calculator (lighthouse-cpu-throttling-calculator.vercel.app, linked
# from that document; source patrickhulce/lighthouse-cpu-throttling-calculator, pages/index.js) maps an index to a multiplier with a confidence range;
# 4x lies inside that range for indexes from 1,360 to 1,766. A run measured outside that band
# is repeated (up to MAX_ATTEMPTS attempts per kept run; on this VM about half the runs fall
# outside) and reported as discarded; Lighthouse's settings stay its defaults.
CPU_BAND = (1360, 1766)
MAX_ATTEMPTS = 2
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

def without_disabled(flags: list[str], features: tuple[str, ...] = KEEP_ENABLED) -> list[str]:
    """`flags` with `features` taken out of every --disable-features list (a list left empty goes)."""
    kept = []
    for flag in flags:
        if flag.startswith("--disable-features="):
            names = [f for f in flag.split("=", 1)[1].split(",") if f and f not in features]
            flag = "--disable-features=" + ",".join(names) if names else ""
        if flag:
            kept.append(flag)
    return kept


@functools.cache
def launcher_flags() -> tuple[str, ...]:
    """chrome-launcher's DEFAULT_FLAGS as installed in bench/node_modules, read with node."""
    script = f"import {{DEFAULT_FLAGS}} from {json.dumps(LAUNCHER_FLAGS.as_uri())}; console.log(JSON.stringify(DEFAULT_FLAGS))"
    out = subprocess.run(["node", "--input-type=module", "-e", script], check=True, capture_output=True, text=True)
    return tuple(json.loads(out.stdout))


def chrome_flags() -> list[str]:
    """The flags Lighthouse's Chrome gets: the launcher's defaults minus KEEP_ENABLED, then ours."""
    return list(dict.fromkeys(without_disabled(list(launcher_flags())) + CHROME_FLAGS))


def lighthouse_command(url: str, preset: str, out: Path) -> list[str]:
    """The Lighthouse command line for one run (its Chrome gets chrome_flags(), not the defaults)."""
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               "--chrome-ignore-default-flags", f"--chrome-flags={' '.join(chrome_flags())}"]
    return command + (["--preset=desktop"] if preset == "desktop" else [])


def lighthouse(url: str, preset: str, out: Path) -> dict:
    """One Lighthouse run; the numbers this report uses."""
    subprocess.run(lighthouse_command(url, preset, out), check=True, env=dict(os.environ, CHROME_PATH=CHROME), timeout=300)
    report = json.loads(out.read_text())
    audits, cats = report["audits"], report["categories"]
    value = lambda key: audits[key].get("numericValue") or 0  # noqa: E731
    requests = audits["network-requests"]["details"]["items"]
    return {**{key: round((cats[key]["score"] or 0) * 100) for key in CATEGORIES},
            "fcp": value("first-contentful-paint"), "lcp": value("largest-contentful-paint"),
            "tbt": value("total-blocking-time"), "cls": value("cumulative-layout-shift"),
            "bytes": value("total-byte-weight"), "cpu_index": report["environment"]["benchmarkIndex"],
            "version": report["lighthouseVersion"], "mermaid": any("mermaid" in r["url"].lower() for r in requests)}


def calculator_multiplier(index: float) -> tuple[float, float, float]:
    """Lighthouse's CPU throttling calculator: (multiplier, low, high) for a benchmarkIndex, the
    slowdown that makes this host emulate a mid-tier phone, and its confidence range."""
    if index >= 1300:
        excess = (index - 1300) / 233
        multiplier, spread = 3 + excess, max(excess, 1.5, (3 + excess) * 0.3)
    elif index >= 800:
        multiplier, spread = 2 + (index - 800) / 500, 1.5
    else:
        multiplier, spread = 1 + (index - 150) / 650, 0.5
    return multiplier, multiplier - spread / 2, multiplier + spread / 2


def in_band(index: float, band: tuple[float, float] | None = CPU_BAND) -> bool:
    return band is None or band[0] <= index <= band[1]


def kept_runs(run, wanted: int, band: tuple[float, float] | None = CPU_BAND,
              max_attempts: int = MAX_ATTEMPTS) -> tuple[list[dict], list[dict]]:
    """Call run(attempt) until `wanted` runs have a CPU index inside `band` or the attempts
    (max_attempts per wanted run) are spent; (kept, discarded). If too few fall inside, the
    closest discarded ones fill the gap, so a page always has `wanted` runs to report."""
    kept, discarded = [], []
    for attempt in range(wanted * max_attempts):
        if len(kept) == wanted:
            break
        result = run(attempt)
        (kept if in_band(result["cpu_index"], band) else discarded).append(result)
    if len(kept) < wanted and band is not None:
        outside = lambda r: max(band[0] - r["cpu_index"], r["cpu_index"] - band[1])  # noqa: E731
        fill = sorted(discarded, key=outside)[:wanted - len(kept)]
        kept += fill
        discarded = [r for r in discarded if all(r is not f for f in fill)]
    return kept, discarded


def median_of(runs: list[dict]) -> dict:
    """Median of each numeric field; Mermaid counts as sent if any run fetched it."""
    numbers = [key for key in runs[0] if key not in ("mermaid", "version")]
    merged = {key: statistics.median(run[key] for run in runs) for key in numbers}
    return {**merged, "mermaid": any(run["mermaid"] for run in runs), "version": runs[0]["version"]}


def draw_times(base: str, pages: dict[str, int], runs: int) -> dict[str, float]:
    """Median ms from navigation start until every diagram is drawn, desktop size, no throttling."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from hooks.diagrams import chromium        # the project's one launcher, with its flags
    results = {}
    with chromium.browser("to time the diagrams") as browser:
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
    return results


# --- Report --------------------------------------------------------------------------------

def git_commit() -> str:
    """The commit measured, "-dirty" if the working tree had changes (content is edited concurrently)."""
    return subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                          capture_output=True, text=True).stdout.strip()


def busy_share(before: str, after: str) -> float:
    """The share of CPU time spent working between two readings of /proc/stat's first line
    ("cpu  user nice system idle iowait irq softirq steal ..."); idle and iowait count as idle."""
    a, b = ([int(x) for x in line.split()[1:9]] for line in (before, after))
    total = sum(b) - sum(a)
    idle = (b[3] + b[4]) - (a[3] + a[4])
    return (total - idle) / total if total > 0 else 0.0


def measure_busy(seconds: float = 3.0) -> float:
    """How busy the CPUs are now, over `seconds` (0 where /proc/stat is missing)."""
    stat = Path("/proc/stat")
    if not stat.exists():
        return 0.0
    first = stat.read_text().splitlines()[0]
    time.sleep(seconds)
    return busy_share(first, stat.read_text().splitlines()[0])


def busy_warning(share: float) -> str | None:
    """A warning for the report when other work was running as the bench started, else None."""
    if share <= BUSY_SHARE:
        return None
    return (f"**Busy machine:** the CPUs were {share:.0%} busy before the bench started, so other work shared "
            "them with Lighthouse's Chrome. Compare these scores only with another busy run, or rerun when "
            "the machine is idle.")


def machine_info(rows: list[dict], commit: str, busy_before: float) -> str:
    """nproc, memory, CPU model, how busy before, load at the end, Chromium and Lighthouse versions, date and commit."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    cpu = next(iter(re.findall(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)), "unknown CPU")
    mem_kb = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1))
    chromium = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()
    lighthouse_ = (f"Lighthouse {rows[0]['version']} (median benchmarkIndex "
                   f"{statistics.median(r['cpu_index'] for r in rows):.0f})") if rows else "Lighthouse not run"
    return (f"Machine: {os.cpu_count()} CPUs ({cpu}), {mem_kb / 1024 ** 2:.1f} GB RAM, "
            f"CPUs {busy_before:.0%} busy before the bench, load average {os.getloadavg()[0]:.1f} at the end; {chromium}; {lighthouse_}; "
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
    band = "every run kept" if args.cpu_band == "any" else \
        f"runs kept when Lighthouse's benchmarkIndex was within {args.cpu_band} (CPU_BAND in scripts/bench.py says why)"
    lines = [info, "", f"Lighthouse medians of {args.runs} run(s) per page and preset; {edition} on 127.0.0.1 with gzip; {band}.",
             "",
             "| page | preset | perf | a11y | BP | SEO | FCP | LCP | TBT | CLS | KB transferred | mermaid sent? | runs kept (perf @ index) | discarded |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|---|"]
    for r in rows:
        page = (r["url"] or "/") + ("" if r["diagrams"] else " (text)")
        kept = ", ".join(f"{p} @ {i:.0f}" for p, i in r.get("kept", []))
        dropped = ", ".join(f"{p} @ {i:.0f}" for p, i in r.get("discarded", [])) or "none"
        lines.append(f"| {page} | {r['preset']} | {r['performance']:.0f} | {r['accessibility']:.0f} | "
                     f"{r['best-practices']:.0f} | {r['seo']:.0f} | {r['fcp'] / 1000:.2f} s | {r['lcp'] / 1000:.2f} s | "
                     f"{r['tbt']:.0f} ms | {r['cls']:.3f} | {r['bytes'] / 1024:.0f} | {'yes' if r['mermaid'] else 'no'} | "
                     f"{kept} | {dropped} |")
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
    parser.add_argument("--cpu-band", default=f"{CPU_BAND[0]}-{CPU_BAND[1]}", metavar="LOW-HIGH",
                        help="keep Lighthouse runs whose benchmarkIndex is in this range, repeat the others "
                             "(default: where Lighthouse's calculator accepts its 4x slowdown); 'any' keeps every run")
    parser.add_argument("--write-benchmarks", action="store_true",
                        help="also update BENCHMARKS.md between the bench:start and bench:end markers")
    args = parser.parse_args()
    busy_before = measure_busy()   # before npm, the builds and Chrome add their own
    ensure_lighthouse()
    band = None if args.cpu_band == "any" else tuple(float(x) for x in args.cpu_band.split("-"))
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
                runs, discarded = kept_runs(lambda i: lighthouse(base + url, preset, RESULTS / f"{slug}-{i + 1}.json"),
                                            args.runs, band)
                rows.append({"url": url, "preset": preset, "diagrams": diagrams[url], **median_of(runs),
                             "kept": [(r["performance"], r["cpu_index"]) for r in runs],
                             "discarded": [(r["performance"], r["cpu_index"]) for r in discarded]})
        print("diagram draw times ...", file=sys.stderr)
        draws = draw_times(base, {url: n for url, n in diagrams.items() if n}, args.runs)
        server.shutdown()
    warning = busy_warning(busy_before)
    info = machine_info(rows, commit, busy_before) + (f"\n\n{warning}" if warning else "")
    text = report(rows, draws, builds, args, info)
    (RESULTS / "latest.md").write_text(text)
    print(text)
    if args.write_benchmarks:
        write_benchmarks(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
