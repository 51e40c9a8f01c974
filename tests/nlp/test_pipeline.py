"""The whole pipeline on team-written messages: one load, every fact, the JSON contract."""

from __future__ import annotations

import threading

import pytest

from nlp.analysis import Intent, Sentiment, Urgency
from nlp.pipeline import MAX_LABELS, ThaiAnalyzer
from siang.analyzer import AnalyzerProvider, get_analyzer

CONTRACT_KEYS = {
    "category",
    "categories",
    "province",
    "district",
    "subdistrict",
    "sentiment",
    "sentiment_score",
    "intent",
    "urgency",
    "redacted",
}


@pytest.fixture(scope="module")
def analyzer() -> ThaiAnalyzer:
    return get_analyzer()


def test_load_reports_how_long_each_part_took() -> None:
    loaded = ThaiAnalyzer.load()
    assert loaded.load_times is not None
    assert loaded.load_times.total > 0


def test_a_flood_report_with_a_place_and_a_phone_number(analyzer: ThaiAnalyzer) -> None:
    result = analyzer.analyze(
        "น้ำท่วมสูงถึงเข่าแล้ว ซอยลาดพร้าว 71 เขตวังทองหลาง ระบายไม่ทันเลย โทร 081-234-5678"
    )
    assert result.category == "น้ำท่วม"
    assert result.place.district == "วังทองหลาง"
    assert result.place.province == "กรุงเทพมหานคร"
    assert result.sentiment is not Sentiment.POSITIVE
    assert result.intent is Intent.COMPLAINT
    assert "081-234-5678" not in result.redacted
    assert "[เบอร์โทร]" in result.redacted
    assert "ซอยลาดพร้าว 71" in result.redacted
    assert [span.kind.value for span in result.personal_data] == ["phone"]


def test_danger_now_is_urgent(analyzer: ThaiAnalyzer) -> None:
    result = analyzer.analyze("สายไฟฟ้าขาดตกลงมากลางถนน มีประกายไฟ อันตรายมาก ช่วยด่วนครับ")
    assert result.urgency is Urgency.HIGH
    assert "สายไฟ" in [c.label for c in result.categories]


def test_thanks_are_praise(analyzer: ThaiAnalyzer) -> None:
    result = analyzer.analyze("ขอบคุณเจ้าหน้าที่เขตมากครับ มาเก็บขยะให้รวดเร็วมาก ประทับใจ")
    assert result.sentiment is Sentiment.POSITIVE
    assert result.intent is Intent.PRAISE
    assert result.urgency is not Urgency.HIGH


def test_categories_come_best_first_with_scores_between_zero_and_one(
    analyzer: ThaiAnalyzer,
) -> None:
    result = analyzer.analyze("ทางเท้าชำรุด กระเบื้องแตก เดินสะดุดล้ม")
    scores = [c.score for c in result.categories]
    assert 1 <= len(scores) <= MAX_LABELS
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert result.category == "ทางเท้า"


def test_a_shared_location_gives_the_district(analyzer: ThaiAnalyzer) -> None:
    # Democracy Monument, in Phra Nakhon; the text names no place.
    result = analyzer.analyze("ไฟจราจรเสีย รถติดมาก", lat=13.7567, lon=100.5018)
    assert result.place.district == "พระนคร"
    assert result.place.source is not None and "coordinates" in result.place.source


def test_the_json_contract(analyzer: ThaiAnalyzer) -> None:
    data = analyzer.analyze("ขยะล้นถังหน้าตลาด เหม็นมาก").to_json()
    assert set(data) >= CONTRACT_KEYS
    assert data["category"] == data["categories"][0]["label"]
    assert set(data["categories"][0]) == {"label", "score"}
    assert data["sentiment"] in {"positive", "neutral", "negative"}
    assert data["urgency"] in {"low", "normal", "high"}
    assert data["intent"] in {i.value for i in Intent}


def test_empty_and_odd_text_still_give_an_answer(analyzer: ThaiAnalyzer) -> None:
    for text in ("", "   ", "😡😡😡", "hello", "5555555", "?"):
        data = analyzer.analyze(text).to_json()
        assert data["category"] is not None
        assert data["district"] is None


def test_one_analyzer_per_process_even_when_threads_race() -> None:
    seen: list[ThaiAnalyzer] = []

    def grab() -> None:
        seen.append(get_analyzer())

    threads = [threading.Thread(target=grab) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(a) for a in seen}) == 1


async def test_the_provider_hands_out_the_same_analyzer() -> None:
    provider = AnalyzerProvider()
    first = await provider()
    assert provider.loaded
    assert await provider() is first is get_analyzer()
