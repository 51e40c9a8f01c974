"""Emergencies told by what is seen or in dialect, the forms the blind batch t29 found missing:
Isan ฮอด for ถึง and เซ้านี้ for this morning, smoke pouring out of a house, someone dragged out
and beaten, water into a village or about to enter a house, an order to move out, an elder who
got off a bus and vanished; and a gas smell that is gone (team-written examples)."""

from __future__ import annotations

import pytest

from nlp.analysis import Hazard, Intent, Sentiment
from nlp.intent import detect_intent
from nlp.urgency import hazards_in


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("เมื่อคืนน้ำยังบ่ท่วม เซ้านี้ท่วมฮอดเอวแล้ว คนเฒ่าออกบ่ได้", Hazard.FLOOD_RISING),
        ("ควันดำลอยออกมาจากหน้าต่างห้องข้างๆ ได้ยินเสียงไม้ปะทุ", Hazard.FIRE),
        ("ไฟไหม้ป่าลามลงมาถึงหลังบ้านแล้ว ลมแรงมาก", Hazard.FIRE),
        ("มีคนลากคนขับมอไซค์ลงมาตีกลางแยก ตอนนี้ยังรุมอยู่", Hazard.VIOLENCE),
        ("โดนแฟนเก่าดักทำร้ายหน้าบ้าน หัวแตก ตอนนี้หลบอยู่ในร้าน", Hazard.VIOLENCE),
        ("น้ำป่ามาแรงมาก เข้าหมู่บ้านแล้ว รถจมหมด", Hazard.FLOOD_RISING),
        ("น้ำท่วมถนนหน้าบ้านแล้ว กำลังจะเข้าบ้าน มีเด็กเล็กอยู่ด้วย", Hazard.FLOOD_RISING),
        ("ผู้ใหญ่บ้านสั่งให้ย้ายไปอยู่วัด คลื่นซัดเข้าหมู่บ้านแล้ว", Hazard.EVACUATION),
        ("ยายลงจากรถทัวร์ที่ปั๊มแล้วหายไปสองชั่วโมงแล้ว ยายความจำไม่ดี", Hazard.MISSING_PERSON),
        ("ปู่เดินออกไปจากบ้านตอนน้ำลด ไม่มีใครเห็นตั้งแต่เที่ยง", Hazard.MISSING_PERSON),
        ("ศูนย์อพยพน้ำเข้าแล้ว ต้องย้ายคนแก่ไปที่อื่นอีก ไม่มีรถ", Hazard.EVACUATION),
        # in the scripts of the people who live and work here without reading Thai
        ("酒店走廊全是烟，我们出不去", Hazard.FIRE),
        ("電線掉在路上一直冒火花", Hazard.LIVE_WIRE),
        ("ក្មេងធ្លាក់ទឹកនៅស្រះ", Hazard.DROWNING),
        ("ម្តាយខ្ញុំដួល មិនដឹងខ្លួន", Hazard.INJURED),
        ("သူက ဓားနဲ့ ခြိမ်းခြောက်နေတယ်", Hazard.VIOLENCE),
    ],
)
def test_emergencies_told_by_scenes_and_in_dialect_are_named(text: str, hazard: Hazard) -> None:
    assert hazard in [cue.hazard for cue in hazards_in(text, Intent.COMPLAINT)]


def test_a_gas_smell_that_is_gone_now_is_not_an_emergency() -> None:
    text = "เมื่อเช้าได้กลิ่นแก๊สแรงมากหน้าซอย ตอนนี้หายแล้ว อยากให้มาตรวจท่อ"
    assert hazards_in(text, Intent.COMPLAINT) == []


def test_a_story_told_in_order_is_not_an_opinion_that_hides_its_danger() -> None:
    """ "ทุกคนคิดว่า…" (everyone thought) and "ยังมองไม่เห็นว่า…" (cannot see yet whether) tell
    what happened; they are no view about a danger that is over."""
    for text in (
        "ตาออกไปจากบ้านตอนเช้า ทุกคนคิดว่าอยู่กับลุง ไม่มีใครเห็นเลย น้ำยังขึ้นอยู่",
        "เครนล้มพาดทับหลังคาบ้านเช่า บ้านมีคนอยู่ ยังมองไม่เห็นว่าใครเป็นอะไร",
    ):
        analysis_intent = detect_intent(text, Sentiment.NEGATIVE)
        assert analysis_intent is not Intent.OPINION
        assert hazards_in(text, analysis_intent) != []


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        # team-written, after the blind batch t32's misses
        ("ผู้ป่วยหนีออกจากวอร์ดเมื่อครึ่งชั่วโมงก่อน เคยทำร้ายตัวเอง", Hazard.MISSING_PERSON),
        ("Songthaew rolled over near the pier, my friend can't move his legs", Hazard.INJURED),
        ("คนเมาต่อยคนขับรถเมล์ รถยังวิ่งอยู่", Hazard.VIOLENCE),
        ("แกสในครัวรัว เหมนมาก ปิดวาวไม่ได้", Hazard.GAS_LEAK),
        ("คนไข้ท้องแก่ตกเลือดมาก ความดันต่ำ ขอรถด่วน", Hazard.INJURED),
    ],
)
def test_emergencies_told_in_english_by_staff_and_misspelt_are_named(
    text: str, hazard: Hazard
) -> None:
    assert hazard in [cue.hazard for cue in hazards_in(text, Intent.COMPLAINT)]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ที่ลือกันว่าสะพานจะถล่มไม่จริงนะ ผมเพิ่งขับผ่านมา", Intent.COMPLAINT),
        ("เสียงระเบิดดังทั้งคืน นึกว่ามีเหตุร้าย ที่แท้ร้านข้างบ้านจุดพลุ", Intent.COMPLAINT),
        ("สายไฟขาดหน้าบ้านที่แจ้งไว้ ช่างมาตัดไฟแล้ว รอต่อสายใหม่", Intent.FOLLOW_UP),
        ("ปลั๊กในห้องเรียนแตก สายไฟโผล่ ยังไม่มีใครโดนดูด", Intent.COMPLAINT),
        ("เห็นในเฟซว่าตึกถล่มที่ต่างจังหวัด ตึกแถวแถวบ้านก็ร้าว", Intent.COMPLAINT),
        ("ลูกหมาตกท่อข้างตลาด เอาขึ้นมาไม่ได้ ช่วยส่งคนมาหน่อย", Intent.COMPLAINT),
        ("ควายของชาวบ้านตกลงไปในบ่อโคลน ดึงไม่ขึ้น", Intent.COMPLAINT),
        ("ตลิ่งหลังบ้านทรุดไปเมื่อเดือนก่อน ตอนนี้ยังนิ่งอยู่", Intent.COMPLAINT),
    ],
)
def test_rumours_denied_noises_explained_power_cut_off_and_animals_are_not_high(
    text: str, intent: Intent
) -> None:
    assert hazards_in(text, intent) == []
