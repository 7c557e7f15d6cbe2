"""Charts drawn at build time as inline SVG, no JavaScript: the estimates and the sanctions over time.

Where a reader would rather look than read: troops sent to or present in Russia and their losses,
by who estimated them (data/estimates.yml, `low`/`high`/`scope`), and sanctions actions by government
(data/sanctions.yml). Each chart is a <figure> with a caption; its SVG has a <title> and a <desc>
(role="img"), its legend is HTML text under it, and the table it summarises follows, folded, as its
text version. Sizes: the SVG's box is 360 units wide and scales to its column (capped in extra.css),
so its 14-unit labels are at least 12 px in any column 310 px or wider (a 390 px phone, inside a box). Colours are classes whose colours
extra.css sets for the light and the dark scheme; shapes repeat what colours say (a square is "in
place at the time", a hollow mark "at least").
"""
from __future__ import annotations

import datetime
import html

from hooks.core.dates import human_date


def _h(value) -> str:
    """Text for SVG and HTML. The data come escaped by character references (hooks/core/escape.py),
    as do the strings made from them; SVG text is not Markdown, so decode and escape once for XML
    (else "&" would show as "&amp;")."""
    return html.escape(html.unescape(str(value))).replace("[", "&#91;").replace("]", "&#93;")  # no Markdown links either

WIDTH, LEFT, RIGHT, TOP, BOTTOM = 360, 56, 12, 14, 32
FONT = 14   # units: at least 12 px down to a 310 px column (a phone's box inside a box)
# Who estimated, grouped for the legend: the first matching word in `estimator` decides.
ESTIMATORS = (
    ("National Intelligence Service", "nis", "South Korea's intelligence service (NIS)"),
    ("Joint Chiefs", "jcs", "South Korea's Joint Chiefs of Staff"),
    ("Department of Defense", "us", "United States"), ("Pentagon", "us", "United States"),
    ("White House", "us", "United States"), ("U.S.", "us", "United States"),
    ("Ukrain", "ukraine", "Ukraine"), ("Zelensky", "ukraine", "Ukraine"),
    ("Britain", "uk", "Britain"), ("British", "uk", "Britain"), ("UK ", "uk", "Britain"), ("U.K.", "uk", "Britain"),
    ("Multilateral", "msmt", "Multilateral Sanctions Monitoring Team"), ("MSMT", "msmt", "Multilateral Sanctions Monitoring Team"),
    ("Russia", "russia", "Russia"), ("North Korea", "dprk", "North Korea"), ("KCNA", "dprk", "North Korea"),
)
CHARTED_SCOPES = ("cumulative", "present")
# Row names short enough for a phone (the legend and the tables give the full names).
SHORT_NAMES = {"us-treasury": "U.S. Treasury", "us-state": "U.S. State", "eu": "EU", "uk": "UK", "rok": "S. Korea",
               "new-zealand": "N. Zealand"}   # by actor id (the schema holds the full names)


def estimator_group(estimator: str) -> tuple[str, str]:
    """(class key, legend name) for an estimator, e.g. "South Korea's National Intelligence Service (NIS)"."""
    for word, key, name in ESTIMATORS:
        if word in estimator:
            return key, name
    return "other", "Other"


def _day(value: str) -> datetime.date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])


