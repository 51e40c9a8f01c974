"""Questions, praise, suggestions and opinions are told apart from complaints."""

from __future__ import annotations

import pytest

from nlp.analysis import Intent, Sentiment
from nlp.intent import detect_intent
from nlp.text_model import TextInput


@pytest.mark.parametrize(
    "text",
    [
        "ขอสอบถามว่าจะมาลอกท่อระบายน้ำซอยนี้วันไหนครับ",
        "อยากทราบว่าเบี้ยคนพิการต้องยื่นที่ไหนคะ",
        "เรื่องที่แจ้งไว้เมื่อเดือนก่อนถึงไหนแล้วครับ",
        "สวนลุมเปิดกี่โมงคะ",
    ],
)
def test_questions(text: str) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.QUESTION


def test_the_models_question_class_makes_a_question() -> None:
    assert detect_intent("รถเมล์สาย 8 ผ่านตลาดพลู", Sentiment.NEUTRAL, 0.8) is Intent.QUESTION
    assert detect_intent("ถนนพังมาก", Sentiment.NEGATIVE, 0.1) is Intent.COMPLAINT


def test_with_the_models_reading_asking_words_alone_do_not_make_a_question() -> None:
    advert = "โปรโมชั่นเดือนนี้ลด 20% สอบถามรายละเอียดเพิ่มเติมได้ที่ร้าน"
    assert detect_intent(advert, Sentiment.NEUTRAL) is Intent.QUESTION  # the rules alone
    assert detect_intent(advert, Sentiment.NEUTRAL, 0.1) is not Intent.QUESTION


def test_praise_needs_a_positive_message() -> None:
    text = "ขอบคุณเจ้าหน้าที่ที่มาเก็บขยะให้ตั้งแต่เช้า สะอาดมากครับ"
    assert detect_intent(text, Sentiment.POSITIVE) is Intent.PRAISE
    assert detect_intent("ขอบคุณที่ไม่เคยมาซ่อมเลย ถนนพังเหมือนเดิม", Sentiment.NEGATIVE) is (
        Intent.COMPLAINT
    )


@pytest.mark.parametrize(
    "text",
    [
        "อยากให้มีไฟส่องสว่างเพิ่มที่ลานจอดรถหลังตลาด",
        "ควรติดตั้งกล้องวงจรปิดที่ทางเข้าสวนสาธารณะ",
        "เสนอให้เปลี่ยนป้ายรถเมล์เป็นแบบมีหลังคา",
    ],
)
def test_suggestions(text: str) -> None:
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.SUGGESTION


def test_opinion_is_a_stated_view_that_is_not_a_complaint() -> None:
    text = "ผมคิดว่าการปิดถนนทำตลาดนัดวันอาทิตย์เป็นเรื่องที่ดีสำหรับชุมชน"
    assert detect_intent(text, Sentiment.NEUTRAL) is Intent.OPINION


def test_a_plain_problem_report_is_a_complaint() -> None:
    assert detect_intent("ท่อระบายน้ำหน้าบ้านอุดตัน น้ำขังส่งกลิ่นเหม็น", Sentiment.NEGATIVE) is (
        Intent.COMPLAINT
    )
    assert detect_intent("ไฟส่องสว่างหน้าซอย 12 ดับสามดวง", Sentiment.NEUTRAL) is Intent.COMPLAINT


def test_a_prepared_message_gives_the_same_intent_as_the_raw_text() -> None:
    raw = "ขอสอบถามหน่อยค่ะะะ ถ.พระราม๔ จะปิดซ่อมถึงวันไหนคะ"
    assert detect_intent(TextInput.of(raw), Sentiment.NEUTRAL) is detect_intent(
        raw, Sentiment.NEUTRAL
    )
    assert detect_intent(TextInput.of(raw), Sentiment.NEUTRAL) is Intent.QUESTION
