"""Everyday reports that name a danger's words without a danger now: a water pipe leaking, staff
"gone missing" from a counter, stray dogs that chase, a fish or a kitten in trouble, a fire alarm
that is broken, a market that burns often, smoke from a grill, a worry about what will happen,
a cable fallen on the pavement; and the emergencies with the same words, which stay high
(team-written examples, after the classes of false alarm read in Traffy's tickets)."""

from __future__ import annotations

import pytest

from nlp.analysis import Hazard, Intent, Urgency
from nlp.pipeline import ThaiAnalyzer
from nlp.urgency import detect_urgency, hazards_in, still_dangerous


@pytest.mark.parametrize(
    "text",
    [
        "ท่อประปาใต้ถนนรั่วไหลไม่หยุด น้ำไหลเอ่อทั้งซอย",  # water, not gas
        "ถังขยะหน้าตึกแตก น้ำขยะรั่วไหลเลอะทางเดิน",
        "ไปต่อใบขับขี่ เจ้าหน้าที่หายไปไหนกันหมด รอสองชั่วโมงแล้ว",  # staff away, not missing
        "หมาจรฝูงใหญ่ไล่กัดคนขี่มอไซค์หน้าตลาด อยากให้มาจับไป",  # a nuisance that chases
        "ปลาในบึงหายใจไม่ออก ลอยหัวขึ้นมาเต็มไปหมด น้ำเน่ามาก",  # fish
        "ลูกแมวติดอยู่ในท่อหน้าบ้าน ร้องทั้งคืนเลย",  # a kitten
        "สัญญาณเตือนไฟไหม้ที่ตึกเราใช้ไม่ได้ ช่วยมาซ่อมด้วยครับ",  # a device
        "ตลาดนี้ไฟไหม้ถี่มาก อยากให้จัดระเบียบสายไฟใหม่ทั้งหมด",  # often
        "ควันไฟจากรถเข็นปิ้งหมูลอยเข้าห้อง ลูกเป็นภูมิแพ้",  # smoke from a grill
        "ฝาท่อแตกเป็นรูใหญ่ มอไซค์จะคว่ำแน่ๆ รีบมาเปลี่ยนด้วย",  # a fear, in the cue's words
        "สายสื่อสารขาดห้อยยาวเป็นเมตร แล้วหล่นลงมากองบนทางเท้า",  # a cable, not a collapse
    ],
)
def test_everyday_reports_with_a_dangers_words_are_not_high(text: str) -> None:
    assert hazards_in(text, Intent.COMPLAINT) == []
    assert detect_urgency(text, None, Intent.COMPLAINT) is not Urgency.HIGH


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("รถบรรทุกสารเคมีคว่ำ สารรั่วไหลลงคลอง ชาวบ้านแสบตาแสบคอ", Hazard.GAS_LEAK),
        ("ลูกสาวหายไปไหนไม่รู้ ออกไปเล่นตั้งแต่บ่ายยังไม่กลับบ้าน", Hazard.MISSING_PERSON),
        ("หมาบ้ากัดเด็กหน้าบ้าน เลือดออกเยอะมาก", Hazard.INJURED),
        ("ไฟไหม้ตลาดตอนนี้ ลามไปหลายแผงแล้ว", Hazard.FIRE),
        ("น้องบอกว่าจะกินยาให้ตาย ตอนนี้ติดต่อไม่ได้เลย", Hazard.VIOLENCE),
        ("สายไฟฟ้าขาดหล่นลงมาพาดรถ มีประกายไฟ", Hazard.LIVE_WIRE),
    ],
)
def test_the_same_words_in_an_emergency_stay_high(text: str, hazard: Hazard) -> None:
    assert hazard in [cue.hazard for cue in hazards_in(text, Intent.COMPLAINT)]


@pytest.mark.parametrize(
    "text",
    [
        "แม่โดนแก๊งคอลหลอกให้โหลดแอป เงินหายจากบัญชีหมดเลย ช่วยตามให้หน่อยค่ะ",
        "ลุงข้างบ้านรถมอไซค์หายหน้าตลาดเมื่อคืน ช่วยตามหาให้หน่อยครับ",
    ],
)
def test_money_or_things_gone_are_no_missing_person(analyzer: ThaiAnalyzer, text: str) -> None:
    assert Hazard.MISSING_PERSON not in analyzer.analyze(text).hazards


