"""hooks/core/claim_text.py: the numbers and dates a sentence states, and whether passages state them."""
from __future__ import annotations

import pytest

from hooks.core import claim_text


def test_facts_are_dates_and_numbers_with_their_units_not_markup():
    sentence = "1. The bridge is about 1 km long, 4.7 km with approaches, and opened June 19, 2024.[^x] See [a](b.md#2024)."
    assert claim_text.facts_in(sentence) == ["June 19", "1 km", "4.7 km", "2024"]


@pytest.mark.parametrize("sentence, passage", [
    ("About 1,500 troops.", "some 1500 soldiers"),
    ("On June 19 they met.", "they met on 19 June"),
    ("On June 19 they met.", "the meeting of Jun. 19"),
    ("On June 19 they met.", "2024-06-19: a meeting"),
    ("On June 19 they met.", "19.06.2024 встреча"),
    ("On June 19 they met.", "6월 19일 회담"),
    ("Six lanes.", "6 lanes"),
    ("It has 6 lanes.", "six lanes"),
])
def test_usual_variants_count_as_stated(sentence, passage):
    assert claim_text.misses(sentence, [passage]) == []


def test_a_number_not_in_the_passage_is_a_miss_and_derived_ones_are_exempt():
    assert claim_text.misses("The bridge is about 1 km long.", ["the 850-metre bridge"]) == ["1 km"]
    assert claim_text.misses("The bridge is about 1 km long. <!-- derived: 1 = 424 m + 581 m -->", ["424 and 581"]) == []


def test_the_sources_own_date_counts_as_stated():
    assert claim_text.misses("In 2025 they met on April 30.", ["they met today"], ("2025-04-30",)) == []
    assert claim_text.misses("They met on April 29.", ["they met yesterday"], ("2025-04-30",)) == ["April 29"]


def test_sentences_keep_their_footnotes():
    assert claim_text.sentences('A is 1.[^a] B is "2."[^b][^c] C.') == ["A is 1.[^a]", ' B is "2."[^b][^c]', " C."]


def test_a_citation_shows_its_keyless_passages_and_the_keys_it_names():
    source = {"passages": [{"quote": "always"}, {"key": "a", "quote": "one"}, {"key": "b", "quote": "two"}]}
    assert [p["quote"] for p in claim_text.selected(source)] == ["always"]
    assert [p["quote"] for p in claim_text.selected(source, "b")] == ["always", "two"]
