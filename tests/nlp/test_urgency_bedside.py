"""Emergencies told by what a bystander sees (someone not responding, breath failing, a hand in
a machine, water at the sockets), and the everyday reports that share their words."""

from __future__ import annotations

import pytest

from nlp.analysis import Hazard, Intent, Urgency
from nlp.urgency import detect_urgency, hazards_in


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("ลุงข้างบ้านล้มในห้องน้ำ เรียกแล้วไม่ตอบสนองเลย", Hazard.INJURED),
        ("พี่เค้าวูบไปกลางงานวัด นอนบ่ไหวติงแล้ว", Hazard.INJURED),
        ("มีคนกำลังปั๊มหัวใจให้คนขับรถที่หน้าปั๊ม ส่งคนมาด่วน", Hazard.INJURED),
        ("ลูกสาวหายใจครืดคราด ตัวอ่อนปวกเปียก", Hazard.INJURED),
        ("หลานกินยานอนหลับของแม่ไปหลายเม็ด ตอนนี้ปลุกยาก", Hazard.INJURED),
        ("คนงานนิ้วขาดเพราะเครื่องตัดไม้ เลือดไม่หยุด", Hazard.INJURED),
        ("พ่อป่วยมาสองวัน วันนี้เรียกไม่ตื่นเลยค่ะ", Hazard.INJURED),
        ("แม่ล้มในห้องน้ำ เรียกไม่ตอบเลยค่ะ ต้องทำไงคะ", Hazard.INJURED),
        ("ยายวูบไปกลางตลาด เขย่ายังไงก็ไม่ไหว", Hazard.INJURED),
        ("My grandfather is unresponsive on the floor, please send an ambulance", Hazard.INJURED),
        ("น้ำท่วมชั้นล่าง ปลั๊กไฟจมน้ำหมดแล้ว ไฟยังไม่ได้ตัด", Hazard.LIVE_WIRE),
        ("ครอบครัวเราติดน้ำอยู่บนหลังคา มีเด็กเล็กสองคน", Hazard.TRAPPED),
        ("ป้าข้างห้องโดนสามีทำร้ายอยู่ ได้ยินเสียงร้องไม่หยุด", Hazard.VIOLENCE),
        ("รถกระบะเสียหลัก คนนั่งท้ายกระเด็นตกคูน้ำข้างทาง", Hazard.DROWNING),
        ("ไฟป่าบนดอยยังลุกอยู่ ลามลงมาใกล้หมู่บ้าน", Hazard.FIRE),
        ("คานไม้บนหลังคาศาลาลั่นเป๊าะๆ คนยังนั่งฟังเทศน์อยู่ข้างใต้", Hazard.COLLAPSE),
    ],
)
def test_an_emergency_told_by_what_is_seen_is_high_and_named(text: str, hazard: Hazard) -> None:
    assert hazard in {cue.hazard for cue in hazards_in(text, Intent.COMPLAINT)}
    assert detect_urgency(text, None, Intent.COMPLAINT) is Urgency.HIGH


@pytest.mark.parametrize(
    "text",
    [
        # a drain overflowing into a house when it rains: a blocked drain, not a flood rising
        "ท่อตันทุกทีที่ฝนตก น้ำไหลเข้าบ้านครับ ช่วยมาลอกท่อด้วย",
        # motorbikes could overturn in the pothole: a risk, not a crash now
        "หลุมใหญ่มาก มอเตอร์ไซค์คว่ำง่าย ช่วยมาซ่อมหน่อย",
        # an agency that does not respond is not someone unconscious
        "แจ้งเขตไปหลายรอบแล้วไม่ตอบสนองเลย",
        "หน่วยงานไม่ตอบสนองต่อคำร้อง ขาดการประสานงาน",
        # the Isan บ่ before อยู่ is "not here", not บ่อย (often): the fall is now
    ],
)
def test_everyday_reports_sharing_those_words_are_not_high(text: str) -> None:
    assert detect_urgency(text, None, Intent.COMPLAINT) is not Urgency.HIGH


def test_a_fall_told_in_isan_with_nobody_at_home_is_high() -> None:
    text = "ยายล้มหน้าคว่ำ บ่ไหวติงเลย ลูกหลานบ่อยู่ซักคน"
    assert detect_urgency(text, None, Intent.COMPLAINT) is Urgency.HIGH


