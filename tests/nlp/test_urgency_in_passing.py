"""A danger's words used in passing: a joke with laughter after it, an aside the writer calls
beside the point, an alarm heard that turned out otherwise, the straw-fire idiom, a rumour
forwarded and asked about, an English "if there is ever a fire", sparks that went out by
themselves; and the emergencies that share their words, which stay high (team-written examples
after the classes of false alarm in blind batch t35; none is copied from it)."""

from __future__ import annotations

import pytest

from nlp.analysis import Hazard, Intent, Urgency
from nlp.pipeline import ThaiAnalyzer
from nlp.urgency import detect_urgency, hazards_in


@pytest.mark.parametrize(
    "text",
    [
        "แฟนบอกว่าเห็นหน้าผมแล้วไฟช็อต 555 ไม่ใช่เรื่องนั้นครับ ถามว่าขอป้ายซอยใหม่ได้ที่ไหน",
        "โดนเจ้านายด่าจนหัวไฟลุก ฮ่าๆ ว่าแต่สวนสาธารณะเปิดกี่โมงครับ",
        "น้องชายเล่นเกมแล้วร้องว่าบ้านถล่ม ที่แท้ในจอ ตกใจหมดเลย ขอถามเรื่องเบี้ยผู้สูงอายุ",
        "โครงการปลูกต้นไม้ของเขตนี่แบบไฟไหม้ฟาง ปลูกเดือนเดียวแล้วก็ปล่อยตาย",
        "If there is ever a flood this road will be cut off, please raise it before the rains",
        "ปลั๊กพ่วงในห้องมีประกายไฟแป๊บนึง ดับเองแล้ว ไม่มีอะไรไหม้ ต้องเปลี่ยนปลั๊กไหมคะ",
        # since t36: a film or a game, a plan, "almost", a comparison, "still quiet", "not yet"
        "ลูกดูละครที่มีฉากน้ำท่วมบ้านแล้วร้องไห้ทั้งคืน อยากให้เขตมีแผนรับมือให้ชาวบ้านรู้",
        "อยากรู้ว่าหมู่บ้านเรามีแผนอพยพไหมคะ ถ้าเขื่อนมีปัญหาต้องไปรวมที่ไหน",
        "รถติดจนแทบขาดใจ ไฟแดงแยกนี้นานมาก",
        "ราคาผักขึ้นยิ่งกว่าไฟไหม้ ชาวบ้านแย่หมดแล้ว",
        "ร้านข้างบ้านเผาขยะบ่อย กลัวว่าไฟจะลามมา ตอนนี้ยังไม่ได้เผานะคะ แค่แจ้งไว้",
        # "ซ่อมด่วน" asks for a repair soon; it does not say the danger goes on
        "ราวบันไดสะพานลอยหักตั้งแต่เมื่อวาน ยังไม่มีใครตกลงไป ช่วยมาซ่อมด่วน",
    ],
)
def test_a_dangers_words_in_passing_are_not_high(text: str) -> None:
    assert hazards_in(text, Intent.COMPLAINT) == []
    assert detect_urgency(text, None, Intent.COMPLAINT) is not Urgency.HIGH


@pytest.mark.parametrize(
    "text",
    [
        "คนในกลุ่มไลน์ส่งต่อว่าตึกใบหยกจะถล่มคืนนี้ ให้คนแถวนั้นอพยพ ข่าวจริงหรือปลอมคะ",
        "ຂອບໃຈທີ່ມາຊ່ວຍຕອນນ້ຳຖ້ວມ ຕອນນີ້ນ້ຳລົດລົງແລ້ວ ທຸກຄົນປອດໄພ",  # Lao: the water is down
        "เมื่อคืนวัยรุ่นยกพวกตีกันหน้าผับ ตอนนี้เลิกไปแล้ว แต่อยากให้ตำรวจมาตรวจบ่อยๆ",
    ],
)
def test_a_rumour_or_a_danger_over_is_not_high(analyzer: ThaiAnalyzer, text: str) -> None:
    assert analyzer.analyze(text).urgency is not Urgency.HIGH


def test_a_forwarded_warning_asked_about_is_not_an_evacuation(analyzer: ThaiAnalyzer) -> None:
    analysis = analyzer.analyze("Fwd: ด่วนที่สุด เขื่อนจะแตกคืนนี้ ให้ทุกบ้านอพยพขึ้นที่สูง อันนี้ข่าวปลอมหรือเปล่าคะ")
    assert analysis.urgency is not Urgency.HIGH


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        # laughter far from the cue, and a fire at number 555: still fires
        ("ไฟไหม้บ้านเลขที่ 555 ซอยวัดใหม่ มีคนติดอยู่ชั้นสอง", Hazard.FIRE),
        ("ได้ยินเสียงดังมาก ที่แท้ไฟไหม้โกดังข้างบ้าน ควันเต็มซอยเลย", Hazard.FIRE),
        ("ไฟไหม้ฟางในนาลามมาถึงรั้วบ้านแล้ว ช่วยด้วย", Hazard.FIRE),
        (
            "Three tourists are missing after the boat trip, their phones are off since noon",
            Hazard.MISSING_PERSON,
        ),
        ("有两个孩子被河水冲走了，快来人", Hazard.DROWNING),
    ],
)
def test_the_same_words_in_an_emergency_stay_high(text: str, hazard: Hazard) -> None:
    assert hazard in [cue.hazard for cue in hazards_in(text, Intent.COMPLAINT)]
