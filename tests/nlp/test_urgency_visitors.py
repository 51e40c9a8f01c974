"""Visitors' languages (Japanese, Korean, Vietnamese) and more English: an emergency told in them
is rated high and names its hazard, while the same words as a question about "if", or about
yesterday, are not; and in Thai, a fire said to be out that flared up again, a gas smell "since a
moment ago", a siren with people running that nobody said was a drill (team-written examples
after the classes blind batch t37 showed; none is copied from it)."""

from __future__ import annotations

import pytest

from nlp.analysis import Hazard, Urgency
from nlp.pipeline import ThaiAnalyzer


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("パタヤのホテルの隣の店で火事です。煙がすごいです。", Hazard.FIRE),
        ("友達が海で流されました。見えません。助けてください。", Hazard.DROWNING),
        ("우리 아이가 시장에서 없어졌어요. 도와주세요.", Hazard.MISSING_PERSON),
        ("호텔 3층에 불이 났어요. 연기가 많아요.", Hazard.FIRE),
        ("Có người bị thương nặng, chảy máu nhiều ở chợ Nong Khai.", Hazard.INJURED),
        ("Nước đang dâng vào nhà, chúng tôi có trẻ em.", Hazard.FLOOD_RISING),
        (
            "The staff told everyone to get out, the slope behind the resort is sliding",
            Hazard.COLLAPSE,
        ),
        ("แจ้งไปแล้วว่าไฟไหม้กองขยะ ตอนนั้นบอกดับแล้ว แต่ตอนนี้ไฟลุกขึ้นมาใหม่ ลามเข้าสวนแล้ว", Hazard.FIRE),
        ("ห้องข้างๆ แก๊สรั่ว กลิ่นแรงมากตั้งแต่เมื่อกี้ เคาะประตูไม่มีใครตอบ", Hazard.GAS_LEAK),
        ("ไซเรนเตือนภัยดังทั้งหาด คนวิ่งหนีขึ้นที่สูงกัน ไม่มีใครบอกว่าเป็นการซ้อม", Hazard.EVACUATION),
    ],
)
def test_an_emergency_in_a_visitors_words_is_high(
    analyzer: ThaiAnalyzer, text: str, hazard: Hazard
) -> None:
    analysis = analyzer.analyze(text)
    assert analysis.urgency is Urgency.HIGH
    assert hazard in analysis.hazards


@pytest.mark.parametrize(
    "text",
    [
        "홍수가 나면 어디로 가야 하나요?",  # Korean: if a flood comes
        "Nếu thấy cháy rừng thì gọi số nào?",  # Vietnamese: if I see a forest fire
        "昨日、友達が歩道で転んでけがをしました。歩道を直してください。",  # yesterday
        "ไซเรนดังเมื่อกี้ ทดสอบระบบใช่ไหมคะ",  # a siren tested, nobody running
        "เมื่อคืนรถตกคลองหน้าหมู่บ้าน คนขับปลอดภัย ขอราวกั้นหน่อยค่ะ",  # the driver is safe
        "ร้านก๋วยเตี๋ยวเจ้านี้ไฟลุกจริง คิวยาวทุกวัน แต่จอดรถขวางทางเข้า",  # selling like wildfire
    ],
)
def test_the_same_words_asked_about_or_over_are_not_high(analyzer: ThaiAnalyzer, text: str) -> None:
    assert analyzer.analyze(text).urgency is not Urgency.HIGH
