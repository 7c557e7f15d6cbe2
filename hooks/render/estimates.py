"""Troop and casualty estimates (data/estimates.yml), listed side by side and never reduced to one figure.
"""
from __future__ import annotations

from hooks.core.dates import human_date
from hooks.data import datafiles
from hooks.render.md import cell, source_link, table

MEASURES = datafiles.choices("estimates", "measure")
DEPLOYED = ("deployed",)
LOSSES = ("killed", "wounded", "killed-or-wounded", "captured")     # what a troop estimate counts


def render_estimates(estimates: list, measures: tuple[str, ...]) -> str:
    """Every estimate of the given measures, oldest first; the site lists them and picks none."""
    rows = sorted((e for e in estimates if e["measure"] in measures), key=lambda e: (e["date"], e["estimator"]))
    return table(("Date", "Who estimated", "Figure", "What it counts", "Source"),
                  [(human_date(e["date"]), cell(e["estimator"]), f"{MEASURES[e['measure']]}: {cell(e['figure'])}",
                    cell(e["counts"]), source_link(e)) for e in rows])
