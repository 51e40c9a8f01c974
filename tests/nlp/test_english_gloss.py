"""English messages (tourists, expats, employers of migrant workers) are filed by their topic.

The category head reads an English message as written, with the Thai words for its civic terms
after it (`nlp.english_gloss`); it learnt English from the civic train half's English messages.
Messages written by the team for these tests (not in the corpus)."""

from __future__ import annotations

import pytest

from nlp.english_gloss import english_reading, mostly_english, thai_gloss
from nlp.pipeline import ThaiAnalyzer
from siang.analyzer import get_analyzer


@pytest.fixture(scope="module")
def analyzer() -> ThaiAnalyzer:
    return get_analyzer()


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("Huge pothole on the road outside our condo, two scooters already crashed", "ถนน"),
        ("The street lights on our lane have been out for a week, it's pitch dark", "แสงสว่าง"),
        (
            "Nobody has collected the garbage for 5 days, bins overflowing and it stinks",
            "ความสะอาด",
        ),
        ("No running water in our apartment since this morning", "ประปา"),
        ("Loud karaoke from the bar next door every night until 3am", "เสียงรบกวน"),
        ("A stray dog bit my daughter near the school gate", "สัตว์จรจัด"),
        ("Flood water is coming into the houses on our street, already knee deep", "น้ำท่วม"),
        # no glossary term: the English words themselves say it
        (
            "The lady at the immigration counter yelled at my mother and threw her passport",
            "พฤติกรรมเจ้าหน้าที่",
        ),
        (
            "How does my father-in-law sign up for the monthly money for people over 60?",
            "สวัสดิการสังคม",
        ),
        # a Thai word inside an English sentence is read too
        ("ไฟดับ in our whole moo baan since this afternoon, any news?", "ไฟฟ้า"),
    ],
)
def test_an_english_report_gets_its_topic(
    analyzer: ThaiAnalyzer, message: str, category: str
) -> None:
    analysis = analyzer.analyze(message)
    assert analysis.language == "en"
    assert analysis.category == category, analysis.categories


def test_english_with_no_civic_term_is_still_not_given_a_confident_topic(
    analyzer: ThaiAnalyzer,
) -> None:
    analysis = analyzer.analyze("Hello, how are you today? Have a nice weekend")
    assert analysis.language == "en"
    assert not analysis.categories or analysis.categories[0].score < 0.5


def test_an_english_message_is_read_as_written_with_the_thai_words_after_it() -> None:
    text = "Deep pothole on the road by the night market"
    reading = english_reading(text)
    assert reading.startswith(text)
    assert "ถนนเป็นหลุม" in reading
    assert english_reading("Have a nice weekend") == "Have a nice weekend"


def test_a_thai_message_with_english_words_is_read_as_thai() -> None:
    text = "ถนนหน้าบ้านเป็นหลุมใหญ่มากค่ะ รถ motorbike ล้มทุกวัน"
    assert not mostly_english(text)
    assert thai_gloss(text) == ""


def test_the_gloss_matches_whole_words_only() -> None:
    assert "สุนัขจรจัด" not in thai_gloss("The road is a bit bumpy near the roundabout")
    assert "สุนัขจรจัด" in thai_gloss("A dog bit my son near the market this morning")


def test_signing_up_is_no_signboard() -> None:
    assert "ป้าย" not in thai_gloss("How do I sign up for the elderly allowance?")
    assert "ป้าย" not in thai_gloss("The kamnan wants money to sign the papers")
    assert "ป้าย" in thai_gloss("The road sign at our junction is lying on the ground")


def test_nightfall_is_no_dark_street_and_smoke_in_a_fire_is_the_fires() -> None:
    assert "แสงสว่าง" not in thai_gloss("It's getting dark and my father is still lost on the hill")
    assert "แสงสว่าง" in thai_gloss("The soi behind the market is very dark at night")
    fire = thai_gloss("Fire on the 3rd floor of our building, smoke in the stairwell")
    assert "ไฟไหม้" in fire and "PM2.5" not in fire
    assert "PM2.5" in thai_gloss("Smoke from burning fields every evening, we can't breathe")
