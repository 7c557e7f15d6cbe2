"""scripts/bench.py's pure helpers (the benchmark itself is run by `make bench`, not by tests;
the draw probe runs in Chromium in tests/browser/test_bench_probe.py)."""
from __future__ import annotations

from scripts import bench


def test_a_two_layout_diagram_counts_once():
    html = ('<div class="mermaid mdx-diagram mdx-diagram--wide"></div>'
            '<div class="mermaid mdx-diagram mdx-diagram--narrow"></div>'
            '<div class="mermaid mdx-diagram"></div><pre class="mermaid">graph TD</pre>')
    assert bench.count_diagrams(html) == 3


def test_diagrams_inside_templates_do_not_count():
    html = '<template><div class="mermaid mdx-diagram"></div></template><div class="mermaid mdx-diagram"></div>'
    assert bench.count_diagrams(html) == 1


def test_clientside_wrappers_are_not_diagrams():
    """`make serve`/--clientside pages: hooks/diagrams/phone_variants.py wraps a diagram and its phone fence in
    mdx-diagram--wide/--narrow divs; the wrappers are not diagrams and the pair counts once."""
    html = ('<div class="mdx-diagram--wide"><pre class="mermaid"><code>flowchart LR</code></pre></div>\n'
            '<div class="mdx-diagram--narrow"><pre class="mermaid"><code>%% phone</code></pre></div>\n'
            '<pre class="mermaid"><code>graph TD</code></pre>')
    assert bench.count_diagrams(html) == 2


def test_the_calculator_gives_4x_for_lighthouses_reference_host():
    multiplier, low, high = bench.calculator_multiplier(1533)
    assert round(multiplier, 2) == 4.0 and low < 4 < high


def test_the_band_is_where_the_calculator_accepts_4x():
    low, high = bench.CPU_BAND
    accepts = lambda index: bench.calculator_multiplier(index)[1] <= 4 <= bench.calculator_multiplier(index)[2]  # noqa: E731
    assert accepts(low) and accepts(high) and accepts(1533)
    assert not accepts(low - 5) and not accepts(high + 5)


def _runner(indexes):
    calls = []

    def run(attempt):
        calls.append(attempt)
        return {"performance": 90 + attempt, "cpu_index": indexes[attempt]}
    return run, calls


def test_runs_outside_the_band_are_repeated_and_reported():
    run, calls = _runner([1000, 1500, 2000, 1400, 1600, 1700])
    kept, discarded = bench.kept_runs(run, 3)
    assert [r["cpu_index"] for r in kept] == [1500, 1400, 1600]
    assert [r["cpu_index"] for r in discarded] == [1000, 2000]
    assert calls == [0, 1, 2, 3, 4]          # stops once three are kept


def test_too_few_in_the_band_fills_with_the_closest():
    run, calls = _runner([1000, 1200, 2100, 1300, 1900, 1250])
    kept, discarded = bench.kept_runs(run, 2, max_attempts=3)
    assert len(calls) == 6 and [r["cpu_index"] for r in kept] == [1300, 1250]   # 60 and 110 below the band
    assert sorted(r["cpu_index"] for r in discarded) == [1000, 1200, 1900, 2100]


def test_any_band_keeps_every_run():
    run, calls = _runner([900, 2500, 1000])
    kept, discarded = bench.kept_runs(run, 3, band=None)
    assert [r["cpu_index"] for r in kept] == [900, 2500, 1000] and discarded == []


def test_lighthouse_chrome_keeps_render_document_on():
    """chrome-launcher's defaults disable RenderDocument "until remaining bugs are fixed"; with it
    off the first frame came 1-2 s late in most runs here, so the bench takes it out of the list."""
    flags = ["--disable-features=Translate,RenderDocument,MediaRouter", "--mute-audio"]
    assert bench.without_disabled(flags) == ["--disable-features=Translate,MediaRouter", "--mute-audio"]
    assert bench.without_disabled(["--disable-features=RenderDocument", "--no-first-run"]) == ["--no-first-run"]
    assert bench.without_disabled(["--disable-features=Translate"]) == ["--disable-features=Translate"]


def test_lighthouse_is_told_to_use_these_flags_not_its_defaults(monkeypatch, tmp_path):
    launcher = ("--disable-features=Translate,RenderDocument", "--disable-sync", "--mute-audio")
    monkeypatch.setattr(bench, "launcher_flags", lambda: launcher)
    command = bench.lighthouse_command("http://127.0.0.1:1/about/", "mobile", tmp_path / "out.json")
    assert "--chrome-ignore-default-flags" in command and "--preset=desktop" not in command
    chrome = next(arg for arg in command if arg.startswith("--chrome-flags="))
    flags = chrome.removeprefix("--chrome-flags=").split(" ")
    assert "--disable-features=Translate" in flags and "--mute-audio" in flags
    assert not any("RenderDocument" in flag for flag in flags)
    assert flags.count("--disable-sync") == 1 and "--headless=new" in flags
    assert not any(c in chrome for c in "'\"")   # Lighthouse splits --chrome-flags on spaces outside quotes
    assert "--preset=desktop" in bench.lighthouse_command("http://127.0.0.1:1/", "desktop", tmp_path / "d.json")


def test_the_report_warns_when_other_work_was_running():
    """A bench on a busy machine is not comparable with a quiet one (BENCHMARKS.md, session 9)."""
    before = "cpu  1000 0 500 8000 500 0 0 0 0 0"
    quiet = "cpu  1010 0 500 8980 510 0 0 0 0 0"          # 10 of 1000 ticks working
    busy = "cpu  1600 0 700 8200 500 0 0 0 0 0"           # 800 of 1000
    assert bench.busy_share(before, quiet) == 0.01 and bench.busy_share(before, busy) == 0.8
    assert bench.busy_share(before, before) == 0.0
    assert bench.busy_warning(0.01) is None and bench.busy_warning(bench.BUSY_SHARE) is None
    assert "80% busy" in bench.busy_warning(0.8)
