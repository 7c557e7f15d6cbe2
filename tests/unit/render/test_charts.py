"""Charts drawn at build time (issue 23): estimates and sanctions as inline SVG with a title, a
description, an HTML legend and their table folded under them as the text version."""
from __future__ import annotations

import re

from conftest import ROOT

from hooks.data import datafiles
from hooks.render import charts, estimates, sanctions

EST = {"id": "x", "date": "2025-04-30", "estimator": "South Korea's National Intelligence Service (NIS)", "measure": "deployed",
       "figure": "about 15,000", "low": 15000, "high": 15000, "scope": "cumulative", "counts": "Sent in two deployments",
       "source": "https://x.org", "source_title": "X"}


def test_scale_gives_round_steps_and_at_most_four_intervals():
    assert charts._scale(15000) == (15000, 5000)
    assert charts._scale(6000) == (6000, 2000)
    assert charts._scale(11000) == (15000, 5000)
    assert charts._scale(9) == (10, 5)


def test_estimates_chart_is_a_titled_described_image_with_one_mark_per_charted_estimate():
    rows = [EST, dict(EST, id="y", date="2024-11-04", estimator="Ukraine's military intelligence", low=11000, high=11000, scope="present"),
            dict(EST, id="z", date="2024-10-19", scope="planned"), dict(EST, id="w", low=2000, scope="cumulative", high=None)]
    rows[-1].pop("high")
    svg = charts.estimates_chart(rows, ("deployed",), "troops", "Troops sent")
    assert 'role="img" aria-labelledby="chart-troops-title chart-troops-desc"' in svg
    assert '<title id="chart-troops-title">Troops sent</title>' in svg and '<desc id="chart-troops-desc">3 estimates from 2 sources' in svg
    assert svg.count('class="mdx-chart__mark') == 3, "planned counts are not charted"
    assert svg.count("<rect") == 1 and svg.count("<path") == 1, "a square for 'present', a point for 'at least'"
    assert '<li><span class="mdx-chart__swatch mdx-chart--nis" aria-hidden="true"></span>' in svg
    assert re.search(r'viewBox="0 0 360 \d+"', svg)


def test_with_text_folds_the_table_under_the_chart():
    out = charts.with_text("<figure>c</figure>", "| a |\n| --- |\n| 1 |\n", "every estimate")
    assert out == '<figure>c</figure>\n\n??? abstract "Chart as text: every estimate"\n\n    | a |\n    | --- |\n    | 1 |\n'


def test_every_estimate_maps_to_a_named_estimator_and_has_numbers():
    rows, problems = datafiles.load(ROOT, "estimates")
    assert problems == []
    assert all(charts.estimator_group(e["estimator"])[0] != "other" for e in rows), \
        [e["estimator"] for e in rows if charts.estimator_group(e["estimator"])[0] == "other"]
    assert all(e.get("high", e["low"]) >= e["low"] for e in rows)
    assert charts.estimates_chart(rows, estimates.DEPLOYED, "t", "T") and charts.estimates_chart(rows, estimates.LOSSES, "l", "L")


def test_sanctions_chart_has_a_row_per_government_and_marks_the_report():
    rows, _ = datafiles.load(ROOT, "sanctions")
    svg = sanctions.render_chart(rows, "2024-05-06")
    assert svg.count('class="mdx-chart__mark') == len(rows)
    assert 'class="mdx-chart__report"' in svg and ">U.S. Treasury<" in svg
    assert f"{len(rows)} sanctions actions by" in svg