def test_a_person_gone_is_still_a_missing_person(analyzer: ThaiAnalyzer) -> None:
    text = "ยายออกจากบ้านตั้งแต่เช้า ยังไม่กลับ กระเป๋าเงินก็ไม่ได้เอาไป ช่วยตามหาด้วย"
    assert Hazard.MISSING_PERSON in analyzer.analyze(text).hazards


@pytest.mark.parametrize(
    "text",
    [
        "ขอความช่วยเหลือให้ครอบครัวลุงที่บ้านไฟไหม้ทั้งหลัง ม.2 ช่วยได้ที่บัญชีวัด ขอบคุณทุกน้ำใจครับ",
        "ชวนร่วมบริจาคช่วยป้าที่บ้านถูกน้ำท่วมพังทั้งหลัง โอนเข้าบัญชีวัดได้เลยครับ",
    ],
)
def test_an_appeal_to_help_rebuild_after_a_disaster_is_not_high(
    analyzer: ThaiAnalyzer, text: str
) -> None:
    assert analyzer.analyze(text).urgency is not Urgency.HIGH


def test_an_appeal_while_the_danger_goes_on_stays_high(analyzer: ThaiAnalyzer) -> None:
    text = "น้ำยังขึ้นอยู่เลย ชาวบ้านติดอยู่บนหลังคา ตอนนี้รับบริจาคเรือกับเสื้อชูชีพด่วน"
    assert analyzer.analyze(text).urgency is Urgency.HIGH


def test_a_landslide_that_has_stopped_with_nothing_under_it_is_not_high(
    analyzer: ThaiAnalyzer,
) -> None:
    text = "ดินจากเขาไหลลงมาปิดถนนไปครึ่งหนึ่ง ไม่มีรถติดอยู่ ตอนนี้ดินหยุดไหลแล้ว มาตักออกให้หน่อยครับ"
    assert analyzer.analyze(text).urgency is not Urgency.HIGH


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a death told to ask about its paperwork
        ("ตาผมเสียชีวิตแล้วครับ ต้องแจ้งตัดสิทธิ์เบี้ยยังชีพยังไง", Intent.QUESTION),
        # the dog that bit someone, named in a question about where it was taken
        ("อยากถามว่าหมาจรที่กัดคน ถ้าจับไปแล้วเอาไปไว้ที่ไหนครับ", Intent.QUESTION),
        # ash from burning cane fields: breathless is a figure of speech here
        ("ไร่อ้อยข้างบ้านเผาตั้งแต่หัวค่ำ ขี้เถ้าดำๆปลิวเข้าบ้าน ผ้าตากเลอะหมด หายใจไม่ออก", Intent.COMPLAINT),
    ],
)
def test_words_of_injury_in_everyday_matters_are_no_injury(text: str, intent: Intent) -> None:
    assert Hazard.INJURED not in [cue.hazard for cue in hazards_in(text, intent)]


def test_someone_bedridden_is_not_trapped_unless_they_cannot_get_out() -> None:
    noise = "ลุงข้างบ้านเปิดเครื่องเสียงสามวันติด คนป่วยติดเตียงในซอยนอนไม่ได้เลยครับ"
    flood = "น้ำเข้าบ้านแล้ว ยายติดเตียงอยู่ชั้นล่าง ยกไม่ไหว"
    assert still_dangerous(noise, [Hazard.TRAPPED], Intent.COMPLAINT) == []
    assert [cue.hazard for cue in still_dangerous(flood, [Hazard.TRAPPED], Intent.COMPLAINT)] == [
        Hazard.TRAPPED
    ]


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("ดินสไลด์ทับบ้านสองหลัง มีคนติดอยู่ข้างใน ดินยังไหลลงมาเรื่อยๆ", Hazard.COLLAPSE),
        ("พ่อเสียชีวิตในรถที่คว่ำเมื่อกี้ แม่ยังติดอยู่ในรถ เลือดออกเยอะ", Hazard.INJURED),
        ("หมาจรกัดเด็กเลือดออกเยอะ ตอนนี้ยังวิ่งไล่กัดคนอยู่ในซอย", Hazard.INJURED),
        # bites told as done, and the dog still on the attack now
        ("หมาบ้ากัดคนไปสองคนแล้ว ตอนนี้ยังวิ่งไล่กัดอยู่ในซอย", Hazard.INJURED),
    ],
)
def test_the_same_words_when_the_danger_is_now_stay_high(
    analyzer: ThaiAnalyzer, text: str, hazard: Hazard
) -> None:
    analysis = analyzer.analyze(text)
    assert analysis.urgency is Urgency.HIGH
    assert hazard in analysis.hazards
