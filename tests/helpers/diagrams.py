"""Diagrams in a loaded page: wait until each is drawn, then say what is wrong with them."""
from __future__ import annotations

from helpers.js import script

DIAGRAM_TIMEOUT_MS = 20_000


def wait_for_diagrams(page, expected: int, timeout_ms: int = DIAGRAM_TIMEOUT_MS) -> dict:
    """Wait until every diagram has rendered (or the timeout passes), then describe them."""
    try:
        page.wait_for_function(script("diagrams_settled"), arg=expected, timeout=timeout_ms, polling=100)
    except Exception:        # the state below says what is missing
        pass
    return page.evaluate(script("diagram_state"))


def diagram_problems(state: dict, expected: int) -> list[str]:
    """What is wrong with the page's diagrams, one line each; empty when all is well."""
    problems = []
    if state["leftover"]:
        problems.append(f"{state['leftover']} diagram(s) still a pre.mermaid: Mermaid did not render them")
    if len(state["hosts"]) != expected:
        problems.append(f"{len(state['hosts'])} rendered diagram(s), expected {expected} (the built page's count)")
    for host in state["hosts"]:
        name = f"diagram {host['index'] + 1}"
        if not host["shadow"]:
            problems.append(f"{name}: div.mermaid has no shadow root")
        elif not host["svg"]:
            problems.append(f"{name}: no <svg> in its shadow root")
        else:
            if not (host["width"] > 0 and host["height"] > 0):
                problems.append(f"{name}: the SVG is {host['width']}x{host['height']} px")
            if not host["title"]:
                problems.append(f"{name}: the SVG has no <title> (accTitle)")
            if not host["desc"]:
                problems.append(f"{name}: the SVG has no <desc> (accDescr)")
    return problems
