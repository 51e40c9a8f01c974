from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlp.intent
import nlp.urgency
from nlp.word_gate import GatedPattern, gated, words_every_match_holds

GATED = [p for p in vars(nlp.intent).values() if isinstance(p, GatedPattern)] + [
    GatedPattern(p) for p in nlp.urgency._COMPILED.values()
]


def test_the_words_are_read_off_the_pattern() -> None:
    # each branch's rarest part, and a word of the union in every match
    assert words_every_match_holds(r"(?:แก๊ส|ก๊าซ)\S{0,30}?รั่ว") == frozenset({"รั่ว"})
    assert words_every_match_holds(r"ไฟ\s?ไหม้|เพลิงไหม้") == frozenset({"ไหม้", "เพลิงไหม้"})
    assert words_every_match_holds(r"(?<!ไข้)เลือด(?:ออก|ไหล)+") == frozenset({"เลือด"})
    assert words_every_match_holds(r"\bfire\b|(?:ha)+") == frozenset({"fire", "ha"})


@pytest.mark.parametrize(
    "pattern",
    [r"a?|b", r"\d+", r"[ab]c?", r"(?i)fire", r"(?i:fire)|smoke", r"(?:ha)*", r"^$"],
)
def test_no_words_when_a_match_may_lack_them(pattern: str) -> None:
    assert words_every_match_holds(pattern) is None
    assert gated(pattern).may_match("")


def test_a_gated_pattern_answers_as_the_pattern() -> None:
    cue = gated(r"(?<!หลอด)ไฟ\s?ไหม้")
    for text in ("ไฟไหม้บ้าน", "หลอดไฟไหม้", "ไฟ ไหม้", "ไม่มีอะไร", ""):
        expected = re.compile(cue.pattern).search(text)
        found = cue.search(text)
        assert (found and found.span()) == (expected and expected.span())
    assert cue.match("ไฟไหม้") is not None and cue.search("ไฟไหม้", 1) is None
    assert not cue.may_match("น้ำท่วม")


@pytest.mark.parametrize("gate", GATED, ids=lambda gate: gate.pattern[:30])
@settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)
@given(data=st.data())
def test_every_text_a_rule_matches_passes_its_gate(gate: GatedPattern, data: st.DataObject) -> None:
    text = data.draw(st.from_regex(gate.compiled))
    assert gate.may_match(text)