def _scale(value: int) -> tuple[int, int]:
    """(top, step): a round step (1, 2 or 5 times a power of ten) giving at most 4 intervals up to `value`."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if value <= step * 4:
                return -(-value // step) * step, step
        magnitude *= 10


def _label(n: int) -> str:
    return f"{n:,}"


def _months(first: datetime.date, last: datetime.date, every: int) -> list[datetime.date]:
    month = datetime.date(first.year, first.month, 1)
    found = []
    while month <= last:
        if (month.month - 1) % every == 0:
            found.append(month)
        month = datetime.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return found


def _frame(points_svg: list[str], height: int, first, last, y_top: int, every: int) -> list[str]:
    """Axes, grid lines and labels around the plotted marks."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    span = max((last - first).days, 1)
    x = lambda day: LEFT + (day - first).days / span * plot_w   # noqa: E731
    out = [f'<line class="mdx-chart__axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}"/>']
    for month in _months(first, last, every):
        px = x(month)
        out.append(f'<line class="mdx-chart__grid" x1="{px:.1f}" y1="{TOP}" x2="{px:.1f}" y2="{TOP + plot_h}"/>')
        name = month.strftime("%b") + (f" {month.year}" if month.month == 1 or month == _months(first, last, every)[0] else "")
        out.append(f'<text class="mdx-chart__tick" x="{px:.1f}" y="{height - 10}" text-anchor="middle">{name}</text>')
    top, step = _scale(y_top)
    for tick in range(0, top + 1, step):
        py = TOP + plot_h - tick / top * plot_h
        out.append(f'<line class="mdx-chart__grid" x1="{LEFT}" y1="{py:.1f}" x2="{WIDTH - RIGHT}" y2="{py:.1f}"/>')
        out.append(f'<text class="mdx-chart__tick" x="{LEFT - 5}" y="{py + 4:.1f}" text-anchor="end">{_label(tick)}</text>')
    return out + points_svg


def _figure(key: str, title: str, desc: str, height: int, body: list[str], legend: list[tuple[str, str]], note: str) -> str:
    svg = (f'<svg class="mdx-chart__svg" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="chart-{key}-title chart-{key}-desc">'
           f'<title id="chart-{key}-title">{_h(title)}</title><desc id="chart-{key}-desc">{_h(desc)}</desc>'
           + "".join(body) + "</svg>")
    items = "".join(f'<li><span class="mdx-chart__swatch mdx-chart--{k}" aria-hidden="true"></span>{_h(name)}</li>' for k, name in legend)
    return (f'<figure class="mdx-chart" id="chart-{key}"><figcaption>{_h(title)}</figcaption>{svg}'
            f'<ul class="mdx-chart__legend">{items}</ul><p class="mdx-chart__note">{_h(note)}</p></figure>')


def _mark(key: str, px: float, py: float, square: bool, open_ended: bool, tip: str) -> str:
    shape = (f'<rect x="{px - 5.5:.1f}" y="{py - 5.5:.1f}" width="11" height="11"/>' if square
             else f'<circle cx="{px:.1f}" cy="{py:.1f}" r="6"/>')
    arrow = f'<path d="M{px:.1f} {py - 7:.1f} l-4 6 h8 z"/>' if open_ended else ""
    return f'<g class="mdx-chart__mark mdx-chart--{key}"><title>{_h(tip)}</title>{shape}{arrow}</g>'


def estimates_chart(estimates: list, measures: tuple[str, ...], key: str, title: str) -> str:
    """Cumulative and present counts of the given measures over time, one mark per estimate."""
    rows = sorted((e for e in estimates if e["measure"] in measures and e["scope"] in CHARTED_SCOPES), key=lambda e: e["date"])
    if not rows:
        return ""
    height = 230
    first = _day(rows[0]["date"]).replace(day=1)
    last = max(_day(rows[-1]["date"]), first + datetime.timedelta(days=60))
    top = _scale(max(e.get("high") or e["low"] for e in rows))[0]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    span = max((last - first).days, 1)
    marks, groups = [], {}
    for e in rows:
        group, name = estimator_group(e["estimator"])
        groups.setdefault(group, name)
        value = e.get("high") or e["low"]
        px = LEFT + (_day(e["date"]) - first).days / span * plot_w
        py = TOP + plot_h - (e["low"] + value) / 2 / top * plot_h
        tip = f"{human_date(e['date'])}, {e['estimator']}: {e['figure']}"
        marks.append(_mark(group, px, py, e["scope"] == "present", "high" not in e, tip))
    newest = rows[-1]
    desc = (f"{len(rows)} estimates from {len(groups)} sources, {human_date(rows[0]['date'])} to {human_date(newest['date'])}. "
            f"The newest, by {newest['estimator']}, is {newest['figure']}. The estimates differ in what they count; "
            "the table under the chart gives each one.")
    note = "Circle: all to date. Square: in place at the time. A mark with a point on top: \"at least\" or \"more than\"."
    return _figure(key, title, desc, height, _frame(marks, height, first, last, top, 3), list(groups.items()), note)


