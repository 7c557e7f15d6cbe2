"""Korean and Russian names (data/names.yml) beside the English ones, each marked with its language.

The actors, places and glossary renderers ask `index(names)` for the entry of what they show
(`actors#dprk`, `places#pyongyang`, `glossary#Kim Jong Un`; a person named among an actor's key
people is `person#<English name>`) and show it once, beside the English name: `line` for an actor,
place or term (with where we read each name), `inline` for a person in a list of key people. Every
Hangul or Cyrillic run is wrapped in `<span lang="ko">` or `<span lang="ru">`, so screen readers
switch voice, the browser picks a font that has the script, and axe's language-of-parts holds.
Search finds the names because they are in the page's text (mkdocs.yml's search settings say why they index).
"""
from __future__ import annotations

import html
import re

LANGS = {"ko": "Korean", "ru": "Russian"}
_SCRIPT = re.compile(r"(?P<ko>[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+(?:[\s\-]*[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+)*)"
                     r"|(?P<ru>[\u0400-\u04ff]+(?:[\s\-.,«»()]*[\u0400-\u04ff]+)*)")


def index(names: list) -> dict[str, dict]:
    """What a name belongs to -> its entry: 'actors#dprk', 'places#kursk', 'glossary#Kursk', 'person#Kim Jong-un'."""
    found = {}
    for entry in names:
        for target in entry["refers_to"]:
            found.setdefault(f"person#{entry['en']}" if target == "person" else target, entry)
    return found


def span(text: str, lang: str) -> str:
    return f'<span lang="{lang}">{html.escape(text, quote=False)}</span>'


def mark_scripts(text: str) -> str:
    """Wrap each Hangul run in lang="ko" and each Cyrillic run in lang="ru" (for notes in English)."""
    return _SCRIPT.sub(lambda m: span(m.group(0), "ko" if m["ko"] else "ru"), text)


def _publisher(title: str) -> str:
    """A source's short name for a link: its title up to the first comma ("JoongAng Ilbo (in Korean)")."""
    return title.split(",")[0].strip()


def sources(entries: list[dict]) -> str:
    """Where we read the names of `entries`: one link per source, each once."""
    seen: dict[str, str] = {}
    for entry in entries:
        for lang in LANGS:
            source = entry.get(f"source_{lang}")
            if source:
                seen.setdefault(source["url"], _publisher(source["title"]))
    return ", ".join(f"[{html.escape(title, quote=False)}]({url})" for url, title in seen.items())


def line(entry: dict | None, people: list[dict] = ()) -> str:
    """The names line under an actor, place or term: each name with its language, the note, the sources.
    `people` (persons whose names are shown inline in the same block) add their sources."""
    if entry is None and not people:
        return ""
    parts = []
    if entry is not None:
        names = " · ".join(f"**In {label}:** {span(entry[lang], lang)}" for lang, label in LANGS.items() if entry.get(lang))
        note = f" {mark_scripts(entry['note'].rstrip('.'))}." if entry.get("note") else ""
        parts.append(names + "." + note)
    parts.append(f"Names from {sources(([entry] if entry else []) + list(people))}.")
    return " ".join(parts)


def inline(entry: dict) -> str:
    """A person's names in brackets after the English name: ' (김정은, Ким Чен Ын)', each marked."""
    return " (" + ", ".join(span(entry[lang], lang) for lang in LANGS if entry.get(lang)) + ")"


def with_people(text: str, people: list[dict]) -> str:
    """`text` (an actor's key people) with each person's names after the first mention of their English name."""
    for entry in people:
        at = text.find(entry["en"])
        if at >= 0:
            end = at + len(entry["en"])
            text = text[:end] + inline(entry) + text[end:]
    return text
