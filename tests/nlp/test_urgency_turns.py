"""A danger told after a turn to now: in a follow-up, after an illness of days, after an apology
for typing badly (team-written examples)."""

from __future__ import annotations

import pytest

from nlp.analysis import Hazard, Intent
from nlp.urgency import hazards_in, still_dangerous


def test_a_follow_up_that_turns_to_a_danger_now_is_high() -> None:
    text = "แจ้งเรื่องถนนไปเดือนที่แล้วยังไม่มีใครมา แต่ตอนนี้ต้นไม้ใหญ่ล้มทับหลังคาบ้านข้างๆแล้ว"
    assert Hazard.COLLAPSE in {cue.hazard for cue in hazards_in(text, Intent.FOLLOW_UP)}


def test_a_follow_up_about_a_danger_then_is_not() -> None:
    text = "เรื่องต้นไม้ล้มทับบ้านที่แจ้งไปเมื่อวาน ตอนนี้ถึงไหนแล้วคะ"
    assert hazards_in(text, Intent.FOLLOW_UP) == []


def test_the_heads_danger_after_days_of_illness_and_a_turn_to_today_counts() -> None:
    text = "น้องเป็นไข้มาสามวัน วันนี้ตัวเย็นเฉียบ ซึม อาเจียนเป็นสีดำ"
    kept = still_dangerous(text, [Hazard.INJURED], Intent.COMPLAINT)
    assert [cue.hazard for cue in kept] == [Hazard.INJURED]


def test_the_heads_danger_of_days_ago_does_not() -> None:
    text = "น้องเป็นไข้มาสามวัน หายแล้วค่ะ"
    assert still_dangerous(text, [Hazard.INJURED], Intent.COMPLAINT) == []


def test_sorry_for_the_typos_is_no_correction() -> None:
    text = "ขอโทษที่พิมพ์ผิดเยอะ มือสั่น เรือนำเที่ยวพลิกคว่ำ คนลอยอยู่ในน้ำเป็นสิบ"
    assert Hazard.DROWNING in {cue.hazard for cue in hazards_in(text, Intent.COMPLAINT)}


def test_a_typo_corrected_is_still_a_correction() -> None:
    text = "เรือคว่ำ พิมพ์ผิดค่ะ เรือจอดอยู่เฉยๆ"
    assert hazards_in(text, Intent.COMPLAINT) == []


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("เมียน้ำคร่ำแตกแล้ว ยังติดอยู่บนมอเตอร์เวย์", Hazard.INJURED),
        ("ลูกค้าลืมลูกไว้ในรถ จอดกลางแดดมาครึ่งชั่วโมงแล้ว", Hazard.TRAPPED),
        ("คนขับแท็กซี่ล็อกประตูไม่ยอมให้หนูลง", Hazard.TRAPPED),
        ("ห้องเช่าชั้นล่างน้ำซึมเข้ามาใต้ประตูแล้ว ที่นอนเริ่มลอย", Hazard.FLOOD_RISING),
        ("ตึกแถวฝั่งตรงข้ามไฟลุกโชน", Hazard.FIRE),
        ("ควันเต็มทางเดินชั้นสี่ ประตูหนีไฟคล้องโซ่ไว้", Hazard.FIRE),
        ("นักเรียนสองกลุ่มขว้างขวดใส่กันหน้าห้าง", Hazard.VIOLENCE),
        ("ลุงคนงานสลบอยู่ในบ่อพักน้ำเสีย", Hazard.INJURED),
        ("ผู้ใหญ่บ้านสั่งให้ทุกคนออกจากหมู่บ้านเดี๋ยวนี้", Hazard.EVACUATION),
        ("สายไฟเส้นที่ขาดดิ้นไปมาอยู่กลางถนน", Hazard.LIVE_WIRE),
        ("เรือประมงเครื่องติดไฟกลางทะเล", Hazard.FIRE),
        ("โจรจับพนักงานไว้เป็นตัวประกันในร้านทอง", Hazard.TRAPPED),
        ("ได้กลิ่นแก๊สหุงต้มทั้งชั้น", Hazard.GAS_LEAK),
        ("ទឹកឡើងខ្លាំង ចូលផ្ទះហើយ", Hazard.FLOOD_RISING),
        ("ขอโทษพิมพ์ผิด มีคนตกคลองยังไม่ขึ้นมา", Hazard.DROWNING),
    ],
)
def test_dangers_told_without_their_usual_words(text: str, hazard: Hazard) -> None:
    assert hazard in {cue.hazard for cue in hazards_in(text, Intent.COMPLAINT)}


@pytest.mark.parametrize(
    "text",
    [
        "ร้านค้าวางของล้นทางเท้า เดินผ่านทีไรจะโดนชั้นวางฟาดหน้า",
        "นักการเมืองพวกนี้ตีหัวเข้าบ้านตลอด",
        "ขอให้เทศบาลซ้อมแผนอพยพหนีน้ำปีนี้ด้วย",
    ],
)
def test_their_everyday_look_alikes_are_not(text: str) -> None:
    assert hazards_in(text, Intent.COMPLAINT) == []