def test_an_illness_of_days_does_not_make_today_past() -> None:
    """ "มาสามวัน" is how long the illness has lasted; today she cannot be woken."""
    assert detect_urgency("แม่ไข้สูงมาสามวัน วันนี้ปลุกไม่ตื่น", None, Intent.COMPLAINT) is Urgency.HIGH
    # without the turn to today, the days before make it a lasting problem, as before
    assert detect_urgency("ไฟดับมาสามวัน", None, Intent.COMPLAINT) is not Urgency.HIGH


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("รถตู้มีเปลวไฟออกมาจากใต้ท้อง คนยังลงไม่หมด", Hazard.FIRE),
        ("ผู้โดยสารยังออกมาไม่หมด ควันเต็มรถ", Hazard.TRAPPED),
        ("Smoke in the stairwell of our building and the alarm is ringing", Hazard.FIRE),
        (
            "There is a strong gas smell in the kitchen of the restaurant downstairs",
            Hazard.GAS_LEAK,
        ),
        ("หลานพลัดตกเรือหางยาวกลางแม่น้ำ ตอนนี้บ่เห็นหัวแล้ว", Hazard.DROWNING),
        ("น้ำชีขึ้นไวหลาย ท่วมเฮือนแล้ว", Hazard.FLOOD_RISING),
    ],
)
def test_flames_smoke_a_gas_smell_and_water_told_plainly_are_high(
    text: str, hazard: Hazard
) -> None:
    assert hazard in {cue.hazard for cue in hazards_in(text, Intent.COMPLAINT)}


@pytest.mark.parametrize(
    "text",
    [
        "ท่อแตกน้ำทะลักเหมือนเขื่อนแตก เสียน้ำมาก",  # a simile
        "ฝาท่อเปิดอยู่ ขอให้มาปิดก่อนมีคนตกลงไป",  # before it happens
        "เห็นในติ๊กต็อกว่ามีคนลักพาตัวเด็กที่ตลาด ข่าวจริงหรือปลอมคะ",  # a rumour asked about
        "ลิฟต์ค้างมีคนติดอยู่ครึ่งชั่วโมง ช่างมาเปิดได้แล้ว",  # over
        "มีคนตีกันหน้าร้านเหล้า ตำรวจมาเคลียร์แล้ว แต่อยากให้ปิดเร็วขึ้น",  # over
        "ล้มบนทางเท้าแขนหัก ตอนนี้ใส่เฝือกอยู่ อยากให้ซ่อม",  # cared for
    ],
)
def test_similes_warnings_rumours_and_what_is_over_are_not_high(text: str) -> None:
    assert detect_urgency(text, None, Intent.COMPLAINT) is not Urgency.HIGH


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("เด็กนักเรียนเป็นลมไป 5 คนแล้ว ได้กลิ่นฉุนๆจากโรงงาน", Hazard.INJURED),  # fainting now
        ("ควันดำพุ่งออกมาจากห้องชั้น 4 ได้กลิ่นไหม้", Hazard.FIRE),
        ("ฝายหน้าหมู่บ้านแตกแล้ว น้ำกำลังมา", Hazard.FLOOD_RISING),
        ("เจ้าหน้าที่ตะโกนให้หนีขึ้นที่สูง น้ำทะเลลดลงผิดปกติ", Hazard.EVACUATION),
        ("เด็กเข้าไปเล่นในตู้เย็นเก่า ฝาปิดแล้วเปิดไม่ออก", Hazard.TRAPPED),
        ("ลุงเมาเอามีดพร้าเดินตามคนในซอย", Hazard.VIOLENCE),
        ("He is outside the door with a knife and says he will kill her", Hazard.VIOLENCE),
        ("ได้ยินเสียงฟู่ๆจากท่อแก๊สหน้าตึก", Hazard.GAS_LEAK),
    ],
)
def test_dangers_told_by_what_is_seen_and_heard_are_named(text: str, hazard: Hazard) -> None:
    assert hazard in {cue.hazard for cue in hazards_in(text, Intent.COMPLAINT)}


@pytest.mark.parametrize(
    "text",
    [
        "น้ำท่วมขังทุกครั้งที่ฝนตก รถพังหลายคันเพราะน้ำเข้ารถ",  # damage to cars, nobody in them
        "ท่อน้ำตัน แล้วน้ำมันทะลักและเน่า",  # grease from a drain, not fuel
        "หมาจรตัวนี้กัดเด็กไปสามคนแล้ว ช่วยจับไปด้วย",  # a tally of bites
    ],
)
def test_damage_grease_and_a_tally_of_bites_are_not_high(text: str) -> None:
    assert detect_urgency(text, None, Intent.COMPLAINT) is not Urgency.HIGH


@pytest.mark.parametrize(
    "text",
    ["ຖ້າມີຄົນຈົມນ້ຳ ຕ້ອງໂທຫາເບີໃດ", "如果在泰国遇到火灾应该打什么电话？"],
)
def test_what_to_do_if_asked_in_lao_or_chinese_is_no_emergency_now(text: str) -> None:
    assert detect_urgency(text, None, Intent.COMPLAINT) is not Urgency.HIGH
