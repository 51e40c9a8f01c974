"""Patterns searched alternative by alternative (`nlp.cue_search`) find what their alternation
finds: the same text at the same place, from any starting point. Texts written for these tests,
not taken from the corpus."""

from __future__ import annotations

import re

import pytest

import nlp.intent
import nlp.urgency
from nlp.cue_search import Alternation, CueGroups, alternatives, leftmost

TEXTS = [
    "",
    "ถนนพังเป็นหลุมใหญ่ น้ำท่วมถึงเข่า",
    "ไฟไหม้บ้านข้างๆ มีคนบาดเจ็บสองคน ติดอยู่ในบ้าน",
    "สายไฟขาดตกลงมาบนถนน มีประกายไฟ",
    "ขอบคุณเจ้าหน้าที่ที่มาซ่อมไฟให้ค่ะ",
    "the road is broken and flooded, nobody came",
    "หมาจรจัดกัดเด็กที่หน้าซอย ถ้ากัดคนอีกจะทำยังไง",
    "ตลาดน้ำท่วม บ้านน้ำท่วม น้ำขึ้นเร็วมาก",
    "sg-1234 ส่งเรื่องไปแล้วยังไม่มีใครมา",
]


def test_alternatives_split_only_at_the_top_level() -> None:
    assert alternatives(r"a(b|c)|[|)]x|\|y|[]|]z|[^]|]w") == [
        "a(b|c)",
        "[|)]x",
        r"\|y",
        "[]|]z",
        "[^]|]w",
    ]
    assert alternatives("abc") == ["abc"]


@pytest.mark.parametrize("text", TEXTS)
def test_hazard_cues_one_by_one_find_what_their_alternation_finds(text: str) -> None:
    lowered = text.lower()
    possible = nlp.urgency._CUES.possible(lowered)
    for hazard, combined in nlp.urgency._COMPILED.items():
        for start in range(len(lowered) + 1):
            expected = combined.search(lowered, start)
            found = leftmost(possible.get(hazard, []), lowered, start)
            assert (found and found.span()) == (expected and expected.span()), (hazard, start)


@pytest.mark.parametrize("text", TEXTS)
def test_an_alternation_searched_word_by_word_is_the_pattern(text: str) -> None:
    members = [p.pattern for p in nlp.intent._PROBLEM._groups.patterns[0]]
    plain = re.compile("|".join(members))
    for start in range(len(text) + 1):
        expected = plain.search(text.lower(), start)
        found = nlp.intent._PROBLEM.search(text.lower(), start)
        assert (found and found.span()) == (expected and expected.span())


def test_the_first_listed_member_wins_where_two_start_together() -> None:
    pattern = Alternation("ab|abc|b")
    match = pattern.search("xabc")
    assert match is not None and match.group() == "ab"
    assert re.search("ab|abc|b", "xabc").group() == "ab"  # type: ignore[union-attr]


def test_a_member_that_refers_to_a_group_is_refused() -> None:
    with pytest.raises(ValueError, match="refers to a group"):
        CueGroups({"x": [r"(ก)\1"]})
