"""Small inputs for the unit tests: pages with front matter, data entries, the report's facts, the places."""
from __future__ import annotations

import json
import textwrap

from conftest import ROOT

from hooks.core import report_facts
from hooks.data import datafiles
from hooks.render import maps

CRS = "[^crs]: CRS, [Report](https://www.everycrsreport.com/reports/IN12355.html), May 6, 2024."

FACTS = report_facts.load(ROOT)

DATES = "covers_through: 2024-05-06\nlast_reviewed: 2026-11-30"


def page(body: str, meta: str = 'title: A test page\ndescription: A description that is long enough to pass the fifty-character minimum.\nreport_part: "None (site page)"') -> str:
    return f"---\n{meta}\n---\n\n# A test page\n\n{textwrap.dedent(body).strip()}\n"


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


def dated_page(body: str, covers: str = "2025-06-30", reviewed: str = "2026-11-30", extra: str = "") -> str:
    meta = f"title: A test page\ndescription: {'d' * 60}\nreport_part: \"None (site page)\"\n"
    meta += "".join(f"{key}: {value}\n" for key, value in (("covers_through", covers), ("last_reviewed", reviewed)) if value)
    return f"---\n{meta}{extra}---\n\n# A test page\n\n{textwrap.dedent(body).strip()}\n"


SANCTION = {"date": "2024-12-16", "actor": "us-treasury", "action": "OFAC designates bankers and generals | sent to Russia.",
            "instrument": "E.O. 13382", "targets": 16, "targets_note": "9 individuals, 7 entities",
            "source": "https://home.treasury.gov/news/press-releases/jy2751", "source_title": "Treasury, December 16, 2024"}

EARLY = dict(SANCTION, date="2024-03-27", actor="rok", targets=None, targets_note="not stated", action="South Korea designates six people.", source_title="MOFA")

ESTIMATE = {"date": "2025-04-30", "estimator": "South Korea's NIS", "measure": "deployed", "figure": "about 15,000",
            "counts": "Troops sent in two deployments", "key": True, "source": "https://a.org", "source_title": "KBS"}

LOSS = dict(ESTIMATE, measure="killed", figure="around 2,000", counts="Killed in the war", key=False, date="2025-09-02")

EVENT = {"date": "2025-04-30", "label": "Tumen bridge construction begins", "text": "Work starts on the road bridge.",
         "kind": "after", "thread": "transport-people", "highlight": True, "figure": "1 km bridge",
         "source": "https://tass.com/economy/1951481", "source_title": "TASS"}

ACTOR = {"id": "japan", "name": "Japan", "officeholders": [
    {"office": "Prime Minister", "at_report": "Kishida Fumio", "now": "Takaichi Sanae", "since": "2025-10-21",
     "as_of": "2026-02-18", "source": "https://n.org", "source_title": "Nippon.com"},
    {"office": "Emperor", "at_report": "Naruhito", "now": "Naruhito", "as_of": "2025-01", "source": "https://n.org", "source_title": "X"}]}

REPORT_DATE = FACTS["date"]

PLACES, PLACE_PROBLEMS = datafiles.load(ROOT, "places")

BY_ID = {p["id"]: p for p in PLACES}

EXTRACT = json.loads((ROOT / maps.EXTRACT).read_text(encoding="utf-8"))

# Three entries of data/changes.yml: two on one day, one on the next.
CHANGES = [
    {"date": "2026-12-02", "pages": ["since.md"], "summary": "Newest change, on one page."},
    {"date": "2026-11-30", "pages": ["index.md", "report/summary.md"], "summary": "Second change of the first day."},
    {"date": "2026-11-30", "pages": ["whats-new.md"], "summary": "First change of the first day."},
]
