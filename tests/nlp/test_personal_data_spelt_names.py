"""Names written so that a masker misses them: spaced out letter by letter, after a social
network's name, or a family named by its surname after ตระกูล. Letters of a grade, a network's
own words, a brand's account and a plant's family are kept. All example messages are
team-written for these tests."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ส ม ช า ย ที่ขายหวยเถื่อนหน้าวัด", "ส ม ช า ย"),
        ("J o h n ที่ขับรถส่งของ ขับเร็วมาก", "J o h n"),
        ("FB Somchai Jaidee โพสต์ขายของปลอม", "Somchai Jaidee"),
        ("น้องสาว (ig: ploy_2541) โดนหลอกโอนเงิน", "ploy_2541"),
        ("ที่ดินตระกูลศรีสวัสดิ์ล้อมรั้วปิดทาง", "ศรีสวัสดิ์"),
    ],
)
def test_a_name_spelt_out_on_social_media_or_of_a_family_is_masked(text: str, name: str) -> None:
    assert name not in redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "ได้เกรด A B C ทุกวิชา",
        "ดูใน IG Story ของเพจ",
        "TikTok Shop ส่งของช้า",
        "เพจ IG: shop_abc99 ขายของปลอม",
        "พืชตระกูลถั่วปลูกริมทาง",
        "ไม้ตระกูลปาล์มล้มขวางถนน",
        "ตระกูลนี้รวยมาก",
    ],
)
def test_letters_network_words_brands_and_kinds_are_kept(text: str) -> None:
    assert redact(text).text == text