def sanctions_chart(sanctions: list, actor_name, report_date: str) -> str:
    """One row per government, one mark per sanctions action, with the report's date marked."""
    rows = sorted(sanctions, key=lambda s: s["date"])
    if not rows:
        return ""
    governments = list(dict.fromkeys(actor_name(s) for s in rows))
    ids = {actor_name(s): s["actor"] for s in rows}
    short = [SHORT_NAMES.get(ids[g], g) for g in governments]
    height = TOP + BOTTOM + 24 * len(governments)
    first = _day(rows[0]["date"]).replace(month=1, day=1)
    last = _day(rows[-1]["date"])
    plot_h = height - TOP - BOTTOM
    span = max((last - first).days, 1)
    left = 98   # room for the row names
    marks = []
    for s in rows:
        row = governments.index(actor_name(s))
        px = left + (_day(s["date"]) - first).days / span * (WIDTH - RIGHT - left)
        py = TOP + (row + 0.5) * plot_h / len(governments)
        tip = f"{human_date(s['date'])}, {actor_name(s)}: {s['targets_note']}"
        marks.append(_mark("after" if s["date"] > report_date else "before", px, py, False, False, tip))
    rx = left + (_day(report_date) - first).days / span * (WIDTH - RIGHT - left)
    marks.insert(0, f'<line class="mdx-chart__report" x1="{rx:.1f}" y1="{TOP - 4}" x2="{rx:.1f}" y2="{TOP + plot_h}"/>'
                    f'<text class="mdx-chart__tick" x="{rx + 3:.1f}" y="{TOP + 8}">report</text>')
    frame = _frame_sanctions(marks, height, first, last, short, left)
    desc = (f"{len(rows)} sanctions actions by {len(governments)} governments or bodies from {human_date(rows[0]['date'])} to "
            f"{human_date(rows[-1]['date'])}; {sum(s['date'] > report_date for s in rows)} of them after the report. "
            "The tables under the chart give each action.")
    return _figure("sanctions", "Sanctions actions over time, by government", desc, height, frame,
                   [("before", "Up to the report"), ("after", "After the report")],
                   "One mark per action; an action may name one target or dozens.")


def _frame_sanctions(marks: list[str], height: int, first, last, names: list[str], left: float) -> list[str]:
    plot_h = height - TOP - BOTTOM
    span = max((last - first).days, 1)
    out = [f'<line class="mdx-chart__axis" x1="{left}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}"/>']
    for year in range(first.year, last.year + 1):
        px = left + (datetime.date(year, 1, 1) - first).days / span * (WIDTH - RIGHT - left)
        out.append(f'<line class="mdx-chart__grid" x1="{px:.1f}" y1="{TOP}" x2="{px:.1f}" y2="{TOP + plot_h}"/>')
        out.append(f'<text class="mdx-chart__tick" x="{px + 2:.1f}" y="{height - 10}">{year}</text>')
    for index, name in enumerate(names):
        py = TOP + (index + 0.5) * plot_h / len(names)
        out.append(f'<line class="mdx-chart__grid" x1="{left}" y1="{py:.1f}" x2="{WIDTH - RIGHT}" y2="{py:.1f}"/>')
        out.append(f'<text class="mdx-chart__tick" x="{left - 5}" y="{py + 4:.1f}" text-anchor="end">{_h(name)}</text>')
    return out + marks


def with_text(chart: str, table: str, what: str) -> str:
    """The chart, then its table folded as its text version."""
    indented = "\n".join("    " + line if line.strip() else line for line in table.rstrip("\n").split("\n"))
    return f"{chart}\n\n??? abstract \"Chart as text: {what}\"\n\n{indented}\n"
