"""hooks/render/home.py: the home page's chronology, story so far and figures."""
from __future__ import annotations

from helpers.sample import EARLY, ESTIMATE, EVENT, LOSS, REPORT_DATE, SANCTION

from hooks.render import home


def test_chronology_story_and_numbers():
    background = dict(EVENT, kind="background", date="2024-01-01", label="Earlier", highlight=False, figure=None)
    unmarked = dict(EVENT, label="Not a key date", chronology=False)
    chronology = home.render_chronology([dict(EVENT, chronology=True), unmarked, dict(background, chronology=True)])
    assert chronology == ("- **April 30, 2025.** Transport and people: Tumen bridge construction begins "
                          "([TASS](https://tass.com/economy/1951481))\n")
    assert home.render_chronology([unmarked]) == "*No entries yet.*\n"
    assert home.render_story([EVENT, background]) == "- **April 30, 2025.** Work starts on the road bridge. ([TASS](https://tass.com/economy/1951481))\n"
    numbers = home.render_numbers([EVENT], [ESTIMATE, LOSS], [SANCTION, EARLY], REPORT_DATE)
    assert "| 1 km bridge | Tumen bridge construction begins | April 30, 2025 |" in numbers
    assert "| About 15,000 | Sent to Russia: South Korea's NIS | April 30, 2025 |" in numbers and "around 2,000" not in numbers
    assert "| 1 actions naming 16 targets in all |" in numbers
