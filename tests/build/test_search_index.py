"""The built search index: boilerplate left out, glossary aliases as topics of their page, each
glossary term its own entry, the offline index script, and the tuned settings."""
from __future__ import annotations

import json
import re

from conftest import ROOT
from helpers.search_box import boilerplate_in, normalise


def test_index_leaves_out_boilerplate(hosted_site):
    index = json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))
    cite = [d["location"] for d in index["docs"] if d["location"].endswith("#cite-this-page")]
    assert cite == [], f"'Cite this page' sections are indexed: {cite}"
    notes = [d["location"] for d in index["docs"] if "Congressional Research Service, North Korea-Russia Relations" in d["text"]]
    assert notes == [], f"footnote lists are indexed in {notes}"
    notice = [d["location"] for d in index["docs"] if "Not affiliated with CRS or Congress" in d["text"]]
    assert notice == [], f"the notice banner is indexed in {notice}"
    downloads = [d["location"] for d in index["docs"] if d["location"].endswith("#download-this-data")]
    assert downloads == [], f"'Download this data' sections are indexed: {downloads}"
    furniture = {d["location"]: boilerplate_in(f"{d['title']} | {d['text']}") for d in index["docs"]}
    assert not {k: v for k, v in furniture.items() if v}, f"page furniture in the index: {furniture}"
    numbers = [d["location"] for d in index["docs"] if re.search(r"<sup>\d+</sup>", d["text"])]
    assert numbers == [], f"footnote numbers are indexed as text in {numbers}"
    assert any(d["location"] == "timeline/#filter-the-timeline" for d in index["docs"]), "the heading stays findable"
    diagrams = {d["location"]: d["diagrams"] for d in index["docs"] if "diagrams" in d}
    assert "The UN sanctions layer" in " ".join(diagrams.values()), "a diagram's title is searchable"
    assert len(diagrams) >= 8 and not any("accTitle" in v or "%%" in v for v in diagrams.values()), diagrams
    built = (hosted_site / "report/sanctions/index.html").read_text(encoding="utf-8")
    assert "data-search-exclude" not in built, "Material should strip data-search-* after indexing"
    timeline = (hosted_site / "timeline/index.html").read_text(encoding="utf-8")
    assert "data-search-exclude" not in timeline and "Showing only the" in timeline


def test_glossary_aliases_are_indexed_on_their_page_and_shown_on_the_glossary(hosted_site):
    import yaml
    glossary = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    index = json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))
    topics = {d["location"]: normalise(d["topics"]) for d in index["docs"] if "topics" in d}
    assert all("#" not in location for location in topics), "topics belong to the top of a page"
    shown = normalise((hosted_site / "glossary/index.html").read_text(encoding="utf-8"))
    with_aliases = [e for e in glossary if e.get("aliases")]
    assert len(with_aliases) >= 5
    for entry in with_aliases:
        location = entry["see"].split("#")[0].removesuffix(".md") + "/"
        location = "" if location == "index/" else location
        for word in [entry["term"], *entry["aliases"]]:
            assert normalise(word) in topics.get(location, ""), f"{word!r} ({entry['term']}) not in the topics of /{location}"
        assert normalise("also called: " + ", ".join(entry["aliases"])) in shown, f"glossary does not show {entry['term']!r}'s aliases"
    ammunition = [e for e in glossary if "ammunition" in e.get("aliases", [])]
    assert ammunition and ammunition[0]["see"] == "report/exchange.md"
    north_korea = [e for e in glossary if e.get("abbr") == "DPRK"]
    assert "North Korea" in north_korea[0].get("aliases", [])
    exchange = (hosted_site / "report/exchange/index.html").read_text(encoding="utf-8")
    assert "<p hidden" not in exchange and "Topics:" not in exchange, "aliases go to the index only, not hidden in the page"


def test_each_glossary_term_is_an_anchor_and_a_search_entry(hosted_site):
    """hooks/html/glossary_search.py: the glossary list is out of the page's own entry, and each term
    has an entry at its anchor (which the page has), with its definition."""
    import yaml

    from hooks.data.datafiles import term_anchor
    glossary = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    shown = (hosted_site / "glossary/index.html").read_text(encoding="utf-8")
    docs = {d["location"]: d for d in json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]}
    page = docs["glossary/"]
    for entry in glossary:
        anchor = term_anchor(entry["term"])
        assert f'<dt id="{anchor}">' in shown, f"the glossary page has no anchor #{anchor}"
        doc = docs.get(f"glossary/#{anchor}")
        assert doc, f"no search entry for the glossary term {entry['term']!r}"
        assert entry["term"] in doc["title"] and normalise(entry["definition"]) in normalise(doc["text"])
        assert normalise(entry["definition"]) not in normalise(page["text"]), "the glossary list is in the page's own entry"


def test_offline_index_script_carries_the_topics(offline_site):
    """The offline plugin copies the index into search_index.js after these hooks have changed it."""
    script = (offline_site / "search/search_index.js").read_text(encoding="utf-8")
    assert '"topics":' in script and '"topics":{"boost":3' in script.replace(".0", "")
    assert '"location":"glossary.html#term-munitions"' in script, "hooks/html/glossary_search.py's entries are not in the offline index"


def test_index_uses_the_tuned_settings(hosted_site):
    config = json.loads((hosted_site / "search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["fields"]["title"]["boost"] <= 20, "a large title boost lets one heading word outrank whole sections"
    separator = re.compile(config["separator"])
    assert [t for t in separator.split("Kim Jong-un, Choe Son-hui (UN).") if t] == ["Kim", "Jong", "un", "Choe", "Son", "hui", "UN"]
    assert [t for t in separator.split("Resolution 2397 of 2017.") if t] == ["Resolution", "2397", "of", "2017"]
