"""hooks/render/sanctions.py and estimates.py: the after-the-report tables."""
from __future__ import annotations

from helpers.sample import EARLY, ESTIMATE, LOSS, REPORT_DATE, SANCTION

from hooks.render import estimates, sanctions


def test_sanctions_split_at_the_report_date_and_escape_pipes():
    before = sanctions.render_sanctions([SANCTION, EARLY], False, REPORT_DATE)
    after = sanctions.render_sanctions([SANCTION, EARLY], True, REPORT_DATE)
    assert "March 27, 2024 | South Korea |" in before and "December 16" not in before
    assert ("| December 16, 2024 | U.S. Treasury (OFAC) | OFAC designates bankers and generals &#124; sent to Russia. *Instrument:* E.O. 13382. "
            "*Targets:* 16 (9 individuals, 7 entities). | [Treasury, December 16, 2024](https://home.treasury.gov/news/press-releases/jy2751) |") in after
    assert "*Targets:* number not stated (not stated). |" in before
    assert sanctions.render_sanctions([EARLY], True, REPORT_DATE) == "*No entries yet.*\n"


def test_estimates_are_listed_never_reduced_to_one():
    troops = estimates.render_estimates([ESTIMATE, LOSS, dict(ESTIMATE, figure="about 10,000", date="2024-10-28")], ("deployed",))
    assert troops.index("about 10,000") < troops.index("about 15,000") and "2,000" not in troops
    losses = estimates.render_estimates([ESTIMATE, LOSS], ("killed", "wounded"))
    assert "| September 2, 2025 | South Korea's NIS | Killed: around 2,000 | Killed in the war | [KBS](https://a.org) |" in losses
