"""Emergencies told without the danger's name (a hiss and a smell, water that did not give back a
child, what the flood has reached, someone still under the bricks) and in the languages of
migrant workers and visitors (Burmese, Khmer, Chinese) are rated high and name their hazard; the
same words as a question about "if" are not (team-written examples after the classes blind batch
t36 showed; none is copied from it)."""

from __future__ import annotations

import pytest

from nlp.analysis import Hazard, Intent, Urgency
from nlp.pipeline import ThaiAnalyzer


@pytest.mark.parametrize(
    ("text", "hazard"),
    [
        ("หลานกระโดดลงคลองไปเก็บรองเท้า แล้วไม่โผล่ขึ้นมาเลย ทำไงดี", Hazard.DROWNING),
        ("ฝนไม่หยุด น้ำเข้าถึงเตียงแล้ว ตายายยังอยู่ในบ้าน", Hazard.FLOOD_RISING),
        ("ร้านข้างบ้านมีเสียงฟี้ดจากถังแก๊สแล้วได้กลิ่นฉุนมาก", Hazard.GAS_LEAK),
        ("กำแพงวัดล้มลงมา ยังมีคนอยู่ใต้ซากกำแพงสองคน", Hazard.TRAPPED),
        ("厨房里有臭鸡蛋的味道，我妈妈晕倒了", Hazard.GAS_LEAK),
        ("雨一直下，水还在涨，已经到胸口了", Hazard.FLOOD_RISING),
        ("我弟弟滑进河里了，一直没浮上来", Hazard.DROWNING),
        ("အလုပ်ရုံမှာ မီးလောင်နေပြီ အမြန်လာပါ", Hazard.FIRE),
        ("ឈាមហូរច្រើនណាស់ ជួយផង", Hazard.INJURED),
    ],
)
def test_an_emergency_told_without_its_name_is_high(
    analyzer: ThaiAnalyzer, text: str, hazard: Hazard
) -> None:
    analysis = analyzer.analyze(text)
    assert analysis.urgency is Urgency.HIGH
    assert hazard in analysis.hazards


def test_a_fire_asked_about_with_burmese_if_is_not_high(analyzer: ThaiAnalyzer) -> None:
    # "If there is a fire at the workshop, which number do I call?"
    analysis = analyzer.analyze("အလုပ်ရုံမှာ မီးလောင်ရင် ဘယ်နံပါတ်ကို ဖုန်းဆက်ရမလဲ")
    assert analysis.urgency is not Urgency.HIGH


def test_swimming_is_not_an_opinion_and_what_to_do_is_a_question(analyzer: ThaiAnalyzer) -> None:
    # ว่ายน้ำ (to swim) after ผม is not ผมว่า (I think); ควรทำยังไง asks, it does not propose
    assert analyzer.analyze("ลูกตกสระ ผมว่ายน้ำไม่เป็น").intent is not Intent.OPINION
    assert analyzer.analyze("ลูกกินยาของยายเข้าไปสิบเม็ด ควรทำยังไงดีคะ").intent is not Intent.SUGGESTION
