"""Harm to a person told by someone who hears or reads of it (a last message and then the phone
off, a rope tied to a beam, a child locked in and hungry, screams and then silence) is rated high
and named; the same words in everyday use are not (team-written examples after the classes
blind batch t38 showed; none is copied from it)."""

from __future__ import annotations

import pytest

from nlp.analysis import Hazard, Urgency
from nlp.pipeline import ThaiAnalyzer


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("แฟนส่งไลน์มาว่าฝากดูแลลูกด้วยนะ แล้วปิดโทรศัพท์ไปเลย ตอนนี้อยู่คอนโดแถวรังสิต", Hazard.INJURED),
        ("พี่ชายโทรมาพูดว่าลาก่อน แล้ววางสาย โทรกลับไม่รับ บ้านอยู่ อ.พิมาย โคราช", Hazard.INJURED),
        ("ป้าข้างบ้านเอาเชือกผูกกับขื่อบ้าน ร้องไห้บอกว่าหมดหนทาง ช่วยด้วยค่ะ", Hazard.INJURED),
        ("เพื่อนส่งรูปข้อมือมีเลือดมาในแชท แล้วเงียบไปเลย", Hazard.INJURED),
        ("ลูกชายพิมพ์มาว่าบ่อยากอยู่แล้วแม่ ตอนนี้ยังโทรบ่ติด", Hazard.INJURED),
        ("หลานบอกว่าจะโดดจากดาดฟ้าหอพัก ตอนนี้ยืนอยู่ข้างบน", Hazard.INJURED),
        ("บ้านตรงข้ามขังหลานไว้ในห้องเก็บของ เด็กร้องว่าหิวข้าวทั้งคืน", Hazard.VIOLENCE),
        ("ได้ยินเสียงผู้หญิงกรีดร้องแล้วก็เงียบไปเลย ห้อง 512 คอนโดหลังตลาด", Hazard.VIOLENCE),
        ("กล้องในบ้านเห็นพี่เลี้ยงเอาหมอนกดหน้าลูก รีบส่งคนไปด่วน", Hazard.VIOLENCE),
        ("我朋友喝了农药，说不想活了", Hazard.INJURED),
        # a will, things given away, a note, then silence or the pills gone with them
        ("แม่เขียนพินัยกรรมไว้บนโต๊ะแล้วออกจากบ้าน ตอนนี้โทรไม่ติด", Hazard.INJURED),
        ("พี่สาวแจกของในห้องให้เพื่อนหมดเลย แล้วติดต่อไม่ได้ตั้งแต่บ่าย", Hazard.INJURED),
        ("เจอจดหมายในห้องลูก เขียนว่าลาก่อนนะแม่ ยานอนหลับของยายก็หายไปด้วย", Hazard.INJURED),
        # up on a height saying why; on the rails; fire to oneself
        ("น้องขึ้นไปนั่งบนราวสะพานแล้วบอกว่าเบื่อโลก", Hazard.INJURED),
        ("มีผู้ชายนอนขวางรางรถไฟหน้าสถานี คนดึงก็ไม่ยอมลุก", Hazard.INJURED),
        ("ลุงราดน้ำมันแล้วตะโกนว่าจะจุดไฟเผาตัวเองหน้าอำเภอ", Hazard.INJURED),
        # chained, tied, a baby crying alone, workers locked in without food
        ("ยายถูกลูกชายล่ามโซ่ไว้ใต้ถุนบ้าน ไม่มีน้ำกิน", Hazard.VIOLENCE),
        ("ผู้ป่วยติดเตียงถูกมัดมือไว้กับเตียง ญาติไม่อยู่บ้าน", Hazard.VIOLENCE),
        ("ได้ยินเด็กเล็กร้องไม่หยุดทั้งคืน ห้องนั้นไม่มีใครอยู่เลย", Hazard.VIOLENCE),
        ("นายจ้างล็อกห้องพักคนงานไว้ห้ามออกมาสามวันแล้ว ไม่มีข้าวกิน", Hazard.VIOLENCE),
    ],
)
def test_harm_heard_or_read_of_is_high(analyzer: ThaiAnalyzer, text: str, hazard: Hazard) -> None:
    analysis = analyzer.analyze(text)
    assert analysis.urgency is Urgency.HIGH
    assert hazard in analysis.hazards


@pytest.mark.parametrize(
    "text",
    [
        "ลาก่อนนะคะ ขอบคุณที่ช่วยเรื่องถนนค่ะ",  # a sign-off
        "ร้อนจะตายแล้ว ไฟดับทั้งซอยตั้งแต่บ่าย",  # a figure of speech
        "เด็กแถวนี้ชอบเล่นล็อกประตูห้องน้ำสาธารณะ แม่บ้านเปิดไม่ได้ หิวข้าวก็ต้องรอ",
        "หลานบ่อยากไปโรงเรียนเพราะรถโรงเรียนมาสาย",  # บ่ อยาก: does not want to go
        "ยายบ่นว่าไม่อยากอยู่แล้วบ้านนี้ น้ำท่วมทุกปี อยากย้ายไปอยู่กับลูก",  # moving house
        "ซอยนี้เป็นแอ่ง น้ำท่วมขังทั้งที่ซอยอื่นไม่มีน้ำขังเลย",  # water standing, nobody locked in
        "เพื่อนบ้านล่ามหมาไว้ทั้งวัน ไม่มีน้ำให้กิน หมาเห่าทั้งคืน",  # a dog, not a person
    ],
)
def test_the_same_words_in_everyday_use_are_not(analyzer: ThaiAnalyzer, text: str) -> None:
    assert analyzer.analyze(text).urgency is not Urgency.HIGH


def test_danger_told_after_a_question_with_if_is_high(analyzer: ThaiAnalyzer) -> None:
    # the "if" belongs to the first question; the explosion is now
    analysis = analyzer.analyze(
        "ถ้าจะต่อบัตรผู้พิการต้องไปที่ไหนคะ แล้วก็ตอนนี้มีเสียงระเบิดที่โรงงานข้างบ้าน ไฟลุกสูงมาก"
    )
    assert analysis.urgency is Urgency.HIGH


@pytest.mark.parametrize(
    "text",
    [
        # an injury asked about as a bill: it is being treated
        "ลุงตกบันไดขาหักเมื่อวันก่อน ใช้สิทธิ์รักษาบัตรทองได้ไหมคะ",
        "คนงานพม่าตกนั่งร้านแขนหัก นายจ้างไม่จ่ายค่ารักษา ทำยังไงได้บ้าง",
        # "send someone" asks for an official, not for help for someone hurt
        "A car parks on the footpath outside the school every morning. Please send someone.",
    ],
)
def test_an_injury_as_a_bill_and_a_plea_for_an_official_are_not_high(
    analyzer: ThaiAnalyzer, text: str
) -> None:
    assert analyzer.analyze(text).urgency is not Urgency.HIGH
