"""Names the layout around a phone number, a signature or a role gives away, and an ID glued to
the word that says so. Cases written from batch 18's train half and the team's own examples
(all invented)."""

from __future__ import annotations

import pytest

from nlp.personal_data import redact


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("ประเสริฐ ทองคำ 0812297764 ครับ ไฟทางดับทั้งซอย", ("ประเสริฐ", "ทองคำ")),
        ("ลุงต่อม 086 214 5593 บ้านอยู่ท้ายซอย", ("ต่อม",)),
        ("ติดต่อ 09 2 4 4 7 1 3 6 0 ค่ะ (คุณจอย)", ("จอย",)),
        ("นายกสมชาย อบต.ท่าข้าม เอารถน้ำไปรดสวนตัวเอง", ("สมชาย",)),
        ("สท.ประยูร เขต 2 ถมถนนแค่หน้าบ้านตัวเอง", ("ประยูร",)),
        ("ป้ออุ๊ยแสง หมู่ 4 ยังบ่ได้เบี้ยคนพิการ", ("แสง",)),
        ("ขอบคุณค่ะ (ลงชื่อ วันเพ็ญ ส.)", ("วันเพ็ญ",)),
        # officials complained about by title and name (December 2026)
        ("ร้อยเวรสมชายไม่ยอมรับแจ้งความ บอกให้ไปตกลงกันเอง", ("สมชาย",)),
        ("นายอำเภอประสิทธิ์ไม่เคยลงมาดูน้ำท่วมเลย", ("ประสิทธิ์",)),
    ],
)
def test_a_name_beside_a_phone_a_signature_or_a_role_is_masked(
    text: str, names: tuple[str, ...]
) -> None:
    redacted = redact(text).text
    assert [n for n in names if n in redacted] == []


def test_an_id_number_glued_to_the_word_id_is_masked_and_a_handle_is_not() -> None:
    assert "1103700123458" not in redact("idcard1103700123458 สมัครไม่ผ่าน").text
    assert "sku1103700123458" in redact("รหัสสินค้า sku1103700123458 ของหมด").text


@pytest.mark.parametrize(
    "text",
    [
        "ร้านข้าวแกง โทร 0812345678",
        "รถเช่า อยุธยา 0812345678",
        "นายกรัฐมนตรีลงพื้นที่น้ำท่วม",
        "ลงชื่อเข้าใช้แอปไม่ได้",
        "ร้อยเวรที่โรงพักไม่รับแจ้งความ",
        "นายอำเภอลงพื้นที่ดูน้ำท่วมแล้ว",
    ],
)
def test_shops_places_and_words_beside_a_phone_or_a_role_are_kept(text: str) -> None:
    redacted = redact(text).text
    kept = ("ข้าวแกง", "อยุธยา", "รัฐมนตรี", "เข้าใช้", "ที่โรงพัก", "ลงพื้นที่")
    assert [w for w in kept if w in text and w not in redacted] == []
