"""English messages (tourists, expats, employers of migrant workers) are filed by their topic.

The model learned from Thai; `nlp.english_gloss` hands it the Thai words for an English
message's civic terms. Messages written by the team for these tests (not in the corpus)."""

from __future__ import annotations

import pytest

from nlp.english_gloss import mostly_english, thai_gloss
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


def test_a_thai_message_with_english_words_is_read_as_thai() -> None:
    text = "ถนนหน้าบ้านเป็นหลุมใหญ่มากค่ะ รถ motorbike ล้มทุกวัน"
    assert not mostly_english(text)
    assert thai_gloss(text) == ""


def test_the_gloss_matches_whole_words_only() -> None:
    assert "สุนัขจรจัด" not in thai_gloss("The road is a bit bumpy near the roundabout")
    assert "สุนัขจรจัด" in thai_gloss("A dog bit my son near the market this morning")


def test_nightfall_is_no_dark_street_and_smoke_in_a_fire_is_the_fires() -> None:
    assert "แสงสว่าง" not in thai_gloss("It's getting dark and my father is still lost on the hill")
    assert "แสงสว่าง" in thai_gloss("The soi behind the market is very dark at night")
    fire = thai_gloss("Fire on the 3rd floor of our building, smoke in the stairwell")
    assert "ไฟไหม้" in fire and "PM2.5" not in fire
    assert "PM2.5" in thai_gloss("Smoke from burning fields every evening, we can't breathe")
